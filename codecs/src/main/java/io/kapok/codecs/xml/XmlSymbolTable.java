package io.kapok.codecs.xml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The names and namespace URIs a {@link Utf8XmlScanner} has seen, each kept as an interned String,
 * so that a name seen before costs a hash and a compare and no allocation, and callers may compare
 * names with {@code ==} against String literals.
 *
 * <p>Open addressing with linear probing over a power-of-two table at most half full. A name is
 * keyed by its length and two words: its first eight characters and its last eight (as Latin-1
 * bytes, little-endian, zero-padded when shorter), which together are the whole name up to 16
 * characters, so most element names are found with three compares and no loop over their bytes;
 * a longer name is also compared byte by byte. Lengths and words sit in two dense arrays, and the
 * table starts small and doubles as names arrive, so the few hundred names of a message map stay
 * in a few kilobytes of cache. It holds at most {@code entriesMax} names: once full, a new name is
 * still returned interned but not remembered, so hostile input with millions of distinct names
 * costs allocation, never unbounded memory here. Not thread-safe: owned by its scanner.
 */
final class XmlSymbolTable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Names up to this length are identified by their two key words alone. */
    private static final int WORDS_SPAN = 2 * Long.BYTES;
    /** Slots of a new table (it doubles while more than half full, up to the one for {@code entriesMax}). */
    private static final int INITIAL_CAPACITY = 256;
    /** {@link #lengths} of a free slot. */
    private static final int FREE = -2;
    /** {@link #lengths} of a name beyond Latin-1, which {@link #ascii} never finds. */
    private static final int NOT_LATIN1 = -1;

    private final int entriesMax;
    private final int capacityMax;
    private int mask;
    /** Per slot: the name's length, {@link #NOT_LATIN1}, or {@link #FREE}. */
    private int[] lengths;
    /** Per slot, two words: the first and the last eight characters as Latin-1 bytes. */
    private long[] words;

    private int[] hashes;
    /** A name's characters as Latin-1 bytes (Latin-1 names), or null for a name beyond Latin-1. */
    private byte[][] asciiKeys;

    private char[][] charKeys;
    private String[] values;
    private int entries;
    /** The hash of the name last looked up ({@link #lastHash()}). */
    private int lastHash;
    /** The slot of the name last looked up by its bytes ({@link #lastSlot()}), or -1. */
    private int lastSlot = -1;
    /** How many times the table has grown, moving its names to other slots ({@link #layout()}). */
    private int layout;

    /** @param entriesMax names remembered; the table grows to the next power of two at or above twice that */
    XmlSymbolTable(int entriesMax) {
        this.entriesMax = entriesMax;
        this.capacityMax = Integer.highestOneBit(Math.max(2, entriesMax * 2 - 1)) << 1;
        allocate(Math.min(capacityMax, INITIAL_CAPACITY));
    }

    /** The hash of the name the last {@link #ascii}, {@link #utf8} or {@link #chars} returned: {@link #hashOf} it. */
    int lastHash() {
        return lastHash;
    }

    /** The hash this table keys {@code name} by, the same whichever way the name was read. */
    static int hashOf(String name) {
        char[] chars = name.toCharArray();
        int length = chars.length;
        long first = firstWord(chars, 0, Math.min(length, Long.BYTES));
        long last = length > Long.BYTES ? firstWord(chars, length - Long.BYTES, Long.BYTES) : 0;
        return hash(length, first, last);
    }

    /**
     * The slot of the name the last {@link #ascii} or {@link #asciiShort} returned, for a caller
     * that expects the same name at the same place of its next message ({@link #startingAt}); -1
     * when it was not remembered (the table is full) or came another way.
     */
    int lastSlot() {
        return lastSlot;
    }

    /**
     * The name in {@code slot} (from {@link #lastSlot()}) when the bytes at {@code offset} (before
     * {@code limit}) begin with it, its hash becoming {@link #lastHash()}; otherwise null. Whether
     * the name ends there is the caller's to check. A slot the table has since moved holds another
     * name or none, and does not match; a caller keeping slots drops them when {@link #layout()}
     * changes.
     */
    String startingAt(byte[] bytes, int offset, int limit, int slot) {
        byte[] key = asciiKeys[slot];
        if (key == null || limit - offset < key.length || !sameBytes(key, 0, bytes, offset, key.length)) {
            return null;
        }
        lastHash = hashes[slot];
        return values[slot];
    }

    /** Changes when the table grows: a slot from {@link #lastSlot()} before then is void. */
    int layout() {
        return layout;
    }

    /** Names remembered so far (at most {@code entriesMax}). */
    int size() {
        return entries;
    }

    /** The interned String of {@code length} ASCII bytes at {@code offset}. */
    String ascii(byte[] bytes, int offset, int length) {
        long first = firstWord(bytes, offset, length);
        long last = length > Long.BYTES ? (long) LONGS.get(bytes, offset + length - Long.BYTES) : 0;
        return lookUp(bytes, offset, length, first, last);
    }

    /**
     * {@link #ascii} for a name of at most eight bytes whose bytes the caller has read already:
     * {@code word} is them, little-endian, zero-padded.
     */
    String asciiShort(byte[] bytes, int offset, int length, long word) {
        return lookUp(bytes, offset, length, word, 0);
    }

    /** The interned String of the Latin-1 name at {@code offset} with these key words. */
    private String lookUp(byte[] bytes, int offset, int length, long first, long last) {
        int hash = hash(length, first, last);
        lastHash = hash;
        int[] lengthBySlot = lengths;
        long[] wordsBySlot = words;
        int m = mask;
        for (int slot = hash & m; ; slot = (slot + 1) & m) {
            int slotLength = lengthBySlot[slot];
            if (slotLength == length
                    && wordsBySlot[slot << 1] == first
                    && wordsBySlot[(slot << 1) + 1] == last
                    && (length <= WORDS_SPAN || sameBytes(asciiKeys[slot], 0, bytes, offset, length))) {
                lastSlot = slot;
                return values[slot];
            }
            if (slotLength == FREE) {
                String name = remember(
                        slot, hash, first, last, new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
                // Remembering may have grown the table and moved every name: look the slot up again.
                lastSlot = values[slot] == name ? slot : -1;
                return name;
            }
        }
    }

    /** The interned String of {@code length} UTF-8 bytes at {@code offset} (cold: non-ASCII names). */
    String utf8(byte[] bytes, int offset, int length) {
        char[] chars = new String(bytes, offset, length, StandardCharsets.UTF_8).toCharArray();
        return chars(chars, 0, chars.length);
    }

    /** The interned String of {@code length} chars at {@code offset} (namespace URIs). */
    String chars(char[] chars, int offset, int length) {
        lastSlot = -1;
        long first = firstWord(chars, offset, Math.min(length, Long.BYTES));
        long last = length > Long.BYTES ? firstWord(chars, offset + length - Long.BYTES, Long.BYTES) : 0;
        int hash = hash(length, first, last);
        lastHash = hash;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            if (lengths[slot] == FREE) {
                return remember(slot, hash, first, last, new String(chars, offset, length));
            }
            if (hashes[slot] == hash && sameChars(charKeys[slot], chars, offset, length)) {
                return values[slot];
            }
        }
    }

    /**
     * The same {@code length} bytes at both places. Compares words: eight bytes at a time and then
     * the last eight (overlapping what was compared), or the first and last four of a shorter run.
     */
    static boolean sameBytes(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
        if (length >= Long.BYTES) {
            int last = length - Long.BYTES;
            for (int i = 0; i < last; i += Long.BYTES) {
                if ((long) LONGS.get(a, aOffset + i) != (long) LONGS.get(b, bOffset + i)) {
                    return false;
                }
            }
            return (long) LONGS.get(a, aOffset + last) == (long) LONGS.get(b, bOffset + last);
        }
        if (length >= Integer.BYTES) {
            int last = length - Integer.BYTES;
            return (int) INTS.get(a, aOffset) == (int) INTS.get(b, bOffset)
                    && (int) INTS.get(a, aOffset + last) == (int) INTS.get(b, bOffset + last);
        }
        for (int i = 0; i < length; i++) {
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
        if (entries >= entriesMax) {
            return interned;
        }
        char[] chars = interned.toCharArray();
        boolean latin1 = isLatin1(chars);
        hashes[slot] = hash;
        lengths[slot] = latin1 ? chars.length : NOT_LATIN1;
        words[slot << 1] = first;
        words[(slot << 1) + 1] = last;
        asciiKeys[slot] = latin1 ? interned.getBytes(StandardCharsets.ISO_8859_1) : null;
        charKeys[slot] = chars;
        values[slot] = interned;
        entries++;
        if (entries * 2 > mask + 1 && mask + 1 < capacityMax) {
            grow();
        }
        return interned;
    }

    private void allocate(int capacity) {
        mask = capacity - 1;
        lengths = new int[capacity];
        Arrays.fill(lengths, FREE);
        words = new long[capacity * 2];
        hashes = new int[capacity];
        asciiKeys = new byte[capacity][];
        charKeys = new char[capacity][];
        values = new String[capacity];
    }

    /** Doubles the table and places every name again. */
    private void grow() {
        int[] oldLengths = lengths;
        long[] oldWords = words;
        int[] oldHashes = hashes;
        byte[][] oldAsciiKeys = asciiKeys;
        char[][] oldCharKeys = charKeys;
        String[] oldValues = values;
        allocate(oldLengths.length * 2);
        layout++;
        for (int old = 0; old < oldLengths.length; old++) {
            if (oldLengths[old] == FREE) {
                continue;
            }
            int slot = oldHashes[old] & mask;
            while (lengths[slot] != FREE) {
                slot = (slot + 1) & mask;
            }
            lengths[slot] = oldLengths[old];
            words[slot << 1] = oldWords[old << 1];
            words[(slot << 1) + 1] = oldWords[(old << 1) + 1];
            hashes[slot] = oldHashes[old];
            asciiKeys[slot] = oldAsciiKeys[old];
            charKeys[slot] = oldCharKeys[old];
            values[slot] = oldValues[old];
        }
    }

    private static boolean isLatin1(char[] chars) {
        for (char c : chars) {
            if (c > 0xFF) {
                return false;
            }
        }
        return true;
    }

    /** The JDK's range compare is an intrinsic that compares many chars per instruction (namespace URIs run to 50). */
    private static boolean sameChars(char[] key, char[] chars, int offset, int length) {
        return key.length == length && Arrays.equals(key, 0, length, chars, offset, offset + length);
    }
}
