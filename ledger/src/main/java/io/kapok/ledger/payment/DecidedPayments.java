package io.kapok.ledger.payment;

import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.Snapshots;
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
 *
 * <p><b>What is kept.</b> Every decided {@link PaymentMessage}: transfers (pacs.008), returns
 * (pacs.004), recalls (camt.056) and resolutions (camt.029) alike, keyed by (sender, message id);
 * only a transfer also claims its UETR. A transfer that settled also keeps what a return or recall of
 * it needs: debit and credit party, currency, amount, the amount returned so far (never above the
 * amount), and its recall, if one is open (its id). So a transfer can be returned or recalled exactly
 * as long as it is remembered: within the retention window.
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
    // What a settled transfer's returns and recalls need; null / 0 in every other slot.
    private String[] debitPartyIds;
    private String[] creditPartyIds;
    private int[] currencies;
    private long[] amountsMinor;
    private long[] returnedMinor;
    /** Id of the open recall, or null when none is open. */
    private String[] openRecallIds;

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
            if (uetrs[slot] != null) {
                remove(byUetr, uetrHashes[slot], slot);
            }
            senderIds[slot] = null;
            messageIds[slot] = null;
            uetrs[slot] = null;
            rejections[slot] = null;
            debitPartyIds[slot] = null;
            creditPartyIds[slot] = null;
            currencies[slot] = 0;
            amountsMinor[slot] = 0;
            returnedMinor[slot] = 0;
            openRecallIds[slot] = null;
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
     * @param uetr      the UETR the message claims (a transfer's), or null
     * @param rejection null when the message was applied
     * @return the decision's ring slot, valid until the next call that remembers
     */
    public int remember(
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
        insert(byMessage, messageHashes[slot], slot);
        if (uetr != null) {
            uetrHashes[slot] = uetrHash(uetr);
            insert(byUetr, uetrHashes[slot], slot);
        }
        size++;
        return slot;
    }

    /**
     * Remembers a transfer that settled, with what its returns and recalls need. Same preconditions
     * as {@link #remember}.
     *
     * @return the decision's ring slot, valid until the next call that remembers
     */
    public int rememberSettled(
            String senderId,
            String messageId,
            String uetr,
            long sequence,
            long timeMs,
            long fingerprint,
            String debitPartyId,
            String creditPartyId,
            int currency,
            long amountMinor) {
        int slot = remember(senderId, messageId, uetr, sequence, timeMs, null, fingerprint);
        debitPartyIds[slot] = debitPartyId;
        creditPartyIds[slot] = creditPartyId;
        currencies[slot] = currency;
        amountsMinor[slot] = amountMinor;
        return slot;
    }

    /**
     * The ring slot of the settled transfer with this UETR, or -1 when the UETR names none in the
     * window (unknown, forgotten, or a transfer that was refused).
     */
    public int findSettled(String uetr) {
        int slot = findByUetr(uetr);
        return slot >= 0 && debitPartyIds[slot] != null ? slot : -1;
    }

    /** The settled transfer's debited party (its debtor's bank); null for any other slot. */
    public String debitPartyIdAt(int slot) {
        return debitPartyIds[slot];
    }

    /** The settled transfer's credited party; null for any other slot. */
    public String creditPartyIdAt(int slot) {
        return creditPartyIds[slot];
    }

    /** The UETR the decision claims (a transfer's), or null. */
    public String uetrAt(int slot) {
        return uetrs[slot];
    }

    /** The decision's (sender, message id) message id. */
    public String messageIdAt(int slot) {
        return messageIds[slot];
    }

    /** The settled transfer's packed currency. */
    public int currencyAt(int slot) {
        return currencies[slot];
    }

    /** The settled transfer's amount, minor units. */
    public long amountMinorAt(int slot) {
        return amountsMinor[slot];
    }

    /** How much of the settled transfer has been returned, minor units, 0..{@link #amountMinorAt}. */
    public long returnedMinorAt(int slot) {
        return returnedMinor[slot];
    }

    /** Records {@code amountMinor} more returned; the caller has checked it stays within the amount. */
    public void addReturned(int slot, long amountMinor) {
        long returned = returnedMinor[slot] + amountMinor;
        if (amountMinor <= 0 || returned > amountsMinor[slot]) {
            throw new IllegalStateException(
                    "return of " + amountMinor + " would make " + returned + " of " + amountsMinor[slot] + " returned");
        }
        returnedMinor[slot] = returned;
    }

    /** Id of the settled transfer's open recall, or null when none is open. */
    public String openRecallIdAt(int slot) {
        return openRecallIds[slot];
    }

    /** Opens ({@code recallId} not null) or closes (null) the settled transfer's recall. */
    public void openRecallAt(int slot, String recallId) {
        openRecallIds[slot] = recallId;
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
     * uetr (nullable) · sequence int64 · timeMs int64 · rejection int32 (0 = applied) · fingerprint
     * int64 · settled bool · [debitPartyId · creditPartyId · currency int32 · amountMinor int64 ·
     * returnedMinor int64 · openRecallId (nullable)] when settled }, oldest first. Nullable strings as
     * {@link Snapshots#writeString}.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeLong(retentionMs);
        out.writeInt(size);
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            out.writeUTF(senderIds[slot]);
            out.writeUTF(messageIds[slot]);
            Snapshots.writeString(out, uetrs[slot]);
            out.writeLong(sequences[slot]);
            out.writeLong(timesMs[slot]);
            out.writeInt(rejections[slot] == null ? 0 : rejections[slot].number());
            out.writeLong(fingerprints[slot]);
            boolean settled = debitPartyIds[slot] != null;
            out.writeBoolean(settled);
            if (settled) {
                out.writeUTF(debitPartyIds[slot]);
                out.writeUTF(creditPartyIds[slot]);
                out.writeInt(currencies[slot]);
                out.writeLong(amountsMinor[slot]);
                out.writeLong(returnedMinor[slot]);
                Snapshots.writeString(out, openRecallIds[slot]);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static DecidedPayments read(DataInput in) throws IOException {
        return read(in, false);
    }

    /**
     * Reads what {@link #write} wrote, or with {@code transfersOnly} what the version before returns
     * wrote (every entry a transfer with its UETR, no settlement details: those transfers are still
     * deduplicated but cannot be returned or recalled).
     */
    public static DecidedPayments read(DataInput in, boolean transfersOnly) throws IOException {
        DecidedPayments d = new DecidedPayments(in.readInt(), in.readLong());
        for (int i = 0, n = in.readInt(); i < n; i++) {
            String senderId = in.readUTF();
            String messageId = in.readUTF();
            String uetr = transfersOnly ? in.readUTF() : Snapshots.readString(in);
            long sequence = in.readLong();
            long timeMs = in.readLong();
            int rejection = in.readInt();
            long fingerprint = in.readLong();
            int slot = d.remember(
                    senderId,
                    messageId,
                    uetr,
                    sequence,
                    timeMs,
                    rejection == 0 ? null : LedgerRejection.ofNumber(rejection),
                    fingerprint);
            if (!transfersOnly && in.readBoolean()) {
                d.debitPartyIds[slot] = in.readUTF();
                d.creditPartyIds[slot] = in.readUTF();
                d.currencies[slot] = in.readInt();
                d.amountsMinor[slot] = in.readLong();
                d.returnedMinor[slot] = in.readLong();
                d.openRecallIds[slot] = Snapshots.readString(in);
            }
        }
        return d;
    }

    /**
     * Checks the settled transfers: returned within 0..amount, amount positive, a recall open only
     * while something remains unreturned. O(size).
     *
     * @return null when consistent, else the first breach
     */
    public String checkInvariants() {
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            if (debitPartyIds[slot] == null) {
                if (returnedMinor[slot] != 0 || openRecallIds[slot] != null) {
                    return "decision " + messageIds[slot] + " is no settled transfer but has returns or a recall";
                }
                continue;
            }
            long amount = amountsMinor[slot];
            long returned = returnedMinor[slot];
            if (amount <= 0 || returned < 0 || returned > amount) {
                return "transfer " + uetrs[slot] + " has " + returned + " of " + amount + " returned";
            }
            if (openRecallIds[slot] != null && returned == amount) {
                return "transfer " + uetrs[slot] + " is fully returned but its recall is open";
            }
        }
        return null;
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
        DecidedPayments old = new DecidedPayments(this);
        int oldHead = head;
        int count = size;
        allocate(grown);
        for (int i = 0, from = oldHead; i < count; i++, from = from + 1 == length ? 0 : from + 1) {
            int slot = remember(
                    old.senderIds[from],
                    old.messageIds[from],
                    old.uetrs[from],
                    old.sequences[from],
                    old.timesMs[from],
                    old.rejections[from],
                    old.fingerprints[from]);
            debitPartyIds[slot] = old.debitPartyIds[from];
            creditPartyIds[slot] = old.creditPartyIds[from];
            currencies[slot] = old.currencies[from];
            amountsMinor[slot] = old.amountsMinor[from];
            returnedMinor[slot] = old.returnedMinor[from];
            openRecallIds[slot] = old.openRecallIds[from];
        }
    }

    /** A view of {@code other}'s arrays as they are now, for {@link #grow} to copy from. */
    private DecidedPayments(DecidedPayments other) {
        this.capacity = other.capacity;
        this.retentionMs = other.retentionMs;
        senderIds = other.senderIds;
        messageIds = other.messageIds;
        uetrs = other.uetrs;
        sequences = other.sequences;
        timesMs = other.timesMs;
        fingerprints = other.fingerprints;
        rejections = other.rejections;
        debitPartyIds = other.debitPartyIds;
        creditPartyIds = other.creditPartyIds;
        currencies = other.currencies;
        amountsMinor = other.amountsMinor;
        returnedMinor = other.returnedMinor;
        openRecallIds = other.openRecallIds;
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
        debitPartyIds = new String[slots];
        creditPartyIds = new String[slots];
        currencies = new int[slots];
        amountsMinor = new long[slots];
        returnedMinor = new long[slots];
        openRecallIds = new String[slots];
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
            if (senderIds[slot] != null
                    || uetrs[slot] != null
                    || rejections[slot] != null
                    || debitPartyIds[slot] != null
                    || openRecallIds[slot] != null) {
                return false;
            }
        }
        long claimedUetrs = 0;
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            claimedUetrs += uetrs[slot] != null ? 1 : 0;
        }
        return Arrays.stream(byMessage).filter(e -> e != 0).count() == size
                && Arrays.stream(byUetr).filter(e -> e != 0).count() == claimedUetrs;
    }
}
