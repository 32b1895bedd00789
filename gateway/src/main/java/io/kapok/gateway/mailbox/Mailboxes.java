package io.kapok.gateway.mailbox;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.gateway.journal.AppendReadAround;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The durable per-party mailboxes: one Chronicle Queue of their own under {@code <dataDir>/mailbox}
 * (layout in {@link MailboxEntry}) holding every outbound message of every party in the order the
 * sequencer wrote them, and an index per party rebuilt from it at start-up.
 *
 * <p>Threads. The sequencer's thread opens it, writes every message (in the same batch as the
 * inbound entry that caused it, before that batch's answers leave), makes delivery marks durable,
 * and wakes waiting polls. The event loops start polls ({@link #poll}) and never read the queue;
 * reader threads ({@link MailboxReader}, one tailer each) read it for the answers.
 *
 * <p>Recovery. Every message names the inbound journal sequence it came from; the mailbox has
 * covered every inbound entry up to the last one it names. After a crash between a journal append
 * and the mailbox append, {@link MailboxRecovery} composes the messages of later entries again as
 * the journal replays, and appends those still missing.
 */
public final class Mailboxes implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    /** The appender's chunk without the kernel's read-around (see {@link AppendReadAround}). */
    private final AppendReadAround readAround = new AppendReadAround("mailbox");

    private final Durability durability;
    private final GatewayConfig.Mailbox limits;
    private final MailboxComposer[] composers;
    private final MailboxWriteHook hook;
    private final ConcurrentHashMap<String, PartyMailbox> parties = new ConcurrentHashMap<>();
    private final MailboxReader reader;
    private MailboxRetention retention;
    private final AtomicInteger parkedTotal = new AtomicInteger();
    /** Parties whose delivery mark moved, for the sequencer to make durable at the end of a batch. */
    private final ConcurrentLinkedQueue<PartyMailbox> deliveredToRecord = new ConcurrentLinkedQueue<>();

    // Sequencer thread only.
    private final List<PartyMailbox> writtenInBatch = new ArrayList<>();
    private final RoomCheck roomCheck = new RoomCheck();
    private final Writer writer = new Writer();
    private long lastInboundSequence;
    private int messagesOfLastInbound;
    private volatile boolean writable = true;
    private volatile String writeError;
    /**
     * After a failed write: the messages of the failing entry not yet written (the one that failed
     * and those composed after it), in order, kept for {@link #retryPending()}. Null when the failure
     * was not a write (a composer threw), which leaves the repair to a restart.
     */
    private ArrayList<Pending> pending = new ArrayList<>();

    /** A composed message the disk refused, kept until a write works again. */
    private record Pending(
            String recipient, long inboundSequence, String type, long timeMs, int format, byte[] bytes) {}

    private Mailboxes(
            SingleChronicleQueue queue,
            Durability durability,
            GatewayConfig.Mailbox limits,
            MailboxComposer[] composers,
            MailboxWriteHook hook,
            java.util.function.Supplier<MailboxRenderer> renderers) {
        this.queue = queue;
        this.appender = queue.createAppender();
        this.durability = durability;
        this.limits = limits;
        this.composers = composers;
        this.hook = hook;
        this.reader = new MailboxReader(queue, limits.readerThreads(), limits.readQueueMax(), renderers);
    }

    /**
     * Lets the mailbox queue's appender be used by more than one thread, one at a time: the sequencer on
     * whichever event loop published ({@code sequencer.runsOn: any-event-loop}), whose drains a lock
     * orders, each seeing what the one before wrote. Chronicle's check that one thread alone appends
     * is then off for this appender.
     */
    public void appendFromSeveralThreads() {
        appender.singleThreadedCheckDisabled(true);
    }

    /**
     * Opens (creating if needed) the mailbox queue in {@code dataDir/mailbox} and rebuilds every
     * party's index from it. Sequencer thread.
     *
     * @param renderers makes one renderer per reader thread, for the messages the composers write
     *     as compact records ({@link MailboxComposer.OutboundSink#record})
     * @param composers asked in order for the messages of each command
     */
    public static Mailboxes open(
            Path dataDir,
            String rollCycle,
            Durability durability,
            GatewayConfig.Mailbox limits,
            MailboxWriteHook hook,
            java.util.function.Supplier<MailboxRenderer> renderers,
            MailboxComposer... composers) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dataDir.resolve("mailbox"))
                .rollCycle(io.kapok.gateway.journal.JournalRollCycles.of(rollCycle))
                .build();
        Mailboxes mailboxes;
        try {
            mailboxes = new Mailboxes(queue, durability, limits, composers.clone(), hook, renderers);
        } catch (RuntimeException | Error e) {
            queue.close();
            throw e;
        }
        try {
            MailboxRetention.Removed removed = MailboxRetention.Removed.load(dataDir);
            mailboxes.restoreRemoved(removed);
            mailboxes.rebuildIndex();
            mailboxes.retention = new MailboxRetention(
                            mailboxes, queue, dataDir, limits.retentionOrDefault(), removed, System::currentTimeMillis)
                    .start();
        } catch (RuntimeException | Error e) {
            mailboxes.close();
            throw e;
        }
        return mailboxes;
    }

    /** Start-up: numbering goes on after the messages retention removed, which count as delivered. */
    private void restoreRemoved(MailboxRetention.Removed removed) {
        removed.lastSequenceByParty.forEach(
                (party, sequence) -> partyOrCreate(party).restoreRemoved(sequence));
        lastInboundSequence = removed.lastInboundSequence;
        messagesOfLastInbound = removed.messagesOfLastInbound;
    }

    private void rebuildIndex() {
        readFromStart((magic, entry, index) -> {
            PartyMailbox mailbox = partyOrCreate(entry.recipientPartyId);
            if (magic == MailboxEntry.DELIVERED_MAGIC) {
                mailbox.restoreDelivered(entry.partySequence);
                return true;
            }
            if (entry.partySequence <= mailbox.removedBeforeStart()) {
                return true; // in a cycle retention summed up; a crash kept it from deleting it
            }
            if (entry.partySequence != mailbox.lastSequence() + 1) {
                throw new IllegalStateException("mailbox of " + entry.recipientPartyId + ": message "
                        + entry.partySequence + " at index 0x" + Long.toHexString(index) + " follows "
                        + mailbox.lastSequence() + ": the mailbox queue was altered");
            }
            mailbox.append(index);
            if (entry.inboundSequence == lastInboundSequence) {
                messagesOfLastInbound++;
            } else {
                lastInboundSequence = entry.inboundSequence;
                messagesOfLastInbound = 1;
            }
            return true;
        });
    }

    /** What {@link #readFromStart} hands over for each record. */
    private interface RecordVisitor {
        /** @return false to stop reading */
        boolean visit(int magic, MailboxEntry entry, long index);
    }

    /**
     * Reads the mailbox queue's records (messages and delivery marks; not Chronicle's metadata) from
     * its first, in order, with a tailer of its own, until {@code visitor} says stop or none is left.
     */
    private void readFromStart(RecordVisitor visitor) {
        MailboxEntry entry = new MailboxEntry();
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        return;
                    }
                    if (dc.isMetaData()) {
                        continue;
                    }
                    long index = dc.index();
                    if (!visitor.visit(entry.read(dc.wire().bytes(), false, index), entry, index)) {
                        return;
                    }
                }
            }
        }
    }

    /** The last inbound journal sequence the mailbox holds messages of (0 when empty). */
    public long lastInboundSequence() {
        return lastInboundSequence;
    }

    /** How many messages of {@link #lastInboundSequence()} the mailbox holds. */
    int messagesOfLastInbound() {
        return messagesOfLastInbound;
    }

    /** The configured limits. */
    public GatewayConfig.Mailbox limits() {
        return limits;
    }

    /** Every party's mailbox; any thread. */
    java.util.Collection<PartyMailbox> allParties() {
        return parties.values();
    }

    /**
     * The mailbox with the most undelivered messages (the first such when several tie), or null when
     * no party has a mailbox yet; any thread. One pass over every party, for the health
     * document: not for the hot path.
     */
    public PartyMailbox fullest() {
        PartyMailbox fullest = null;
        long most = -1;
        for (PartyMailbox mailbox : parties.values()) {
            long undelivered = mailbox.undelivered();
            if (undelivered > most) {
                most = undelivered;
                fullest = mailbox;
            }
        }
        return fullest;
    }

    /** What mailbox retention last did; any thread. */
    public MailboxRetention.State retention() {
        return retention == null ? null : retention.state();
    }

    /** Mailbox retention, for tests that run it at once. */
    MailboxRetention retentionAgent() {
        return retention;
    }

    /** A party's mailbox, or null for a party the gateway does not know; any thread. */
    public PartyMailbox party(String partyId) {
        return parties.get(partyId);
    }

    /** Sequencer thread: makes sure a known party has a mailbox, so it can poll an empty one. */
    public void addParty(String partyId) {
        partyOrCreate(partyId);
    }

    private PartyMailbox partyOrCreate(String partyId) {
        PartyMailbox mailbox = parties.get(partyId);
        if (mailbox == null) {
            mailbox = new PartyMailbox(partyId);
            parties.put(partyId, mailbox);
        }
        return mailbox;
    }

    /**
     * False after a mailbox write failed, until the messages it left out are written ({@link
     * #endBatch()} retries them) or a restart re-creates them from the journal; nothing more is
     * accepted meanwhile. Any thread.
     */
    public boolean writable() {
        return writable;
    }

    /** The last write error, or null. */
    public String writeError() {
        return writeError;
    }

    /** Polls waiting in all mailboxes; any thread. */
    public int parkedPolls() {
        return parkedTotal.get();
    }

    /** Told of each compact record written, or null; sequencer thread. */
    private MailboxRecordObserver recordObserver;

    /** The sequencer's own tailer for {@link #readToday}; created on first use. */
    private ExcerptTailer statementTailer;

    private final MailboxEntry statementEntry = new MailboxEntry();

    /**
     * Sequencer thread: reads, oldest first, the messages of {@code partyId} created at or after
     * {@code fromTimeMs} whose inbound entry is at most {@code throughInboundSequence}, at most
     * {@code messagesMax} of them back from the newest (a party with more is read from there on),
     * handing each (compact records as they are, not rendered) to {@code sink}; the entry is reused.
     * Messages retention removed are not read.
     *
     * @return how many were read, or -1 (none read) when more than {@code messagesMax} messages of
     *     the party were created since {@code fromTimeMs}
     */
    public int readToday(
            String partyId,
            long fromTimeMs,
            long throughInboundSequence,
            int messagesMax,
            java.util.function.Consumer<MailboxEntry> sink) {
        PartyMailbox mailbox = parties.get(partyId);
        if (mailbox == null) {
            return 0;
        }
        if (statementTailer == null) {
            statementTailer = queue.createTailer();
        }
        long floor = Math.max(mailbox.firstRetainedSequence(), mailbox.lastSequence() - messagesMax + 1);
        long first = mailbox.lastSequence() + 1;
        while (first > floor && readAt(mailbox, first - 1).createdTimeMs >= fromTimeMs) {
            first--;
        }
        if (first == floor
                && floor > mailbox.firstRetainedSequence()
                && readAt(mailbox, floor - 1).createdTimeMs >= fromTimeMs) {
            return -1; // the day starts before the newest messagesMax
        }
        int read = 0;
        for (long sequence = first; sequence <= mailbox.lastSequence(); sequence++) {
            MailboxEntry entry = readAt(mailbox, sequence);
            if (entry.inboundSequence <= throughInboundSequence) {
                sink.accept(entry);
                read++;
            }
        }
        return read;
    }

    /**
     * Sequencer thread: hands {@code sink}, in the order they were written, every party's compact
     * records ({@link MailboxEntry#format} other than {@link MailboxEntry#FORMAT_MESSAGE}, not
     * rendered; the entry is reused) created in {@code [fromTimeMs, toTimeMs)}, from the first one
     * kept; messages stored whole are passed over without copying their bytes. One pass over the queue from the earliest such message,
     * found in each party's index by bisection: a message's creation time is its inbound entry's
     * receive time, and the sequencer never journals an entry of an earlier day after one of a later
     * day, so within each mailbox "created at or after {@code fromTimeMs}" only turns true once.
     */
    public void readCreatedBetween(long fromTimeMs, long toTimeMs, java.util.function.Consumer<MailboxEntry> sink) {
        if (statementTailer == null) {
            statementTailer = queue.createTailer();
        }
        long start = Long.MAX_VALUE;
        for (PartyMailbox mailbox : parties.values()) {
            long low = Math.max(1, mailbox.firstRetainedSequence());
            long high = mailbox.lastSequence() + 1; // the first created at or after fromTimeMs is in [low, high]
            while (low < high) {
                long middle = (low + high) >>> 1;
                if (readAt(mailbox, middle).createdTimeMs >= fromTimeMs) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            if (low <= mailbox.lastSequence()) {
                start = Math.min(start, mailbox.queueIndex(low));
            }
        }
        if (start == Long.MAX_VALUE) {
            return;
        }
        if (!statementTailer.moveToIndex(start)) {
            throw new IllegalStateException("no mailbox message at index 0x" + Long.toHexString(start));
        }
        MailboxEntry entry = statementEntry;
        while (true) {
            try (DocumentContext dc = statementTailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return;
                }
                if (dc.isMetaData()
                        || entry.read(dc.wire().bytes(), false, dc.index()) != MailboxEntry.MESSAGE_MAGIC
                        || entry.format == MailboxEntry.FORMAT_MESSAGE
                        || entry.createdTimeMs < fromTimeMs
                        || entry.createdTimeMs >= toTimeMs
                        || entry.partySequence
                                < parties.get(entry.recipientPartyId).firstRetainedSequence()) {
                    continue;
                }
                entry.readBytes(dc.wire().bytes());
                sink.accept(entry);
            }
        }
    }

    private MailboxEntry readAt(PartyMailbox mailbox, long sequence) {
        long index = mailbox.queueIndex(sequence);
        MailboxEntry entry = statementEntry;
        if (!statementTailer.moveToIndex(index)) {
            throw new IllegalStateException("mailbox message " + sequence + " of " + mailbox.partyId()
                    + " is not at its index 0x" + Long.toHexString(index));
        }
        try (net.openhft.chronicle.wire.DocumentContext dc = statementTailer.readingDocument()) {
            if (!dc.isPresent() || entry.read(dc.wire().bytes(), true, index) != MailboxEntry.MESSAGE_MAGIC) {
                throw new IllegalStateException("no mailbox message at index 0x" + Long.toHexString(index));
            }
        }
        return entry;
    }

    /**
     * The journal sequence of the oldest message the mailbox queue still holds (delivered or not),
     * or {@code Long.MAX_VALUE} when it holds none. Journal retention keeps the cycle of that entry
     * and every later one: a relayed message is a reference to its journal entry ({@link
     * MailboxEntry#FORMAT_JOURNALED}), read whenever it is fetched, and a party may fetch a message
     * again for as long as the mailbox keeps it ({@code mailbox.retention}). Messages are written in
     * journal order, so the queue's first message is the oldest. Any thread.
     */
    public long oldestRetainedInboundSequence() {
        long[] oldest = {Long.MAX_VALUE};
        readFromStart((magic, entry, index) -> {
            if (magic != MailboxEntry.MESSAGE_MAGIC) {
                return true;
            }
            oldest[0] = entry.inboundSequence;
            return false;
        });
        return oldest[0];
    }

    /** Sequencer thread: from now on {@code observer} is told of every compact record written. */
    public void observeRecords(MailboxRecordObserver observer) {
        this.recordObserver = observer;
    }

    /**
     * Sequencer thread, before journaling {@code command}: null when every mailbox the command could
     * write to has room, else why not (naming the party, its undelivered count and the limit).
     */
    public String refusal(LedgerCommand command) {
        RoomCheck check = roomCheck;
        check.clear();
        for (MailboxComposer composer : composers) {
            composer.recipients(command, check);
        }
        return check.refusal;
    }

    /**
     * Sequencer thread, after the ledger applied a journaled command: composes its messages and
     * appends each to its recipient's mailbox. On a failed write the exception propagates, and the
     * mailboxes refuse writes ({@link #writable()}) until the messages left out are written: the
     * rest of the command's messages are still composed and kept, and each {@link #endBatch()}
     * tries to write them again.
     */
    public void append(
            LedgerCommand command,
            long journalIndex,
            long entryHashTag,
            byte[] raw,
            int rawLength,
            LedgerResult result) {
        compose(command, journalIndex, entryHashTag, raw, rawLength, result, 0);
    }

    /**
     * Composes the messages of {@code command} and appends all but the first {@code skip} of them.
     * Returns how many were appended.
     *
     * @param journalIndex the Chronicle index of the command's journal entry, which holds {@code
     *     raw}: relayed messages refer to it instead of copying the bytes; negative when unknown
     *     (the messages are then copied)
     * @param entryHashTag the first 8 bytes of that entry's hash ({@link
     *     io.kapok.gateway.journal.JournalMessages#tag}), kept with a reference
     */
    int compose(
            LedgerCommand command,
            long journalIndex,
            long entryHashTag,
            byte[] raw,
            int rawLength,
            LedgerResult result,
            int skip) {
        if (!writable) {
            throw new IllegalStateException("the mailbox is not writable since an earlier failure: " + writeError);
        }
        Writer w = writer;
        w.start(command, journalIndex, entryHashTag, skip);
        try {
            for (MailboxComposer composer : composers) {
                composer.compose(command, raw, rawLength, result, w);
            }
        } catch (RuntimeException | Error e) {
            // Not a write: the messages after it were never composed; a restart composes them.
            pending = null;
            writable = false;
            writeError = String.valueOf(e.getMessage());
            throw e;
        }
        if (w.failure != null) {
            writable = false;
            writeError = String.valueOf(w.failure.getMessage());
            throw w.failure;
        }
        return w.appended;
    }

    /**
     * Sequencer thread: writes the messages a failed write left out, in order. When all are written
     * the mailboxes are writable again; when the disk still refuses, the rest stays for the next
     * batch. Returns true when the mailboxes are writable.
     */
    boolean retryPending() {
        if (writable) {
            return true;
        }
        if (pending == null) {
            return false;
        }
        int written = 0;
        try {
            for (Pending p : pending) {
                write(
                        p.recipient(),
                        p.inboundSequence(),
                        p.type(),
                        p.timeMs(),
                        p.format(),
                        p.bytes(),
                        0,
                        p.bytes().length);
                written++;
            }
        } catch (RuntimeException e) {
            writeError = String.valueOf(e.getMessage());
            return false;
        } finally {
            pending.subList(0, written).clear();
        }
        writeError = null;
        writable = true;
        return true;
    }

    private void write(
            String recipient, long inboundSequence, String type, long timeMs, int format, byte[] b, int off, int len) {
        PartyMailbox mailbox = partyOrCreate(recipient);
        long partySequence = mailbox.lastSequence() + 1;
        long index;
        Bytes<?> out;
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                hook.beforeWrite(recipient, inboundSequence);
                out = dc.wire().bytes();
                MailboxEntry.writeMessage(
                        out, recipient, partySequence, inboundSequence, type, timeMs, format, b, off, len);
                index = dc.index();
            } catch (RuntimeException | Error e) {
                dc.rollbackOnClose();
                throw e;
            }
        } catch (InternalError e) {
            throw io.kapok.gateway.journal.Journal.mappedWriteFault("mailbox", e);
        }
        mailbox.append(index);
        readAround.afterAppend(out);
        if (format != MailboxEntry.FORMAT_MESSAGE && recordObserver != null) {
            recordObserver.recordWritten(recipient, partySequence, timeMs, format, b, off, len);
        }
        if (inboundSequence == lastInboundSequence) {
            messagesOfLastInbound++;
        } else {
            lastInboundSequence = inboundSequence;
            messagesOfLastInbound = 1;
        }
        if (!mailbox.writtenInBatch) {
            mailbox.writtenInBatch = true;
            writtenInBatch.add(mailbox);
        }
    }

    /**
     * Sequencer thread, at the end of a batch and before its answers leave: records the delivery
     * marks that moved since the last batch, and in {@code sync} durability forces the batch's
     * messages and marks to disk. Throws when that fails: the batch's answers must then not leave.
     * A mark only counts room, so one that is lost is merely conservative until the party polls again.
     */
    public void endBatch() {
        retryPending();
        PartyMailbox moved;
        while ((moved = deliveredToRecord.poll()) != null) {
            moved.deliveredDirty.set(false);
            String partyId = moved.partyId();
            long delivered = moved.deliveredSequence();
            try (DocumentContext dc = appender.writingDocument()) {
                MailboxEntry.writeDelivered(dc.wire().bytes(), partyId, delivered);
            }
        }
        if (durability == Durability.SYNC) {
            appender.sync();
        }
    }

    /** Sequencer thread, after the batch's answers left: hands waiting polls their new messages. */
    public void wakeWritten() {
        for (int i = 0; i < writtenInBatch.size(); i++) {
            PartyMailbox mailbox = writtenInBatch.get(i);
            mailbox.writtenInBatch = false;
            if (mailbox.parkedCount.get() > 0) {
                for (MailboxPoll poll : mailbox.parked) {
                    if (poll.claim()) {
                        unpark(poll);
                        poll.onEventLoop(() -> {
                            cancelTimeout(poll);
                            reader.read(poll);
                        });
                    }
                }
            }
        }
        writtenInBatch.clear();
    }

    /**
     * Event loop: starts a poll. Records the delivery of everything up to {@code after}; answers at
     * once (through a reader thread) when there are messages after it or the poll does not wait;
     * else parks it until a message arrives or its wait runs out.
     *
     * @return null when the poll is under way, else why it is refused (too many polls waiting)
     */
    public String poll(MailboxPoll poll) {
        PartyMailbox mailbox = poll.mailbox;
        if (mailbox.markDelivered(poll.after) && mailbox.deliveredDirty.compareAndSet(false, true)) {
            deliveredToRecord.offer(mailbox);
        }
        if (mailbox.lastSequence() > poll.after || poll.waitMs == 0) {
            reader.read(poll);
            return null;
        }
        if (mailbox.parkedCount.incrementAndGet() > limits.parkedPollsPerPartyMax()) {
            mailbox.parkedCount.decrementAndGet();
            return "too many polls waiting for " + mailbox.partyId() + " (mailbox.parkedPollsPerPartyMax "
                    + limits.parkedPollsPerPartyMax() + ")";
        }
        if (parkedTotal.incrementAndGet() > limits.parkedPollsMax()) {
            parkedTotal.decrementAndGet();
            mailbox.parkedCount.decrementAndGet();
            return "too many polls waiting (mailbox.parkedPollsMax " + limits.parkedPollsMax() + ")";
        }
        mailbox.parked.add(poll);
        poll.timeout = poll.eventLoop.schedule(
                () -> {
                    if (poll.claim()) {
                        unpark(poll);
                        reader.read(poll);
                    }
                },
                poll.waitMs,
                TimeUnit.MILLISECONDS);
        // A message written between the check above and the parking found no poll to wake: look again.
        if (mailbox.lastSequence() > poll.after && poll.claim()) {
            unpark(poll);
            cancelTimeout(poll);
            reader.read(poll);
        }
        return null;
    }

    /** Event loop: the poll's connection closed; a parked poll gives its place up. */
    public void cancel(MailboxPoll poll) {
        if (poll.claim()) {
            unpark(poll);
            cancelTimeout(poll);
        }
    }

    private void unpark(MailboxPoll poll) {
        if (poll.mailbox.parked.remove(poll)) {
            poll.mailbox.parkedCount.decrementAndGet();
            parkedTotal.decrementAndGet();
        }
    }

    private static void cancelTimeout(MailboxPoll poll) {
        if (poll.timeout != null) {
            poll.timeout.cancel(false);
        }
    }

    /** Stops the reader threads, records the last delivery marks, and closes the queue. Sequencer thread. */
    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        if (statementTailer != null) {
            statementTailer.close();
        }
        reader.close();
        try {
            if (writable) {
                endBatch();
            }
        } finally {
            try {
                readAround.close();
            } finally {
                appender.close();
                queue.close();
            }
        }
    }

    /**
     * Writer thread, before appending: whether the mailbox's pages 8 MB behind its appender are
     * written to disk and given back to the kernel ({@link io.kapok.gateway.journal.PageRecycler};
     * {@code journal.recycleWrittenPages}).
     */
    public void recycleWrittenPages(boolean on) {
        readAround.recycleWrittenPages(on);
    }

    /** Chunks of the mailbox's files the appender has entered and advised random (tests). */
    long chunksAdvisedRandom() {
        return readAround.chunksAdvised();
    }

    /** Counts, per recipient, the messages a command could write, against each mailbox's room. */
    private final class RoomCheck implements MailboxComposer.RecipientSink {
        private String[] recipients = new String[4];
        private int[] counts = new int[4];
        private int size;
        String refusal;

        void clear() {
            java.util.Arrays.fill(recipients, 0, size, null);
            size = 0;
            refusal = null;
        }

        @Override
        public void recipient(String partyId) {
            if (refusal != null) {
                return;
            }
            int i = 0;
            while (i < size && !recipients[i].equals(partyId)) {
                i++;
            }
            if (i == size) {
                if (size == recipients.length) {
                    recipients = java.util.Arrays.copyOf(recipients, size * 2);
                    counts = java.util.Arrays.copyOf(counts, size * 2);
                }
                recipients[size] = partyId;
                counts[size] = 0;
                size++;
            }
            int count = ++counts[i];
            PartyMailbox mailbox = parties.get(partyId);
            long undelivered = mailbox == null ? 0 : mailbox.undelivered();
            if (undelivered + count > limits.capacityPerParty()) {
                refusal = "recipient mailbox full: " + partyId + " has " + undelivered
                        + " undelivered messages (mailbox.capacityPerParty " + limits.capacityPerParty() + ")";
            }
        }
    }

    /**
     * Receives composed messages and appends them, after skipping the first few. After a write
     * fails, the rest are kept (copied) for {@link #retryPending()}, so that they go out in the
     * order they were composed.
     */
    private final class Writer implements MailboxComposer.OutboundSink {
        private long inboundSequence;
        private long journalIndex;
        private long entryHashTag;
        private long timeMs;
        private int skip;
        int appended;
        RuntimeException failure;
        private final byte[] journaledRecord = new byte[MailboxEntry.JOURNALED_RECORD_BYTES];

        void start(LedgerCommand command, long journalIndex, long entryHashTag, int skip) {
            this.inboundSequence = command.sequence;
            this.journalIndex = journalIndex;
            this.entryHashTag = entryHashTag;
            this.timeMs = command.timeMs;
            this.skip = skip;
            this.appended = 0;
            this.failure = null;
        }

        @Override
        public void message(String recipientPartyId, String messageType, byte[] bytes, int offset, int length) {
            record(recipientPartyId, messageType, MailboxEntry.FORMAT_MESSAGE, bytes, offset, length);
        }

        @Override
        public void journaled(String recipientPartyId, String messageType, byte[] raw, int rawLength) {
            if (journalIndex < 0) {
                message(recipientPartyId, messageType, raw, 0, rawLength);
                return;
            }
            MailboxEntry.writeJournaled(journaledRecord, journalIndex, rawLength, entryHashTag);
            record(
                    recipientPartyId,
                    messageType,
                    MailboxEntry.FORMAT_JOURNALED,
                    journaledRecord,
                    0,
                    MailboxEntry.JOURNALED_RECORD_BYTES);
        }

        @Override
        public void record(
                String recipientPartyId, String messageType, int format, byte[] bytes, int offset, int length) {
            if (skip > 0) {
                skip--;
                return;
            }
            if (failure == null) {
                try {
                    write(recipientPartyId, inboundSequence, messageType, timeMs, format, bytes, offset, length);
                    appended++;
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            pending.add(new Pending(
                    recipientPartyId,
                    inboundSequence,
                    messageType,
                    timeMs,
                    format,
                    java.util.Arrays.copyOfRange(bytes, offset, offset + length)));
        }
    }
}
