package io.kapok.ledger;

/**
 * What an event in a {@link LedgerResult} says changed. Codes are stable. The meaning of an
 * event's fields per type:
 *
 * <pre>
 *  type                 subject          party            currency  amountMinor           code
 *  POSTED               account owner    —                yes       signed delta          —
 *  RECEIVABLE_STATE     receivable id    holder           yes       outstanding           new ReceivableState code
 *  RECEIVABLE_SPLIT     parent id        child id         yes       child's amount        —
 *  FINANCING_STATE      financing id     bank             yes       financed (or asked)   new FinancingState code
 *  CREDIT_RESERVED      bank id          core enterprise  yes       amount held           —
 *  CREDIT_POSTED        bank id          core enterprise  yes       hold made exposure    —
 *  CREDIT_RELEASED      bank id          core enterprise  yes       amount voided/repaid  —
 *  PARTY_ONBOARDED      programme id     party            —         —                     —
 *  FX_RATE_SET          —                —                quote     rate (×10^8)          base currency (packed)
 * </pre>
 */
public enum LedgerEventType {
    POSTED(1),
    RECEIVABLE_STATE(10),
    RECEIVABLE_SPLIT(11),
    FINANCING_STATE(20),
    CREDIT_RESERVED(30),
    CREDIT_POSTED(31),
    CREDIT_RELEASED(32),
    PARTY_ONBOARDED(40),
    FX_RATE_SET(50);

    private final int code;

    LedgerEventType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
