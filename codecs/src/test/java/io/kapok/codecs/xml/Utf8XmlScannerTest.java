package io.kapok.codecs.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kapok.codecs.AllocationMeter;
import io.kapok.codecs.Corpus;
import io.kapok.codecs.RejectCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of {@link Utf8XmlScanner}, one by one. */
class Utf8XmlScannerTest {
    private static final XmlLimits LIMITS = new XmlLimits(8, 100, 4, 40);

    private final Utf8XmlScanner scanner = new Utf8XmlScanner(LIMITS);

    /** The events of {@code xml} as text, or the failure as its last entry. */
    private List<String> events(byte[] xml) {
        assertTrue(scanner.reset(xml, 0, xml.length), "the scanner does not take the message");
        List<String> events = new ArrayList<>();
        while (true) {
            switch (scanner.next()) {
                case Utf8XmlScanner.START_ELEMENT -> events.add(ScannerEvents.startTag(scanner));
                case Utf8XmlScanner.END_ELEMENT ->
                    events.add(ScannerEvents.endTag(scanner.namespaceUri(), scanner.localName()));
                case Utf8XmlScanner.CHARACTERS ->
                    events.add(new String(scanner.textChars(), scanner.textStart(), scanner.textLength()));
                case Utf8XmlScanner.END_DOCUMENT -> {
                    return events;
                }
                default -> {
                    events.add(scanner.failureCode() + ": " + scanner.failureMessage());
                    return events;
                }
            }
        }
    }

    private List<String> events(String xml) {
        return events(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String last(List<String> events) {
        return events.get(events.size() - 1);
    }

    private void assertFails(RejectCode code, String xml, String... messageParts) {
        assertFails(code, xml.getBytes(StandardCharsets.UTF_8), messageParts);
    }

    private void assertFails(RejectCode code, byte[] xml, String... messageParts) {
        String failure = last(events(xml));
        assertTrue(failure.startsWith(code + ": "), failure);
        for (String part : messageParts) {
            assertTrue(failure.contains(part), () -> "'" + failure + "' does not say '" + part + "'");
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code <a>}, the bytes, {@code </a>}. */
    private static byte[] inElement(byte[] content) {
        byte[] xml = new byte[content.length + 7];
        System.arraycopy("<a>".getBytes(StandardCharsets.US_ASCII), 0, xml, 0, 3);
        System.arraycopy(content, 0, xml, 3, content.length);
        System.arraycopy("</a>".getBytes(StandardCharsets.US_ASCII), 0, xml, 3 + content.length, 4);
        return xml;
    }

    @Nested
    class Namespaces {
        @Test
        void aPrefixDeclaredOnAChildIsScopedToThatChild() {
            assertEquals(
                    List.of("<{}a>", "<{u}b>", "<{u}c>", "</{u}c>", "</{u}b>", "</{}a>"),
                    events("<a><p:b xmlns:p='u'><p:c/></p:b></a>"));
            assertFails(RejectCode.MALFORMED_XML, "<a><p:b xmlns:p='u'/><p:c/></a>", "prefix 'p' is not bound");
        }

        @Test
        void aDefaultNamespaceAppliesToDescendantsUntilUndeclared() {
            assertEquals(
                    List.of("<{u}a>", "<{u}b>", "<{}c>", "</{}c>", "</{u}b>", "</{u}a>"),
                    events("<a xmlns='u'><b><c xmlns=''/></b></a>"));
        }

        @Test
        void aChildMayRebindAPrefixForItsOwnScope() {
            assertEquals(
                    List.of("<{u}a>", "<{v}b>", "</{v}b>", "<{u}c>", "</{u}c>", "</{u}a>"),
                    events("<p:a xmlns:p='u'><p:b xmlns:p='v'/><p:c/></p:a>"));
        }

        @Test
        void anUnboundPrefixIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<p:a/>", "element prefix 'p' is not bound", "line 1");
            assertFails(RejectCode.MALFORMED_XML, "<a p:b='1'/>", "attribute prefix 'p' is not bound");
            assertFails(RejectCode.MALFORMED_XML, "<xmlns:a/>", "element prefix 'xmlns' is not bound");
        }

        @Test
        void theXmlPrefixIsBoundWithoutADeclaration() {
            assertEquals(
                    List.of("<{}a {" + Utf8XmlScanner.XML_NAMESPACE + "}lang=en>", "</{}a>"),
                    events("<a xml:lang='en'/>"));
            assertEquals(
                    2,
                    events("<a xmlns:xml='http://www.w3.org/XML/1998/namespace'/>")
                            .size());
        }

        @Test
        void theXmlAndXmlnsPrefixesCannotBeRebound() {
            assertFails(RejectCode.MALFORMED_XML, "<a xmlns:xml='u'/>", "xml prefix");
            assertFails(RejectCode.MALFORMED_XML, "<a xmlns:xmlns='u'/>", "xmlns prefix");
            assertFails(RejectCode.MALFORMED_XML, "<a xmlns:p='http://www.w3.org/2000/xmlns/'/>", "cannot be bound");
        }

        @Test
        void aPrefixCannotBeBoundToTheEmptyNamespace() {
            assertFails(RejectCode.MALFORMED_XML, "<a xmlns:p=''/>", "empty namespace");
        }

        @Test
        void aPrefixDeclaredTwiceOnOneElementIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a xmlns:p='u' xmlns:p='v'/>", "declared twice");
        }

        @Test
        void unprefixedAttributesHaveNoNamespaceEvenUnderADefaultNamespace() {
            assertEquals(List.of("<{u}a {}Ccy=CNY>", "</{u}a>"), events("<a xmlns='u' Ccy='CNY'/>"));
        }

        @Test
        void namespaceDeclarationsAreNotAttributes() {
            byte[] xml = "<a xmlns='u' xmlns:p='v' b='1'/>".getBytes(StandardCharsets.UTF_8);
            scanner.reset(xml, 0, xml.length);
            assertEquals(Utf8XmlScanner.START_ELEMENT, scanner.next());
            assertEquals(1, scanner.attributeCount());
        }

        @Test
        void duplicateAttributesByExpandedNameAreMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a b='1' b='2'/>", "attribute b appears twice");
            assertFails(RejectCode.MALFORMED_XML, "<a xmlns:p='u' xmlns:q='u' p:b='1' q:b='2'/>", "{u}b appears twice");
            assertEquals(2, events("<a xmlns:p='u' p:b='1' b='2'/>").size());
        }

        @Test
        void namesAndNamespacesAreInternedSoTheyCompareWithDoubleEquals() {
            byte[] xml = "<Document xmlns='urn:x'><Ccy Ccy='1'/></Document>".getBytes(StandardCharsets.UTF_8);
            scanner.reset(xml, 0, xml.length);
            assertEquals(Utf8XmlScanner.START_ELEMENT, scanner.next());
            assertSame("Document", scanner.localName());
            assertSame("urn:x", scanner.namespaceUri());
            assertEquals(Utf8XmlScanner.START_ELEMENT, scanner.next());
            assertSame("Ccy", scanner.localName());
            assertSame("Ccy", scanner.attributeLocalName(0));
            assertSame("", scanner.attributeNamespace(0));
        }
    }

