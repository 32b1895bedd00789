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
 * <p>The index is a growable array of Chronicle Queue indexes, {@code queueIndexes[s - 1]} for the
 * per-party sequence {@code s} (8 bytes a message). The sequencer's thread is its only writer: it
 * stores the new index, publishes a larger array when it grows, and only then publishes the new
 * {@link #lastSequence()} (volatile). A reader on any thread reads {@code lastSequence} first and
 * then the array, so it always finds every index up to the sequence it read.
 */
public final class PartyMailbox {
    private final String partyId;
    private volatile long[] queueIndexes = new long[16];
    private volatile long lastSequence;
    /**
     * Messages up to this sequence were in mailbox cycles retention removed before start-up: the
     * index holds {@code queueIndexes[s - 1 - indexBase]}. Set once, while the index is rebuilt.
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
        return queueIndexes[(int) (sequence - 1 - indexBase)];
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
        long[] indexes = queueIndexes;
        int slot = (int) (next - 1 - indexBase);
        if (slot >= indexes.length) {
            if (indexes.length >= Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("mailbox of " + partyId + " holds " + lastSequence + " messages");
            }
            indexes = Arrays.copyOf(indexes, indexes.length * 2);
            indexes[slot] = queueIndex;
            queueIndexes = indexes;
        } else {
            indexes[slot] = queueIndex;
        }
        lastSequence = next;
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
