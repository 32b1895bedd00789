package io.kapok.gateway.sequencer;

import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.ledger.payment.TransferCommand;

/**
 * The ledger's command for a decoded pacs.008, made by the event loop that decoded it, before the
 * payment enters the ring: the ids become Strings there, and the command's keys (the payment
 * window's hashes of (sender, MsgId) and UETR, and the fingerprint that tells a retry from a reuse:
 * {@link TransferCommand#computeKeys}) are computed there too, in parallel across event loops,
 * rather than on the one sequencer thread every payment goes through.
 */
public final class PaymentCommands {
    private PaymentCommands() {}

    /**
     * Fills {@code c} with what {@code payment} asks of the ledger, sent by {@code senderId}, and
     * computes its keys. Sequence and receive time are the sequencer's to set.
     */
    public static void fill(TransferCommand c, String senderId, Pacs008View payment) {
        c.senderId = senderId;
        c.messageId = payment.messageId().toString().trim();
        c.uetr = payment.uetr().toString().trim();
        c.endToEndId = payment.endToEndId().toString().trim();
        c.debitPartyId = Bics.normalise(payment.instructingAgentBic());
        c.creditPartyId = Bics.normalise(payment.instructedAgentBic());
        c.currency = payment.currency();
        c.amountMinor = payment.amountMinor();
        c.instructedCurrency = payment.instructedCurrency();
        c.instructedAmountMinor = payment.instructedAmountMinor();
        c.exchangeRateScaled = payment.exchangeRateScaled();
        c.computeKeys();
    }
}
