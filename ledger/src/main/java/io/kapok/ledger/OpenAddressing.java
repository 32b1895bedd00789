package io.kapok.ledger;

/**
 * What the ledger's open-addressing tables share: each position one {@code long}, a key's 32-bit
 * hash in the high half and its handle + 1 in the low half (0 = empty), probed linearly from the
 * position the hash's low bits name.
 */
public final class OpenAddressing {
    private OpenAddressing() {}

    /** Murmur3's finaliser: every bit of {@code h} moves the low bits a table indexes by. */
    public static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** The longest probe sequence in {@code table} (1 = every key at its home); for tests. */
    public static int longestProbe(long[] table) {
        int mask = table.length - 1;
        int longest = 0;
        for (int i = 0; i < table.length; i++) {
            if (table[i] != 0) {
                int home = (int) (table[i] >>> 32) & mask;
                longest = Math.max(longest, ((i - home) & mask) + 1);
            }
        }
        return longest;
    }
}
