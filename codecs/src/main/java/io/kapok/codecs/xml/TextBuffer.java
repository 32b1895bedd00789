package io.kapok.codecs.xml;

import java.util.Arrays;

/**
 * A reusable, growable run of characters: the text of one decoded field, without a String per
 * message. Owned by one thread at a time; {@link #toString()} allocates and is meant for the cold
 * path (journal tooling, errors, tests).
 */
public final class TextBuffer implements CharSequence {
    private char[] chars;
    private int length;
    private boolean present;

    public TextBuffer() {
        this(32);
    }

    public TextBuffer(int initialCapacity) {
        chars = new char[initialCapacity];
    }

    /** Forgets the content and marks the field absent. */
    public void clear() {
        length = 0;
        present = false;
    }

    /** True when the field was seen in the message (possibly empty). */
    public boolean isPresent() {
        return present;
    }

    /** Replaces the content with {@code len} characters from {@code src} and marks it present. */
    public void set(char[] src, int offset, int len) {
        ensureCapacity(len);
        System.arraycopy(src, offset, chars, 0, len);
        length = len;
        present = true;
    }

    /** Replaces the content with the characters of {@code src} and marks it present. */
    public void set(CharSequence src) {
        int len = src.length();
        ensureCapacity(len);
        for (int i = 0; i < len; i++) {
            chars[i] = src.charAt(i);
        }
        length = len;
        present = true;
    }

    /** Appends characters (a text node may arrive in pieces) and marks the field present. */
    public void append(char[] src, int offset, int len) {
        ensureCapacity(length + len);
        System.arraycopy(src, offset, chars, length, len);
        length += len;
        present = true;
    }

    /** Appends {@code len} ASCII (or Latin-1) bytes from {@code src}, one char each, and marks the field present. */
    public void appendAscii(byte[] src, int offset, int len) {
        ensureCapacity(length + len);
        char[] out = chars;
        int n = length;
        for (int i = 0; i < len; i++) {
            out[n + i] = (char) (src[offset + i] & 0xFF);
        }
        length = n + len;
        present = true;
    }

    /** Marks the field present with whatever content it has (an empty element). */
    public void markPresent() {
        present = true;
    }

    /** Copies another buffer, including whether it is present. */
    public void copyFrom(TextBuffer other) {
        ensureCapacity(other.length);
        System.arraycopy(other.chars, 0, chars, 0, other.length);
        length = other.length;
        present = other.present;
    }

    /** The backing array; valid up to {@link #length()}. */
    public char[] array() {
        return chars;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new String(chars, start, end - start);
    }

    /** Content equality with any char sequence, without allocating. */
    public boolean contentEquals(CharSequence other) {
        if (other == null || other.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[i] != other.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    private void ensureCapacity(int len) {
        if (len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(len, chars.length * 2));
        }
    }
}
