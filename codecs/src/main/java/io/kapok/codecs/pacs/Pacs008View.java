package io.kapok.codecs.pacs;

import io.kapok.codecs.xml.TextBuffer;

/**
 * The fields Kapok reads from one FIToFICustomerCreditTransfer (pacs.008.001.08) and its Business
 * Application Header (head.001.001.02). A reusable flyweight: the decoder fills it, the caller reads
 * it, the next decode overwrites it. Owned by one thread at a time; {@link #copyFrom} hands it on.
 *
 * <p>Text fields are {@link TextBuffer}s ({@code isPresent()} tells whether the element was in the
 * message). The settlement amount is in minor units of {@link #currency()} (packed ISO 4217).
 */
public final class Pacs008View {
    // Field ids index the text buffers; the decoder maps element paths to them.
    static final int HDR_FROM_BIC = 0;
    static final int HDR_TO_BIC = 1;
    static final int HDR_BIZ_MSG_ID = 2;
    static final int HDR_MSG_DEF_ID = 3;
    static final int HDR_CREATION_DATE = 4;
    static final int HDR_POSSIBLE_DUPLICATE = 5;
    static final int MSG_ID = 6;
    static final int CREATION_DATE_TIME = 7;
    static final int NUMBER_OF_TXS = 8;
    static final int CONTROL_SUM = 9;
    static final int SETTLEMENT_METHOD = 10;
    static final int TOTAL_AMOUNT = 11;
    static final int TOTAL_AMOUNT_CCY = 12;
    static final int INSTRUCTION_ID = 13;
    static final int END_TO_END_ID = 14;
    static final int TX_ID = 15;
    static final int UETR = 16;
    static final int AMOUNT = 17;
    static final int AMOUNT_CCY = 18;
    static final int SETTLEMENT_DATE = 19;
    static final int CHARGE_BEARER = 20;
    static final int INSTRUCTING_AGENT_BIC = 21;
    static final int INSTRUCTED_AGENT_BIC = 22;
    static final int DEBTOR_AGENT_BIC = 23;
    static final int CREDITOR_AGENT_BIC = 24;
    static final int DEBTOR_NAME = 25;
    static final int CREDITOR_NAME = 26;
    static final int REMITTANCE_UNSTRUCTURED = 27;
    static final int REMITTANCE_REFERENCE = 28;
    static final int DEBTOR = 29;
    static final int CREDITOR = 30;
    static final int DEBTOR_AGENT = 31;
    static final int CREDITOR_AGENT = 32;
    static final int FIELD_COUNT = 33;

    final TextBuffer[] fields = new TextBuffer[FIELD_COUNT];
    boolean hasAppHdr;
    int transactionCount;
    int currency;
    long amountMinor;

    public Pacs008View() {
        for (int i = 0; i < FIELD_COUNT; i++) {
            fields[i] = new TextBuffer();
        }
    }

    /** Forgets everything; called by the decoder before each message. */
    public void clear() {
        for (TextBuffer field : fields) {
            field.clear();
        }
        hasAppHdr = false;
        transactionCount = 0;
        currency = 0;
        amountMinor = 0;
    }

    /** Copies every field of {@code other} into this view (no allocation once buffers have grown). */
    public void copyFrom(Pacs008View other) {
        for (int i = 0; i < FIELD_COUNT; i++) {
            fields[i].copyFrom(other.fields[i]);
        }
        hasAppHdr = other.hasAppHdr;
        transactionCount = other.transactionCount;
        currency = other.currency;
        amountMinor = other.amountMinor;
    }

    /** True when the message came with a Business Application Header. */
    public boolean hasAppHdr() {
        return hasAppHdr;
    }

    /** BAH {@code Fr/FIId/FinInstnId/BICFI}: the sender. */
    public TextBuffer fromBic() {
        return fields[HDR_FROM_BIC];
    }

    /** BAH {@code To/FIId/FinInstnId/BICFI}. */
    public TextBuffer toBic() {
        return fields[HDR_TO_BIC];
    }

