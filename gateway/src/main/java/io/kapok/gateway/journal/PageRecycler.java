package io.kapok.gateway.journal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.MSyncFlag;
import net.openhft.posix.PosixAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the pages an appender has finished with back to the kernel soon, so that the pages of the
 * file's next appends are recycled ones: a thread of its own writes each step the appender hands it
 * to disk ({@code msync(MS_SYNC)}) and then reclaims its pages ({@code madvise(MADV_PAGEOUT)}).
 *
 * <p>Why. Every append to a mapped file eventually writes into a page the file never had, and the
 * kernel takes a free page for it. On a virtual machine that reports its free memory to the host
 * (virtio-balloon free page reporting), a page free for more than a moment is given back to the
 * host, and the first write to it costs the guest ~8–15 µs instead of ~1 ("What a fresh page costs
 * on this machine", BENCHMARKS.md). A journal that only grows keeps taking such pages; one whose
 * written pages go back to the free lists a few MB behind the appender takes the same pages again
 * while they are still backed. The same also keeps the page cache from filling with journal pages
 * nobody reads again.
 *
 * <p>What it costs: the steps' pages reach the disk earlier than the kernel's own writeback would
 * take them (the same bytes, from this thread, which waits for them), and a reader of a part of the
 * file behind the appender by more than {@link #BEHIND_BYTES} reads it from disk, not from memory
 * (a mailbox fetch of a message that old, a replay). What the file holds never depends on it. A
 * page the appender writes again after it was reclaimed (an index array of the queue, filled over
 * many appends) is read back from disk by that write: a few such pages per million appends.
 *
 * <p>Limits: at most {@value #STEPS_QUEUED} steps wait for the thread; a step that finds the queue
 * full is left to the kernel (counted in {@link #stepsSkipped()}). Where {@code msync} or {@code
 * madvise} fails or has no native binding, it logs once and hands back nothing more. {@code
 * -Dkapok.pageRecycling=false} turns it off, to compare; so does {@code
 * -Dkapok.mappedReadAround=true} (every kernel default kept, {@link AppendReadAround}).
 */
public final class PageRecycler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PageRecycler.class);

    /** {@code -Dkapok.pageRecycling=false}: leave the appenders' pages to the kernel (to compare). */
    public static final boolean ENABLED = !"false".equals(System.getProperty("kapok.pageRecycling"));

    /** How far behind the appender a step ends: what a reader of recent entries finds in memory. */
    public static final long BEHIND_BYTES = 8L << 20;
    /** The file's part handed over at once. */
    public static final long STEP_BYTES = 1L << 20;
    /**
     * The start of each file never handed over: the queue's header and first index, written to on
     * every append or often.
     */
    public static final long FILE_HEAD_BYTES = 1L << 20;

    static final int STEPS_QUEUED = 64;
    /** Linux {@code MADV_PAGEOUT} (5.4 and later): reclaim the range's pages now. */
    private static final int MADV_PAGEOUT = 21;

    private final String what;
    private final ArrayBlockingQueue<Step> steps = new ArrayBlockingQueue<>(STEPS_QUEUED);
    private final Thread thread;
    private final AtomicLong stepsRecycled = new AtomicLong();
    private final AtomicLong stepsSkipped = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean unavailable;

    /** One step: a part of a chunk's mapping, the chunk reserved by the step until it is done. */
    private static final class Step implements ReferenceOwner {
        final MappedBytesStore store;
        final long address;
        final long length;

        Step(MappedBytesStore store, long address, long length) {
            this.store = store;
            this.address = address;
            this.length = length;
        }
    }

    /** @param what the file's role, for the thread's name and the one log line on failure */
    public PageRecycler(String what) {
        this.what = what;
        this.thread = new Thread(this::run, "kapok-" + what + "-recycler");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Appender thread: hands over the file's bytes {@code [from, to)}, page-aligned, that lie in
     * {@code store}'s mapping and that the appender will not write again (but see the class doc);
     * false when the step was not taken (the queue full, the chunk released, recycling given up).
     */
    boolean submit(MappedBytesStore store, long from, long to) {
        if (unavailable || closed) {
            return false;
        }
        Step step = new Step(store, store.addressForRead(from), to - from);
        if (!store.tryReserve(step)) {
            return false;
        }
        if (!steps.offer(step)) {
            store.release(step);
            stepsSkipped.incrementAndGet();
            return false;
        }
        return true;
    }

    private void run() {
        while (!closed) {
            Step step;
            try {
                step = steps.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (step != null) {
                recycle(step);
            }
        }
    }

    private void recycle(Step step) {
        try {
            if (unavailable) {
                return;
            }
            PosixAPI posix = PosixAPI.posix();
            int synced = posix.msync(step.address, step.length, MSyncFlag.MS_SYNC);
            if (synced != 0) {
                giveUp("msync returned " + synced + " (errno " + posix.lastError() + ")");
                return;
            }
            int advised = posix.madvise(step.address, step.length, MADV_PAGEOUT);
            if (advised != 0) {
                giveUp("madvise(MADV_PAGEOUT) returned " + advised + " (errno " + posix.lastError() + ")");
                return;
            }
            stepsRecycled.incrementAndGet();
        } catch (RuntimeException | LinkageError e) {
            giveUp(e.toString());
        } finally {
            step.store.release(step);
        }
    }

    private void giveUp(String why) {
        if (!unavailable) {
            unavailable = true;
            LOG.warn(
                    "the {}'s written pages are left to the kernel ({}): its appends may take pages the host must"
                            + " back first",
                    what,
                    why);
        }
    }

    /** Steps written to disk and reclaimed so far; any thread. */
    public long stepsRecycled() {
        return stepsRecycled.get();
    }

    /** Steps left to the kernel because the queue was full; any thread. */
    public long stepsSkipped() {
        return stepsSkipped.get();
    }

    /**
     * Stops the thread after the step it is on, and releases the chunks of the steps still queued:
     * before the file's queue closes, so that no chunk stays reserved by this.
     */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Step step;
        while ((step = steps.poll()) != null) {
            step.store.release(step);
        }
    }
}
