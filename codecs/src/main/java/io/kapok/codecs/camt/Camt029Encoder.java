package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.pacs.PaymentElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a camt.029.001.09 ResolutionOfInvestigation of one recalled transaction with its Business
 * Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr, To, BizMsgIdr = Assgnmt/Id, MsgDefIdr = camt.029.001.09, BizSvc = swift.cbprplus.02
 * └─ Document/RsltnOfInvstgtn
 *    ├─ Assgnmt: Id, Assgnr (= Fr), Assgne (= To), CreDtTm
 *    ├─ RslvdCase?: Id, Cretr
 *    ├─ Sts/Conf: CNCL | RJCR | PDCR
 *    └─ CxlDtls/TxInfAndSts: CxlStsId?, OrgnlGrpInf, OrgnlInstrId?, OrgnlEndToEndId?, OrgnlTxId?,
 *       OrgnlUETR?, TxCxlSts (ACCR | RJCR | PDCR), CxlStsRsnInf? (Rsn/Cd, AddtlInf*),
 *       OrgnlIntrBkSttlmAmt, OrgnlIntrBkSttlmDt
 * </pre>
 *
 * Not thread-safe: one encoder per thread.
 */
public final class Camt029Encoder {
    public static final MessageType TYPE = MessageType.CAMT_029_001_09;

    /** Encodes {@code resolution} into {@code out} (which is reset first). */
    public void encode(Camt029Resolution resolution, Utf8XmlWriter out) {
        String transactionStatus = resolution.transactionCancellationStatus();
        AppHdrWriter.startMessage(out, resolution.header, TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE);
        out.start("RsltnOfInvstgtn");
        PaymentElements.caseAssignment(out, resolution.header);
        PaymentElements.caseReference(out, "RslvdCase", resolution.resolvedCaseId, resolution.caseCreator);
        out.start("Sts").element("Conf", resolution.confirmation).end("Sts");
        out.start("CxlDtls").start("TxInfAndSts");
        IsoElements.optional(out, "CxlStsId", resolution.cancellationStatusId, IsoElements.MAX_35);
        PaymentElements.originalReferences(out, resolution.original);
        out.element("TxCxlSts", transactionStatus);
        if (resolution.reasonCode != null || resolution.additionalInfo.length() > 0) {
            PaymentElements.reason(out, "CxlStsRsnInf", null, resolution.reasonCode, resolution.additionalInfo);
        }
        PaymentElements.originalAmountAndDate(out, resolution.original);
        out.end("TxInfAndSts").end("CxlDtls");
        out.end("RsltnOfInvstgtn");
        AppHdrWriter.endMessage(out);
    }
}
