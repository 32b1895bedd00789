package io.kapok.codecs.pacs;

import static io.kapok.codecs.pacs.Pacs008Samples.DECLARATION;
import static io.kapok.codecs.pacs.Pacs008Samples.HEAD_NS;
import static io.kapok.codecs.pacs.Pacs008Samples.PACS_NS;
import static io.kapok.codecs.pacs.Pacs008Samples.SAMPLE;
import static io.kapok.codecs.pacs.Pacs008Samples.UETR;
import static io.kapok.codecs.pacs.Pacs008Samples.appHdr;
import static io.kapok.codecs.pacs.Pacs008Samples.decode;
import static io.kapok.codecs.pacs.Pacs008Samples.document;
import static io.kapok.codecs.pacs.Pacs008Samples.prefixed;
import static io.kapok.codecs.pacs.Pacs008Samples.replaceOnce;
import static io.kapok.codecs.pacs.Pacs008Samples.transaction;
import static io.kapok.codecs.pacs.Pacs008Samples.utf8;
import static io.kapok.codecs.pacs.Pacs008Samples.withText;
import static io.kapok.codecs.pacs.Pacs008Samples.without;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.pacs.Pacs008Samples.Decoded;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Pacs008DecoderTest {
    private static final String TX = "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf";
    private static final String GRP = "/Document/FIToFICstmrCdtTrf/GrpHdr";

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static Decoded assertAccepted(String xml) {
        return assertAccepted(utf8(xml));
    }

    private static Decoded assertAccepted(byte[] bytes) {
        Decoded d = decode(bytes);
        assertTrue(d.accepted(), () -> "expected ACCEPTED, got " + d.verdict());
        assertTrue(d.verdict().isAccepted());
        assertNull(d.verdict().rejectCode());
        return d;
    }

    private static Decoded assertRejected(String xml, RejectCode code) {
        return assertRejected(utf8(xml), code);
    }

    private static Decoded assertRejected(byte[] bytes, RejectCode code) {
        Decoded d = decode(bytes);
        assertFalse(d.accepted(), "expected " + code + ", the message was accepted");
        assertEquals(code, d.verdict().rejectCode(), () -> "verdict was " + d.verdict());
        assertFalse(d.verdict().detail().isEmpty());
        return d;
    }

    private static Decoded assertRejected(String xml, RejectCode code, String path) {
        Decoded d = assertRejected(xml, code);
        assertEquals(path, d.verdict().elementPath(), () -> "verdict was " + d.verdict());
        return d;
    }

    private static void assertText(String expected, TextBuffer actual) {
        assertTrue(actual.isPresent(), () -> "expected '" + expected + "', the element was absent");
        assertEquals(expected, actual.toString());
    }

    /** Every Document field of the sample, decoded as the sample says. */
    private static void assertSampleDocumentFields(Pacs008View v) {
        assertAll(
                () -> assertText("PRBK-20261123-0001", v.messageId()),
                () -> assertText("2026-11-23T09:30:00+08:00", v.creationDateTime()),
                () -> assertText("INDA", v.settlementMethod()),
                () -> assertText("CAG-INV-2026-0815", v.endToEndId()),
                () -> assertText(UETR, v.uetr()),
                () -> assertEquals(125_000_000L, v.amountMinor()),
                () -> assertEquals(Iso4217.pack('C', 'N', 'Y'), v.currency()),
                () -> assertEquals("CNY", Iso4217.unpack(v.currency())),
                () -> assertText("2026-11-23", v.settlementDate()),
                () -> assertText("SHAR", v.chargeBearer()),
                () -> assertText("PRBKCNGZXXX", v.instructingAgentBic()),
                () -> assertText("VHBKHKHHXXX", v.instructedAgentBic()),
                () -> assertText("PRBKCNGZXXX", v.debtorAgentBic()),
                () -> assertText("VHBKHKHHXXX", v.creditorAgentBic()),
                () -> assertEquals(1, v.transactionCount()));
    }

    private static void assertSampleHeaderFields(Pacs008View v) {
        assertAll(
                () -> assertTrue(v.hasAppHdr()),
                () -> assertText("PRBKCNGZXXX", v.fromBic()),
                () -> assertText("VHBKHKHHXXX", v.toBic()),
                () -> assertText("PRBK-20261123-0001", v.businessMessageId()),
                () -> assertText("pacs.008.001.08", v.messageDefinitionId()),
                () -> assertText("2026-11-23T09:30:00+08:00", v.headerCreationDate()));
    }

    private static String envelope(String open, String close, String... children) {
        return DECLARATION + open + "\n" + String.join("\n", children) + "\n" + close + "\n";
    }

    // ---------------------------------------------------------------------------------------------

    @Nested
    class AcceptedShapes {
        @Test
        void decodesEveryFieldOfTheSample() {
            Pacs008View v = assertAccepted(SAMPLE).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
            assertAll(
                    () -> assertText("PRBK-INSTR-0001", v.instructionId()),
                    () -> assertFalse(v.transactionId().isPresent()),
                    () -> assertText("Canton Auto Group", v.debtorName()),
                    () -> assertText("Kowloon Components Ltd", v.creditorName()),
                    () -> assertText("Invoice CAG-INV-2026-0815", v.remittanceUnstructured()),
                    () -> assertFalse(v.remittanceReference().isPresent()));
        }

        @Test
        void acceptsDocumentWithoutAppHdr() {
            Pacs008View v = assertAccepted(DECLARATION + document()).view();
            assertSampleDocumentFields(v);
            assertFalse(v.hasAppHdr());
            assertFalse(v.fromBic().isPresent());
            assertFalse(v.businessMessageId().isPresent());
        }

        @Test
        void acceptsPrefixedNamespacesOnAppHdrAndDocument() {
            String xml = envelope(
                    "<Envelope>", "</Envelope>", prefixed(appHdr(), "h", HEAD_NS), prefixed(document(), "p", PACS_NS));
            Pacs008View v = assertAccepted(xml).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
        }

        @Test
        void acceptsNamespaceDeclarationsOnTheEnvelopeRoot() {
            String header = prefixed(appHdr(), "h", HEAD_NS).replace(" xmlns:h=\"" + HEAD_NS + "\"", "");
            String doc = prefixed(document(), "p", PACS_NS).replace(" xmlns:p=\"" + PACS_NS + "\"", "");
            String xml = envelope(
                    "<Envelope xmlns:h=\"" + HEAD_NS + "\" xmlns:p=\"" + PACS_NS + "\">", "</Envelope>", header, doc);
            Pacs008View v = assertAccepted(xml).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
        }

        @Test
        void acceptsPrefixRedeclaredToAnotherNamespaceInsideTheMessage() {
            // The same prefix "x" names the envelope's namespace on the root and pacs.008 inside Document.
            String doc = prefixed(document(), "x", PACS_NS);
            String xml = envelope("<x:Envelope xmlns:x=\"urn:example:outer\">", "</x:Envelope>", appHdr(), doc);
            assertSampleDocumentFields(assertAccepted(xml).view());
        }

        @Test
        void acceptsEnvelopeOfAnotherNameWithItsOwnNamespace() {
            String xml = envelope("<x:BizMsg xmlns:x=\"urn:example\">", "</x:BizMsg>", appHdr(), document());
            Pacs008View v = assertAccepted(xml).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
        }

        @Test
        void acceptsEnvelopeWithADefaultNamespaceOfItsOwn() {
            String xml = envelope("<Envelope xmlns=\"urn:swift:xsd:envelope\">", "</Envelope>", appHdr(), document());
            assertSampleHeaderFields(assertAccepted(xml).view());
        }

        @Test
        void acceptsAppHdrAfterDocument() {
            String xml = envelope("<Envelope>", "</Envelope>", document(), appHdr());
            Pacs008View v = assertAccepted(xml).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
        }

        @Test
        void acceptsAppHdrAndDocumentNestedInTwoWrappers() {
            String xml = envelope(
                    "<Saa:DataPDU xmlns:Saa=\"urn:swift:saa:xsd:saa.2.0\"><Saa:Body>",
                    "</Saa:Body></Saa:DataPDU>",
                    appHdr(),
                    document());
            assertSampleHeaderFields(assertAccepted(xml).view());
        }

        @Test
        void rejectsDocumentBuriedDeeperThanTheEnvelopeDepthLimit() {
            String xml = envelope("<a><b><c><d><e>", "</e></d></c></b></a>", document());
            assertRejected(xml, RejectCode.BAD_ENVELOPE);
        }

        @Test
        void acceptsUtf8ByteOrderMark() {
            byte[] body = utf8(SAMPLE);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            assertSampleDocumentFields(assertAccepted(withBom).view());
        }

        @Test
        void acceptsWhitespaceCommentsAndProcessingInstructionsAnywhere() {
            // Whitespace between every pair of tags first, then comments and PIs, some inside text.
            String xml = SAMPLE.replace("><", ">\n\t  <");
            xml = replaceOnce(
                    xml, "<Envelope>", "<?routing queue=\"in\"?>\n<!-- batch 7 -->\n<Envelope>\n\n  <!-- header -->\n");
            xml = replaceOnce(
                    xml, "<MsgId>PRBK-20261123-0001</MsgId>", "<MsgId>PRBK-20261123<!-- split -->-0001</MsgId>");
            xml = replaceOnce(xml, "<UETR>" + UETR + "</UETR>", "<UETR><?pi?>" + UETR + "<!-- c --></UETR>");
            xml = replaceOnce(xml, "1250000.00", "1250000<!-- c -->.00");
            xml = replaceOnce(xml, "</Envelope>", "</Envelope>\n<!-- trailing -->\n<?done?>\n");
            Pacs008View v = assertAccepted(xml).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
        }

        @Test
        void acceptsTextInCdataSections() {
            String xml = withText("MsgId", "PRBK-20261123-0001", "<![CDATA[PRBK-20261123-0001]]>");
            assertText("PRBK-20261123-0001", assertAccepted(xml).view().messageId());
        }

        @Test
        void decodesPredefinedEntitiesAndCharacterReferencesInNames() {
            String xml =
                    withText("Nm", "Canton Auto Group", "Canton &amp; Sons &lt;GBA&gt; &#x5E7F;&#24030; &quot;&apos;");
            assertText(
                    "Canton & Sons <GBA> \u5E7F\u5DDE \"'",
                    assertAccepted(xml).view().debtorName());
        }

        @Test
        void acceptsMessageWithoutOptionalElements() {
            String xml = replaceOnce(SAMPLE, "<InstrId>PRBK-INSTR-0001</InstrId>", "");
            xml = replaceOnce(
                    xml, "<Dbtr><Nm>Canton Auto Group</Nm></Dbtr>", "<Dbtr><PstlAdr><Ctry>CN</Ctry></PstlAdr></Dbtr>");
            xml = replaceOnce(
                    xml,
                    "<Cdtr><Nm>Kowloon Components Ltd</Nm></Cdtr>",
                    "<Cdtr><PstlAdr><Ctry>HK</Ctry></PstlAdr></Cdtr>");
            xml = replaceOnce(xml, "<RmtInf><Ustrd>Invoice CAG-INV-2026-0815</Ustrd></RmtInf>", "");
            xml = replaceOnce(
                    xml,
                    "<DbtrAgt><FinInstnId><BICFI>PRBKCNGZXXX</BICFI></FinInstnId></DbtrAgt>",
                    "<DbtrAgt><FinInstnId><ClrSysMmbId><MmbId>104581000007</MmbId></ClrSysMmbId></FinInstnId></DbtrAgt>");
            Pacs008View v = assertAccepted(xml).view();
            assertAll(
                    () -> assertFalse(v.instructionId().isPresent()),
                    () -> assertFalse(v.transactionId().isPresent()),
                    () -> assertFalse(v.debtorName().isPresent()),
                    () -> assertFalse(v.creditorName().isPresent()),
                    () -> assertFalse(v.remittanceUnstructured().isPresent()),
                    () -> assertFalse(v.debtorAgentBic().isPresent()),
                    () -> assertText(UETR, v.uetr()),
                    () -> assertEquals(125_000_000L, v.amountMinor()));
        }

        @Test
        void decodesTransactionIdWhenPresent() {
            String xml = replaceOnce(SAMPLE, "<UETR>", "<TxId>PRBK-TX-0001</TxId><UETR>");
            assertText("PRBK-TX-0001", assertAccepted(xml).view().transactionId());
        }

        @Test
        void decodesStructuredCreditorReference() {
            String xml = replaceOnce(
                    SAMPLE,
                    "<RmtInf><Ustrd>Invoice CAG-INV-2026-0815</Ustrd></RmtInf>",
                    "<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>");
            Pacs008View v = assertAccepted(xml).view();
            assertText("RF18539007547034", v.remittanceReference());
            assertFalse(v.remittanceUnstructured().isPresent());
        }

        @Test
        void keepsTheFirstOfSeveralUnstructuredRemittanceLines() {
            String xml = replaceOnce(SAMPLE, "</Ustrd></RmtInf>", "</Ustrd><Ustrd>second line</Ustrd></RmtInf>");
            assertText("Invoice CAG-INV-2026-0815", assertAccepted(xml).view().remittanceUnstructured());
        }

        @Test
        void acceptsEightCharacterBicsInHeaderAgainstXxxBranchInAgents() {
            String xml = replaceOnce(
                    SAMPLE, "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZXXX<", "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZ<");
            xml = replaceOnce(
                    xml, "<To><FIId><FinInstnId><BICFI>VHBKHKHHXXX<", "<To><FIId><FinInstnId><BICFI>VHBKHKHH<");
            Pacs008View v = assertAccepted(xml).view();
            assertText("PRBKCNGZ", v.fromBic());
            assertText("PRBKCNGZXXX", v.instructingAgentBic());
        }

        @Test
        void acceptsElevenCharacterXxxBicsInHeaderAgainstEightCharacterAgents() {
            String xml = replaceOnce(
                    SAMPLE, "<InstgAgt><FinInstnId><BICFI>PRBKCNGZXXX<", "<InstgAgt><FinInstnId><BICFI>PRBKCNGZ<");
            xml = replaceOnce(
                    xml, "<InstdAgt><FinInstnId><BICFI>VHBKHKHHXXX<", "<InstdAgt><FinInstnId><BICFI>VHBKHKHH<");
            assertText("PRBKCNGZ", assertAccepted(xml).view().instructingAgentBic());
        }

        @Test
        void acceptsJpyWithoutDecimals() {
            Pacs008View v = assertAccepted(replaceOnce(SAMPLE, "Ccy=\"CNY\">1250000.00<", "Ccy=\"JPY\">187500000<"))
                    .view();
            assertEquals(187_500_000L, v.amountMinor());
            assertEquals("JPY", Iso4217.unpack(v.currency()));
        }

        @Test
        void acceptsBhdWithThreeDecimals() {
            Pacs008View v = assertAccepted(replaceOnce(SAMPLE, "Ccy=\"CNY\">1250000.00<", "Ccy=\"BHD\">48125.375<"))
                    .view();
            assertEquals(48_125_375L, v.amountMinor());
        }

        @Test
        void scalesAmountsWithFewerDecimalsThanTheCurrencyAllows() {
            assertEquals(
                    125_000_050L,
                    assertAccepted(replaceOnce(SAMPLE, ">1250000.00<", ">1250000.5<"))
                            .view()
                            .amountMinor());
            assertEquals(
                    125_000_000L,
                    assertAccepted(replaceOnce(SAMPLE, ">1250000.00<", ">1250000<"))
                            .view()
                            .amountMinor());
            assertEquals(
                    125_000_000L,
                    assertAccepted(replaceOnce(SAMPLE, ">1250000.00<", ">\n  +1250000.00\n<"))
                            .view()
                            .amountMinor());
        }

        @Test
        void acceptsMatchingControlSumAndTotalAmount() {
            String xml = replaceOnce(
                    SAMPLE,
                    "<NbOfTxs>1</NbOfTxs>",
                    "<NbOfTxs>1</NbOfTxs><CtrlSum>1250000</CtrlSum><TtlIntrBkSttlmAmt Ccy=\"CNY\">1250000.00</TtlIntrBkSttlmAmt>");
            assertAccepted(xml);
        }

        @Test
        void acceptsUtf16WithByteOrderMarkWhenDeclared() {
            byte[] bytes = replaceOnce(SAMPLE, "encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                    .getBytes(StandardCharsets.UTF_16);
            Pacs008View v = assertAccepted(bytes).view();
            assertSampleDocumentFields(v);
            assertSampleHeaderFields(v);
        }

        @Test
        void acceptsUtf16LittleEndianWithoutByteOrderMarkWhenDeclared() {
            byte[] bytes = replaceOnce(SAMPLE, "encoding=\"UTF-8\"", "encoding=\"UTF-16LE\"")
                    .getBytes(StandardCharsets.UTF_16LE);
            assertSampleDocumentFields(assertAccepted(bytes).view());
        }

        @Test
        void acceptsIso88591WhenDeclared() {
            String xml = replaceOnce(SAMPLE, "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
            xml = replaceOnce(xml, "Kowloon Components Ltd", "Kowloon Composants S\u00e0rl");
            assertText(
                    "Kowloon Composants S\u00e0rl",
                    assertAccepted(xml.getBytes(StandardCharsets.ISO_8859_1))
                            .view()
                            .creditorName());
        }
    }

    @Nested
    class Reuse {
        /**
         * A view reused message after message (as the gateway's views circulate through its ring) forgets
         * the last Document when the next input has none, whatever it keeps inside to avoid storing its
         * schema again, and reads the next Document as if new; {@code clear()} forgets it too.
         */
        @Test
        void aReusedViewHoldsOnlyTheLastInputsDocument() {
            Pacs008Decoder decoder = new Pacs008Decoder(XmlLimits.DEFAULTS);
            Pacs008View view = new Pacs008View();
            DecodeVerdict verdict = new DecodeVerdict();
            byte[] sample = utf8(SAMPLE);
            byte[] noDocument = utf8(DECLARATION + "<Envelope>" + appHdr() + "</Envelope>");
            byte[] notXml = utf8("not xml at all");
            for (int round = 0; round < 3; round++) {
                assertTrue(decoder.decode(sample, 0, sample.length, view, verdict), () -> verdict.toString());
                assertEquals(
                        io.kapok.codecs.MessageType.PACS_008_001_08,
                        view.messageView().type());
                assertEquals(Pacs008Schema.SCHEMA, view.messageView().schema());
                assertTrue(view.messageId().isPresent());

                byte[] next = round % 2 == 0 ? noDocument : notXml;
                assertFalse(decoder.decode(next, 0, next.length, view, verdict));
                assertNull(view.messageView().type(), "round " + round);
                assertNull(view.messageView().schema(), "round " + round);
                assertFalse(view.messageId().isPresent(), "round " + round);
            }
            assertTrue(decoder.decode(sample, 0, sample.length, view, verdict));
            view.clear();
            assertNull(view.messageView().schema());
            assertNull(view.messageView().type());
        }

        @Test
        void decodesFromOffsetAndLengthInsideALargerBuffer() {
            byte[] body = utf8(SAMPLE);
            byte[] buffer = new byte[body.length + 64];
            java.util.Arrays.fill(buffer, (byte) '#');
            System.arraycopy(body, 0, buffer, 40, body.length);
            Pacs008View view = new Pacs008View();
            DecodeVerdict verdict = new DecodeVerdict();
            assertTrue(
                    new Pacs008Decoder(XmlLimits.DEFAULTS).decode(buffer, 40, body.length, view, verdict),
                    verdict::toString);
            assertSampleDocumentFields(view);
        }

        @Test
        void forgetsThePreviousMessageAndVerdict() {
            Pacs008Decoder decoder = new Pacs008Decoder(XmlLimits.DEFAULTS);
            Pacs008View view = new Pacs008View();
            DecodeVerdict verdict = new DecodeVerdict();

            byte[] garbage = {0, 1, 2, 3};
            assertFalse(decoder.decode(garbage, 0, garbage.length, view, verdict));
            assertEquals(RejectCode.MALFORMED_XML, verdict.rejectCode());

            byte[] sample = utf8(SAMPLE);
            assertTrue(decoder.decode(sample, 0, sample.length, view, verdict), verdict::toString);
            assertSampleHeaderFields(view);

            byte[] bare = utf8(DECLARATION + replaceOnce(document(), "<InstrId>PRBK-INSTR-0001</InstrId>", ""));
            assertTrue(decoder.decode(bare, 0, bare.length, view, verdict), verdict::toString);
            assertFalse(view.hasAppHdr());
            assertFalse(view.fromBic().isPresent());
            assertFalse(view.instructionId().isPresent());
            assertEquals("", verdict.detail());
            assertEquals("ACCEPTED", verdict.toString());
        }

        @Test
        void copyFromHandsOnEveryField() {
            Pacs008View decoded = assertAccepted(SAMPLE).view();
            Pacs008View copy = new Pacs008View();
            copy.copyFrom(decoded);
            assertSampleDocumentFields(copy);
            assertSampleHeaderFields(copy);
        }
    }

    @Nested
    class MandatoryElementsAndFormats {
        @Test
        void rejectsMissingUetr() {
            Decoded d = assertRejected(
                    without("<UETR>" + UETR + "</UETR>"), RejectCode.MISSING_ELEMENT, TX + "/PmtId/UETR");
            assertTrue(d.verdict().elementPath().endsWith("/PmtId/UETR"));
            assertTrue(d.verdict().detail().contains("UETR"), d.verdict().detail());
        }

        @Test
        void rejectsUppercaseUetr() {
            assertRejected(
                    withText("UETR", UETR, UETR.toUpperCase(java.util.Locale.ROOT)),
                    RejectCode.INVALID_UETR,
                    TX + "/PmtId/UETR");
        }

        @Test
        void rejectsVersion1Uetr() {
            assertRejected(
                    withText("UETR", UETR, "8a562c67-ca16-11ef-b074-65581be6f001"),
                    RejectCode.INVALID_UETR,
                    TX + "/PmtId/UETR");
        }

        @Test
        void rejectsUetrWithWrongVariant() {
            assertRejected(withText("UETR", UETR, "8a562c67-ca16-48ba-c074-65581be6f001"), RejectCode.INVALID_UETR);
        }

        @Test
        void rejectsUetrWithoutHyphens() {
            assertRejected(withText("UETR", UETR, UETR.replace("-", "")), RejectCode.INVALID_UETR);
        }

        @Test
        void rejectsMissingMandatoryElementsNamingEach() {
            assertRejected(
                    without("<SttlmInf><SttlmMtd>INDA</SttlmMtd></SttlmInf>"),
                    RejectCode.MISSING_ELEMENT,
                    GRP + "/SttlmInf/SttlmMtd");
            assertRejected(
                    without("<EndToEndId>CAG-INV-2026-0815</EndToEndId>"),
                    RejectCode.MISSING_ELEMENT,
                    TX + "/PmtId/EndToEndId");
            assertRejected(
                    without("<Cdtr><Nm>Kowloon Components Ltd</Nm></Cdtr>"), RejectCode.MISSING_ELEMENT, TX + "/Cdtr");
            assertRejected(
                    without("<IntrBkSttlmDt>2026-11-23</IntrBkSttlmDt>"),
                    RejectCode.MISSING_ELEMENT,
                    TX + "/IntrBkSttlmDt");
            assertRejected(
                    without("<InstgAgt><FinInstnId><BICFI>PRBKCNGZXXX</BICFI></FinInstnId></InstgAgt>"),
                    RejectCode.MISSING_ELEMENT,
                    TX + "/InstgAgt/FinInstnId/BICFI");
            assertRejected(
                    without("<BizMsgIdr>PRBK-20261123-0001</BizMsgIdr>"),
                    RejectCode.MISSING_ELEMENT,
                    "/AppHdr/BizMsgIdr");
        }

        @Test
        void rejectsGroupHeaderWithoutTransaction() {
            assertRejected(replaceOnce(SAMPLE, transaction(), ""), RejectCode.MISSING_ELEMENT, TX);
        }

        @Test
        void rejectsCreationDateTimeWithoutOffset() {
            assertRejected(
                    withText("CreDtTm", "2026-11-23T09:30:00+08:00", "2026-11-23T09:30:00"),
                    RejectCode.INVALID_FORMAT,
                    GRP + "/CreDtTm");
        }

        @Test
        void rejectsAppHdrCreationDateWithoutOffset() {
            assertRejected(
                    withText("CreDt", "2026-11-23T09:30:00+08:00", "2026-11-23T09:30:00.000"),
                    RejectCode.INVALID_FORMAT,
                    "/AppHdr/CreDt");
        }

        @Test
        void rejectsSettlementDateWithMonth13() {
            assertRejected(
                    withText("IntrBkSttlmDt", "2026-11-23", "2026-13-23"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/IntrBkSttlmDt");
        }

        @Test
        void rejectsIdentifiersOutsideTheRestrictedCharacterSet() {
            assertRejected(
                    withText("EndToEndId", "CAG-INV-2026-0815", "CAG_INV_2026"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/PmtId/EndToEndId");
            assertRejected(
                    withText("InstrId", "PRBK-INSTR-0001", "PRBK//INSTR"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/PmtId/InstrId");
            assertRejected(
                    withText("EndToEndId", "CAG-INV-2026-0815", "/CAG-INV"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/PmtId/EndToEndId");
            assertRejected(
                    withText("EndToEndId", "CAG-INV-2026-0815", "CAG&amp;INV"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/PmtId/EndToEndId");
            assertRejected(
                    withText("EndToEndId", "CAG-INV-2026-0815", "E".repeat(36)),
                    RejectCode.INVALID_FORMAT,
                    TX + "/PmtId/EndToEndId");
        }

        @Test
        void rejectsMsgIdWithDoubleSlash() {
            String xml = SAMPLE.replace("PRBK-20261123-0001", "PRBK//20261123");
            assertRejected(xml, RejectCode.INVALID_FORMAT, GRP + "/MsgId");
        }

        @Test
        void rejectsInvalidBics() {
            assertRejected(
                    replaceOnce(
                            SAMPLE,
                            "<InstdAgt><FinInstnId><BICFI>VHBKHKHHXXX<",
                            "<InstdAgt><FinInstnId><BICFI>VHBK1KHHXXX<"),
                    RejectCode.INVALID_BIC,
                    TX + "/InstdAgt/FinInstnId/BICFI");
            assertRejected(
                    replaceOnce(
                            SAMPLE,
                            "<CdtrAgt><FinInstnId><BICFI>VHBKHKHHXXX<",
                            "<CdtrAgt><FinInstnId><BICFI>vhbkhkhhxxx<"),
                    RejectCode.INVALID_BIC,
                    TX + "/CdtrAgt/FinInstnId/BICFI");
            assertRejected(
                    replaceOnce(
                            SAMPLE,
                            "<InstgAgt><FinInstnId><BICFI>PRBKCNGZXXX<",
                            "<InstgAgt><FinInstnId><BICFI>PRBKCNGZX<"),
                    RejectCode.INVALID_BIC,
                    TX + "/InstgAgt/FinInstnId/BICFI");
            assertRejected(
                    replaceOnce(
                            SAMPLE,
                            "<To><FIId><FinInstnId><BICFI>VHBKHKHHXXX<",
                            "<To><FIId><FinInstnId><BICFI>VHBKHKH<"),
                    RejectCode.INVALID_BIC,
                    "/AppHdr/To/FIId/FinInstnId/BICFI");
        }

        @Test
        void rejectsChargeBearerOutsideCbprCodes() {
            Decoded d = assertRejected(
                    withText("ChrgBr", "SHAR", "XXXX"), RejectCode.INVALID_CHARGE_BEARER, TX + "/ChrgBr");
            assertTrue(d.verdict().detail().contains("XXXX"), d.verdict().detail());
            assertRejected(withText("ChrgBr", "SHAR", "SLEV"), RejectCode.INVALID_CHARGE_BEARER);
        }

        @Test
        void rejectsUnstructuredAndStructuredRemittanceTogether() {
            String xml = replaceOnce(
                    SAMPLE,
                    "</Ustrd></RmtInf>",
                    "</Ustrd><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>");
            assertRejected(xml, RejectCode.INVALID_FORMAT, TX + "/RmtInf");
        }

        @Test
        void rejectsOtherMessageRootInsidePacs008Document() {
            String xml = SAMPLE.replace("FIToFICstmrCdtTrf>", "FIToFIPmtStsRpt>");
            assertRejected(xml, RejectCode.INVALID_FORMAT, "/Document/FIToFIPmtStsRpt");
        }

        @Test
        void rejectsElementFromForeignNamespaceInsideDocument() {
            String xml = replaceOnce(
                    SAMPLE,
                    "<ChrgBr>SHAR</ChrgBr>",
                    "<ChrgBr>SHAR</ChrgBr><x:Priority xmlns:x=\"urn:example:extension\">HIGH</x:Priority>");
            Decoded d = assertRejected(xml, RejectCode.INVALID_FORMAT, TX + "/Priority");
            assertTrue(
                    d.verdict().detail().contains("urn:example:extension"),
                    d.verdict().detail());
        }

        @Test
        void rejectsUnqualifiedElementInsideDocument() {
            String xml =
                    replaceOnce(SAMPLE, "<ChrgBr>SHAR</ChrgBr>", "<ChrgBr>SHAR</ChrgBr><Extra xmlns=\"\">1</Extra>");
            assertRejected(xml, RejectCode.INVALID_FORMAT, TX + "/Extra");
        }

        @Test
        void rejectsElementFromForeignNamespaceInsideAppHdr() {
            String xml = replaceOnce(SAMPLE, "<BizSvc>", "<p:BizSvc xmlns:p=\"" + PACS_NS + "\">x</p:BizSvc><BizSvc>");
            assertRejected(xml, RejectCode.INVALID_FORMAT, "/AppHdr/BizSvc");
        }
    }

    @Nested
    class Amounts {
        private static final String AMOUNT = TX + "/IntrBkSttlmAmt";

        @Test
        void rejectsThreeDecimalsForCny() {
            Decoded d = assertRejected(
                    replaceOnce(SAMPLE, ">1250000.00<", ">1250000.005<"), RejectCode.INVALID_AMOUNT, AMOUNT);
            assertTrue(d.verdict().detail().contains("CNY"), d.verdict().detail());
            assertTrue(d.verdict().detail().contains("1250000.005"), d.verdict().detail());
        }

        @Test
        void rejectsDecimalsForJpy() {
            assertRejected(
                    replaceOnce(SAMPLE, "Ccy=\"CNY\">1250000.00<", "Ccy=\"JPY\">1250000.0<"),
                    RejectCode.INVALID_AMOUNT,
                    AMOUNT);
        }

        @Test
        void rejectsCnhNamingCny() {
            Decoded d = assertRejected(
                    replaceOnce(SAMPLE, "Ccy=\"CNY\"", "Ccy=\"CNH\""), RejectCode.INVALID_CURRENCY, AMOUNT + "/@Ccy");
            assertTrue(d.verdict().detail().contains("CNY"), d.verdict().detail());
            assertEquals("AM11", d.verdict().rejectCode().isoCode());
        }

        @Test
        void rejectsLowercaseAndUnknownCurrency() {
            assertRejected(replaceOnce(SAMPLE, "Ccy=\"CNY\"", "Ccy=\"cny\""), RejectCode.INVALID_CURRENCY);
            assertRejected(replaceOnce(SAMPLE, "Ccy=\"CNY\"", "Ccy=\"XXX\""), RejectCode.INVALID_CURRENCY);
        }

        @Test
        void readsPaddedCurrencyAsATypedValueWithoutTheSpaces() {
            // The code is read through the parser's typed access (no String per message), which
            // collapses surrounding whitespace as it does for every typed value.
            Decoded d = decode(replaceOnce(SAMPLE, "Ccy=\"CNY\"", "Ccy=\" CNY \""));
            assertTrue(d.accepted(), d.verdict().toString());
            assertEquals(io.kapok.codecs.iso.Iso4217.pack("CNY"), d.view().currency());
        }

        @Test
        void rejectsMissingCurrency() {
            assertRejected(replaceOnce(SAMPLE, " Ccy=\"CNY\"", ""), RejectCode.MISSING_ELEMENT, AMOUNT + "/@Ccy");
        }

        @Test
        void rejectsCurrencyAttributeInAnotherNamespace() {
            // ISO 20022 attributes are unqualified: a prefixed Ccy is not the currency.
            assertRejected(
                    replaceOnce(SAMPLE, " Ccy=\"CNY\"", " xmlns:q=\"urn:q\" q:Ccy=\"CNY\""),
                    RejectCode.MISSING_ELEMENT,
                    AMOUNT + "/@Ccy");
        }

        @Test
        void rejectsZeroAmount() {
            Decoded d = assertRejected(replaceOnce(SAMPLE, ">1250000.00<", ">0.00<"), RejectCode.ZERO_AMOUNT, AMOUNT);
            assertEquals("AM01", d.verdict().rejectCode().isoCode());
        }

        @Test
        void rejectsNegativeExponentAndEmptyAmounts() {
            assertRejected(replaceOnce(SAMPLE, ">1250000.00<", ">-1250000.00<"), RejectCode.INVALID_AMOUNT, AMOUNT);
            assertRejected(replaceOnce(SAMPLE, ">1250000.00<", ">1.25E6<"), RejectCode.INVALID_AMOUNT, AMOUNT);
            assertRejected(replaceOnce(SAMPLE, ">1250000.00<", "><"), RejectCode.INVALID_AMOUNT, AMOUNT);
            assertRejected(replaceOnce(SAMPLE, ">1250000.00<", ">1,250,000.00<"), RejectCode.INVALID_AMOUNT, AMOUNT);
        }

        @Test
        void rejectsMoreThanCbprFourteenDigits() {
            Decoded d = assertRejected(
                    replaceOnce(SAMPLE, ">1250000.00<", ">1234567890123.45<"), RejectCode.INVALID_AMOUNT, AMOUNT);
            assertTrue(
                    d.verdict().detail().contains("14 digits (CBPR+)"),
                    d.verdict().detail());
        }

        @Test
        void trailingZerosAfterThePointDoNotCountAsDigits() {
            // totalDigits applies to the value: 1234567890123.00 has 13 digits. Its 2 decimals fit CNY.
            Decoded d = decode(replaceOnce(SAMPLE, ">1250000.00<", ">1234567890123.00<"));
            assertTrue(d.accepted(), d.verdict().toString());
            assertEquals(123456789012300L, d.view().amountMinor());
        }

        @Test
        void rejectsDeclaredTransactionCountThatDoesNotMatch() {
            Decoded d = assertRejected(withText("NbOfTxs", "1", "2"), RejectCode.TRANSACTION_COUNT, GRP + "/NbOfTxs");
            assertEquals("AM18", d.verdict().rejectCode().isoCode());
        }

        @Test
        void rejectsTwoTransactionsEvenWhenDeclared() {
            String two = replaceOnce(
                    SAMPLE, transaction(), transaction() + transaction().replace(UETR, UETR.replace("f001", "f002")));
            assertRejected(
                    replaceOnce(two, "<NbOfTxs>1</NbOfTxs>", "<NbOfTxs>2</NbOfTxs>"),
                    RejectCode.TRANSACTION_COUNT,
                    GRP + "/NbOfTxs");
            assertRejected(two, RejectCode.TRANSACTION_COUNT, GRP + "/NbOfTxs");
        }

        @Test
        void rejectsNonNumericTransactionCount() {
            assertRejected(withText("NbOfTxs", "1", "one"), RejectCode.INVALID_FORMAT, GRP + "/NbOfTxs");
            assertRejected(withText("NbOfTxs", "1", "+1"), RejectCode.INVALID_FORMAT, GRP + "/NbOfTxs");
        }

        @Test
        void rejectsControlSumOrTotalThatDisagreesWithTheAmount() {
            assertRejected(
                    replaceOnce(SAMPLE, "<NbOfTxs>1</NbOfTxs>", "<NbOfTxs>1</NbOfTxs><CtrlSum>1250000.01</CtrlSum>"),
                    RejectCode.CONTROL_SUM,
                    GRP + "/CtrlSum");
            assertRejected(
                    replaceOnce(
                            SAMPLE,
                            "<NbOfTxs>1</NbOfTxs>",
                            "<NbOfTxs>1</NbOfTxs><TtlIntrBkSttlmAmt Ccy=\"USD\">1250000.00</TtlIntrBkSttlmAmt>"),
                    RejectCode.CONTROL_SUM,
                    GRP + "/TtlIntrBkSttlmAmt");
        }
    }

    @Nested
    class HeaderRules {
        @Test
        void rejectsBizMsgIdrDifferentFromMsgId() {
            Decoded d = assertRejected(
                    withText("BizMsgIdr", "PRBK-20261123-0001", "PRBK-20261123-0002"),
                    RejectCode.HEADER_MISMATCH,
                    "/AppHdr/BizMsgIdr");
            assertTrue(
                    d.verdict().detail().contains("PRBK-20261123-0002"),
                    d.verdict().detail());
        }

        @Test
        void rejectsMsgDefIdrOfAnotherMessage() {
            assertRejected(
                    withText("MsgDefIdr", "pacs.008.001.08", "pacs.008.001.09"),
                    RejectCode.HEADER_MISMATCH,
                    "/AppHdr/MsgDefIdr");
        }

        @Test
        void rejectsFromThatIsNotTheInstructingAgent() {
            String xml = replaceOnce(
                    SAMPLE, "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZXXX<", "<Fr><FIId><FinInstnId><BICFI>LTBKMOMXXXX<");
            assertRejected(xml, RejectCode.HEADER_MISMATCH, "/AppHdr/Fr/FIId/FinInstnId/BICFI");
        }

        @Test
        void rejectsToThatIsNotTheInstructedAgent() {
            String xml = replaceOnce(
                    SAMPLE, "<To><FIId><FinInstnId><BICFI>VHBKHKHHXXX<", "<To><FIId><FinInstnId><BICFI>PRBKCNGZXXX<");
            assertRejected(xml, RejectCode.HEADER_MISMATCH, "/AppHdr/To/FIId/FinInstnId/BICFI");
        }

        @Test
        void rejectsEightCharacterHeaderBicAgainstABranchOtherThanXxx() {
            String xml = replaceOnce(
                    SAMPLE, "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZXXX<", "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZ<");
            xml = replaceOnce(
                    xml, "<InstgAgt><FinInstnId><BICFI>PRBKCNGZXXX<", "<InstgAgt><FinInstnId><BICFI>PRBKCNGZ001<");
            assertRejected(xml, RejectCode.HEADER_MISMATCH, "/AppHdr/Fr/FIId/FinInstnId/BICFI");
        }

        @Test
        void rejectsFromIdentifiedByOrganisationInAPayment() {
            String xml = replaceOnce(
                    SAMPLE,
                    "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZXXX</BICFI></FinInstnId></FIId></Fr>",
                    "<Fr><OrgId><Id><OrgId><AnyBIC>PRBKCNGZXXX</AnyBIC></OrgId></Id></OrgId></Fr>");
            assertRejected(xml, RejectCode.MISSING_ELEMENT, "/AppHdr/Fr/FIId/FinInstnId/BICFI");
        }
    }

    @Nested
    class Envelope {
        @Test
        void rejectsOtherPacs008VersionAsUnsupported() {
            String xml = replaceOnce(SAMPLE, PACS_NS + "\"", "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09\"");
            Decoded d = assertRejected(xml, RejectCode.UNSUPPORTED_MESSAGE, "/Document");
            assertTrue(
                    d.verdict().detail().contains("pacs.008.001.09"),
                    d.verdict().detail());
            assertEquals(
                    RejectCode.Answer.MESSAGE_REJECT, d.verdict().rejectCode().answer());
        }

        @Test
        void rejectsDocumentWithoutNamespace() {
            assertRejected(
                    replaceOnce(SAMPLE, " xmlns=\"" + PACS_NS + "\"", ""), RejectCode.UNSUPPORTED_MESSAGE, "/Document");
        }

        @Test
        void rejectsOtherAppHdrVersion() {
            String xml = replaceOnce(SAMPLE, HEAD_NS, "urn:iso:std:iso:20022:tech:xsd:head.001.001.01");
            assertRejected(xml, RejectCode.UNSUPPORTED_MESSAGE, "/AppHdr");
        }

        @Test
        void rejectsEnvelopeWithoutDocument() {
            assertRejected(envelope("<Envelope>", "</Envelope>", appHdr()), RejectCode.BAD_ENVELOPE, "/Document");
        }

        @Test
        void rejectsTwoDocuments() {
            assertRejected(
                    envelope("<Envelope>", "</Envelope>", appHdr(), document(), document()),
                    RejectCode.BAD_ENVELOPE,
                    "/Document");
        }

        @Test
        void rejectsTwoAppHdrs() {
            assertRejected(
                    envelope("<Envelope>", "</Envelope>", appHdr(), appHdr(), document()),
                    RejectCode.BAD_ENVELOPE,
                    "/AppHdr");
        }
    }

    @Nested
    class MalformedAndHostileInput {
        @Test
        void rejectsMismatchedEndTag() {
            Decoded d = assertRejected(replaceOnce(SAMPLE, "</ChrgBr>", "</ChrgBearer>"), RejectCode.MALFORMED_XML);
            assertNull(d.verdict().elementPath());
            assertEquals(
                    RejectCode.Answer.MESSAGE_REJECT, d.verdict().rejectCode().answer());
        }

        @Test
        void rejectsTruncatedMessage() {
            assertRejected(SAMPLE.substring(0, SAMPLE.indexOf("<IntrBkSttlmAmt") + 20), RejectCode.MALFORMED_XML);
            assertRejected(SAMPLE.substring(0, SAMPLE.lastIndexOf("</Envelope>") + 5), RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsContentAfterTheRootElement() {
            assertRejected(SAMPLE + "<Envelope/>", RejectCode.MALFORMED_XML);
            assertRejected(SAMPLE + "trailing", RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsWhitespaceBeforeTheXmlDeclaration() {
            // The XML declaration must be the very first thing in the entity (XML 1.0, section 2.8).
            assertRejected("\r\n" + SAMPLE, RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsEmptyAndBlankBodies() {
            assertRejected(new byte[0], RejectCode.MALFORMED_XML);
            assertRejected("   \n", RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsBinaryGarbage() {
            byte[] garbage = {
                0x00,
                0x01,
                (byte) 0xFF,
                (byte) 0xFE,
                (byte) 0x89,
                0x50,
                0x4E,
                0x47,
                0x0D,
                0x0A,
                0x1A,
                0x0A,
                (byte) 0xC3,
                0x28
            };
            assertRejected(garbage, RejectCode.MALFORMED_XML);
            java.util.Random random = new java.util.Random(20261123L);
            for (int i = 0; i < 200; i++) {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                Decoded d = decode(noise);
                assertFalse(d.accepted(), "random bytes must not be accepted");
                assertEquals(RejectCode.MALFORMED_XML, d.verdict().rejectCode(), d::toString);
            }
        }

        @Test
        void neverAcceptsOrThrowsOnTruncationsOfTheSample() {
            byte[] sample = utf8(SAMPLE);
            for (int length = 0; length < sample.length - 1; length += 7) {
                Pacs008View view = new Pacs008View();
                DecodeVerdict verdict = new DecodeVerdict();
                int n = length;
                assertFalse(
                        new Pacs008Decoder(XmlLimits.DEFAULTS).decode(sample, 0, n, view, verdict),
                        () -> n + " bytes accepted");
                assertEquals(RejectCode.MALFORMED_XML, verdict.rejectCode(), () -> n + " bytes: " + verdict);
            }
        }

        @Test
        void rejectsUtf16BytesDeclaredAsUtf8() {
            assertRejected(SAMPLE.getBytes(StandardCharsets.UTF_16BE), RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsLatin1BytesDeclaredAsUtf8() {
            String xml = replaceOnce(SAMPLE, "Kowloon Components Ltd", "Kowloon Composants S\u00e0rl");
            assertRejected(xml.getBytes(StandardCharsets.ISO_8859_1), RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsNullCharacterReference() {
            assertRejected(withText("Nm", "Canton Auto Group", "Canton&#0;"), RejectCode.MALFORMED_XML);
        }

        @Test
        void rejectsExternalEntityWithoutReadingIt() {
            String xml = replaceOnce(
                    SAMPLE,
                    "<Envelope>",
                    "<!DOCTYPE Envelope [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n<Envelope>");
            xml = replaceOnce(xml, "<Nm>Canton Auto Group</Nm>", "<Nm>&xxe;</Nm>");
            Decoded d = decode(xml);
            assertFalse(d.accepted());
            assertTrue(
                    d.verdict().rejectCode() == RejectCode.FORBIDDEN_XML_CONSTRUCT
                            || d.verdict().rejectCode() == RejectCode.MALFORMED_XML,
                    d::toString);
            assertFalse(
                    d.view().debtorName().isPresent() && d.view().debtorName().length() > 0,
                    "entity text reached the view");
        }

        @Test
        void rejectsInternalEntityWithoutExpandingIt() {
            String secret = "SECRET-FROM-ENTITY";
            String xml = replaceOnce(
                    SAMPLE, "<Envelope>", "<!DOCTYPE Envelope [<!ENTITY s \"" + secret + "\">]>\n<Envelope>");
            xml = replaceOnce(xml, "<MsgId>PRBK-20261123-0001</MsgId>", "<MsgId>&s;</MsgId>");
            Decoded d = assertRejected(xml, RejectCode.FORBIDDEN_XML_CONSTRUCT);
            assertFalse(d.verdict().detail().contains(secret));
            assertFalse(d.view().messageId().toString().contains(secret));
            assertEquals(
                    RejectCode.Answer.MESSAGE_REJECT, d.verdict().rejectCode().answer());
        }

        @Test
        void rejectsBillionLaughs() {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE Envelope [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                dtd.append("<!ENTITY lol")
                        .append(i)
                        .append(" \"")
                        .append(("&lol" + (i - 1) + ";").repeat(10))
                        .append("\">");
            }
            dtd.append("]>\n<Envelope>");
            String xml = replaceOnce(
                    replaceOnce(SAMPLE, "<Envelope>", dtd.toString()), "<Nm>Canton Auto Group</Nm>", "<Nm>&lol9;</Nm>");
            Decoded d = decode(xml);
            assertFalse(d.accepted());
            assertTrue(
                    d.verdict().rejectCode() == RejectCode.FORBIDDEN_XML_CONSTRUCT
                            || d.verdict().rejectCode() == RejectCode.MALFORMED_XML,
                    d::toString);
            assertFalse(d.view().debtorName().toString().contains("lol"));
        }

        @Test
        void rejectsDoctypeWithoutEntities() {
            assertRejected(
                    replaceOnce(SAMPLE, "<Envelope>", "<!DOCTYPE Envelope>\n<Envelope>"),
                    RejectCode.FORBIDDEN_XML_CONSTRUCT);
        }

        @Test
        void rejectsUndeclaredEntityReference() {
            Decoded d = decode(withText("Nm", "Canton Auto Group", "&nbsp;Canton"));
            assertFalse(d.accepted());
            assertEquals(RejectCode.FORBIDDEN_XML_CONSTRUCT, d.verdict().rejectCode(), d::toString);
        }
    }

    @Nested
    class Limits {
        // The sample's deepest element is Envelope/Document/FIToFICstmrCdtTrf/CdtTrfTxInf/InstgAgt/FinInstnId/BICFI: 7
        // levels.

        @Test
        void acceptsMessageExactlyAtTheDepthLimit() {
            assertTrue(
                    decode(utf8(SAMPLE), new XmlLimits(7, 10_000, 16, 20_000)).accepted());
        }

        @Test
        void rejectsMessageOneLevelBeyondTheDepthLimit() {
            Decoded d = decode(utf8(SAMPLE), new XmlLimits(6, 10_000, 16, 20_000));
            assertEquals(RejectCode.XML_LIMIT_EXCEEDED, d.verdict().rejectCode(), d::toString);
            assertTrue(d.verdict().detail().contains("6"), d.verdict().detail());
        }

        @Test
        void rejectsDeepNestingWithDefaultLimits() {
            String deep = "<SplmtryData>".repeat(40) + "</SplmtryData>".repeat(40);
            Decoded d = decode(replaceOnce(SAMPLE, "</CdtTrfTxInf>", deep + "</CdtTrfTxInf>"));
            assertEquals(RejectCode.XML_LIMIT_EXCEEDED, d.verdict().rejectCode(), d::toString);
        }

        @Test
        void rejectsMoreElementsThanTheCountLimit() {
            Decoded d = decode(utf8(SAMPLE), new XmlLimits(32, 20, 16, 20_000));
            assertEquals(RejectCode.XML_LIMIT_EXCEEDED, d.verdict().rejectCode(), d::toString);
        }

        @Test
        void rejectsTextLongerThanTheLengthLimit() {
            String xml = withText("Ustrd", "Invoice CAG-INV-2026-0815", "x".repeat(500));
            Decoded d = decode(utf8(xml), new XmlLimits(32, 10_000, 16, 200));
            assertEquals(RejectCode.XML_LIMIT_EXCEEDED, d.verdict().rejectCode(), d::toString);
        }

        @Test
        void rejectsMoreAttributesThanTheAttributeLimit() {
            String xml = replaceOnce(SAMPLE, "Ccy=\"CNY\"", "Ccy=\"CNY\" a=\"1\" b=\"2\" c=\"3\"");
            Decoded d = decode(utf8(xml), new XmlLimits(32, 10_000, 2, 20_000));
            assertEquals(RejectCode.XML_LIMIT_EXCEEDED, d.verdict().rejectCode(), d::toString);
        }
    }

    /** Edge cases found against the schema and CBPR+, kept so they stay fixed. */
    @Nested
    class SchemaAndCbprEdges {
        @Test
        void rejectsCurrencyWithNonAsciiLetterThatPacksLikeCny() {
            assertRejected(replaceOnce(SAMPLE, "Ccy=\"CNY\"", "Ccy=\"CL\u0259\""), RejectCode.INVALID_CURRENCY);
        }

        @Test
        void rejectsRepeatedUetr() {
            String xml = replaceOnce(
                    SAMPLE,
                    "<UETR>" + UETR + "</UETR>",
                    "<UETR>" + UETR + "</UETR><UETR>" + UETR.replace("f001", "f002") + "</UETR>");
            assertFalse(decode(xml).accepted());
        }

        @Test
        void doesNotAcceptUetrWithSurroundingWhitespaceVerbatim() {
            Decoded d = decode(withText("UETR", UETR, "\n  " + UETR + " "));
            assertTrue(
                    !d.accepted() || d.view().uetr().contentEquals(UETR),
                    () -> "accepted with UETR '" + d.view().uetr() + "'");
        }

        @Test
        void doesNotAcceptBicWithSurroundingWhitespaceVerbatim() {
            String xml = DECLARATION
                    + replaceOnce(
                            document(),
                            "<InstgAgt><FinInstnId><BICFI>PRBKCNGZXXX<",
                            "<InstgAgt><FinInstnId><BICFI> PRBKCNGZXXX <");
            Decoded d = decode(xml);
            assertTrue(
                    !d.accepted() || d.view().instructingAgentBic().contentEquals("PRBKCNGZXXX"),
                    () -> "accepted with BIC '" + d.view().instructingAgentBic() + "'");
        }

        @Test
        void rejectsImpossibleSettlementDate() {
            assertRejected(
                    withText("IntrBkSttlmDt", "2026-11-23", "2026-02-30"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/IntrBkSttlmDt");
        }

        @Test
        void rejectsZuluCreationDateTimeAsCbprRequiresNumericOffset() {
            assertRejected(
                    withText("CreDtTm", "2026-11-23T09:30:00+08:00", "2026-11-23T01:30:00Z"),
                    RejectCode.INVALID_FORMAT,
                    GRP + "/CreDtTm");
        }

        @Test
        void rejectsAmountOverCbprFourteenDigits() {
            assertRejected(
                    replaceOnce(SAMPLE, ">1250000.00<", ">12345678901234.50<"),
                    RejectCode.INVALID_AMOUNT,
                    TX + "/IntrBkSttlmAmt");
        }

        @Test
        void rejectsUnknownElementInThePacs008Namespace() {
            Decoded d = assertRejected(
                    replaceOnce(SAMPLE, "<ChrgBr>SHAR</ChrgBr>", "<ChrgBr>SHAR</ChrgBr><Bogus>1</Bogus>"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/Bogus");
            assertEquals(
                    "element Bogus is not allowed in CdtTrfTxInf by pacs.008.001.08",
                    d.verdict().detail());
        }

        @Test
        void rejectsAMisspeltElementOnAWalkedPath() {
            assertRejected(
                    replaceOnce(SAMPLE, "<EndToEndId>", "<InstrID>X</InstrID><EndToEndId>"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/PmtId/InstrID");
        }

        @Test
        void rejectsAnElementInsideAFieldOfSimpleContent() {
            assertRejected(
                    replaceOnce(SAMPLE, "<ChrgBr>SHAR</ChrgBr>", "<ChrgBr>SHAR<Cd>X</Cd></ChrgBr>"),
                    RejectCode.INVALID_FORMAT,
                    TX + "/ChrgBr/Cd");
        }

        @Test
        void acceptsAnAllowedElementTheDecoderDoesNotReadWithAnythingBelowIt() {
            assertAccepted(
                    replaceOnce(
                            SAMPLE,
                            "<ChrgBr>SHAR</ChrgBr>",
                            "<ChrgBr>SHAR</ChrgBr><PrvsInstgAgt1><FinInstnId><Anything>1</Anything></FinInstnId></PrvsInstgAgt1>"));
        }

        @Test
        void rejectsAnUnknownElementOfTheGroupHeader() {
            assertRejected(
                    replaceOnce(SAMPLE, "</NbOfTxs>", "</NbOfTxs><NbOfTx>1</NbOfTx>"),
                    RejectCode.INVALID_FORMAT,
                    GRP + "/NbOfTx");
        }
    }
}
