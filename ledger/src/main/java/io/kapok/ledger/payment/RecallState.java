package io.kapok.ledger.payment;

/**
 * Where a recall (camt.056) of a settled transfer stands; the code is what a {@code RECALL_STATE}
 * event carries. Codes are stable.
 */
public enum RecallState {
    /** Requested by the original's debtor, waiting for the creditor's camt.029. */
    OPEN(1),
    /** Accepted by the creditor (camt.029 CNCL): what remained unreturned went back. */
    CANCELLED(2),
    /** Refused by the creditor (camt.029 RJCR): nothing moved. */
    REJECTED(3),
    /** Closed by a pacs.004 return of the original while it was open. */
    RETURNED(4);

    private final int code;

    RecallState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
