package io.kapok.gateway.journal;

import java.util.concurrent.TimeUnit;

/**
 * A daemon thread of its own that follows the journal beside the sequencer (the snapshot thread,
 * the audit, the pretoucher), or what the sequencer publishes (the payment window's grower):
 * started once, asked to stop by {@link #close()}, which waits for it.
 * Subclasses put their loop in {@link #work()} and check {@link #running()}.
 */
public abstract class JournalThread implements AutoCloseable {
    /** How long {@link #close()} waits for the thread to finish what it is doing. */
    private static final long STOP_WAIT_MS = TimeUnit.SECONDS.toMillis(30);

    private final Thread thread;
    private volatile boolean running = true;

    protected JournalThread(String name) {
        this.thread = new Thread(this::work, name);
        this.thread.setDaemon(true);
    }

    /** The thread's body; returns when done or when {@link #running()} turns false. */
    protected abstract void work();

    /** Starts the thread; once. */
    protected final void startThread() {
        thread.start();
    }

    /** False once {@link #close()} was called. */
    protected final boolean running() {
        return running;
    }

    /**
     * Waits for the thread to finish on its own (tests, tools).
     *
     * @return false when it did not finish within {@code timeoutMs}
     */
    public final boolean await(long timeoutMs) throws InterruptedException {
        thread.join(timeoutMs);
        return !thread.isAlive();
    }

    /** Stops the thread and waits for it (what it is doing is finished first). */
    @Override
    public void close() {
        running = false;
        java.util.concurrent.locks.LockSupport.unpark(thread); // a thread parked while idle stops now
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
