package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxPacs00200110;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AppHdrWriterTest {
    /** A header from a party identified by {@code scheme} to a bank, read back by Prowide. */
    @ParameterizedTest
    @EnumSource(PartyIdentity.Scheme.class)
    void prowideReadsTheSenderInEachScheme(PartyIdentity.Scheme scheme) {
        MessageHeader header = new MessageHeader();
        switch (scheme) {
            case BIC -> header.from.bic("KAPKCNGZXXX");
            case USCC -> header.from.uscc("91440101MA9KAPK001").name.set("广州汽车集团 & <Canton> \"Auto\" 'Group'");
            case LEI -> header.from.lei("5493001KJTIIGC8Y1R12").name.set("Canton Auto Group");
        }
        header.to.bic("PRBKCNGZXXX");
        header.messageId.set("CAG-20261123-0001");
        header.creationTimeMs = Instant.parse("2026-11-23T01:30:00.123Z").toEpochMilli();
        Utf8XmlWriter out = new Utf8XmlWriter(64);
        out.reset().declaration().start("Envelope");
        AppHdrWriter.write(
                out, header.from, header.to, header.messageId, "pacs.002.001.10", null, header.creationTimeMs);
        // An empty report is enough for Prowide to take the envelope as a pacs.002 and read its header.
        out.open("Document")
                .attribute("xmlns", Pacs002Encoder.NAMESPACE)
                .endStart()
                .start("FIToFIPmtStsRpt")
                .end("FIToFIPmtStsRpt")
                .end("Document");
        out.end("Envelope");
        MxPacs00200110 mx = ProwideOracle.parse(out.toString(), MxPacs00200110.class);
        BusinessAppHdrV02 hdr = (BusinessAppHdrV02) mx.getAppHdr();
        assertAll(
                out.toString(),
                () -> ProwideOracle.assertParty(header.from, hdr.getFr()),
                () -> ProwideOracle.assertParty(header.to, hdr.getTo()),
                () -> assertEquals("CAG-20261123-0001", hdr.getBizMsgIdr()),
                () -> assertNull(hdr.getBizSvc(), "no business service asked for, none written"));
    }

    @Test
    void refusesAHeaderWhoseRecipientIsNotKnown() {
        MessageHeader header = new MessageHeader();
        header.from.bic("KAPKCNGZXXX");
        header.messageId.set("KAPK-0001");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> AppHdrWriter.write(
                        new Utf8XmlWriter(64), header.from, header.to, header.messageId, "camt.054.001.08", null, 0L));
        assertTrue(e.getMessage().startsWith("To has no identifier"), e.getMessage());
    }
}
