package io.kapok.gateway.snapshot;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.gateway.journal.JournalThread;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot thread ({@code kapok-snapshot}): follows the journal with a Chronicle tailer of its
 * own, applies each entry to a ledger replica of its own, and writes that replica to a {@link
 * SnapshotStore} after every {@code everyEntries} entries, or after {@code everySeconds} seconds
 * with at least one new entry. The sequencer never waits for it: it shares nothing with the
 * sequencer but the journal's files.
 *
 * <p>Each entry it reads is checked against its entry hash and the chain, as recovery checks it.
 * A snapshot that cannot be written (disk full) is logged and retried at the next interval; an entry
 * that fails a check stops the thread (start-up will name it too).
 */
public final class SnapshotAgent extends JournalThread {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotAgent.class);
    /** How long the thread sleeps when it has read everything written so far. */
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(2);
    /** How long after a failed write the next attempt waits. */
    private static final long RETRY_NS = TimeUnit.SECONDS.toNanos(1);

    private final Journal journal;
    private final SnapshotStore store;
    private final GatewayConfig.Snapshot settings;
    private final Ledger replica;
    private final long startSequence;
    private final long startIndex;
    private final byte[] startEntryHash;
    private final LedgerResult result = new LedgerResult();
    private final byte[] lastEntryHash = new byte[JournalDigest.LENGTH_BYTES];
    private volatile long lastSnapshotSequence;
    private volatile String lastError;

    /**
     * @param replica a ledger of its own at the journal's entry {@code startSequence} (Chronicle
     *     index {@code startIndex}, entry hash {@code startEntryHash}); 0 and any index for an empty
     *     journal. The agent owns it from now on.
     */
    public SnapshotAgent(
            Journal journal,
            SnapshotStore store,
            GatewayConfig.Snapshot settings,
            Ledger replica,
            long startSequence,
            long startIndex,
            byte[] startEntryHash) {
        super("kapok-snapshot");
        this.journal = journal;
        this.store = store;
        this.settings = settings;
        this.replica = replica;
        this.startSequence = startSequence;
        this.startIndex = startIndex;
        this.startEntryHash = startEntryHash.clone();
    }

    /** Starts the thread. */
    public SnapshotAgent start() {
        startThread();
        return this;
    }

    @Override
    protected void work() {
        try (Journal.Reader reader = startSequence == 0
                ? journal.reader(false)
                : journal.readerAfter(startSequence, startIndex, startEntryHash, false)) {
            long lastIndex = startIndex;
            long sinceSnapshot = 0;
            long lastSnapshotNs = System.nanoTime();
            long retryAtNs = lastSnapshotNs;
            long intervalNs = TimeUnit.SECONDS.toNanos(settings.everySeconds());
            while (running()) {
                JournalEntryCodec.Decoded d = reader.next();
                if (d != null) {
                    replica.apply(d.command, result);
                    lastIndex = d.index;
                    System.arraycopy(d.entryHash, 0, lastEntryHash, 0, lastEntryHash.length);
                    sinceSnapshot++;
                }
                long now = System.nanoTime();
                boolean due = (sinceSnapshot >= settings.everyEntries()
                                || (sinceSnapshot > 0 && now - lastSnapshotNs >= intervalNs))
                        && now - retryAtNs >= 0;
                if (due) {
                    if (takeSnapshot(lastIndex)) {
                        sinceSnapshot = 0;
                        lastSnapshotNs = System.nanoTime();
                    } else {
                        retryAtNs = System.nanoTime() + RETRY_NS;
                    }
                } else if (d == null) {
                    LockSupport.parkNanos(IDLE_PARK_NS);
                }
            }
        } catch (RuntimeException e) {
            lastError = String.valueOf(e.getMessage());
            LOG.error("snapshot thread stopped: no more snapshots until a restart", e);
        }
    }

    private boolean takeSnapshot(long index) {
        try {
            store.write(replica.lastSequence(), index, lastEntryHash, replica.stateHash(), replica.snapshot());
            lastSnapshotSequence = replica.lastSequence();
            store.prune(settings.keep());
            lastError = null;
            return true;
        } catch (RuntimeException e) {
            if (lastError == null) {
                LOG.error("snapshot at sequence {} not written; retrying later", replica.lastSequence(), e);
            }
            lastError = String.valueOf(e.getMessage());
            return false;
        }
    }

    /** Sequence of the last snapshot this agent wrote, or 0; any thread. */
    public long lastSnapshotSequence() {
        return lastSnapshotSequence;
    }

    /** The last problem, or null; any thread. */
    public String lastError() {
        return lastError;
    }
}