    @Nested
    class Structure {
        @Test
        void everyAsciiByteAfterANameOfAnyLengthEndsItOrExtendsIt() {
            String nameChars = "Na1-._Zz9b2-c.d_eF";
            for (int length = 1; length < nameChars.length(); length++) {
                String name = nameChars.substring(0, length);
                for (char c = 0x21; c < 0x7F; c++) {
                    String second = events("<r><" + name + c + "></r>").get(1);
                    boolean nameChar = (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '_'
                            || c == '-'
                            || c == '.';
                    String where = "'" + name + "' then '" + c + "'";
                    if (nameChar) {
                        assertEquals("<{}" + name + c + ">", second, where);
                    } else if (c == '>' || c == '/') {
                        assertEquals("<{}" + name + ">", second, where);
                    } else {
                        assertTrue(second.startsWith(RejectCode.MALFORMED_XML + ": "), where + ": " + second);
                    }
                }
            }
        }

        @Test
        void anEmptyElementGivesAStartAndAnEnd() {
            assertEquals(List.of("<{}a {}b=1>", "</{}a>"), events("<a b=\"1\" />"));
        }

        @Test
        void aMismatchedEndTagIsMalformedAndNamesBothTagsAndTheLine() {
            assertFails(
                    RejectCode.MALFORMED_XML,
                    "<a>\n  <ChrgBr>x</ChrgBearer>\n</a>",
                    "</ChrgBearer> does not match start tag <ChrgBr>",
                    "line 2, column 12");
            assertFails(RejectCode.MALFORMED_XML, "<a><b></bc></a>", "does not match");
        }

        @Test
        void aMissingEndTagIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a><b>text</a>", "</a> does not match start tag <b>");
            assertFails(RejectCode.MALFORMED_XML, "<a><b>text</b>", "ends inside element <a>");
        }

