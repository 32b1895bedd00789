package io.kapok.ledger.receivable;

/**
 * A bank's credit line to a core enterprise in one currency. Exposure is held in two phases:
 * {@link #reservedMinor()} when the bank accepts a financing, moved to {@link #usedMinor()} when it
 * disburses, and voided (reserved) or released (used) on cancellation or repayment. Always
 * {@code reserved + used ≤ limit}. Owned by the ledger thread.
 */
public final class CreditLine {
    final String bankId;
    final String coreId;
    final int currency;
    long limitMinor;
    long reservedMinor;
    long usedMinor;

    CreditLine(String bankId, String coreId, int currency) {
        this.bankId = bankId;
        this.coreId = coreId;
        this.currency = currency;
    }

    public String bankId() {
        return bankId;
    }

    public String coreId() {
        return coreId;
    }

    public int currency() {
        return currency;
    }

    public long limitMinor() {
        return limitMinor;
    }

    public long reservedMinor() {
        return reservedMinor;
    }

    public long usedMinor() {
        return usedMinor;
    }

    /** What more can be reserved: limit − reserved − used. */
    public long availableMinor() {
        return limitMinor - reservedMinor - usedMinor;
    }

    static String key(String bankId, String coreId, int currency) {
        return bankId + '\u0000' + coreId + '\u0000' + currency;
    }
}
