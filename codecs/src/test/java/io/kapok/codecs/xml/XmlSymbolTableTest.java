package io.kapok.codecs.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void longNamesThatDifferOnlyInTheMiddleAreToldApart() {
        XmlSymbolTable table = new XmlSymbolTable(16);
        assertSame("FIToFICstmrCdtTrf", ascii(table, "FIToFICstmrCdtTrf"));
        assertSame("FIToFICstmrXdtTrf", ascii(table, "FIToFICstmrXdtTrf"));
        assertSame("AbcdefghIJKLmnopqrstuvwx", ascii(table, "AbcdefghIJKLmnopqrstuvwx"));
        assertSame("AbcdefghIJKMmnopqrstuvwx", ascii(table, "AbcdefghIJKMmnopqrstuvwx"));
        assertEquals(4, table.size());
        assertSame("FIToFICstmrCdtTrf", ascii(table, "FIToFICstmrCdtTrf"));
        assertEquals(4, table.size());
    }

    @Test
    void namesOfEveryLengthUpToFortyAreFoundAgainAndNotConfusedWithTheirPrefixes() {
        XmlSymbolTable table = new XmlSymbolTable(128);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
        for (int length = 1; length <= 40; length++) {
            assertSame(alphabet.substring(0, length).intern(), ascii(table, alphabet.substring(0, length)));
        }
        for (int length = 1; length <= 40; length++) {
            // At the end of its array, so that no bytes follow the name.
            byte[] bytes = alphabet.substring(0, length).getBytes(StandardCharsets.US_ASCII);
            assertSame(alphabet.substring(0, length).intern(), table.ascii(bytes, 0, length));
        }
        assertEquals(40, table.size());
    }

    @Test
    void aNameBeyondLatin1IsNotFoundByTheAsciiNameWithItsLowBytes() {
        XmlSymbolTable table = new XmlSymbolTable(16);
        char[] polish = "\u0141".toCharArray(); // low byte 0x41, as 'A'
        assertSame("\u0141", table.chars(polish, 0, polish.length));
        assertSame("A", ascii(table, "A"));
        assertEquals(2, table.size());
    }

    @Test
    void sameBytesFindsADifferenceAtAnyPlaceOfAnyLength() {
        for (int length = 0; length <= 40; length++) {
            byte[] a = new byte[length + 3];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) ('a' + i % 26);
            }
            byte[] b = new byte[length + 1];
            System.arraycopy(a, 3, b, 1, length);
            assertTrue(XmlSymbolTable.sameBytes(a, 3, b, 1, length), "length " + length);
            for (int at = 0; at < length; at++) {
                b[1 + at] ^= 0x20;
                assertFalse(XmlSymbolTable.sameBytes(a, 3, b, 1, length), "length " + length + ", difference at " + at);
                b[1 + at] ^= 0x20;
            }
        }
    }
}
