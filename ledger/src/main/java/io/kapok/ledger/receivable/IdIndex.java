package io.kapok.ledger.receivable;

import io.kapok.ledger.OpenAddressing;
import java.util.Arrays;

/**
 * Finds the handles (indexes in a pool) of the entities whose key has a given hash; the owner then
 * checks each candidate's key on the entity itself, so the index holds no key and no entry object.
 * Open addressing with linear probing: each position is one {@code long}, the key's 32-bit hash in
 * the high half and handle + 1 in the low half (0 = empty), so a probe touches one cache line and
 * reads no String until the hashes match. Keys are never removed (entities stay for the ledger's
 * life). At most half full: it doubles when it would pass that, the only time it allocates. Owned
 * by the ledger thread.
 *
 * <p>Use: {@code for (int p = index.first(hash); p >= 0; p = index.next(p, hash))} visits the
 * positions whose entry has that hash, in probe order; {@link #handleAt} names the candidate.
 */
final class IdIndex {
    private long[] entries;
    private int mask;
    private int size;

    /** @param expected keys held before the first growth, 1..2^29 */
    IdIndex(int expected) {
        if (expected < 1 || expected > 1 << 29) {
            throw new IllegalArgumentException("expected keys " + expected + " outside 1.." + (1 << 29));
        }
        allocate(Integer.highestOneBit(expected * 2 - 1) * 2); // a power of two ≥ 2 × expected
    }

    /** The hash a single id is indexed by. */
    static int hash(String id) {
        return OpenAddressing.spread(id.hashCode());
    }

    /** The hash a pair of ids (a creditor and its document number) is indexed by. */
    static int hash(String first, String second) {
        return OpenAddressing.spread(first.hashCode() * 31 + second.hashCode());
    }

    /** Keys held. */
    int size() {
        return size;
    }

    /** Removes every key; keeps the table. */
    void clear() {
        Arrays.fill(entries, 0L);
        size = 0;
    }

    /** The first position holding {@code hash}, or -1 when none does. */
    int first(int hash) {
        return scan(hash & mask, hash);
    }

    /** The next position after {@code position} holding {@code hash}, or -1 when none does. */
    int next(int position, int hash) {
        return scan((position + 1) & mask, hash);
    }

    /** The handle at a position {@link #first} or {@link #next} returned. */
    int handleAt(int position) {
        return (int) entries[position] - 1;
    }

    /** Adds a key's handle; the caller has checked that the key is absent. */
    void put(int hash, int handle) {
        if (2 * (size + 1) > entries.length) {
            grow();
        }
        insert(hash, handle);
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

    private int scan(int from, int hash) {
        long[] table = entries;
        for (int i = from; ; i = (i + 1) & mask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                return i;
            }
        }
    }

    private void insert(int hash, int handle) {
        int i = hash & mask;
        while (entries[i] != 0) {
            i = (i + 1) & mask;
        }
        entries[i] = (long) hash << 32 | (handle + 1L);
    }

    private void grow() {
        long[] old = entries;
        allocate(old.length * 2);
        for (long entry : old) {
            if (entry != 0) {
                insert((int) (entry >>> 32), (int) entry - 1);
            }
        }
    }

    private void allocate(int length) {
        entries = new long[length];
        mask = length - 1;
    }
}
