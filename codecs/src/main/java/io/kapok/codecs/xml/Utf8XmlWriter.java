package io.kapok.codecs.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal streaming XML writer straight into a reusable UTF-8 byte array. Every piece of text
 * and every attribute value goes through escaping ({@code & < > " '} and control characters), so
 * no caller ever glues unescaped text into markup. Element and attribute names are trusted
 * constants of the encoders.
 *
 * <p>Not thread-safe: one writer per encoding thread; {@link #reset()} before each message.
 */
public final class Utf8XmlWriter {
    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer;
    private int length;

    public Utf8XmlWriter(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    /** Empties the buffer for the next message. */
    public Utf8XmlWriter reset() {
        length = 0;
        return this;
    }

    /** The encoded bytes, valid up to {@link #length()}. */
    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    /** A copy of the encoded bytes (cold path: tests and tools). */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    @Override
    public String toString() {
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    public Utf8XmlWriter declaration() {
        ensure(DECLARATION.length);
        System.arraycopy(DECLARATION, 0, buffer, length, DECLARATION.length);
        length += DECLARATION.length;
        return this;
    }

    /** {@code <name} : attributes may follow, then {@link #endStart()} or text via {@link #text}. */
    public Utf8XmlWriter open(String name) {
        raw('<');
        ascii(name);
        return this;
    }

    /** An attribute of the element just opened, its value escaped. */
    public Utf8XmlWriter attribute(String name, CharSequence value) {
        raw(' ');
        ascii(name);
        raw('=');
        raw('"');
        escaped(value);
        raw('"');
        return this;
    }

    /** Closes the start tag opened by {@link #open}. */
    public Utf8XmlWriter endStart() {
        raw('>');
        return this;
    }

    /** {@code <name>} */
    public Utf8XmlWriter start(String name) {
        return open(name).endStart();
    }

    /** {@code </name>} */
    public Utf8XmlWriter end(String name) {
        raw('<');
        raw('/');
        ascii(name);
        raw('>');
        return this;
    }

    /** {@code <name>escaped text</name>} */
    public Utf8XmlWriter element(String name, CharSequence text) {
        start(name);
        escaped(text);
        return end(name);
    }

    /** {@code <name>digits</name>} without a String. */
    public Utf8XmlWriter element(String name, long value) {
        start(name);
        number(value);
        return end(name);
    }

    /**
     * {@code <name>escaped text</name>} with at most {@code lengthMax} characters of {@code text}:
     * a longer text is cut, without a String, where the schema's MaxNText would refuse it.
     */
    public Utf8XmlWriter element(String name, CharSequence text, int lengthMax) {
        start(name);
        escaped(text, 0, Math.min(text.length(), lengthMax));
        return end(name);
    }

    /** Escaped characters {@code start} (inclusive) to {@code end} (exclusive) of {@code text}. */
    public Utf8XmlWriter text(CharSequence text, int start, int end) {
        escaped(text, start, end);
        return this;
    }

    /**
     * {@code unscaled} as a decimal with exactly {@code scale} digits after the point (1250000 with
     * scale 2 is {@code 12500.00}; scale 0 writes no point), sign first when negative.
     */
    public Utf8XmlWriter decimal(long unscaled, int scale) {
        if (scale == 0) {
            return number(unscaled);
        }
        if (unscaled < 0) {
            raw('-');
            if (unscaled == Long.MIN_VALUE) {
                throw new IllegalArgumentException("decimal " + unscaled + " has no positive counterpart");
            }
            unscaled = -unscaled;
        }
        long unit = 1;
        for (int i = 0; i < scale; i++) {
            unit *= 10;
        }
        number(unscaled / unit);
        raw('.');
        return paddedNumber(unscaled % unit, scale);
    }

    /** Escaped character data inside the current element. */
    public Utf8XmlWriter text(CharSequence text) {
        escaped(text);
        return this;
    }

    /** A decimal number, written digit by digit. */
    public Utf8XmlWriter number(long value) {
        if (value < 0) {
            raw('-');
            if (value == Long.MIN_VALUE) {
                ascii("9223372036854775808");
                return this;
            }
            value = -value;
        }
        ensure(20);
        int start = length;
        do {
            buffer[length++] = (byte) ('0' + (value % 10));
            value /= 10;
        } while (value != 0);
        // Digits were written least significant first: reverse them in place.
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = t;
        }
        return this;
    }

    /** {@code digits} zero-padded to {@code width}. */
    public Utf8XmlWriter paddedNumber(long value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        length += width;
        return this;
    }

    /** Markup the caller guarantees is plain ASCII and safe (names, fixed codes). */
    public Utf8XmlWriter ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    public Utf8XmlWriter raw(char c) {
        ensure(1);
        buffer[length++] = (byte) c;
        return this;
    }

    private void escaped(CharSequence s) {
        escaped(s, 0, s.length());
    }

    private void escaped(CharSequence s, int start, int end) {
        int n = end;
        ensure((end - start) * 3);
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                case '"' -> ascii("&quot;");
                case '\'' -> ascii("&apos;");
                default -> {
                    if (c < 0x20) {
                        // Only tab, LF and CR are legal XML; write them as references, drop the rest.
                        if (c == '\t' || c == '\n' || c == '\r') {
                            ascii("&#").number(c).raw(';');
                        }
                    } else if (c < 0x80) {
                        ensure(1);
                        buffer[length++] = (byte) c;
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        utf8(Character.toCodePoint(c, s.charAt(++i)));
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        // A lone surrogate cannot be encoded and U+FFFE/U+FFFF are not XML
                        // characters: replace them visibly rather than write broken XML.
                        utf8(0xFFFD);
                    } else {
                        utf8(c);
                    }
                }
            }
        }
    }

    private void utf8(int cp) {
        ensure(4);
        if (cp < 0x800) {
            buffer[length++] = (byte) (0xC0 | (cp >> 6));
            buffer[length++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            buffer[length++] = (byte) (0xE0 | (cp >> 12));
            buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            buffer[length++] = (byte) (0xF0 | (cp >> 18));
            buffer[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buffer[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buffer[length++] = (byte) (0x80 | (cp & 0x3F));
        }
    }

    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
        }
    }
}
