package io.kapok.codecs.pacs;

import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * One CBPR+ customer credit transfer Kapok sends or relays as a pacs.008.001.08: a financing
 * disbursed to a supplier, a receivable settled at maturity, or a plain cross-border payment.
 * Filled by the caller, written by {@link Pacs008Encoder}. Reusable; owned by one thread at a time.
 */
public final class Pacs008Transfer {
    /** BAH: Fr = the instructing bank (or the platform relaying it), To = the instructed bank. */
    public final MessageHeader header = new MessageHeader();

    /** {@code SttlmInf/SttlmMtd}: INDA (the platform settles on its books) or another SettlementMethod1Code. */
    public String settlementMethod = "INDA";

    public final TextBuffer instructionId = new TextBuffer();
    public final TextBuffer endToEndId = new TextBuffer();
    public final TextBuffer transactionId = new TextBuffer();
    /** {@code PmtId/UETR}: a lowercase UUID version 4, mandatory in CBPR+. */
    public final TextBuffer uetr = new TextBuffer(36);
    /** {@code IntrBkSttlmAmt}, minor units of {@link #currency}. */
    public long amountMinor;
    /** Packed ISO 4217 code. */
    public int currency;
    /**
     * {@code InstdAmt}'s packed ISO 4217 code; 0 writes no {@code InstdAmt} (nor {@code XchgRate}).
     */
    public int instructedCurrency;
    /** {@code InstdAmt}, minor units of {@link #instructedCurrency}. */
    public long instructedAmountMinor;
    /** {@code XchgRate} × 10^8; 0 writes none. Written only with an {@code InstdAmt}. */
    public long exchangeRateScaled;
    /** {@code IntrBkSttlmDt}, epoch day. */
    public long settlementDateEpochDay;
    /** {@code ChrgBr}: SHAR, DEBT or CRED. */
    public String chargeBearer = "SHAR";

    public final TextBuffer instructingAgentBic = new TextBuffer(11);
    public final TextBuffer instructedAgentBic = new TextBuffer(11);
    /** {@code Dbtr}: the name, and the USCC, LEI or BIC when known. */
    public final PartyIdentity debtor = new PartyIdentity();

    public final TextBuffer debtorAgentBic = new TextBuffer(11);
    public final TextBuffer creditorAgentBic = new TextBuffer(11);
    /** {@code Cdtr}: the name, and the USCC, LEI or BIC when known. */
    public final PartyIdentity creditor = new PartyIdentity();
    /** {@code RmtInf/Ustrd}: written when present. */
    public final TextBuffer remittance = new TextBuffer(140);

    public void clear() {
        header.clear();
        settlementMethod = "INDA";
        instructionId.clear();
        endToEndId.clear();
        transactionId.clear();
        uetr.clear();
        amountMinor = 0;
        currency = 0;
        instructedCurrency = 0;
        instructedAmountMinor = 0;
        exchangeRateScaled = 0;
        settlementDateEpochDay = 0;
        chargeBearer = "SHAR";
        instructingAgentBic.clear();
        instructedAgentBic.clear();
        debtor.clear();
        debtorAgentBic.clear();
        creditorAgentBic.clear();
        creditor.clear();
        remittance.clear();
    }
}
