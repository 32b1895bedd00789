package io.kapok.codecs.pacs;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a pacs.004.001.09 PaymentReturn of one transaction with its Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr, To, BizMsgIdr = MsgId, MsgDefIdr = pacs.004.001.09, BizSvc = swift.cbprplus.02
 * └─ Document/PmtRtr
 *    ├─ GrpHdr: MsgId, CreDtTm, NbOfTxs = 1, SttlmInf/SttlmMtd
 *    └─ TxInf: RtrId, OrgnlGrpInf (OrgnlMsgId, OrgnlMsgNmId), OrgnlInstrId?, OrgnlEndToEndId?,
 *       OrgnlTxId?, OrgnlUETR?, OrgnlIntrBkSttlmAmt, OrgnlIntrBkSttlmDt, RtrdIntrBkSttlmAmt,
 *       IntrBkSttlmDt, ChrgBr, InstgAgt, InstdAgt, RtrRsnInf (Rsn/Cd, AddtlInf*)
 * </pre>
 *
 * Not thread-safe: one encoder per thread.
 */
public final class Pacs004Encoder {
    public static final MessageType TYPE = MessageType.PACS_004_001_09;

    /**
     * Encodes {@code payment} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when more than the original amount would be returned
     */
    public void encode(Pacs004Return payment, Utf8XmlWriter out) {
        if (payment.returnedAmountMinor > payment.original.amountMinor) {
            throw new IllegalArgumentException("returned amount " + payment.returnedAmountMinor
                    + " exceeds the original " + payment.original.amountMinor + " minor units");
        }
        AppHdrWriter.startMessage(out, payment.header, TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE);
        out.start("PmtRtr");
        PaymentElements.groupHeader(out, payment.header, payment.settlementMethod);
        out.start("TxInf");
        out.element("RtrId", payment.returnId, IsoElements.MAX_35);
        PaymentElements.originalReferences(out, payment.original);
        PaymentElements.originalAmountAndDate(out, payment.original);
        IsoElements.amount(out, "RtrdIntrBkSttlmAmt", payment.returnedAmountMinor, payment.original.currency);
        IsoElements.date(out, "IntrBkSttlmDt", payment.settlementDateEpochDay);
        out.element("ChrgBr", payment.chargeBearer);
        IsoElements.agent(out, "InstgAgt", payment.instructingAgentBic);
        IsoElements.agent(out, "InstdAgt", payment.instructedAgentBic);
        PaymentElements.reason(out, "RtrRsnInf", null, payment.reasonCode, payment.additionalInfo);
        out.end("TxInf");
        out.end("PmtRtr");
        AppHdrWriter.endMessage(out);
    }
}
