package io.kapok.ledger;

/**
 * What applying (or looking up) a command gave. Reusable: one instance per caller, overwritten
 * by each call.
 */
public final class LedgerResult {
    /** The command took effect. */
    public boolean applied;
    /** Why not, when {@link #applied} is false. */
    public LedgerRejection rejection;
    /**
     * True when this answer is the original outcome of an earlier identical message (a retry):
     * nothing changed now, and {@link #sequence} and {@link #timeMs} are the original's.
     */
    public boolean retry;
    /** Journal sequence of the entry that decided the outcome (0 if none was journaled). */
    public long sequence;
    /** Receive time of that entry, epoch milliseconds. */
    public long timeMs;

    public void clear() {
        applied = false;
        rejection = null;
        retry = false;
        sequence = 0;
        timeMs = 0;
    }

    void accept(long sequence, long timeMs) {
        this.applied = true;
        this.rejection = null;
        this.retry = false;
        this.sequence = sequence;
        this.timeMs = timeMs;
    }

    void reject(LedgerRejection rejection, long sequence, long timeMs) {
        this.applied = false;
        this.rejection = rejection;
        this.retry = false;
        this.sequence = sequence;
        this.timeMs = timeMs;
    }

    @Override
    public String toString() {
        return (applied ? "APPLIED" : "REJECTED " + rejection) + (retry ? " (retry)" : "") + " seq=" + sequence;
    }
}
