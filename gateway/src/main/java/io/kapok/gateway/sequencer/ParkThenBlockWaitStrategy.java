package io.kapok.gateway.sequencer;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * How the sequencer may wait for the event loops' next message ({@code sequencer.waitStrategy:
 * park-then-block}): while messages keep coming it naps, and only after a quiet spell does it block
 * and ask to be woken.
 *
 * <pre>
 *  phase    how long                           what it costs
 *  spin     {@value #SPIN_TRIES} checks               nothing but those checks
 *  park     until {@code idleBeforeBlockNanos} without a   a timed park (~50-60 µs on Linux) per round; the
 *           message (1 ms by default)               event loops never signal, the sequencer drains
 *                                                  whatever arrived meanwhile as one batch
 *  block    until a message comes               no CPU; the first message's publisher takes a lock
 *                                                  and wakes the sequencer (a futex call each side)
 * </pre>
 *
 * Why: with Disruptor's {@code BlockingWaitStrategy}, every publish by an event loop takes the
 * strategy's lock, and under load the sequencer sleeps and is woken for nearly every message: two
 * system calls and a context switch per payment on a 2-core machine. {@code SleepingWaitStrategy}
 * avoids them (capacity rose ~35% in BENCHMARKS.md) but parks every ~60 µs for ever, ~35% of a core
 * while the gateway is idle. This one parks only while there is traffic and blocks after {@code
 * idleBeforeBlockNanos} of silence, so an idle gateway costs nothing; a message after a silence
 * pays one wake-up, as with blocking.
 *
 * <p>Measured (BENCHMARKS.md): since the sequencer hands each batch's answers to an event loop as one
 * task, this strategy gives the same capacity as {@code blocking} on 2 cores, with 10–35% more CPU on
 * the sequencer thread (its naps); {@code blocking} stays the default.
 *
 * <p>The blocking phase is Disruptor's {@code LiteBlockingWaitStrategy}: a publisher takes the lock
 * only when the sequencer has said it waits ({@link #signalAllWhenBlocking} reads a flag first, so a
 * publish under load costs one volatile read). Correctness of the hand-off: the sequencer sets the
 * flag under the lock, then re-reads the cursor before waiting; a publisher advances the cursor
 * before it reads the flag. Either the sequencer sees the new cursor, or the publisher sees the flag
 * and notifies under the same lock, after the sequencer's wait has released it.
 */
public final class ParkThenBlockWaitStrategy implements WaitStrategy {
    /** Busy checks before the first park: a message already on its way is taken at once. */
    static final int SPIN_TRIES = 100;

    /** The default quiet spell after which the sequencer blocks. */
    public static final long IDLE_BEFORE_BLOCK_NANOS_DEFAULT = TimeUnit.MILLISECONDS.toNanos(1);

    private final long idleBeforeBlockNanos;
    private final Object mutex = new Object();
    private final AtomicBoolean signalNeeded = new AtomicBoolean(false);

    public ParkThenBlockWaitStrategy() {
        this(IDLE_BEFORE_BLOCK_NANOS_DEFAULT);
    }

    /** @param idleBeforeBlockNanos how long without a message the sequencer parks before it blocks */
    public ParkThenBlockWaitStrategy(long idleBeforeBlockNanos) {
        if (idleBeforeBlockNanos < 0) {
            throw new IllegalArgumentException("idleBeforeBlockNanos must be >= 0, was " + idleBeforeBlockNanos);
        }
        this.idleBeforeBlockNanos = idleBeforeBlockNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        long available;
        int spins = SPIN_TRIES;
        long blockAtNanos = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (blockAtNanos == 0) {
                blockAtNanos = now + idleBeforeBlockNanos;
            }
            if (now - blockAtNanos < 0) {
                LockSupport.parkNanos(1);
            } else {
                block(sequence, cursor, barrier);
            }
        }
        return available;
    }

    private void block(long sequence, Sequence cursor, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        synchronized (mutex) {
            while (cursor.get() < sequence) {
                signalNeeded.set(true);
                if (cursor.get() >= sequence) {
                    break;
                }
                barrier.checkAlert();
                mutex.wait();
            }
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        if (signalNeeded.get() && signalNeeded.getAndSet(false)) {
            synchronized (mutex) {
                mutex.notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return "ParkThenBlockWaitStrategy{idleBeforeBlockNanos=" + idleBeforeBlockNanos + "}";
    }
}
