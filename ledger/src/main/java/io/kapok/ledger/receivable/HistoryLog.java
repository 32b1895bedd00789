package io.kapok.ledger.receivable;

import java.util.Arrays;

/**
 * What happened to every receivable, in one append-only log rather than an array per receivable:
 * each change is a {@code long} ({@code sequence << 8 | change code}) with the index of the same
 * receivable's next change beside it (-1 for its latest), so a receivable's history is a chain from
 * its first change to its last, in journal order. Appending writes two array slots and allocates
 * nothing until the log doubles, which happens only when it outgrows the size it was made for.
 * Owned by the ledger thread.
 */
final class HistoryLog {
    private long[] changes;
    private int[] nexts;
    private int size;

    /** @param expected changes held before the first growth, &gt; 0 */
    HistoryLog(int expected) {
        changes = new long[expected];
        nexts = new int[expected];
    }

    /**
     * Appends a change after {@code previous} (the receivable's latest change, or -1 for its first).
     *
     * @return the new change's index
     */
    int append(int previous, long sequence, ReceivableChange change) {
        if (size == changes.length) {
            changes = Arrays.copyOf(changes, size * 2);
            nexts = Arrays.copyOf(nexts, size * 2);
        }
        int index = size++;
        changes[index] = sequence << 8 | change.code();
        nexts[index] = -1;
        if (previous >= 0) {
            nexts[previous] = index;
        }
        return index;
    }

    /** Journal sequence of the command that made the change at {@code index}. */
    long sequenceAt(int index) {
        return changes[index] >>> 8;
    }

    ReceivableChange changeAt(int index) {
        return ReceivableChange.ofCode((int) (changes[index] & 0xFF));
    }

    /** The change as stored: {@code sequence << 8 | change code}. */
    long packedAt(int index) {
        return changes[index];
    }

    /** Index of the same receivable's next change, or -1 after its latest. */
    int nextAt(int index) {
        return nexts[index];
    }

    /** Appends a change as {@link #packedAt} gave it (for a snapshot being read). */
    int appendPacked(int previous, long packed) {
        return append(previous, packed >>> 8, ReceivableChange.ofCode((int) (packed & 0xFF)));
    }

    /** Changes held. */
    int size() {
        return size;
    }

    /** Forgets every change; keeps the arrays. */
    void clear() {
        size = 0;
    }
}
