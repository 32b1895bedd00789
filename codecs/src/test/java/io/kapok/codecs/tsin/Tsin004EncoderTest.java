package io.kapok.codecs.tsin;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.prowidesoftware.swift.model.mx.MxTsin00400101;
import com.prowidesoftware.swift.model.mx.dic.FinancialInvoiceV01;
import com.prowidesoftware.swift.model.mx.dic.LineItem10;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification45;
import com.prowidesoftware.swift.model.mx.dic.SettlementMonetarySummation1;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Tsin004EncoderTest {
    private static Tsin004Invoice invoice() {
        Tsin004Invoice invoice = new Tsin004Invoice();
        TsinSamples.header(invoice.header, TsinSamples.foshan(), TsinSamples.platform(), "FSPP-TSIN004-0815");
        invoice.invoiceId.set("CAG-INV-2026-0815");
        invoice.issueTimeMs = Instant.parse("2026-10-01T08:00:00Z").toEpochMilli();
        invoice.buyer.copyFrom(TsinSamples.canton());
        invoice.seller.copyFrom(TsinSamples.foshan());
        invoice.currency = Iso4217.pack("CNY");
        invoice.paymentReference.set("CAG-PO-2026-4711");
        invoice.dueDateEpochDay = LocalDate.of(2027, 3, 31).toEpochDay();
        line(invoice, "1", "制动卡钳 Brake caliper & <rotor>", 1_250_00L, 800, 130_000_00L);
        line(invoice, "2", "Bearing 'sealed' \"6204\"", 35_50L, 2_000, 9_230_00L);
        return invoice;
    }

    private static void line(Tsin004Invoice invoice, String id, String product, long price, long quantity, long tax) {
        Tsin004Invoice.Line line = invoice.lines.add();
        line.id.set(id);
        line.productName.set(product);
        line.unitPriceMinor = price;
        line.quantity = quantity;
        line.taxMinor = tax;
    }

    @Test
    void prowideReadsTheInvoiceWithTotalsDerivedFromTheLines() {
        Tsin004Invoice invoice = invoice();
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin004Encoder().encode(invoice, out);
        ProwideOracle.Reading<MxTsin00400101> reading = ProwideOracle.read(out, MxTsin00400101.class);
        ProwideOracle.assertAppHdr(invoice.header, Tsin004Encoder.TYPE, null, reading.mx(), reading.xml());
        FinancialInvoiceV01 doc = reading.mx().getFinInvc();
        SettlementMonetarySummation1 sums = doc.getTradSttlm().getMntrySummtn();
        assertAll(
                reading.xml(),
                () -> assertEquals("CAG-INV-2026-0815", doc.getInvcHdr().getId()),
                () -> assertEquals("380", doc.getInvcHdr().getTpCd()),
                () -> ProwideOracle.assertInstant(
                        invoice.issueTimeMs, doc.getInvcHdr().getIsseDtTm()),
                () -> assertTradeParty(
                        invoice.buyer, doc.getTradAgrmt().getBuyr().getPtyId()),
                () -> assertTradeParty(
                        invoice.seller, doc.getTradAgrmt().getSellr().getPtyId()),
                () -> assertEquals(
                        "CAG-PO-2026-4711", doc.getTradSttlm().getPmtRef().get(0)),
                () -> assertEquals("CNY", doc.getTradSttlm().getInvcCcyCd()),
                () -> assertDate(
                        invoice.dueDateEpochDay,
                        doc.getTradSttlm().getPmtTerms().get(0).getDueDt()),
                () -> assertAmount(1_071_000_00L, 2, sums.getLineTtlAmt().get(0).getValue()),
                () -> assertEquals("CNY", sums.getLineTtlAmt().get(0).getCcy()),
                () -> assertAmount(139_230_00L, 2, sums.getTaxTtlAmt().get(0).getValue()),
                () -> assertAmount(1_071_000_00L, 2, sums.getTaxBsisAmt().get(0).getValue()),
                () -> assertAmount(1_210_230_00L, 2, sums.getGrdTtlAmt().get(0).getValue()),
                () -> assertEquals(2, doc.getLineItm().size()));
        for (int i = 0; i < invoice.lines.count(); i++) {
            Tsin004Invoice.Line expected = invoice.lines.get(i);
            LineItem10 actual = doc.getLineItm().get(i);
            assertAll(
                    () -> assertEquals(expected.id.toString(), actual.getId()),
                    () -> assertEquals(
                            expected.productName.toString(),
                            actual.getTradPdct().getNm()),
                    () -> assertAmount(
                            expected.unitPriceMinor,
                            2,
                            actual.getNetPric().get(0).getValue()),
                    () -> assertEquals(
                            new BigDecimal(expected.quantity),
                            actual.getBlldQty().getVal()),
                    () -> assertAmount(
                            expected.totalMinor(),
                            2,
                            actual.getMntrySummtn().getLineTtlAmt().get(0).getValue()),
                    () -> assertAmount(
                            expected.taxMinor,
                            2,
                            actual.getMntrySummtn().getTaxTtlAmt().get(0).getValue()));
        }
    }

    private static void assertTradeParty(PartyIdentity expected, PartyIdentification45 actual) {
        assertEquals(expected.name.toString(), actual.getNm());
        assertEquals(
                expected.id.toString(),
                actual.getId().getOrgId().getOthr().get(0).getId());
        assertEquals(
                "USCC", actual.getId().getOrgId().getOthr().get(0).getSchmeNm().getPrtry());
    }

    @Test
    void refusesAnInvoiceWithoutLines() {
        Tsin004Invoice invoice = invoice();
        invoice.lines.clear();
        assertThrows(IllegalArgumentException.class, () -> new Tsin004Encoder().encode(invoice, new Utf8XmlWriter(64)));
    }
}
