package io.kapok.codecs.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextBufferTest {
    @Test
    void startsAbsentAndEmpty() {
        TextBuffer buffer = new TextBuffer();
        assertFalse(buffer.isPresent());
        assertEquals(0, buffer.length());
        assertEquals("", buffer.toString());
    }

    @Test
    void marksAnEmptyElementPresent() {
        TextBuffer buffer = new TextBuffer();
        buffer.markPresent();
        assertTrue(buffer.isPresent());
        assertEquals(0, buffer.length());
    }

    @Test
    void appendsPiecesOfTextAndGrows() {
        TextBuffer buffer = new TextBuffer(2);
        char[] piece = "abcdefgh".toCharArray();
        for (int i = 0; i < 100; i++) {
            buffer.append(piece, 2, 3);
        }
        assertEquals("cde".repeat(100), buffer.toString());
        assertTrue(buffer.isPresent());
    }

    @Test
    void appendsAsciiBytesOneCharEachAfterWhatItHoldsAndGrows() {
        TextBuffer buffer = new TextBuffer(2);
        buffer.set("x");
        byte[] piece = "##CNY 1250000.00##".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < 20; i++) {
            buffer.appendAscii(piece, 2, 14);
        }
        assertEquals("x" + "CNY 1250000.00".repeat(20), buffer.toString());
        assertTrue(buffer.isPresent());
    }

    @Test
    void setReplacesAndClearForgets() {
        TextBuffer buffer = new TextBuffer(1);
        buffer.set("PRBKCNGZXXX");
        buffer.set("CNY");
        assertEquals("CNY", buffer.toString());
        buffer.set("xxCNYxx".toCharArray(), 2, 3);
        assertTrue(buffer.contentEquals("CNY"));
        buffer.clear();
        assertFalse(buffer.isPresent());
        assertEquals(0, buffer.length());
        assertFalse(buffer.contentEquals("CNY"));
        assertTrue(buffer.contentEquals(""));
    }

    @Test
    void comparesContentWithoutAllocating() {
        TextBuffer buffer = new TextBuffer();
        buffer.set("SHAR");
        assertTrue(buffer.contentEquals("SHAR"));
        assertTrue(buffer.contentEquals(new StringBuilder("SHAR")));
        assertFalse(buffer.contentEquals("SHA"));
        assertFalse(buffer.contentEquals("SHARE"));
        assertFalse(buffer.contentEquals("shar"));
        assertFalse(buffer.contentEquals(null));
    }

    @Test
    void copiesContentAndPresence() {
        TextBuffer source = new TextBuffer();
        source.set("x".repeat(100));
        TextBuffer copy = new TextBuffer(1);
        copy.copyFrom(source);
        assertEquals(source.toString(), copy.toString());
        assertTrue(copy.isPresent());
        copy.copyFrom(new TextBuffer());
        assertFalse(copy.isPresent());
        assertEquals(0, copy.length());
    }

    @Test
    void behavesAsACharSequence() {
        TextBuffer buffer = new TextBuffer();
        buffer.set("pacs.008.001.08");
        assertEquals('p', buffer.charAt(0));
        assertEquals("008", buffer.subSequence(5, 8).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.charAt(15));
    }
}
