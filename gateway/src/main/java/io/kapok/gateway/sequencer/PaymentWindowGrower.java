package io.kapok.gateway.sequencer;

import io.kapok.gateway.journal.JournalThread;
import io.kapok.ledger.payment.DecidedPayments;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Allocates the arrays of the payment window's next growth on a thread of its own, so that the
 * sequencer's growth only copies into them ({@link DecidedPayments.WindowArrays}): at a million
 * decisions, allocating and first touching ~400 MB of new arrays is most of the time the sequencer
 * answers nothing while its window grows. It watches the window the sequencer publishes after each
 * batch; once three quarters of the room is taken it makes arrays of the next room, which the
 * sequencer takes ({@link #take()}) after a batch and hands to the ledger. Until then the arrays
 * are held beside the window (the memory a growth needs anyway, a little earlier). Idle when the
 * window is allocated whole ({@code ledger.paymentWindow.preallocate}) or at its capacity.
 */
final class PaymentWindowGrower extends JournalThread {
    private static final long CHECK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final SequencerHandler sequencer;
    private final AtomicReference<DecidedPayments.WindowArrays> ready = new AtomicReference<>();
    /** The room the last arrays made were for; none is made twice. */
    private int madeFor;

    PaymentWindowGrower(SequencerHandler sequencer) {
        super("kapok-window-grower");
        this.sequencer = sequencer;
    }

    PaymentWindowGrower start() {
        startThread();
        return this;
    }

    /** Arrays made for the window's next growth, once; else null. Sequencer thread. */
    DecidedPayments.WindowArrays take() {
        return ready.get() == null ? null : ready.getAndSet(null);
    }

    @Override
    protected void work() {
        while (running()) {
            int nextRoom = sequencer.paymentWindowNextRoom();
            int room = sequencer.paymentWindowRoom();
            if (nextRoom > 0 && nextRoom != madeFor && sequencer.paymentWindowDecisions() >= room - room / 4) {
                try {
                    ready.set(new DecidedPayments.WindowArrays(nextRoom, sequencer.paymentWindowCompactIds()));
                } catch (OutOfMemoryError e) {
                    // The sequencer allocates them itself when it grows, and says so if it cannot.
                }
                madeFor = nextRoom;
            }
            LockSupport.parkNanos(CHECK_INTERVAL_NS);
        }
    }
}
