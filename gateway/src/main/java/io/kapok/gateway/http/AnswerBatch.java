package io.kapok.gateway.http;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers of one sequencer batch that belong to one event loop, handed over as one task: the
 * event loop encodes and writes them all, then flushes each connection it wrote to once. A batch of
 * N answers thus costs one task hand-off (and at most one wake-up of the event loop) instead of N,
 * and one socket write per connection instead of one per answer.
 */
final class AnswerBatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerBatch.class);
    private final EventExecutor executor;
    private PendingResponse head;
    private PendingResponse tail;
    /** Event loop only: the connections written to and not flushed yet. */
    private final List<GatewayHttpHandler> unflushed = new ArrayList<>();

    private AnswerBatch(EventExecutor executor) {
        this.executor = executor;
    }

    /**
     * Sequencer thread: hands every answer of {@code batch} back to its connection's event loop, one
     * task per event loop, in batch order within each. An answer without a connection (benchmarks)
     * is dispatched alone, at once.
     */
    static void dispatchAll(List<PendingResponse> batch) {
        AnswerBatch only = null; // answers of one event loop: no list needed
        List<AnswerBatch> more = null;
        for (int i = 0; i < batch.size(); i++) {
            PendingResponse r = batch.get(i);
            if (r.owner == null) {
                r.dispatch();
                continue;
            }
            EventExecutor executor = r.owner.executor();
            AnswerBatch target = null;
            if (only == null) {
                only = target = new AnswerBatch(executor);
            } else if (only.executor == executor) {
                target = only;
            } else {
                if (more == null) {
                    more = new ArrayList<>(4);
                }
                for (AnswerBatch b : more) {
                    if (b.executor == executor) {
                        target = b;
                        break;
                    }
                }
                if (target == null) {
                    target = new AnswerBatch(executor);
                    more.add(target);
                }
            }
            target.add(r);
        }
        if (only != null) {
            only.submit();
        }
        if (more != null) {
            for (AnswerBatch b : more) {
                b.submit();
            }
        }
    }

    private void add(PendingResponse r) {
        r.nextInBatch = null;
        if (head == null) {
            head = r;
        } else {
            tail.nextInBatch = r;
        }
        tail = r;
    }

    private void submit() {
        try {
            executor.execute(this);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down: its connections are gone, and with them the answers. A
            // decided payment is journaled; the sender's retry gets the original answer.
        }
    }

    /** Event loop: every answer, then one flush per connection. */
    @Override
    public void run() {
        PendingResponse r = head;
        head = tail = null;
        try {
            while (r != null) {
                PendingResponse next = r.nextInBatch;
                r.nextInBatch = null;
                try {
                    r.owner.onAnsweredInBatch(r, this);
                } catch (RuntimeException e) {
                    // A bug, not bad input: that connection cannot be answered in order any more;
                    // the batch's other answers still go.
                    LOG.error("an answer could not be written; closing its connection", e);
                    r.owner.closeAfterFailure();
                }
                r = next;
            }
        } finally {
            for (int i = 0; i < unflushed.size(); i++) {
                unflushed.get(i).flushAfterBatch();
            }
            unflushed.clear();
        }
    }

    /** Event loop: {@code handler} wrote and flushes when the batch ends; once per handler. */
    void flushLater(GatewayHttpHandler handler) {
        unflushed.add(handler);
    }
}
