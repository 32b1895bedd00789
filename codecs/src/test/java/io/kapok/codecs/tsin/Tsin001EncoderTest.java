package io.kapok.codecs.tsin;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.prowidesoftware.swift.model.mx.MxTsin00100101;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingRequestV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceRequestInformation1;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Tsin001EncoderTest {
    private static Tsin001Request request() {
        Tsin001Request request = new Tsin001Request();
        TsinSamples.header(request.header, TsinSamples.foshan(), TsinSamples.pearlRiverBank(), "FSPP-FIN-2026-0042");
        request.currency = Iso4217.pack("CNY");
        request.financingAgreement.set("PRBK-CAG-PROG-2026");
        request.requester.copyFrom(TsinSamples.foshan());
        request.bankBic.set("PRBKCNGZXXX");
        invoice(request, "CAG-INV-2026-0815", 1_106_194_69L, 143_805_31L, -1);
        invoice(request, "CAG-INV-2026-0816 & <B>", 265_486_73L, 34_513_27L, 270_000_00L);
        return request;
    }

    private static void invoice(Tsin001Request request, String number, long taxable, long tax, long requested) {
        Tsin001Request.Invoice invoice = request.invoices.add();
        invoice.documentNumber.set(number);
        invoice.issueDateEpochDay = LocalDate.of(2026, 10, 1).toEpochDay();
        invoice.taxableAmountMinor = taxable;
        invoice.taxAmountMinor = tax;
        invoice.dueDateEpochDay = LocalDate.of(2027, 3, 31).toEpochDay();
        invoice.requestedAmountMinor = requested;
        invoice.supplier.copyFrom(TsinSamples.foshan());
        invoice.buyer.copyFrom(TsinSamples.canton());
    }

    @Test
    void prowideReadsTheRequestWithTotalsDerivedFromTheInvoices() {
        Tsin001Request request = request();
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin001Encoder().encode(request, out);
        ProwideOracle.Reading<MxTsin00100101> reading = ProwideOracle.read(out, MxTsin00100101.class);
        ProwideOracle.assertAppHdr(request.header, Tsin001Encoder.TYPE, null, reading.mx(), reading.xml());
        InvoiceFinancingRequestV01 doc = reading.mx().getInvcFincgReq();
        assertAll(
                reading.xml(),
                () -> assertEquals("FSPP-FIN-2026-0042", doc.getReqGrpInf().getGrpId()),
                () -> ProwideOracle.assertInstant(
                        request.header.creationTimeMs, doc.getReqGrpInf().getCreDtTm()),
                () -> assertEquals("2", doc.getReqGrpInf().getNbOfInvcReqs()),
                () -> assertAmount(
                        1_550_000_00L, 2, doc.getReqGrpInf().getTtlBlkInvcAmt().getValue()),
                () -> assertEquals("CNY", doc.getReqGrpInf().getCcy()),
                () -> assertEquals("PRBK-CAG-PROG-2026", doc.getReqGrpInf().getFincgAgrmt()),
                () -> TsinSamples.assertParty25(
                        request.requester, doc.getReqGrpInf().getFincgRqstr().getPtyId()),
                () -> assertEquals(
                        "PRBKCNGZXXX", doc.getReqGrpInf().getFrstAgt().getBIC()),
                () -> assertEquals(2, doc.getInvcReqInf().size()));
        for (int i = 0; i < request.invoices.count(); i++) {
            Tsin001Request.Invoice expected = request.invoices.get(i);
            InvoiceRequestInformation1 actual = doc.getInvcReqInf().get(i);
            assertAll(
                    () -> assertEquals("CINV", actual.getInvcGnlInf().getDocTp().value()),
                    () -> assertEquals(
                            expected.documentNumber.toString(),
                            actual.getInvcGnlInf().getDocNb()),
                    () -> assertDate(
                            expected.issueDateEpochDay, actual.getInvcGnlInf().getIsseDt()),
                    () -> assertAmount(
                            expected.taxableAmountMinor,
                            2,
                            actual.getInvcTtlsInf().getTtlTaxblAmt().getValue()),
                    () -> assertAmount(
                            expected.taxAmountMinor,
                            2,
                            actual.getInvcTtlsInf().getTtlTaxAmt().getValue()),
                    () -> assertAmount(
                            expected.totalAmountMinor(),
                            2,
                            actual.getInvcTtlsInf().getTtlInvcAmt().getValue()),
                    () -> assertDate(
                            expected.dueDateEpochDay, actual.getInvcTtlsInf().getPmtDueDt()),
                    () -> {
                        if (expected.requestedAmountMinor < 0) {
                            assertNull(actual.getReqdAmt());
                        } else {
                            assertAmount(
                                    expected.requestedAmountMinor,
                                    2,
                                    actual.getReqdAmt().getAmt().getValue());
                        }
                    },
                    () -> TsinSamples.assertParty8(
                            expected.supplier, actual.getSpplr().getPtyId()),
                    () -> TsinSamples.assertParty8(
                            expected.buyer, actual.getBuyr().getPtyId()),
                    () -> assertEquals("TRF", actual.getInvcPmtInf().getPmtMtd().value()));
        }
    }

    @Test
    void refusesARequestWithoutInvoices() {
        Tsin001Request request = request();
        request.invoices.clear();
        assertThrows(IllegalArgumentException.class, () -> new Tsin001Encoder().encode(request, new Utf8XmlWriter(64)));
    }
}
