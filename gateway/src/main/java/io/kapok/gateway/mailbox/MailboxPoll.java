package io.kapok.gateway.mailbox;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code GET /v1/mailbox} request on its way through: created on the connection's event loop,
 * read on a mailbox reader thread, and answered on the event loop again. While the mailbox has
 * nothing after {@link #after} it is parked in its party's mailbox until a message arrives (the
 * sequencer hands the wake-up to the event loop), its wait runs out, or its connection closes,
 * whichever comes first: {@link #claim} lets exactly one of them have it.
 */
public final class MailboxPoll {
    /** Answers the request on its event loop: an HTTP status and a JSON body. */
    @FunctionalInterface
    public interface Answer {
        void answer(MailboxPoll poll, int httpStatus, byte[] json);
    }

    final PartyMailbox mailbox;
    final long after;
    final int limit;
    final long waitMs;
    final EventExecutor eventLoop;
    final Answer answer;
    private final AtomicBoolean claimed = new AtomicBoolean();
    /** Event loop only: the end of the wait while parked. */
    ScheduledFuture<?> timeout;

    /**
     * @param after the last sequence the party has; the answer starts at {@code after + 1}
     * @param limit messages in the answer at most, 1 or more
     * @param waitMs how long to wait for a message when there is none, 0 for not at all
     */
    public MailboxPoll(
            PartyMailbox mailbox, long after, int limit, long waitMs, EventExecutor eventLoop, Answer answer) {
        this.mailbox = mailbox;
        this.after = after;
        this.limit = limit;
        this.waitMs = waitMs;
        this.eventLoop = eventLoop;
        this.answer = answer;
    }

    /**
     * Runs {@code task} on the poll's event loop; any thread. When the event loop is shutting down
     * the connection goes with it, and the task with the answer it would have written: the client
     * asks again after it reconnects.
     */
    void onEventLoop(Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (RejectedExecutionException e) {
            // The gateway is stopping; see above.
        }
    }

    /** True for exactly one caller: the one that takes the parked poll out and answers it. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }
}
