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
     * A 64-bit FNV-1a fingerprint of everything the payment says, used to tell a retry (same
     * fingerprint) from a conflicting reuse of the same message id (different fingerprint).
     */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        h = mix(h, senderId);
        h = mix(h, messageId);
        h = mix(h, uetr);
        h = mix(h, endToEndId);
        h = mix(h, debitPartyId);
        h = mix(h, creditPartyId);
        h = mix(h, currency);
        h = mix(h, amountMinor);
        return h;
    }

    private static long mix(long h, String s) {
        int n = s == null ? 0 : s.length();
        for (int i = 0; i < n; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ 0x1F) * 0x100000001b3L; // field separator, so ("ab","c") != ("a","bc")
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xFF)) * 0x100000001b3L;
            v >>>= 8;
        }
        return h;
    }
}
