package io.kapok.gateway.journal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.ReferenceCounted;
import net.openhft.chronicle.core.io.ReferenceOwner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches the journal's memory-mapped pages ahead of the appender, on a thread of its own ({@code
 * kapok-journal-pretouch}), so that the sequencer does not take the page fault (page-cache
 * allocation, zeroing, file-system block reservation) of a fresh page in the middle of an append.
 * Open-source Chronicle Queue's own {@code pretouch()} does nothing; this does what it would.
 *
 * <p>It touches through the appender's own mapping: the chunk stores of the {@link MappedFile} the
 * appender writes to (Chronicle shares one store per chunk between every user of the file), so the
 * page-table entries it creates are the ones the appender then uses. A second mapping of the same
 * file would only warm the page cache, and each append would still fault on its first write to a
 * page. Each round it reads the end of the appender's last document ({@link JournalAppendFront}) and
 * touches each page from there to {@code aheadBytes} further with an atomic
 * compare-and-set of 0 to 0: the page is written (so mapped, allocated and dirty) but its content
 * never changes, whatever the appender writes at the same moment. A page in the overlap Chronicle
 * maps past a chunk's end is touched through both chunks' mappings, since the appender reaches it
 * through the one it is in. Holding the chunk store it touches also keeps the next chunk mapped
 * before the appender reaches it.
 *
 * <p>Pacing. After a round it sleeps for as long as the appender, at the rate it wrote since the
 * round before, takes to use up half of the distance: {@value #PERIOD_MS_MAX} ms when the journal is
 * quiet or the distance is long, down to {@value #PERIOD_MS_MIN} ms when appends come fast enough
 * to eat it sooner. A fixed short period would wake it a thousand times a second whatever the
 * traffic, and on a virtual machine each wake-up costs tens of microseconds of CPU.
 *
 * <p>Failures stop the pretoucher quietly (after one log line): appends only lose the head start.
 */
public final class JournalPretoucher extends JournalThread implements ReferenceOwner {
    private static final Logger LOG = LoggerFactory.getLogger(JournalPretoucher.class);
    /** The shortest sleep between rounds, ms: when the appender would use up the spare lead sooner. */
    static final long PERIOD_MS_MIN = 1;

    /** The longest sleep between rounds, ms: a quiet journal, or a distance that lasts longer. */
    static final long PERIOD_MS_MAX = 50;

    /** The unit touched: one page. */
    static final int PAGE_BYTES = 4096;

    /**
     * The most a pretoucher may run ahead: half a Chronicle chunk (64 MB), so that the chunk it
     * holds is never one the appender has left behind for good.
     */
    public static final long AHEAD_BYTES_MAX = 32L << 20;

    private final JournalAppendFront front;
    private final long aheadBytes;
    private volatile long touchedPages;
    private volatile long touchedUpTo;

    /**
     * @param aheadBytes how far past the end of the last document to keep pages touched, bytes: one
     *     page to {@link #AHEAD_BYTES_MAX}
     */
    public JournalPretoucher(JournalAppendFront front, long aheadBytes) {
        super("kapok-journal-pretouch");
        if (aheadBytes < PAGE_BYTES || aheadBytes > AHEAD_BYTES_MAX) {
            throw new IllegalArgumentException(
                    "pretouch distance " + aheadBytes + " bytes is outside " + PAGE_BYTES + ".." + AHEAD_BYTES_MAX);
        }
        this.front = front;
        this.aheadBytes = aheadBytes;
    }

    /** Starts the thread. */
    public JournalPretoucher start() {
        startThread();
        return this;
    }

    @Override
    protected void work() {
        MappedFile file = null;
        MappedBytesStore store = null;
        MappedBytesStore previous = null;
        try {
            long next = 0;
            long lastPosition = 0;
            long lastRoundNs = System.nanoTime();
            while (running()) {
                MappedFile current = front.mappedFile();
                long position = front.position();
                if (current != file) {
                    store = release(store);
                    previous = release(previous);
                    file = release(file);
                    // A file the appender has already left (rolled to the next cycle) may be gone.
                    if (current != null && current.tryReserve(this)) {
                        file = current;
                        next = 0;
                        lastPosition = position;
                    }
                }
                if (file != null) {
                    next = Math.max(next, pageAfter(position));
                    long to = position + aheadBytes;
                    for (; next < to && running(); next += PAGE_BYTES) {
                        if (store == null || next >= store.safeLimit()) {
                            release(previous);
                            previous = store;
                            store = file.acquireByteStore(this, next);
                        }
                        store.compareAndSwapInt(next, 0, 0);
                        // Chronicle maps each chunk with an overlap past its safe limit, and the
                        // appender goes on writing there through the chunk it is in: touch those
                        // pages through that mapping as well.
                        if (previous != null) {
                            // A chunk store's capacity is the file offset where its mapping ends.
                            if (next + Integer.BYTES <= previous.capacity()) {
                                previous.compareAndSwapInt(next, 0, 0);
                            } else {
                                previous = release(previous);
                            }
                        }
                        touchedPages++;
                    }
                    touchedUpTo = next;
                }
                long now = System.nanoTime();
                long sleepNs = file == null
                        ? TimeUnit.MILLISECONDS.toNanos(PERIOD_MS_MAX) // no document yet, or a file gone
                        : sleepNanos(next - position, aheadBytes, position - lastPosition, now - lastRoundNs);
                lastPosition = position;
                lastRoundNs = now;
                LockSupport.parkNanos(sleepNs);
            }
        } catch (IOException | RuntimeException e) {
            if (running()) {
                LOG.warn("journal pretoucher stopped; appends may take page faults: {}", e.toString());
            }
        } finally {
            release(store);
            release(previous);
            release(file);
        }
    }

    /**
     * How long to sleep after a round: the time the appender, writing {@code appendedBytes} in
     * {@code elapsedNs} as it did since the round before, takes to use up the touched lead beyond
     * half the distance; {@value #PERIOD_MS_MIN} to {@value #PERIOD_MS_MAX} ms.
     *
     * @param leadBytes touched bytes ahead of the appender now
     * @param appendedBytes bytes the appender wrote since the round before (0 or less: none, or a
     *     new file)
     */
    static long sleepNanos(long leadBytes, long aheadBytes, long appendedBytes, long elapsedNs) {
        long min = TimeUnit.MILLISECONDS.toNanos(PERIOD_MS_MIN);
        long max = TimeUnit.MILLISECONDS.toNanos(PERIOD_MS_MAX);
        long spareBytes = leadBytes - aheadBytes / 2;
        if (spareBytes <= 0 || elapsedNs <= 0) {
            return min;
        }
        if (appendedBytes <= 0) {
            return max;
        }
        // spare (< 2^26) x elapsed, capped at 2^32 ns: no overflow.
        long ns = spareBytes * Math.min(elapsedNs, 1L << 32) / appendedBytes;
        return Math.max(min, Math.min(max, ns));
    }

    /** The start of the first page wholly after {@code position}: the one an append reaches next. */
    private static long pageAfter(long position) {
        return (position / PAGE_BYTES + 1) * PAGE_BYTES;
    }

    private <T extends ReferenceCounted> T release(T counted) {
        if (counted != null) {
            counted.release(this);
        }
        return null;
    }

    /** Pages touched so far; any thread. */
    public long touchedPages() {
        return touchedPages;
    }

    /** Where the touched pages end in the current file (every page before it, from the appender on, is touched); any thread. */
    public long touchedUpTo() {
        return touchedUpTo;
    }
}
