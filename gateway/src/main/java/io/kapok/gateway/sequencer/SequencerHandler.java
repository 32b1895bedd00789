package io.kapok.gateway.sequencer;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.flow.EndOfDayStatements;
import io.kapok.gateway.flow.FlowAnswers;
import io.kapok.gateway.flow.FlowNotifications;
import io.kapok.gateway.flow.FlowPlan;
import io.kapok.gateway.flow.FlowRetries;
import io.kapok.gateway.flow.FlowRouter;
import io.kapok.gateway.flow.PaymentRouter;
import io.kapok.gateway.flow.PlatformNoticeRenderer;
import io.kapok.gateway.fx.FxFeedHealth;
import io.kapok.gateway.fx.FxRateGuard;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalAuditor;
import io.kapok.gateway.journal.JournalMessages;
import io.kapok.gateway.journal.JournalWriteHook;
import io.kapok.gateway.mailbox.JournaledMessageRenderer;
import io.kapok.gateway.mailbox.MailboxRecovery;
import io.kapok.gateway.mailbox.MailboxWriteHook;
import io.kapok.gateway.mailbox.Mailboxes;
import io.kapok.gateway.mailbox.PaymentRelayComposer;
import io.kapok.gateway.snapshot.LedgerRecovery;
import io.kapok.gateway.snapshot.SnapshotAgent;
import io.kapok.gateway.snapshot.SnapshotStore;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.fx.SetFxRateCommand;
import io.kapok.ledger.party.Party;
import io.kapok.ledger.payment.DecidedPayments;
import io.kapok.ledger.payment.PaymentPrefetch;
import io.kapok.ledger.payment.TransferCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequencer (on its own thread, or on the first event loop: {@code sequencer.runsOn}): the
 * single consumer of the ring and the only writer of the journal and the ledger. For each payment
 * it checks for a duplicate (a retry gets the original answer, a conflicting reuse of an id is
 * refused, and neither touches the journal), assigns the next
 * sequence, appends the entry to the journal, applies the command to the ledger, and records the
 * decision in the slot's response; the outbound messages the decision causes go to their
 * recipients' mailboxes right after it ({@link Mailboxes}). At the end of each batch it ends the
 * journal and mailbox batch (group commit: in {@code sync} durability, forced to disk) and only then
 * hands the answers back to their event loops: no answer leaves before its entry is in the journal
 * and its messages are in the mailboxes. Then it wakes the polls waiting for those messages.
 *
 * <p>The sequencer never hashes a message: the event loop put the message digest in the slot, and
 * the journal chains only the entry's header, that digest and the command (~150 bytes).
 *
 * <p>On start it opens the journal, recovers the ledger from the newest good snapshot and the
 * journal's tail after it (or the whole journal), verifying every entry's hash and the chain and
 * refusing to start on the first entry that fails, named by its sequence; for a new journal it
 * writes the configured world ({@link Genesis}) as its first entries. Then it starts the snapshot
 * thread and the background audit of the message digests.
 */
