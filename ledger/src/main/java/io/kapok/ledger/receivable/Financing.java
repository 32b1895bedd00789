package io.kapok.ledger.receivable;

/**
 * A financing of one receivable by one programme's bank. Amounts in minor units of the receivable's
 * currency; priced on acceptance by {@link DiscountPricing}. Owned by the ledger thread.
 */
public final class Financing {
    final String id;
    final String receivableId;
    final String programmeId;
    final String bankId;
    final String requesterId;
    final int currency;
    final long requestedMinor;
    FinancingState state = FinancingState.REQUESTED;
    long financedMinor;
    long interestMinor;
    long feeMinor;
    long advanceMinor;
    /** Epoch day of the decision, 0 before. */
    int decidedDay;
    /** The bank's reason for a refusal, 0 if none. */
    int reasonCode;

    String registrationReference;

    Financing(
            String id,
            String receivableId,
            String programmeId,
            String bankId,
            String requesterId,
            int currency,
            long requestedMinor) {
        this.id = id;
        this.receivableId = receivableId;
        this.programmeId = programmeId;
        this.bankId = bankId;
        this.requesterId = requesterId;
        this.currency = currency;
        this.requestedMinor = requestedMinor;
    }

    public String id() {
        return id;
    }

    public String receivableId() {
        return receivableId;
    }

    public String programmeId() {
        return programmeId;
    }

    public String bankId() {
        return bankId;
    }

    public String requesterId() {
        return requesterId;
    }

    public int currency() {
        return currency;
    }

    public FinancingState state() {
        return state;
    }

    public long requestedMinor() {
        return requestedMinor;
    }

    /** Principal granted (the credit-line exposure); 0 until accepted. */
    public long financedMinor() {
        return financedMinor;
    }

    /** Discount interest on the principal from decision to due date, half-even rounded. */
    public long interestMinor() {
        return interestMinor;
    }

    public long feeMinor() {
        return feeMinor;
    }

    /** Net proceeds to disburse: principal − interest − fee. */
    public long advanceMinor() {
        return advanceMinor;
    }

    public int decidedDay() {
        return decidedDay;
    }

    public int reasonCode() {
        return reasonCode;
    }

    public String registrationReference() {
        return registrationReference;
    }
}
