package io.kapok.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.XmlLimits;
import java.nio.charset.StandardCharsets;

/**
 * One decoder of the whole message map with its reused view and verdict, and the assertions the
 * decoding tests share. One per test instance.
 */
public final class Decoding {
    public final Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
    public final MessageView view = new MessageView();
    public final DecodeVerdict verdict = new DecodeVerdict();

    /** Decodes the UTF-8 bytes of {@code xml}; true when accepted. */
    public boolean decode(String xml) {
        return decode(xml.getBytes(StandardCharsets.UTF_8));
    }

    public boolean decode(byte[] bytes) {
        return decoder.decode(bytes, 0, bytes.length, view, verdict);
    }

    /** {@code xml} is refused with {@code code} at exactly {@code path}, with a sentence. */
    public void assertRejected(String xml, RejectCode code, String path) {
        assertFalse(decode(xml), () -> "accepted:\n" + xml);
        assertEquals(code, verdict.rejectCode(), verdict::toString);
        assertEquals(path, verdict.elementPath(), verdict::toString);
        assertFalse(verdict.detail().isBlank());
    }

    /** The field was in the message with exactly this text. */
    public static void assertText(String expected, TextBuffer actual) {
        assertTrue(actual.isPresent(), () -> "expected '" + expected + "', the element was absent");
        assertEquals(expected, actual.toString());
    }
}
