package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A credit transfer between two parties' settlement accounts (from a pacs.008): debit
 * {@link #debitPartyId} (the instructing agent), credit {@link #creditPartyId} (the instructed
 * agent), {@link #amountMinor} of {@link #currency}.
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
        return h;
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
