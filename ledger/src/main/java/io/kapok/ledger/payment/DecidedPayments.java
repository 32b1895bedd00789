package io.kapok.ledger.payment;

import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.OpenAddressing;
import io.kapok.ledger.Snapshots;
import io.kapok.ledger.party.PartyOrdinals;
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
 * <p><b>Layout.</b> The ring is two arrays (no object per decision): {@value #LONGS} longs per
 * decision in one {@code long[]} (sequence, receive time, fingerprint, amount, amount returned, the
 * two key hashes, currency and rejection), so remembering or forgetting a decision touches one or
 * two cache lines of numbers rather than one line in each of a dozen arrays, and {@value #REFS}
 * references per decision in one {@code String[]} (sender, message id, UETR, credited party, open
 * recall id; a settled transfer's debited party is its sender), nulled when the decision is
 * forgotten so its Strings can be collected. A known party (the sender and the credited party of a
 * transfer that settled, as the ledger gives them) is kept instead as its {@link
 * io.kapok.ledger.party.Party#ordinal() ordinal} in a third array, {@value #PARTY_INTS} ints a
 * decision, against a table of the ids by ordinal that fills once per party: under G1 each reference
 * stored into the ring's long-lived array pays the collector's write barrier (a memory fence), and
 * a settled transfer stored two of them for its parties (four with its ids as Strings). Two
 * open-addressing tables with linear probing, one per key, map a key to its ring slot. Each table
 * entry is one {@code long}: the key's 32-bit hash in the high half (compared before any String is
 * read, so a probe that misses touches one cache line) and ring slot + 1 in the low half (0 =
 * empty). Tables are at most half full; removal shifts the following entries back (no tombstones).
 * The ring and the tables start small and double up to {@link #capacity()}; that growth is the only
 * allocation.
 *
 * <p><b>Compact ids.</b> A window made with {@code compactIds} keeps each decision's message id and
 * UETR as bytes in a third ring array, {@value #ID_BYTES} bytes a decision, whenever they fit there
 * (up to {@value #MESSAGE_ID_BYTES} and {@value #UETR_BYTES} characters, each at most U+00FF), and
 * in the String array only when they do not. It then holds none of the Strings the commands brought,
 * so they die young: a window of a million decisions is a million pairs of Strings fewer that the
 * collector copies out of the young generation and keeps track of, at the price of a comparison
 * byte by byte on each look-up hit and a new String whenever an id is read back ({@link
 * #messageIdAt}, {@link #uetrAt}, {@link #write}), and 80 bytes a decision written (2–8% of a
 * transfer in JMH, when the command brings them encoded: {@link #encodeIds}). The gateway's
 * ledgers use it (the snapshot thread's replica always, the sequencer's by default); it answers
 * every look-up and writes every byte exactly as a window without it.
 *
 * <p><b>What is kept.</b> Every decided {@link PaymentMessage}: transfers (pacs.008), returns
 * (pacs.004), recalls (camt.056) and resolutions (camt.029) alike, keyed by (sender, message id);
 * only a transfer also claims its UETR. A transfer that settled also keeps what a return or recall of
 * it needs: debit and credit party, currency, amount, the amount returned so far (never above the
 * amount), and its recall, if one is open (its id). So a transfer can be returned or recalled exactly
 * as long as it is remembered: within the retention window.
 */
public final class DecidedPayments {
    /** Largest capacity: 2^26 decisions (the tables and the ring stay within int-indexed arrays). */
    public static final int CAPACITY_MAX = 1 << 26;

    /** Initial ring length. */
    static final int INITIAL_SLOTS = 1024;

    /** Longs per decision in {@link #numbers}. */
    static final int LONGS = 8;
    /** References per decision in {@link #texts}. */
    static final int REFS = 5;
    /** Ints per decision in {@link #partyOrdinals}: sender, credited party. */
    static final int PARTY_INTS = 2;
    /** Offsets within a decision's ints: the party's ordinal + 1, or 0 when its id is in {@link #texts}. */
    private static final int SENDER_ORDINAL = 0;

    private static final int CREDIT_PARTY_ORDINAL = 1;

    /** How far past a key's home {@link #run} reads: seven long entries, so the next line is read too. */
    private static final int RUN_AHEAD = 7;

    // Offsets within a decision's longs.
    private static final int SEQUENCE = 0;
    private static final int TIME_MS = 1;
    private static final int FINGERPRINT = 2;
    private static final int AMOUNT_MINOR = 3;
    private static final int RETURNED_MINOR = 4;
    /** Message hash in the high half, UETR hash in the low half. */
    private static final int HASHES = 5;
    /**
     * Packed currency in the high half; in the low half, rejection ordinal + 1 (0 = applied) in the
     * low 16 bits and {@link #CLAIMS_UETR}.
     */
    private static final int CURRENCY_REJECTION = 6;
    /**
     * Set in a decision's {@link #CURRENCY_REJECTION} when it claims a UETR (a transfer's), so that
     * forgetting the oldest decision reads only its line of numbers, not its ids.
     */
    private static final long CLAIMS_UETR = 1L << 30;

    private static final long REJECTION_BITS = 0xFFFF;
    /**
     * For a cross-currency transfer that settled: the journal sequence of the rate it was converted
     * at (&gt; 0); 0 for every other decision.
     */
    private static final int FX_RATE_SEQUENCE = 7;

    // Offsets within a decision's references.
    private static final int SENDER_ID = 0;
    private static final int MESSAGE_ID = 1;
    private static final int UETR = 2;
    /**
     * Non-null exactly for a transfer that settled. (Its debited party is its sender, as the ledger
     * allows no one else to debit an account: not kept twice.)
     */
    private static final int CREDIT_PARTY_ID = 3;
    /** Id of the open recall, or null when none is open. */
    private static final int OPEN_RECALL_ID = 4;

    private static final LedgerRejection[] REJECTIONS = LedgerRejection.values();

    /** Bytes per decision in {@link #ids}, a compact window's ids. */
    static final int ID_BYTES = 80;
    /** Longest message id kept in {@link #ids}. */
    static final int MESSAGE_ID_BYTES = 40;
    /** Longest UETR kept in {@link #ids} (a UUID has 36 characters). */
    static final int UETR_BYTES = 38;
    // Offsets within a decision's bytes: a length (or NOT_INLINE), then the characters.
    private static final int MESSAGE_ID_AT = 0;
    private static final int UETR_AT = 1 + MESSAGE_ID_BYTES;
    /** The id is in {@link #texts} (null there for a decision without a UETR). */
    private static final byte NOT_INLINE = -1;

    private final int capacity;
    private final long retentionMs;
    private final boolean compactIds;

    // The ring, in journal order: decision i (0 = oldest) is at slot (head + i) % slots.
    private long[] numbers;
    private String[] texts;
    /** {@value #PARTY_INTS} ints a decision: its known parties' ordinals + 1 (0: the id is in texts). */
    private int[] partyOrdinals;
    /** The ids of the parties the ring names by ordinal. */
    private PartyOrdinals partyIds = new PartyOrdinals();
    /** A compact window's ids, {@value #ID_BYTES} bytes a decision; null otherwise. */
    private byte[] ids;

    private int slots;
    private int head;
    private int size;

    private long[] byMessage;
    private long[] byUetr;
    private int tableMask;
    /** Arrays for the next growth, made on another thread ({@link #offer}); null when none. */
    private WindowArrays offered;
    /** For tests: the last allocation used offered arrays. */
    private boolean grewIntoOffer;
    /** Not state (not written, not hashed): how this window came to its size, for health. */
    private int growths;

    private int growthsIntoOffers;

    /**
     * @param capacity    most decisions kept at once, 1..{@link #CAPACITY_MAX}
     * @param retentionMs how long a decision is kept, milliseconds of journaled receive time, &gt; 0
     */
    public DecidedPayments(int capacity, long retentionMs) {
        this(capacity, retentionMs, false);
    }

    /**
     * @param compactIds keep the ids as bytes where they fit (see the class doc, "Compact ids"); a
     *     capacity above 26 million decisions keeps them as Strings all the same
     */
    public DecidedPayments(int capacity, long retentionMs, boolean compactIds) {
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            throw new IllegalArgumentException("payment dedupe capacity " + capacity + " outside 1.." + CAPACITY_MAX);
        }
        if (retentionMs <= 0) {
            throw new IllegalArgumentException("payment retention must be positive: " + retentionMs + " ms");
        }
        this.capacity = capacity;
        this.retentionMs = retentionMs;
        // A window too large for one byte array of ids keeps them as Strings.
        this.compactIds = compactIds && (long) capacity * ID_BYTES <= Integer.MAX_VALUE - 8;
        allocate(Math.min(capacity, INITIAL_SLOTS));
    }

    public int capacity() {
        return capacity;
    }

    /** True when this window keeps its ids compact (see the class doc). */
    public boolean compactIds() {
        return compactIds;
    }

    /**
     * A compact copy of this window ({@code compactIds} set): the same decisions, in the same order,
     * with the same capacity and retention; it answers and writes exactly as this one.
     */
    public DecidedPayments compacted() {
        DecidedPayments d = new DecidedPayments(capacity, retentionMs, true);
        if (!d.compactIds) {
            return this;
        }
        if (slots > d.slots) {
            d.growTo(Math.max(slots, size));
        }
        d.partyIds = partyIds.copy();
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            String messageId = messageIdAt(slot);
            String uetr = uetrAt(slot);
            int p = slot * PARTY_INTS;
            int copy = d.remember(
                    messageHash(senderAt(slot), messageId),
                    uetr == null ? 0 : uetrHash(uetr),
                    senderAt(slot),
                    partyOrdinals[p + SENDER_ORDINAL] - 1,
                    messageId,
                    uetr,
                    sequenceAt(slot),
                    timeMsAt(slot),
                    rejectionAt(slot),
                    fingerprintAt(slot),
                    null);
            if (settledAt(slot)) {
                d.settle(
                        copy,
                        creditPartyIdAt(slot),
                        partyOrdinals[p + CREDIT_PARTY_ORDINAL] - 1,
                        currencyAt(slot),
                        amountMinorAt(slot),
                        returnedMinorAt(slot),
                        openRecallIdAt(slot));
                if (fxRateSequenceAt(slot) != 0) {
                    d.markConverted(copy, fxRateSequenceAt(slot));
                }
            }
        }
        return d;
    }

    public long retentionMs() {
        return retentionMs;
    }

    /** Decisions kept now. */
    public int size() {
        return size;
    }

    /**
     * Decisions the window has room for before it next grows (doubling its arrays, up to {@link
     * #capacity()}, in one copy on the caller's thread); {@link #capacity()} once it is allocated
     * whole.
     */
    public int room() {
        return slots;
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
        while (size > 0 && numbers[head * LONGS + TIME_MS] <= oldestKeptMs) {
            int slot = head;
            long hashes = numbers[slot * LONGS + HASHES];
            remove(byMessage, (int) (hashes >>> 32), slot);
            int t = slot * REFS;
            if (claimsUetr(slot)) {
                remove(byUetr, (int) hashes, slot);
            }
            Arrays.fill(texts, t, t + REFS, null);
            head = next(slot);
            size--;
            forgotten++;
        }
        return forgotten;
    }

    /**
     * Reads, back to back, the table entries that {@link #forget forget(nowMs)} and then the look-ups
     * and {@link #remember} of a message with these keys read first: the keys' homes and the homes
     * of the oldest decision, if it is due to be forgotten. Changes nothing. In a window of a few
     * hundred thousand decisions each of those entries is a cache miss; issued together the CPU
     * waits for them about once rather than four times in a row. Returns the entries folded into one
     * value, which means nothing: the caller keeps it only so that the loads are not optimised away.
     *
     * @param uetr the UETR the message claims, or null
     */
    public long preload(String senderId, String messageId, String uetr, long nowMs) {
        return preload(messageHash(senderId, messageId), uetr == null ? 0 : uetrHash(uetr), uetr != null, nowMs);
    }

    /**
     * {@link #preload(String, String, String, long)} with the keys' hashes ({@link #messageHash},
     * {@link #uetrHash}) computed once by the caller.
     */
    public long preload(int messageHash, int uetrHash, boolean claimsUetr, long nowMs) {
        int mask = tableMask;
        long[] messages = byMessage;
        long[] uetrs = byUetr;
        long folded = run(messages, messageHash, mask);
        if (claimsUetr) {
            folded ^= run(uetrs, uetrHash, mask);
        }
        if (size > 0 && numbers[head * LONGS + TIME_MS] <= nowMs - retentionMs) {
            long hashes = numbers[head * LONGS + HASHES];
            folded ^= run(messages, (int) (hashes >>> 32), mask) ^ run(uetrs, (int) hashes, mask);
        }
        return folded;
    }

    /**
     * Reads the home of {@code hash} in {@code table} and the entry {@value #RUN_AHEAD} places on:
     * the (at most two) cache lines that a probe run of up to eight entries from that home lies in,
     * wherever the array's lines begin. A look-up of a new key, an insertion and a removal each scan
     * from a home to the next empty entry; in a table a quarter to a half full that run leaves the
     * home's line about a third of the time (a removal from the benchmark's window: 31%), and each
     * such scan waited for memory a second time when only the home had been read.
     */
    private static long run(long[] table, int hash, int mask) {
        return table[hash & mask] ^ table[(hash + RUN_AHEAD) & mask];
    }

    /**
     * Reads, back to back, the table entries that the next {@code batch.count()} transfers will
     * read: each one's keys' homes and the homes of as many of the oldest decisions (those the
     * transfers will forget, one each once the window is full by time), each with the line after it
     * ({@link #run}). Changes nothing. Where {@link #preload} lets one transfer wait for its
     * misses about once, this lets a batch of them wait about once in all: the loads have nothing
     * between them but the keys' hashes, computed beforehand ({@link PaymentPrefetch#add}). Returns
     * the entries folded into one meaningless value, for the caller to keep so that the loads are
     * not optimised away.
     */
    public long prefetch(PaymentPrefetch batch) {
        int mask = tableMask;
        long[] messages = byMessage;
        long[] uetrs = byUetr;
        int[] keyHashes = batch.keyHashes;
        int count = batch.count;
        long folded = 0;
        for (int i = 0; i < 2 * count; i += 2) {
            folded ^= run(messages, keyHashes[i], mask) ^ run(uetrs, keyHashes[i + 1], mask);
        }
        int oldest = Math.min(count, size);
        for (int j = 0, slot = head; j < oldest; j++, slot = next(slot)) {
            long hashes = numbers[slot * LONGS + HASHES];
            folded ^= run(messages, (int) (hashes >>> 32), mask) ^ run(uetrs, (int) hashes, mask);
        }
        return folded;
    }

    /** The ring slot of the decision on (sender, MsgId), or -1. */
    public int findByMessage(String senderId, String messageId) {
        return findByMessage(messageHash(senderId, messageId), senderId, messageId);
    }

    /** {@link #findByMessage(String, String)} with the key's {@link #messageHash} computed once by the caller. */
    public int findByMessage(int hash, String senderId, String messageId) {
        long[] table = byMessage;
        for (int i = hash & tableMask; ; i = (i + 1) & tableMask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash
                    && messageIdEquals(slot, messageId)
                    && senderAt(slot).equals(senderId)) {
                return slot;
            }
        }
    }

    /** The ring slot of the decision on this UETR, or -1. */
    public int findByUetr(String uetr) {
        return findByUetr(uetrHash(uetr), uetr);
    }

    /** {@link #findByUetr(String)} with the key's {@link #uetrHash} computed once by the caller. */
    public int findByUetr(int hash, String uetr) {
        long[] table = byUetr;
        for (int i = hash & tableMask; ; i = (i + 1) & tableMask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && uetrEquals(slot, uetr)) {
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
        return remember(
                messageHash(senderId, messageId),
                uetr == null ? 0 : uetrHash(uetr),
                senderId,
                -1,
                messageId,
                uetr,
                sequence,
                timeMs,
                rejection,
                fingerprint,
                null);
    }

    /**
     * {@link #remember(String, String, String, long, long, LedgerRejection, long)} with the keys'
     * hashes ({@link #messageHash}, {@link #uetrHash}; 0 without a UETR) computed once by the
     * caller, and the ids also given as a compact window keeps them: {@code encodedIds} is what
     * {@link #encodeIds} wrote for this {@code messageId} and {@code uetr}, copied into a compact
     * window in one block instead of character by character, or null (the window encodes them).
     *
     * @param senderOrdinal the sender's {@link io.kapok.ledger.party.Party#ordinal() ordinal} when
     *     {@code senderId} is a registered party's own id String, else -1; the window then keeps
     *     the number, not the reference (an ordinal that names another String here is kept as the
     *     String: the answers are the same either way)
     */
    public int remember(
            int messageHash,
            int uetrHash,
            String senderId,
            int senderOrdinal,
            String messageId,
            String uetr,
            long sequence,
            long timeMs,
            LedgerRejection rejection,
            long fingerprint,
            byte[] encodedIds) {
        if (size == capacity) {
            throw new IllegalStateException("payment window is full: " + capacity + " decisions");
        }
        if (size == slots) {
            grow();
        }
        int slot = head + size;
        if (slot >= slots) {
            slot -= slots;
        }
        int n = slot * LONGS;
        numbers[n + SEQUENCE] = sequence;
        numbers[n + TIME_MS] = timeMs;
        numbers[n + FINGERPRINT] = fingerprint;
        numbers[n + AMOUNT_MINOR] = 0;
        numbers[n + RETURNED_MINOR] = 0;
        numbers[n + HASHES] = (long) messageHash << 32 | (uetrHash & 0xFFFFFFFFL);
        numbers[n + CURRENCY_REJECTION] =
                (rejection == null ? 0 : rejection.ordinal() + 1) | (uetr == null ? 0 : CLAIMS_UETR);
        numbers[n + FX_RATE_SEQUENCE] = 0;
        int t = slot * REFS;
        int p = slot * PARTY_INTS;
        if (partyIds.names(senderId, senderOrdinal)) {
            partyOrdinals[p + SENDER_ORDINAL] = senderOrdinal + 1;
        } else {
            partyOrdinals[p + SENDER_ORDINAL] = 0;
            texts[t + SENDER_ID] = senderId;
        }
        partyOrdinals[p + CREDIT_PARTY_ORDINAL] = 0;
        if (ids == null) {
            texts[t + MESSAGE_ID] = messageId;
            texts[t + UETR] = uetr;
        } else {
            int b = slot * ID_BYTES;
            if (encodedIds != null) {
                System.arraycopy(encodedIds, 0, ids, b, ID_BYTES);
            } else {
                encodeIds(messageId, uetr, ids, b);
            }
            if (ids[b + MESSAGE_ID_AT] == NOT_INLINE) {
                texts[t + MESSAGE_ID] = messageId;
            }
            if (ids[b + UETR_AT] == NOT_INLINE) {
                texts[t + UETR] = uetr;
            }
        }
        insert(byMessage, messageHash, slot);
        if (uetr != null) {
            insert(byUetr, uetrHash, slot);
        }
        size++;
        return slot;
    }

    /**
     * Records what the returns and recalls of the transfer just remembered at {@code slot}, as
     * applied, need: it settled {@code amountMinor} of {@code currency} (packed, not 0) from its
     * sender, the debited party, to {@code creditPartyId}, nothing of it returned yet and no recall
     * open.
     */
    public void settled(int slot, String creditPartyId, int currency, long amountMinor) {
        settled(slot, creditPartyId, -1, currency, amountMinor);
    }

    /**
     * {@link #settled(int, String, int, long)} with the credited party's {@link
     * io.kapok.ledger.party.Party#ordinal() ordinal} when {@code creditPartyId} is that party's own id
     * String, else -1 (as {@link #remember}'s {@code senderOrdinal}).
     */
    public void settled(int slot, String creditPartyId, int creditPartyOrdinal, int currency, long amountMinor) {
        if (rejectionAt(slot) != null) {
            throw new IllegalStateException("a refused payment did not settle: " + messageIdAt(slot));
        }
        settle(slot, creditPartyId, creditPartyOrdinal, currency, amountMinor, 0, null);
    }

    private void settle(
            int slot,
            String creditPartyId,
            int creditPartyOrdinal,
            int currency,
            long amountMinor,
            long returnedMinor,
            String openRecallId) {
        if (currency == 0 || creditPartyId == null) {
            throw new IllegalArgumentException("a settled transfer has a currency and a credited party");
        }
        int n = slot * LONGS;
        numbers[n + AMOUNT_MINOR] = amountMinor;
        numbers[n + RETURNED_MINOR] = returnedMinor;
        // A settled transfer has no rejection; it claims its UETR as before.
        numbers[n + CURRENCY_REJECTION] = (long) currency << 32 | (numbers[n + CURRENCY_REJECTION] & CLAIMS_UETR);
        int t = slot * REFS;
        if (partyIds.names(creditPartyId, creditPartyOrdinal)) {
            partyOrdinals[slot * PARTY_INTS + CREDIT_PARTY_ORDINAL] = creditPartyOrdinal + 1;
        } else {
            texts[t + CREDIT_PARTY_ID] = creditPartyId;
        }
        if (openRecallId != null) { // the slot's references are null until set (a null store still costs)
            texts[t + OPEN_RECALL_ID] = openRecallId;
        }
    }

    /** True when the decision at {@code slot} is a transfer that settled (only those have a currency). */
    private boolean settledAt(int slot) {
        return currencyAt(slot) != 0;
    }

    /** The decision's sender (a settled transfer's debited party). */
    private String senderAt(int slot) {
        int ordinal = partyOrdinals[slot * PARTY_INTS + SENDER_ORDINAL];
        return ordinal != 0 ? partyIds.id(ordinal - 1) : texts[slot * REFS + SENDER_ID];
    }

    /**
     * The ring slot of the settled transfer with this UETR, or -1 when the UETR names none in the
     * window (unknown, forgotten, or a transfer that was refused).
     */
    public int findSettled(String uetr) {
        int slot = findByUetr(uetr);
        return slot >= 0 && settledAt(slot) ? slot : -1;
    }

    /**
     * Marks the settled transfer at {@code slot} as converted at the rate set by journal entry {@code
     * rateSequence} (&gt; 0): it was debited in another currency than it credited.
     */
    public void markConverted(int slot, long rateSequence) {
        if (rateSequence <= 0 || !settledAt(slot)) {
            throw new IllegalStateException(
                    "only a settled transfer is converted, at a journaled rate: " + rateSequence);
        }
        numbers[slot * LONGS + FX_RATE_SEQUENCE] = rateSequence;
    }

    /**
     * The journal sequence of the rate a cross-currency transfer was converted at; 0 for a transfer
     * in one currency (and for any other decision).
     */
    public long fxRateSequenceAt(int slot) {
        return numbers[slot * LONGS + FX_RATE_SEQUENCE];
    }

    /** The settled transfer's debited party (its debtor's bank); null for any other slot. */
    public String debitPartyIdAt(int slot) {
        return settledAt(slot) ? senderAt(slot) : null;
    }

    /** The settled transfer's credited party; null for any other slot. */
    public String creditPartyIdAt(int slot) {
        if (!settledAt(slot)) {
            return null;
        }
        int ordinal = partyOrdinals[slot * PARTY_INTS + CREDIT_PARTY_ORDINAL];
        return ordinal != 0 ? partyIds.id(ordinal - 1) : texts[slot * REFS + CREDIT_PARTY_ID];
    }

    /** The UETR the decision claims (a transfer's), or null. A compact window makes a new String. */
    public String uetrAt(int slot) {
        int at = slot * ID_BYTES + UETR_AT;
        return ids == null || ids[at] == NOT_INLINE ? texts[slot * REFS + UETR] : inline(at);
    }

    /** The decision's (sender, message id) message id. A compact window makes a new String. */
    public String messageIdAt(int slot) {
        int at = slot * ID_BYTES + MESSAGE_ID_AT;
        return ids == null || ids[at] == NOT_INLINE ? texts[slot * REFS + MESSAGE_ID] : inline(at);
    }

    /** True when the decision claims a UETR (a transfer's). */
    private boolean claimsUetr(int slot) {
        return (numbers[slot * LONGS + CURRENCY_REJECTION] & CLAIMS_UETR) != 0;
    }

    private boolean messageIdEquals(int slot, String messageId) {
        int at = slot * ID_BYTES + MESSAGE_ID_AT;
        return ids == null || ids[at] == NOT_INLINE
                ? texts[slot * REFS + MESSAGE_ID].equals(messageId)
                : inlineEquals(at, messageId);
    }

    /** {@code uetr} not null. */
    private boolean uetrEquals(int slot, String uetr) {
        int at = slot * ID_BYTES + UETR_AT;
        return ids == null || ids[at] == NOT_INLINE ? uetr.equals(texts[slot * REFS + UETR]) : inlineEquals(at, uetr);
    }

    /**
     * Writes a decision's ids into {@code dst[at..at + ID_BYTES)} as a compact window keeps them: the
     * message id's length then its characters a byte each, from {@code at}; the UETR's likewise, from
     * {@code at + UETR_AT}; an id longer than its room ({@value #MESSAGE_ID_BYTES} and {@value
     * #UETR_BYTES} characters), with a character above U+00FF, or absent (a null UETR) is marked
     * {@link #NOT_INLINE} instead (and kept as a String by the window). Bytes after an id's length
     * mean nothing. Whoever makes a command may encode its ids ahead ({@code
     * TransferCommand#computeKeys}); the window then copies them in one block.
     */
    static void encodeIds(String messageId, String uetr, byte[] dst, int at) {
        putInline(dst, at + MESSAGE_ID_AT, messageId, MESSAGE_ID_BYTES);
        if (uetr == null) {
            dst[at + UETR_AT] = NOT_INLINE;
        } else {
            putInline(dst, at + UETR_AT, uetr, UETR_BYTES);
        }
    }

    /**
     * Writes {@code text} into {@code dst} at {@code at} (its length, then a byte a character) when
     * it has at most {@code max} characters, each at most U+00FF; otherwise marks it {@link
     * #NOT_INLINE} there.
     */
    private static void putInline(byte[] dst, int at, String text, int max) {
        int length = text.length();
        if (length > max) {
            dst[at] = NOT_INLINE;
            return;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                dst[at] = NOT_INLINE;
                return;
            }
            dst[at + 1 + i] = (byte) c;
        }
        dst[at] = (byte) length;
    }

    private boolean inlineEquals(int at, String text) {
        int length = ids[at];
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((ids[at + 1 + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String inline(int at) {
        return new String(ids, at + 1, ids[at], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The settled transfer's packed currency. */
    public int currencyAt(int slot) {
        return (int) (numbers[slot * LONGS + CURRENCY_REJECTION] >>> 32);
    }

    /** The settled transfer's amount, minor units. */
    public long amountMinorAt(int slot) {
        return numbers[slot * LONGS + AMOUNT_MINOR];
    }

    /** How much of the settled transfer has been returned, minor units, 0..{@link #amountMinorAt}. */
    public long returnedMinorAt(int slot) {
        return numbers[slot * LONGS + RETURNED_MINOR];
    }

    /** Records {@code amountMinor} more returned; the caller has checked it stays within the amount. */
    public void addReturned(int slot, long amountMinor) {
        long returned = returnedMinorAt(slot) + amountMinor;
        if (amountMinor <= 0 || returned > amountMinorAt(slot)) {
            throw new IllegalStateException("return of " + amountMinor + " would make " + returned + " of "
                    + amountMinorAt(slot) + " returned");
        }
        numbers[slot * LONGS + RETURNED_MINOR] = returned;
    }

    /** Id of the settled transfer's open recall, or null when none is open. */
    public String openRecallIdAt(int slot) {
        return texts[slot * REFS + OPEN_RECALL_ID];
    }

    /** Opens ({@code recallId} not null) or closes (null) the settled transfer's recall. */
    public void openRecallAt(int slot, String recallId) {
        texts[slot * REFS + OPEN_RECALL_ID] = recallId;
    }

    public long sequenceAt(int slot) {
        return numbers[slot * LONGS + SEQUENCE];
    }

    public long timeMsAt(int slot) {
        return numbers[slot * LONGS + TIME_MS];
    }

    /** Null when the payment was applied. */
    public LedgerRejection rejectionAt(int slot) {
        int ordinal = (int) (numbers[slot * LONGS + CURRENCY_REJECTION] & REJECTION_BITS);
        return ordinal == 0 ? null : REJECTIONS[ordinal - 1];
    }

    public long fingerprintAt(int slot) {
        return numbers[slot * LONGS + FINGERPRINT];
    }

    /**
     * Writes the window: capacity int32 · retentionMs int64 · count int32 · { senderId · messageId ·
     * uetr (nullable) · sequence int64 · timeMs int64 · rejection int32 (0 = applied) · fingerprint
     * int64 · settled int8 · [debitPartyId · creditPartyId · currency int32 · amountMinor int64 ·
     * returnedMinor int64 · openRecallId (nullable) · [fxRateSequence int64 when settled = 2]] when
     * settled }, oldest first. Nullable strings as {@link Snapshots#writeString}. {@code settled} is
     * 0 (not a settled transfer), 1 (settled, one currency) or 2 (settled across currencies), so a
     * window without cross-currency transfers is written byte for byte as before they existed.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeLong(retentionMs);
        out.writeInt(size);
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            out.writeUTF(senderAt(slot));
            out.writeUTF(messageIdAt(slot));
            Snapshots.writeString(out, uetrAt(slot));
            out.writeLong(sequenceAt(slot));
            out.writeLong(timeMsAt(slot));
            LedgerRejection rejection = rejectionAt(slot);
            out.writeInt(rejection == null ? 0 : rejection.number());
            out.writeLong(fingerprintAt(slot));
            boolean settled = debitPartyIdAt(slot) != null;
            long fxRateSequence = fxRateSequenceAt(slot);
            out.writeByte(!settled ? 0 : fxRateSequence == 0 ? 1 : 2);
            if (settled) {
                out.writeUTF(debitPartyIdAt(slot));
                out.writeUTF(creditPartyIdAt(slot));
                out.writeInt(currencyAt(slot));
                out.writeLong(amountMinorAt(slot));
                out.writeLong(returnedMinorAt(slot));
                Snapshots.writeString(out, openRecallIdAt(slot));
                if (fxRateSequence != 0) {
                    out.writeLong(fxRateSequence);
                }
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
        return read(in, transfersOnly, false);
    }

    /** {@link #read(DataInput, boolean)} into a window that keeps its ids compact when {@code compactIds}. */
    public static DecidedPayments read(DataInput in, boolean transfersOnly, boolean compactIds) throws IOException {
        DecidedPayments d = new DecidedPayments(in.readInt(), in.readLong(), compactIds);
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
            int settled = transfersOnly ? 0 : in.readUnsignedByte();
            if (settled > 2) {
                throw new IOException("payment decision " + messageId + " has settlement kind " + settled);
            }
            if (settled != 0) {
                String debitPartyId = in.readUTF();
                if (!debitPartyId.equals(senderId)) {
                    throw new IOException("settled transfer " + messageId + " debited " + debitPartyId
                            + ", not its sender " + senderId);
                }
                String creditPartyId = in.readUTF();
                int currency = in.readInt();
                long amountMinor = in.readLong();
                long returnedMinor = in.readLong();
                if (currency == 0) {
                    throw new IOException("settled transfer " + messageId + " has no currency");
                }
                d.settle(slot, creditPartyId, -1, currency, amountMinor, returnedMinor, Snapshots.readString(in));
                if (settled == 2) {
                    d.markConverted(slot, in.readLong());
                }
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
            if (debitPartyIdAt(slot) == null) {
                if (returnedMinorAt(slot) != 0 || openRecallIdAt(slot) != null) {
                    return "decision " + messageIdAt(slot) + " is no settled transfer but has returns or a recall";
                }
                continue;
            }
            long amount = amountMinorAt(slot);
            long returned = returnedMinorAt(slot);
            if (amount <= 0 || returned < 0 || returned > amount) {
                return "transfer " + uetrAt(slot) + " has " + returned + " of " + amount + " returned";
            }
            if (openRecallIdAt(slot) != null && returned == amount) {
                return "transfer " + uetrAt(slot) + " is fully returned but its recall is open";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- internals

    private int next(int slot) {
        return slot + 1 == slots ? 0 : slot + 1;
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

    /**
     * Doubles the ring (up to the capacity) and the tables: the decisions move, oldest first, to
     * slots 0..size-1 of the new ring in two block copies, and each table entry moves to the new
     * table with its slot renumbered. The old tables are read in order and their entries land in two
     * runs of the new one (a key's new home is its old home or that plus the old length), so the
     * move touches no ring slot and makes no random access: a window of a million decisions doubles
     * in tens of milliseconds where inserting each key again took hundreds. ({@link #preallocate}
     * may grow the tables more than twice over; its entries then land in order but further apart.)
     */
    private void grow() {
        growTo((int) Math.min(capacity, 2L * slots));
        growths++;
        if (grewIntoOffer) {
            growthsIntoOffers++;
        }
    }

    /** Times the window grew as it filled (not counting {@link #preallocate}) since it was made. */
    public int growths() {
        return growths;
    }

    /** Of {@link #growths()}, those into arrays {@link #offer offered} to it. */
    public int growthsIntoOffers() {
        return growthsIntoOffers;
    }

    /**
     * Makes room for {@link #capacity()} decisions now, so that the window never grows later (the
     * whole ring and both tables are copied when it does). Changes no decision.
     */
    public void preallocate() {
        if (slots < capacity) {
            growTo(capacity);
        }
    }

    /** Moves the window into arrays for {@code newSlots} (at least {@link #size()}) decisions. */
    private void growTo(int newSlots) {
        long[] oldNumbers = numbers;
        String[] oldTexts = texts;
        int[] oldPartyOrdinals = partyOrdinals;
        byte[] oldIds = ids;
        long[] oldByMessage = byMessage;
        long[] oldByUetr = byUetr;
        int oldSlots = slots;
        int oldHead = head;
        int count = size;
        allocate(newSlots);
        int untilEnd = Math.min(count, oldSlots - oldHead);
        System.arraycopy(oldNumbers, oldHead * LONGS, numbers, 0, untilEnd * LONGS);
        System.arraycopy(oldTexts, oldHead * REFS, texts, 0, untilEnd * REFS);
        System.arraycopy(oldNumbers, 0, numbers, untilEnd * LONGS, (count - untilEnd) * LONGS);
        System.arraycopy(oldTexts, 0, texts, untilEnd * REFS, (count - untilEnd) * REFS);
        System.arraycopy(oldPartyOrdinals, oldHead * PARTY_INTS, partyOrdinals, 0, untilEnd * PARTY_INTS);
        System.arraycopy(oldPartyOrdinals, 0, partyOrdinals, untilEnd * PARTY_INTS, (count - untilEnd) * PARTY_INTS);
        if (oldIds != null) {
            System.arraycopy(oldIds, oldHead * ID_BYTES, ids, 0, untilEnd * ID_BYTES);
            System.arraycopy(oldIds, 0, ids, untilEnd * ID_BYTES, (count - untilEnd) * ID_BYTES);
        }
        moveEntries(oldByMessage, byMessage, oldHead, oldSlots);
        moveEntries(oldByUetr, byUetr, oldHead, oldSlots);
        size = count;
    }

    /** Files every entry of {@code from} in {@code to}, its slot counted from {@code oldHead} now. */
    private void moveEntries(long[] from, long[] to, int oldHead, int oldSlots) {
        for (long e : from) {
            if (e != 0) {
                int slot = (int) e - 1 - oldHead;
                insert(to, (int) (e >>> 32), slot < 0 ? slot + oldSlots : slot);
            }
        }
    }

    /**
     * Empty arrays for {@code slots} decisions. All of them are allocated before any field changes, so
     * an allocation that fails (OutOfMemoryError) leaves the window as it was.
     */
    private void allocate(int slots) {
        grewIntoOffer = offered != null && offered.slots == slots && offered.compactIds == compactIds;
        WindowArrays fresh = grewIntoOffer ? offered : new WindowArrays(slots, compactIds);
        offered = null;
        this.slots = slots;
        numbers = fresh.numbers;
        texts = fresh.texts;
        partyOrdinals = fresh.partyOrdinals;
        ids = fresh.ids;
        byMessage = fresh.byMessage;
        byUetr = fresh.byUetr;
        tableMask = fresh.byMessage.length - 1;
        head = 0;
        size = 0;
    }

    /**
     * The empty arrays of a window of {@code slots} decisions, allocated (and so zeroed, page by page)
     * by whoever makes them, on any thread. A window grows into arrays {@link #offer offered} to it
     * instead of allocating its own on the owner's thread: at a million decisions, allocating and
     * first touching the new arrays is most of a growth's stop (see {@link #room()}).
     */
    public static final class WindowArrays {
        final int slots;
        final boolean compactIds;
        final long[] numbers;
        final String[] texts;
        final int[] partyOrdinals;
        final byte[] ids;
        final long[] byMessage;
        final long[] byUetr;

        /**
         * @param slots      decisions, as {@link #nextRoom()} says the next growth makes room for
         * @param compactIds as the window's {@link #compactIds()}
         */
        public WindowArrays(int slots, boolean compactIds) {
            if (slots < 1 || slots > CAPACITY_MAX) {
                throw new IllegalArgumentException("window of " + slots + " decisions outside 1.." + CAPACITY_MAX);
            }
            this.slots = slots;
            // As the constructor decides: a window too large for one array of ids keeps Strings.
            this.compactIds = compactIds && (long) slots * ID_BYTES <= Integer.MAX_VALUE - 8;
            numbers = new long[slots * LONGS];
            texts = new String[slots * REFS];
            partyOrdinals = new int[slots * PARTY_INTS];
            ids = this.compactIds ? new byte[slots * ID_BYTES] : null;
            int tableLength = tableLength(slots);
            byMessage = new long[tableLength];
            byUetr = new long[tableLength];
        }

        /** Decisions these arrays hold. */
        public int slots() {
            return slots;
        }
    }

    /**
     * The room the window's next growth makes ({@link #room()} after it), or 0 when it has room for
     * its whole capacity already and never grows again.
     */
    public int nextRoom() {
        return slots >= capacity ? 0 : (int) Math.min(capacity, 2L * slots);
    }

    /**
     * Hands the window arrays for its next growth, made on another thread ({@link WindowArrays}).
     * They are kept only if they have the size that growth needs ({@link #nextRoom()}) and the
     * window's id layout, and dropped at once otherwise (arrays made for a growth that has happened
     * since are not held). Not state: the decisions, answers, snapshot and state hash are the same
     * either way. Owner's thread only.
     */
    public void offer(WindowArrays arrays) {
        boolean fits = arrays.slots == nextRoom() && arrays.compactIds == compactIds;
        offered = fits ? arrays : null;
    }

    /** The length of each table for a ring of {@code slots}: at least twice it, a power of two. */
    private static int tableLength(int slots) {
        return Integer.highestOneBit(Math.max(2, slots) * 2 - 1) * 2;
    }

    /**
     * The heap a window holding {@code capacity} decisions takes for its ring and tables, bytes,
     * before the decisions' ids: {@value #LONGS} longs, {@value #REFS} references (4 bytes each, as
     * with the JVM's compressed references, up to a 32 GB heap) and {@value #PARTY_INTS} ints a
     * decision, and two tables of at
     * least twice the capacity, rounded up to a power of two.
     */
    public static long arrayBytes(int capacity) {
        return arrayBytes(capacity, false);
    }

    /**
     * {@link #arrayBytes(int)} for a window made with {@code compactIds}: {@value #ID_BYTES} bytes a
     * decision more, in which it keeps the ids that a window of Strings holds as objects of their own.
     */
    public static long arrayBytes(int capacity, boolean compactIds) {
        long ids = compactIds && (long) capacity * ID_BYTES <= Integer.MAX_VALUE - 8 ? ID_BYTES : 0;
        return (long) capacity * (LONGS * Long.BYTES + REFS * 4L + PARTY_INTS * 4L + ids)
                + 2L * tableLength(capacity) * Long.BYTES;
    }

    /** The hash (sender, message id) is filed under. */
    public static int messageHash(String senderId, String messageId) {
        return OpenAddressing.spread(senderId.hashCode() * 31 + messageId.hashCode());
    }

    /** The hash a UETR is filed under. */
    public static int uetrHash(String uetr) {
        return OpenAddressing.spread(uetr.hashCode());
    }

    /** For tests: the window's last growth (or first allocation) used arrays {@link #offer offered} to it. */
    boolean grewIntoOffer() {
        return grewIntoOffer;
    }

    /** For tests: decisions the ring has room for now. */
    int slots() {
        return slots;
    }

    /** For tests: the longest probe sequence in either table (1 = every key at its home). */
    int longestProbe() {
        return Math.max(OpenAddressing.longestProbe(byMessage), OpenAddressing.longestProbe(byUetr));
    }

    /** Unused ring slots never hold a reference, so forgotten Strings can be collected. */
    boolean clearsForgottenSlots() {
        int claimedUetrs = 0;
        for (int i = 0, slot = head; i < slots; i++, slot = next(slot)) {
            for (int r = 0; r < REFS; r++) {
                String text = texts[slot * REFS + r];
                if (i >= size && text != null) {
                    return false;
                }
            }
            if (i < size && claimsUetr(slot)) {
                claimedUetrs++;
            }
        }
        return Arrays.stream(byMessage).filter(e -> e != 0).count() == size
                && Arrays.stream(byUetr).filter(e -> e != 0).count() == claimedUetrs;
    }
}
