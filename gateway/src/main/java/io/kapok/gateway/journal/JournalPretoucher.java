package io.kapok.gateway.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.ExcerptContext;
import net.openhft.chronicle.wire.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Touches the journal's memory-mapped pages ahead of the appender, on a thread of its own ({@code
 * kapok-journal-pretouch}), so that the sequencer does not take the page fault (and the file-system
 * block allocation) of a fresh page in the middle of an append. Open-source Chronicle Queue's own
 * {@code pretouch()} does nothing; this does what it would.
 *
 * <p>Every {@value #PERIOD_MS} ms it finds the end of the journal with a tailer of its own and
 * touches each page from there to {@code aheadBytes} further with an atomic compare-and-set of 0 to
 * 0: the page is written (so mapped, allocated and dirty) but its content never changes, whatever
 * the appender writes at the same moment. Failures stop the pretoucher quietly (after one log line):
 * appends only lose the head start.
 */
public final class JournalPretoucher extends JournalThread {
    private static final Logger LOG = LoggerFactory.getLogger(JournalPretoucher.class);
    /** How often the pretoucher looks for the end of the journal. */
    static final long PERIOD_MS = 5;

    private static final int PAGE_BYTES = 4096;

    private final Journal journal;
    private final long aheadBytes;
    private volatile long touchedPages;

    /** @param aheadBytes how far past the end of the journal to keep pages touched, bytes */
    public JournalPretoucher(Journal journal, long aheadBytes) {
        super("kapok-journal-pretouch");
        this.journal = journal;
        this.aheadBytes = aheadBytes;
    }

    /** Starts the thread. */
    public JournalPretoucher start() {
        startThread();
        return this;
    }

    @Override
    protected void work() {
        try (ExcerptTailer tailer = journal.createTailer()) {
            Bytes<?> touchedIn = null;
            long touchedUpTo = 0;
            while (running()) {
                tailer.toEnd();
                Wire wire = tailer instanceof ExcerptContext context ? context.wire() : null;
                if (wire != null) {
                    Bytes<?> bytes = wire.bytes();
                    if (bytes != touchedIn) {
                        touchedIn = bytes; // a new cycle file
                        touchedUpTo = 0;
                    }
                    long end = bytes.readPosition();
                    long from = Math.max(touchedUpTo, (end / PAGE_BYTES + 1) * PAGE_BYTES);
                    long to = Math.min(end + aheadBytes, bytes.realCapacity());
                    for (long p = from; p < to && running(); p += PAGE_BYTES) {
                        bytes.compareAndSwapInt(p, 0, 0);
                        touchedPages++;
                    }
                    touchedUpTo = Math.max(touchedUpTo, to);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
            }
        } catch (RuntimeException e) {
            if (running()) {
                LOG.warn("journal pretoucher stopped; appends may take page faults: {}", e.toString());
            }
        }
    }

    /** Pages touched so far; any thread. */
    public long touchedPages() {
        return touchedPages;
    }
}
