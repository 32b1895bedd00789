package io.kapok.codecs.xml;

import java.nio.charset.StandardCharsets;

/**
 * The names and namespace URIs a {@link Utf8XmlScanner} has seen, each kept as an interned String,
 * so that a name seen before costs a hash and a compare and no allocation, and callers may compare
 * names with {@code ==} against String literals.
 *
 * <p>Open addressing with linear probing over a power-of-two table at most half full. The table
 * holds at most {@code entriesMax} names: once full, a new name is still returned interned but not
 * remembered, so hostile input with millions of distinct names costs allocation, never unbounded
 * memory here. Not thread-safe: owned by its scanner.
 */
final class XmlSymbolTable {
    private final int mask;
    private final int entriesMax;
    private final int[] hashes;
    private final char[][] keys;
    private final String[] values;
    private int entries;

    /** @param entriesMax names remembered; the table has the next power of two at or above twice that */
    XmlSymbolTable(int entriesMax) {
        int capacity = Integer.highestOneBit(Math.max(2, entriesMax * 2 - 1)) << 1;
        this.mask = capacity - 1;
        this.entriesMax = entriesMax;
        this.hashes = new int[capacity];
        this.keys = new char[capacity][];
        this.values = new String[capacity];
    }

    /** Names remembered so far (at most {@code entriesMax}). */
    int size() {
        return entries;
    }

    /**
     * The interned String of {@code length} ASCII bytes at {@code offset}, whose {@link
     * String#hashCode()} the caller computed while scanning them.
     */
    String ascii(byte[] bytes, int offset, int length, int hash) {
        int slot = spread(hash) & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameAscii(keys[slot], bytes, offset, length)) {
                return value;
            }
        }
        return remember(slot, hash, new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The interned String of {@code length} UTF-8 bytes at {@code offset} (cold: non-ASCII names). */
    String utf8(byte[] bytes, int offset, int length) {
        String name = new String(bytes, offset, length, StandardCharsets.UTF_8);
        char[] chars = name.toCharArray();
        return chars(chars, 0, chars.length);
    }

    /** The interned String of {@code length} chars at {@code offset} (namespace URIs). */
    String chars(char[] chars, int offset, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        int slot = spread(hash) & mask;
        for (String value; (value = values[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameChars(keys[slot], chars, offset, length)) {
                return value;
            }
        }
        return remember(slot, hash, new String(chars, offset, length));
    }

    private String remember(int slot, int hash, String name) {
        String interned = name.intern();
        if (entries < entriesMax) {
            hashes[slot] = hash;
            keys[slot] = interned.toCharArray();
            values[slot] = interned;
            entries++;
        }
        return interned;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static boolean sameAscii(char[] key, byte[] bytes, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != bytes[offset + i]) {
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
