package io.kapok.codecs.pacs;

import io.kapok.codecs.stream.MessageView;
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
    final MessageView view = new MessageView();

    /** A view with its buffers made now, for every field of a pacs.008 ({@link MessageView#reserve}). */
    public Pacs008View() {
        view.reserve(Pacs008Schema.SCHEMA);
    }

    /** Forgets everything; the decoder does this before each message. */
    public void clear() {
        view.copyFrom(EMPTY);
    }

    private static final MessageView EMPTY = new MessageView();

    /** Copies every field of {@code other} into this view (no allocation once buffers have grown). */
    public void copyFrom(Pacs008View other) {
        view.copyFrom(other.view);
    }

    /** The generic view underneath, for code that handles every message type alike. */
    public MessageView messageView() {
        return view;
    }

    private TextBuffer field(int index) {
        return view.schema() == null ? ABSENT : view.text(index);
    }

    private static final TextBuffer ABSENT = new TextBuffer(0);

    /** True when the message came with a Business Application Header. */
    public boolean hasAppHdr() {
        return view.hasAppHdr();
    }

    /** BAH {@code Fr/FIId/FinInstnId/BICFI}: the sender. */
    public TextBuffer fromBic() {
        return view.fromBic();
    }

    /** BAH {@code To/FIId/FinInstnId/BICFI}. */
    public TextBuffer toBic() {
        return view.toBic();
    }

    /** BAH {@code BizMsgIdr}. */
    public TextBuffer businessMessageId() {
        return view.businessMessageId();
    }

    /** BAH {@code MsgDefIdr}. */
    public TextBuffer messageDefinitionId() {
        return view.messageDefinitionId();
    }

    /** BAH {@code CreDt}. */
    public TextBuffer headerCreationDate() {
        return view.headerCreationDate();
    }

    /** {@code GrpHdr/MsgId}. */
    public TextBuffer messageId() {
        return field(Pacs008Schema.MSG_ID);
    }

    /** {@code GrpHdr/CreDtTm}. */
    public TextBuffer creationDateTime() {
        return field(Pacs008Schema.CREATION_DATE_TIME);
    }

    /** {@code GrpHdr/SttlmInf/SttlmMtd}. */
    public TextBuffer settlementMethod() {
        return field(Pacs008Schema.SETTLEMENT_METHOD);
    }

    /** {@code CdtTrfTxInf/PmtId/InstrId}, optional. */
    public TextBuffer instructionId() {
        return field(Pacs008Schema.INSTRUCTION_ID);
    }

    /** {@code CdtTrfTxInf/PmtId/EndToEndId}. */
    public TextBuffer endToEndId() {
        return field(Pacs008Schema.END_TO_END_ID);
    }

    /** {@code CdtTrfTxInf/PmtId/TxId}, optional. */
    public TextBuffer transactionId() {
        return field(Pacs008Schema.TX_ID);
    }

    /** {@code CdtTrfTxInf/PmtId/UETR}: lowercase UUID v4 once validated. */
    public TextBuffer uetr() {
        return field(Pacs008Schema.UETR);
    }

    /** {@code CdtTrfTxInf/IntrBkSttlmDt}. */
    public TextBuffer settlementDate() {
        return field(Pacs008Schema.SETTLEMENT_DATE);
    }

    /** {@code CdtTrfTxInf/ChrgBr}. */
    public TextBuffer chargeBearer() {
        return field(Pacs008Schema.CHARGE_BEARER);
    }

    /** {@code CdtTrfTxInf/InstgAgt/FinInstnId/BICFI}: the bank whose settlement account is debited. */
    public TextBuffer instructingAgentBic() {
        return field(Pacs008Schema.INSTRUCTING_AGENT_BIC);
    }

    /** {@code CdtTrfTxInf/InstdAgt/FinInstnId/BICFI}: the bank whose settlement account is credited. */
    public TextBuffer instructedAgentBic() {
        return field(Pacs008Schema.INSTRUCTED_AGENT_BIC);
    }

    /** {@code CdtTrfTxInf/DbtrAgt/FinInstnId/BICFI}, optional. */
    public TextBuffer debtorAgentBic() {
        return field(Pacs008Schema.DEBTOR_AGENT_BIC);
    }

    /** {@code CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI}, optional. */
    public TextBuffer creditorAgentBic() {
        return field(Pacs008Schema.CREDITOR_AGENT_BIC);
    }

    /** {@code CdtTrfTxInf/Dbtr/Nm}, optional. */
    public TextBuffer debtorName() {
        return field(Pacs008Schema.DEBTOR_NAME);
    }

    /** {@code CdtTrfTxInf/Cdtr/Nm}, optional. */
    public TextBuffer creditorName() {
        return field(Pacs008Schema.CREDITOR_NAME);
    }

    /** {@code CdtTrfTxInf/RmtInf/Ustrd} (the first), optional. */
    public TextBuffer remittanceUnstructured() {
        return field(Pacs008Schema.REMITTANCE_UNSTRUCTURED);
    }

    /** {@code CdtTrfTxInf/RmtInf/Strd/CdtrRefInf/Ref} (the first), optional. */
    public TextBuffer remittanceReference() {
        return field(Pacs008Schema.REMITTANCE_REFERENCE);
    }

    /** Number of {@code CdtTrfTxInf} elements seen. */
    public int transactionCount() {
        return view.transactionCount();
    }

    /** Settlement currency, packed ISO 4217 (see {@code Iso4217.pack}). */
    public int currency() {
        return view.schema() == null ? 0 : view.currency(Pacs008Schema.AMOUNT);
    }

    /** {@code IntrBkSttlmAmt} in minor units of {@link #currency()}. */
    public long amountMinor() {
        return view.schema() == null ? 0 : view.amountMinor(Pacs008Schema.AMOUNT);
    }

    /**
     * {@code CdtTrfTxInf/InstdAmt/@Ccy}, packed ISO 4217; 0 when the message has no {@code InstdAmt}.
     * A value other than {@link #currency()} makes the transfer cross-currency.
     */
    public int instructedCurrency() {
        return view.schema() == null
                        || !view.text(Pacs008Schema.INSTRUCTED_AMOUNT).isPresent()
                ? 0
                : view.currency(Pacs008Schema.INSTRUCTED_AMOUNT);
    }

    /** {@code CdtTrfTxInf/InstdAmt} in minor units of {@link #instructedCurrency()}; 0 when absent. */
    public long instructedAmountMinor() {
        return view.schema() == null
                        || !view.text(Pacs008Schema.INSTRUCTED_AMOUNT).isPresent()
                ? 0
                : view.amountMinor(Pacs008Schema.INSTRUCTED_AMOUNT);
    }

    /** {@code CdtTrfTxInf/XchgRate} as written, optional. */
    public TextBuffer exchangeRate() {
        return field(Pacs008Schema.EXCHANGE_RATE);
    }

    /**
     * {@code CdtTrfTxInf/XchgRate} × 10^8, rounded half-even (settlement units per instructed unit);
     * 0 when absent. A decoded view's rate is valid (the decoder refuses any other).
     */
    public long exchangeRateScaled() {
        TextBuffer rate = exchangeRate();
        return rate.isPresent() ? Pacs008Schema.exchangeRateScaled(rate) : 0;
    }
}
