package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.002.001.01 InvoiceFinancingRequestStatus with its Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr (the bank or the platform), To (the supplier), BizMsgIdr = StsId/Id
 * └─ Document/InvcFincgReqSts
 *    ├─ StsId: Id, CreDtTm
 *    ├─ OrgnlReqInfAndSts: Id, CreDtTm, FincgRqstr?, VldtnStsInf (Sts, StsRsn/Cd?, AddtlStsRsnInf*),
 *    │  CxlStsInf? (Sts, StsRsn/Cd?)
 *    └─ FincgInfAndSts?                                    only when invoices are reported
 *       ├─ FincgAllwdSummry: FincdItmNb, TtlAccptdItmsAmt, ApldPctg?, TtlFincdAmt, FincgDtDtls/CdtDt?
 *       └─ InvcFincgDtls+: OrgnlInvcInf (DocNb, TtlInvcAmt, IsseDt, PmtDueDt),
 *          InvcFincgRslt (FincgReqSts, StsRsn/Cd?, FincdAmt/Amt?)
 * </pre>
 *
 * The summary is computed from the invoices: FincdItmNb counts the FNCD ones, TtlAccptdItmsAmt sums
 * their invoice amounts and TtlFincdAmt their financed amounts, so the totals always agree with the
 * details. Not thread-safe: one encoder per thread.
 */
public final class Tsin002Encoder {
    public static final MessageType TYPE = MessageType.TSIN_002_001_01;

    /** Encodes {@code status} into {@code out} (which is reset first). */
    public void encode(Tsin002Status status, Utf8XmlWriter out) {
        AppHdrWriter.startMessage(out, status.header, TYPE, null);
        out.start("InvcFincgReqSts");
        TsinElements.messageIdentification(out, "StsId", status.header);

        out.start("OrgnlReqInfAndSts");
        out.element("Id", status.originalRequestId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "CreDtTm", status.originalCreationTimeMs);
        if (status.requester.isPresent()) {
            TsinElements.financingRequester(out, status.requester);
        }
        TsinElements.statusInformation(
                out, "VldtnStsInf", status.validationStatus, status.validationReason, status.validationInfo);
        if (status.cancellationStatus != null) {
            TsinElements.statusInformation(out, "CxlStsInf", status.cancellationStatus, status.cancellationReason, "");
        }
        out.end("OrgnlReqInfAndSts");

        if (status.invoices.count() > 0) {
            writeFinancing(status, out);
        }
        out.end("InvcFincgReqSts");
        AppHdrWriter.endMessage(out);
    }

    private static void writeFinancing(Tsin002Status status, Utf8XmlWriter out) {
        int financedCount = 0;
        long acceptedMinor = 0;
        long financedMinor = 0;
        for (int i = 0; i < status.invoices.count(); i++) {
            Tsin002Status.Invoice invoice = status.invoices.get(i);
            if (Tsin002Status.FINANCED.equals(invoice.financingStatus)) {
                financedCount++;
                acceptedMinor = Math.addExact(acceptedMinor, invoice.totalAmountMinor);
                financedMinor = Math.addExact(financedMinor, invoice.financedAmountMinor);
            }
        }
        out.start("FincgInfAndSts");
        out.start("FincgAllwdSummry");
        out.element("FincdItmNb", financedCount);
        IsoElements.amount(out, "TtlAccptdItmsAmt", acceptedMinor, status.currency);
        if (status.appliedPercentageBasisPoints >= 0) {
            out.start("ApldPctg")
                    .decimal(status.appliedPercentageBasisPoints, 2)
                    .end("ApldPctg");
        }
        IsoElements.amount(out, "TtlFincdAmt", financedMinor, status.currency);
        if (status.creditDateEpochDay != Tsin002Status.NO_DATE) {
            out.start("FincgDtDtls");
            IsoElements.date(out, "CdtDt", status.creditDateEpochDay);
            out.end("FincgDtDtls");
        }
        out.end("FincgAllwdSummry");
        for (int i = 0; i < status.invoices.count(); i++) {
            Tsin002Status.Invoice invoice = status.invoices.get(i);
            out.start("InvcFincgDtls");
            out.start("OrgnlInvcInf");
            out.element("DocNb", invoice.documentNumber, IsoElements.MAX_35);
            IsoElements.amount(out, "TtlInvcAmt", invoice.totalAmountMinor, status.currency);
            IsoElements.date(out, "IsseDt", invoice.issueDateEpochDay);
            IsoElements.date(out, "PmtDueDt", invoice.dueDateEpochDay);
            out.end("OrgnlInvcInf");
            out.start("InvcFincgRslt");
            out.element("FincgReqSts", invoice.financingStatus);
            TsinElements.reason(out, invoice.reason);
            if (Tsin002Status.FINANCED.equals(invoice.financingStatus)) {
                out.start("FincdAmt");
                IsoElements.amount(out, "Amt", invoice.financedAmountMinor, status.currency);
                out.end("FincdAmt");
            }
            out.end("InvcFincgRslt");
            out.end("InvcFincgDtls");
        }
        out.end("FincgInfAndSts");
    }
}
