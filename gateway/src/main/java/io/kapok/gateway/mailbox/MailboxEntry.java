package io.kapok.gateway.mailbox;

import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of the mailbox queue's documents (one Chronicle Queue document each),
 * little-endian. Two kinds, told apart by their magic:
 *
 * <pre>
 *  MESSAGE ("KPM2")
 *  magic              int32       0x4B504D32
 *  recipientPartyId   utf8        stop-bit length + bytes
 *  partySequence      int64       1, 2, 3... per recipient, no gaps
 *  inboundSequence    int64       the journal entry whose decision caused the message
 *  messageType        utf8        e.g. pacs.008.001.08
 *  createdTimeMs      int64       epoch ms UTC: the inbound entry's receive time, never a clock
 *  format             int8        0: the bytes are the message itself. Otherwise a compact record
 *                                 of that format, rendered to the message when it is read (a
 *                                 {@link MailboxRenderer}): same bytes every time. 4: a relayed
 *                                 message kept as a reference to its journal entry
 *  length             int32       then the bytes; nothing follows
 *
 *  MESSAGE ("KPM1"), as written before formats: the same without {@code format} (always 0)
 *
 *  DELIVERED ("KPD1")
 *  magic              int32       0x4B504431
 *  partyId            utf8
 *  deliveredSequence  int64       the party has asked for messages after this sequence
 * </pre>
 *
 * A reused instance holds the last message read; one per reading thread.
 */
public final class MailboxEntry {
    /** What {@link #read} returns for a message of either layout. */
    static final int MESSAGE_MAGIC = 0x4B504D32;

    private static final int MESSAGE_MAGIC_V1 = 0x4B504D31;
    /** {@link #format} of a message stored as itself. */
    public static final int FORMAT_MESSAGE = 0;

    /**
     * {@link #format} of a relayed inbound message kept as a reference to the journal entry that
     * holds its bytes, not as a copy: {@value #JOURNALED_RECORD_BYTES} bytes, big-endian, the
     * entry's Chronicle index (int64), the message's length (int32) and the first 8 bytes of the
     * entry's hash (int64). The entry is {@link #inboundSequence}. Rendered by {@link
     * JournaledMessageRenderer}.
     */
    public static final int FORMAT_JOURNALED = 4;

    /** Bytes of a {@link #FORMAT_JOURNALED} record. */
    public static final int JOURNALED_RECORD_BYTES = 20;

    static final int DELIVERED_MAGIC = 0x4B504431;

    public String recipientPartyId;
    public long partySequence;
    public long inboundSequence;
    public String messageType;
    public long createdTimeMs;
    /** {@link #FORMAT_MESSAGE}, or the format of the compact record in {@link #bytes}. */
    public int format;
    /** The message is {@code bytes[0..length)}; the buffer grows to the largest message read. */
    public byte[] bytes = new byte[4096];

    public int length;

    static void writeMessage(
            Bytes<?> out,
            String recipientPartyId,
            long partySequence,
            long inboundSequence,
            String messageType,
            long createdTimeMs,
            int format,
            byte[] bytes,
            int offset,
            int length) {
        out.writeInt(MESSAGE_MAGIC);
        out.writeUtf8(recipientPartyId);
        out.writeLong(partySequence);
        out.writeLong(inboundSequence);
        out.writeUtf8(messageType);
        out.writeLong(createdTimeMs);
        out.writeByte((byte) format);
        out.writeInt(length);
        out.write(bytes, offset, length);
    }

    /** Writes a {@link #FORMAT_JOURNALED} record into {@code record[0..JOURNALED_RECORD_BYTES)}. */
    static void writeJournaled(byte[] record, long journalIndex, int messageLength, long entryHashTag) {
        for (int i = 0; i < 8; i++) {
            record[i] = (byte) (journalIndex >>> (56 - 8 * i));
            record[12 + i] = (byte) (entryHashTag >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            record[8 + i] = (byte) (messageLength >>> (24 - 8 * i));
        }
    }

    /** The journal entry's Chronicle index in a {@link #FORMAT_JOURNALED} record. */
    static long journaledIndex(byte[] record) {
        return bigEndianLong(record, 0);
    }

    /** The first 8 bytes of the entry's hash in a {@link #FORMAT_JOURNALED} record. */
    static long journaledEntryHashTag(byte[] record) {
        return bigEndianLong(record, 12);
    }

    private static long bigEndianLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    /** The message's length in a {@link #FORMAT_JOURNALED} record. */
    static int journaledLength(byte[] record) {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            length = (length << 8) | (record[8 + i] & 0xFF);
        }
        return length;
    }

    static void writeDelivered(Bytes<?> out, String partyId, long deliveredSequence) {
        out.writeInt(DELIVERED_MAGIC);
        out.writeUtf8(partyId);
        out.writeLong(deliveredSequence);
    }

    /**
     * Reads the document at {@code in}'s read position. Returns its kind ({@link #MESSAGE_MAGIC}
     * for a message of either layout, or {@link #DELIVERED_MAGIC}); for a message, fills this
     * instance, with the bytes (the message, or its compact record) only when {@code withBytes}.
     *
     * @throws IllegalStateException when the document is neither kind (not a Kapok mailbox)
     */
    int read(Bytes<?> in, boolean withBytes, long queueIndex) {
        int magic = in.readInt();
        if (magic == DELIVERED_MAGIC) {
            recipientPartyId = in.readUtf8();
            partySequence = in.readLong();
            return magic;
        }
        if (magic != MESSAGE_MAGIC && magic != MESSAGE_MAGIC_V1) {
            throw new IllegalStateException(String.format(
                    "mailbox document at index 0x%x starts with 0x%08X: not a Kapok mailbox entry", queueIndex, magic));
        }
        recipientPartyId = in.readUtf8();
        partySequence = in.readLong();
        inboundSequence = in.readLong();
        messageType = in.readUtf8();
        createdTimeMs = in.readLong();
        format = magic == MESSAGE_MAGIC ? in.readUnsignedByte() : FORMAT_MESSAGE;
        length = in.readInt();
        if (length < 0 || length != in.readRemaining()) {
            throw new IllegalStateException("mailbox message at index 0x" + Long.toHexString(queueIndex) + " claims "
                    + length + " bytes, " + in.readRemaining() + " remain");
        }
        if (withBytes) {
            readBytes(in);
        }
        return MESSAGE_MAGIC;
    }

    /** After {@link #read} without the bytes: reads them, from where it stopped. */
    void readBytes(Bytes<?> in) {
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        in.read(bytes, 0, length);
    }
}
