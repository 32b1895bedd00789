package io.kapok.gateway.journal;

import io.kapok.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes journal cycle files no recovery needs any more ({@code journal.retention}): moves them to
 * {@code <dataDir>/archive/journal/} or deletes them, oldest first, never leaving a gap. The journal
 * is the source of truth and the audit trail, so a cycle goes only when every one of these holds:
 *
 * <ol>
 *   <li>it is not one of the newest {@code keepCycles} cycle files, and it ended at least {@code
 *       keepDays} days ago (wall clock);
 *   <li>every kept snapshot lies in a later cycle: recovery from any of them, and the snapshot
 *       thread's own replica, start after it;
 *   <li>no reader of this gateway (the snapshot thread, the audit) is in it or before it, and the
 *       queue does not hold its file mapped ({@code StoreFileListener});
 *   <li>the mailbox holds no message of its entries any more (mailbox retention removed them): a
 *       relayed message is kept in the mailbox as a reference to its journal entry, whose bytes are
 *       read whenever the recipient fetches it.
 * </ol>
 *
 * Before a file goes, a line naming its entries and the hash of its last entry is made durable in
 * {@link JournalChainLinks}; the first retained entry links to that hash, so {@code ./kapok journal
 * verify} still checks the chain from there on, and a snapshot at or after it stands in for the
 * entries before it. A crash between the line and the move leaves the file in place; the next run
 * removes it.
 *
 * <p>Snapshot thread ({@link #run}); its state is read by any thread ({@link #state()}).
 */
public final class JournalRetention {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);
    /** Where archived cycle files go, under the data directory. */
    public static final String ARCHIVE_DIRECTORY = "archive/journal";

    private static final String SUFFIX = ".cq4";

    /**
     * What retention last did; any thread.
     *
     * @param mode the configured mode ({@code off}, {@code archive}, {@code delete})
     * @param cyclesRemoved cycle files removed since start-up
     * @param firstRetainedSequence the first entry the journal holds (1 when nothing was removed)
     * @param cycleFiles cycle files the journal holds now (-1 before the first run)
     * @param lastRunMs wall-clock time of the last run, 0 before it
     * @param keptBecause why the oldest cycle file stays, or null
     * @param lastError the last failure, or null
     */
    public record State(
            String mode,
            long cyclesRemoved,
            long firstRetainedSequence,
            int cycleFiles,
            long lastRunMs,
            String keptBecause,
            String lastError) {}

    private final Journal journal;
    private final GatewayConfig.JournalRetention settings;
    private final LongSupplier clockMs;
    private final LongSupplier oldestMailboxSequence;
    private volatile State state;
    private long cyclesRemoved;

    /** @param clockMs the wall clock, epoch ms (cycle ages only; nothing of it enters the journal) */
    public JournalRetention(Journal journal, GatewayConfig.JournalRetention settings, LongSupplier clockMs) {
        this(journal, settings, clockMs, () -> Long.MAX_VALUE);
    }

    /**
     * @param clockMs the wall clock, epoch ms (cycle ages only; nothing of it enters the journal)
     * @param oldestMailboxSequence the journal sequence of the oldest entry a message in the
     *     mailbox belongs to ({@code Long.MAX_VALUE}: none); asked once per run
     */
    public JournalRetention(
            Journal journal,
            GatewayConfig.JournalRetention settings,
            LongSupplier clockMs,
            LongSupplier oldestMailboxSequence) {
        this.journal = journal;
        this.settings = settings;
        this.clockMs = clockMs;
        this.oldestMailboxSequence = oldestMailboxSequence;
        this.state = new State(settings.mode(), 0, journal.links().firstRetainedSequence(), -1, 0, null, null);
    }

    /** What retention last did; any thread. */
    public State state() {
        return state;
    }

    /**
     * Removes every cycle file that may go (see the class comment), oldest first.
     *
     * @param snapshotIndexes the Chronicle index of each kept snapshot's last entry
     * @return how many cycle files were removed
     */
    public int run(List<Long> snapshotIndexes) {
        if (!settings.enabled()) {
            return 0;
        }
        SingleChronicleQueue queue = journal.queue();
        RollCycle rollCycle = queue.rollCycle();
        int removed = 0;
        String keptBecause = null;
        String error = null;
        long now = clockMs.getAsLong();
        try {
            queue.refreshDirectoryListing();
            List<Integer> cycles = new ArrayList<>();
            NavigableSet<Long> listed = queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle());
            for (Long c : listed) {
                cycles.add(c.intValue());
            }
            int snapshotCycle = Integer.MAX_VALUE;
            for (long index : snapshotIndexes) {
                snapshotCycle = Math.min(snapshotCycle, rollCycle.toCycle(index));
            }
            if (snapshotIndexes.isEmpty()) {
                snapshotCycle = Integer.MIN_VALUE;
            }
            int readerCycle = journal.oldestReaderCycle();
            long keepAfterMs = now - TimeUnit.DAYS.toMillis(settings.keepDays());
            long mailboxFloor = oldestMailboxSequence.getAsLong();
            for (int i = 0; i + settings.keepCycles() < cycles.size(); i++) {
                int cycle = cycles.get(i);
                long endMs = queue.epoch() + ((long) cycle + 1) * rollCycle.lengthInMillis();
                if (endMs > keepAfterMs) {
                    keptBecause =
                            "cycle " + fileName(queue, cycle) + " ended less than " + settings.keepDays() + " days ago";
                } else if (cycle >= snapshotCycle) {
                    keptBecause = snapshotIndexes.isEmpty()
                            ? "no snapshot yet"
                            : "cycle " + fileName(queue, cycle) + " holds or follows the oldest kept snapshot's entry";
                } else if (cycle >= readerCycle) {
                    keptBecause = "cycle " + fileName(queue, cycle) + " is still being read";
                } else if (journal.acquiredCycles().contains(cycle)) {
                    keptBecause = "cycle " + fileName(queue, cycle) + " is still mapped";
                } else if (mailboxFloor != Long.MAX_VALUE && lastSequenceOf(queue, cycles.get(i + 1)) >= mailboxFloor) {
                    keptBecause = "cycle " + fileName(queue, cycle) + " holds entry " + mailboxFloor
                            + " or a later one, whose messages the mailbox still holds (mailbox.retention)";
                } else {
                    remove(queue, cycle, cycles.get(i + 1), now);
                    removed++;
                    continue;
                }
                break;
            }
            if (keptBecause == null && !cycles.isEmpty()) {
                keptBecause = "one of the newest " + settings.keepCycles() + " cycle files";
            }
            if (removed > 0) {
                queue.refreshDirectoryListing();
            }
            cyclesRemoved += removed;
            state = new State(
                    settings.mode(),
                    cyclesRemoved,
                    journal.links().firstRetainedSequence(),
                    cycles.size() - removed,
                    now,
                    keptBecause,
                    null);
        } catch (RuntimeException e) {
            error = String.valueOf(e.getMessage());
            LOG.error("journal retention failed; cycle files are kept until it works", e);
            cyclesRemoved += removed;
            State s = state;
            state = new State(
                    settings.mode(),
                    cyclesRemoved,
                    journal.links().firstRetainedSequence(),
                    s.cycleFiles(),
                    now,
                    keptBecause,
                    error);
        }
        return removed;
    }

    /** Records the link past {@code cycle}, then moves or deletes its file. */
    private void remove(SingleChronicleQueue queue, int cycle, int nextCycle, long now) {
        String name = fileName(queue, cycle);
        Path file = journal.dataDir().resolve("journal").resolve(name);
        if (!Files.exists(file)) {
            throw new IllegalStateException("journal cycle " + cycle + " has no file " + file);
        }
        long[] first = new long[1];
        byte[] prevHash = new byte[JournalDigest.LENGTH_BYTES];
        long firstOfNext;
        try (ExcerptTailer tailer = queue.createTailer()) {
            long firstOfCycle = firstEntry(tailer, queue.rollCycle(), cycle, null);
            firstOfNext = firstEntry(tailer, queue.rollCycle(), nextCycle, prevHash);
            first[0] = firstOfCycle < 0 ? firstOfNext : firstOfCycle;
        }
        if (firstOfNext < 0) {
            throw new IllegalStateException("the journal cycle after " + name + " holds no entry yet");
        }
        boolean archive = "archive".equals(settings.mode());
        journal.links()
                .add(new JournalChainLinks.Link(
                        name, first[0], firstOfNext - 1, prevHash, archive ? "archived" : "deleted", now));
        try {
            if (archive) {
                Path dir = journal.dataDir().resolve(ARCHIVE_DIRECTORY);
                Files.createDirectories(dir);
                Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.forceDirectory(dir);
            } else {
                Files.delete(file);
            }
            AtomicFiles.forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove journal cycle file " + file + ": " + e.getMessage(), e);
        }
        LOG.info(
                "journal retention: {} {} (entries {}..{}); the journal now begins at entry {}",
                archive ? "archived" : "deleted",
                name,
                first[0],
                firstOfNext - 1,
                firstOfNext);
    }

    /** The sequence of the last entry before {@code nextCycle}, the cycle after the one asked about. */
    private static long lastSequenceOf(SingleChronicleQueue queue, int nextCycle) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            long firstOfNext = firstEntry(tailer, queue.rollCycle(), nextCycle, null);
            if (firstOfNext < 0) {
                throw new IllegalStateException(
                        "the journal cycle " + fileName(queue, nextCycle) + " holds no entry yet");
            }
            return firstOfNext - 1;
        }
    }

    /**
     * The sequence of the first entry of {@code cycle} (its entry hash checked), or -1 when it holds
     * none; its {@code prevEntryHash} into {@code prevHash} when that is not null.
     */
    private static long firstEntry(ExcerptTailer tailer, RollCycle rollCycle, int cycle, byte[] prevHash) {
        if (!tailer.moveToIndex(rollCycle.toIndex(cycle, 0))) {
            return -1;
        }
        JournalEntryCodec.Decoded d = new JournalEntryCodec.Decoded();
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return -1;
                }
                if (dc.isMetaData()) {
                    continue;
                }
                if (rollCycle.toCycle(dc.index()) != cycle) {
                    return -1;
                }
                JournalEntryCodec.read(dc.wire().bytes(), d, "index 0x" + Long.toHexString(dc.index()), false);
                if (prevHash != null) {
                    System.arraycopy(d.prevEntryHash, 0, prevHash, 0, prevHash.length);
                }
                return d.command.sequence;
            }
        }
    }

    /** The file name Chronicle Queue gives {@code cycle}: the roll cycle's format of its start, UTC. */
    public static String fileName(SingleChronicleQueue queue, int cycle) {
        RollCycle rollCycle = queue.rollCycle();
        long startMs = queue.epoch() + (long) cycle * rollCycle.lengthInMillis();
        return DateTimeFormatter.ofPattern(rollCycle.format())
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochMilli(startMs))
                + SUFFIX;
    }
}
