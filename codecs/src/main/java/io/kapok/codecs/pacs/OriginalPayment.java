package io.kapok.codecs.pacs;

import io.kapok.codecs.xml.TextBuffer;

/**
 * The pacs.008 a return (pacs.004), a recall (camt.056) or its resolution (camt.029) is about: its
 * identifiers, settled amount and settlement date. Reusable; owned by one thread at a time.
 */
public final class OriginalPayment {
    /** {@code OrgnlGrpInf/OrgnlMsgId}: the pacs.008's MsgId. */
    public final TextBuffer messageId = new TextBuffer();
    /** {@code OrgnlGrpInf/OrgnlMsgNmId}. */
    public String messageNameId = Pacs008Decoder.MESSAGE_DEFINITION;

    public final TextBuffer instructionId = new TextBuffer();
    public final TextBuffer endToEndId = new TextBuffer();
    public final TextBuffer transactionId = new TextBuffer();
    public final TextBuffer uetr = new TextBuffer(36);
    /** {@code OrgnlIntrBkSttlmAmt}, minor units of {@link #currency}. */
    public long amountMinor;
    /** Packed ISO 4217 code of the original payment. */
    public int currency;
    /** {@code OrgnlIntrBkSttlmDt}, epoch day. */
    public long settlementDateEpochDay;

    /** Takes the identifiers, amount and currency of a decoded pacs.008; the settlement date is set by the caller. */
    public void copyIdentifiers(Pacs008View original) {
        messageId.copyFrom(original.messageId());
        instructionId.copyFrom(original.instructionId());
        endToEndId.copyFrom(original.endToEndId());
        transactionId.copyFrom(original.transactionId());
        uetr.copyFrom(original.uetr());
        amountMinor = original.amountMinor();
        currency = original.currency();
    }

    public void clear() {
        messageId.clear();
        messageNameId = Pacs008Decoder.MESSAGE_DEFINITION;
        instructionId.clear();
        endToEndId.clear();
        transactionId.clear();
        uetr.clear();
        amountMinor = 0;
        currency = 0;
        settlementDateEpochDay = 0;
    }
}
