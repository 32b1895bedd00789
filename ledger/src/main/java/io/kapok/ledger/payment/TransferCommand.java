package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A credit transfer between two parties' settlement accounts (from a pacs.008): debit
 * {@link #debitPartyId} (the instructing agent), credit {@link #creditPartyId} (the instructed
 * agent), {@link #amountMinor} of {@link #currency}.
 */
public final class TransferCommand extends LedgerCommand {
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
     * from a conflicting reuse of the same message id (different fingerprint). Each text field is
     * hashed on its own (FNV-1a over pairs of chars, so its dependency chain is half its length and
     * the fields' chains overlap in the CPU); the field hashes, currency and amount are then mixed in
     * order, so ("ab", "c") and ("a", "bc") differ. Allocates nothing.
     */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        h = combine(h, hash(senderId));
        h = combine(h, hash(messageId));
        h = combine(h, hash(uetr));
        h = combine(h, hash(endToEndId));
        h = combine(h, hash(debitPartyId));
        h = combine(h, hash(creditPartyId));
        h = combine(h, currency);
        h = combine(h, amountMinor);
        return h;
    }

    private static long hash(String s) {
        if (s == null) {
            return 0x1F;
        }
        int n = s.length();
        long h = 0xcbf29ce484222325L ^ n;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            h = (h ^ (s.charAt(i) | (long) s.charAt(i + 1) << 16)) * 0x100000001b3L;
        }
        if (i < n) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** One round of a 64-bit multiply-xorshift mix (as in SplitMix64) of {@code v} into {@code h}. */
    private static long combine(long h, long v) {
        long x = (h ^ v) * 0xbf58476d1ce4e5b9L;
        x ^= x >>> 31;
        return x * 0x94d049bb133111ebL;
    }
}
