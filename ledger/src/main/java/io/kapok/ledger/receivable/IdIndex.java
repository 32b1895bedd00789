package io.kapok.ledger.receivable;

import io.kapok.ledger.OpenAddressing;
import java.util.Arrays;

/**
 * Finds an entity's handle (its index in a pool) by its key: one id, or a pair of ids (a creditor
 * and its document number). Open addressing with linear probing, no boxed key, no entry object:
 * each table position is one {@code long} (the key's 32-bit hash in the high half, handle + 1 in
 * the low half, 0 = empty), and the key's Strings sit at the same position in two parallel arrays,
 * read only when the hashes match, so a probe that misses touches one cache line. Keys are never
 * removed (entities stay for the ledger's life). At most half full: it doubles when it would pass
 * that, the only time it allocates. Owned by the ledger thread.
 */
final class IdIndex {
    private long[] entries;
    private String[] firsts;
    private String[] seconds;
    private int mask;
    private int size;

    /** @param expected keys held before the first growth, &gt; 0 */
    IdIndex(int expected) {
        allocate(tableLength(expected));
    }

    /** Keys held. */
    int size() {
        return size;
    }

    /** Removes every key; keeps the tables. */
    void clear() {
        Arrays.fill(entries, 0L);
        Arrays.fill(firsts, null);
        Arrays.fill(seconds, null);
        size = 0;
    }

    /** The handle of the single id {@code id}, or -1. */
    int find(String id) {
        return find(id, null);
    }

    /** The handle of the pair ({@code first}, {@code second}); {@code second} null for a single id; -1 when absent. */
    int find(String first, String second) {
        int hash = hash(first, second);
        long[] table = entries;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && first.equals(firsts[i]) && sameSecond(second, seconds[i])) {
                return (int) entry - 1;
            }
        }
    }

    /** Adds a single id; the caller has checked that it is absent. */
    void put(String id, int handle) {
        put(id, null, handle);
    }

    /** Adds a key; the caller has checked that it is absent. */
    void put(String first, String second, int handle) {
        if (2 * (size + 1) > entries.length) {
            grow();
        }
        insert(hash(first, second), first, second, handle);
        size++;
    }

    /** For tests: the longest probe sequence (1 = every key at its home). */
    int longestProbe() {
        return OpenAddressing.longestProbe(entries);
    }

    /** For tests: positions in the table. */
    int tableLength() {
        return entries.length;
    }

    private void insert(int hash, String first, String second, int handle) {
        int i = hash & mask;
        while (entries[i] != 0) {
            i = (i + 1) & mask;
        }
        entries[i] = (long) hash << 32 | (handle + 1L);
        firsts[i] = first;
        seconds[i] = second;
    }

    private void grow() {
        long[] oldEntries = entries;
        String[] oldFirsts = firsts;
        String[] oldSeconds = seconds;
        allocate(oldEntries.length * 2);
        for (int i = 0; i < oldEntries.length; i++) {
            long entry = oldEntries[i];
            if (entry != 0) {
                insert((int) (entry >>> 32), oldFirsts[i], oldSeconds[i], (int) entry - 1);
            }
        }
    }

    private void allocate(int length) {
        entries = new long[length];
        firsts = new String[length];
        seconds = new String[length];
        mask = length - 1;
    }

    /** A power of two at least twice {@code expected}. */
    private static int tableLength(int expected) {
        if (expected < 1 || expected > 1 << 29) {
            throw new IllegalArgumentException("expected keys " + expected + " outside 1.." + (1 << 29));
        }
        return Integer.highestOneBit(expected * 2 - 1) * 2;
    }

    private static boolean sameSecond(String wanted, String held) {
        return wanted == null ? held == null : wanted.equals(held);
    }

    private static int hash(String first, String second) {
        return OpenAddressing.spread(first.hashCode() * 31 + (second == null ? 0 : second.hashCode()));
    }
}
