package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.004.001.01 FinancialInvoice with its Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr (the seller or the platform), To, BizMsgIdr
 * └─ Document/FinInvc
 *    ├─ InvcHdr: Id, TpCd, IsseDtTm
 *    ├─ TradAgrmt: Buyr, Sellr                       (TradeParty1: PtyId/Id/OrgId, PtyId/Nm)
 *    ├─ TradDlvry                                    (empty: nothing of the delivery is reported)
 *    ├─ TradSttlm: DuePyblAmt, PmtRef?, InvcCcyCd, PmtTerms/DueDt,
 *    │  MntrySummtn (LineTtlAmt, TaxTtlAmt, TaxBsisAmt, GrdTtlAmt)
 *    └─ LineItm*: Id, TradPdct/Nm, NetPric, BlldQty/Val, MntrySummtn (LineTtlAmt, TaxTtlAmt)
 * </pre>
 *
 * The line totals and the summation are computed from the lines, so the grand total always equals
 * the sum of the lines plus their tax. Not thread-safe: one encoder per thread.
 */
public final class Tsin004Encoder {
    public static final MessageType TYPE = MessageType.TSIN_004_001_01;

    /**
     * Encodes {@code invoice} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the invoice has no line
     */
    public void encode(Tsin004Invoice invoice, Utf8XmlWriter out) {
        int count = invoice.lines.count();
        if (count == 0) {
            throw new IllegalArgumentException("a tsin.004 invoice has at least one line");
        }
        long linesMinor = 0;
        long taxMinor = 0;
        for (int i = 0; i < count; i++) {
            Tsin004Invoice.Line line = invoice.lines.get(i);
            linesMinor = Math.addExact(linesMinor, line.totalMinor());
            taxMinor = Math.addExact(taxMinor, line.taxMinor);
        }
        int currency = invoice.currency;
        AppHdrWriter.startMessage(out, invoice.header, TYPE, null);
        out.start("FinInvc");
        out.start("InvcHdr");
        out.element("Id", invoice.invoiceId, IsoElements.MAX_35);
        out.element("TpCd", invoice.typeCode);
        IsoElements.dateTime(out, "IsseDtTm", invoice.issueTimeMs);
        out.end("InvcHdr");
        out.start("TradAgrmt");
        TradeLetterWriter.tradeParty(out, "Buyr", invoice.buyer);
        TradeLetterWriter.tradeParty(out, "Sellr", invoice.seller);
        out.end("TradAgrmt");
        out.start("TradDlvry").end("TradDlvry");
        out.start("TradSttlm");
        // DuePyblAmt [1..*] comes first in TradeSettlement1: what the buyer owes, the grand total.
        IsoElements.amount(out, "DuePyblAmt", Math.addExact(linesMinor, taxMinor), currency);
        IsoElements.optional(out, "PmtRef", invoice.paymentReference, IsoElements.MAX_35);
        IsoElements.currency(out, "InvcCcyCd", currency);
        out.start("PmtTerms");
        IsoElements.date(out, "DueDt", invoice.dueDateEpochDay);
        out.end("PmtTerms");
        out.start("MntrySummtn");
        IsoElements.amount(out, "LineTtlAmt", linesMinor, currency);
        IsoElements.amount(out, "TaxTtlAmt", taxMinor, currency);
        IsoElements.amount(out, "TaxBsisAmt", linesMinor, currency);
        IsoElements.amount(out, "GrdTtlAmt", Math.addExact(linesMinor, taxMinor), currency);
        out.end("MntrySummtn");
        out.end("TradSttlm");
        for (int i = 0; i < count; i++) {
            writeLine(out, invoice.lines.get(i), currency);
        }
        out.end("FinInvc");
        AppHdrWriter.endMessage(out);
    }

    private static void writeLine(Utf8XmlWriter out, Tsin004Invoice.Line line, int currency) {
        out.start("LineItm");
        out.element("Id", line.id, IsoElements.MAX_35);
        out.start("TradPdct")
                .element("Nm", line.productName, IsoElements.MAX_35)
                .end("TradPdct");
        IsoElements.amount(out, "NetPric", line.unitPriceMinor, currency);
        out.start("BlldQty").element("Val", line.quantity).end("BlldQty");
        out.start("MntrySummtn");
        IsoElements.amount(out, "LineTtlAmt", line.totalMinor(), currency);
        IsoElements.amount(out, "TaxTtlAmt", line.taxMinor, currency);
        out.end("MntrySummtn");
        out.end("LineItm");
    }
}
