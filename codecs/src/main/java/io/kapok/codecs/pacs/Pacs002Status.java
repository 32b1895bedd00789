package io.kapok.codecs.pacs;

import io.kapok.codecs.xml.TextBuffer;

/**
 * What a pacs.002.001.10 FIToFIPaymentStatusReport answer says about one pacs.008: filled by the
 * caller, written by {@link Pacs002Encoder}. Reusable; owned by one thread at a time.
 */
public final class Pacs002Status {
    /** Transaction status codes Kapok answers with (ExternalPaymentTransactionStatus1Code). */
    public static final String ACCEPTED_SETTLEMENT_COMPLETED = "ACSC";

    public static final String REJECTED = "RJCT";

    /**
     * The ids' buffers start this long: a Max35Text id or a UETR (36), so that a new status (an
     * answer's when the connection's pool of them is empty) does not grow them on its first copy.
     */
    static final int ID_CHARS = 36;

    /** BAH {@code Fr}: the platform's BIC. */
    public final TextBuffer fromBic = new TextBuffer();
    /** BAH {@code To}: the original sender's BIC; when absent the answer has no AppHdr. */
    public final TextBuffer toBic = new TextBuffer();
    /** {@code GrpHdr/MsgId} and BAH {@code BizMsgIdr} of the answer. */
    public final TextBuffer messageId = new TextBuffer(ID_CHARS);
    /** {@code GrpHdr/CreDtTm} and BAH {@code CreDt}, epoch milliseconds UTC. */
    public long creationTimeMs;

    public final TextBuffer originalMessageId = new TextBuffer(ID_CHARS);
    /** {@code OrgnlMsgNmId}: the answered message's definition, a pacs.008 unless set (e.g. a pacs.004). */
    public String originalMessageNameId = Pacs008Decoder.MESSAGE_DEFINITION;

    public final TextBuffer originalInstructionId = new TextBuffer(ID_CHARS);
    public final TextBuffer originalEndToEndId = new TextBuffer(ID_CHARS);
    public final TextBuffer originalTransactionId = new TextBuffer(ID_CHARS);
    public final TextBuffer originalUetr = new TextBuffer(ID_CHARS);
    /** {@link #ACCEPTED_SETTLEMENT_COMPLETED} or {@link #REJECTED}. */
    public String transactionStatus;
    /** ISO reason code (ExternalStatusReason1Code) for a reject; null for an acceptance. */
    public String reasonCode;
    /** Free text for the sender (element path and rule); split into 105-character AddtlInf. */
    public final StringBuilder additionalInfo = new StringBuilder(256);

    /** Clears every field for the next answer. */
    public void clear() {
        fromBic.clear();
        toBic.clear();
        messageId.clear();
        creationTimeMs = 0;
        originalMessageId.clear();
        originalMessageNameId = Pacs008Decoder.MESSAGE_DEFINITION;
        originalInstructionId.clear();
        originalEndToEndId.clear();
        originalTransactionId.clear();
        originalUetr.clear();
        transactionStatus = null;
        reasonCode = null;
        additionalInfo.setLength(0);
    }

    /** Takes the original identifiers from a decoded pacs.008. */
    public void copyOriginal(Pacs008View original) {
        originalMessageId.copyFrom(original.messageId());
        originalInstructionId.copyFrom(original.instructionId());
        originalEndToEndId.copyFrom(original.endToEndId());
        originalTransactionId.copyFrom(original.transactionId());
        originalUetr.copyFrom(original.uetr());
    }
}
