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
 * <p>Open addressing with linear probing over a power-of-two table at most half full. The hash
 * reads the length and five characters (first two, middle, last two), so scanning a name needs no
 * per-character arithmetic before the compare. The table holds at
 * most {@code entriesMax} names: once full, a new name is still returned interned but not
 * remembered, so hostile input with millions of distinct names costs allocation, never unbounded
 * memory here. Not thread-safe: owned by its scanner.
 */
final class XmlSymbolTable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int mask;
    private final int entriesMax;
    private final int[] hashes;
    /** A name's characters as Latin-1 bytes (ASCII names), or null for a name beyond Latin-1. */
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
        int hash = length == 0
                ? 0
                : hash(
                        length,
                        bytes[offset],
                        bytes[offset + (length > 1 ? 1 : 0)],
                        bytes[offset + (length >> 1)],
                        bytes[offset + length - (length > 1 ? 2 : 1)],
                        bytes[offset + length - 1]);
        int slot = hash & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            byte[] key = asciiKeys[slot];
            if (hashes[slot] == hash
                    && key != null
                    && key.length == length
                    && sameBytes(key, 0, bytes, offset, length)) {
                return value;
            }
        }
        return remember(slot, hash, new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The interned String of {@code length} UTF-8 bytes at {@code offset} (cold: non-ASCII names). */
    String utf8(byte[] bytes, int offset, int length) {
        char[] chars = new String(bytes, offset, length, StandardCharsets.UTF_8).toCharArray();
        return chars(chars, 0, chars.length);
    }

    /** The interned String of {@code length} chars at {@code offset} (namespace URIs). */
    String chars(char[] chars, int offset, int length) {
        int hash = length == 0
                ? 0
                : hash(
                        length,
                        chars[offset],
                        chars[offset + (length > 1 ? 1 : 0)],
                        chars[offset + (length >> 1)],
                        chars[offset + length - (length > 1 ? 2 : 1)],
                        chars[offset + length - 1]);
        int slot = hash & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameChars(charKeys[slot], chars, offset, length)) {
                return value;
            }
        }
        return remember(slot, hash, new String(chars, offset, length));
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

    private static int hash(int length, int first, int second, int middle, int beforeLast, int last) {
        int h = length * 0x9E3779B1;
        h = (h ^ first) * 31 + second;
        h = (h ^ middle) * 31 + beforeLast;
        h = h * 31 + last;
        return h ^ (h >>> 15);
    }

    private String remember(int slot, int hash, String name) {
        String interned = name.intern();
        if (entries < entriesMax) {
            char[] chars = interned.toCharArray();
            hashes[slot] = hash;
            asciiKeys[slot] = isLatin1(chars) ? interned.getBytes(StandardCharsets.ISO_8859_1) : null;
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
