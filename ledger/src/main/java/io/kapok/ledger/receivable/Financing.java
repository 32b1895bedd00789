package io.kapok.ledger.receivable;

/**
 * A financing of one receivable by one programme's bank. Amounts in minor units of the receivable's
 * currency; priced on acceptance by {@link DiscountPricing}. Owned by the ledger thread.
 *
 * <p>A pooled slot: {@link Receivables} makes these in bulk when its pool grows and fills one in
 * ({@link #init}) for each financing requested, so a request allocates nothing.
 */
public final class Financing {
    /** Index in the pool: request (journal) order. */
    final int handle;

    String id;
    String receivableId;
    String programmeId;
    String bankId;
    String requesterId;
    int currency;
    long requestedMinor;
    FinancingState state;
    long financedMinor;
    long interestMinor;
    long feeMinor;
    long advanceMinor;
    /** Epoch day of the decision, 0 before. */
    int decidedDay;
    /** The bank's reason for a refusal, 0 if none. */
    int reasonCode;

    String registrationReference;

    Financing(int handle) {
        this.handle = handle;
    }

    /** Fills this slot in as a new financing, {@link FinancingState#REQUESTED}, not yet priced. */
    void init(
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
        this.state = FinancingState.REQUESTED;
        this.financedMinor = 0;
        this.interestMinor = 0;
        this.feeMinor = 0;
        this.advanceMinor = 0;
        this.decidedDay = 0;
        this.reasonCode = 0;
        this.registrationReference = null;
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
