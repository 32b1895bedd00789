package io.kapok.codecs.camt;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.prowidesoftware.swift.model.mx.MxCamt05600108;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentCancellationRequestV08;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction106;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.pacs.PaymentSamples;
import io.kapok.codecs.xml.Utf8XmlWriter;
import org.junit.jupiter.api.Test;

class Camt056EncoderTest {
    static Camt056CancellationRequest recall() {
        Camt056CancellationRequest request = new Camt056CancellationRequest();
        PaymentSamples.header(request.header, "PRBKCNGZXXX", "VHBKHKHHXXX", "PRBK-CXL-20261124-01");
        request.caseId.set("PRBK-CASE-0001");
        request.caseCreator.bic("PRBKCNGZXXX");
        request.cancellationId.set("PRBK-CXL-0001");
        PaymentSamples.original(request.original);
        request.originator.uscc("91440101MA9KAPK001").name.set("广州汽车集团 & <Canton> \"Auto\" 'Group'");
        request.reasonCode = "DUPL";
        request.additionalInfo.append("paid twice: see PRBK-20261123-0001 & -0002");
        return request;
    }

    private static ProwideOracle.Reading<MxCamt05600108> encodeAndRead(Camt056CancellationRequest request) {
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Camt056Encoder().encode(request, out);
        ProwideOracle.Reading<MxCamt05600108> reading = ProwideOracle.read(out, MxCamt05600108.class);
        ProwideOracle.assertAppHdr(
                request.header, Camt056Encoder.TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE, reading.mx(), reading.xml());
        return reading;
    }

    @Test
    void prowideReadsARecallFieldByField() {
        Camt056CancellationRequest request = recall();
        ProwideOracle.Reading<MxCamt05600108> reading = encodeAndRead(request);
        FIToFIPaymentCancellationRequestV08 doc = reading.mx().getFIToFIPmtCxlReq();
        PaymentTransaction106 tx = doc.getUndrlyg().get(0).getTxInf().get(0);
        PaymentSamples.assertOriginal(request.original, tx);
        assertAll(
                reading.xml(),
                () -> assertEquals("PRBK-CXL-20261124-01", doc.getAssgnmt().getId()),
                () -> assertEquals(
                        "PRBKCNGZXXX",
                        doc.getAssgnmt().getAssgnr().getAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(
                        "VHBKHKHHXXX",
                        doc.getAssgnmt().getAssgne().getAgt().getFinInstnId().getBICFI()),
                () -> ProwideOracle.assertInstant(
                        request.header.creationTimeMs, doc.getAssgnmt().getCreDtTm()),
                () -> assertEquals("PRBK-CASE-0001", doc.getCase().getId()),
                () -> assertEquals(
                        "PRBKCNGZXXX",
                        doc.getCase().getCretr().getAgt().getFinInstnId().getBICFI()),
                () -> assertEquals("PRBK-CXL-0001", tx.getCxlId()),
                () -> assertEquals(
                        request.originator.name.toString(),
                        tx.getCxlRsnInf().get(0).getOrgtr().getNm()),
                () -> ProwideOracle.assertOrganisation(
                        request.originator,
                        tx.getCxlRsnInf().get(0).getOrgtr().getId().getOrgId()),
                () -> assertEquals("DUPL", tx.getCxlRsnInf().get(0).getRsn().getCd()),
                () -> assertEquals(
                        request.additionalInfo.toString(),
                        tx.getCxlRsnInf().get(0).getAddtlInf().get(0)));
    }

    @Test
    void prowideReadsARecallWithoutCaseOrOriginator() {
        Camt056CancellationRequest request = recall();
        request.caseId.clear();
        request.originator.clear();
        request.cancellationId.clear();
        FIToFIPaymentCancellationRequestV08 doc = encodeAndRead(request).mx().getFIToFIPmtCxlReq();
        PaymentTransaction106 tx = doc.getUndrlyg().get(0).getTxInf().get(0);
        assertNull(doc.getCase());
        assertNull(tx.getCxlId());
        assertNull(tx.getCxlRsnInf().get(0).getOrgtr());
    }
}
