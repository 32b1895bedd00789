package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A credit transfer between two parties' settlement accounts (from a pacs.008): debit
 * {@link #debitPartyId} (the instructing agent), credit {@link #creditPartyId} (the instructed
 * agent), {@link #amountMinor} of {@link #currency}.
 *
 * <p>When {@link #instructedCurrency} is set and differs from {@link #currency} the transfer is
 * cross-currency (the pacs.008's {@code InstdAmt} is in another currency than its {@code
 * IntrBkSttlmAmt}): the instructed agent is still credited {@link #amountMinor} of {@link
 * #currency}, and the instructing agent is debited that amount converted into {@link
 * #instructedCurrency} at the ledger's rate (see {@code Ledger}, "Cross-currency transfers").
 */
public final class TransferCommand extends LedgerCommand implements PaymentMessage {
    /** Who sent it (its identity, as authenticated); with {@link #messageId}, the idempotency key. */
    public String senderId;

    public String messageId;
    /** Lowercase UUID v4; unique across all payments. */
    public String uetr;

    public String endToEndId;
    public String debitPartyId;
    public String creditPartyId;
    /** Packed ISO 4217 code. */
    public int currency;
    /** Amount in minor units, &gt; 0. */
    public long amountMinor;
    /**
     * Packed ISO 4217 code of the pacs.008's {@code InstdAmt}, the currency the instructing agent is
     * debited in; 0 when the message had none (then, as when it equals {@link #currency}, the
     * transfer is in one currency).
     */
    public int instructedCurrency;
    /** {@code InstdAmt} in minor units of {@link #instructedCurrency}; 0 when absent. Kept, not posted. */
    public long instructedAmountMinor;
    /**
     * {@code XchgRate} × 10^8 (units of {@link #currency} per unit of {@link #instructedCurrency}),
     * rounded half-even; 0 when the message stated none. When stated, the ledger's rate must agree
     * within {@code Ledger.FX_RATE_TOLERANCE_PPM}.
     */
    public long exchangeRateScaled;

    @Override
    public CommandType type() {
        return CommandType.TRANSFER;
    }

    /**
     * A 64-bit fingerprint of everything the payment says, used to tell a retry (same fingerprint)
     * from a conflicting reuse of the same (sender, message id) (different fingerprint). It mixes, in
     * order, each text field's {@link String#hashCode()} and length, the currency and the amount
     * through a SplitMix64 round per field, so ("ab", "c") and ("a", "bc") differ. The String hashes
     * are the ones the ledger's lookups compute anyway (and the String caches), so this costs a few
     * multiplications, and allocates nothing.
     *
     * <p>Two different payloads share a fingerprint only if every differing text field collides in
     * its 32-bit hash: by accident about one chance in 2^32. A sender who crafts such a collision on
     * its own message id only gets the original answer back instead of DUPLICATE; nothing moves.
     *
     * <p>The instructed amount and the exchange rate are mixed in only when {@link
     * #instructedCurrency} is set, so a transfer in one currency keeps the fingerprint it always had
     * (snapshots taken before cross-currency transfers existed still recognise its retries).
     */
    @Override
    public long fingerprint() {
        long h = Fingerprint.START;
        h = Fingerprint.mix(h, Fingerprint.text(senderId));
        h = Fingerprint.mix(h, Fingerprint.text(messageId));
        h = Fingerprint.mix(h, Fingerprint.text(uetr));
        h = Fingerprint.mix(h, Fingerprint.text(endToEndId));
        h = Fingerprint.mix(h, Fingerprint.text(debitPartyId));
        h = Fingerprint.mix(h, Fingerprint.text(creditPartyId));
        h = Fingerprint.mix(h, currency);
        h = Fingerprint.mix(h, amountMinor);
        if (instructedCurrency != 0) {
            h = Fingerprint.mix(h, instructedCurrency);
            h = Fingerprint.mix(h, instructedAmountMinor);
            h = Fingerprint.mix(h, exchangeRateScaled);
        }
        return h;
    }

    /** True when the debit is in another currency than the credit (see the class doc). */
    public boolean crossCurrency() {
        return instructedCurrency != 0 && instructedCurrency != currency;
    }

    @Override
    public String senderId() {
        return senderId;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public String uetr() {
        return uetr;
    }
}