    /** BAH {@code BizMsgIdr}. */
    public TextBuffer businessMessageId() {
        return fields[HDR_BIZ_MSG_ID];
    }

    /** BAH {@code MsgDefIdr}. */
    public TextBuffer messageDefinitionId() {
        return fields[HDR_MSG_DEF_ID];
    }

    /** BAH {@code CreDt}. */
    public TextBuffer headerCreationDate() {
        return fields[HDR_CREATION_DATE];
    }

    /** {@code GrpHdr/MsgId}. */
    public TextBuffer messageId() {
        return fields[MSG_ID];
    }

    /** {@code GrpHdr/CreDtTm}. */
    public TextBuffer creationDateTime() {
        return fields[CREATION_DATE_TIME];
    }

    /** {@code GrpHdr/SttlmInf/SttlmMtd}. */
    public TextBuffer settlementMethod() {
        return fields[SETTLEMENT_METHOD];
    }

    /** {@code CdtTrfTxInf/PmtId/InstrId}, optional. */
    public TextBuffer instructionId() {
        return fields[INSTRUCTION_ID];
    }

    /** {@code CdtTrfTxInf/PmtId/EndToEndId}. */
    public TextBuffer endToEndId() {
        return fields[END_TO_END_ID];
    }

    /** {@code CdtTrfTxInf/PmtId/TxId}, optional. */
    public TextBuffer transactionId() {
        return fields[TX_ID];
    }

    /** {@code CdtTrfTxInf/PmtId/UETR}: lowercase UUID v4 once validated. */
    public TextBuffer uetr() {
        return fields[UETR];
    }

    /** {@code CdtTrfTxInf/IntrBkSttlmDt}. */
    public TextBuffer settlementDate() {
        return fields[SETTLEMENT_DATE];
    }

    /** {@code CdtTrfTxInf/ChrgBr}. */
    public TextBuffer chargeBearer() {
        return fields[CHARGE_BEARER];
    }

    /** {@code CdtTrfTxInf/InstgAgt/FinInstnId/BICFI}: the bank whose settlement account is debited. */
    public TextBuffer instructingAgentBic() {
        return fields[INSTRUCTING_AGENT_BIC];
    }

    /** {@code CdtTrfTxInf/InstdAgt/FinInstnId/BICFI}: the bank whose settlement account is credited. */
    public TextBuffer instructedAgentBic() {
        return fields[INSTRUCTED_AGENT_BIC];
    }

    /** {@code CdtTrfTxInf/DbtrAgt/FinInstnId/BICFI}, optional. */
    public TextBuffer debtorAgentBic() {
        return fields[DEBTOR_AGENT_BIC];
    }

    /** {@code CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI}, optional. */
    public TextBuffer creditorAgentBic() {
        return fields[CREDITOR_AGENT_BIC];
    }

    /** {@code CdtTrfTxInf/Dbtr/Nm}, optional. */
    public TextBuffer debtorName() {
        return fields[DEBTOR_NAME];
    }

    /** {@code CdtTrfTxInf/Cdtr/Nm}, optional. */
    public TextBuffer creditorName() {
        return fields[CREDITOR_NAME];
    }

    /** {@code CdtTrfTxInf/RmtInf/Ustrd} (the first), optional. */
    public TextBuffer remittanceUnstructured() {
        return fields[REMITTANCE_UNSTRUCTURED];
    }

    /** {@code CdtTrfTxInf/RmtInf/Strd/CdtrRefInf/Ref} (the first), optional. */
    public TextBuffer remittanceReference() {
        return fields[REMITTANCE_REFERENCE];
    }

    /** Number of {@code CdtTrfTxInf} elements seen. */
    public int transactionCount() {
        return transactionCount;
    }

    /** Settlement currency, packed ISO 4217 (see {@code Iso4217.pack}). */
    public int currency() {
        return currency;
    }

    /** {@code IntrBkSttlmAmt} in minor units of {@link #currency()}. */
    public long amountMinor() {
        return amountMinor;
    }
}
