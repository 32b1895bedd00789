package io.kapok.gateway.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns off the kernel's read-around for the chunk of a memory-mapped file that an appender is
 * writing into, and turns it back on once the appender has moved to the next chunk.
 *
 * <p>Why. Chronicle Queue extends its files sparsely and maps them in chunks; the first write to a
 * page the file does not have yet is a page fault, and Linux serves a fault on a file mapping by
 * reading around it: it brings in {@code read_ahead_kb} of the file at once, each page of a hole
 * allocated and zeroed. With the 8 MB read-ahead some block devices are given, that is ~4 MB of
 * new pages in one fault: a thread stopped for ~10 ms every ~4 MB the journal grows (about twice a
 * second at 3,000 payments/s), and every payment in flight waits for it. After {@code
 * madvise(MADV_RANDOM)} on the chunk a fault brings in only its own page: the same work, spread over
 * the appends, a few microseconds each. Pages the appender has written stay in the page cache; once
 * it has left a chunk, that chunk gets {@code MADV_NORMAL} back, so a reader that finds its pages
 * evicted later reads ahead as usual.
 *
 * <p>Beside this, the same appender hands the file's pages it has finished with, 8 MB behind it,
 * to a {@link PageRecycler}, which writes them to disk and gives them back to the kernel; this
 * keeps the chunk it left reserved until its part behind the appender has been handed over.
 *
 * <p>A hint only: what the file holds never depends on it, and it never fails an append. Where
 * {@code madvise} has no native binding or fails, it logs once, holds no chunk, and the kernel keeps
 * its default; {@code -Dkapok.mappedReadAround=true} keeps the default too, to compare. One per
 * appender, used on its thread.
 */
