package io.kapok.gateway.snapshot;

import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.gateway.journal.JournalPositionException;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: the newest good snapshot plus the journal's tail after it, or a full replay of
 * the journal when no snapshot is usable.
 *
 * <p>A snapshot is used only when its file matches its checksum, its ledger bytes load at the
 * sequence it records, and the journal holds, at the index it records, the entry of its last
 * sequence with the entry hash it records. Anything else is reported (logged and returned in {@link
 * Result#skipped()}) and the next older snapshot is tried.
 *
 * <p>The snapshot's state hash is not recomputed here (see {@link #load(SnapshotStore.Snapshot,
 * boolean)}): its checksum covers it; the snapshot thread recomputes it off the start-up path.
 *
 * <p>Replay here checks what the ledger's state depends on: every entry's hash over its header and
 * command, and the chain from entry to entry. It does not re-digest the original message bytes
 * (kilobytes per entry); {@code ./kapok journal verify} does. A torn or corrupt entry is never
 * applied: a corrupt one stops the start-up with its sequence.
 */
public final class LedgerRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRecovery.class);

    private LedgerRecovery() {}

    /**
     * What recovery did.
     *
     * @param snapshot the snapshot the ledger started from, or null for a full replay
     * @param skipped one line for each snapshot that was not usable, newest first
     */
    public record Result(
            Ledger ledger, Path snapshot, long snapshotSequence, Journal.ReplayResult replay, List<String> skipped) {}

    /**
     * Recovers the ledger from {@code store}'s snapshots and {@code journal}. Runs on the thread
     * that owns the journal; afterwards the journal appends after the last entry read.
     *
     * @throws io.kapok.gateway.journal.JournalCorruptException for an entry after the snapshot that
     *     fails a check
     */
    public static Result recover(Journal journal, SnapshotStore store) {
        return recover(journal, store, Long.MAX_VALUE, (entry, result) -> {}, false);
    }

    /**
     * As {@link #recover(Journal, SnapshotStore)}, handing each replayed entry, after the ledger
     * applied it, to {@code afterApply}, with its message bytes from {@code messagesFromSequence} on
     * (the mailboxes re-create what a crash kept from them out of those); the ledger's payment window
     * keeps its ids compact from the start when {@code compactPaymentIds} ({@link
     * Ledger#compactPaymentIds()}), so that it is never copied to become so.
     */
    public static Result recover(
            Journal journal,
            SnapshotStore store,
            long messagesFromSequence,
            BiConsumer<JournalEntryCodec.Decoded, LedgerResult> afterApply,
            boolean compactPaymentIds) {
        LedgerResult result = new LedgerResult();
        List<String> skipped = new ArrayList<>();
        for (Path file : store.list()) {
            Ledger ledger;
            SnapshotStore.Snapshot snapshot;
            try {
                snapshot = SnapshotStore.read(file);
                ledger = load(snapshot, false, compactPaymentIds);
            } catch (SnapshotCorruptException e) {
                skip(skipped, e.getMessage());
                continue;
            }
            Ledger recovered = ledger;
            try {
                Journal.ReplayResult replay = journal.replayAfter(
                        snapshot.lastSequence(),
                        snapshot.journalIndex(),
                        snapshot.entryHash(),
                        false,
                        messagesFromSequence,
                        decoded -> {
                            recovered.apply(decoded.command, result);
                            afterApply.accept(decoded, result);
                        });
                return new Result(recovered, file, snapshot.lastSequence(), replay, skipped);
            } catch (JournalPositionException e) {
                skip(skipped, "snapshot " + file.getFileName() + " does not belong to this journal: " + e.getMessage());
            }
        }
        Ledger ledger = new Ledger();
        if (compactPaymentIds) {
            ledger.compactPaymentIds();
        }
        Journal.ReplayResult replay = journal.replay(false, messagesFromSequence, decoded -> {
            ledger.apply(decoded.command, result);
            afterApply.accept(decoded, result);
        });
        return new Result(ledger, null, 0, replay, skipped);
    }

    /**
     * The ledger a snapshot holds, checked against the state hash it records (recomputed over the
     * whole ledger).
     *
     * @throws SnapshotCorruptException when the ledger bytes do not load or give another state hash
     */
    public static Ledger load(SnapshotStore.Snapshot snapshot) {
        return load(snapshot, true);
    }

    /**
     * The ledger a snapshot holds. Without {@code recomputeStateHash} the recorded state hash is
     * trusted as the file's SHA-256 checksum vouches for it and for the ledger bytes (start-up:
     * recomputing it costs a pass over the whole ledger); the snapshot thread recomputes it in the
     * background ({@link SnapshotAgent}) and {@code ./kapok journal verify --recompute-state-hashes}
     * on demand; what the recomputation would catch is a ledger that does not restore what it wrote.
     *
     * @throws SnapshotCorruptException when the ledger bytes do not load, hold another sequence, or
     *     (when recomputed) give another state hash
     */
    public static Ledger load(SnapshotStore.Snapshot snapshot, boolean recomputeStateHash) {
        return load(snapshot, recomputeStateHash, false);
    }

    /**
     * {@link #load(SnapshotStore.Snapshot, boolean)}, the payment window's ids kept compact when
     * {@code compactPaymentIds} ({@link Ledger#compactPaymentIds()}): the snapshot thread's replica.
     */
    public static Ledger load(SnapshotStore.Snapshot snapshot, boolean recomputeStateHash, boolean compactPaymentIds) {
        Ledger ledger;
        try {
            ledger = Ledger.fromSnapshot(snapshot.ledger(), compactPaymentIds);
        } catch (IllegalArgumentException e) {
            throw new SnapshotCorruptException(snapshot.file(), "holds no readable ledger: " + e.getMessage());
        }
        if (ledger.lastSequence() != snapshot.lastSequence()) {
            throw new SnapshotCorruptException(
                    snapshot.file(),
                    "holds a ledger at sequence " + ledger.lastSequence() + ", its header says "
                            + snapshot.lastSequence());
        }
        if (recomputeStateHash) {
            // A snapshot an earlier build wrote in an older layout: the state hash is taken over the
            // layout, so what can be checked is that the recorded hash is the one of the bytes kept
            // (the ledger loaded above, at the recorded sequence); this build's hash of the same state
            // differs by the layout.
            byte[] recomputed = Ledger.inCurrentLayout(snapshot.ledger())
                    ? ledger.stateHash()
                    : Ledger.stateHashOf(snapshot.ledger());
            if (!Arrays.equals(recomputed, snapshot.stateHash())) {
                throw new SnapshotCorruptException(
                        snapshot.file(), "holds a ledger whose state hash is not the recorded one");
            }
        }
        return ledger;
    }

    private static void skip(List<String> skipped, String why) {
        LOG.warn("{}; trying an older snapshot or a full replay", why);
        skipped.add(why);
    }
}
