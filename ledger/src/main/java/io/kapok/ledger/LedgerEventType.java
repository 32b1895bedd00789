package io.kapok.ledger;

/**
 * What an event in a {@link LedgerResult} says changed. Codes are stable. The meaning of an
 * event's fields per type:
 *
 * <pre>
 *  type                 subject          party            currency  amountMinor           code
 *  POSTED               account owner    UETR (payments)  yes       signed delta          —
 *  PAYMENT_RETURNED     original UETR    original debtor  yes       returned now          1 when now fully returned, else 0
 *  RECALL_STATE         original UETR    bank to notify   yes       see below             new RecallState code
 *  RECEIVABLE_STATE     receivable id    holder           yes       outstanding           new ReceivableState code
 *  RECEIVABLE_SPLIT     parent id        child id         yes       child's amount        —
 *  RECEIVABLE_ASSIGNED  receivable id    debtor           yes       owed to the new payee due day × 1024 + term days
 *  FINANCING_STATE      financing id     bank             yes       financed (or asked)   new FinancingState code
 *  CREDIT_RESERVED      bank id          core enterprise  yes       amount held           —
 *  CREDIT_POSTED        bank id          core enterprise  yes       hold made exposure    —
 *  CREDIT_RELEASED      bank id          core enterprise  yes       amount voided/repaid  —
 *  PARTY_ONBOARDED      programme id     party, or bank   yes       —                     0 onboarded, 1 acknowledged, 2 left
 *  FX_RATE_SET          —                —                quote     rate (×10^8)          base currency (packed)
 *  DAY_CLOSED           account owner    —                yes       balance at day's end  —
 * </pre>
 *
 * <p>A {@code RECEIVABLE_ASSIGNED} event tells that the debtor must now pay a receivable to someone
 * else: to the new holder of a split's child (the command's new holder), to the bank that
 * disbursed its financing (the command's sender), or to the bank it was assigned to (factoring: the
 * command's bank; subject = the receivable assigned, or the child a partial assignment split off). It carries the debtor and the dates, so that the
 * notice to the debtor is composed from the event alone, as recovery requires: the due day is {@code
 * code >> 10}, the issue day that minus {@code code & 1023} (a term is never over a year). A
 * disbursement reports the receivable's state (RECEIVABLE_STATE, still FINANCED) before it, naming
 * its holder, who assigns it.
 *
 * <p>A {@code PARTY_ONBOARDED} event of an onboarding (code 0) names the party onboarded; of its
 * acknowledgement (1) or of its rejection, which leaves the programme (2), it names the programme's
 * bank, whom the gateway tells (the acknowledging party is the command's sender).
 *
 * <p>A {@code RECALL_STATE} event names the bank the gateway tells: on {@code OPEN} (1) the
 * original's creditor, who must answer the camt.056, amount = what remains unreturned; on {@code
 * CANCELLED} (2), {@code REJECTED} (3) and {@code RETURNED} (4, closed by a pacs.004) the original's
 * debtor, who asked, amount = what went back with this command (0 for a rejection). Returns and
 * accepted recalls also post: POSTED for the original's creditor (debit) and debtor (credit), with
 * the original's UETR as party, like the transfer's own postings.
 */
public enum LedgerEventType {
    POSTED(1),
    RECEIVABLE_STATE(10),
    RECEIVABLE_SPLIT(11),
    RECEIVABLE_ASSIGNED(12),
    FINANCING_STATE(20),
    CREDIT_RESERVED(30),
    CREDIT_POSTED(31),
    CREDIT_RELEASED(32),
    PARTY_ONBOARDED(40),
    FX_RATE_SET(50),
    PAYMENT_RETURNED(60),
    RECALL_STATE(61),
    DAY_CLOSED(70);

    private final int code;

    LedgerEventType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
