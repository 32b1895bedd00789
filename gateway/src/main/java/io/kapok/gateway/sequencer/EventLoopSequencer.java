package io.kapok.gateway.sequencer;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import io.netty.channel.EventLoop;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer on an event loop ({@code sequencer.runsOn: event-loop}): the ring's
 * only consumer is a task of that loop, not a thread of its own.
 *
 * <pre>
 *  one turn of the event loop
 *    I/O    read every ready connection: decode, validate, publish each message into the ring;
 *           the first publish of the turn queues one drain task (no wake-up: it is the loop itself)
 *    tasks  drain: every message in the ring through {@link SequencerHandler} as one batch
 *           (journal, ledger, mailboxes, one journal sync), its answers queued as one task per loop
 *           answers: encoded, written, each connection flushed once
 * </pre>
 *
 * Why: with a sequencer thread, every batch costs a wake-up of that thread (a futex call, a context
 * switch, the message's cache lines moving between cores) and another of the event loop to write
 * the answers; at a fixed rate below capacity that is one of each per payment. Here a payment read
 * by this loop is journaled, applied and answered without leaving the thread. Publishers on other
 * threads (other event loops, the FX feed, the day-end clock) queue the drain task on this loop,
 * which wakes it as a sequencer thread would have been woken.
 *
 * <p>The ring stays the one entrance to the ledger, so everything that holds for the threaded
 * sequencer holds here: one consumer, messages decided in ring order, a full ring answers 503, and a
 * batch's answers leave only after its journal (and mailbox) sync. What this loop cannot do while it
 * sequences is read: a long batch (a {@code sync} journal's fsync, a day's close) delays this loop's
 * connections by as much, where a sequencer thread would have let them be read meanwhile.
 *
 * <p>Measured (BENCHMARKS.md, "The sequencer on an event loop, and two event loops"): with SHA-256
 * ~27% less gateway CPU per payment at capacity than one loop and a sequencer thread, but that one
 * thread then tops out at one core; on 2 shared cores two loops and a sequencer thread (the default)
 * sustain more and have the lower p99.
 */
public final class EventLoopSequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoopSequencer.class);
    /** How long {@link #close()} waits for the last batch and the journal's close. */
    private static final long CLOSE_WAIT_MS = TimeUnit.SECONDS.toMillis(30);

    private final EventLoop loop;
    private final SequencerHandler handler;
    private final DrainSignal signal;
    private final RingBuffer<InboundEvent> ring;
    private final EventPoller<InboundEvent> poller;
    private final EventPoller.Handler<InboundEvent> onEvent;
    /** Event loop only: the handler failed beyond answering (an Error); nothing more is decided. */
    private boolean failed;
    /** Event loop only: the handler has shut down (journal, mailboxes and snapshot thread closed). */
    private boolean shutDown;

    /**
     * A ring of {@code ringSize} slots drained on {@code loop} by {@code handler}; nothing runs
     * until {@link #start}.
     */
    public EventLoopSequencer(EventLoop loop, int ringSize, SequencerHandler handler) {
        this.loop = loop;
        this.handler = handler;
        this.signal = new DrainSignal(loop, this::drain);
        this.ring = RingBuffer.createMultiProducer(InboundEvent::new, ringSize, signal);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.onEvent = (event, sequence, endOfBatch) -> {
            handler.onEvent(event, sequence, endOfBatch);
            return true;
        };
    }

    /** The ring the event loops and the other producers publish into. */
    public RingBuffer<InboundEvent> ring() {
        return ring;
    }

    /**
     * Opens the journal and recovers the ledger on the event loop ({@link SequencerHandler#onStart},
     * so every file the sequencer writes is opened by the thread that writes it), and waits for it.
     * Throws what made recovery fail.
     */
    public void start(long timeoutMs) throws InterruptedException {
        loop.execute(handler::onStart);
        handler.awaitStarted(timeoutMs);
    }

    /**
     * Event loop: every message published so far, through the handler as one batch (the handler
     * ends the batch at the last one: journal sync, answers handed back).
     */
    private void drain() {
        signal.drained(); // a publish from here on queues another drain
        if (failed || shutDown) {
            return;
        }
        try {
            poller.poll(onEvent);
        } catch (Throwable t) {
            // The handler answers its own failures; what gets here (an Error) leaves the ledger in an
            // unknown state, so, as a sequencer thread would die, nothing more is decided, and the
            // journal and the mailboxes are closed now, as that thread would close them.
            failed = true;
            LOG.error("the sequencer failed and stops deciding messages; restart the gateway", t);
            shutDownOnce();
        }
    }

    /** Event loop: closes what the handler opened, once. */
    private void shutDownOnce() {
        if (!shutDown) {
            shutDown = true;
            handler.onShutdown();
        }
    }

    /**
     * Decides what is already in the ring, then closes the journal, the mailboxes and the
     * snapshot thread on the event loop. Messages published later are not decided (their
     * connections close with the server). Waits up to 30 s.
     */
    @Override
    public void close() {
        io.netty.util.concurrent.Future<?> done;
        try {
            done = loop.submit(() -> {
                if (!failed && !shutDown) {
                    drain();
                }
                shutDownOnce();
            });
        } catch (RejectedExecutionException e) {
            LOG.error("the event loop stopped before the sequencer: the journal was not closed cleanly", e);
            return;
        }
        if (!done.awaitUninterruptibly(CLOSE_WAIT_MS)) {
            LOG.error("the sequencer did not close within {} ms", CLOSE_WAIT_MS);
        } else if (!done.isSuccess()) {
            LOG.error("the sequencer's close failed", done.cause());
        }
    }

    /**
     * The ring's "wait strategy", used only for its publish signal: each publish queues one drain
     * task on the event loop unless one is queued and not yet started. Nothing ever waits on it (the
     * ring has no consumer thread); {@link #waitFor} refuses.
     */
    static final class DrainSignal implements WaitStrategy {
        private final EventLoop loop;
        private final Runnable drain;
        private final AtomicBoolean queued = new AtomicBoolean();

        DrainSignal(EventLoop loop, Runnable drain) {
            this.loop = loop;
            this.drain = drain;
        }

        @Override
        public void signalAllWhenBlocking() {
            // The ring marked the slot published with a release store; without a full fence that
            // store may become visible after the read of `queued` below (x86 reorders a store with
            // a later load). A drain that had just cleared `queued` could then miss the slot while
            // this publisher saw a drain still queued: the message would wait for the next publish.
            VarHandle.fullFence();
            if (!queued.get() && queued.compareAndSet(false, true)) {
                try {
                    loop.execute(drain);
                } catch (RejectedExecutionException e) {
                    // The loop is shutting down: the message stays in the ring undecided, as with a
                    // halted sequencer thread; its connection closes with the loop.
                }
            }
        }

        /** Event loop, first thing in a drain: the next publish queues the next drain. */
        void drained() {
            queued.set(false);
            VarHandle.fullFence(); // the ring's cursor and slots are read after `queued` is cleared
        }

        @Override
        public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
                throws AlertException {
            throw new UnsupportedOperationException("the event loop's sequencer never waits on its ring");
        }
    }
}
