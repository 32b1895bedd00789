package io.kapok.gateway.sequencer;

import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.ledger.payment.TransferCommand;

/**
 * The ledger's command for a decoded pacs.008, made by the event loop that decoded it, before the
 * payment enters the ring: the ids become Strings there, and the command's keys (the payment
 * window's hashes of (sender, MsgId) and UETR, and the fingerprint that tells a retry from a reuse:
 * {@link TransferCommand#computeKeys}) are computed there too, in parallel across event loops,
 * rather than on the one sequencer thread every payment goes through. The agents' BICs are the
 * ledger's own instances of known parties' ids ({@link PartyIds}).
 */
public final class PaymentCommands {
    private PaymentCommands() {}

    /**
     * A new command for what {@code payment} asks of the ledger, sent by {@code senderId}, its keys
     * computed, its agents named as {@code parties} knows them. New for each payment (~300 bytes,
     * with its encoded ids), so that it dies young with the payment's Strings: a command reused from
     * a ring slot would take an event loop's young references into an old object, whose card every
     * young collection then scans (measured: ~1 µs of the collector's CPU a payment more, and more of
     * the sequencer's). Sequence and receive time are the sequencer's to set.
     */
    public static TransferCommand newCommand(String senderId, Pacs008View payment, PartyIds parties) {
        TransferCommand c = new TransferCommand();
        c.senderId = senderId;
        c.messageId = payment.messageId().toString().trim();
        c.uetr = payment.uetr().toString().trim();
        c.endToEndId = payment.endToEndId().toString().trim();
        c.debitPartyId = parties.bic(payment.instructingAgentBic());
        c.creditPartyId = parties.bic(payment.instructedAgentBic());
        c.currency = payment.currency();
        c.amountMinor = payment.amountMinor();
        c.instructedCurrency = payment.instructedCurrency();
        c.instructedAmountMinor = payment.instructedAmountMinor();
        c.exchangeRateScaled = payment.exchangeRateScaled();
        c.computeKeys();
        return c;
    }
}
