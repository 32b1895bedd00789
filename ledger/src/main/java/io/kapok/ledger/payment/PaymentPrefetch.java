package io.kapok.ledger.payment;

/**
 * The keys of the payments a caller is about to apply, one batch at a time, for {@link
 * io.kapok.ledger.Ledger#prefetch(PaymentPrefetch)}: each payment's (sender, MsgId) and UETR,
 * hashed as the payment window files them. Reused batch after batch; holds no reference to the
 * Strings it was given, and allocates nothing.
 */
public final class PaymentPrefetch {
    /** Most payments in one batch; {@link #add} ignores any beyond it. */
    public static final int PAYMENTS_MAX = 64;

    /** Per payment: message hash, UETR hash (0 when it claims none). */
    final int[] keyHashes = new int[2 * PAYMENTS_MAX];

    int count;

    /** Empties the batch. */
    public void clear() {
        count = 0;
    }

    /** Payments added since {@link #clear()}, at most {@link #PAYMENTS_MAX}. */
    public int count() {
        return count;
    }

    /** True when no more payments fit. */
    public boolean full() {
        return count == PAYMENTS_MAX;
    }

    /**
     * Adds the next payment to be applied: its sender, MsgId and UETR (null when it claims none).
     * Hashing reads each String's hash code, computed once and kept by the String, so the ledger's
     * own look-ups of the same Strings cost nothing more.
     */
    public void add(String senderId, String messageId, String uetr) {
        if (count == PAYMENTS_MAX) {
            return;
        }
        int i = 2 * count;
        keyHashes[i] = DecidedPayments.messageHash(senderId, messageId);
        keyHashes[i + 1] = uetr == null ? 0 : DecidedPayments.uetrHash(uetr);
        count++;
    }

    /**
     * Adds a transfer's keys ({@link #add(String, String, String)}), as its {@link
     * TransferCommand#computeKeys} made them if they are current.
     */
    public void add(TransferCommand transfer) {
        if (count == PAYMENTS_MAX) {
            return;
        }
        transfer.ensureKeys();
        int i = 2 * count;
        keyHashes[i] = transfer.keyedMessageHash();
        keyHashes[i + 1] = transfer.keyedUetrHash();
        count++;
    }
}
