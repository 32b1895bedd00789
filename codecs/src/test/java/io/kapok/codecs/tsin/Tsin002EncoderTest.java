package io.kapok.codecs.tsin;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static io.kapok.codecs.ProwideOracle.assertInstant;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxTsin00200101;
import com.prowidesoftware.swift.model.mx.dic.FinancingAllowedSummary1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingDetails1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingRequestStatusV01;
import com.prowidesoftware.swift.model.mx.dic.OriginalRequestInformation1;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Tsin002EncoderTest {
    private static final int CNY = Iso4217.pack("CNY");

    static Tsin002Status validated() {
        Tsin002Status status = new Tsin002Status();
        status.header.from.bic("PRBKCNGZXXX");
        status.header.to.uscc("91440604MA9KAPK002").name.set("佛山精密零件 & <Foshan> \"Precision\" 'Parts'");
        status.header.messageId.set("PRBK-TSIN002-0001");
        status.header.creationTimeMs = Instant.parse("2026-11-23T02:00:00.250Z").toEpochMilli();
        status.originalRequestId.set("FSPP-FIN-2026-0042");
        status.originalCreationTimeMs = Instant.parse("2026-11-23T01:59:00Z").toEpochMilli();
        status.requester.uscc("91440604MA9KAPK002").name.set("佛山精密零件有限公司");
        status.validationStatus = Tsin002Status.VALIDATION_ACCEPTED;
        return status;
    }

    static Tsin002Status financed() {
        Tsin002Status status = validated();
        status.currency = CNY;
        status.appliedPercentageBasisPoints = 9000;
        status.creditDateEpochDay = LocalDate.of(2026, 11, 24).toEpochDay();
        invoice(status, "CAG-INV-2026-0815", 1_250_000_00L, Tsin002Status.FINANCED, null, 1_125_000_00L);
        invoice(status, "CAG-INV-2026-0816", 300_000_00L, Tsin002Status.NOT_FINANCED, "ID01", 0);
        invoice(status, "CAG-INV-2026-0817", 80_000_05L, Tsin002Status.FINANCED, null, 72_000_04L);
        invoice(status, "CAG-INV-2026-0818", 10_000_00L, Tsin002Status.PENDING, "BE08", 0);
        return status;
    }

    private static void invoice(
            Tsin002Status status, String number, long amountMinor, String result, String reason, long financedMinor) {
        Tsin002Status.Invoice invoice = status.invoices.add();
        invoice.documentNumber.set(number);
        invoice.totalAmountMinor = amountMinor;
        invoice.issueDateEpochDay = LocalDate.of(2026, 10, 1).toEpochDay();
        invoice.dueDateEpochDay = LocalDate.of(2027, 3, 31).toEpochDay();
        invoice.financingStatus = result;
        invoice.reason = reason;
        invoice.financedAmountMinor = financedMinor;
    }

    private static ProwideOracle.Reading<MxTsin00200101> encodeAndRead(Tsin002Status status) {
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin002Encoder().encode(status, out);
        ProwideOracle.Reading<MxTsin00200101> reading = ProwideOracle.read(out, MxTsin00200101.class);
        ProwideOracle.assertAppHdr(status.header, Tsin002Encoder.TYPE, null, reading.mx(), reading.xml());
        return reading;
    }

    @Test
    void prowideReadsFinancingResultsWithTotalsDerivedFromTheInvoices() {
        Tsin002Status status = financed();
        ProwideOracle.Reading<MxTsin00200101> reading = encodeAndRead(status);
        InvoiceFinancingRequestStatusV01 doc = reading.mx().getInvcFincgReqSts();
        OriginalRequestInformation1 original = doc.getOrgnlReqInfAndSts();
        FinancingAllowedSummary1 summary = doc.getFincgInfAndSts().getFincgAllwdSummry();
        assertAll(
                reading.xml(),
                () -> assertEquals("PRBK-TSIN002-0001", doc.getStsId().getId()),
                () -> assertInstant(status.header.creationTimeMs, doc.getStsId().getCreDtTm()),
                () -> assertEquals("FSPP-FIN-2026-0042", original.getId()),
                () -> assertInstant(status.originalCreationTimeMs, original.getCreDtTm()),
                () -> assertEquals(
                        "佛山精密零件有限公司", original.getFincgRqstr().getPtyId().getNm()),
                () -> assertEquals(
                        "91440604MA9KAPK002",
                        original.getFincgRqstr().getPtyId().getPrtryId().getId()),
                () -> assertEquals(
                        "USCC", original.getFincgRqstr().getPtyId().getPrtryId().getIdTp()),
                () -> assertEquals("RCCF", original.getVldtnStsInf().getSts().value()),
                () -> assertNull(original.getVldtnStsInf().getStsRsn()),
                () -> assertNull(original.getCxlStsInf()),
                () -> assertEquals(new BigDecimal(2), summary.getFincdItmNb()),
                () -> assertAmount(
                        1_330_000_05L, 2, summary.getTtlAccptdItmsAmt().getValue()),
                () -> assertEquals("CNY", summary.getTtlAccptdItmsAmt().getCcy()),
                () -> assertEquals(new BigDecimal("90.00"), summary.getApldPctg()),
                () -> assertAmount(1_197_000_04L, 2, summary.getTtlFincdAmt().getValue()),
                () -> assertDate(
                        status.creditDateEpochDay, summary.getFincgDtDtls().getCdtDt()),
                () -> assertEquals(4, doc.getFincgInfAndSts().getInvcFincgDtls().size()));
        for (int i = 0; i < status.invoices.count(); i++) {
            Tsin002Status.Invoice expected = status.invoices.get(i);
            InvoiceFinancingDetails1 actual =
                    doc.getFincgInfAndSts().getInvcFincgDtls().get(i);
            assertAll(
                    expected.documentNumber.toString(),
                    () -> assertEquals(
                            expected.documentNumber.toString(),
                            actual.getOrgnlInvcInf().getDocNb()),
                    () -> assertAmount(
                            expected.totalAmountMinor,
                            2,
                            actual.getOrgnlInvcInf().getTtlInvcAmt().getValue()),
                    () -> assertDate(
                            expected.issueDateEpochDay, actual.getOrgnlInvcInf().getIsseDt()),
                    () -> assertDate(
                            expected.dueDateEpochDay, actual.getOrgnlInvcInf().getPmtDueDt()),
                    () -> assertEquals(
                            expected.financingStatus,
                            actual.getInvcFincgRslt().getFincgReqSts().value()),
                    () -> assertEquals(
                            expected.reason,
                            actual.getInvcFincgRslt().getStsRsn() == null
                                    ? null
                                    : actual.getInvcFincgRslt()
                                            .getStsRsn()
                                            .getCd()
                                            .value()),
                    () -> {
                        if (Tsin002Status.FINANCED.equals(expected.financingStatus)) {
                            assertAmount(
                                    expected.financedAmountMinor,
                                    2,
                                    actual.getInvcFincgRslt()
                                            .getFincdAmt()
                                            .getAmt()
                                            .getValue());
                        } else {
                            assertNull(actual.getInvcFincgRslt().getFincdAmt());
                        }
                    });
        }
    }

    @Test
    void prowideReadsValidationRejectWithReasonAndEscapedText() {
        Tsin002Status status = validated();
        status.validationStatus = Tsin002Status.VALIDATION_REJECTED;
        status.validationReason = "DT02";
        status.validationInfo
                .append("due date 2028-01-01 & <beyond> \"one year\" 'limit' 超过一年 ")
                .append("x".repeat(120));
        ProwideOracle.Reading<MxTsin00200101> reading = encodeAndRead(status);
        OriginalRequestInformation1 original = reading.mx().getInvcFincgReqSts().getOrgnlReqInfAndSts();
        assertEquals("RCER", original.getVldtnStsInf().getSts().value());
        assertEquals("DT02", original.getVldtnStsInf().getStsRsn().getCd().value());
        assertEquals(2, original.getVldtnStsInf().getAddtlStsRsnInf().size());
        assertEquals(
                status.validationInfo.toString(),
                String.join("", original.getVldtnStsInf().getAddtlStsRsnInf()));
        assertNull(reading.mx().getInvcFincgReqSts().getFincgInfAndSts(), "no invoices, no financing part");
    }

    @Test
    void prowideReadsCancellationAcceptedAndRefused() {
        for (String[] answer : new String[][] {{"PACK", "CA01"}, {"REJT", "CA03"}}) {
            Tsin002Status status = validated();
            status.cancellationStatus = answer[0];
            status.cancellationReason = answer[1];
            OriginalRequestInformation1 original =
                    encodeAndRead(status).mx().getInvcFincgReqSts().getOrgnlReqInfAndSts();
            assertEquals(answer[0], original.getCxlStsInf().getSts().value());
            assertEquals(answer[1], original.getCxlStsInf().getStsRsn().getCd().value());
        }
    }

    @Test
    void writesTheHeaderOfABankToASupplierIdentifiedByUscc() {
        Utf8XmlWriter out = new Utf8XmlWriter(64);
        new Tsin002Encoder().encode(validated(), out);
        assertTrue(
                out.toString()
                        .contains(
                                "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZXXX</BICFI></FinInstnId></FIId></Fr>"
                                        + "<To><OrgId><Nm>佛山精密零件 &amp; &lt;Foshan&gt; &quot;Precision&quot; &apos;Parts&apos;</Nm>"
                                        + "<Id><OrgId><Othr><Id>91440604MA9KAPK002</Id><SchmeNm><Prtry>USCC</Prtry></SchmeNm></Othr></OrgId></Id></OrgId></To>"
                                        + "<BizMsgIdr>PRBK-TSIN002-0001</BizMsgIdr><MsgDefIdr>tsin.002.001.01</MsgDefIdr><CreDt>"),
                out::toString);
    }

    @Test
    void sameStatusGivesTheSameBytesThroughAReusedEncoder() {
        Tsin002Encoder encoder = new Tsin002Encoder();
        Utf8XmlWriter out = new Utf8XmlWriter(16);
        Tsin002Status status = financed();
        encoder.encode(status, out);
        byte[] first = out.toByteArray();
        Tsin002Status other = validated();
        other.validationStatus = Tsin002Status.VALIDATION_REJECTED;
        other.validationReason = "AC01";
        encoder.encode(other, out);
        encoder.encode(status, out);
        assertArrayEquals(first, out.toByteArray());
    }

    @Test
    void refusesMoreInvoicesThanTheLimit() {
        Tsin002Status status = validated();
        for (int i = 0; i < Tsin002Status.INVOICES_MAX; i++) {
            status.invoices.add();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, status.invoices::add);
        assertTrue(e.getMessage().contains("at most 64"), e.getMessage());
        status.clear();
        assertEquals(0, status.invoices.count());
    }
}
