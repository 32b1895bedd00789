package io.kapok.gateway.mailbox;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One party's mailbox in memory: where each of its messages is in the mailbox queue, how far it has
 * taken delivery, and the polls waiting for its next message.
 *
 * <p>The index holds the Chronicle Queue index of each message by its per-party sequence (8 bytes a
 * message), in chunks of {@value #CHUNK_LENGTH} (256 KB): the first chunk starts small and doubles
 * up to that length, and each later one is allocated whole when the one before is full. So the
 * index never copies more than one chunk, and never asks for an array the collector has to place
 * as a humongous object: a single array doubling to millions of entries had the sequencer copy
 * tens of megabytes, into memory the JVM first had to commit and the kernel to zero, while it
 * answered nothing. The sequencer's thread is the only writer: it stores the new index (and any
 * new chunk, or chunk directory) and only then publishes the new {@link #lastSequence()}
 * (volatile). A reader on any thread reads {@code lastSequence} first and then the chunks, so it
 * always finds every index up to the sequence it read.
 */
public final class PartyMailbox {
    /** Messages a chunk of the index holds (2^15: 256 KB, under any G1 region's humongous threshold). */
    static final int CHUNK_LENGTH = 1 << 15;

    private static final int CHUNK_SHIFT = Integer.numberOfTrailingZeros(CHUNK_LENGTH);
    private static final int FIRST_CHUNK_LENGTH = 16;
    /** Most messages one mailbox indexes: chunk numbers stay within an int-indexed directory. */
    static final long INDEXED_MAX = (long) CHUNK_LENGTH << 30;

    private final String partyId;
    /**
     * The index by chunk: message {@code s} is at {@code [slot >>> CHUNK_SHIFT][slot & (CHUNK_LENGTH -
     * 1)]} with {@code slot = s - 1 - indexBase}. Written by the sequencer's thread only; a grown
     * directory is published before the {@link #lastSequence} that needs it.
     */
    private volatile long[][] chunks = {new long[FIRST_CHUNK_LENGTH]};

    private volatile long lastSequence;
    /**
     * Messages up to this sequence were in mailbox cycles retention removed before start-up: the
     * index holds message {@code s} at slot {@code s - 1 - indexBase}. Set once, while the index is rebuilt.
     */
    private long indexBase;
    /** The first message still in the mailbox queue; retention moves it forward. Any thread. */
    private volatile long firstRetainedSequence = 1;
    /** The highest sequence the party has taken delivery of (asked with {@code after} at or past it). */
    private final AtomicLong deliveredSequence = new AtomicLong();
    /** Set when {@link #deliveredSequence} moved and the sequencer has not yet made it durable. */
    final AtomicBoolean deliveredDirty = new AtomicBoolean();

    final ConcurrentLinkedQueue<MailboxPoll> parked = new ConcurrentLinkedQueue<>();
    final AtomicInteger parkedCount = new AtomicInteger();
    /** Sequencer thread: set while the party is in the current batch's list of mailboxes written. */
    boolean writtenInBatch;

    PartyMailbox(String partyId) {
        this.partyId = partyId;
    }

    public String partyId() {
        return partyId;
    }

    /** The per-party sequence of the last message (0 when empty); any thread. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The highest sequence delivered (0 when none); any thread. */
    public long deliveredSequence() {
        return deliveredSequence.get();
    }

    /** Messages written and not yet delivered; any thread. */
    public long undelivered() {
        return lastSequence - deliveredSequence.get();
    }

    /**
     * Chronicle Queue index of message {@code sequence}, 1 to {@link #lastSequence()} as read before;
     * any thread.
     */
    long queueIndex(long sequence) {
        long slot = sequence - 1 - indexBase;
        return chunks[(int) (slot >>> CHUNK_SHIFT)][(int) slot & (CHUNK_LENGTH - 1)];
    }

    /**
     * The first message still in the mailbox queue (1 until retention removes a cycle holding this
     * party's messages); a poll after an older sequence starts there. Any thread.
     */
    public long firstRetainedSequence() {
        return firstRetainedSequence;
    }

    /** Retention thread: messages up to {@code sequence} are about to be removed with their cycle files. */
    void retainFrom(long sequence) {
        if (sequence > firstRetainedSequence) {
            firstRetainedSequence = sequence;
        }
    }

    /**
     * Start-up only, before any message is indexed: retention removed this party's messages up to
     * {@code removedThrough}; numbering goes on after it and they count as delivered.
     */
    void restoreRemoved(long removedThrough) {
        indexBase = removedThrough;
        lastSequence = removedThrough;
        firstRetainedSequence = removedThrough + 1;
        deliveredSequence.accumulateAndGet(removedThrough, Math::max);
    }

    /** Sequence number of messages retention removed before start-up (0 when none). */
    long removedBeforeStart() {
        return indexBase;
    }

    /** Sequencer thread: the next message, at {@code queueIndex}, gets {@code lastSequence() + 1}. */
    void append(long queueIndex) {
        long next = lastSequence + 1;
        long slot = next - 1 - indexBase;
        int at = (int) slot & (CHUNK_LENGTH - 1);
        long[][] directory = chunks;
        long[] chunk = slot < directory.length * (long) CHUNK_LENGTH ? directory[(int) (slot >>> CHUNK_SHIFT)] : null;
        if (chunk == null || at >= chunk.length) {
            grow(slot);
            directory = chunks;
            chunk = directory[(int) (slot >>> CHUNK_SHIFT)];
        }
        chunk[at] = queueIndex;
        lastSequence = next;
    }

    /** Makes room for {@code slot}: the first chunk doubles; a later one is allocated whole. */
    private void grow(long slot) {
        if (slot >= INDEXED_MAX) {
            throw new IllegalStateException("mailbox of " + partyId + " holds " + lastSequence + " messages");
        }
        int number = (int) (slot >>> CHUNK_SHIFT);
        long[][] directory = chunks;
        long[] chunk = number < directory.length ? directory[number] : null;
        if (chunk != null) {
            // The first chunk doubling: in a new directory, so that a reader finds the copy only
            // through the volatile write below, which makes its contents visible.
            directory = directory.clone();
            directory[number] = Arrays.copyOf(chunk, Math.min(CHUNK_LENGTH, chunk.length * 2));
        } else {
            if (number >= directory.length) {
                directory = Arrays.copyOf(directory, Math.max(number + 1, directory.length * 2));
            }
            // A reader never looks past the lastSequence it read, so none reads this chunk before
            // the write of lastSequence that publishes its first index.
            directory[number] = new long[number == 0 ? FIRST_CHUNK_LENGTH : CHUNK_LENGTH];
        }
        chunks = directory; // published before the lastSequence that needs it
    }

    /**
     * Records that the party asked for messages after {@code after}: everything up to it (and not
     * beyond the last message) counts as delivered. Returns true when the mark moved. Any thread.
     */
    boolean markDelivered(long after) {
        long mark = Math.min(after, lastSequence);
        while (true) {
            long current = deliveredSequence.get();
            if (mark <= current) {
                return false;
            }
            if (deliveredSequence.compareAndSet(current, mark)) {
                return true;
            }
        }
    }

    /** Start-up only: the durable delivery mark read back from the mailbox queue. */
    void restoreDelivered(long sequence) {
        deliveredSequence.accumulateAndGet(Math.min(sequence, lastSequence), Math::max);
    }
}
