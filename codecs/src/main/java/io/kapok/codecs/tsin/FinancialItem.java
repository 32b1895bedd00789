package io.kapok.codecs.tsin;

import io.kapok.codecs.xml.TextBuffer;

/**
 * One invoice (a receivable) as the tsin letters and tsmt.053/054 carry it ({@code FinItm} /
 * {@code Itm}, a FinancialItem1): its identifier, parties by IDREF, totals and due date, and for an
 * answer its validation status. Amounts are minor units of the list's currency. Reusable; owned by
 * one thread at a time.
 */
public final class FinancialItem {
    /** {@code ItmCntxt/Idr}: the invoice number. */
    public final TextBuffer identifier = new TextBuffer();

    public long issueDateEpochDay;
    /** {@code ItmCntxt/Buyr}: IDREF of the debtor among the letter's parties; written when not empty. */
    public final TextBuffer buyerRef = new TextBuffer(16);
    /** {@code ItmCntxt/Sellr}: IDREF of the creditor; written when not empty. */
    public final TextBuffer sellerRef = new TextBuffer(16);
    /** {@code ItmCntxt/CdtAcct/Othr/Id}: the account the debtor pays into; written when not empty. */
    public final TextBuffer creditAccount = new TextBuffer();
    /** {@code CdtDbtInd}: true (CRDT) for an invoice, false (DBIT) for a credit note. */
    public boolean credit = true;

    public long taxableAmountMinor;
    public long taxAmountMinor;
    public long dueDateEpochDay;
    /** {@code DueAmt}: what is still owed, or -1 to leave it out. */
    public long dueAmountMinor = -1;
    /** {@code VldtnStsInf/Sts}: RCCF or RCER in an answer, null in a request. */
    public String validationStatus;
    /** {@code VldtnStsInf/StsRsn/Cd}, or null. */
    public String validationReason;

    /** {@code TtlInvcAmt}: taxable amount plus tax. */
    public long totalAmountMinor() {
        return Math.addExact(taxableAmountMinor, taxAmountMinor);
    }

    public void clear() {
        identifier.clear();
        issueDateEpochDay = 0;
        buyerRef.clear();
        sellerRef.clear();
        creditAccount.clear();
        credit = true;
        taxableAmountMinor = 0;
        taxAmountMinor = 0;
        dueDateEpochDay = 0;
        dueAmountMinor = -1;
        validationStatus = null;
        validationReason = null;
    }
}
