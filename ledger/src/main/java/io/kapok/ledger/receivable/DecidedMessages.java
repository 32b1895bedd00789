package io.kapok.ledger.receivable;

import io.kapok.ledger.OpenAddressing;
import io.kapok.ledger.Snapshots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The receivable-financing messages the ledger decided within its retention window (a {@link
 * RecordMessageCommand} each), found by (sender, message id), so that a retry gets the original
 * answer and a different message reusing the id is refused. Owned by the ledger thread; allocates
 * nothing once it has grown to its working size.
 *
 * <p><b>Window.</b> Messages are kept in journal order in a ring, each with its commands' outcomes
 * in a second ring of items, in the same order. A message whose receive time is at least {@link
 * #retentionMs()} older than the record being applied is forgotten, oldest first, stopping at the
 * first one still inside the window (time comes only from journaled commands, so a replay forgets
 * exactly the same messages). At most {@link #capacity()} messages and {@link #itemCapacity()}
 * command outcomes are kept; the sequencer asks {@link #hasRoom} before it journals a message and
 * answers "retry later" when there is none, rather than grow without bound.
 *
 * <p><b>Layout.</b> Per message {@value #LONGS} longs in one {@code long[]} (first sequence, receive
 * time, fingerprint, key hash, serial of its first item, item count) and {@value #REFS} references
 * in one {@code String[]} (sender, message id, message type), nulled when forgotten. Per item one
 * packed long (see {@link RecordMessageCommand}) and its subject id; the item ring's length is a
 * power of two and an item sits at its serial number modulo that length. The key table maps a
 * (sender, message id) hash to a message slot: one {@code long} per position, hash in the high
 * half and slot + 1 in the low half, linear probing. Forgetting leaves a message's position behind;
 * a look-up checks the slot's own key, so a stale position only costs a probe, and the table is
 * rebuilt from the live messages when positions would fill half of it (at least a quarter of its
 * length of insertions apart). The rings and the table start small and double; that growth and the
 * rebuild are the only allocation.
 */
public final class DecidedMessages {
    /** Largest capacity, messages and items alike: 2^26. */
    public static final int CAPACITY_MAX = 1 << 26;

    static final int INITIAL_SLOTS = 256;
    static final int INITIAL_ITEMS = 1024;

    static final int LONGS = 6;
    static final int REFS = 3;

    private static final int FIRST_SEQUENCE = 0;
    private static final int TIME_MS = 1;
    private static final int FINGERPRINT = 2;
    private static final int HASH = 3;
    private static final int FIRST_ITEM = 4;
    private static final int ITEM_COUNT = 5;

    private static final int SENDER_ID = 0;
    private static final int MESSAGE_ID = 1;
    private static final int MESSAGE_TYPE = 2;

    private final int capacity;
    private final int itemCapacity;
    private final long retentionMs;

    private long[] numbers;
    private String[] texts;
    private int slots;
    private int head;
    private int size;

    private long[] items;
    private String[] subjects;
    private int itemMask;
    /** Serial of the oldest item kept, and one past the newest. */
    private long itemHead;

    private long itemTail;

    private long[] table;
    private int tableMask;
    /** Positions taken in {@link #table}, live and stale. */
    private int tableUsed;

    /**
     * @param capacity most messages kept at once, 1..{@link #CAPACITY_MAX}
     * @param itemCapacity most command outcomes kept at once, a power of two, 1..{@link #CAPACITY_MAX}
     * @param retentionMs how long a message is kept, milliseconds of journaled receive time, &gt; 0
     */
    public DecidedMessages(int capacity, int itemCapacity, long retentionMs) {
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            throw new IllegalArgumentException("message dedupe capacity " + capacity + " outside 1.." + CAPACITY_MAX);
        }
        if (itemCapacity < 1 || itemCapacity > CAPACITY_MAX || Integer.bitCount(itemCapacity) != 1) {
            throw new IllegalArgumentException(
                    "message item capacity " + itemCapacity + " is not a power of two in 1.." + CAPACITY_MAX);
        }
        if (retentionMs <= 0) {
            throw new IllegalArgumentException("message retention must be positive: " + retentionMs + " ms");
        }
        this.capacity = capacity;
        this.itemCapacity = itemCapacity;
        this.retentionMs = retentionMs;
        allocateSlots(Math.min(capacity, INITIAL_SLOTS));
        allocateItems(Math.min(itemCapacity, INITIAL_ITEMS));
    }

    public int capacity() {
        return capacity;
    }

    public int itemCapacity() {
        return itemCapacity;
    }

    public long retentionMs() {
        return retentionMs;
    }

    /** Messages kept now. */
    public int size() {
        return size;
    }

    /** Command outcomes kept now. */
    public int itemCount() {
        return (int) (itemTail - itemHead);
    }

    /**
     * Whether a message of {@code commands} outcomes, recorded at {@code nowMs}, finds room once
     * {@link #forget forget(nowMs)} has run. Changes nothing.
     */
    public boolean hasRoom(long nowMs, int commands) {
        if (commands > itemCapacity) {
            return false;
        }
        int messages = size;
        long kept = itemTail - itemHead;
        long oldestKeptMs = nowMs - retentionMs;
        for (int i = 0, slot = head;
                messages + 1 > capacity || kept + commands > itemCapacity;
                i++, slot = next(slot)) {
            if (i == size || numbers[slot * LONGS + TIME_MS] > oldestKeptMs) {
                return false;
            }
            messages--;
            kept -= numbers[slot * LONGS + ITEM_COUNT];
        }
        return true;
    }

    /**
     * Forgets, oldest first, every message received at or before {@code nowMs - retentionMs},
     * stopping at the first one still inside the window.
     *
     * @return how many were forgotten
     */
    public int forget(long nowMs) {
        long oldestKeptMs = nowMs - retentionMs;
        int forgotten = 0;
        while (size > 0 && numbers[head * LONGS + TIME_MS] <= oldestKeptMs) {
            int n = head * LONGS;
            long end = numbers[n + FIRST_ITEM] + numbers[n + ITEM_COUNT];
            for (long serial = itemHead; serial < end; serial++) {
                subjects[(int) serial & itemMask] = null;
            }
            itemHead = end;
            Arrays.fill(texts, head * REFS, head * REFS + REFS, null);
            head = next(head);
            size--;
            forgotten++;
        }
        return forgotten;
    }

    /** The slot of the message on (sender, message id), or -1. */
    public int find(String senderId, String messageId) {
        int hash = hash(senderId, messageId);
        for (int i = hash & tableMask; ; i = (i + 1) & tableMask) {
            long entry = table[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            int t = slot * REFS;
            if ((int) (entry >>> 32) == hash
                    && messageId.equals(texts[t + MESSAGE_ID])
                    && senderId.equals(texts[t + SENDER_ID])) {
                return slot;
            }
        }
    }

    /**
     * Remembers {@code c} with its receive time. The caller has checked that its key is not kept
     * and that there is {@link #hasRoom room} after {@link #forget}.
     *
     * @throws IllegalStateException when there is no room: the caller did not check
     */
    public void remember(RecordMessageCommand c) {
        if (size == capacity || itemTail - itemHead + c.count() > itemCapacity) {
            throw new IllegalStateException("message window is full: " + size + " messages, " + (itemTail - itemHead)
                    + " + " + c.count() + " items");
        }
        if (size == slots) {
            growSlots();
        }
        while (itemTail - itemHead + c.count() > items.length) {
            growItems();
        }
        int slot = head + size;
        if (slot >= slots) {
            slot -= slots;
        }
        int hash = hash(c.senderId, c.messageId);
        int n = slot * LONGS;
        numbers[n + FIRST_SEQUENCE] = c.firstSequence;
        numbers[n + TIME_MS] = c.timeMs;
        numbers[n + FINGERPRINT] = c.fingerprint;
        numbers[n + HASH] = hash;
        numbers[n + FIRST_ITEM] = itemTail;
        numbers[n + ITEM_COUNT] = c.count();
        int t = slot * REFS;
        texts[t + SENDER_ID] = c.senderId;
        texts[t + MESSAGE_ID] = c.messageId;
        texts[t + MESSAGE_TYPE] = c.messageType;
        for (int i = 0; i < c.count(); i++) {
            int at = (int) itemTail & itemMask;
            items[at] = c.packedAt(i);
            subjects[at] = c.subjectAt(i);
            itemTail++;
        }
        size++;
        if (2 * (tableUsed + 1) > table.length) {
            rebuildTable();
        } else {
            insert(hash, slot);
        }
    }

    public long firstSequenceAt(int slot) {
        return numbers[slot * LONGS + FIRST_SEQUENCE];
    }

    public long timeMsAt(int slot) {
        return numbers[slot * LONGS + TIME_MS];
    }

    public long fingerprintAt(int slot) {
        return numbers[slot * LONGS + FINGERPRINT];
    }

    public String messageTypeAt(int slot) {
        return texts[slot * REFS + MESSAGE_TYPE];
    }

    /** Commands the message at {@code slot} became. */
    public int commandCountAt(int slot) {
        return (int) numbers[slot * LONGS + ITEM_COUNT];
    }

    /** The packed outcome of command {@code i} of the message at {@code slot} (see {@link RecordMessageCommand}). */
    public long outcomeAt(int slot, int i) {
        return items[itemIndex(slot, i)];
    }

    /** The subject id of command {@code i} of the message at {@code slot}. */
    public String subjectAt(int slot, int i) {
        return subjects[itemIndex(slot, i)];
    }

    /** Copies the message at {@code slot} into {@code into} (cleared first); its sender and key too. */
    public void copyTo(int slot, RecordMessageCommand into) {
        into.clear();
        int t = slot * REFS;
        into.senderId = texts[t + SENDER_ID];
        into.messageId = texts[t + MESSAGE_ID];
        into.messageType = texts[t + MESSAGE_TYPE];
        into.fingerprint = fingerprintAt(slot);
        into.firstSequence = firstSequenceAt(slot);
        into.timeMs = timeMsAt(slot);
        for (int i = 0; i < commandCountAt(slot); i++) {
            into.addPacked(outcomeAt(slot, i), subjectAt(slot, i));
        }
    }

    /**
     * Writes the window: capacity int32 · itemCapacity int32 · retentionMs int64 · count int32 · {
     * senderId · messageId · messageType · firstSequence int64 · timeMs int64 · fingerprint int64 ·
     * commands int32 · { packed int64 · subject (nullable, as {@link Snapshots#writeString}) } },
     * oldest first.
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(capacity);
        out.writeInt(itemCapacity);
        out.writeLong(retentionMs);
        out.writeInt(size);
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            int t = slot * REFS;
            out.writeUTF(texts[t + SENDER_ID]);
            out.writeUTF(texts[t + MESSAGE_ID]);
            out.writeUTF(texts[t + MESSAGE_TYPE]);
            out.writeLong(firstSequenceAt(slot));
            out.writeLong(timeMsAt(slot));
            out.writeLong(fingerprintAt(slot));
            out.writeInt(commandCountAt(slot));
            for (int c = 0; c < commandCountAt(slot); c++) {
                out.writeLong(outcomeAt(slot, c));
                Snapshots.writeString(out, subjectAt(slot, c));
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static DecidedMessages read(DataInput in) throws IOException {
        DecidedMessages d = new DecidedMessages(in.readInt(), in.readInt(), in.readLong());
        RecordMessageCommand c = new RecordMessageCommand();
        for (int i = 0, n = in.readInt(); i < n; i++) {
            c.clear();
            c.senderId = in.readUTF();
            c.messageId = in.readUTF();
            c.messageType = in.readUTF();
            c.firstSequence = in.readLong();
            c.timeMs = in.readLong();
            c.fingerprint = in.readLong();
            for (int k = 0, commands = in.readInt(); k < commands; k++) {
                c.addPacked(in.readLong(), Snapshots.readString(in));
            }
            d.remember(c);
        }
        return d;
    }

    // ---------------------------------------------------------------- internals

    private int itemIndex(int slot, int i) {
        if (i < 0 || i >= commandCountAt(slot)) {
            throw new IndexOutOfBoundsException("command " + i + " of " + commandCountAt(slot));
        }
        return (int) (numbers[slot * LONGS + FIRST_ITEM] + i) & itemMask;
    }

    private int next(int slot) {
        return slot + 1 == slots ? 0 : slot + 1;
    }

    private void insert(int hash, int slot) {
        int i = hash & tableMask;
        while (table[i] != 0) {
            i = (i + 1) & tableMask;
        }
        table[i] = (long) hash << 32 | (slot + 1L);
        tableUsed++;
    }

    /** Drops the stale positions: every live message is indexed again. */
    private void rebuildTable() {
        Arrays.fill(table, 0L);
        tableUsed = 0;
        for (int i = 0, slot = head; i < size; i++, slot = next(slot)) {
            insert((int) numbers[slot * LONGS + HASH], slot);
        }
    }

    /**
     * Doubles the message ring (up to the capacity): the messages move, oldest first, to slots
     * 0..size-1, in two copies (from the head to the ring's end, then from its start).
     */
    private void growSlots() {
        long[] oldNumbers = numbers;
        String[] oldTexts = texts;
        int oldSlots = slots;
        int oldHead = head;
        int count = size;
        allocateSlots((int) Math.min(capacity, 2L * oldSlots));
        int tail = Math.min(count, oldSlots - oldHead);
        System.arraycopy(oldNumbers, oldHead * LONGS, numbers, 0, tail * LONGS);
        System.arraycopy(oldNumbers, 0, numbers, tail * LONGS, (count - tail) * LONGS);
        System.arraycopy(oldTexts, oldHead * REFS, texts, 0, tail * REFS);
        System.arraycopy(oldTexts, 0, texts, tail * REFS, (count - tail) * REFS);
        size = count;
        rebuildTable();
    }

    private void allocateSlots(int slots) {
        this.slots = slots;
        numbers = new long[slots * LONGS];
        texts = new String[slots * REFS];
        head = 0;
        size = 0;
        int length = Integer.highestOneBit(Math.max(2, slots) * 4 - 1) * 2; // ≥ 4 × slots, a power of two
        table = new long[length];
        tableMask = length - 1;
        tableUsed = 0;
    }

    /** Doubles the item ring: each item moves to its serial modulo the new length. */
    private void growItems() {
        long[] oldItems = items;
        String[] oldSubjects = subjects;
        int oldMask = itemMask;
        allocateItems(Math.min(itemCapacity, items.length * 2));
        for (long serial = itemHead; serial < itemTail; serial++) {
            items[(int) serial & itemMask] = oldItems[(int) serial & oldMask];
            subjects[(int) serial & itemMask] = oldSubjects[(int) serial & oldMask];
        }
    }

    private void allocateItems(int length) {
        items = new long[length];
        subjects = new String[length];
        itemMask = length - 1;
    }

    private static int hash(String senderId, String messageId) {
        return OpenAddressing.spread(senderId.hashCode() * 31 + messageId.hashCode());
    }

    /** For tests: unused item positions and message slots hold no reference. */
    boolean clearsForgottenSlots() {
        for (int i = 0, slot = head; i < slots; i++, slot = next(slot)) {
            for (int r = 0; r < REFS; r++) {
                if (i >= size && texts[slot * REFS + r] != null) {
                    return false;
                }
            }
        }
        for (long serial = itemTail; serial < itemHead + items.length; serial++) {
            if (subjects[(int) serial & itemMask] != null) {
                return false;
            }
        }
        return true;
    }
}
