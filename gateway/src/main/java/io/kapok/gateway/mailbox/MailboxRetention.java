package io.kapok.gateway.mailbox;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.AtomicFiles;
import io.kapok.gateway.journal.JournalRetention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes mailbox cycle files ({@code mailbox.retention}), oldest first, on a thread of its own
 * ({@code kapok-mailbox-retention}) every {@code checkEverySeconds}. A cycle goes when it is not one
 * of the newest {@code keepCycles} files, ended {@code keepDays} days ago or more, and every message
 * in it is delivered (each recipient asked for messages after it); or, undelivered messages
 * included, when it ended {@code maxAgeDays} days ago or more (logged with each party's count).
 *
 * <p>The mailbox queue is the only record of each party's numbering and of how far the mailbox
 * covers the journal, so before any file goes, what it held is summed up in {@value #FILE} under
 * the data directory (written atomically): per party, the last message sequence removed (numbering
 * goes on after it, and everything up to it counts as delivered), and the last inbound journal
 * sequence removed with its message count (the start-up repair of {@link MailboxRecovery} goes on
 * from there). A crash between that record and the deletion leaves the files, which the index
 * rebuild then skips up to the recorded sequences.
 *
 * <p>Polls asking for removed messages get the first retained one onwards ({@link
 * PartyMailbox#firstRetainedSequence()}). Retention thread; {@link #state()} any thread.
 */
public final class MailboxRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxRetention.class);
    /** The summary of removed cycles, under the data directory. */
    static final String FILE = "mailbox-retention.txt";

    /**
     * What retention last did.
     *
     * @param cyclesRemoved cycle files deleted since start-up
     * @param undeliveredDropped undelivered messages deleted past {@code maxAgeDays} since start-up
     * @param keptBecause why the oldest cycle file stays, or null
     */
    public record State(
            String mode,
            long cyclesRemoved,
            long undeliveredDropped,
            int cycleFiles,
            long lastRunMs,
            String keptBecause,
            String lastError) {}

    /** What the record says: per party, the last removed message; and the mailbox's last removed inbound. */
    static final class Removed {
        final Map<String, Long> lastSequenceByParty = new TreeMap<>();
        long lastInboundSequence;
        int messagesOfLastInbound;

        static Removed load(Path dataDir) {
            Removed removed = new Removed();
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                return removed;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.strip().split(" ");
                    if (f.length == 3 && f[0].equals("inbound")) {
                        removed.lastInboundSequence = Long.parseLong(f[1]);
                        removed.messagesOfLastInbound = Integer.parseInt(f[2]);
                    } else if (f.length == 3 && f[0].equals("party")) {
                        removed.lastSequenceByParty.put(f[1], Long.parseLong(f[2]));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return removed;
        }

        void save(Path dataDir) throws IOException {
            StringBuilder text = new StringBuilder(
                    "# Kapok mailbox: what retention deleted (mailbox.retention); rewritten atomically.\n");
            text.append("inbound ")
                    .append(lastInboundSequence)
                    .append(' ')
                    .append(messagesOfLastInbound)
                    .append('\n');
            lastSequenceByParty.forEach((party, sequence) -> text.append("party ")
                    .append(party)
                    .append(' ')
                    .append(sequence)
                    .append('\n'));
            Path file = dataDir.resolve(FILE);
            AtomicFiles.write(
                    file, file.resolveSibling(FILE + ".tmp"), text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Mailboxes mailboxes;
    private final SingleChronicleQueue queue;
    private final Path dataDir;
    private final GatewayConfig.MailboxRetention settings;
    private final LongSupplier clockMs;
    private final ScheduledExecutorService thread;
    private final Removed removed;
    private volatile State state;
    private long cyclesRemoved;
    private long undeliveredDropped;

    MailboxRetention(
            Mailboxes mailboxes,
            SingleChronicleQueue queue,
            Path dataDir,
            GatewayConfig.MailboxRetention settings,
            Removed removed,
            LongSupplier clockMs) {
        this.mailboxes = mailboxes;
        this.queue = queue;
        this.dataDir = dataDir;
        this.settings = settings;
        this.removed = removed;
        this.clockMs = clockMs;
        this.state = new State(settings.mode(), 0, 0, -1, 0, null, null);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kapok-mailbox-retention");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the periodic runs (when the mode is not {@code off}). */
    MailboxRetention start() {
        if (settings.enabled()) {
            thread.scheduleWithFixedDelay(
                    this::runLogged, settings.checkEverySeconds(), settings.checkEverySeconds(), TimeUnit.SECONDS);
        }
        return this;
    }

    State state() {
        return state;
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("mailbox retention failed; cycle files are kept until it works", e);
            State s = state;
            state = new State(
                    s.mode(),
                    cyclesRemoved,
                    undeliveredDropped,
                    s.cycleFiles(),
                    clockMs.getAsLong(),
                    s.keptBecause(),
                    String.valueOf(e.getMessage()));
        }
    }

    /** One run: deletes every cycle file that may go. Returns how many. Retention thread (tests: any one thread). */
    int run() {
        return run(clockMs.getAsLong());
    }

    /** As {@link #run()}, with cycle ages measured at {@code now} (epoch ms). */
    int run(long now) {
        RollCycle rollCycle = queue.rollCycle();
        queue.refreshDirectoryListing();
        List<Integer> cycles = new ArrayList<>();
        for (Long c : queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle())) {
            cycles.add(c.intValue());
        }
        // The oldest cycle holding a message some party has not taken yet.
        int undeliveredCycle = Integer.MAX_VALUE;
        for (PartyMailbox mailbox : mailboxes.allParties()) {
            long last = mailbox.lastSequence();
            long next = Math.max(mailbox.deliveredSequence(), mailbox.firstRetainedSequence() - 1) + 1;
            if (next <= last) {
                undeliveredCycle = Math.min(undeliveredCycle, rollCycle.toCycle(mailbox.queueIndex(next)));
            }
        }
        long keepAfterMs = now - TimeUnit.DAYS.toMillis(settings.keepDays());
        long maxAgeAfterMs =
                settings.maxAgeDays() == 0 ? Long.MIN_VALUE : now - TimeUnit.DAYS.toMillis(settings.maxAgeDays());
        int through = -1;
        boolean dropsUndelivered = false;
        String keptBecause = null;
        for (int i = 0; i + settings.keepCycles() < cycles.size(); i++) {
            int cycle = cycles.get(i);
            long endMs = queue.epoch() + ((long) cycle + 1) * rollCycle.lengthInMillis();
            if (endMs <= keepAfterMs && cycle < undeliveredCycle) {
                through = cycle;
            } else if (endMs <= maxAgeAfterMs) {
                through = cycle;
                dropsUndelivered = true;
            } else {
                keptBecause = endMs > keepAfterMs
                        ? "cycle " + fileName(cycle) + " ended less than " + settings.keepDays() + " days ago"
                        : "cycle " + fileName(cycle) + " holds undelivered messages";
                break;
            }
        }
        if (keptBecause == null && !cycles.isEmpty()) {
            keptBecause = "one of the newest " + settings.keepCycles() + " cycle files";
        }
        int count = 0;
        if (through >= 0) {
            count = remove(cycles, through, dropsUndelivered);
        }
        cyclesRemoved += count;
        state = new State(
                settings.mode(), cyclesRemoved, undeliveredDropped, cycles.size() - count, now, keptBecause, null);
        return count;
    }

    /** Sums up the cycles up to {@code through} in the record, then deletes their files. */
    private int remove(List<Integer> cycles, int through, boolean dropsUndelivered) {
        RollCycle rollCycle = queue.rollCycle();
        MailboxEntry entry = new MailboxEntry();
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent() || rollCycle.toCycle(dc.index()) > through) {
                        break;
                    }
                    if (dc.isMetaData()
                            || entry.read(dc.wire().bytes(), false, dc.index()) != MailboxEntry.MESSAGE_MAGIC) {
                        continue;
                    }
                }
                long before = removed.lastSequenceByParty.getOrDefault(entry.recipientPartyId, 0L);
                if (entry.partySequence <= before) {
                    continue; // summed up by an earlier run whose deletion a crash cut short
                }
                removed.lastSequenceByParty.put(entry.recipientPartyId, entry.partySequence);
                if (entry.inboundSequence == removed.lastInboundSequence) {
                    removed.messagesOfLastInbound++;
                } else {
                    removed.lastInboundSequence = entry.inboundSequence;
                    removed.messagesOfLastInbound = 1;
                }
            }
        }
        try {
            removed.save(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        for (Map.Entry<String, Long> e : removed.lastSequenceByParty.entrySet()) {
            PartyMailbox mailbox = mailboxes.party(e.getKey());
            if (mailbox == null) {
                continue;
            }
            long undelivered =
                    e.getValue() - Math.max(mailbox.deliveredSequence(), mailbox.firstRetainedSequence() - 1);
            if (dropsUndelivered && undelivered > 0) {
                undeliveredDropped += undelivered;
                LOG.warn(
                        "mailbox retention: {} undelivered messages of {} (up to {}) deleted: older than"
                                + " mailbox.retention.maxAgeDays {}",
                        undelivered,
                        e.getKey(),
                        e.getValue(),
                        settings.maxAgeDays());
            }
            mailbox.markDelivered(e.getValue());
            mailbox.retainFrom(e.getValue() + 1);
        }
        int count = 0;
        for (int cycle : cycles) {
            if (cycle > through) {
                break;
            }
            Path file = dataDir.resolve("mailbox").resolve(fileName(cycle));
            try {
                if (Files.deleteIfExists(file)) {
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete mailbox cycle file " + file + ": " + e.getMessage(), e);
            }
        }
        AtomicFiles.forceDirectory(dataDir.resolve("mailbox"));
        queue.refreshDirectoryListing();
        LOG.info("mailbox retention: deleted {} cycle file(s) up to {}", count, fileName(through));
        return count;
    }

    private String fileName(int cycle) {
        return JournalRetention.fileName(queue, cycle);
    }

    /** Stops the thread, letting a run under way finish. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
