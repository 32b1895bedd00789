package io.kapok.ledger.payment;

import io.kapok.ledger.LedgerRejection;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The payments the ledger decided within its retention window, found by (sender, MsgId) and by
 * UETR, so that a retry gets the original answer and a reuse of either id is refused. Owned by the
 * ledger thread; allocates nothing once it has grown to its working size.
 *
 * <p><b>Window.</b> Decisions are kept in journal order in a ring. A decision whose receive time is
 * at least {@link #retentionMs()} older than the command being applied is forgotten, oldest (in
 * journal order) first: {@link #forget} stops at the first decision still inside the window, so a
 * decision received out of time order waits for the ones journaled before it. Time comes from the
 * journaled commands only, so a replay forgets exactly the same decisions. At most {@link
 * #capacity()} decisions are kept; when the window holds that many, the caller refuses the payment
 * ({@link LedgerRejection#PAYMENT_WINDOW_FULL}) rather than grow without bound.
 *
 * <p><b>Layout.</b> The ring is a set of parallel arrays (no object per decision). Two
 * open-addressing tables with linear probing, one per key, map a key to its ring slot. Each table
 * entry is one {@code long}: the key's 32-bit hash in the high half (compared before any String is
 * read, so a probe that misses touches one cache line) and ring slot + 1 in the low half (0 =
 * empty). Tables are at most half full; removal shifts the following entries back (no tombstones).
 * The ring and the tables start small and double up to {@link #capacity()}; that growth is the only
 * allocation.
 */
public final class DecidedPayments {
    /** Largest capacity: 2^26 decisions (the tables stay within an int-indexed array). */
    public static final int CAPACITY_MAX = 1 << 26;

    /** Initial ring length. */
    static final int INITIAL_SLOTS = 1024;

    private final int capacity;
    private final long retentionMs;

    // The ring, in journal order: decision i (0 = oldest) is at (head + i) % slots.
    private String[] senderIds;
    private String[] messageIds;
    private String[] uetrs;
    private long[] sequences;
    private long[] timesMs;
    private long[] fingerprints;
    private LedgerRejection[] rejections;
    private int[] messageHashes;
    private int[] uetrHashes;
    private int head;
    private int size;

    private long[] byMessage;
    private long[] byUetr;
    private int tableMask;

    /**
     * @param capacity    most decisions kept at once, 1..{@link #CAPACITY_MAX}
     * @param retentionMs how long a decision is kept, milliseconds of journaled receive time, &gt; 0
     */
    public DecidedPayments(int capacity, long retentionMs) {
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            throw new IllegalArgumentException("payment dedupe capacity " + capacity + " outside 1.." + CAPACITY_MAX);
        }
        if (retentionMs <= 0) {
            throw new IllegalArgumentException("payment retention must be positive: " + retentionMs + " ms");
        }
        this.capacity = capacity;
        this.retentionMs = retentionMs;
        allocate(Math.min(capacity, INITIAL_SLOTS));
    }

    public int capacity() {
        return capacity;
    }

    public long retentionMs() {
        return retentionMs;
    }

    /** Decisions kept now. */
    public int size() {
        return size;
    }

    /** True when no decision can be added until one is forgotten. */
    public boolean full() {
        return size == capacity;
    }

    /**
     * Forgets, oldest first, every decision received at or before {@code nowMs - retentionMs},
     * stopping at the first one still inside the window.
     *
     * @return how many were forgotten
     */
    public int forget(long nowMs) {
        long oldestKeptMs = nowMs - retentionMs;
        int forgotten = 0;
        while (size > 0 && timesMs[head] <= oldestKeptMs) {
            int slot = head;
            remove(byMessage, messageHashes[slot], slot);
            remove(byUetr, uetrHashes[slot], slot);
            senderIds[slot] = null;
            messageIds[slot] = null;
            uetrs[slot] = null;
            rejections[slot] = null;
            head = next(slot);
            size--;
            forgotten++;
        }
        return forgotten;
    }

    /** The ring slot of the decision on (sender, MsgId), or -1. */
    public int findByMessage(String senderId, String messageId) {
        int hash = messageHash(senderId, messageId);
        long[] table = byMessage;
        for (int i = hash & tableMask; ; i = (i + 1) & tableMask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash
                    && messageIds[slot].equals(messageId)
                    && senderIds[slot].equals(senderId)) {
                return slot;
            }
        }
    }

    /** The ring slot of the decision on this UETR, or -1. */
    public int findByUetr(String uetr) {
        int hash = uetrHash(uetr);
        long[] table = byUetr;
        for (int i = hash & tableMask; ; i = (i + 1) & tableMask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && uetrs[slot].equals(uetr)) {
                return slot;
            }
        }
    }

    /**
     * Remembers a decision. The caller has checked that neither key is kept and that the window is
     * not {@link #full()}.
     *
     * @param rejection null when the payment was applied
     */
    public void remember(
            String senderId,
            String messageId,
            String uetr,
            long sequence,
            long timeMs,
            LedgerRejection rejection,
            long fingerprint) {
        if (size == capacity) {
            throw new IllegalStateException("payment window is full: " + capacity + " decisions");
        }
        if (size == sequences.length) {
            grow();
        }
        int slot = (head + size) % sequences.length;
        senderIds[slot] = senderId;
        messageIds[slot] = messageId;
        uetrs[slot] = uetr;
        sequences[slot] = sequence;
        timesMs[slot] = timeMs;
        fingerprints[slot] = fingerprint;
        rejections[slot] = rejection;
        messageHashes[slot] = messageHash(senderId, messageId);
        uetrHashes[slot] = uetrHash(uetr);
        insert(byMessage, messageHashes[slot], slot);
        insert(byUetr, uetrHashes[slot], slot);
        size++;
    }

    public long sequenceAt(int slot) {
        return sequences[slot];
    }

    public long timeMsAt(int slot) {
        return timesMs[slot];
    }

    /** Null when the payment was applied. */
    public LedgerRejection rejectionAt(int slot) {
        return rejections[slot];
    }

    public long fingerprintAt(int slot) {
        return fingerprints[slot];
    }

    /**
     * Writes the window: capacity int32 · retentionMs int64 · count int32 · { senderId · messageId ·
     * uetr · sequence int64 · timeMs int64 · rejection int32 (0 = applied) · fingerprint int64 },
     * oldest first.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeLong(retentionMs);
        out.writeInt(size);
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            out.writeUTF(senderIds[slot]);
            out.writeUTF(messageIds[slot]);
            out.writeUTF(uetrs[slot]);
            out.writeLong(sequences[slot]);
            out.writeLong(timesMs[slot]);
            out.writeInt(rejections[slot] == null ? 0 : rejections[slot].number());
            out.writeLong(fingerprints[slot]);
        }
    }

    /** Reads what {@link #write} wrote. */
    public static DecidedPayments read(DataInput in) throws IOException {
        DecidedPayments d = new DecidedPayments(in.readInt(), in.readLong());
        for (int i = 0, n = in.readInt(); i < n; i++) {
            String senderId = in.readUTF();
            String messageId = in.readUTF();
            String uetr = in.readUTF();
            long sequence = in.readLong();
            long timeMs = in.readLong();
            int rejection = in.readInt();
            long fingerprint = in.readLong();
            d.remember(
                    senderId,
                    messageId,
                    uetr,
                    sequence,
                    timeMs,
                    rejection == 0 ? null : LedgerRejection.ofNumber(rejection),
                    fingerprint);
        }
        return d;
    }

    // ---------------------------------------------------------------- internals

    private int next(int slot) {
        return slot + 1 == sequences.length ? 0 : slot + 1;
    }

    private void insert(long[] table, int hash, int slot) {
        int i = hash & tableMask;
        while (table[i] != 0) {
            i = (i + 1) & tableMask;
        }
        table[i] = entry(hash, slot);
    }

    /** Removes the entry for {@code slot} and shifts back the entries probing past it. */
    private void remove(long[] table, int hash, int slot) {
        long wanted = entry(hash, slot);
        int i = hash & tableMask;
        while (table[i] != wanted) {
            i = (i + 1) & tableMask;
        }
        int gap = i;
        for (int j = (gap + 1) & tableMask; table[j] != 0; j = (j + 1) & tableMask) {
            int home = (int) (table[j] >>> 32) & tableMask;
            // The entry at j may move to the gap unless its home lies cyclically in (gap, j].
            boolean homeInRange = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeInRange) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = 0;
    }

    private static long entry(int hash, int slot) {
        return ((long) hash << 32) | (slot + 1L);
    }

    private void grow() {
        int length = sequences.length;
        int grown = (int) Math.min(capacity, 2L * length);
        String[] oldSenders = senderIds;
        String[] oldMessages = messageIds;
        String[] oldUetrs = uetrs;
        long[] oldSequences = sequences;
        long[] oldTimes = timesMs;
        long[] oldFingerprints = fingerprints;
        LedgerRejection[] oldRejections = rejections;
        int oldHead = head;
        int count = size;
        allocate(grown);
        for (int i = 0, slot = oldHead; i < count; i++, slot = slot + 1 == length ? 0 : slot + 1) {
            remember(
                    oldSenders[slot],
                    oldMessages[slot],
                    oldUetrs[slot],
                    oldSequences[slot],
                    oldTimes[slot],
                    oldRejections[slot],
                    oldFingerprints[slot]);
        }
    }

    private void allocate(int slots) {
        senderIds = new String[slots];
        messageIds = new String[slots];
        uetrs = new String[slots];
        sequences = new long[slots];
        timesMs = new long[slots];
        fingerprints = new long[slots];
        rejections = new LedgerRejection[slots];
        messageHashes = new int[slots];
        uetrHashes = new int[slots];
        head = 0;
        size = 0;
        int tableLength = Integer.highestOneBit(Math.max(2, slots) * 2 - 1) * 2; // ≥ 2 × slots, a power of two
        byMessage = new long[tableLength];
        byUetr = new long[tableLength];
        tableMask = tableLength - 1;
    }

    private static int messageHash(String senderId, String messageId) {
        return spread(senderId.hashCode() * 31 + messageId.hashCode());
    }

    private static int uetrHash(String uetr) {
        return spread(uetr.hashCode());
    }

    /** Murmur3's finaliser: every input bit moves the low bits the tables index by. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** For tests: the longest probe sequence in either table (1 = every key at its home). */
    int longestProbe() {
        int longest = 0;
        for (long[] table : new long[][] {byMessage, byUetr}) {
            for (int i = 0; i < table.length; i++) {
                if (table[i] != 0) {
                    int home = (int) (table[i] >>> 32) & tableMask;
                    longest = Math.max(longest, ((i - home) & tableMask) + 1);
                }
            }
        }
        return longest;
    }

    /** Unused ring slots never hold a reference, so forgotten Strings can be collected. */
    boolean clearsForgottenSlots() {
        for (int i = 0, slot = (head + size) % sequences.length; i < sequences.length - size; i++, slot = next(slot)) {
            if (senderIds[slot] != null || uetrs[slot] != null || rejections[slot] != null) {
                return false;
            }
        }
        return Arrays.stream(byMessage).filter(e -> e != 0).count() == size
                && Arrays.stream(byUetr).filter(e -> e != 0).count() == size;
    }
}