public final class AppendReadAround implements ReferenceOwner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppendReadAround.class);

    /** {@code -Dkapok.mappedReadAround=true}: leave the kernel's read-around on (to compare). */
    static final boolean KERNEL_DEFAULT = Boolean.getBoolean("kapok.mappedReadAround");

    private static final long PAGE_BYTES = 4096;

    /** Set once {@code madvise} failed in this process: no more calls. */
    private static volatile boolean unavailable = KERNEL_DEFAULT;

    private final String what;
    /** The chunk advised random, reserved by this; null before the first append. */
    private MappedBytesStore advised;
    /** The file {@link #advised} maps a chunk of. */
    private Object advisedFile;

    /** Chunks advised so far (tests, and to tell it works). */
    private long chunksAdvised;

    /**
     * Hands the pages the appender has finished with back to the kernel ({@link PageRecycler}), or
     * null when that is off.
     */
    private PageRecycler recycler;
    /** Whether this appender's pages go back to the kernel: its {@link #recycler} starts with the first step. */
    private boolean recycles;
    /**
     * The chunk the appender left, still reserved by this while the part of it behind the appender
     * is handed to the recycler (chunks overlap by more than {@link PageRecycler#BEHIND_BYTES}, so
     * every step lies in this one or the current one); null when there is none.
     */
    private MappedBytesStore previous;
    /** The file the positions below belong to (a new cycle starts a new one). */
    private Object recycledFile;
    /** The file's bytes before this have been handed to the recycler (or skipped). */
    private long recycledTo;
    /** The write position at which the next step is due. */
    private long nextRecycleAt;

    /** @param what the file's role, for the one log line on failure ("journal", "mailbox") */
    public AppendReadAround(String what) {
        this(what, PageRecycler.ENABLED);
    }

    /**
     * @param what    the file's role, for the one log line on failure ("journal", "mailbox")
     * @param recycle whether the pages the appender has finished with go back to the kernel
     *                ({@link PageRecycler}, on its own thread)
     */
    public AppendReadAround(String what, boolean recycle) {
        this.what = what;
        this.recycles = recycle && !KERNEL_DEFAULT;
        if (!unavailable) {
            try {
                // Loads the native binding now, at start-up, not in the first append. Chronicle
                // falls back to a binding that does nothing when the native one cannot load.
                String binding = PosixAPI.posix().getClass().getSimpleName();
                if (binding.startsWith("NoOp")) {
                    giveUp("no native binding for madvise (" + binding + ")");
                }
            } catch (RuntimeException | LinkageError e) {
                giveUp(e.toString());
            }
        }
    }

    /**
     * Appender thread, after each document: when {@code out} now writes into another chunk than the
     * last one advised, advises that chunk random and the one it left normal. One reference compare
     * per call otherwise.
     */
    public void afterAppend(Bytes<?> out) {
        try {
            if (unavailable) {
                if (advised != null) {
                    close(); // given up (here or in another appender): hold no chunk for it
                }
                return;
            }
            if (!(out instanceof MappedBytes)) {
                return;
            }
            BytesStore<?, ?> store = out.bytesStore();
            if (store != advised && store instanceof MappedBytesStore mapped) {
                chunkEntered(mapped, ((MappedBytes) out).mappedFile());
            }
            if (recycles && advised != null) {
                recycle((MappedBytes) out);
            }
        } catch (RuntimeException e) {
            // A hint must never fail the append it follows (its document is already written).
            advised = null;
            releasePrevious();
            if (!unavailable) {
                giveUp(e.toString());
            }
        }
    }

    /**
     * Hands over, {@link PageRecycler#STEP_BYTES} at a time, what lies more than {@link
     * PageRecycler#BEHIND_BYTES} behind the write position, from the end of the file's head on. One
     * compare per call otherwise.
     */
    private void recycle(MappedBytes out) {
        Object file = out.mappedFile();
        if (file != recycledFile) {
            recycledFile = file; // a new cycle's file: its positions start again
            recycledTo = PageRecycler.FILE_HEAD_BYTES;
            nextRecycleAt = recycledTo + PageRecycler.BEHIND_BYTES + PageRecycler.STEP_BYTES;
            releasePrevious();
        }
        long position = out.writePosition();
        if (position < nextRecycleAt) {
            return;
        }
        long until = position - PageRecycler.BEHIND_BYTES;
        while (recycledTo + PageRecycler.STEP_BYTES <= until) {
            long from = recycledTo;
            long to = from + PageRecycler.STEP_BYTES;
            MappedBytesStore store =
                    covering(advised, from, to) ? advised : covering(previous, from, to) ? previous : null;
            if (store != null) {
                if (recycler == null) {
                    recycler = new PageRecycler(what); // its thread: only for a file this large
                }
                recycler.submit(store, from, to);
            }
            recycledTo = to;
        }
        nextRecycleAt = recycledTo + PageRecycler.BEHIND_BYTES + PageRecycler.STEP_BYTES;
        if (previous != null && recycledTo >= advised.start()) {
            releasePrevious(); // every step left in it has been handed over
        }
    }

    private static boolean covering(MappedBytesStore store, long from, long to) {
        return store != null && from >= store.start() && to <= store.capacity();
    }

    private void releasePrevious() {
        MappedBytesStore p = previous;
        previous = null;
        if (p != null) {
            p.release(this);
        }
    }

    private void chunkEntered(MappedBytesStore store, Object file) {
        MappedBytesStore left = advised;
        boolean sameFile = file == advisedFile;
        advised = null;
        advisedFile = file;
        try {
            if (!store.tryReserve(this)) {
                return; // released under us (the file closing): nothing to advise
            }
            advised = store;
            if (advise(store, MAdviseFlag.MADV_RANDOM)) {
                chunksAdvised++;
            }
        } finally {
            if (left != null) {
                advise(left, MAdviseFlag.MADV_NORMAL);
                if (recycles && sameFile) {
                    // Kept while the part of it behind the appender is handed to the recycler.
                    releasePrevious();
                    previous = left;
                } else {
                    left.release(this);
                }
            }
        }
    }

    /** The whole mapping of {@code store}'s chunk, page-aligned; false (logged once) when it fails. */
    private boolean advise(MappedBytesStore store, MAdviseFlag flag) {
        if (unavailable) {
            return false;
        }
        try {
            long from = store.addressForRead(store.start());
            long to = from + (store.capacity() - store.start());
            long alignedFrom = from & -PAGE_BYTES;
            int result = PosixAPI.posix().madvise(alignedFrom, to - alignedFrom, flag);
            if (result == 0) {
                return true;
            }
            giveUp("madvise(" + flag + ") returned " + result + " (errno "
                    + PosixAPI.posix().lastError() + ")");
        } catch (RuntimeException | LinkageError e) {
            giveUp(e.toString());
        }
        return false;
    }

    private void giveUp(String why) {
        unavailable = true;
        LOG.warn(
                "the {}'s mapped chunks keep the kernel's read-around ({}): an append that enters a new"
                        + " part of the file may wait for several MB of pages",
                what,
                why);
    }

    /**
     * Appender thread: from now on, whether the pages the appender has finished with go back to the
     * kernel ({@code journal.recycleWrittenPages}); off stops the recycler, if one started, and
     * releases what it held. {@code -Dkapok.pageRecycling=false} and {@code
     * -Dkapok.mappedReadAround=true} keep it off whatever this says.
     */
    public void recycleWrittenPages(boolean on) {
        boolean was = recycles;
        recycles = on && PageRecycler.ENABLED && !KERNEL_DEFAULT;
        if (was && !recycles) {
            releasePrevious();
            if (recycler != null) {
                recycler.close();
                recycler = null;
            }
        }
    }

    /** Chunks this appender entered and advised random so far; appender thread (or after it stopped). */
    public long chunksAdvised() {
        return chunksAdvised;
    }

    /** Appender thread, when the appender closes: gives the last chunk back its normal advice. */
    @Override
    public void close() {
        MappedBytesStore left = advised;
        advised = null;
        try {
            if (recycler != null) {
                recycler.close(); // releases what its queued steps reserved
                recycler = null;
            }
        } finally {
            releasePrevious();
            if (left != null) {
                try {
                    advise(left, MAdviseFlag.MADV_NORMAL);
                } finally {
                    left.release(this);
                }
            }
        }
    }

    /** The recycler of this appender's pages, or null when that is off or before its first step (tests). */
    PageRecycler recycler() {
        return recycler;
    }
}
