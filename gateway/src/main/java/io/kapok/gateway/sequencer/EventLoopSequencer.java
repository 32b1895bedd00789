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
 * The sequencer on the event loops ({@code sequencer.runsOn: any-event-loop}, the shipped
 * configuration, or {@code event-loop}): the ring's only consumer is a task of an event loop, not a
 * thread of its own.
 *
 * <pre>
 *  one turn of an event loop
 *    I/O    read every ready connection: decode, validate, publish each message into the ring;
 *           the first publish of the turn queues one drain task on this loop (no wake-up: it is
 *           the loop itself); with {@code event-loop}, on the first loop (a wake-up if it sleeps)
 *    tasks  drain, if no other loop is draining: every message in the ring through {@link
 *           SequencerHandler} as one batch (journal, ledger, mailboxes, one journal sync), its
 *           answers queued as one task per loop; then, if more was published meanwhile, one more
 *           drain queued behind this loop's next reads
 *           answers: encoded, written, each connection flushed once
 * </pre>
 *
 * Why: with a sequencer thread, every batch costs a wake-up of that thread (a futex call, a context
 * switch, the message's cache lines moving between cores) and another of the event loop to write
 * the answers; at a fixed rate below capacity that is one of each per payment, and on this virtual
 * machine a wake-up costs more system time than the payment's own work. Here a payment read by the
 * loop that drains is journaled, applied and answered without leaving the thread. Publishers that
 * are no loop (the FX feed, the day-end clock) queue the drain task on the first loop, which wakes
 * it as a sequencer thread would have been woken.
 *
 * <p>One drain at a time: a loop whose drain finds another draining leaves its messages to it, and
 * the drainer looks at the ring again once it has stopped (a full fence on both sides, so that one
 * of the two always sees the other's message). The journal's and mailboxes' appenders are then used
 * by more than one thread, never at once, each drain seeing what the one before wrote.
 *
 * <p>The ring stays the one entrance to the ledger, so everything that holds for the threaded
 * sequencer holds here: one consumer, messages decided in ring order, a full ring answers 503, and a
 * batch's answers leave only after its journal (and mailbox) sync. What a loop cannot do while it
 * drains is read: a long batch (a {@code sync} journal's fsync, a day's close) delays that loop's
 * connections by as much, where a sequencer thread would have let them be read meanwhile.
 *
 * <p>Measured (BENCHMARKS.md, "The sequencer on whichever event loop published"): on 2 shared cores,
 * {@code any-event-loop} spends 18-22% less gateway CPU a payment than a sequencer thread, with a
 * lower p99 at every rate below saturation, and the same capacity at overload; {@code event-loop}
 * sustained less than it and more than a sequencer thread in one run each.
 */
public final class EventLoopSequencer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoopSequencer.class);
    /** How long {@link #close()} waits for the last batch and the journal's close. */
    private static final long CLOSE_WAIT_MS = TimeUnit.SECONDS.toMillis(30);

    private final EventLoop loop;
    private final SequencerHandler handler;
    private final DrainSignal signal;
    /** True while a loop drains: one drainer at a time (with more than one loop that may drain). */
    private final AtomicBoolean draining = new AtomicBoolean();

    private final RingBuffer<InboundEvent> ring;
    private final EventPoller<InboundEvent> poller;
    private final EventPoller.Handler<InboundEvent> onEvent;
    /**
     * Written by the drainer (holding {@link #draining}): the handler failed beyond answering (an
     * Error); nothing more is decided.
     */
    private boolean failed;
    /**
     * Written by the drainer (holding {@link #draining}): the handler has shut down (journal,
     * mailboxes and snapshot thread closed).
     */
    private boolean shutDown;

    /**
     * A ring of {@code ringSize} slots drained on {@code loop} by {@code handler}; nothing runs
     * until {@link #start}.
     */
    public EventLoopSequencer(EventLoop loop, int ringSize, SequencerHandler handler) {
        this(new EventLoop[] {loop}, ringSize, handler);
    }

    /**
     * A ring drained by whichever of {@code loops} published into it, one at a time;
     * {@code loops[0]} opens and closes the sequencer and drains for publishers that are no loop.
     */
    public EventLoopSequencer(EventLoop[] loops, int ringSize, SequencerHandler handler) {
        this.loop = loops[0];
        this.handler = handler;
        this.signal = new DrainSignal(loops, this::drain);
        this.ring = RingBuffer.createMultiProducer(InboundEvent.factory(ringSize), ringSize, signal);
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
    private void drain(int loopIndex) {
        signal.drained(loopIndex); // a publish from here on queues another drain
        if (!draining.compareAndSet(false, true)) {
            return; // another loop drains, and looks at the ring again when it stops
        }
        try {
            drainOnce();
        } finally {
            draining.set(false);
        }
        // What was published while this batch ran, by this loop or another whose drain found this
        // one draining: a drain queued behind this loop's next reads (not run at once, so that no
        // loop is kept from its connections by a stream of batches, and the next publisher's own
        // drain may take it first).
        VarHandle.fullFence();
        if (!failed && !shutDown && ring.isAvailable(poller.getSequence().get() + 1)) {
            signal.signalLoop(loopIndex);
        }
    }

    private void drainOnce() {
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
                while (!draining.compareAndSet(false, true)) {
                    Thread.onSpinWait(); // another loop's batch
                }
                try {
                    drainOnce();
                    shutDownOnce();
                } finally {
                    draining.set(false);
                }
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
        private final EventLoop[] loops;
        private final Runnable[] drains;
        private final AtomicBoolean[] queued;

        DrainSignal(EventLoop[] loops, java.util.function.IntConsumer drain) {
            this.loops = loops.clone();
            this.drains = new Runnable[loops.length];
            this.queued = new AtomicBoolean[loops.length];
            for (int i = 0; i < loops.length; i++) {
                int index = i;
                drains[i] = () -> drain.accept(index);
                queued[i] = new AtomicBoolean();
            }
        }

        /** The index of the loop running this thread, or 0 (the first loop) for any other thread. */
        private int currentLoop() {
            for (int i = 1; i < loops.length; i++) {
                if (loops[i].inEventLoop()) {
                    return i;
                }
            }
            return 0;
        }

        @Override
        public void signalAllWhenBlocking() {
            // The ring marked the slot published with a release store; without a full fence that
            // store may become visible after the read of `queued` below (x86 reorders a store with
            // a later load). A drain that had just cleared `queued` could then miss the slot while
            // this publisher saw a drain still queued: the message would wait for the next publish.
            VarHandle.fullFence();
            signalLoop(currentLoop());
        }

        /** Queues a drain on loop {@code i} unless one is queued there and not yet started. */
        void signalLoop(int i) {
            AtomicBoolean q = queued[i];
            if (!q.get() && q.compareAndSet(false, true)) {
                try {
                    loops[i].execute(drains[i]);
                } catch (RejectedExecutionException e) {
                    // The loop is shutting down: the message stays in the ring undecided, as with a
                    // halted sequencer thread; its connection closes with the loop.
                }
            }
        }

        /** Event loop, first thing in a drain: the next publish queues the next drain. */
        void drained(int loopIndex) {
            queued[loopIndex].set(false);
            VarHandle.fullFence(); // the ring's cursor and slots are read after `queued` is cleared
        }

        @Override
        public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
                throws AlertException {
            throw new UnsupportedOperationException("the event loop's sequencer never waits on its ring");
        }
    }
}
