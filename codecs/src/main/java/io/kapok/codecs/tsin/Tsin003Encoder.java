package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.003.001.01 InvoiceFinancingCancellationRequest with its Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr, To, BizMsgIdr = CxlReqId/Id
 * └─ Document/InvcFincgCxlReq
 *    ├─ CxlReqId: Id, CreDtTm
 *    └─ CxlReqInf: OrgnlGrpId, OrgnlCreDtTm, NbOfInvcReqs?, TtlBlkInvcAmt?, CxlRsn, FincgRqstr?,
 *       FrstAgt?
 * </pre>
 *
 * Not thread-safe: one encoder per thread.
 */
public final class Tsin003Encoder {
    public static final MessageType TYPE = MessageType.TSIN_003_001_01;
    private static final int REASON_LENGTH_MAX = 140;

    /** Encodes {@code request} into {@code out} (which is reset first). */
    public void encode(Tsin003CancellationRequest request, Utf8XmlWriter out) {
        AppHdrWriter.startMessage(out, request.header, TYPE, null);
        out.start("InvcFincgCxlReq");
        TsinElements.messageIdentification(out, "CxlReqId", request.header);
        out.start("CxlReqInf");
        out.element("OrgnlGrpId", request.originalGroupId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "OrgnlCreDtTm", request.originalCreationTimeMs);
        if (request.invoiceCount >= 0) {
            out.element("NbOfInvcReqs", request.invoiceCount);
        }
        if (request.totalAmountMinor >= 0) {
            IsoElements.amount(out, "TtlBlkInvcAmt", request.totalAmountMinor, request.currency);
        }
        out.element("CxlRsn", request.reason, REASON_LENGTH_MAX);
        if (request.requester.isPresent()) {
            TsinElements.financingRequester(out, request.requester);
        }
        if (request.bankBic.length() > 0) {
            TsinElements.financialInstitution6(out, "FrstAgt", request.bankBic);
        }
        out.end("CxlReqInf");
        out.end("InvcFincgCxlReq");
        AppHdrWriter.endMessage(out);
    }
}
