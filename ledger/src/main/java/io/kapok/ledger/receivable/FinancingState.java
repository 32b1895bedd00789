package io.kapok.ledger.receivable;

/**
 * Life cycle of a financing. Codes are stable. REQUESTED and ACCEPTED and DISBURSED are active:
 * a receivable has at most one active financing. The credit-line hold follows the state: reserved
 * while ACCEPTED, posted (used) while DISBURSED, voided on cancellation, released on repayment.
 */
public enum FinancingState {
    REQUESTED(1),
    ACCEPTED(2),
    DISBURSED(3),
    REJECTED(4),
    CANCELLED(5),
    REPAID(6);

    private static final FinancingState[] VALUES = values();
    private final int code;

    FinancingState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FinancingState ofCode(int code) {
        for (FinancingState s : VALUES) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown financing state code " + code);
    }

    public boolean active() {
        return this == REQUESTED || this == ACCEPTED || this == DISBURSED;
    }
}
