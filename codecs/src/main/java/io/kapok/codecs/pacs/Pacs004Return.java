package io.kapok.codecs.pacs;

import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.xml.TextBuffer;

/**
 * A pacs.004.001.09 PaymentReturn of one settled pacs.008, whole or in part (a returned amount
 * below the original). Filled by the caller, written by {@link Pacs004Encoder}. Reusable; owned by
 * one thread at a time.
 */
public final class Pacs004Return {
    /** BAH: Fr = the bank returning the money (or the platform), To = the original instructing bank. */
    public final MessageHeader header = new MessageHeader();

    public String settlementMethod = "INDA";
    /** {@code TxInf/RtrId}: the return's own identifier. */
    public final TextBuffer returnId = new TextBuffer();
    /** The payment returned. */
    public final OriginalPayment original = new OriginalPayment();
    /** {@code RtrdIntrBkSttlmAmt}, minor units of the original payment's currency. */
    public long returnedAmountMinor;
    /** {@code IntrBkSttlmDt} of the return, epoch day. */
    public long settlementDateEpochDay;

    public String chargeBearer = "SHAR";
    public final TextBuffer instructingAgentBic = new TextBuffer(11);
    public final TextBuffer instructedAgentBic = new TextBuffer(11);
    /** {@code RtrRsnInf/Rsn/Cd}: ExternalReturnReason1Code (AC04, AM09, CUST, FOCR...). */
    public String reasonCode;
    /** {@code RtrRsnInf/AddtlInf}, split into lines of 105. */
    public final StringBuilder additionalInfo = new StringBuilder(128);

    /** True when less than the original amount goes back. */
    public boolean isPartial() {
        return returnedAmountMinor < original.amountMinor;
    }

    public void clear() {
        header.clear();
        settlementMethod = "INDA";
        returnId.clear();
        original.clear();
        returnedAmountMinor = 0;
        settlementDateEpochDay = 0;
        chargeBearer = "SHAR";
        instructingAgentBic.clear();
        instructedAgentBic.clear();
        reasonCode = null;
        additionalInfo.setLength(0);
    }
}
