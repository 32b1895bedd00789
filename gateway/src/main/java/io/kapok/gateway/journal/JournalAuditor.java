package io.kapok.gateway.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check start-up leaves out, done in the background: a thread ({@code kapok-journal-audit})
 * that reads the journal from the first entry to the last one recovered and re-digests every
 * original message against the digest its entry records, as {@code ./kapok journal verify} does.
 * Start-up itself checks every entry hash and the chain, which covers everything the ledger state
 * depends on; this audit covers the stored message bytes (non-repudiation). A mismatch is logged
 * with the entry's sequence and reported by {@link #status()}; it does not stop the gateway.
 */
public final class JournalAuditor extends JournalThread {
    private static final Logger LOG = LoggerFactory.getLogger(JournalAuditor.class);

    /** Where the audit stands. */
    public enum State {
        RUNNING,
        INTACT,
        CORRUPT,
        STOPPED
    }

    private final Journal journal;
    private final long lastSequence;
    private volatile State state = State.RUNNING;
    private volatile long checkedEntries;
    private volatile String problem;
    private volatile long failedSequence = -1;

    /** Audits entries 1..{@code lastSequence} of {@code journal}. */
    public JournalAuditor(Journal journal, long lastSequence) {
        super("kapok-journal-audit");
        this.journal = journal;
        this.lastSequence = lastSequence;
    }

    /** Starts the thread. */
    public JournalAuditor start() {
        startThread();
        return this;
    }

    @Override
    protected void work() {
        try (Journal.Reader reader = journal.readerFromFirstRetained(true)) {
            while (running() && reader.lastSequence() < lastSequence) {
                if (reader.next() == null) {
                    break;
                }
                checkedEntries = reader.lastSequence();
            }
            state = running() ? State.INTACT : State.STOPPED;
            if (state == State.INTACT) {
                LOG.info("journal audit: entries 1..{} match their message digests", checkedEntries);
            }
        } catch (JournalCorruptException e) {
            problem = e.getMessage();
            failedSequence = e.sequence();
            state = State.CORRUPT;
            LOG.error("journal audit: {}; run ./kapok journal verify with the gateway stopped", e.getMessage());
        } catch (RuntimeException e) {
            problem = String.valueOf(e);
            state = running() ? State.CORRUPT : State.STOPPED;
            if (running()) {
                LOG.error("journal audit stopped", e);
            }
        }
    }

    /** The audit's state; any thread. */
    public State state() {
        return state;
    }

    /** The first entry that failed, or null; any thread. */
    public String problem() {
        return problem;
    }

    /** The sequence of the entry that failed, or -1 (none, or one that could not be read); any thread. */
    public long failedSequence() {
        return failedSequence;
    }

    /** The last entry the audit covers (the last one recovered at start-up). */
    public long lastSequence() {
        return lastSequence;
    }

    /** How many entries were checked so far; any thread. */
    public long checkedEntries() {
        return checkedEntries;
    }
}
