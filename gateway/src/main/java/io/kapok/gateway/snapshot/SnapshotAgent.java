package io.kapok.gateway.snapshot;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.gateway.journal.JournalRetention;
import io.kapok.gateway.journal.JournalThread;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot thread ({@code kapok-snapshot}): builds a ledger replica of its own from the snapshot
 * the gateway recovered from (or from the journal's first entry), follows the journal with a
 * Chronicle tailer of its own, applies each entry to the replica, and writes that replica to a {@link
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
    /**
     * How long the thread sleeps when it has read everything written so far. It reads all that came
     * meanwhile when it wakes, so this bounds only how far the replica trails the journal; each
     * wake-up costs a poll of the journal's tailer (~0.1 ms here: at a 2 ms sleep, ~3% of a core with
     * no traffic at all).
     */
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The sleep after {@value #IDLE_ROUNDS_BEFORE_QUIET} empty polls in a row: a quiet journal. */
    private static final long QUIET_PARK_NS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int IDLE_ROUNDS_BEFORE_QUIET = 10;
    /** How long after a failed write the next attempt waits. */
    private static final long RETRY_NS = TimeUnit.SECONDS.toNanos(1);

    private final Journal journal;
    private final SnapshotStore store;
    private boolean preallocateWindow;
    private volatile boolean windowPreallocated;
    private final GatewayConfig.Snapshot settings;
    private final Path startSnapshot;
    private final long catchUpTo;
    private final LongSupplier completeSequence;
    private final JournalRetention retention;
    private final LedgerResult result = new LedgerResult();
    private final byte[] lastEntryHash = new byte[JournalDigest.LENGTH_BYTES];
    private Ledger replica;
    private volatile long lastSnapshotSequence;
    private volatile long lastSnapshotTimeMs;
    private volatile String lastError;
    /** The start snapshot's ledger gave another state hash than it records: the recovered ledger is suspect. */
    private volatile String startCheckFailed;

    /**
     * @param startSnapshot the snapshot the gateway recovered from, or null after a full replay: the
     *     agent builds its own replica from it (or from the journal's first entry) on its own thread,
     *     so start-up never waits for a copy of the ledger
     * @param catchUpTo the journal's last sequence at start-up: no snapshot is written before the
     *     replica has caught up with it
     */
    public SnapshotAgent(
            Journal journal, SnapshotStore store, GatewayConfig.Snapshot settings, Path startSnapshot, long catchUpTo) {
        this(journal, store, settings, startSnapshot, catchUpTo, () -> Long.MAX_VALUE);
    }

    /**
     * @param completeSequence the last sequence whose every effect outside the journal (its outbound
     *     messages in the mailboxes) is written; no snapshot is taken past it, so recovery from any
     *     snapshot replays every entry whose messages a crash may have kept from the mailboxes
     */
    public SnapshotAgent(
            Journal journal,
            SnapshotStore store,
            GatewayConfig.Snapshot settings,
            Path startSnapshot,
            long catchUpTo,
            LongSupplier completeSequence) {
        this(
                journal,
                store,
                settings,
                startSnapshot,
                catchUpTo,
                completeSequence,
                GatewayConfig.JournalRetention.OFF,
                () -> Long.MAX_VALUE);
    }

    /**
     * @param retention what happens to journal cycle files every kept snapshot lies after: checked
     *     after each snapshot, on this thread ({@link JournalRetention})
     * @param oldestMailboxSequence the oldest journal entry a message in the mailbox belongs to
     *     (any thread; {@code Long.MAX_VALUE}: none): retention keeps its cycle and later ones
     */
    public SnapshotAgent(
            Journal journal,
            SnapshotStore store,
            GatewayConfig.Snapshot settings,
            Path startSnapshot,
            long catchUpTo,
            LongSupplier completeSequence,
            GatewayConfig.JournalRetention retention,
            LongSupplier oldestMailboxSequence) {
        super("kapok-snapshot");
        this.retention = new JournalRetention(journal, retention, System::currentTimeMillis, oldestMailboxSequence);
        this.completeSequence = completeSequence;
        this.journal = journal;
        this.store = store;
        this.settings = settings;
        this.startSnapshot = startSnapshot;
        this.catchUpTo = catchUpTo;
    }

    /**
     * Allocates the replica's whole payment window once it has caught up with the journal
     * ({@code ledger.paymentWindow.preallocate}), so the replica, too, holds its memory from the start
     * rather than growing with the window. Before {@link #start()}.
     */
    public SnapshotAgent preallocatingPaymentWindow(boolean preallocate) {
        this.preallocateWindow = preallocate;
        return this;
    }

    /** True once the replica's payment window was allocated whole; any thread. */
    public boolean paymentWindowPreallocated() {
        return windowPreallocated;
    }

    /** Starts the thread. */
    public SnapshotAgent start() {
        startThread();
        return this;
    }

    /**
     * The reader after the start snapshot (its ledger becomes the replica), or from the first entry.
     * The replica keeps its payment window's ids compact ({@link Ledger#compactPaymentIds()}),
     * whatever {@code ledger.paymentWindow.compactIds} says for the sequencer's ledger: it holds
     * none of the ids it decodes from the journal, so the young collections never copy them into
     * the old generation.
     */
    private Journal.Reader openReader() {
        if (startSnapshot != null) {
            try {
                SnapshotStore.Snapshot s = SnapshotStore.read(startSnapshot);
                Journal.Reader reader = journal.readerAfter(s.lastSequence(), s.journalIndex(), s.entryHash(), false);
                try {
                    // Start-up trusted the recorded state hash (the checksum covers it); check it here,
                    // off the start-up path.
                    replica = LedgerRecovery.load(s, true, true);
                } catch (SnapshotCorruptException e) {
                    reader.close();
                    startCheckFailed = e.getMessage();
                    LOG.error(
                            "{}: the gateway recovered from it; stop it, move the snapshot aside and restart",
                            e.getMessage());
                    throw e;
                }
                return reader;
            } catch (RuntimeException e) {
                LOG.warn(
                        "snapshot thread: cannot start from {} ({}); replaying the journal",
                        startSnapshot,
                        e.toString());
            }
        }
        replica = new Ledger();
        replica.compactPaymentIds();
        return journal.reader(false);
    }

    @Override
    protected void work() {
        try (Journal.Reader reader = openReader()) {
            long lastIndex = -1;
            long sinceSnapshot = 0;
            long lastSnapshotNs = System.nanoTime();
            long retryAtNs = lastSnapshotNs;
            long intervalNs = TimeUnit.SECONDS.toNanos(settings.everySeconds());
            int idleRounds = 0;
            while (running()) {
                if (preallocateWindow && !windowPreallocated && replica.lastSequence() >= catchUpTo) {
                    replica.preallocatePaymentWindow(); // after entry 1, whose settings make the window
                    windowPreallocated = true;
                }
                JournalEntryCodec.Decoded d = reader.next();
                if (d != null) {
                    replica.apply(d.command, result);
                    lastIndex = d.index;
                    System.arraycopy(d.entryHash, 0, lastEntryHash, 0, lastEntryHash.length);
                    sinceSnapshot++;
                }
                long now = System.nanoTime();
                boolean due = replica.lastSequence() >= catchUpTo
                        && replica.lastSequence() <= completeSequence.getAsLong()
                        && lastIndex >= 0
                        && (sinceSnapshot >= settings.everyEntries()
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
                    LockSupport.parkNanos(++idleRounds > IDLE_ROUNDS_BEFORE_QUIET ? QUIET_PARK_NS : IDLE_PARK_NS);
                }
                if (d != null) {
                    idleRounds = 0;
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            lastError =
                    e instanceof OutOfMemoryError ? "out of heap: " + e.getMessage() : String.valueOf(e.getMessage());
            LOG.error("snapshot thread stopped: no more snapshots until a restart", e);
        }
    }

    private boolean takeSnapshot(long index) {
        try {
            // Streamed (twice: length and state hash first), never held: a ledger of a million
            // payments is ~100 MB, and arrays that large are humongous objects to G1, each starting
            // a marking cycle whose pause every thread of the gateway shares.
            store.write(replica.lastSequence(), index, lastEntryHash, replica::writeSnapshot);
            lastSnapshotSequence = replica.lastSequence();
            lastSnapshotTimeMs = System.currentTimeMillis();
            store.prune(settings.keep());
            lastError = null;
            applyRetention();
            return true;
        } catch (RuntimeException e) {
            if (lastError == null) {
                LOG.error("snapshot at sequence {} not written; retrying later", replica.lastSequence(), e);
            }
            lastError = String.valueOf(e.getMessage());
            return false;
        }
    }

    /** Journal retention after a snapshot: it never fails the snapshot, it only keeps files. */
    private void applyRetention() {
        List<Long> indexes = new ArrayList<>();
        for (Path file : store.list()) {
            long index = SnapshotStore.journalIndexOf(file);
            if (index >= 0) {
                indexes.add(index);
            }
        }
        retention.run(indexes);
    }

    /** Journal retention's state; any thread. */
    public JournalRetention.State retention() {
        return retention.state();
    }

    /** Wall-clock time of the last snapshot this agent wrote, epoch ms, or 0; any thread. */
    public long lastSnapshotTimeMs() {
        return lastSnapshotTimeMs;
    }

    /** Sequence of the last snapshot this agent wrote, or 0; any thread. */
    public long lastSnapshotSequence() {
        return lastSnapshotSequence;
    }

    /**
     * Why the snapshot start-up recovered from does not hold the state it records (its ledger, loaded
     * again here, gives another state hash), or null; any thread.
     */
    public String startSnapshotProblem() {
        return startCheckFailed;
    }

    /** The last problem, or null; any thread. A failed check of the start snapshot stays. */
    public String lastError() {
        return startCheckFailed != null ? startCheckFailed : lastError;
    }
}