        @Test
        void truncatedInputIsMalformedWhereverItIsCut() {
            String xml = "<?xml version='1.0'?><a xmlns:p='u' p:b=\"v\"><!--c--><?pi x?><c>&amp;t<![CDATA[d]]></c></a>";
            for (int length = 0; length < xml.length(); length++) {
                byte[] cut = xml.substring(0, length).getBytes(StandardCharsets.UTF_8);
                assertTrue(last(events(cut)).startsWith("MALFORMED_XML"), xml.substring(0, length));
            }
            assertEquals(List.of("<{}a {u}b=v>", "<{}c>", "&td", "</{}c>", "</{}a>"), events(xml));
        }

        @Test
        void aSecondRootIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a/><b/>", "second root");
        }

        @Test
        void textOtherThanWhitespaceOutsideTheRootIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a/>x", "text after the root");
            assertFails(RejectCode.MALFORMED_XML, "x<a/>", "text before the root");
            assertFails(RejectCode.MALFORMED_XML, "<a/><![CDATA[x]]>", "only comments");
            assertEquals(List.of("<{}a>", "</{}a>"), events(" \r\n\t<a/>\n <!-- c --> <?pi?>\n"));
        }

        @Test
        void emptyAndBlankMessagesAreMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "", "empty");
            assertFails(RejectCode.MALFORMED_XML, "  \n", "no root element");
        }

        @Test
        void aFailureIsFinal() {
            events("<a><b></a>");
            assertEquals(Utf8XmlScanner.FAILED, scanner.next());
            assertEquals(RejectCode.MALFORMED_XML, scanner.failureCode());
        }

        @Test
        void resetForgetsThePreviousMessage() {
            events("<p:a xmlns:p='u'><b>");
            assertEquals(List.of("<{}a>", "x", "</{}a>"), events("<a>x</a>"));
            assertFails(RejectCode.MALFORMED_XML, "<p:a/>", "not bound");
        }

        @Test
        void aSliceOfALargerArrayIsReadInPlace() {
            byte[] buffer = "####<a>x</a>####".getBytes(StandardCharsets.US_ASCII);
            assertTrue(scanner.reset(buffer, 4, 8));
            assertEquals(Utf8XmlScanner.START_ELEMENT, scanner.next());
            assertEquals(Utf8XmlScanner.CHARACTERS, scanner.next());
            assertEquals(Utf8XmlScanner.END_ELEMENT, scanner.next());
            assertEquals(Utf8XmlScanner.END_DOCUMENT, scanner.next());
        }

        @Test
        void lessThanInAnAttributeValueIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a b='<'/>", "'<' is not allowed in an attribute value");
        }

        @Test
        void anAttributeNeedsAQuotedValueAndWhitespaceBeforeIt() {
            assertFails(RejectCode.MALFORMED_XML, "<a b=1/>", "must be quoted");
            assertFails(RejectCode.MALFORMED_XML, "<a b/>", "no '='");
            assertFails(RejectCode.MALFORMED_XML, "<a b='1'c='2'/>", "expected whitespace");
            assertEquals(List.of("<{}a {}b=1>", "</{}a>"), events("<a b = '1'/>"));
        }

        @Test
        void aNameMayNotStartWithADigitOrHaveTwoColons() {
            assertFails(RejectCode.MALFORMED_XML, "<1a/>", "expected an element name");
            assertFails(RejectCode.MALFORMED_XML, "<a:b:c xmlns:a='u'/>", "expected whitespace");
            assertEquals(List.of("<{}a-b.c_d>", "</{}a-b.c_d>"), events("<a-b.c_d/>"));
        }

        @Test
        void nonAsciiNamesAreRead() {
            assertEquals(List.of("<{}élément>", "</{}élément>"), events("<élément></élément>"));
        }
    }

    @Nested
    class Text {
        @Test
        void aByteThatNeedsCareIsFoundAtEveryPlaceInAWord() {
            for (int before = 0; before < 17; before++) {
                String lead = "x".repeat(before);
                String tail = "y".repeat(9);
                assertEquals(
                        List.of("<{}a>", lead + "\t" + tail, "</{}a>"), events("<a>" + lead + "\t" + tail + "</a>"));
                assertEquals(
                        List.of("<{}a>", lead + "\n" + tail, "</{}a>"), events("<a>" + lead + "\r\n" + tail + "</a>"));
                assertEquals(
                        List.of("<{}a>", lead + "<&]" + tail, "</{}a>"),
                        events("<a>" + lead + "&lt;&amp;]" + tail + "</a>"));
                assertEquals(
                        List.of("<{}a>", lead + "\u00e9" + tail, "</{}a>"),
                        events("<a>" + lead + "\u00e9" + tail + "</a>"));
                for (char control = 0; control < 0x20; control++) {
                    if (control != '\t' && control != '\n' && control != '\r') {
                        assertFails(
                                RejectCode.MALFORMED_XML,
                                "<a>" + lead + control + tail + "</a>",
                                String.format("control character U+%04X", (int) control));
                    }
                }
                assertFails(RejectCode.MALFORMED_XML, "<a>" + lead + "]]>" + tail + "</a>", "']]>' is not allowed");
            }
        }

        @Test
        void aCommentEndsAtItsFirstDoubleDashWhereverItIs() {
            for (int before = 0; before < 17; before++) {
                String lead = "c".repeat(before);
                assertEquals(List.of("<{}a>", "x", "</{}a>"), events("<a><!--" + lead + "-x-->x</a>"));
                assertFails(
                        RejectCode.MALFORMED_XML,
                        "<a><!--" + lead + "--x--></a>",
                        "'--' is not allowed inside a comment");
                assertFails(RejectCode.MALFORMED_XML, "<a><!--" + lead + "\u0002--></a>", "control character U+0002");
            }
        }

        @Test
        void predefinedEntitiesAndCharacterReferencesAreDecoded() {
            assertEquals(
                    List.of("<{}a {}b=<>&\"'A>", "<>&\"'AB\u00e9", "</{}a>"),
                    events("<a b='&lt;&gt;&amp;&quot;&apos;&#65;'>&lt;&gt;&amp;&quot;&apos;&#x41;&#66;&#xe9;</a>"));
        }

        @Test
        void anUnknownEntityIsForbiddenInTextAndInAttributes() {
            assertFails(RejectCode.FORBIDDEN_XML_CONSTRUCT, "<a>&nbsp;</a>", "&nbsp;", "not allowed");
            assertFails(RejectCode.FORBIDDEN_XML_CONSTRUCT, "<a b='&e;'/>", "&e;");
        }

        @Test
        void aBareAmpersandIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a>a & b</a>", "bare '&'");
            assertFails(RejectCode.MALFORMED_XML, "<a>a &amp b</a>", "bare '&'");
            assertFails(RejectCode.MALFORMED_XML, "<a b='&'/>", "bare '&'");
        }

        @Test
        void aCharacterReferenceToACharacterXmlForbidsIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a>&#0;</a>", "U+0");
            assertFails(RejectCode.MALFORMED_XML, "<a>&#xD800;</a>", "U+D800");
            assertFails(RejectCode.MALFORMED_XML, "<a>&#xFFFE;</a>", "U+FFFE");
            assertFails(RejectCode.MALFORMED_XML, "<a>&#x110000;</a>", "beyond U+10FFFF");
            assertFails(RejectCode.MALFORMED_XML, "<a>&#x;</a>", "without digits");
            assertFails(RejectCode.MALFORMED_XML, "<a>&#1a;</a>", "not a digit");
        }

        @Test
        void appendTextToGivesTheTextAsTextCharsDoesBeforeAndAfterTheyAreRead() {
            Map<String, String> decodedByContent = Map.of(
                    "PRBK-20261123-0001", "PRBK-20261123-0001",
                    "\n    ", "\n    ",
                    "a&amp;b", "a&b",
                    "\u00e91", "\u00e91",
                    "x<![CDATA[y]]>z", "xyz",
                    "a\r\nb", "a\nb");
            decodedByContent.forEach((content, decoded) -> {
                byte[] xml = ("<a>" + content + "</a>").getBytes(StandardCharsets.UTF_8);
                assertTrue(scanner.reset(xml, 0, xml.length));
                assertEquals(Utf8XmlScanner.START_ELEMENT, scanner.next());
                assertEquals(Utf8XmlScanner.CHARACTERS, scanner.next());
                TextBuffer before = new TextBuffer(1);
                before.set("<");
                scanner.appendTextTo(before);
                String chars = new String(scanner.textChars(), scanner.textStart(), scanner.textLength());
                TextBuffer after = new TextBuffer(1);
                scanner.appendTextTo(after);
                assertEquals("<" + decoded, before.toString(), content);
                assertEquals(decoded, chars, content);
                assertEquals(decoded, after.toString(), content);
                assertEquals(Utf8XmlScanner.END_ELEMENT, scanner.next());
            });
        }

        @Test
        void nextSkippingTextGivesEveryOtherEventAndTheSameFailures() {
            List<String> messages = List.of(
                    "<a>\n  <b>PRBK-1</b>\n  <c x='1'/>&amp;<![CDATA[d]]>\n</a>",
                    "<a>\n  <b>x\u0001</b></a>",
                    "<a><b>" + "x".repeat(41) + "</b></a>",
                    "<a>a & b</a>",
                    "<a>x]]>y</a>",
                    "<a>text</b>");
            for (String message : messages) {
                byte[] xml = message.getBytes(StandardCharsets.UTF_8);
                List<String> expected = new ArrayList<>();
                for (String event : events(xml)) {
                    if (event.startsWith("<{")
                            || event.startsWith("</{")
                            || event.startsWith("MALFORMED_XML")
                            || event.startsWith("XML_LIMIT_EXCEEDED")) {
                        expected.add(event);
                    }
                }
                assertTrue(scanner.reset(xml, 0, xml.length));
                List<String> skipping = new ArrayList<>();
                for (int event = scanner.nextSkippingText(); ; event = scanner.nextSkippingText()) {
                    if (event == Utf8XmlScanner.START_ELEMENT) {
                        skipping.add(ScannerEvents.startTag(scanner));
                    } else if (event == Utf8XmlScanner.END_ELEMENT) {
                        skipping.add(ScannerEvents.endTag(scanner.namespaceUri(), scanner.localName()));
                    } else if (event == Utf8XmlScanner.FAILED) {
                        skipping.add(scanner.failureCode() + ": " + scanner.failureMessage());
                        break;
                    } else {
                        assertEquals(Utf8XmlScanner.END_DOCUMENT, event, message);
                        break;
                    }
                }
                assertEquals(expected, skipping, message);
            }
        }

        @Test
        void localNameHashIsTheNameHashOfTheLocalNameOfEveryTag() {
            byte[] xml = ("<p:FIToFICstmrCdtTrf xmlns:p='urn:x'><\u00e9l\u00e9ment a='1'><Ccy>CNY</Ccy>"
                            + "<AVeryLongElementNameIndeed/></\u00e9l\u00e9ment></p:FIToFICstmrCdtTrf>")
                    .getBytes(StandardCharsets.UTF_8);
            assertTrue(scanner.reset(xml, 0, xml.length));
            int tags = 0;
            for (int event = scanner.next(); event != Utf8XmlScanner.END_DOCUMENT; event = scanner.next()) {
                assertTrue(event != Utf8XmlScanner.FAILED, scanner::failureMessage);
                if (event != Utf8XmlScanner.CHARACTERS) {
                    assertEquals(
                            Utf8XmlScanner.nameHash(scanner.localName()), scanner.localNameHash(), scanner.localName());
                    tags++;
                }
            }
            assertEquals(8, tags);
            assertTrue(Utf8XmlScanner.nameHash("Ccy") != Utf8XmlScanner.nameHash("Cdy"));
        }

        @Test
        void aCharacterReferenceBeyondTheBasicPlaneDecodesToTwoChars() {
            assertEquals("\uD83D\uDE42", events("<a>&#x1F642;</a>").get(1));
        }

        @Test
        void cdataIsJoinedWithTheTextAroundIt() {
            assertEquals(List.of("<{}a>", "x<&]]y", "</{}a>"), events("<a>x<![CDATA[<&]]]]><![CDATA[]]>y</a>"));
        }

        @Test
        void commentsAndProcessingInstructionsAreSkippedAndSplitTheText() {
            assertEquals(List.of("<{}a>", "x", "y", "z", "</{}a>"), events("<a>x<!-- a - b -->y<?pi data ? >?>z</a>"));
        }

        @Test
        void doubleHyphenInACommentIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a><!-- a -- b --></a>", "'--'");
            assertFails(RejectCode.MALFORMED_XML, "<a><!-- a ---></a>", "'--'");
        }

        @Test
        void closingBracketsAndGreaterThanInTextAreMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a>x]]>y</a>", "']]>'");
            assertEquals("]] > ]>", events("<a>]] > ]></a>").get(1));
        }

        @Test
        void runsOfSpacesOfAnyLengthAreKeptExactly() {
            for (int spaces = 0; spaces < 19; spaces++) {
                String text = "x" + " ".repeat(spaces) + "y\n" + " ".repeat(spaces);
                assertEquals(text, events("<a>" + text + "</a>").get(1));
            }
        }

        @Test
        void lineEndsAreNormalisedToLineFeed() {
            assertEquals("a\nb\nc\r", events("<a>a\r\nb\rc&#13;</a>").get(1));
        }

        @Test
        void attributeWhitespaceIsNormalisedToSpacesButReferencesAreKept() {
            assertEquals(
                    "<{}a {}b=x y z \t\n>",
                    events("<a b='x\ty\r\nz\n&#9;&#10;'/>").get(0));
        }

        @Test
        void aControlCharacterIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<a>\u0001</a>", "U+0001");
            assertFails(RejectCode.MALFORMED_XML, "<a b='\u0000'/>", "U+0000");
            assertFails(RejectCode.MALFORMED_XML, "<a><!-- \u0007 --></a>", "U+0007");
        }
    }

    @Nested
    class Utf8 {
        @Test
        void twoAndThreeByteSequencesDecode() {
            assertEquals(
                    "é中", events(inElement(bytes(0xC3, 0xA9, 0xE4, 0xB8, 0xAD))).get(1));
        }

        @Test
        void aSurrogatePairIn4ByteUtf8DecodesToTwoChars() {
            String text = events(inElement(bytes(0xF0, 0x9F, 0x99, 0x82))).get(1);
            assertEquals(2, text.length());
            assertEquals(0x1F642, text.codePointAt(0));
        }

        @Test
        void overlongSequencesAreMalformed() {
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xC0, 0xBC)), "malformed UTF-8");
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xE0, 0x80, 0xBC)), "malformed UTF-8");
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xF0, 0x80, 0x80, 0xBC)), "malformed UTF-8");
        }

        @Test
        void anEncodedSurrogateIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xED, 0xA0, 0x80)), "malformed UTF-8");
        }

        @Test
        void aTruncatedSequenceOrAStrayContinuationByteIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xE4, 0xB8)), "malformed UTF-8");
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0x80)), "0x80");
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xF5, 0x80, 0x80, 0x80)), "malformed UTF-8");
        }

        @Test
        void nonCharactersFfffeAndFfffAreMalformed() {
            assertFails(RejectCode.MALFORMED_XML, inElement(bytes(0xEF, 0xBF, 0xBE)), "malformed UTF-8");
        }

        @Test
        void malformedUtf8IsRefusedInNamesAttributesAndComments() {
            assertFails(RejectCode.MALFORMED_XML, bytes('<', 'a', 0xC3, '/', '>'), "malformed UTF-8");
            assertFails(RejectCode.MALFORMED_XML, bytes('<', 'a', ' ', 'b', '=', '"', 0xFF, '"', '/', '>'), "0xFF");
            assertFails(
                    RejectCode.MALFORMED_XML,
                    inElement(bytes('<', '!', '-', '-', 0xC3, '-', '-', '>')),
                    "malformed UTF-8");
        }
    }

    @Nested
    class PrologAndEncoding {
        @Test
        void aDoctypeIsRefused() {
            assertFails(RejectCode.FORBIDDEN_XML_CONSTRUCT, "<!DOCTYPE a><a/>", "DOCTYPE", "not allowed");
            assertFails(
                    RejectCode.FORBIDDEN_XML_CONSTRUCT,
                    "<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a>&e;</a>",
                    "DOCTYPE");
            assertFails(RejectCode.FORBIDDEN_XML_CONSTRUCT, "<a><!DOCTYPE a></a>", "DOCTYPE");
            assertFails(RejectCode.FORBIDDEN_XML_CONSTRUCT, "<a/><!DOCTYPE a>", "DOCTYPE");
        }

        @Test
        void theXmlDeclarationIsReadOnlyAtTheVeryStart() {
            assertEquals(
                    2,
                    events("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='yes' ?><a/>")
                            .size());
            assertEquals(2, events("<?xml version = '1.0'?>\n<a/>").size());
            assertFails(RejectCode.MALFORMED_XML, " <?xml version='1.0'?><a/>", "very first thing");
            assertFails(RejectCode.MALFORMED_XML, "<a><?XmL version='1.0'?></a>", "very first thing");
        }

        @Test
        void aMalformedDeclarationIsMalformed() {
            assertFails(RejectCode.MALFORMED_XML, "<?xml encoding='UTF-8'?><a/>", "version");
            assertFails(RejectCode.MALFORMED_XML, "<?xml\u0000version='1.0'?><a/>", "followed by whitespace");
            assertFails(
                    RejectCode.MALFORMED_XML, "<?xml version='1.0' standalone='yes' encoding='UTF-8'?><a/>", "order");
            assertFails(RejectCode.MALFORMED_XML, "<?xml version='1.0' standalone='maybe'?><a/>", "standalone");
            assertFails(RejectCode.MALFORMED_XML, "<?xml version='1.0'encoding='UTF-8'?><a/>", "order");
            assertFails(RejectCode.MALFORMED_XML, "<?xml version=1.0?><a/>", "quoted");
        }

        @Test
        void onlyXml10IsRead() {
            assertFails(RejectCode.MALFORMED_XML, "<?xml version='1.1'?><a/>", "XML version '1.1' is not supported");
        }

        @Test
        void utf8IsNamedInAnyCase() {
            assertEquals(2, events("<?xml version='1.0' encoding='utf-8'?><a/>").size());
            assertEquals(2, events("<?xml version='1.0' encoding='Utf8'?><a/>").size());
        }

        @Test
        void aUtf8ByteOrderMarkIsSkipped() {
            byte[] xml = bytes(0xEF, 0xBB, 0xBF, '<', 'a', '/', '>');
            assertEquals(List.of("<{}a>", "</{}a>"), events(xml));
        }

        @Test
        void anotherEncodingIsNotForThisScanner() {
            byte[] latin1 =
                    "<?xml version='1.0' encoding='ISO-8859-1'?><a>\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
            assertFalse(scanner.reset(latin1, 0, latin1.length));
            byte[] utf16 = "<a/>".getBytes(StandardCharsets.UTF_16);
            assertFalse(scanner.reset(utf16, 0, utf16.length));
            byte[] utf16WithoutBom = "<a/>".getBytes(StandardCharsets.UTF_16LE);
            assertFalse(scanner.reset(utf16WithoutBom, 0, utf16WithoutBom.length));
        }

        @Test
        void processingInstructionsNeedATargetAndAreSkipped() {
            assertEquals(2, events("<?xml-stylesheet href='x'?><a/>").size());
            assertFails(RejectCode.MALFORMED_XML, "<a><? x?></a>", "processing instruction name");
        }
    }

    @Nested
    class Limits {
        @Test
        void depthIsRefusedOneLevelBeyondTheLimit() {
            String atLimit = "<a>".repeat(8) + "</a>".repeat(8);
            assertEquals(16, events(atLimit).size());
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a>".repeat(9) + "</a>".repeat(9), "8 levels");
        }

        @Test
        void elementCountIsRefusedOneBeyondTheLimit() {
            assertEquals(200, events("<a>" + "<b/>".repeat(99) + "</a>").size());
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a>" + "<b/>".repeat(100) + "</a>", "100");
        }

        @Test
        void attributesAreRefusedOneBeyondTheLimitAndDeclarationsAreNotCounted() {
            assertEquals(
                    2,
                    events("<a xmlns='u' xmlns:p='v' b='1' c='2' d='3' e='4'/>").size());
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a b='1' c='2' d='3' e='4' f='5'/>", "limit of 4");
            assertFails(
                    RejectCode.XML_LIMIT_EXCEEDED,
                    "<a xmlns:p='1' xmlns:q='2' xmlns:r='3' xmlns:s='4' xmlns:t='5'/>",
                    "namespace declarations");
        }

        @Test
        void textIsRefusedOneCharacterBeyondTheLimit() {
            assertEquals(40, events("<a>" + "x".repeat(40) + "</a>").get(1).length());
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a>" + "x".repeat(41) + "</a>", "40 characters");
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a>" + "x".repeat(39) + "&#x1F642;</a>", "40 characters");
            assertFails(
                    RejectCode.XML_LIMIT_EXCEEDED, "<a>" + "x".repeat(30) + "<![CDATA[" + "y".repeat(11) + "]]></a>");
        }

        @Test
        void spacesCountTowardsTheTextLimitOneByOne() {
            assertEquals(40, events("<a>" + " ".repeat(40) + "</a>").get(1).length());
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a>" + " ".repeat(41) + "</a>", "40 characters");
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a>x" + " ".repeat(40) + "</a>", "40 characters");
        }

        @Test
        void anAttributeValueIsRefusedOneCharacterBeyondTheLimit() {
            assertEquals(2, events("<a b='" + "x".repeat(40) + "'/>").size());
            assertFails(RejectCode.XML_LIMIT_EXCEEDED, "<a b='" + "x".repeat(41) + "'/>", "attribute value");
        }
    }

    /** Names predicted from the message before must read exactly as names looked up. */
    @Nested
    class NamePrediction {
        @Test
        void aLongerNameWherePredictedIsReadWhole() {
            events("<Ab><Cd/></Ab>");
            assertEquals(List.of("<{}Abc>", "<{}Cde>", "</{}Cde>", "</{}Abc>"), events("<Abc><Cde/></Abc>"));
            assertEquals(List.of("<{}Ab>", "<{}Cd.x>", "</{}Cd.x>", "</{}Ab>"), events("<Ab><Cd.x/></Ab>"));
            assertEquals(List.of("<{}Ab>", "<{}Cd>", "</{}Cd>", "</{}Ab>"), events("<Ab><Cd/></Ab>"));
        }

        @Test
        void aPrefixWherePredictedIsReadAsAPrefix() {
            events("<Ab><Cd/></Ab>");
            assertEquals(
                    List.of("<{}Ab>", "<{urn:x}e>", "</{urn:x}e>", "</{}Ab>"),
                    events("<Ab xmlns:Cd=\"urn:x\"><Cd:e/></Ab>"));
            assertEquals(List.of("<{}Ab>", "<{}Cd>", "</{}Cd>", "</{}Ab>"), events("<Ab><Cd/></Ab>"));
        }

        @Test
        void aNameBeyondAsciiWherePredictedIsDecoded() {
            events("<Ab><Cd/></Ab>");
            assertEquals(List.of("<{}Ab>", "<{}Cdé>", "</{}Cdé>", "</{}Ab>"), events("<Ab><Cdé/></Ab>"));
        }

        @Test
        void predictionsSurviveTheSymbolTableGrowing() {
            Utf8XmlScanner warm = new Utf8XmlScanner(XmlLimits.DEFAULTS);
            StringBuilder xml = new StringBuilder("<Root>");
            for (int i = 0; i < 400; i++) {
                xml.append("<Name").append(i).append("/>");
            }
            byte[] many = xml.append("</Root>").toString().getBytes(StandardCharsets.UTF_8);
            byte[] few = "<Root><Name1/><Name2/></Root>".getBytes(StandardCharsets.UTF_8);
            for (byte[] message : List.of(few, many, many, few, many)) {
                assertEquals(namesOf(new Utf8XmlScanner(XmlLimits.DEFAULTS), message), namesOf(warm, message));
            }
        }

        private List<String> namesOf(Utf8XmlScanner s, byte[] message) {
            assertTrue(s.reset(message, 0, message.length));
            List<String> names = new ArrayList<>();
            for (int event = s.next(); event != Utf8XmlScanner.END_DOCUMENT; event = s.next()) {
                assertNotEquals(Utf8XmlScanner.FAILED, event, s::failureMessage);
                if (event == Utf8XmlScanner.START_ELEMENT) {
                    names.add(s.localName() + "#" + s.localNameHash());
                }
            }
            return names;
        }
    }

    @Nested
    class Allocation {
        @Test
        void aWarmScannerReadsAMessageWithoutAllocating() {
            byte[] message = Corpus.resourceBytes("/corpus/pacs008/valid/envelope-with-apphdr.xml");
            Utf8XmlScanner warm = new Utf8XmlScanner(XmlLimits.DEFAULTS);
            for (int i = 0; i < 2_000; i++) {
                readAll(warm, message);
            }
            int[] events = new int[1];
            long allocatedBytes = AllocationMeter.bytesAllocated(1_000, () -> events[0] += readAll(warm, message));
            assertTrue(events[0] > 1_000);
            // The measurement itself may allocate a little; a per-message allocation would be 1,000 times more.
            assertTrue(allocatedBytes < 1_000, () -> allocatedBytes + " bytes allocated for 1,000 messages");
        }

        private int readAll(Utf8XmlScanner s, byte[] message) {
            assertTrue(s.reset(message, 0, message.length));
            int events = 0;
            for (int event = s.next(); event != Utf8XmlScanner.END_DOCUMENT; event = s.next()) {
                if (event == Utf8XmlScanner.FAILED) {
                    fail(s.failureMessage());
                }
                events++;
            }
            return events;
        }
    }
}
