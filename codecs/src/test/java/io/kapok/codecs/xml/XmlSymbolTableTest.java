package io.kapok.codecs.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The names table behind the scanner: interned Strings, no allocation for a known name, bounded. */
class XmlSymbolTableTest {
    private static String ascii(XmlSymbolTable table, String name) {
        byte[] bytes = ("##" + name).getBytes(StandardCharsets.US_ASCII);
        return table.ascii(bytes, 2, name.length());
    }

    @Test
    void aNameIsReturnedInternedAndRememberedOnce() {
        XmlSymbolTable table = new XmlSymbolTable(16);
        assertSame("IntrBkSttlmAmt", ascii(table, "IntrBkSttlmAmt"));
        assertSame("IntrBkSttlmAmt", ascii(table, "IntrBkSttlmAmt"));
        assertEquals(1, table.size());
    }

    @Test
    void asciiUtf8AndCharKeysOfOneNameMeetInOneEntry() {
        XmlSymbolTable table = new XmlSymbolTable(16);
        String viaBytes = ascii(table, "urn:x");
        char[] chars = "urn:x".toCharArray();
        assertSame(viaBytes, table.chars(chars, 0, chars.length));
        byte[] utf8 = "élément".getBytes(StandardCharsets.UTF_8);
        assertSame("élément", table.utf8(utf8, 0, utf8.length));
        assertEquals(2, table.size());
    }

    @Test
    void aFullTableStillInternsButRemembersNoMore() {
        XmlSymbolTable table = new XmlSymbolTable(64);
        for (int i = 0; i < 10_000; i++) {
            String name = "n" + i;
            assertSame(name.intern(), ascii(table, name));
        }
        assertEquals(64, table.size());
        assertSame("n3", ascii(table, "n3"));
        assertSame("n9999", ascii(table, "n9999"));
    }
}