public final class SequencerHandler implements EventHandler<InboundEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SequencerHandler.class);

    private final GatewayConfig config;
    private final Path dataDir;
    /** Recovered in {@link #onStart()}; then only this thread touches it. */
    private Ledger ledger = new Ledger();

    private final LedgerResult result = new LedgerResult();
    private final SetFxRateCommand fxRate = new SetFxRateCommand();
    private volatile FxFeedHealth fxFeed;
    /** The commands of the message being handled, and their outcomes. */
    private final FlowPlan plan = new FlowPlan();
    /** What the commands of the message being handled were decided, journaled after them. */
    private final io.kapok.ledger.receivable.RecordMessageCommand decidedRecord =
            new io.kapok.ledger.receivable.RecordMessageCommand();

    private FlowAnswers flowAnswers;
    /** camt.053 at each day's end (composes nothing unless {@code notifications.endOfDayStatements}). */
    private final EndOfDayStatements endOfDayStatements;
    /** Whether a day that has ended is closed: {@code notifications.endOfDayStatements}. */
    private final boolean closesDays;

    private final io.kapok.ledger.day.CloseDayCommand closeDay = new io.kapok.ledger.day.CloseDayCommand();
    /** camt.053 on request, from the ledger's balances and the mailboxes' camt.054 records. */
    private final io.kapok.gateway.flow.AccountStatements statements;
    /** Answers to messages that wrote no journal entry (refused, or a query): {@code KPKU<start ms>-<n>}. */
    private long unjournaledAnswers;

    private static final long DAY_MS = 86_400_000L;
    private static final byte[] NO_BYTES = new byte[0];

    private final long startTimeMs = System.currentTimeMillis();
    private final List<PendingResponse> batch = new ArrayList<>();

    /**
     * The ring this handler reads from its own thread, for the payments' prefetch hints ({@link
     * #prefetchFrom}); null: no hints (the sequencer on an event loop), each transfer loads its own
     * part of the payment window.
     */
    private RingBuffer<InboundEvent> prefetchRing;

    private final PaymentPrefetch prefetch = new PaymentPrefetch();
    /** The size of the batch the next event opens ({@link #onBatchStart}), or 0. */
    private long batchStarting;
    /** The ring sequence of the last event of the batch being handled. */
    private long batchEndSequence = -1;
    /** The ring sequence of the last event whose payment has been hinted. */
    private long prefetchedThrough = -1;
    /** The hints' loads folded together, kept so they are not optimised away; means nothing. */
    private long prefetchFolded;
    /** Payments hinted to the ledger so far (tests). */
    private volatile long hintedPayments;

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Throwable startFailure;
    private volatile long lastSequence;
    /** The ledger's payment window after the last batch: decisions kept, capacity, retention (ms). */
    private volatile int paymentWindowDecisions;

    private volatile int paymentWindowRoom;
    private volatile boolean paymentWindowCompactIds;
    private volatile int paymentWindowNextRoom;
    private volatile int paymentWindowGrowths;
    private volatile int paymentWindowGrowthsPrepared;

    private volatile int paymentWindowCapacity;
    private volatile long paymentWindowRetentionMs;
    private volatile boolean paymentWindowPreallocated;
    // The receivable-financing message window, published like the payment window.
    private volatile int messageWindowMessages;
    private volatile int messageWindowCapacity;
    private volatile int messageWindowOutcomes;
    private volatile int messageWindowOutcomeCapacity;
    private volatile boolean journalWritable = true;
    private volatile String journalError;
    private long replayedEntries;
    private final JournalWriteHook journalHook;
    private final MailboxWriteHook mailboxHook;
    private Journal journal;
    private SnapshotAgent snapshots;
    /** Makes the payment window's next arrays off this thread; null until started. */
    private PaymentWindowGrower windowGrower;

    private JournalAuditor audit;
    private LedgerRecovery.Result recovery;
    private Mailboxes mailboxes;
    private MailboxRecovery mailboxRecovery;
    /** Published here after recovery and each party registered; read by the event loops. */
    private final PartyIds partyIds = new PartyIds();
    /**
     * The last sequence whose outbound messages are all in the mailboxes (written, and in {@code
     * sync} durability forced to disk): the snapshot thread takes no snapshot past it.
     */
    private volatile long outboundCompleteSequence;

    public SequencerHandler(GatewayConfig config, Path dataDir) {
        this(config, dataDir, JournalWriteHook.NONE);
    }

    /** @param journalHook called at the journal's write boundary ({@link JournalWriteHook#NONE} in production) */
    public SequencerHandler(GatewayConfig config, Path dataDir, JournalWriteHook journalHook) {
        this(config, dataDir, journalHook, MailboxWriteHook.NONE);
    }

    /** @param mailboxHook called at the mailbox's write boundary ({@link MailboxWriteHook#NONE} in production) */
    public SequencerHandler(
            GatewayConfig config, Path dataDir, JournalWriteHook journalHook, MailboxWriteHook mailboxHook) {
        this.config = config;
        this.dataDir = dataDir;
        this.journalHook = journalHook;
        this.mailboxHook = mailboxHook;
        this.flowAnswers = new FlowAnswers(Bics.normalise(config.platform().id()));
        this.statements = new io.kapok.gateway.flow.AccountStatements(
                Bics.normalise(config.platform().id()));
        GatewayConfig.Notifications notifications = config.notificationsOrDefault();
        this.closesDays = notifications.endOfDayStatements();
        this.endOfDayStatements =
                new EndOfDayStatements(new java.util.HashSet<>(notifications.statementsOfEveryAccountOrNone().stream()
                        .map(Bics::normalise)
                        .toList()));
    }

    @Override
    public void onStart() {
        try {
            journal = Journal.open(
                    dataDir,
                    config.journal().rollCycle(),
                    config.durability(),
                    config.journalDigest(),
                    journalHook,
                    config.journal().pretouchOrDefault());
            journal.recycleWrittenPages(config.journal().recycleWrittenPagesOrDefault());
            refuseWindowTheHeapCannotHold();
            openMailboxes();
            mailboxes.recycleWrittenPages(config.journal().recycleWrittenPagesOrDefault());
            if (config.sequencer().runsOnAnyEventLoop()) {
                journal.appendFromSeveralThreads();
                mailboxes.appendFromSeveralThreads();
            }
            recover();
            if (ledger.lastSequence() == 0) {
                writeGenesis();
            }
            checkPaymentWindow();
            lastSequence = ledger.lastSequence();
            finishMailboxRecovery();
            outboundCompleteSequence = lastSequence;
            String breach = ledger.checkInvariants();
            if (breach != null) {
                throw new IllegalStateException("ledger invariant broken after recovery: " + breach);
            }
            startSnapshots();
            windowGrower = new PaymentWindowGrower(this).start();
            audit = new JournalAuditor(journal, lastSequence).start();
        } catch (Throwable t) {
            startFailure = t;
        } finally {
            started.countDown();
        }
    }

    /**
     * The newest good snapshot and the journal after it, or the whole journal (see {@link
     * LedgerRecovery}); each replayed entry's missing outbound messages are re-created ({@link
     * MailboxRecovery}), from the message bytes of the entries the mailboxes may lack.
     */
    private void recover() {
        SnapshotStore store = new SnapshotStore(dataDir);
        recovery = LedgerRecovery.recover(
                journal,
                store,
                mailboxRecovery.coveredInboundSequence(),
                mailboxRecovery::onReplayed,
                config.ledgerOrDefault().paymentWindowOrDefault().compactIds());
        ledger = recovery.ledger();
        publishWindows();
        replayedEntries = recovery.replay().entries();
        if (recovery.replay().incompleteTail() != null) {
            LOG.warn("journal: {}", recovery.replay().incompleteTail());
        }
        if (recovery.snapshot() != null) {
            LOG.info(
                    "recovered from snapshot {} (sequence {}) and {} journal entries after it",
                    recovery.snapshot().getFileName(),
                    recovery.snapshotSequence(),
                    replayedEntries);
        }
    }

    /** The snapshot thread; it builds its own replica from the snapshot recovery used, off this thread. */
    private void startSnapshots() {
        if (config.journal().retentionOrDefault().enabled()
                && !config.mailbox().retentionOrDefault().enabled()) {
            LOG.warn("journal.retention keeps every cycle the mailbox still holds a message of (relayed messages"
                    + " are read from the journal), and mailbox.retention is off: no journal cycle after the"
                    + " first message will go");
        }
        snapshots = new SnapshotAgent(
                        journal,
                        new SnapshotStore(dataDir),
                        config.journal().snapshotOrDefault(),
                        recovery.snapshot(),
                        ledger.lastSequence(),
                        () -> outboundCompleteSequence,
                        config.journal().retentionOrDefault(),
                        mailboxes::oldestRetainedInboundSequence)
                .preallocatingPaymentWindow(
                        config.ledgerOrDefault().paymentWindowOrDefault().preallocate())
                .start();
    }

    /** Opens the mailboxes before the replay, which re-creates the messages a crash kept from them. */
    private void openMailboxes() {
        String platformBic = Bics.normalise(config.platform().id());
        mailboxes = Mailboxes.open(
                dataDir,
                config.journal().rollCycle(),
                config.durability(),
                config.mailbox(),
                mailboxHook,
                () -> new JournaledMessageRenderer(
                        new JournalMessages(journal), new PlatformNoticeRenderer(platformBic)),
                new PaymentRelayComposer(),
                new FlowNotifications(
                        platformBic,
                        xmlLimits(config),
                        config.notificationsOrDefault().postings()),
                endOfDayStatements);
        endOfDayStatements.readFrom(mailboxes::readCreatedBetween);
        mailboxRecovery = new MailboxRecovery(mailboxes);
    }

    /** After replay and genesis: every known party gets a mailbox, so it can poll an empty one. */
    private void finishMailboxRecovery() {
        mailboxRecovery.finish();
        if (mailboxRecovery.recreated() > 0) {
            LOG.warn(
                    "mailbox: re-created {} outbound messages of journal entries after {} (a crash came between"
                            + " the journal and the mailbox)",
                    mailboxRecovery.recreated(),
                    mailboxRecovery.coveredInboundSequence());
        }
        if (mailboxes.lastInboundSequence() > ledger.lastSequence()) {
            LOG.warn(
                    "mailbox: holds messages of journal entry {}, past the journal's last entry {}",
                    mailboxes.lastInboundSequence(),
                    ledger.lastSequence());
        }
        for (Party party : ledger.parties()) {
            mailboxes.addParty(party.id());
        }
        partyIds.publish(ledger.parties());
        mailboxRecovery = null;
        if (closesDays) {
            // From here on the day's postings are counted as they are written: a close costs
            // O(accounts), not a pass over the day's messages.
            endOfDayStatements.tallyFrom(ledger.openDayEpoch());
            mailboxes.observeRecords(endOfDayStatements);
        }
    }

    /** The XML limits of the configuration, for decoding journaled messages again. */
    private static io.kapok.codecs.xml.XmlLimits xmlLimits(GatewayConfig config) {
        GatewayConfig.Limits l = config.limits();
        return l.xmlLimits();
    }

    /** Waits until recovery is done; rethrows what made it fail. Called by the starting thread. */
    public void awaitStarted(long timeoutMs) throws InterruptedException {
        if (!started.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("journal recovery did not finish within " + timeoutMs + " ms");
        }
        if (startFailure != null) {
            if (startFailure instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(startFailure);
        }
    }

    /**
     * Refuses to start when the configured payment or message window is not the journal's (its entry
     * 1, or the defaults for a journal written before the windows were configurable): the journal's settings
     * decided every payment in it and must decide the rest. Then allocates the whole window if
     * configured, before the first message, and publishes it for health.
     */
    private void checkPaymentWindow() {
        GatewayConfig.PaymentWindow configured = config.ledgerOrDefault().paymentWindowOrDefault();
        long journaledDays = ledger.paymentRetentionMs() / 86_400_000L;
        if (journaledDays != configured.retentionDays() || ledger.paymentCapacity() != configured.capacity()) {
            throw new io.kapok.gateway.config.ConfigException(
                    "ledger.paymentWindow in the configuration (retentionDays "
                            + configured.retentionDays() + ", capacity " + configured.capacity()
                            + ") is not this journal's (retentionDays " + journaledDays + ", capacity "
                            + ledger.paymentCapacity() + "), which decided its payments and holds for its whole life:"
                            + " configure the journal's values, or start with a new data directory");
        }
        GatewayConfig.MessageWindow messages = config.ledgerOrDefault().messageWindowOrDefault();
        if (ledger.messageCapacity() != messages.capacity()
                || ledger.messageOutcomeCapacity() != messages.outcomeCapacity()) {
            throw new io.kapok.gateway.config.ConfigException("ledger.messageWindow in the configuration (capacity "
                    + messages.capacity() + ", outcomeCapacity " + messages.outcomeCapacity()
                    + ") is not this journal's (capacity " + ledger.messageCapacity() + ", outcomeCapacity "
                    + ledger.messageOutcomeCapacity() + "), which decided its messages and holds for its whole life:"
                    + " configure the journal's values, or start with a new data directory");
        }
        if (configured.preallocate()) {
            try {
                ledger.preallocatePaymentWindow();
                paymentWindowPreallocated = true;
            } catch (OutOfMemoryError e) {
                throw new io.kapok.gateway.config.ConfigException("ledger.paymentWindow.preallocate: a window of "
                        + configured.capacity() + " payments needs ~" + configured.preallocatedBytes() / (1 << 20)
                        + " MB of heap and the JVM (at most "
                        + Runtime.getRuntime().maxMemory() / (1 << 20)
                        + " MB) could not allocate it: raise -Xmx, or set ledger.paymentWindow.preallocate: false"
                        + " (the capacity is this journal's; a smaller one needs a new data directory)");
            }
            LOG.info(
                    "payment window: room for {} decisions allocated (~{} MB)",
                    configured.capacity(),
                    configured.preallocatedBytes() / (1 << 20));
        }
        publishWindows();
    }

    /**
     * Before anything is journaled: a preallocated window (held twice, by the ledger and the snapshot
     * thread's replica) larger than the whole heap can never be allocated, so the gateway does not
     * start (and a new journal does not record that capacity).
     */
    private void refuseWindowTheHeapCannotHold() {
        GatewayConfig.PaymentWindow configured = config.ledgerOrDefault().paymentWindowOrDefault();
        long maxHeap = Runtime.getRuntime().maxMemory();
        long needed = configured.preallocatedBytes() + configured.replicaPreallocatedBytes();
        if (configured.preallocate() && needed > maxHeap) {
            throw new io.kapok.gateway.config.ConfigException("ledger.paymentWindow.preallocate: a window of "
                    + configured.capacity() + " payments needs ~" + needed / (1 << 20) + " MB of heap (~"
                    + configured.preallocatedBytes() / (1 << 20) + " MB for the ledger, ~"
                    + configured.replicaPreallocatedBytes() / (1 << 20)
                    + " MB for the snapshot thread's replica), and the JVM has at most "
                    + maxHeap / (1 << 20)
                    + " MB: raise -Xmx, set ledger.paymentWindow.preallocate: false, or (for a new data directory"
                    + " only) lower ledger.paymentWindow.capacity");
        }
    }

    private void writeGenesis() {
        List<LedgerCommand> genesis = Genesis.commands(config);
        for (LedgerCommand command : genesis) {
            command.sequence = ledger.lastSequence() + 1;
            journal.append(command, Genesis.senderOf(command), null, 0, null);
            ledger.apply(command, result);
            if (!result.applied) {
                throw new IllegalStateException(
                        "genesis command " + command.sequence + " refused: " + result.rejection);
            }
        }
        journal.endBatch();
        LOG.info(
                "new journal: wrote the configured world ({} parties) as entries 1..{}",
                config.parties().size(),
                ledger.lastSequence());
    }

    /**
     * Before start, on the handler's own thread's ring: from then on each batch of payments the
     * ring hands this handler is hinted to the ledger ({@link Ledger#prefetch}) {@value
     * #PREFETCH_PAYMENTS} at a time before the first of them is handled, so that the payment
     * window's cache misses of those payments overlap instead of each payment waiting for its own.
     * A hint changes nothing: the ledger decides every payment the same way with or without it.
     */
    public void prefetchFrom(RingBuffer<InboundEvent> ring) {
        this.prefetchRing = ring;
    }

    /** Payments hinted to the ledger at once: what {@code LedgerApplyBenchmark.transferBatched} measures. */
    static final int PREFETCH_PAYMENTS = 16;

    @Override
    public void onBatchStart(long batchSize, long queueDepth) {
        batchStarting = batchSize;
    }

    /**
     * Hints the payments of the ring's events from {@code from} to at most {@value
     * #PREFETCH_PAYMENTS} on, within the batch: every one of them is published (the batch's events
     * all are) and read only by this thread until it has handled them.
     */
    private void prefetchPayments(long from) {
        long to = Math.min(batchEndSequence, from + PREFETCH_PAYMENTS - 1);
        PaymentPrefetch hints = prefetch;
        hints.clear();
        for (long s = from; s <= to; s++) {
            InboundEvent e = prefetchRing.get(s);
            if (e.kind() == InboundEvent.Kind.PAYMENT && e.transfer() != null) {
                hints.add(e.transfer());
            }
        }
        prefetchedThrough = to;
        if (hints.count() > 1) { // one payment alone loads its own part as it is applied
            prefetchFolded ^= ledger.prefetch(hints);
            hintedPayments = hintedPayments + hints.count(); // one writer: this thread
        }
    }

    /** How many payments have been hinted to the ledger ahead of their batch; any thread. */
    long hintedPayments() {
        return hintedPayments;
    }

    @Override
    public void onEvent(InboundEvent event, long ringSequence, boolean endOfBatch) {
        if (batchStarting > 0) {
            batchEndSequence = ringSequence + batchStarting - 1;
            batchStarting = 0;
        }
        if (prefetchRing != null && ringSequence > prefetchedThrough && ringSequence < batchEndSequence) {
            try {
                prefetchPayments(ringSequence);
            } catch (RuntimeException e) {
                // A hint must never cost an event its answer: log it once and hint no more.
                LOG.error("payment prefetch hints failed; payments are applied without them", e);
                prefetchRing = null;
            }
        }
        PendingResponse response = event.response();
        event.response(null);
        try {
            if (closesDays && journals(event.kind())) {
                closeDayIfEnded(event);
            }
            switch (event.kind()) {
                case DAY_END -> response.answerOutcome(true, null, ledger.lastSequence(), event.receiveTimeMs);
                case PAYMENT -> onPayment(event, response);
                case MESSAGE -> onMessage(event, response);
                case QUERY_STATE_HASH -> response.answerJson(200, stateHashJson());
                case QUERY_ACCOUNTS -> answerAccounts(event.queryId(), response);
                case QUERY_RECEIVABLE -> answerReceivable(event.queryId(), response);
                case QUERY_EXPOSURE -> answerExposure(event.queryId(), response);
                case QUERY_STATEMENT -> answerStatement(event.queryId(), response);
                case FX_RATE -> onFxRate(event, response);
            }
        } catch (RuntimeException e) {
            // A bug, not bad input: fail loudly in the log, answer "retry later", keep serving.
            LOG.error("sequencer failed on a {} event", event.kind(), e);
            response.answerUnavailable("internal error: " + e);
        }
        if (event.kind() == InboundEvent.Kind.PAYMENT) {
            // The slot waits a whole turn of the ring to be filled again: the payment's command and
            // its Strings need not live that long (young collections would copy them).
            event.transfer(null);
        }
        batch.add(response);
        if (endOfBatch) {
            endBatch();
        }
    }

    private static boolean journals(InboundEvent.Kind kind) {
        return switch (kind) {
            case PAYMENT, MESSAGE, FX_RATE, DAY_END -> true;
            default -> false;
        };
    }

    /**
     * Before an event that may be journaled: when its time is past the day the ledger has open, the
     * day is closed first ({@link io.kapok.ledger.day.CloseDayCommand}, journaled with the event's
     * time, and its end-of-day statements written), so every entry of a day comes before that day's
     * close and none after it. An event timed before the open day (event loops' clocks differ by a
     * few ms around midnight) is given the open day's first millisecond instead, so it is never
     * booked on a day already closed. A close the journal or the mailbox cannot take now is tried
     * again at the next event.
     */
    private void closeDayIfEnded(InboundEvent event) {
        long open = ledger.openDayEpoch();
        if (open == 0) {
            return; // nothing but the configured world yet
        }
        long openStartMs = open * DAY_MS;
        if (event.receiveTimeMs < openStartMs) {
            event.receiveTimeMs = openStartMs;
        }
        if (event.receiveTimeMs < openStartMs + DAY_MS || !mailboxes.writable()) {
            return;
        }
        io.kapok.ledger.day.CloseDayCommand c = closeDay;
        c.businessDay = (int) open;
        c.sequence = ledger.lastSequence() + 1;
        c.timeMs = event.receiveTimeMs;
        try {
            journal.append(c, Bics.normalise(config.platform().id()), null, 0, null);
        } catch (RuntimeException e) {
            if (journalWritable) {
                LOG.error("journal append of the close of day {} failed", dateOf(open), e);
            }
            journalWritable = false;
            journalError = String.valueOf(e.getMessage());
            return;
        }
        ledger.apply(c, result);
        lastSequence = c.sequence;
        if (!result.applied) {
            throw new IllegalStateException(
                    "the ledger refused the close of day " + dateOf(open) + ": " + result.rejection);
        }
        try {
            mailboxes.append(c, journal.lastAppendedIndex(), journal.lastEntryHashTag(), NO_BYTES, 0, result);
        } catch (RuntimeException e) {
            LOG.error(
                    "mailbox append failed after journal entry {} (the close of day {}); refusing messages until"
                            + " its statements are written",
                    c.sequence,
                    dateOf(open),
                    e);
        }
    }

    private static String dateOf(long epochDay) {
        return java.time.LocalDate.ofEpochDay(epochDay).toString();
    }

    private void onPayment(InboundEvent event, PendingResponse response) {
        if (!mailboxes.writable()) {
            // A decided payment whose messages did not reach the mailbox must not be acknowledged,
            // not even to a retry; the restart that recovers the mailbox ends this.
            response.answerUnavailable("mailbox unavailable");
            return;
        }
        // Filled, with its keys, by the event loop that decoded the payment (PaymentCommands).
        TransferCommand c = event.transfer();
        if (ledger.findDecided(c, result)) {
            response.answerDecision(result);
            return;
        }
        if (PaymentRouter.route(c, event.payment(), ledger, plan)) {
            plan.timeMs = event.receiveTimeMs;
            if (runPlan(plan, event, response)) {
                // The first command decides the payment's status: the settlement, the on-us
                // disbursement, or the interbank transfer a disbursement follows.
                response.answerOutcome(plan.applied.get(0), plan.rejections.get(0), plan.sequences.get(0), plan.timeMs);
            }
            return;
        }
        String mailboxFull = mailboxes.refusal(c);
        if (mailboxFull != null) {
            response.answerUnavailable(mailboxFull);
            return;
        }
        if (!journalAndApply(c, event, true, response)) {
            return;
        }
        if (appendOutbound(c, event, response)) {
            response.answerDecision(result);
        }
    }

    /**
     * A receivable-financing message: routed into ledger commands against the current state ({@link
     * FlowRouter}), each journaled, applied and its outbound messages written like a payment's, then
     * answered with the family's status message ({@link FlowAnswers}). A message refused before the
     * ledger journals nothing and is answered 400. A message kept by (sender, MsgId) ({@link
     * FlowRetries}) is looked up first: a retry gets the original answer, a different message under
     * the same id is refused DUPL, and neither journals anything; once a new one's commands ran, what
     * they were decided is journaled after them, so its retries find it.
     */
    private void onMessage(InboundEvent event, PendingResponse response) {
        if (!mailboxes.writable()) {
            response.answerUnavailable("mailbox unavailable");
            return;
        }
        FlowPlan p = plan;
        String messageId = event.senderId() == null ? null : FlowRetries.messageId(event.message());
        long fingerprint = messageId == null ? 0 : FlowRetries.fingerprint(event.message());
        if (messageId != null && answerDecided(event, messageId, fingerprint, p, response)) {
            return;
        }
        FlowRouter.route(event.message(), event.senderId(), event.receiveTimeMs, ledger, p);
        if (!p.refused()
                && messageId != null
                && !ledger.decidedMessages().hasRoom(event.receiveTimeMs, p.commands.size())) {
            // Not taken rather than taken without its retries known: the window frees up as time passes.
            response.answerUnavailable("the ledger's window of decided messages is full: retry later");
            return;
        }
        if (!p.refused() && !runPlan(p, event, response)) {
            return;
        }
        if (messageId != null && !p.refused() && !recordDecided(p, messageId, fingerprint, event, response)) {
            return;
        }
        String answerId = p.firstSequence > 0
                ? String.format("KPK%016d", p.firstSequence)
                : "KPKU" + startTimeMs + "-" + ++unjournaledAnswers;
        io.kapok.codecs.xml.Utf8XmlWriter answer = flowAnswers.encode(p, event.message(), ledger, answerId);
        response.answerXml(p.refused() ? 400 : 200, answer.buffer(), answer.length());
    }

    /**
     * Answers a message whose (sender, {@code messageId}) the ledger already decided: the original
     * answer for an identical retry, DUPL for another message under that id (HTTP 200 both, as for
     * payments; nothing journaled). False when the id is new.
     */
    private boolean answerDecided(
            InboundEvent event, String messageId, long fingerprint, FlowPlan p, PendingResponse response) {
        io.kapok.ledger.receivable.DecidedMessages decided = ledger.decidedMessages();
        int slot = decided.find(event.senderId(), messageId);
        if (slot < 0) {
            return false;
        }
        p.clear();
        p.type = event.message().type();
        p.senderId = event.senderId();
        p.timeMs = event.receiveTimeMs;
        String answerId;
        if (decided.fingerprintAt(slot) == fingerprint) {
            FlowRetries.rebuild(decided, slot, event.senderId(), p);
            answerId = String.format("KPK%016d", p.firstSequence);
        } else {
            p.refuse(
                    io.kapok.ledger.LedgerRejection.DUPLICATE.isoCode(),
                    "message id " + messageId + " of " + event.senderId() + " was already used for another "
                            + decided.messageTypeAt(slot) + " (journal entry " + decided.firstSequenceAt(slot)
                            + "): a retry must repeat the message unchanged, a new message needs a new id");
            answerId = "KPKU" + startTimeMs + "-" + ++unjournaledAnswers;
        }
        io.kapok.codecs.xml.Utf8XmlWriter answer = flowAnswers.encode(p, event.message(), ledger, answerId);
        response.answerXml(200, answer.buffer(), answer.length());
        return true;
    }

    /**
     * Journals and applies, after the commands of {@code p}, what they were decided (a {@link
     * io.kapok.ledger.receivable.RecordMessageCommand}). False when the journal failed: {@code
     * response} then says "retry later", and a retry meets the state the commands left.
     */
    private boolean recordDecided(
            FlowPlan p, String messageId, long fingerprint, InboundEvent event, PendingResponse response) {
        if (p.firstSequence == 0) {
            return true; // nothing ran, nothing to remember
        }
        FlowRetries.record(p, messageId, fingerprint, decidedRecord);
        // The platform's own record: the message's bytes are in the entries of its commands already.
        if (!journalAndApply(decidedRecord, event, false, response)) {
            return false;
        }
        if (!result.applied) {
            throw new IllegalStateException("the ledger refused the record of message " + messageId + " of "
                    + event.senderId() + ": " + result.rejection);
        }
        return true;
    }

    /**
     * Appends {@code command} to the journal, with the message's bytes when {@code withMessage}, then
     * applies it. False when the append failed: {@code response} then says "retry later" and nothing
     * was applied.
     */
    private boolean journalAndApply(
            LedgerCommand command, InboundEvent event, boolean withMessage, PendingResponse response) {
        command.sequence = ledger.lastSequence() + 1;
        command.timeMs = event.receiveTimeMs;
        try {
            if (withMessage) {
                journal.append(command, event.senderId(), event.raw(), event.rawLength, event.messageDigest);
            } else {
                journal.append(command, event.senderId(), null, 0, null);
            }
        } catch (RuntimeException e) {
            if (journalWritable) {
                LOG.error("journal append failed; answering 503 until it works again", e);
            }
            journalWritable = false;
            journalError = String.valueOf(e.getMessage());
            response.answerUnavailable("journal unavailable");
            return false;
        }
        journalWritable = true;
        ledger.apply(command, result);
        lastSequence = command.sequence;
        return true;
    }

    /**
     * A rate from the FX feed: refused, and never journaled, when it moves further than the band
     * ({@code fx.bandPercent}) from the pair's latest rate ({@link FxRateGuard}); else journaled
     * with the FIX message's bytes and applied like any command. The response tells the feed.
     */
    private void onFxRate(InboundEvent event, PendingResponse response) {
        SetFxRateCommand c = fxRate;
        c.baseCurrency = event.fxBaseCurrency;
        c.quoteCurrency = event.fxQuoteCurrency;
        c.rateScaled = event.fxRateScaled;
        c.sourceSequence = event.fxSourceSequence;
        String outOfBand = FxRateGuard.refusal(
                ledger.fxRates(),
                c.baseCurrency,
                c.quoteCurrency,
                c.rateScaled,
                config.fxOrDefault().bandPpm());
        if (outOfBand != null) {
            LOG.warn(
                    "FX rate {}/{} from {} (its sequence {}) refused: {}",
                    Iso4217.unpack(c.baseCurrency),
                    Iso4217.unpack(c.quoteCurrency),
                    event.senderId(),
                    c.sourceSequence,
                    outOfBand);
            response.answerOutcome(false, LedgerRejection.INVALID_FX_RATE, 0, event.receiveTimeMs);
            return;
        }
        FlowPlan p = plan;
        p.clear();
        p.add(c);
        if (runPlan(p, event, response)) {
            response.answerOutcome(p.applied.get(0), p.rejections.get(0), p.sequences.get(0), event.receiveTimeMs);
        }
    }

    /** The FX feed beside this gateway, for the health report; null when none runs. */
    public FxFeedHealth fxFeed() {
        return fxFeed;
    }

    /** Any thread: attaches the FX feed whose state {@code /v1/health} reports (null detaches it). */
    public void fxFeed(FxFeedHealth feed) {
        this.fxFeed = feed;
    }

    /**
     * Journals and applies the commands of {@code p} in order (a command that needs the one before
     * it runs only if that one was applied), writing each one's outbound messages. Every entry
     * carries the message's bytes. False when nothing more could be taken (a full mailbox, the
     * journal or the mailbox failing): {@code response} then says "retry later"; commands already
     * applied stay applied and a retry meets them.
     */
    private boolean runPlan(FlowPlan p, InboundEvent event, PendingResponse response) {
        for (LedgerCommand command : p.commands) {
            String mailboxFull = mailboxes.refusal(command);
            if (mailboxFull != null) {
                response.answerUnavailable(mailboxFull);
                return false;
            }
        }
        for (int i = 0; i < p.commands.size(); i++) {
            if (p.needsPrevious.get(i) && (i == 0 || !p.applied.get(i - 1))) {
                continue;
            }
            LedgerCommand command = p.commands.get(i);
            if (command instanceof io.kapok.ledger.payment.PaymentMessage payment
                    && payment.messageId() != null
                    && ledger.findDecided(payment, result)) {
                // a retry of a return, recall or resolution: the original answer, nothing journaled
                p.ran(i, result.applied, result.rejection, result.sequence);
                if (p.firstSequence == 0) {
                    p.firstSequence = result.sequence; // the answer's id and time are the original's
                    p.timeMs = result.timeMs;
                }
                continue;
            }
            if (!journalAndApply(command, event, true, response)) {
                return false;
            }
            if (p.firstSequence == 0) {
                p.firstSequence = command.sequence;
            }
            p.ran(i, result.applied, result.rejection, command.sequence);
            if (result.applied && command.type() == io.kapok.ledger.CommandType.REGISTER_PARTY) {
                mailboxes.addParty(((io.kapok.ledger.party.RegisterPartyCommand) command).partyId);
                partyIds.publish(ledger.parties());
            }
            try {
                mailboxes.append(
                        command,
                        journal.lastAppendedIndex(),
                        journal.lastEntryHashTag(),
                        event.raw(),
                        event.rawLength,
                        result);
            } catch (RuntimeException e) {
                LOG.error(
                        "mailbox append failed after journal entry {}; refusing messages until its messages are written",
                        command.sequence,
                        e);
                response.answerUnavailable("mailbox unavailable");
                return false;
            }
        }
        return true;
    }

    /**
     * The decision's outbound messages into the mailboxes. False when they could not be written:
     * the payment is journaled and applied, but not acknowledged; the mailboxes then refuse every
     * payment until the messages kept from the failed write are written (retried at each batch end;
     * a restart re-creates them from the journal).
     */
    private boolean appendOutbound(TransferCommand c, InboundEvent event, PendingResponse response) {
        try {
            mailboxes.append(
                    c, journal.lastAppendedIndex(), journal.lastEntryHashTag(), event.raw(), event.rawLength, result);
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "mailbox append failed after journal entry {}; refusing payments until its messages are written"
                            + " (retried at each batch end)",
                    c.sequence,
                    e);
            response.answerUnavailable("mailbox unavailable");
            return false;
        }
    }

    private void endBatch() {
        try {
            journal.endBatch();
        } catch (RuntimeException e) {
            // The entries are appended but not known to be on disk: do not acknowledge them. They
            // are applied, so a retry finds them and gets the original answer.
            LOG.error("journal sync failed", e);
            journalWritable = false;
            journalError = String.valueOf(e.getMessage());
            for (PendingResponse r : batch) {
                r.answerUnavailable("journal sync failed");
            }
        }
        if (endMailboxBatch() && mailboxes.writable()) {
            outboundCompleteSequence = ledger.lastSequence();
        }
        DecidedPayments.WindowArrays nextWindow = windowGrower == null ? null : windowGrower.take();
        if (nextWindow != null) {
            ledger.offerPaymentWindowArrays(nextWindow);
        }
        paymentWindowDecisions = ledger.paymentCount();
        paymentWindowRoom = ledger.paymentRoom();
        paymentWindowNextRoom = ledger.paymentNextRoom();
        paymentWindowGrowths = ledger.paymentGrowths();
        paymentWindowGrowthsPrepared = ledger.paymentGrowthsIntoOffers();
        messageWindowMessages = ledger.decidedMessages().size();
        messageWindowOutcomes = ledger.decidedMessages().itemCount();
        PendingResponse.dispatchAll(batch);
        batch.clear();
        mailboxes.wakeWritten();
    }

    /** The batch's messages on disk (in {@code sync} durability) before any answer of it leaves. */
    private boolean endMailboxBatch() {
        try {
            mailboxes.endBatch();
            return true;
        } catch (RuntimeException e) {
            LOG.error("mailbox sync failed", e);
            for (PendingResponse r : batch) {
                r.answerUnavailable("mailbox sync failed");
            }
            return false;
        }
    }

    private String stateHashJson() {
        return "{\"sequence\": " + ledger.lastSequence() + ", \"stateHash\": \""
                + HexFormat.of().formatHex(ledger.stateHash()) + "\"}";
    }

    private void answerReceivable(String receivableId, PendingResponse response) {
        io.kapok.ledger.receivable.ReceivableView view = ledger.receivableView(receivableId);
        if (view == null) {
            response.answerJson(
                    404,
                    "{\"error\": \"unknown receivable\", \"receivableId\": \"" + Json.escape(receivableId) + "\"}");
            return;
        }
        response.answerJson(200, LedgerViewsJson.receivable(view, ledger.lastSequence()));
    }

    /**
     * A camt.053 of the caller's account in one currency for today ({@link AccountStatements}):
     * 404 for an unknown party or account, 409 when postings write no camt.054 (nothing to list),
     * 413 when the day holds more postings than one statement reports, 503 while the mailbox cannot
     * be written (it may lack postings).
     */
    private void answerStatement(String query, PendingResponse response) {
        int split = query.indexOf('\n');
        String partyId = query.substring(0, split);
        String currencyCode = query.substring(split + 1);
        Party party = ledger.party(partyId);
        int currency = Iso4217.pack(currencyCode);
        int index = party == null ? -1 : party.accountIndex(currency);
        if (index < 0) {
            response.answerJson(
                    404,
                    "{\"error\": \"no such account\", \"partyId\": \"" + Json.escape(partyId) + "\", \"currency\": \""
                            + currencyCode + "\"}");
            return;
        }
        if (!config.notificationsOrDefault().postings()) {
            response.answerJson(
                    409,
                    "{\"error\": \"a statement lists the postings' camt.054s, and notifications.postings is off\"}");
            return;
        }
        if (!mailboxes.writable()) {
            response.answerUnavailable("mailbox unavailable");
            return;
        }
        io.kapok.codecs.xml.Utf8XmlWriter xml = statements.statement(
                mailboxes,
                partyId,
                currency,
                party.balanceAt(index),
                ledger.lastSequence(),
                System.currentTimeMillis());
        if (xml == null) {
            response.answerJson(
                    413,
                    "{\"error\": \"today holds more postings on this account than one statement reports ("
                            + io.kapok.codecs.camt.Camt053Statement.ENTRIES_MAX + ")\"}");
            return;
        }
        response.answerXml(200, xml.buffer(), xml.length());
    }

    private void answerExposure(String bankId, PendingResponse response) {
        if (ledger.party(bankId) == null) {
            response.answerJson(404, "{\"error\": \"unknown party\", \"bankId\": \"" + Json.escape(bankId) + "\"}");
            return;
        }
        response.answerJson(200, LedgerViewsJson.exposure(bankId, ledger.exposureView(bankId), ledger.lastSequence()));
    }

    private void answerAccounts(String partyId, PendingResponse response) {
        Party party = ledger.party(partyId);
        if (party == null) {
            response.answerJson(404, "{\"error\": \"unknown party\", \"partyId\": \"" + Json.escape(partyId) + "\"}");
            return;
        }
        StringBuilder json = new StringBuilder(256);
        json.append("{\"partyId\": \"")
                .append(Json.escape(party.id()))
                .append("\", \"name\": \"")
                .append(Json.escape(party.name()))
                .append("\", \"sequence\": ")
                .append(ledger.lastSequence())
                .append(", \"accounts\": [");
        for (int i = 0; i < party.accountCount(); i++) {
            int ccy = party.currencyAt(i);
            if (i > 0) {
                json.append(", ");
            }
            json.append("{\"currency\": \"")
                    .append(Iso4217.unpack(ccy))
                    .append("\", \"balanceMinor\": ")
                    .append(party.balanceAt(i))
                    .append(", \"balance\": \"");
            DecimalAmounts.appendDecimal(json, party.balanceAt(i), Iso4217.minorUnits(ccy));
            json.append("\"}");
        }
        json.append("]}");
        response.answerJson(200, json.toString());
    }

    @Override
    public void onShutdown() {
        if (windowGrower != null) {
            windowGrower.close();
        }
        if (snapshots != null) {
            snapshots.close();
        }
        if (audit != null) {
            audit.close();
        }
        if (mailboxes != null) {
            mailboxes.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    /** The ledger's party ids, for the event loops that make its commands; any thread. */
    public PartyIds partyIds() {
        return partyIds;
    }

    /** The mailboxes: polls start on the event loops, writes happen here; null before start. */
    public Mailboxes mailboxes() {
        return mailboxes;
    }

    /** Sequence of the last entry applied; any thread. */
    public long lastSequence() {
        return lastSequence;
    }

    private void publishWindows() {
        paymentWindowCapacity = ledger.paymentCapacity();
        paymentWindowRetentionMs = ledger.paymentRetentionMs();
        paymentWindowDecisions = ledger.paymentCount();
        paymentWindowRoom = ledger.paymentRoom();
        paymentWindowCompactIds = ledger.paymentIdsCompact();
        paymentWindowNextRoom = ledger.paymentNextRoom();
        messageWindowCapacity = ledger.messageCapacity();
        messageWindowOutcomeCapacity = ledger.messageOutcomeCapacity();
        messageWindowMessages = ledger.decidedMessages().size();
        messageWindowOutcomes = ledger.decidedMessages().itemCount();
    }

    /**
     * The receivable-financing message window after the last batch: messages held, their command
     * outcomes held, and the two capacities.
     */
    public record MessageWindow(int messages, int capacity, int outcomes, int outcomeCapacity) {
        /** At either capacity a new message is answered 503 "retry later". */
        public boolean full() {
            return messages >= capacity || outcomes >= outcomeCapacity;
        }
    }

    /** The message window after the last batch; any thread. */
    public MessageWindow messageWindow() {
        return new MessageWindow(
                messageWindowMessages, messageWindowCapacity, messageWindowOutcomes, messageWindowOutcomeCapacity);
    }

    /** True when every posting leaves a camt.054 in its account owner's mailbox ({@code notifications.postings}). */
    public boolean postingNotices() {
        return config.notificationsOrDefault().postings();
    }

    /**
     * Payment decisions the ledger's duplicate window holds after the last batch; any thread. At
     * {@link #paymentWindowCapacity()} new payments are refused (PAYMENT_WINDOW_FULL) until older
     * ones leave the window.
     */
    public int paymentWindowDecisions() {
        return paymentWindowDecisions;
    }

    /**
     * Payment decisions the ledger's window has room for before it next doubles (the ledger thread
     * copies the whole window then, answering nothing meanwhile), after the last batch; any thread.
     */
    public int paymentWindowRoom() {
        return paymentWindowRoom;
    }

    /**
     * True when the ledger's payment window keeps its ids as bytes ({@code
     * ledger.paymentWindow.compactIds}); any thread.
     */
    public boolean paymentWindowCompactIds() {
        return paymentWindowCompactIds;
    }

    /**
     * Times the payment window grew as it filled since the gateway started, and of those, how many
     * into arrays the window-grower thread made ahead ({@link #paymentWindowGrowthsPrepared()}); any
     * thread.
     */
    public int paymentWindowGrowths() {
        return paymentWindowGrowths;
    }

    /** Of {@link #paymentWindowGrowths()}, the growths into arrays made ahead; any thread. */
    public int paymentWindowGrowthsPrepared() {
        return paymentWindowGrowthsPrepared;
    }

    /** The room the payment window's next growth makes, 0 when it grows no more; any thread. */
    int paymentWindowNextRoom() {
        return paymentWindowNextRoom;
    }

    /**
     * True once the ledger's payment window and the snapshot thread's replica of it are both
     * allocated whole ({@code ledger.paymentWindow.preallocate}): neither grows any more; any thread.
     */
    public boolean paymentWindowPreallocated() {
        SnapshotAgent replica = snapshots;
        return paymentWindowPreallocated && (replica == null || replica.paymentWindowPreallocated());
    }

    /** Most payment decisions the duplicate window holds; any thread. */
    public int paymentWindowCapacity() {
        return paymentWindowCapacity;
    }

    /** How long the duplicate window keeps a payment decision, ms of journaled receive time; any thread. */
    public long paymentWindowRetentionMs() {
        return paymentWindowRetentionMs;
    }

    /** What start-up recovery did (snapshot used, entries replayed, snapshots skipped). */
    public LedgerRecovery.Result recovery() {
        return recovery;
    }

    /** The background audit of the message digests present at start-up, once started. */
    public JournalAuditor audit() {
        return audit;
    }

    /**
     * One phrase for the start-up line: {@code recovered N entries} after a full replay, {@code
     * recovered snapshot S + N entries} after a snapshot and its tail.
     */
    public String recoverySummary() {
        String skipped = recovery.skipped().isEmpty()
                ? ""
                : " (" + recovery.skipped().size() + " unusable snapshot(s) skipped, see the log)";
        return recovery.snapshot() == null
                ? "recovered " + replayedEntries + " entries" + skipped
                : "recovered snapshot " + recovery.snapshotSequence() + " + " + replayedEntries + " entries" + skipped;
    }

    /** The snapshot thread, once started. */
    public SnapshotAgent snapshots() {
        return snapshots;
    }

    /** Entries replayed at start-up (after the snapshot, when one was used). */
    public long replayedEntries() {
        return replayedEntries;
    }

    /** False after a journal write failed, until one succeeds again; any thread. */
    public boolean journalWritable() {
        return journalWritable;
    }

    /** The last journal error, or null. */
    public String journalError() {
        return journalError;
    }

    /** The state hash, hex; only safe before the ring starts or after it stops (tests, CLI). */
    public String stateHashHex() {
        return HexFormat.of().formatHex(ledger.stateHash());
    }
}
