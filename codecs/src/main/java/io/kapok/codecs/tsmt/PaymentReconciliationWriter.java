package io.kapok.codecs.tsmt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.tsin.TradeLetterWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * The layout tsmt.053 and tsmt.054 share:
 *
 * <pre>
 * Document/{root}
 * ├─ Hdr (BusinessLetter1)
 * ├─ RcncltnList: Dt, Rcpt, Advsr, Params (Idr, IsseDt, Ccy), PmtRef (InstrId?, EndToEndId),
 * │  PmtMeans (PmtTp/InstrPrty, PmtMtdCd = TRF, PyeeCdtrAcct/Id/Othr/Id, PyeeFI/FinInstnId/BIC),
 * │  PmtDt, PmtTerms/DueDt, PmtAmt, Itm+, ItmCnt, CtrlSum, VldtnStsInf?
 * └─ RcncltnCnt (= 1), ItmCnt, CtrlSum
 * </pre>
 *
 * Stateless.
 */
final class PaymentReconciliationWriter {
    private PaymentReconciliationWriter() {}

    static void write(Utf8XmlWriter out, PaymentReconciliation reconciliation, MessageType type, String root) {
        int count = reconciliation.items.count();
        int currency = reconciliation.currency;
        TradeLetterWriter.startLetterAndList(out, reconciliation.letter, type, root, "RcncltnList", count);
        IsoElements.date(out, "Dt", reconciliation.dateEpochDay);
        out.element("Rcpt", reconciliation.recipientRef, IsoElements.MAX_35);
        out.element("Advsr", reconciliation.adviserRef, IsoElements.MAX_35);
        TradeLetterWriter.itemParameters(
                out, "Params", reconciliation.reference, reconciliation.referenceDateEpochDay, "", "", currency, "");
        out.start("PmtRef");
        IsoElements.optional(out, "InstrId", reconciliation.instructionId, IsoElements.MAX_35);
        out.element("EndToEndId", reconciliation.endToEndId, IsoElements.MAX_35);
        out.end("PmtRef");
        out.start("PmtMeans");
        out.start("PmtTp").element("InstrPrty", "NORM").end("PmtTp");
        out.element("PmtMtdCd", "TRF");
        out.start("PyeeCdtrAcct").start("Id").start("Othr");
        out.element("Id", reconciliation.payeeAccount, 34);
        out.end("Othr").end("Id").end("PyeeCdtrAcct");
        out.start("PyeeFI").start("FinInstnId").element("BIC", reconciliation.payeeBankBic, 11);
        out.end("FinInstnId").end("PyeeFI");
        out.end("PmtMeans");
        IsoElements.date(out, "PmtDt", reconciliation.paymentDateEpochDay);
        out.start("PmtTerms");
        IsoElements.date(out, "DueDt", reconciliation.dueDateEpochDay);
        out.end("PmtTerms");
        IsoElements.amount(out, "PmtAmt", reconciliation.paymentAmountMinor, currency);
        long sumMinor = TradeLetterWriter.items(out, "Itm", reconciliation.items, currency);
        TradeLetterWriter.endListAndLetter(
                out,
                root,
                "RcncltnList",
                "RcncltnCnt",
                count,
                sumMinor,
                currency,
                reconciliation.validationStatus,
                reconciliation.validationReason);
    }
}
