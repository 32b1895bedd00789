package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Pacs002EncoderTest {
    @Test
    void aNewStatusTakesMax35TextIdsAndAUetrWithoutGrowingItsBuffers() {
        Pacs002Status status = new Pacs002Status();
        TextBuffer id = new TextBuffer();
        id.set("M".repeat(35));
        TextBuffer uetr = new TextBuffer();
        uetr.set("eb6305c9-1f7f-49de-aed0-16487c27b42d");
        TextBuffer[] ids = {
            status.messageId,
            status.originalMessageId,
            status.originalInstructionId,
            status.originalEndToEndId,
            status.originalTransactionId
        };
        for (TextBuffer buffer : ids) {
            char[] before = buffer.array();
            buffer.copyFrom(id);
            assertSame(before, buffer.array(), "a 35-character id fits the buffer it started with");
            assertEquals(id.toString(), buffer.toString());
        }
        char[] before = status.originalUetr.array();
        status.originalUetr.copyFrom(uetr);
        assertSame(before, status.originalUetr.array(), "a UETR fits the buffer it started with");
        assertEquals(uetr.toString(), status.originalUetr.toString());
    }

    private static Pacs002Status accepted() {
        Pacs002Status status = new Pacs002Status();
        status.fromBic.set("KAPKCNGZXXX");
        status.toBic.set("PRBKCNGZXXX");
        status.messageId.set("KAPK-0001");
        status.creationTimeMs = Instant.parse("2026-11-23T01:30:00.123Z").toEpochMilli();
        status.originalMessageId.set("PRBK-20261123-0001");
        status.originalEndToEndId.set("CAG-INV-2026-0815");
        status.originalUetr.set("8a562c67-ca16-48ba-b074-65581be6f001");
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        return status;
    }

    private static String encode(Pacs002Status status) {
        Utf8XmlWriter out = new Utf8XmlWriter(64);
        new Pacs002Encoder().encode(status, out);
        return out.toString();
    }

    @Test
    void writesSettlementCompletedStatusWithAppHdrInAnEnvelope() {
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Envelope><AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\">"
                        + "<Fr><FIId><FinInstnId><BICFI>KAPKCNGZXXX</BICFI></FinInstnId></FIId></Fr>"
                        + "<To><FIId><FinInstnId><BICFI>PRBKCNGZXXX</BICFI></FinInstnId></FIId></To>"
                        + "<BizMsgIdr>KAPK-0001</BizMsgIdr><MsgDefIdr>pacs.002.001.10</MsgDefIdr><BizSvc>swift.cbprplus.02</BizSvc><CreDt>2026-11-23T01:30:00.123+00:00</CreDt></AppHdr>"
                        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10\"><FIToFIPmtStsRpt>"
                        + "<GrpHdr><MsgId>KAPK-0001</MsgId><CreDtTm>2026-11-23T01:30:00.123+00:00</CreDtTm></GrpHdr>"
                        + "<OrgnlGrpInfAndSts><OrgnlMsgId>PRBK-20261123-0001</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndSts>"
                        + "<TxInfAndSts><OrgnlEndToEndId>CAG-INV-2026-0815</OrgnlEndToEndId><OrgnlUETR>8a562c67-ca16-48ba-b074-65581be6f001</OrgnlUETR>"
                        + "<TxSts>ACSC</TxSts></TxInfAndSts></FIToFIPmtStsRpt></Document></Envelope>",
                encode(accepted()));
    }

    @Test
    void writesDocumentAloneWhenTheRecipientIsUnknown() {
        Pacs002Status status = accepted();
        status.toBic.clear();
        String xml = encode(status);
        assertTrue(
                xml.startsWith(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10\">"),
                xml);
        assertFalse(xml.contains("AppHdr"));
        assertFalse(xml.contains("Envelope"));
    }

    @Test
    void writesOptionalOriginalIdentifiersOnlyWhenPresent() {
        Pacs002Status status = accepted();
        status.originalInstructionId.set("PRBK-INSTR-0001");
        status.originalTransactionId.set("PRBK-TX-0001");
        String xml = encode(status);
        assertTrue(
                xml.contains(
                        "<TxInfAndSts><OrgnlInstrId>PRBK-INSTR-0001</OrgnlInstrId><OrgnlEndToEndId>CAG-INV-2026-0815</OrgnlEndToEndId>"
                                + "<OrgnlTxId>PRBK-TX-0001</OrgnlTxId><OrgnlUETR>"),
                xml);
    }

    @Test
    void writesRejectReasonAndSplitsAdditionalInfoIntoAtMostFourPiecesOf105() {
        Pacs002Status status = accepted();
        status.transactionStatus = Pacs002Status.REJECTED;
        status.reasonCode = "AM04";
        status.additionalInfo
                .append("a".repeat(105))
                .append("b".repeat(105))
                .append("c".repeat(105))
                .append("d".repeat(105))
                .append("lost");
        String xml = encode(status);
        assertTrue(
                xml.contains("<TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn><AddtlInf>" + "a".repeat(105)
                        + "</AddtlInf><AddtlInf>" + "b".repeat(105) + "</AddtlInf><AddtlInf>" + "c".repeat(105)
                        + "</AddtlInf><AddtlInf>" + "d".repeat(105) + "</AddtlInf></StsRsnInf>"),
                xml);
        assertFalse(xml.contains("lost"));
    }

    @Test
    void writesRejectReasonWithoutAdditionalInfo() {
        Pacs002Status status = accepted();
        status.transactionStatus = Pacs002Status.REJECTED;
        status.reasonCode = "DUPL";
        assertTrue(encode(status).contains("<StsRsnInf><Rsn><Cd>DUPL</Cd></Rsn></StsRsnInf>"));
    }

    @Test
    void escapesFreeText() {
        Pacs002Status status = accepted();
        status.transactionStatus = Pacs002Status.REJECTED;
        status.reasonCode = "FF01";
        status.additionalInfo.append("amount '1.005' & <CNY>");
        assertTrue(encode(status).contains("<AddtlInf>amount &apos;1.005&apos; &amp; &lt;CNY&gt;</AddtlInf>"));
    }

    @Test
    void sameStatusGivesTheSameBytesThroughAReusedWriter() {
        Pacs002Encoder encoder = new Pacs002Encoder();
        Utf8XmlWriter out = new Utf8XmlWriter(16);
        encoder.encode(accepted(), out);
        byte[] first = out.toByteArray();
        Pacs002Status other = accepted();
        other.messageId.set("KAPK-0002-LONGER-IDENTIFIER");
        encoder.encode(other, out);
        encoder.encode(accepted(), out);
        assertArrayEquals(first, out.toByteArray());
    }

    @Test
    void clearForgetsEveryField() {
        Pacs002Status status = accepted();
        status.reasonCode = "AM04";
        status.additionalInfo.append("x");
        status.clear();
        assertFalse(status.toBic.isPresent());
        assertFalse(status.originalUetr.isPresent());
        assertEquals(0, status.creationTimeMs);
        assertEquals(null, status.reasonCode);
        assertEquals(0, status.additionalInfo.length());
    }
}
