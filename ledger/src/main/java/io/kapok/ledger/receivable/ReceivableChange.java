package io.kapok.ledger.receivable;

/**
 * What happened to a receivable, as kept in its history ({@link Receivable#historySize()}). Codes
 * are stable: snapshots and the state hash store them.
 */
public enum ReceivableChange {
    /** Registered by its creditor or pushed by its debtor: REGISTERED. */
    REGISTERED(1),
    /** The debtor confirmed it: CONFIRMED. */
    CONFIRMED(2),
    /** The debtor refused it: REJECTED. */
    REFUSED(3),
    /** A part was split off to a lower-tier supplier (the parent's entry); outstanding shrank. */
    SPLIT(4),
    /** Created by a split, CONFIRMED, held by the lower-tier supplier (the child's first entry). */
    SPLIT_FROM_PARENT(5),
    /** Its holder asked for financing: FINANCING_REQUESTED. */
    FINANCING_REQUESTED(6),
    /** The bank accepted the financing: FINANCED. */
    FINANCED(7),
    /** The bank refused the financing: CONFIRMED again. */
    FINANCING_REFUSED(8),
    /** The holder cancelled the financing before disbursement: CONFIRMED again. */
    FINANCING_CANCELLED(9),
    /** The bank disbursed the financing. */
    DISBURSED(10),
    /** The debtor's bank paid it: SETTLED. */
    SETTLED(11),
    /** The holder withdrew it: CANCELLED. */
    CANCELLED(12),
    /** Found unpaid past its due date: OVERDUE. */
    OVERDUE(13),
    /**
     * Assigned to a bank (factoring): ASSIGNED, held by the bank. The whole receivable's entry, or
     * the first entry of the child a partial assignment split off (its parent records SPLIT).
     */
    ASSIGNED(14);

    private static final ReceivableChange[] BY_CODE = new ReceivableChange[15];

    static {
        for (ReceivableChange c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    ReceivableChange(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The change with this code; throws for a code no version of Kapok wrote. */
    public static ReceivableChange ofCode(int code) {
        ReceivableChange c = code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (c == null) {
            throw new IllegalArgumentException("unknown receivable change code " + code);
        }
        return c;
    }
}
