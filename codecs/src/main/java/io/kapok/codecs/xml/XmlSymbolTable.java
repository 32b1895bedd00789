package io.kapok.codecs.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The names and namespace URIs a {@link Utf8XmlScanner} has seen, each kept as an interned String,
 * so that a name seen before costs a hash and a compare and no allocation, and callers may compare
 * names with {@code ==} against String literals.
 *
 * <p>Open addressing with linear probing over a power-of-two table at most half full. A name is
 * keyed by its length and two words: its first eight characters and its last eight (as Latin-1
 * bytes, little-endian, zero-padded when shorter), which together are the whole name up to 16
 * characters, so most element names are found with three compares and no loop over their bytes;
 * a longer name is also compared byte by byte. The table holds at most {@code entriesMax} names:
 * once full, a new name is still returned interned but not remembered, so hostile input with
 * millions of distinct names costs allocation, never unbounded memory here. Not thread-safe: owned
 * by its scanner.
 */
final class XmlSymbolTable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Names up to this length are identified by their two key words alone. */
    private static final int WORDS_SPAN = 2 * Long.BYTES;

    private final int mask;
    private final int entriesMax;
    private final int[] hashes;
    /** A name's length, or -1 for a name beyond Latin-1 (never found by {@link #ascii}). */
    private final int[] latin1Lengths;

    private final long[] firstWords;
    private final long[] lastWords;
    /** A name's characters as Latin-1 bytes (Latin-1 names), or null for a name beyond Latin-1. */
    private final byte[][] asciiKeys;

    private final char[][] charKeys;
    private final String[] values;
    private int entries;

    /** @param entriesMax names remembered; the table has the next power of two at or above twice that */
    XmlSymbolTable(int entriesMax) {
        int capacity = Integer.highestOneBit(Math.max(2, entriesMax * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.entriesMax = entriesMax;
        this.hashes = new int[capacity];
        this.latin1Lengths = new int[capacity];
        this.firstWords = new long[capacity];
        this.lastWords = new long[capacity];
        this.asciiKeys = new byte[capacity][];
        this.charKeys = new char[capacity][];
        this.values = new String[capacity];
    }

    /** Names remembered so far (at most {@code entriesMax}). */
    int size() {
        return entries;
    }

    /** The interned String of {@code length} ASCII bytes at {@code offset}. */
    String ascii(byte[] bytes, int offset, int length) {
        long first = firstWord(bytes, offset, length);
        long last = length > Long.BYTES ? (long) LONGS.get(bytes, offset + length - Long.BYTES) : 0;
        int hash = hash(length, first, last);
        int slot = hash & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            if (latin1Lengths[slot] == length
                    && firstWords[slot] == first
                    && lastWords[slot] == last
                    && (length <= WORDS_SPAN || sameBytes(asciiKeys[slot], 0, bytes, offset, length))) {
                return value;
            }
        }
        return remember(slot, hash, first, last, new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The interned String of {@code length} UTF-8 bytes at {@code offset} (cold: non-ASCII names). */
    String utf8(byte[] bytes, int offset, int length) {
        char[] chars = new String(bytes, offset, length, StandardCharsets.UTF_8).toCharArray();
        return chars(chars, 0, chars.length);
    }

    /** The interned String of {@code length} chars at {@code offset} (namespace URIs). */
    String chars(char[] chars, int offset, int length) {
        long first = firstWord(chars, offset, Math.min(length, Long.BYTES));
        long last = length > Long.BYTES ? firstWord(chars, offset + length - Long.BYTES, Long.BYTES) : 0;
        int hash = hash(length, first, last);
        int slot = hash & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameChars(charKeys[slot], chars, offset, length)) {
                return value;
            }
        }
        return remember(slot, hash, first, last, new String(chars, offset, length));
    }

    /** The same {@code length} bytes at both places; compares eight bytes at a time where it can. */
    static boolean sameBytes(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        int i = 0;
        for (; i <= length - Long.BYTES; i += Long.BYTES) {
            if ((long) LONGS.get(a, aOffset + i) != (long) LONGS.get(b, bOffset + i)) {
                return false;
            }
        }
        if (i <= length - Integer.BYTES) {
            if ((int) INTS.get(a, aOffset + i) != (int) INTS.get(b, bOffset + i)) {
                return false;
            }
            i += Integer.BYTES;
        }
        for (; i < length; i++) {
            if (a[aOffset + i] != b[bOffset + i]) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code min(length, 8)} bytes at {@code offset}, little-endian, zero-padded. */
    private static long firstWord(byte[] bytes, int offset, int length) {
        if (length >= Long.BYTES) {
            return (long) LONGS.get(bytes, offset);
        }
        if (offset + Long.BYTES <= bytes.length) {
            // The bytes past the name are in the array: read one word and keep the name's part.
            return (long) LONGS.get(bytes, offset) & ((1L << (length << 3)) - 1);
        }
        long word = 0;
        for (int i = 0; i < length; i++) {
            word |= (bytes[offset + i] & 0xFFL) << (i << 3);
        }
        return word;
    }

    /** The first {@code count} (at most 8) chars at {@code offset} as Latin-1 bytes, little-endian, zero-padded. */
    private static long firstWord(char[] chars, int offset, int count) {
        long word = 0;
        for (int i = 0; i < count; i++) {
            word |= (chars[offset + i] & 0xFFL) << (i << 3);
        }
        return word;
    }

    private static int hash(int length, long first, long last) {
        long h = first * 0x9E3779B97F4A7C15L + last * 0xC2B2AE3D27D4EB4FL + length;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32));
    }

    private String remember(int slot, int hash, long first, long last, String name) {
        String interned = name.intern();
        if (entries < entriesMax) {
            char[] chars = interned.toCharArray();
            boolean latin1 = isLatin1(chars);
            hashes[slot] = hash;
            latin1Lengths[slot] = latin1 ? chars.length : -1;
            firstWords[slot] = first;
            lastWords[slot] = last;
            asciiKeys[slot] = latin1 ? interned.getBytes(StandardCharsets.ISO_8859_1) : null;
            charKeys[slot] = chars;
            values[slot] = interned;
            entries++;
        }
        return interned;
    }

    private static boolean isLatin1(char[] chars) {
        for (char c : chars) {
            if (c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameChars(char[] key, char[] chars, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
