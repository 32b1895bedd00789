package io.kapok.codecs.pacs;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a pacs.008.001.08 FIToFICustomerCreditTransfer of one transaction, CBPR+ style, with its
 * Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr, To, BizMsgIdr = MsgId, MsgDefIdr = pacs.008.001.08, BizSvc = swift.cbprplus.02
 * └─ Document/FIToFICstmrCdtTrf
 *    ├─ GrpHdr: MsgId, CreDtTm, NbOfTxs = 1, SttlmInf/SttlmMtd
 *    └─ CdtTrfTxInf: PmtId (InstrId?, EndToEndId, TxId?, UETR), IntrBkSttlmAmt, IntrBkSttlmDt,
 *       InstdAmt?, XchgRate?, ChrgBr, InstgAgt, InstdAgt, Dbtr, DbtrAgt, CdtrAgt, Cdtr, RmtInf/Ustrd?
 * </pre>
 *
 * What it writes is what {@link Pacs008Decoder} accepts. Not thread-safe: one encoder per thread.
 */
public final class Pacs008Encoder {
    public static final MessageType TYPE = MessageType.PACS_008_001_08;

    /** Encodes {@code transfer} into {@code out} (which is reset first). */
    public void encode(Pacs008Transfer transfer, Utf8XmlWriter out) {
        AppHdrWriter.startMessage(out, transfer.header, TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE);
        out.start("FIToFICstmrCdtTrf");
        PaymentElements.groupHeader(out, transfer.header, transfer.settlementMethod);
        out.start("CdtTrfTxInf");
        out.start("PmtId");
        IsoElements.optional(out, "InstrId", transfer.instructionId, IsoElements.MAX_35);
        out.element("EndToEndId", transfer.endToEndId, IsoElements.MAX_35);
        IsoElements.optional(out, "TxId", transfer.transactionId, IsoElements.MAX_35);
        out.element("UETR", transfer.uetr, 36);
        out.end("PmtId");
        IsoElements.amount(out, "IntrBkSttlmAmt", transfer.amountMinor, transfer.currency);
        IsoElements.date(out, "IntrBkSttlmDt", transfer.settlementDateEpochDay);
        if (transfer.instructedCurrency != 0) {
            IsoElements.amount(out, "InstdAmt", transfer.instructedAmountMinor, transfer.instructedCurrency);
            if (transfer.exchangeRateScaled > 0) {
                out.start("XchgRate").decimal(transfer.exchangeRateScaled, 8).end("XchgRate");
            }
        }
        out.element("ChrgBr", transfer.chargeBearer);
        IsoElements.agent(out, "InstgAgt", transfer.instructingAgentBic);
        IsoElements.agent(out, "InstdAgt", transfer.instructedAgentBic);
        out.start("Dbtr");
        IsoElements.partyIdentification(out, transfer.debtor);
        out.end("Dbtr");
        IsoElements.agent(out, "DbtrAgt", transfer.debtorAgentBic);
        IsoElements.agent(out, "CdtrAgt", transfer.creditorAgentBic);
        out.start("Cdtr");
        IsoElements.partyIdentification(out, transfer.creditor);
        out.end("Cdtr");
        IsoElements.remittance(out, transfer.remittance);
        out.end("CdtTrfTxInf");
        out.end("FIToFICstmrCdtTrf");
        AppHdrWriter.endMessage(out);
    }
}
