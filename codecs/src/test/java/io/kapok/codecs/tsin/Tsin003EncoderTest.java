package io.kapok.codecs.tsin;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.prowidesoftware.swift.model.mx.MxTsin00300101;
import com.prowidesoftware.swift.model.mx.dic.CancellationRequestInformation1;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Tsin003EncoderTest {
    private static Tsin003CancellationRequest cancellation() {
        Tsin003CancellationRequest request = new Tsin003CancellationRequest();
        TsinSamples.header(request.header, TsinSamples.foshan(), TsinSamples.pearlRiverBank(), "FSPP-CXL-2026-0007");
        request.originalGroupId.set("FSPP-FIN-2026-0042");
        request.originalCreationTimeMs = Instant.parse("2026-11-23T01:59:00Z").toEpochMilli();
        request.invoiceCount = 2;
        request.totalAmountMinor = 1_550_000_00L;
        request.currency = Iso4217.pack("CNY");
        request.reason.set("buyer paid early & <directly> \"in full\" 'no financing' 买方提前付款");
        request.requester.copyFrom(TsinSamples.foshan());
        request.bankBic.set("PRBKCNGZXXX");
        return request;
    }

    private static ProwideOracle.Reading<MxTsin00300101> encodeAndRead(Tsin003CancellationRequest request) {
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin003Encoder().encode(request, out);
        ProwideOracle.Reading<MxTsin00300101> reading = ProwideOracle.read(out, MxTsin00300101.class);
        ProwideOracle.assertAppHdr(request.header, Tsin003Encoder.TYPE, null, reading.mx(), reading.xml());
        return reading;
    }

    @Test
    void prowideReadsTheCancellationFieldByField() {
        Tsin003CancellationRequest request = cancellation();
        ProwideOracle.Reading<MxTsin00300101> reading = encodeAndRead(request);
        CancellationRequestInformation1 info = reading.mx().getInvcFincgCxlReq().getCxlReqInf();
        assertAll(
                reading.xml(),
                () -> assertEquals(
                        "FSPP-CXL-2026-0007",
                        reading.mx().getInvcFincgCxlReq().getCxlReqId().getId()),
                () -> assertEquals("FSPP-FIN-2026-0042", info.getOrgnlGrpId()),
                () -> ProwideOracle.assertInstant(request.originalCreationTimeMs, info.getOrgnlCreDtTm()),
                () -> assertEquals("2", info.getNbOfInvcReqs()),
                () -> assertAmount(1_550_000_00L, 2, info.getTtlBlkInvcAmt().getValue()),
                () -> assertEquals(request.reason.toString(), info.getCxlRsn()),
                () -> TsinSamples.assertParty25(
                        request.requester, info.getFincgRqstr().getPtyId()),
                () -> assertEquals("PRBKCNGZXXX", info.getFrstAgt().getBIC()));
    }

    @Test
    void prowideReadsTheCancellationWithOnlyWhatIsMandatory() {
        Tsin003CancellationRequest request = cancellation();
        request.invoiceCount = -1;
        request.totalAmountMinor = -1;
        request.requester.clear();
        request.bankBic.clear();
        CancellationRequestInformation1 info =
                encodeAndRead(request).mx().getInvcFincgCxlReq().getCxlReqInf();
        assertAll(
                () -> assertNull(info.getNbOfInvcReqs()),
                () -> assertNull(info.getTtlBlkInvcAmt()),
                () -> assertNull(info.getFincgRqstr()),
                () -> assertNull(info.getFrstAgt()));
    }
}
