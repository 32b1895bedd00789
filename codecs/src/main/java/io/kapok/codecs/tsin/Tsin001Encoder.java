package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.001.001.01 InvoiceFinancingRequest with its Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr (the supplier or the platform), To (the bank), BizMsgIdr = GrpId
 * └─ Document/InvcFincgReq
 *    ├─ ReqGrpInf: GrpId, CreDtTm, NbOfInvcReqs, TtlBlkInvcAmt, Ccy, FincgAgrmt?, FincgRqstr/PtyId,
 *    │  FrstAgt/BIC
 *    └─ InvcReqInf+: InvcGnlInf (DocTp CINV, DocNb, IsseDt), InvcTtlsInf (TtlTaxblAmt, TtlTaxAmt,
 *       TtlInvcAmt, PmtDueDt), ReqdAmt/Amt?, Spplr/PtyId, Buyr/PtyId, InvcPmtInf/PmtMtd = TRF
 * </pre>
 *
 * NbOfInvcReqs and TtlBlkInvcAmt are computed from the invoices. Not thread-safe: one encoder per
 * thread.
 */
public final class Tsin001Encoder {
    public static final MessageType TYPE = MessageType.TSIN_001_001_01;

    /** Encodes {@code request} into {@code out} (which is reset first). */
    public void encode(Tsin001Request request, Utf8XmlWriter out) {
        int count = request.invoices.count();
        if (count == 0) {
            throw new IllegalArgumentException("a tsin.001 finances at least one invoice");
        }
        long totalMinor = 0;
        for (int i = 0; i < count; i++) {
            totalMinor = Math.addExact(totalMinor, request.invoices.get(i).totalAmountMinor());
        }
        AppHdrWriter.startMessage(out, request.header, TYPE, null);
        out.start("InvcFincgReq");
        out.start("ReqGrpInf");
        out.element("GrpId", request.header.messageId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "CreDtTm", request.header.creationTimeMs);
        out.element("NbOfInvcReqs", count);
        IsoElements.amount(out, "TtlBlkInvcAmt", totalMinor, request.currency);
        IsoElements.currency(out, "Ccy", request.currency);
        IsoElements.optional(out, "FincgAgrmt", request.financingAgreement, IsoElements.MAX_35);
        TsinElements.financingRequester(out, request.requester);
        TsinElements.financialInstitution6(out, "FrstAgt", request.bankBic);
        out.end("ReqGrpInf");
        for (int i = 0; i < count; i++) {
            writeInvoice(out, request.invoices.get(i), request.currency);
        }
        out.end("InvcFincgReq");
        AppHdrWriter.endMessage(out);
    }

    private static void writeInvoice(Utf8XmlWriter out, Tsin001Request.Invoice invoice, int currency) {
        out.start("InvcReqInf");
        out.start("InvcGnlInf");
        out.element("DocTp", "CINV");
        out.element("DocNb", invoice.documentNumber, IsoElements.MAX_35);
        IsoElements.date(out, "IsseDt", invoice.issueDateEpochDay);
        out.end("InvcGnlInf");
        TsinElements.invoiceTotals(
                out,
                "InvcTtlsInf",
                invoice.taxableAmountMinor,
                invoice.taxAmountMinor,
                invoice.dueDateEpochDay,
                currency);
        if (invoice.requestedAmountMinor >= 0) {
            out.start("ReqdAmt");
            IsoElements.amount(out, "Amt", invoice.requestedAmountMinor, currency);
            out.end("ReqdAmt");
        }
        out.start("Spplr");
        TsinElements.partyIdentification8(out, "PtyId", invoice.supplier);
        out.end("Spplr");
        out.start("Buyr");
        TsinElements.partyIdentification8(out, "PtyId", invoice.buyer);
        out.end("Buyr");
        out.start("InvcPmtInf").element("PmtMtd", "TRF").end("InvcPmtInf");
        out.end("InvcReqInf");
    }
}
