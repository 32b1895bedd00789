package io.kapok.gateway.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads back the message bytes journaled with an entry, found by the entry's Chronicle index: for a
 * mailbox that keeps a reference to a relayed message instead of a second copy of its bytes.
 *
 * <p>Each read checks that the entry at the index is the expected sequence, reads it whole with its
 * entry hash checked, and checks the message bytes against the digest journaled with them, so the
 * bytes a recipient gets are exactly the bytes journaled for audit; and that the entry's hash
 * begins with the tag the reference recorded, so an entry written at the same index and sequence
 * after a crash lost the one referred to is not taken for it. A missing entry (its cycle file
 * removed by hand: retention keeps every cycle the mailbox still holds a message of) or a damaged
 * one is an {@link IllegalStateException} naming both.
 *
 * <p>One instance per thread: its tailer is opened on first use, on the reading thread.
 */
public final class JournalMessages implements AutoCloseable {
    private final Journal journal;
    private final JournalEntryCodec.Decoded decoded = new JournalEntryCodec.Decoded();
    private ExcerptTailer tailer;

    public JournalMessages(Journal journal) {
        this.journal = journal;
    }

    /**
     * The entry {@code sequence} journaled at {@code index}, with its message bytes in {@code
     * raw[0..rawLength)} of the returned instance (reused by the next read).
     *
     * @throws IllegalStateException when the journal has no such entry there, or it fails its checks
     */
    public JournalEntryCodec.Decoded read(long index, long sequence, long entryHashTag) {
        ExcerptTailer t = tailer;
        if (t == null) {
            t = journal.queue().createTailer();
            tailer = t;
        }
        if (!t.moveToIndex(index)) {
            throw missing(index, sequence);
        }
        try (DocumentContext dc = t.readingDocument()) {
            if (!dc.isPresent() || dc.isMetaData() || dc.index() != index) {
                throw missing(index, sequence);
            }
            JournalEntryCodec.read(dc.wire().bytes(), decoded, "index 0x" + Long.toHexString(index), true);
        } catch (JournalCorruptException e) {
            throw new IllegalStateException(
                    "journal entry " + sequence + " at index 0x" + Long.toHexString(index) + ": " + e.getMessage(), e);
        }
        if (decoded.command.sequence != sequence) {
            throw new IllegalStateException("the journal entry at index 0x" + Long.toHexString(index) + " is "
                    + decoded.command.sequence + ", not " + sequence);
        }
        if (tag(decoded.entryHash) != entryHashTag) {
            throw new IllegalStateException("journal entry " + sequence + " at index 0x" + Long.toHexString(index)
                    + " is not the entry referred to (another entry hash): the journal lost that one in a crash");
        }
        return decoded;
    }

    /** The first 8 bytes of an entry hash, big-endian. */
    public static long tag(byte[] entryHash) {
        long tag = 0;
        for (int i = 0; i < 8; i++) {
            tag = (tag << 8) | (entryHash[i] & 0xFF);
        }
        return tag;
    }

    private static IllegalStateException missing(long index, long sequence) {
        return new IllegalStateException("the journal has no entry at index 0x" + Long.toHexString(index) + " (entry "
                + sequence + "), whose message a mailbox refers to: was its cycle file removed by hand?");
    }

    @Override
    public void close() {
        if (tailer != null) {
            tailer.close();
            tailer = null;
        }
    }
}
