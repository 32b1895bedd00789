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

    /** Chunks advised so far (tests, and to tell it works). */
    private long chunksAdvised;

    /** @param what the file's role, for the one log line on failure ("journal", "mailbox") */
    public AppendReadAround(String what) {
        this.what = what;
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
                chunkEntered(mapped);
            }
        } catch (RuntimeException e) {
            // A hint must never fail the append it follows (its document is already written).
            advised = null;
            if (!unavailable) {
                giveUp(e.toString());
            }
        }
    }

    private void chunkEntered(MappedBytesStore store) {
        MappedBytesStore left = advised;
        advised = null;
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
                left.release(this);
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

    /** Chunks this appender entered and advised random so far; appender thread (or after it stopped). */
    public long chunksAdvised() {
        return chunksAdvised;
    }

    /** Appender thread, when the appender closes: gives the last chunk back its normal advice. */
    @Override
    public void close() {
        MappedBytesStore left = advised;
        advised = null;
        if (left != null) {
            try {
                advise(left, MAdviseFlag.MADV_NORMAL);
            } finally {
                left.release(this);
            }
        }
    }
}
