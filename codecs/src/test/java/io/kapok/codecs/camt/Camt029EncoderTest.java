package io.kapok.codecs.camt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxCamt02900109;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction102;
import com.prowidesoftware.swift.model.mx.dic.ResolutionOfInvestigationV09;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.pacs.PaymentSamples;
import io.kapok.codecs.xml.Utf8XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Camt029EncoderTest {
    private static Camt029Resolution resolution(String confirmation, String reason) {
        Camt029Resolution resolution = new Camt029Resolution();
        PaymentSamples.header(resolution.header, "VHBKHKHHXXX", "PRBKCNGZXXX", "VHBK-RSLTN-20261124-1");
        resolution.resolvedCaseId.set("PRBK-CASE-0001");
        resolution.caseCreator.bic("PRBKCNGZXXX");
        resolution.confirmation = confirmation;
        resolution.cancellationStatusId.set("VHBK-CXLSTS-0001");
        PaymentSamples.original(resolution.original);
        resolution.reasonCode = reason;
        if (reason != null) {
            resolution.additionalInfo.append("funds already credited to 供应商 & <customer> \"refuses\" 'return'");
        }
        return resolution;
    }

    @ParameterizedTest
    @CsvSource(
            value = {"CNCL, , ACCR", "RJCR, CUST, RJCR", "RJCR, LEGL, RJCR", "PDCR, , PDCR"},
            nullValues = "")
    void prowideReadsEachResolution(String confirmation, String reason, String transactionStatus) {
        Camt029Resolution resolution = resolution(confirmation, reason);
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Camt029Encoder().encode(resolution, out);
        ProwideOracle.Reading<MxCamt02900109> reading = ProwideOracle.read(out, MxCamt02900109.class);
        ProwideOracle.assertAppHdr(
                resolution.header,
                Camt029Encoder.TYPE,
                AppHdrWriter.CBPR_BUSINESS_SERVICE,
                reading.mx(),
                reading.xml());
        ResolutionOfInvestigationV09 doc = reading.mx().getRsltnOfInvstgtn();
        PaymentTransaction102 tx = doc.getCxlDtls().get(0).getTxInfAndSts().get(0);
        PaymentSamples.assertOriginal(resolution.original, tx);
        assertAll(
                reading.xml(),
                () -> assertEquals("VHBK-RSLTN-20261124-1", doc.getAssgnmt().getId()),
                () -> assertEquals(
                        "VHBKHKHHXXX",
                        doc.getAssgnmt().getAssgnr().getAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(
                        "PRBKCNGZXXX",
                        doc.getAssgnmt().getAssgne().getAgt().getFinInstnId().getBICFI()),
                () -> assertEquals("PRBK-CASE-0001", doc.getRslvdCase().getId()),
                () -> assertEquals(confirmation, doc.getSts().getConf()),
                () -> assertEquals("VHBK-CXLSTS-0001", tx.getCxlStsId()),
                () -> assertEquals(transactionStatus, tx.getTxCxlSts().value()),
                () -> assertEquals(reason == null, tx.getCxlStsRsnInf().isEmpty()));
        if (reason != null) {
            assertEquals(reason, tx.getCxlStsRsnInf().get(0).getRsn().getCd());
            assertEquals(
                    resolution.additionalInfo.toString(),
                    tx.getCxlStsRsnInf().get(0).getAddtlInf().get(0));
        }
    }

    @Test
    void refusesAnUnknownConfirmation() {
        Camt029Resolution resolution = resolution("ACCR", null);
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> new Camt029Encoder().encode(resolution, new Utf8XmlWriter(64)));
        assertTrue(e.getMessage().contains("ACCR"), e.getMessage());
    }
}
