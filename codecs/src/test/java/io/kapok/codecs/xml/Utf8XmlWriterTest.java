package io.kapok.codecs.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.io.Stax2ByteArraySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8XmlWriterTest {
    @Test
    void escapesMarkupCharactersInText() {
        assertEquals(
                "<a>&amp; &lt; &gt; &quot; &apos;</a>",
                new Utf8XmlWriter(16).element("a", "& < > \" '").toString());
    }

    @Test
    void escapesMarkupCharactersInAttributes() {
        String xml = new Utf8XmlWriter(16)
                .open("a")
                .attribute("v", "x\"><b y='1'>&")
                .endStart()
                .end("a")
                .toString();
        assertEquals("<a v=\"x&quot;&gt;&lt;b y=&apos;1&apos;&gt;&amp;\"></a>", xml);
    }

    @Test
    void writesTabLineFeedAndCarriageReturnAsReferencesAndDropsOtherControlCharacters() {
        assertEquals(
                "<a>x&#9;y&#10;z&#13;</a>",
                new Utf8XmlWriter(16).element("a", "x\ty\nz\r").toString());
        assertEquals(
                "<a>abc</a>",
                new Utf8XmlWriter(16).element("a", "a\u0000b\u0001\u001Fc").toString());
    }

    @Test
    void writesNonAsciiAsUtf8() {
        byte[] bytes = new Utf8XmlWriter(4)
                .element("a", "\u00e9\u20ac\u4E2D\uD83D\uDE00")
                .toByteArray();
        assertArrayEquals("<a>\u00e9\u20ac\u4E2D\uD83D\uDE00</a>".getBytes(StandardCharsets.UTF_8), bytes);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "& < > \" '",
                "caf\u00e9 \u00fcber na\u00efve",
                "\u5E7F\u5DDE\u6C7D\u8F66\u96C6\u56E2",
                "\u20AC 1,250,000.00",
                "\uD83D\uDE00 \uD834\uDD1E \uD83C\uDDED\uD83C\uDDF0",
                "tab\there\nnew line\r\nwindows",
                "]]> and <![CDATA[",
                "&amp; already escaped",
                "\u007F\u0080\u00A0\u07FF\u0800\uFFFD"
            })
    void roundTripsThroughAnXmlParser(String text) throws XMLStreamException {
        Utf8XmlWriter out = new Utf8XmlWriter(8).declaration();
        out.open("root")
                .attribute("attr", text)
                .endStart()
                .element("text", text)
                .end("root");
        assertEquals(text, readBack(out.toByteArray(), "attr"));
        assertEquals(text, readBack(out.toByteArray(), null));
    }

    @Test
    void replacesLoneSurrogatesWithReplacementCharacter() throws XMLStreamException {
        Utf8XmlWriter out = new Utf8XmlWriter(8)
                .open("root")
                .endStart()
                .element("text", "a\uD83Db\uDE00c\uD83D")
                .end("root");
        assertEquals("a\uFFFDb\uFFFDc\uFFFD", readBack(out.toByteArray(), null));
    }

    @Test
    void neverWritesCharactersThatXmlForbids() {
        Utf8XmlWriter out = new Utf8XmlWriter(8)
                .open("root")
                .endStart()
                .element("text", "a\uFFFEb\uFFFFc")
                .end("root");
        assertDoesNotThrow(() -> readBack(out.toByteArray(), null));
    }

    @Test
    void writesNumbersWithoutStrings() {
        Utf8XmlWriter out = new Utf8XmlWriter(1);
        out.number(0)
                .raw(' ')
                .number(7)
                .raw(' ')
                .number(-42)
                .raw(' ')
                .number(Long.MAX_VALUE)
                .raw(' ')
                .number(Long.MIN_VALUE);
        assertEquals("0 7 -42 9223372036854775807 -9223372036854775808", out.toString());
        assertEquals(
                "<n>1250000</n>", new Utf8XmlWriter(1).element("n", 1_250_000L).toString());
    }

    @Test
    void padsNumbersToWidth() {
        assertEquals(
                "0007|2026|05",
                new Utf8XmlWriter(1)
                        .paddedNumber(7, 4)
                        .raw('|')
                        .paddedNumber(2026, 4)
                        .raw('|')
                        .paddedNumber(5, 2)
                        .toString());
    }

    @Test
    void growsFromATinyBufferAndResetsForTheNextMessage() {
        Utf8XmlWriter out = new Utf8XmlWriter(1);
        String long1 = "x".repeat(10_000);
        out.declaration().element("a", long1);
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>" + long1 + "</a>", out.toString());
        assertEquals(out.length(), out.toByteArray().length);
        out.reset().element("b", "y");
        assertEquals("<b>y</b>", out.toString());
        assertEquals(8, out.length());
        assertEquals("<b>y</b>", new String(out.buffer(), 0, out.length(), StandardCharsets.UTF_8));
    }

    @Test
    void writesEscapedTextOfAGrowingStringBuilder() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append("&<\u4E2D\uD83D\uDE00");
        }
        Utf8XmlWriter out = new Utf8XmlWriter(2).start("a").text(text).end("a");
        assertEquals("<a>" + text.toString().replace("&", "&amp;").replace("<", "&lt;") + "</a>", out.toString());
    }

    /** The value of {@code attribute} on the root, or the text of its child element when {@code attribute} is null. */
    private static String readBack(byte[] xml, String attribute) throws XMLStreamException {
        XMLStreamReader reader = HardenedXmlInputFactory.create(XmlLimits.DEFAULTS)
                .createXMLStreamReader(new Stax2ByteArraySource(xml, 0, xml.length));
        try {
            reader.nextTag();
            if (attribute != null) {
                return reader.getAttributeValue(null, attribute);
            }
            reader.nextTag();
            StringBuilder text = new StringBuilder();
            while (reader.next() != XMLStreamConstants.END_ELEMENT) {
                text.append(reader.getText());
            }
            while (reader.hasNext()) {
                reader.next(); // read to the end so that any later malformation is reported
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void writesDecimalsWithExactlyTheScaleGiven() {
        assertEquals("1250000.00", new Utf8XmlWriter(4).decimal(125_000_000L, 2).toString());
        assertEquals("0.05", new Utf8XmlWriter(4).decimal(5L, 2).toString());
        assertEquals("0.000", new Utf8XmlWriter(4).decimal(0L, 3).toString());
        assertEquals("187500000", new Utf8XmlWriter(4).decimal(187_500_000L, 0).toString());
        assertEquals("-1.50", new Utf8XmlWriter(4).decimal(-150L, 2).toString());
        assertEquals(
                "92233720368547758.07",
                new Utf8XmlWriter(4).decimal(Long.MAX_VALUE, 2).toString());
    }

    @Test
    void clipsElementTextToItsMaximumLengthAfterEscaping() {
        assertEquals(
                "<a>&amp;bc</a>", new Utf8XmlWriter(4).element("a", "&bcdef", 3).toString());
        assertEquals(
                "<a>short</a>", new Utf8XmlWriter(4).element("a", "short", 35).toString());
        assertEquals(
                "<a>\u4E2D\u6587</a>",
                new Utf8XmlWriter(4).element("a", "\u4E2D\u6587\u5B57", 2).toString());
    }

    @Test
    void writesARangeOfTextEscaped() {
        assertEquals("&lt;b&gt;", new Utf8XmlWriter(4).text("a<b>c", 1, 4).toString());
    }
}
