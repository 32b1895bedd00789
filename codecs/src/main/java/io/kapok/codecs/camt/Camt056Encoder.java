package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.pacs.PaymentElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a camt.056.001.08 FIToFIPaymentCancellationRequest of one transaction with its Business
 * Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr, To, BizMsgIdr = Assgnmt/Id, MsgDefIdr = camt.056.001.08, BizSvc = swift.cbprplus.02
 * └─ Document/FIToFIPmtCxlReq
 *    ├─ Assgnmt: Id, Assgnr (= Fr), Assgne (= To), CreDtTm
 *    ├─ Case?: Id, Cretr
 *    └─ Undrlyg/TxInf: CxlId?, OrgnlGrpInf, OrgnlInstrId?, OrgnlEndToEndId?, OrgnlTxId?, OrgnlUETR?,
 *       OrgnlIntrBkSttlmAmt, OrgnlIntrBkSttlmDt, CxlRsnInf (Orgtr?, Rsn/Cd, AddtlInf*)
 * </pre>
 *
 * Not thread-safe: one encoder per thread.
 */
public final class Camt056Encoder {
    public static final MessageType TYPE = MessageType.CAMT_056_001_08;

    /** Encodes {@code request} into {@code out} (which is reset first). */
    public void encode(Camt056CancellationRequest request, Utf8XmlWriter out) {
        AppHdrWriter.startMessage(out, request.header, TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE);
        out.start("FIToFIPmtCxlReq");
        PaymentElements.caseAssignment(out, request.header);
        PaymentElements.caseReference(out, "Case", request.caseId, request.caseCreator);
        out.start("Undrlyg").start("TxInf");
        IsoElements.optional(out, "CxlId", request.cancellationId, IsoElements.MAX_35);
        PaymentElements.originalReferences(out, request.original);
        PaymentElements.originalAmountAndDate(out, request.original);
        PaymentElements.reason(out, "CxlRsnInf", request.originator, request.reasonCode, request.additionalInfo);
        out.end("TxInf").end("Undrlyg");
        out.end("FIToFIPmtCxlReq");
        AppHdrWriter.endMessage(out);
    }
}
