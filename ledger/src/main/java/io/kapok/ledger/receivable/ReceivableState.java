package io.kapok.ledger.receivable;

/**
 * Life cycle of a receivable. Codes are stable (events, snapshots, the state hash).
 *
 * <pre>
 *  REGISTERED ─confirm─► CONFIRMED ─request─► FINANCING_REQUESTED ─accept─► FINANCED ─pay─► SETTLED
 *      │ refuse             │ ▲ pay → SETTLED        │ reject/cancel ▲            │
 *      ▼                    │ └────────────────────────────────────────────────────┘ cancel (undisbursed)
 *  REJECTED            CANCELLED (withdrawn)      any unpaid state past its due date ─► OVERDUE ─pay─► SETTLED
 *
 *  CONFIRMED ─assign to a bank (factoring)─► ASSIGNED ─pay the bank─► SETTLED    (or withdrawn by the bank: CANCELLED)
 * </pre>
 *
 * <p>An ASSIGNED receivable (the whole claim, or the part a partial assignment split off) is held by
 * the bank it was assigned to; it is neither split, financed nor assigned again.
 */
public enum ReceivableState {
    REGISTERED(1),
    CONFIRMED(2),
    FINANCING_REQUESTED(3),
    FINANCED(4),
    SETTLED(5),
    REJECTED(6),
    CANCELLED(7),
    OVERDUE(8),
    /** Held by a bank after an assignment (factoring); repaid to that bank at maturity. */
    ASSIGNED(9);

    private static final ReceivableState[] VALUES = values();
    private final int code;

    ReceivableState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ReceivableState ofCode(int code) {
        for (ReceivableState s : VALUES) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown receivable state code " + code);
    }

    /** True for the states a payment can still settle (and that turn OVERDUE past the due date). */
    public boolean unpaid() {
        return this == REGISTERED
                || this == CONFIRMED
                || this == FINANCING_REQUESTED
                || this == FINANCED
                || this == ASSIGNED;
    }
}
