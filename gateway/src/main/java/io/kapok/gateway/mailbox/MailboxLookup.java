package io.kapok.gateway.mailbox;

/**
 * Reads other messages of the mailbox a {@link MailboxRenderer} is rendering from: a message whose
 * record stands for several others (an end-of-day statement lists the day's posting records) reads
 * them through it. Bound to one party's mailbox and one reader thread.
 */
public interface MailboxLookup {
    /** The first sequence retention kept: older messages cannot be read. */
    long firstRetainedSequence();

    /**
     * Reads message {@code sequence} of the party, compact records as they are (not rendered), into
     * {@code into}, bytes included.
     *
     * @throws IllegalStateException when it is not there (before {@link #firstRetainedSequence()}, or
     *     after the last message)
     */
    void read(long sequence, MailboxEntry into);
}
