package io.kapok.gateway.journal;

import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedFile;

/**
 * Where an appender writes: the mapped file it writes to and the end of its last document in it.
 * The appender's thread publishes it after each document ({@link #published}); a {@link
 * JournalPretoucher}'s thread reads it.
 */
public final class JournalAppendFront {
    /** The file of the last document (changes when the cycle rolls). */
    private volatile MappedFile mappedFile;
    /** The end of the last document in {@link #mappedFile}. */
    private final AtomicLong position = new AtomicLong();

    /**
     * Publishes that the document just written to {@code out} ends at {@code end}: the position
     * first, then (only when the cycle rolled) the file, so that a reader that sees the new file
     * also sees a position in it. Appender thread; allocates nothing.
     */
    public void published(Bytes<?> out, long end) {
        position.lazySet(end);
        if (out instanceof MappedBytes mapped && mapped.mappedFile() != mappedFile) {
            mappedFile = mapped.mappedFile();
        }
    }

    /** The file the appender writes to now, or null before its first document; any thread. */
    public MappedFile mappedFile() {
        return mappedFile;
    }

    /** The end of the appender's last document in {@link #mappedFile()}, bytes from its start; any thread. */
    public long position() {
        return position.get();
    }
}
