package io.kapok.codecs.camt;

import io.kapok.codecs.xml.TextBuffer;

/**
 * One posting on an account as camt.053 and camt.054 report it ({@code Ntry}, a ReportEntry10,
 * with one {@code NtryDtls/TxDtls} carrying the payment's references). The amount is in minor units
 * of the account's currency. Reusable; owned by one thread at a time.
 */
public final class CashEntry {
    /** EntryStatus1Choice/Cd of a booked entry: the only status Kapok reports. */
    public static final String BOOKED = "BOOK";
    /** A day field that is absent. */
    public static final long NO_DATE = Long.MIN_VALUE;

    /** {@code NtryRef}: the posting's reference in the ledger; written when present. */
    public final TextBuffer entryReference = new TextBuffer();
    /** {@code Amt}, in minor units of the account's currency, never negative. */
    public long amountMinor;
    /** {@code CdtDbtInd}: true for CRDT (money in), false for DBIT (money out). */
    public boolean credit;
    /** {@code Sts/Cd}. */
    public String status = BOOKED;
    /** {@code BookgDt/Dt}, epoch day. */
    public long bookingDateEpochDay;
    /** {@code ValDt/Dt}, epoch day, or {@link #NO_DATE}. */
    public long valueDateEpochDay = NO_DATE;
    /** {@code AcctSvcrRef}: the platform's reference (the journal sequence); written when present. */
    public final TextBuffer accountServicerReference = new TextBuffer();
    /** {@code BkTxCd/Domn}: domain, family and sub-family codes, e.g. PMNT / RCDT / XBCT. */
    public String domain = "PMNT";

    public String family;
    public String subFamily;

    /** {@code Refs/MsgId}: the message that caused the posting (the pacs.008's MsgId). */
    public final TextBuffer messageId = new TextBuffer();

    public final TextBuffer instructionId = new TextBuffer();
    public final TextBuffer endToEndId = new TextBuffer();
    public final TextBuffer transactionId = new TextBuffer();
    /** {@code Refs/UETR}: the payment's UETR. */
    public final TextBuffer uetr = new TextBuffer(36);
    /** {@code RmtInf/Ustrd}: the remittance line; written when present. */
    public final TextBuffer remittance = new TextBuffer(140);

    /**
     * {@code AmtDtls/InstdAmt/Amt/@Ccy}: the currency the payment was instructed in, packed ISO 4217;
     * 0 writes no {@code AmtDtls} at all (a posting in the currency it was instructed in).
     */
    public int instructedCurrency;
    /** {@code AmtDtls/InstdAmt/Amt}, minor units of {@link #instructedCurrency}. */
    public long instructedAmountMinor;
    /** {@code AmtDtls/TxAmt/Amt/@Ccy}: the currency the payment settled in, packed ISO 4217. */
    public int transactionCurrency;
    /** {@code AmtDtls/TxAmt/Amt}, minor units of {@link #transactionCurrency}. */
    public long transactionAmountMinor;
    /** {@code TxAmt/CcyXchg/SrcCcy}: the currency converted from (the instructed one). */
    public int sourceCurrency;
    /** {@code TxAmt/CcyXchg/TrgtCcy}: the currency converted into (the settlement one). */
    public int targetCurrency;
    /** {@code TxAmt/CcyXchg/UnitCcy}: one unit of this currency buys {@link #exchangeRateScaled} ÷ 10^8 of the other. */
    public int unitCurrency;
    /** {@code TxAmt/CcyXchg/XchgRate} × 10^8; 0 writes no {@code CcyXchg}. */
    public long exchangeRateScaled;

    /** The amount with its sign as a balance sees it: positive for a credit, negative for a debit. */
    public long signedAmountMinor() {
        return credit ? amountMinor : -amountMinor;
    }

    public void clear() {
        entryReference.clear();
        amountMinor = 0;
        credit = false;
        status = BOOKED;
        bookingDateEpochDay = 0;
        valueDateEpochDay = NO_DATE;
        accountServicerReference.clear();
        domain = "PMNT";
        family = null;
        subFamily = null;
        messageId.clear();
        instructionId.clear();
        endToEndId.clear();
        transactionId.clear();
        uetr.clear();
        remittance.clear();
        instructedCurrency = 0;
        instructedAmountMinor = 0;
        transactionCurrency = 0;
        transactionAmountMinor = 0;
        sourceCurrency = 0;
        targetCurrency = 0;
        unitCurrency = 0;
        exchangeRateScaled = 0;
    }
}
