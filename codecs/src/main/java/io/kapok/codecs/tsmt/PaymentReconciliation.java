package io.kapok.codecs.tsmt;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.tsin.BusinessLetter;
import io.kapok.codecs.tsin.FinancialItem;
import io.kapok.codecs.xml.TextBuffer;

/**
 * Which payment settled which receivables (or instalments), as tsmt.053.001.01
 * InvoicePaymentReconciliationAdvice says it and tsmt.054.001.01 InvoicePaymentReconciliationStatus
 * answers it (with validation per list and per item). Both share the ReconciliationList1 layout, so
 * one value serves them; the encoders derive the item count and control sum. Amounts are minor units
 * of {@link #currency}; parties are named by IDREF to the {@link #letter}'s parties. Reusable; owned
 * by one thread at a time.
 */
public final class PaymentReconciliation {
    /** Items one reconciliation carries. */
    public static final int ITEMS_MAX = 64;

    /** The letter header and its parties. */
    public final BusinessLetter letter = new BusinessLetter();
    /** {@code Dt}, epoch day. */
    public long dateEpochDay;
    /** {@code Rcpt}: IDREF of who receives the advice. */
    public final TextBuffer recipientRef = new TextBuffer(16);
    /** {@code Advsr}: IDREF of who advises (the bank that received the payment). */
    public final TextBuffer adviserRef = new TextBuffer(16);
    /** {@code Params/Idr}: the reconciliation's reference (the programme or the receivable batch). */
    public final TextBuffer reference = new TextBuffer();
    /** {@code Params/IsseDt}, epoch day. */
    public long referenceDateEpochDay;
    /** {@code PmtRef/InstrId}: written when present. */
    public final TextBuffer instructionId = new TextBuffer();
    /** {@code PmtRef/EndToEndId}: the payment's end-to-end identifier. */
    public final TextBuffer endToEndId = new TextBuffer();
    /** {@code PmtMeans/PyeeCdtrAcct/Id/Othr/Id}: the account credited. */
    public final TextBuffer payeeAccount = new TextBuffer();
    /** {@code PmtMeans/PyeeFI/FinInstnId/BIC}: the bank keeping it. */
    public final TextBuffer payeeBankBic = new TextBuffer(11);
    /** {@code PmtDt}, epoch day. */
    public long paymentDateEpochDay;
    /** {@code PmtTerms/DueDt}, epoch day. */
    public long dueDateEpochDay;
    /** {@code PmtAmt}. */
    public long paymentAmountMinor;
    /** Currency of the payment and of every item (packed ISO 4217). */
    public int currency;
    /** {@code Itm}: the receivables the payment settles. */
    public final BoundedItems<FinancialItem> items =
            new BoundedItems<>("reconciliation items", ITEMS_MAX, FinancialItem::new);
    /** {@code VldtnStsInf/Sts} of the list in a tsmt.054, or null. */
    public String validationStatus;
    /** {@code VldtnStsInf/StsRsn/Cd}, or null. */
    public String validationReason;

    public void clear() {
        letter.clear();
        dateEpochDay = 0;
        recipientRef.clear();
        adviserRef.clear();
        reference.clear();
        referenceDateEpochDay = 0;
        instructionId.clear();
        endToEndId.clear();
        payeeAccount.clear();
        payeeBankBic.clear();
        paymentDateEpochDay = 0;
        dueDateEpochDay = 0;
        paymentAmountMinor = 0;
        currency = 0;
        items.clear();
        validationStatus = null;
        validationReason = null;
    }
}
