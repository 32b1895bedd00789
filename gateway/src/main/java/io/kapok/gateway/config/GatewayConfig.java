package io.kapok.gateway.config;

import io.kapok.codecs.xml.XmlLimits;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration of one gateway, as read from {@code config/kapok.yaml} (embedded) or
 * a file given with {@code --config}. Immutable. {@link ConfigLoader} checks every value once, at
 * start-up, and names the key and file of anything wrong.
 */
public record GatewayConfig(
        Gateway gateway,
        Limits limits,
        Sequencer sequencer,
        Journal journal,
        Platform platform,
        Mailbox mailbox,
        List<PartyEntry> parties,
        List<CreditLineEntry> creditLines,
        List<ProgrammeEntry> programmes,
        Notifications notifications,
        Fx fx,
        LedgerSettings ledger) {

    /**
     * The ledger's own settings; {@link LedgerSettings#DEFAULT} when the section is absent.
     *
     * @param paymentWindow the payments' duplicate window; defaults when absent
     * @param messageWindow the receivable-financing messages kept for their retries; defaults when absent
     */
    public record LedgerSettings(PaymentWindow paymentWindow, MessageWindow messageWindow) {
        public static final LedgerSettings DEFAULT = new LedgerSettings(PaymentWindow.DEFAULT, MessageWindow.DEFAULT);

        /** With the default message window. */
        public LedgerSettings(PaymentWindow paymentWindow) {
            this(paymentWindow, null);
        }

        /** {@link #paymentWindow()}, or the defaults when the section is absent. */
        public PaymentWindow paymentWindowOrDefault() {
            return paymentWindow == null ? PaymentWindow.DEFAULT : paymentWindow;
        }

        /** {@link #messageWindow()}, or the defaults when the section is absent. */
        public MessageWindow messageWindowOrDefault() {
            return messageWindow == null ? MessageWindow.DEFAULT : messageWindow;
        }
    }

    /**
     * The receivable-financing messages (tsin) the ledger keeps so that a retry gets the original
     * answer, for the payment window's {@code retentionDays}; journaled with it (entry 1). While
     * either capacity is reached a new message is answered 503 "retry later".
     *
     * @param capacity most messages kept at once, 1 to {@value
     *     io.kapok.ledger.receivable.DecidedMessages#CAPACITY_MAX}
     * @param outcomeCapacity most outcomes of their commands (one per invoice, item or decision)
     *     kept at once, a power of two up to {@value io.kapok.ledger.receivable.DecidedMessages#CAPACITY_MAX}
     */
    public record MessageWindow(int capacity, int outcomeCapacity) {
        public static final MessageWindow DEFAULT = new MessageWindow(
                io.kapok.ledger.Ledger.MESSAGE_CAPACITY_DEFAULT, io.kapok.ledger.Ledger.MESSAGE_ITEM_CAPACITY_DEFAULT);
    }

    /**
     * The payments' duplicate window: decided payments are found by (sender, MsgId) and by UETR for
     * this long, so a retry gets the original answer and a reuse of either id is refused. The first two
     * settings are journaled with a new journal (its entry 1) and hold for its whole life: a replay
     * decides every payment as it was first decided. A gateway whose configuration names other values
     * than its journal refuses to start.
     *
     * @param retentionDays days of journaled receive time a decision is kept, 1 to {@value
     *     io.kapok.ledger.Ledger#PAYMENT_RETENTION_DAYS_MAX}
     * @param capacity most decisions kept at once, 1 to {@value
     *     io.kapok.ledger.payment.DecidedPayments#CAPACITY_MAX}; while the window holds this many, new
     *     payments are refused ({@code PAYMENT_WINDOW_FULL}) until the oldest leave it
     * @param preallocate allocate the whole window at start ({@link #preallocatedBytes()}), so that it
     *     never grows: otherwise it starts small and doubles as it fills, each doubling copying it on
     *     the ledger thread. The snapshot thread's replica of the ledger allocates its own as soon as
     *     it has caught up ({@link #replicaPreallocatedBytes()}). Not journaled
     * @param compactIds the sequencer's ledger keeps each decision's MsgId and UETR as bytes in the
     *     window ({@code Ledger.compactPaymentIds}, 80 bytes a decision more) instead of holding the
     *     decoded Strings for the whole retention: those then die young, and the young collections
     *     neither copy them into the old generation nor scan the window's cards for them. Costs the
     *     ledger thread 2–8% per transfer (JMH, three runs on 2026-11-24; 2–18% before the event
     *     loop encoded the ids); answers, snapshots and the state hash are the same either way. The
     *     snapshot thread's replica always keeps them compact. Not journaled
     */
    public record PaymentWindow(int retentionDays, int capacity, boolean preallocate, boolean compactIds) {
        public static final PaymentWindow DEFAULT = new PaymentWindow(
                io.kapok.ledger.Ledger.PAYMENT_RETENTION_DAYS_DEFAULT,
                io.kapok.ledger.Ledger.PAYMENT_CAPACITY_DEFAULT,
                false,
                true);

        /**
         * Heap the sequencer's whole window takes when preallocated, bytes ({@link
         * io.kapok.ledger.payment.DecidedPayments#arrayBytes}: 124–156 bytes a decision, 80 more with
         * {@link #compactIds()}).
         */
        public long preallocatedBytes() {
            return io.kapok.ledger.payment.DecidedPayments.arrayBytes(capacity, compactIds);
        }

        /**
         * Heap the snapshot thread's replica of the whole window takes, bytes: its ids are always
         * kept as bytes ({@code Ledger.compactPaymentIds}).
         */
        public long replicaPreallocatedBytes() {
            return io.kapok.ledger.payment.DecidedPayments.arrayBytes(capacity, true);
        }
    }

    /** {@link #ledger()}, or the defaults when the section is absent. */
    public LedgerSettings ledgerOrDefault() {
        return ledger == null ? LedgerSettings.DEFAULT : ledger;
    }

    /** This configuration with the sections the {@code with} methods replace given anew. */
    private GatewayConfig copy(Gateway g, Journal j, Mailbox m, Notifications n, Fx newFx, LedgerSettings newLedger) {
        return new GatewayConfig(
                g, limits, sequencer, j, platform, m, parties, creditLines, programmes, n, newFx, newLedger);
    }

    /** A copy with the ledger settings replaced. */
    public GatewayConfig withLedger(LedgerSettings newLedger) {
        return copy(gateway, journal, mailbox, notifications, fx, newLedger);
    }

    /**
     * The FX rate feed: a FIX 4.4 market-data session (this side the initiator) whose quotes enter
     * the journal as rate commands, and the bundled rate simulator (a FIX acceptor on loopback) for
     * the dev profile. Started beside the gateway by {@code ./kapok run}; absent means off.
     *
     * @param enabled          run the feed
     * @param host             the rate source's address (the simulator's: 127.0.0.1)
     * @param port             the rate source's FIX port; 0: the embedded simulator's, wherever it listens
     * @param senderCompId     this side's FIX SenderCompID
     * @param targetCompId     the rate source's CompID
     * @param heartbeatSeconds FIX HeartBtInt
     * @param reconnectSeconds wait between connection attempts
     * @param pairs            symbols subscribed, "BASE/QUOTE" in ISO 4217 codes (e.g. "USD/CNY")
     * @param bandPercent      a rate more than this far (percent, at most 4 decimals) from the pair's
     *                         latest rate in the ledger is refused and counted, never journaled
     * @param simulator        the bundled simulator
     */
    public record Fx(
            boolean enabled,
            String host,
            int port,
            String senderCompId,
            String targetCompId,
            int heartbeatSeconds,
            int reconnectSeconds,
            List<String> pairs,
            String bandPercent,
            FxSimulator simulator) {
        /** No feed and no simulator: what a configuration without an {@code fx} section gets. */
        public static final Fx OFF =
                new Fx(false, "127.0.0.1", 0, "KAPOK", "KAPOKFXSIM", 30, 5, List.of(), "10", FxSimulator.OFF);

        /** {@link #bandPercent} in parts per million. */
        public long bandPpm() {
            return ConfigLoader.ratePpm(bandPercent);
        }

        /** A copy with the simulator settings replaced. */
        public Fx withSimulator(FxSimulator newSimulator) {
            return new Fx(
                    enabled,
                    host,
                    port,
                    senderCompId,
                    targetCompId,
                    heartbeatSeconds,
                    reconnectSeconds,
                    pairs,
                    bandPercent,
                    newSimulator);
        }
    }

    /**
     * The bundled FIX rate simulator.
     *
     * @param enabled    start it beside the gateway (dev profile)
     * @param port       where it listens on {@code fx.host}; 0: a free port
     * @param intervalMs an update of every pair this often, 10 ms to one hour
     * @param seed       seed of the rates' walk: the same seed gives the same quotes
     */
    public record FxSimulator(boolean enabled, int port, int intervalMs, long seed) {
        public static final FxSimulator OFF = new FxSimulator(false, 0, 1000, 20261123L);
    }

    /** {@link #fx()}, or {@link Fx#OFF} when the section is absent. */
    public Fx fxOrDefault() {
        return fx == null ? Fx.OFF : fx;
    }

    /** A copy with the FX feed settings replaced. */
    public GatewayConfig withFx(Fx newFx) {
        return copy(gateway, journal, mailbox, notifications, newFx, ledger);
    }

    /**
     * The notifications the platform writes besides the answers and the relayed messages.
     *
     * @param postings a camt.054 to the account owner on every posting (on by default; off only
     *     where another system notifies account owners)
     * @param endOfDayStatements at each UTC day's end, a camt.053 of that day to the owner of every
     *     account with a posting that day (needs {@code postings}: a statement lists their camt.054s)
     * @param statementsOfEveryAccount parties that get the end-of-day camt.053 of each of their
     *     accounts, postings or not (a bank reconciling every account daily); absent: none
     * @param dayEndCheckSeconds how often, without traffic, the gateway looks whether a day has ended
     *     (1 to 3600; 0 or absent: {@value #DAY_END_CHECK_SECONDS_DEFAULT}); the first entry of a new day
     *     closes the day before in any case
     */
    public record Notifications(
            boolean postings,
            boolean endOfDayStatements,
            java.util.List<String> statementsOfEveryAccount,
            int dayEndCheckSeconds) {
        public static final int DAY_END_CHECK_SECONDS_DEFAULT = 60;
        public static final Notifications DEFAULT =
                new Notifications(true, false, java.util.List.of(), DAY_END_CHECK_SECONDS_DEFAULT);

        /** Postings only, no end-of-day statements. */
        public Notifications(boolean postings) {
            this(postings, false, java.util.List.of(), DAY_END_CHECK_SECONDS_DEFAULT);
        }

        /** {@link #statementsOfEveryAccount()}, or none when absent. */
        public java.util.List<String> statementsOfEveryAccountOrNone() {
            return statementsOfEveryAccount == null ? java.util.List.of() : statementsOfEveryAccount;
        }

        /** {@link #dayEndCheckSeconds()}, or {@value #DAY_END_CHECK_SECONDS_DEFAULT} when 0 (absent). */
        public int dayEndCheckSecondsOrDefault() {
            return dayEndCheckSeconds == 0 ? DAY_END_CHECK_SECONDS_DEFAULT : dayEndCheckSeconds;
        }
    }

    /** {@link #notifications()}, or the defaults when the section is absent. */
    public Notifications notificationsOrDefault() {
        return notifications == null ? Notifications.DEFAULT : notifications;
    }

    /** A copy with the notification settings replaced. */
    public GatewayConfig withNotifications(Notifications n) {
        return copy(gateway, journal, mailbox, n, fx, ledger);
    }

    /** Network side: where to listen and how many connections and threads. */
    public record Gateway(
            String bindAddress,
            int port,
            int eventLoopThreads,
            int connectionsMax,
            int pipelinedRequestsMax,
            int idleTimeoutSeconds) {}

    /** Bounds on one message. */
    public record Limits(
            int bodySizeBytesMax,
            int xmlDepthMax,
            int xmlElementCountMax,
            int xmlAttributeCountMax,
            int xmlTextLengthMax,
            Integer xmlItemsMax) {

        /**
         * The decoders' XML limits; {@code xmlItemsMax} (items in one list: invoices of a tsin.001,
         * items of a letter) absent: 1,000, or what the element budget holds at {@value
         * XmlLimits#ELEMENTS_PER_ITEM} elements an item when that is fewer.
         */
        public XmlLimits xmlLimits() {
            return xmlItemsMax == null
                    ? new XmlLimits(xmlDepthMax, xmlElementCountMax, xmlAttributeCountMax, xmlTextLengthMax)
                    : new XmlLimits(
                            xmlDepthMax, xmlElementCountMax, xmlAttributeCountMax, xmlTextLengthMax, xmlItemsMax);
        }
    }

    /**
     * The ring between the event loops and the sequencer (journal, ledger, mailboxes).
     *
     * @param runsOn {@value #ON_ANY_EVENT_LOOP} (the shipped configuration's): the event loop that
     *     published a message takes the ring's messages itself after the reads of its turn, one loop at
     *     a time; {@value #ON_EVENT_LOOP}: the first event loop always does; {@value #ON_OWN_THREAD}
     *     (the default when absent): a thread of its own waits on the ring with {@code waitStrategy}
     * @param waitStrategy how that own thread waits; unused on the event loops
     */
    public record Sequencer(int ringSize, String waitStrategy, String runsOn) {
        public static final String ON_ANY_EVENT_LOOP = "any-event-loop";
        public static final String ON_EVENT_LOOP = "event-loop";
        public static final String ON_OWN_THREAD = "own-thread";

        /** True when the sequencer runs on the event loops ({@code runsOn: event-loop} or {@code any-event-loop}). */
        public boolean runsOnEventLoop() {
            return ON_EVENT_LOOP.equals(runsOn) || ON_ANY_EVENT_LOOP.equals(runsOn);
        }

        /** True when whichever event loop published drains the ring ({@code runsOn: any-event-loop}). */
        public boolean runsOnAnyEventLoop() {
            return ON_ANY_EVENT_LOOP.equals(runsOn);
        }
    }

    /**
     * The Chronicle Queue journal.
     *
     * @param digest {@code sm3} (the default when absent) or {@code sha256}: the digest of each
     *     message and of the entry hash chain
     * @param snapshot when ledger snapshots are taken and how many are kept; defaults when absent
     * @param pretouch whether a thread keeps the journal's pages ahead of the appender mapped, so
     *     that appends do not take their page faults; off when absent (on 2 cores it moves the
     *     faults' CPU to its thread without a measurable capacity gain)
     * @param recycleWrittenPages whether a thread beside each appender of the journal and of the
     *     mailbox writes its file to disk 8 MB behind the appender and gives those pages back to the
     *     kernel, so that new appends take recycled pages (io.kapok.gateway.journal.PageRecycler); on
     *     when absent
     */
    public record Journal(
            String dataDir,
            String durability,
            String rollCycle,
            String digest,
            Snapshot snapshot,
            JournalRetention retention,
            Boolean pretouch,
            Boolean recycleWrittenPages) {
        /** Without a {@code retention} section: journal cycles are kept for ever. */
        public Journal(String dataDir, String durability, String rollCycle, String digest, Snapshot snapshot) {
            this(dataDir, durability, rollCycle, digest, snapshot, null, null, null);
        }

        /** {@link #recycleWrittenPages()}, or true when the key is absent. */
        public boolean recycleWrittenPagesOrDefault() {
            return recycleWrittenPages == null || recycleWrittenPages;
        }

        /** Without a {@code pretouch} key: pretouch off. */
        public Journal(
                String dataDir,
                String durability,
                String rollCycle,
                String digest,
                Snapshot snapshot,
                JournalRetention retention) {
            this(dataDir, durability, rollCycle, digest, snapshot, retention, null, null);
        }

        /** {@link #pretouch()}, or false when the key is absent. */
        public boolean pretouchOrDefault() {
            return pretouch != null && pretouch;
        }

        /** {@link #snapshot()}, or the defaults when the section is absent. */
        public Snapshot snapshotOrDefault() {
            return snapshot == null ? Snapshot.DEFAULT : snapshot;
        }

        /** {@link #retention()}, or {@link JournalRetention#OFF} when the section is absent. */
        public JournalRetention retentionOrDefault() {
            return retention == null ? JournalRetention.OFF : retention;
        }

        Journal withDataDir(String dir) {
            return new Journal(dir, durability, rollCycle, digest, snapshot, retention, pretouch, recycleWrittenPages);
        }
    }

    /**
     * What happens to journal cycle files ({@code journal.retention}) that no recovery needs any more.
     * A cycle is removed only when all of these hold: it is older than {@code keepDays} days (its
     * end), it is not one of the newest {@code keepCycles} cycle files, every kept snapshot lies in a
     * later cycle (so recovery from any of them never reads it), and no reader of the gateway is in
     * it or before it. Runs on the snapshot thread after each snapshot.
     *
     * @param mode {@code off} (cycles are kept for ever), {@code archive} (moved to {@code
     *     <dataDir>/archive/journal/}) or {@code delete}
     * @param keepCycles newest cycle files always kept, 1 or more
     * @param keepDays days a cycle is kept after its end, 0 or more
     */
    public record JournalRetention(String mode, int keepCycles, int keepDays) {
        public static final JournalRetention OFF = new JournalRetention("off", 1, 0);

        /** True unless the mode is {@code off}. */
        public boolean enabled() {
            return !"off".equals(mode);
        }
    }

    /**
     * What happens to mailbox cycle files ({@code mailbox.retention}). A cycle is deleted when it is
     * older than {@code keepDays} days, is not one of the newest {@code keepCycles} cycle files, and
     * every message in it is delivered (each party asked for messages after it); or, undelivered
     * messages included, when it is older than {@code maxAgeDays} days (logged with each party's
     * count). Messages are derived from the journal, which keeps the inbound bytes; the mailbox
     * keeps delivery. Runs every {@code checkEverySeconds} on a thread of the mailboxes.
     *
     * @param mode {@code off} or {@code delete}
     * @param keepCycles newest cycle files always kept, 1 or more
     * @param keepDays days a fully delivered cycle is kept after its end, 0 or more
     * @param maxAgeDays days after which a cycle goes even with undelivered messages; 0 for never
     * @param checkEverySeconds how often the mailbox cycles are looked at
     */
    public record MailboxRetention(String mode, int keepCycles, int keepDays, int maxAgeDays, int checkEverySeconds) {
        public static final MailboxRetention OFF = new MailboxRetention("off", 1, 0, 0, 60);

        /** True unless the mode is {@code off}. */
        public boolean enabled() {
            return !"off".equals(mode);
        }
    }

    /**
     * Ledger snapshots, written beside the journal under {@code <dataDir>/snapshots} by a thread of
     * their own: one after every {@code everyEntries} entries or every {@code everySeconds} seconds
     * with new entries, whichever comes first; the newest {@code keep} are kept.
     */
    public record Snapshot(long everyEntries, int everySeconds, int keep) {
        public static final Snapshot DEFAULT = new Snapshot(1_000_000, 300, 3);
    }

    /**
     * The per-party mailboxes of outbound messages ({@code <dataDir>/mailbox}) and their delivery
     * API, {@code GET /v1/mailbox}.
     *
     * @param capacityPerParty undelivered messages one party's mailbox holds; an inbound message
     *     that would write to a full mailbox is refused (HTTP 503 + admi.002), never dropped. Only
     *     undelivered messages count: a poll with {@code after=N} delivers everything up to N (up to
     *     the last message at that moment) and frees that room at once, and so does retention when
     *     it deletes messages past {@code retention.maxAgeDays}. A client that never polls (a load
     *     generator) fills it with every message addressed to it: a payment writes two to its
     *     instructed agent (the relayed pacs.008 and a camt.054) and one camt.054 to its instructing
     *     agent; one {@code GET /v1/mailbox?after=4611686018427387903&waitMs=0} a second per party
     *     keeps such a run clear. Each message also keeps 8 bytes of index in memory until a restart.
     * @param messagesPerPollDefault messages in one answer when the request names no {@code limit}
     * @param messagesPerPollMax the largest {@code limit} a request may ask (more: HTTP 400)
     * @param pollWaitMsDefault how long a poll with nothing to deliver waits when it names no {@code waitMs}
     * @param pollWaitMsMax the largest {@code waitMs} (more: HTTP 400); below the idle timeout
     * @param parkedPollsPerPartyMax polls of one party waiting at once (more: HTTP 429)
     * @param parkedPollsMax polls of all parties waiting at once (more: HTTP 429)
     * @param readerThreads threads reading the mailbox queue for answers (never the event loops)
     * @param readQueueMax reads waiting for a reader thread (more: HTTP 503)
     * @param retention when delivered mailbox cycles are deleted; kept for ever when absent
     */
    public record Mailbox(
            int capacityPerParty,
            int messagesPerPollDefault,
            int messagesPerPollMax,
            int pollWaitMsDefault,
            int pollWaitMsMax,
            int parkedPollsPerPartyMax,
            int parkedPollsMax,
            int readerThreads,
            int readQueueMax,
            MailboxRetention retention) {
        /** Without a {@code retention} section: mailbox cycles are kept for ever. */
        public Mailbox(
                int capacityPerParty,
                int messagesPerPollDefault,
                int messagesPerPollMax,
                int pollWaitMsDefault,
                int pollWaitMsMax,
                int parkedPollsPerPartyMax,
                int parkedPollsMax,
                int readerThreads,
                int readQueueMax) {
            this(
                    capacityPerParty,
                    messagesPerPollDefault,
                    messagesPerPollMax,
                    pollWaitMsDefault,
                    pollWaitMsMax,
                    parkedPollsPerPartyMax,
                    parkedPollsMax,
                    readerThreads,
                    readQueueMax,
                    null);
        }

        /** {@link #retention()}, or {@link MailboxRetention#OFF} when the section is absent. */
        public MailboxRetention retentionOrDefault() {
            return retention == null ? MailboxRetention.OFF : retention;
        }

        /** The same settings with {@code capacity} undelivered messages per party. */
        public Mailbox withCapacityPerParty(int capacity) {
            return copy(capacity, retention);
        }

        /** The same settings with {@code retention} instead. */
        public Mailbox withRetention(MailboxRetention newRetention) {
            return copy(capacityPerParty, newRetention);
        }

        private Mailbox copy(int capacity, MailboxRetention newRetention) {
            return new Mailbox(
                    capacity,
                    messagesPerPollDefault,
                    messagesPerPollMax,
                    pollWaitMsDefault,
                    pollWaitMsMax,
                    parkedPollsPerPartyMax,
                    parkedPollsMax,
                    readerThreads,
                    readQueueMax,
                    newRetention);
        }
    }

    /** The platform's own identity. */
    public record Platform(String id) {}

    /**
     * A party of the configured world.
     *
     * @param accounts currency code to opening balance (a decimal in the currency's units)
     */
    public record PartyEntry(
            String id,
            String name,
            List<String> roles,
            Map<String, String> accounts,
            String bank,
            Integer tier,
            String sellsTo) {}

    /** A bank's credit line to a core enterprise. */
    public record CreditLineEntry(String bank, String core, String currency, String limit) {}

    /**
     * A financing programme: which bank finances which core enterprise's suppliers, in which
     * currency, on what terms, and which suppliers are onboarded from the start.
     *
     * @param advanceRatePercent share of the face amount advanced, a decimal percentage (at most 4 decimals)
     * @param discountRatePercentPerYear annual discount rate, a decimal percentage (at most 4 decimals)
     * @param suppliers parties onboarded into the programme at genesis; may be absent
     */
    public record ProgrammeEntry(
            String id,
            String bank,
            String core,
            String currency,
            String advanceRatePercent,
            String discountRatePercentPerYear,
            Boolean recourse,
            List<String> suppliers) {}

    /** Durability modes of the journal. */
    public enum Durability {
        /** Memory-mapped: an acknowledged entry survives a process crash. */
        MAPPED,
        /** Forced to disk before acknowledging: survives power loss. */
        SYNC
    }

    public Durability durability() {
        return Durability.valueOf(journal.durability().toUpperCase(java.util.Locale.ROOT));
    }

    /** The digest algorithm of new journal entries ({@code journal.digest}; SM3 when absent). */
    public io.kapok.gateway.journal.JournalDigest journalDigest() {
        return journal.digest() == null
                ? io.kapok.gateway.journal.JournalDigest.SM3
                : io.kapok.gateway.journal.JournalDigest.ofConfigName(journal.digest());
    }

    /** A copy with the journal durability replaced ({@code mapped} or {@code sync}). */
    public GatewayConfig withDurability(String durability) {
        return withJournal(new Journal(
                j().dataDir(),
                durability,
                j().rollCycle(),
                j().digest(),
                j().snapshot(),
                j().retention(),
                j().pretouch(),
                j().recycleWrittenPages()));
    }

    /** A copy with the journal digest replaced ({@code sm3} or {@code sha256}). */
    public GatewayConfig withJournalDigest(String digest) {
        return withJournal(new Journal(
                j().dataDir(),
                j().durability(),
                j().rollCycle(),
                digest,
                j().snapshot(),
                j().retention(),
                j().pretouch(),
                j().recycleWrittenPages()));
    }

    /** A copy with the port replaced (the {@code --port} flag). */
    public GatewayConfig withPort(int port) {
        Gateway g = new Gateway(
                gateway.bindAddress(),
                port,
                gateway.eventLoopThreads(),
                gateway.connectionsMax(),
                gateway.pipelinedRequestsMax(),
                gateway.idleTimeoutSeconds());
        return copy(g, journal, mailbox, notifications, fx, ledger);
    }

    /** A copy with {@code threads} event loops. */
    public GatewayConfig withEventLoopThreads(int threads) {
        Gateway g = new Gateway(
                gateway.bindAddress(),
                gateway.port(),
                threads,
                gateway.connectionsMax(),
                gateway.pipelinedRequestsMax(),
                gateway.idleTimeoutSeconds());
        return copy(g, journal, mailbox, notifications, fx, ledger);
    }

    /**
     * A copy whose sequencer runs on {@code runsOn} ({@link Sequencer#ON_EVENT_LOOP} or {@link
     * Sequencer#ON_OWN_THREAD}).
     */
    public GatewayConfig withSequencerOn(String runsOn) {
        return new GatewayConfig(
                gateway,
                limits,
                new Sequencer(sequencer.ringSize(), sequencer.waitStrategy(), runsOn),
                journal,
                platform,
                mailbox,
                parties,
                creditLines,
                programmes,
                notifications,
                fx,
                ledger);
    }

    /** A copy with the snapshot settings replaced. */
    public GatewayConfig withSnapshots(Snapshot snapshot) {
        return withJournal(new Journal(
                j().dataDir(),
                j().durability(),
                j().rollCycle(),
                j().digest(),
                snapshot,
                j().retention(),
                j().pretouch(),
                j().recycleWrittenPages()));
    }

    /** A copy with the journal retention replaced. */
    public GatewayConfig withJournalRetention(JournalRetention retention) {
        return withJournal(new Journal(
                j().dataDir(),
                j().durability(),
                j().rollCycle(),
                j().digest(),
                j().snapshot(),
                retention,
                j().pretouch(),
                j().recycleWrittenPages()));
    }

    /** A copy with the roll cycle of the journal and the mailbox replaced. */
    public GatewayConfig withRollCycle(String rollCycle) {
        return withJournal(new Journal(
                j().dataDir(),
                j().durability(),
                rollCycle,
                j().digest(),
                j().snapshot(),
                j().retention(),
                j().pretouch(),
                j().recycleWrittenPages()));
    }

    private Journal j() {
        return journal;
    }

    private GatewayConfig withJournal(Journal j) {
        return copy(gateway, j, mailbox, notifications, fx, ledger);
    }

    /** A copy with the data directory replaced (the {@code --data} flag). */
    public GatewayConfig withDataDir(String dataDir) {
        Journal j = journal.withDataDir(dataDir);
        return copy(gateway, j, mailbox, notifications, fx, ledger);
    }

    /** A copy with the mailbox settings replaced. */
    public GatewayConfig withMailbox(Mailbox m) {
        return copy(gateway, journal, m, notifications, fx, ledger);
    }

    /** The same mailbox settings with {@code retention} instead. */
    public GatewayConfig withMailboxRetention(MailboxRetention retention) {
        return withMailbox(mailbox.withRetention(retention));
    }
}
