package io.kapok.ledger;

import io.kapok.ledger.fx.FxConversion;
import io.kapok.ledger.fx.FxRates;
import io.kapok.ledger.fx.SetFxRateCommand;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.Party;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.DecidedPayments;
import io.kapok.ledger.payment.PaymentMessage;
import io.kapok.ledger.payment.PaymentPrefetch;
import io.kapok.ledger.payment.RecallPaymentCommand;
import io.kapok.ledger.payment.RecallState;
import io.kapok.ledger.payment.ResolveRecallCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.AcknowledgeOnboardingCommand;
import io.kapok.ledger.receivable.AssignReceivableCommand;
import io.kapok.ledger.receivable.CancelFinancingCommand;
import io.kapok.ledger.receivable.CancelReceivableCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.CreateProgrammeCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DecidedMessages;
import io.kapok.ledger.receivable.DisburseFinancingCommand;
import io.kapok.ledger.receivable.ExposureView;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.ReceivableView;
import io.kapok.ledger.receivable.Receivables;
import io.kapok.ledger.receivable.RecordMessageCommand;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SetCreditLineCommand;
import io.kapok.ledger.receivable.SettleReceivableCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settlement ledger: a pure, deterministic state machine. {@link #apply} takes one command and
 * fills a result; it owns no thread, touches no file, reads no clock (time comes in the command),
 * and the same commands in the same order always give the same state and {@link #stateHash()}.
 *
 * <p>Single-threaded by contract: only the sequencer/ledger thread calls it.
 *
 * <p>Invariants kept after every command: per currency, the balances of all accounts plus the
 * opening-equity account sum to zero (debits equal credits); no account but opening equity goes
 * negative; a (sender, message id) and a UETR each take effect at most once within the payment
 * retention window (see {@link DecidedPayments}); the returns of a settled transfer never add up
 * to more than its amount; and those of {@link
 * Receivables#checkInvariants()} (children sum to parents, no double or over-financing, exposure
 * within every credit line).
 *
 * <p><b>Cross-currency transfers.</b> A {@link TransferCommand} whose instructed currency (the
 * pacs.008's {@code InstdAmt}) differs from its settlement currency ({@code IntrBkSttlmAmt}) is
 * converted at the ledger's latest rate for the pair, quoted in either direction ({@link
 * FxRates#latest}: of the two directions, the one set last). The instructed agent is credited the
 * settlement amount S in the settlement currency; the instructing agent is debited D in the
 * instructed currency, D = S converted at that rate ({@link FxConversion}: integer arithmetic,
 * one rounding, half-even to the instructed currency's minor unit). The platform operator (the
 * first party registered with {@link io.kapok.ledger.party.PartyRole#OPERATOR}) takes the other
 * side of each leg on its FX accounts: +D in the instructed currency, −S in the settlement
 * currency, so each currency balances on its own and the operator's FX accounts must hold S (its
 * liquidity; none goes negative). {@code InstdAmt}'s own amount is recorded, not posted: the
 * ledger's rate decides what is debited. When the message states an {@code XchgRate} (settlement
 * units per instructed unit) it must be within {@link #FX_RATE_TOLERANCE_PPM} of the ledger's rate
 * (inverted when the pair is quoted the other way), else {@link LedgerRejection#FX_RATE_MISMATCH};
 * with no rate for the pair, {@link LedgerRejection#FX_RATE_UNKNOWN}. The result names the rate
 * used ({@link LedgerResult#fxRateSequence} and its value), and the settled transfer remembers the
 * rate's journal sequence ({@link DecidedPayments#fxRateSequenceAt}), which the snapshot and so the
 * state hash cover. Returns and recalls of a cross-currency transfer are refused ({@link
 * LedgerRejection#CROSS_CURRENCY_NOT_RETURNABLE}): the way back would need its own rate.
 *
 * <p>Snapshot layout ({@link #snapshot()}), big-endian, strings as modified UTF-8 with a u16 length
 * (nullable ones behind a presence byte):
 *
 * <pre>
 *  magic "KPKS" int32 · version int32 · lastSequence int64
 *  parties      count int32 · { id · name · roles int32 · accounts int32 · { currency int32 · balance int64 } }
 *  equity       count int32 · { currency int32 · amount int64 }                      (currency order)
 *  payments     see {@link DecidedPayments#write}: capacity, retention, decisions in journal order,
 *               settled transfers with their returned amount and open recall (version 3; version 2
 *               had no settlement details and is still read)
 *  receivables  see {@link Receivables#write}: credit lines, programmes (with the members that
 *               acknowledged their onboarding, version 5), receivables (each with what a bank took
 *               over by assignment, version 5; version 4 had neither), financings
 *  fx rates     see {@link FxRates#write}
 *  messages     see {@link DecidedMessages#write}: the receivable-financing messages decided within
 *               the retention window (version 4 on; versions 2 and 3 had none: read as empty)
 *  open day     int64: {@link #openDayEpoch()} (version 5; earlier versions: 0)
 * </pre>
 *
 * The state hash is SHA-256 over a domain tag and this snapshot, so the snapshot holds exactly the
 * state the hash covers, in the same canonical (journal, registration or currency) order.
 */
public final class Ledger {
    private static final byte[] HASH_DOMAIN = "kapok-ledger-state-v2".getBytes(StandardCharsets.US_ASCII);
    private static final int SNAPSHOT_MAGIC = 0x4B504B53; // "KPKS"
    private static final int SNAPSHOT_VERSION = 5;
    /**
     * The version before assignments to banks, acknowledged onboardings and the open business
     * day: its receivables carry no assigned amount, its programmes no acknowledged members, and
     * it is read with no day open (0).
     */
    private static final int SNAPSHOT_VERSION_NO_FACTORING = 4;
    /** The version before the decided receivable-financing messages: read with an empty window. */
    private static final int SNAPSHOT_VERSION_NO_MESSAGES = 3;
    /** The version before returns and recalls: its payment window has no settlement details. */
    private static final int SNAPSHOT_VERSION_TRANSFERS_ONLY = 2;

    private static final long MS_PER_DAY = 86_400_000L;

    /** Default payment retention window, days. */
    public static final int PAYMENT_RETENTION_DAYS_DEFAULT = 30;
    /** Longest payment retention window, days: ten years. */
    public static final int PAYMENT_RETENTION_DAYS_MAX = 3650;
    /**
     * How far a cross-currency pacs.008's {@code XchgRate} may be from the ledger's rate for the pair,
     * parts per million of the ledger's rate: 5,000 (0.5%).
     */
    public static final int FX_RATE_TOLERANCE_PPM = 5_000;

    /** Default most payment decisions remembered at once: 2^22 (about 4.2 million). */
    public static final int PAYMENT_CAPACITY_DEFAULT = 1 << 22;
    /** Most receivable-financing messages remembered at once: 2^20 (about a million). */
    public static final int MESSAGE_CAPACITY_DEFAULT = 1 << 20;
    /** Most command outcomes of those messages remembered at once: 2^22. */
    public static final int MESSAGE_ITEM_CAPACITY_DEFAULT = 1 << 22;

    private final Map<String, Party> parties = new LinkedHashMap<>();
    /** Set by {@link #compactPaymentIds()}: windows made from then on keep their ids compact. */
    private boolean compactPaymentIds;
    /** Opening equity per packed currency: minus the sum of all opening balances. */
    private final TreeMap<Integer, Long> openingEquityMinor = new TreeMap<>();
    /** Payment decisions within the retention window, by (sender, MsgId) and by UETR. */
    private DecidedPayments decidedPayments;
    /**
     * Receivable-financing messages decided by (sender, MsgId), with each command's outcome; kept as
     * long as payment decisions.
     */
    private DecidedMessages decidedMessages;

    private final Receivables receivables;
    private final FxRates fxRates = new FxRates();
    /** Where {@link #snapshot()} starts its buffer: the last snapshot's size and an eighth; not state. */
    private int snapshotSizeHint = 4096;

    private long lastSequence;
    /** See {@link #openDayEpoch()}; in the snapshot (version 5). */
    private long openDayEpoch;
    /** Where the open day ends, epoch ms: derived from {@link #openDayEpoch}, not state. */
    private long openDayEndMs = MS_PER_DAY;
    /** What {@link DecidedPayments#preload} returned last: kept only so that its loads stay; not state. */
    private long preloaded;
    /**
     * Not state: transfers still to come of the batch the last {@link #prefetch} loaded the window
     * for; while positive, a transfer skips its own {@link DecidedPayments#preload} (the same loads).
     */
    private int prefetchedTransfers;

    /** An empty ledger with the default payment window ({@value #PAYMENT_RETENTION_DAYS_DEFAULT} days, {@value #PAYMENT_CAPACITY_DEFAULT} payments). */
    public Ledger() {
        this(PAYMENT_RETENTION_DAYS_DEFAULT, PAYMENT_CAPACITY_DEFAULT);
    }

    /**
     * An empty ledger.
     *
     * @param paymentRetentionDays how long a decided payment is remembered for dedupe, days of journaled
     *     receive time, 1..{@value #PAYMENT_RETENTION_DAYS_MAX}: a retry within the window gets the
     *     original answer; after it, the (sender, MsgId) and the UETR may be used again
     * @param paymentCapacity most payment decisions remembered at once, 1..{@value
     *     DecidedPayments#CAPACITY_MAX}; a payment that finds the window full is refused with {@link
     *     LedgerRejection#PAYMENT_WINDOW_FULL}
     * @throws IllegalArgumentException when a setting is out of range (the message names it)
     */
    public Ledger(int paymentRetentionDays, int paymentCapacity) {
        this(paymentRetentionDays, paymentCapacity, Receivables.SLOTS_INITIAL_DEFAULT);
    }

    /**
     * An empty ledger made for a book of a known size: until it holds more than {@code
     * receivableSlotsInitial} receivables (or as many financings), creating one allocates nothing.
     *
     * @param paymentRetentionDays as in {@link #Ledger(int, int)}
     * @param paymentCapacity as in {@link #Ledger(int, int)}
     * @param receivableSlotsInitial receivables, and financings, the ledger makes room for at once,
     *     1..{@value Receivables#SLOTS_INITIAL_MAX}; past that its pools double
     * @throws IllegalArgumentException when a setting is out of range (the message names it)
     */
    public Ledger(int paymentRetentionDays, int paymentCapacity, int receivableSlotsInitial) {
        if (paymentRetentionDays < 1 || paymentRetentionDays > PAYMENT_RETENTION_DAYS_MAX) {
            throw new IllegalArgumentException(
                    "paymentRetentionDays " + paymentRetentionDays + " outside 1.." + PAYMENT_RETENTION_DAYS_MAX);
        }
        this.decidedPayments = new DecidedPayments(paymentCapacity, paymentRetentionDays * MS_PER_DAY);
        this.decidedMessages = new DecidedMessages(
                MESSAGE_CAPACITY_DEFAULT, MESSAGE_ITEM_CAPACITY_DEFAULT, paymentRetentionDays * MS_PER_DAY);
        this.receivables = new Receivables(parties, receivableSlotsInitial);
    }

    /** Sequence of the last command applied (0 for an empty ledger). */
    public long lastSequence() {
        return lastSequence;
    }

    /**
     * A hint before applying a batch: loads into the cache, all at once, the parts of the payment
     * window that the batch's transfers will read ({@link DecidedPayments#prefetch}), so that each
     * transfer then finds them there instead of waiting for memory itself. Changes no state: a
     * ledger given any hints, or none, applies every command the same way. Worth it in a window of
     * hundreds of thousands of decisions, whose tables do not fit in the CPU's caches.
     *
     * @return a value that means nothing, for the caller to keep (so the loads are not optimised away)
     */
    public long prefetch(PaymentPrefetch batch) {
        prefetchedTransfers = batch.count();
        return decidedPayments.prefetch(batch);
    }

    /**
     * Applies {@code command}, whose sequence must follow {@link #lastSequence()} by exactly one.
     * Business refusals are results, not exceptions; a sequence gap is a bug and throws.
     */
    public void apply(LedgerCommand command, LedgerResult result) {
        if (command.sequence != lastSequence + 1) {
            throw new IllegalStateException(
                    "command sequence " + command.sequence + " does not follow " + lastSequence);
        }
        result.clear();
        switch (command.type()) {
            case REGISTER_PARTY -> registerParty((RegisterPartyCommand) command, result);
            case OPEN_ACCOUNT -> openAccount((OpenAccountCommand) command, result);
            case CONFIGURE_LEDGER -> configure((ConfigureLedgerCommand) command, result);
            case TRANSFER -> transfer((TransferCommand) command, result);
            case RETURN_PAYMENT -> returnPayment((ReturnPaymentCommand) command, result);
            case RECALL_PAYMENT -> recall((RecallPaymentCommand) command, result);
            case RESOLVE_RECALL -> resolveRecall((ResolveRecallCommand) command, result);
            case SET_CREDIT_LINE ->
                decide(command, receivables.setCreditLine((SetCreditLineCommand) command, result), result);
            case CREATE_PROGRAMME ->
                decide(command, receivables.createProgramme((CreateProgrammeCommand) command, result), result);
            case ONBOARD_PARTY -> decide(command, receivables.onboard((OnboardPartyCommand) command, result), result);
            case ACKNOWLEDGE_ONBOARDING ->
                decide(command, receivables.acknowledge((AcknowledgeOnboardingCommand) command, result), result);
            case SET_FX_RATE -> decide(command, fxRates.set((SetFxRateCommand) command, result), result);
            case REGISTER_RECEIVABLE ->
                decide(command, receivables.register((RegisterReceivableCommand) command, result), result);
            case CONFIRM_RECEIVABLE ->
                decide(command, receivables.confirm((ConfirmReceivableCommand) command, result), result);
            case SPLIT_RECEIVABLE ->
                decide(command, receivables.split((SplitReceivableCommand) command, result), result);
            case CANCEL_RECEIVABLE ->
                decide(command, receivables.cancel((CancelReceivableCommand) command, result), result);
            case REQUEST_FINANCING ->
                decide(command, receivables.requestFinancing((RequestFinancingCommand) command, result), result);
            case DECIDE_FINANCING ->
                decide(command, receivables.decideFinancing((DecideFinancingCommand) command, result), result);
            case DISBURSE_FINANCING -> {
                DisburseFinancingCommand c = (DisburseFinancingCommand) command;
                if (!paymentFound(c, c, result)) {
                    rememberPayment(c, c, receivables.disburse(c, result), result);
                }
            }
            case CANCEL_FINANCING ->
                decide(command, receivables.cancelFinancing((CancelFinancingCommand) command, result), result);
            case SETTLE_RECEIVABLE -> {
                SettleReceivableCommand c = (SettleReceivableCommand) command;
                if (!paymentFound(c, c, result)) {
                    rememberPayment(c, c, receivables.settle(c, result), result);
                }
            }
            case ASSIGN_RECEIVABLE ->
                decide(command, receivables.assign((AssignReceivableCommand) command, result), result);
            case RECORD_MESSAGE -> recordMessage((RecordMessageCommand) command, result);
            case CLOSE_DAY -> closeDay((io.kapok.ledger.day.CloseDayCommand) command, result);
        }
        lastSequence = command.sequence;
        if (command.timeMs >= openDayEndMs) {
            openDay(Math.floorDiv(command.timeMs, MS_PER_DAY));
        }
    }

    /**
     * Sets the payment window's retention and capacity and the receivable-financing messages'
     * capacities, empty: only as the first command (entry 1 of the journal), so that every message
     * is decided, and replayed, under the same settings; refused ({@link
     * LedgerRejection#SETTINGS_REFUSED}) after it, or with a setting out of range. The
     * receivable-financing messages are kept as long as payments.
     */
    private void configure(ConfigureLedgerCommand c, LedgerResult result) {
        if (lastSequence != 0
                || c.paymentRetentionDays < 1
                || c.paymentRetentionDays > PAYMENT_RETENTION_DAYS_MAX
                || c.paymentCapacity < 1
                || c.paymentCapacity > DecidedPayments.CAPACITY_MAX
                || c.messageCapacity < 1
                || c.messageCapacity > DecidedMessages.CAPACITY_MAX
                || c.messageOutcomeCapacity < 1
                || c.messageOutcomeCapacity > DecidedMessages.CAPACITY_MAX
                || Integer.bitCount(c.messageOutcomeCapacity) != 1) {
            result.reject(LedgerRejection.SETTINGS_REFUSED, c.sequence, c.timeMs);
            return;
        }
        long retentionMs = c.paymentRetentionDays * MS_PER_DAY;
        decidedPayments = new DecidedPayments(c.paymentCapacity, retentionMs, compactPaymentIds);
        decidedMessages = new DecidedMessages(c.messageCapacity, c.messageOutcomeCapacity, retentionMs);
        result.accept(c.sequence, c.timeMs);
    }

    /**
     * From now on, the payment window keeps its decisions' message ids and UETRs as bytes in an
     * array of its own instead of holding the commands' Strings ({@link DecidedPayments}, "Compact
     * ids"), now (a copy of the window, when it holds any) and after a {@link
     * ConfigureLedgerCommand} makes a new window. For a ledger in a long-running process, where the
     * garbage collector's work matters more than a few per cent of the ledger thread's: the Strings
     * then die young instead of being copied out of the young generation. Answers, snapshots and
     * the state hash are the same either way. Look-ups compare ids byte by byte, and reading an id
     * back (a return's, a recall's, the snapshot's) makes a new String. {@link
     * #fromSnapshot(byte[], boolean)} reads a window compact without the copy.
     */
    public void compactPaymentIds() {
        if (!compactPaymentIds) {
            compactPaymentIds = true;
            decidedPayments = decidedPayments.compacted();
        }
    }

    /**
     * Makes room now for every payment decision the window may hold ({@link #paymentCapacity()}), so
     * that it never grows later: growing copies the whole window on the ledger thread (hundreds of
     * milliseconds at a million decisions), allocating up front costs that memory at once (116–148
     * bytes a decision, before its ids: {@link DecidedPayments#arrayBytes}). Not state: the state hash and snapshot are the same either way.
     */
    public void preallocatePaymentWindow() {
        decidedPayments.preallocate();
    }

    /**
     * The business day (UTC, days since 1970-01-01) of the latest command's receive time: the day a
     * {@link io.kapok.ledger.day.CloseDayCommand} closes next. 0 before any command with a receive
     * time after 1970-01-01 (genesis entries carry 0).
     */
    public long openDayEpoch() {
        return openDayEpoch;
    }

    private void openDay(long dayEpoch) {
        openDayEpoch = dayEpoch;
        openDayEndMs = (dayEpoch + 1) * MS_PER_DAY;
    }

    /**
     * Closes the open day: refused ({@link LedgerRejection#DAY_NOT_OPEN}) unless the command names
     * the open day and its receive time is past that day; applied, one {@link
     * LedgerEventType#DAY_CLOSED} event per account, parties in registration order, with the balance.
     */
    private void closeDay(io.kapok.ledger.day.CloseDayCommand c, LedgerResult result) {
        if (c.businessDay != openDayEpoch || openDayEpoch == 0 || c.timeMs < openDayEndMs) {
            result.reject(LedgerRejection.DAY_NOT_OPEN, c.sequence, c.timeMs);
            return;
        }
        for (Party p : parties.values()) {
            for (int i = 0; i < p.accountCount(); i++) {
                result.partyEvent(LedgerEventType.DAY_CLOSED, p, null, p.currencyAt(i), p.balanceAt(i), 0);
            }
        }
        result.accept(c.sequence, c.timeMs);
    }

    /**
     * For a settlement or disbursement a pacs.008 carried ({@code m.messageId()} set): moves the
     * payment window's time on and answers a retry or a duplicate of that pacs.008 (true, {@code
     * result} decided), or refuses it when the window is full. False when the command is to be
     * applied.
     */
    private boolean paymentFound(LedgerCommand c, PaymentMessage m, LedgerResult result) {
        if (m.messageId() == null) {
            return false;
        }
        decidedPayments.forget(c.timeMs);
        if (findDecided(m, result)) {
            return true;
        }
        if (decidedPayments.full()) {
            result.reject(LedgerRejection.PAYMENT_WINDOW_FULL, c.sequence, c.timeMs);
            return true;
        }
        return false;
    }

    /**
     * Decides a settlement or disbursement and, when a pacs.008 carried it, remembers that payment's
     * ids with the outcome, so the same pacs.008 takes effect at most once. Not remembered as a
     * returnable transfer: what it paid is the receivable's, closed by the ledger's own rules.
     */
    private void rememberPayment(LedgerCommand c, PaymentMessage m, LedgerRejection rejection, LedgerResult result) {
        if (m.messageId() != null) {
            decidedPayments.remember(
                    m.senderId(), m.messageId(), m.uetr(), c.sequence, c.timeMs, rejection, m.fingerprint());
        }
        decide(c, rejection, result);
    }

    /**
     * Remembers what a receivable-financing message's commands were decided; time moves on first,
     * so replay forgets exactly what the live run forgot. A key already kept is refused as {@link
     * LedgerRejection#DUPLICATE} (the sequencer answers a reused key before journaling, so only a
     * journal written by hand gets here). No room is a bug: the sequencer checks {@link
     * DecidedMessages#hasRoom} before it journals the message's first command.
     */
    private void recordMessage(RecordMessageCommand c, LedgerResult result) {
        decidedMessages.forget(c.timeMs);
        if (decidedMessages.find(c.senderId, c.messageId) >= 0) {
            result.reject(LedgerRejection.DUPLICATE, c.sequence, c.timeMs);
            return;
        }
        decidedMessages.remember(c);
        result.accept(c.sequence, c.timeMs);
    }

    /**
     * The receivable-financing messages decided within the retention window, by (sender, MsgId):
     * for look-ups before routing a message (a retry, a conflicting reuse) and to ask whether a new
     * one finds room. Read-only use; ledger thread only.
     */
    public DecidedMessages decidedMessages() {
        return decidedMessages;
    }

    private static void decide(LedgerCommand command, LedgerRejection rejection, LedgerResult result) {
        if (rejection == null) {
            result.accept(command.sequence, command.timeMs);
        } else {
            result.reject(rejection, command.sequence, command.timeMs);
        }
    }

    /**
     * Tells, without changing anything, whether a payment message (a transfer, return, recall or
     * resolution) was already decided: returns false for a new one; otherwise fills {@code result}
     * with the original outcome ({@code retry} set) for an identical retry, or with {@link
     * LedgerRejection#DUPLICATE} for a different message reusing the (sender, message id) or the
     * UETR, and returns true. The sequencer calls this before journaling, so a duplicate changes
     * nothing, not even the journal.
     */
    public boolean findDecided(PaymentMessage command, LedgerResult result) {
        result.clear();
        // A transfer brings the hashes its filler computed (TransferCommand#computeKeys).
        return findDecided(command, command.messageHash(), command.uetrHash(), result);
    }

    /**
     * {@link #findDecided(PaymentMessage, LedgerResult)} with the keys' hashes computed once, into a
     * {@code result} cleared already.
     */
    private boolean findDecided(PaymentMessage command, int messageHash, int uetrHash, LedgerResult result) {
        DecidedPayments decided = decidedPayments;
        int slot = decided.findByMessage(messageHash, command.senderId(), command.messageId());
        if (slot >= 0) {
            if (decided.fingerprintAt(slot) == command.fingerprint()) {
                LedgerRejection rejection = decided.rejectionAt(slot);
                if (rejection == null) {
                    result.accept(decided.sequenceAt(slot), decided.timeMsAt(slot));
                } else {
                    result.reject(rejection, decided.sequenceAt(slot), decided.timeMsAt(slot));
                }
                result.retry = true;
            } else {
                result.reject(LedgerRejection.DUPLICATE, 0, 0);
            }
            return true;
        }
        String uetr = command.uetr();
        if (uetr != null && decided.findByUetr(uetrHash, uetr) >= 0) {
            result.reject(LedgerRejection.DUPLICATE, 0, 0);
            return true;
        }
        return false;
    }

    private void transfer(TransferCommand c, LedgerResult result) {
        // The keys' hashes, once: the preload, the look-ups and remembering the decision all use them.
        // Computed by whoever filled the command (the gateway's event loop), or here if it did not.
        c.ensureKeys();
        int messageHash = c.keyedMessageHash();
        int uetrHash = c.keyedUetrHash();
        if (prefetchedTransfers > 0) {
            prefetchedTransfers--; // the batch's prefetch loaded what the preload would
        } else {
            preloaded = decidedPayments.preload(messageHash, uetrHash, c.uetr != null, c.timeMs);
        }
        // Time moves on first, so replay forgets exactly what the live run forgot.
        decidedPayments.forget(c.timeMs);
        if (findDecided(c, messageHash, uetrHash, result)) {
            return; // a duplicate that reached the journal anyway changes nothing
        }
        if (decidedPayments.full()) {
            result.reject(LedgerRejection.PAYMENT_WINDOW_FULL, c.sequence, c.timeMs);
            return; // not remembered: a retry is decided again, and may find room then
        }
        if (c.crossCurrency()) {
            transferCrossCurrency(c, messageHash, uetrHash, result);
            return;
        }
        Party debit = parties.get(c.debitPartyId);
        Party credit = parties.get(c.creditPartyId);
        int debitIndex = debit == null ? -1 : debit.accountIndex(c.currency);
        int creditIndex = credit == null ? -1 : credit.accountIndex(c.currency);
        LedgerRejection rejection = checkTransfer(c, debit, debitIndex, creditIndex);
        if (rejection != null) {
            refuseTransfer(c, messageHash, uetrHash, rejection, result);
            return;
        }
        rememberSettled(c, messageHash, uetrHash, debit, credit);
        debit.post(debitIndex, -c.amountMinor);
        credit.post(creditIndex, c.amountMinor);
        result.partyEvent(LedgerEventType.POSTED, debit, c.uetr, c.currency, -c.amountMinor, 0);
        result.partyEvent(LedgerEventType.POSTED, credit, c.uetr, c.currency, c.amountMinor, 0);
        result.accept(c.sequence, c.timeMs);
    }

    /** Refuses a transfer and remembers the refusal, so that a retry gets the same answer. */
    private void refuseTransfer(
            TransferCommand c, int messageHash, int uetrHash, LedgerRejection rejection, LedgerResult result) {
        rememberTransfer(c, messageHash, uetrHash, rejection);
        result.reject(rejection, c.sequence, c.timeMs);
    }

    /** Remembers a settled transfer with what its returns and recalls need; returns its window slot. */
    private int rememberSettled(TransferCommand c, int messageHash, int uetrHash, Party debit, Party credit) {
        // The sender is the debited party: the window keeps it by the party's ordinal, not the
        // command's copy of its id, for the decision's whole retention.
        int slot = rememberTransfer(c, messageHash, uetrHash, null, debit.id(), debit.ordinal());
        decidedPayments.settled(slot, credit.id(), credit.ordinal(), c.currency, c.amountMinor);
        return slot;
    }

    /** Remembers the decision on a transfer under its keys' hashes; returns its window slot. */
    private int rememberTransfer(TransferCommand c, int messageHash, int uetrHash, LedgerRejection rejection) {
        return rememberTransfer(c, messageHash, uetrHash, rejection, c.senderId, -1);
    }

    private int rememberTransfer(
            TransferCommand c,
            int messageHash,
            int uetrHash,
            LedgerRejection rejection,
            String senderId,
            int senderOrdinal) {
        return decidedPayments.remember(
                messageHash,
                uetrHash,
                senderId,
                senderOrdinal,
                c.messageId,
                c.uetr,
                c.sequence,
                c.timeMs,
                rejection,
                c.keyedFingerprint(), // current: transfer() made the keys so
                c.keyedEncodedIds());
    }

    /** A transfer whose debit is in another currency than its credit; see the class doc. */
    private void transferCrossCurrency(TransferCommand c, int messageHash, int uetrHash, LedgerResult result) {
        Party debit = parties.get(c.debitPartyId);
        Party credit = parties.get(c.creditPartyId);
        Party fx = operator();
        int debitIndex = debit == null ? -1 : debit.accountIndex(c.instructedCurrency);
        int creditIndex = credit == null ? -1 : credit.accountIndex(c.currency);
        int fxInIndex = fx == null ? -1 : fx.accountIndex(c.instructedCurrency);
        int fxOutIndex = fx == null ? -1 : fx.accountIndex(c.currency);
        FxRates.Rate rate = fxRates.latest(c.instructedCurrency, c.currency);
        // Quoted instructed/settlement: S = D × rate, so D = S ÷ rate; quoted the other way, D = S × rate.
        boolean direct = rate != null && rate == fxRates.rate(c.instructedCurrency, c.currency);
        long debitMinor = rate == null
                ? FxConversion.OVERFLOW
                : FxConversion.convert(
                        c.amountMinor,
                        Currencies.minorDigits(c.currency),
                        Currencies.minorDigits(c.instructedCurrency),
                        rate.rateScaled(),
                        !direct);
        LedgerRejection rejection;
        if (!c.senderId.equals(c.debitPartyId)) {
            rejection = LedgerRejection.NOT_ENTITLED;
        } else if (c.debitPartyId.equals(c.creditPartyId)) {
            rejection = LedgerRejection.SAME_PARTY;
        } else if (debitIndex < 0) {
            rejection = LedgerRejection.UNKNOWN_DEBIT_ACCOUNT;
        } else if (creditIndex < 0) {
            rejection = LedgerRejection.UNKNOWN_CREDIT_ACCOUNT;
        } else if (rate == null) {
            rejection = LedgerRejection.FX_RATE_UNKNOWN;
        } else if (c.exchangeRateScaled != 0 && !withinTolerance(c.exchangeRateScaled, rate.rateScaled(), direct)) {
            rejection = LedgerRejection.FX_RATE_MISMATCH;
        } else if (c.amountMinor <= 0 || debitMinor <= 0) {
            rejection = LedgerRejection.INVALID_PAYMENT_AMOUNT; // rounds to nothing, or does not fit
        } else if (debit.balanceAt(debitIndex) < debitMinor) {
            rejection = LedgerRejection.INSUFFICIENT_FUNDS;
        } else if (fxInIndex < 0 || fxOutIndex < 0 || fx.balanceAt(fxOutIndex) < c.amountMinor) {
            rejection = LedgerRejection.FX_LIQUIDITY_SHORT;
        } else {
            rejection = null;
        }
        if (rejection != null) {
            refuseTransfer(c, messageHash, uetrHash, rejection, result);
            return;
        }
        decidedPayments.markConverted(rememberSettled(c, messageHash, uetrHash, debit, credit), rate.ledgerSequence());
        debit.post(debitIndex, -debitMinor);
        fx.post(fxInIndex, debitMinor);
        fx.post(fxOutIndex, -c.amountMinor);
        credit.post(creditIndex, c.amountMinor);
        result.partyEvent(LedgerEventType.POSTED, debit, c.uetr, c.instructedCurrency, -debitMinor, 0);
        result.partyEvent(LedgerEventType.POSTED, fx, c.uetr, c.instructedCurrency, debitMinor, 0);
        result.partyEvent(LedgerEventType.POSTED, fx, c.uetr, c.currency, -c.amountMinor, 0);
        result.partyEvent(LedgerEventType.POSTED, credit, c.uetr, c.currency, c.amountMinor, 0);
        result.fxRateSequence = rate.ledgerSequence();
        result.fxBaseCurrency = direct ? c.instructedCurrency : c.currency;
        result.fxQuoteCurrency = direct ? c.currency : c.instructedCurrency;
        result.fxRateScaled = rate.rateScaled();
        result.accept(c.sequence, c.timeMs);
    }

    /**
     * True when {@code statedScaled} (settlement units per instructed unit × 10^8) is within {@link
     * #FX_RATE_TOLERANCE_PPM} of the ledger's rate, inverted first when the ledger quotes the pair
     * the other way ({@code direct} false).
     */
    private static boolean withinTolerance(long statedScaled, long rateScaled, boolean direct) {
        long ledgerScaled = direct
                ? rateScaled
                : FxConversion.multiplyDivideHalfEven(FxRates.RATE_SCALE, FxRates.RATE_SCALE, rateScaled);
        long allowed = FxConversion.multiplyDivideHalfEven(ledgerScaled, FX_RATE_TOLERANCE_PPM, 1_000_000L);
        return ledgerScaled > 0 && allowed >= 0 && Math.abs(statedScaled - ledgerScaled) <= allowed;
    }

    /** The platform operator, the FX counterparty: the first party registered with that role; null if none. */
    private Party operator() {
        for (Party p : parties.values()) {
            if (io.kapok.ledger.party.PartyRole.OPERATOR.in(p.roles())) {
                return p;
            }
        }
        return null;
    }

    private static LedgerRejection checkTransfer(TransferCommand c, Party debit, int debitIndex, int creditIndex) {
        if (!c.senderId.equals(c.debitPartyId)) {
            return LedgerRejection.NOT_ENTITLED;
        }
        if (c.debitPartyId.equals(c.creditPartyId)) {
            return LedgerRejection.SAME_PARTY;
        }
        if (debitIndex < 0) {
            return LedgerRejection.UNKNOWN_DEBIT_ACCOUNT;
        }
        if (creditIndex < 0) {
            return LedgerRejection.UNKNOWN_CREDIT_ACCOUNT;
        }
        if (debit.balanceAt(debitIndex) < c.amountMinor) {
            return LedgerRejection.INSUFFICIENT_FUNDS;
        }
        return null;
    }

    /**
     * Starts deciding a return, recall or resolution: moves the window's time on and answers a retry
     * or a duplicate; returns the slot of the settled original it names, or -1 when {@code result}
     * is decided already (a retry, a duplicate, a full window) or the original is unknown (decided
     * and remembered here).
     */
    private int findOriginal(
            LedgerCommand c, PaymentMessage m, String originalUetr, String originalMessageId, LedgerResult result) {
        decidedPayments.forget(c.timeMs);
        if (findDecided(m, result)) {
            return -1;
        }
        if (decidedPayments.full()) {
            result.reject(LedgerRejection.PAYMENT_WINDOW_FULL, c.sequence, c.timeMs);
            return -1;
        }
        int original = originalUetr == null ? -1 : decidedPayments.findSettled(originalUetr);
        if (original >= 0
                && originalMessageId != null
                && !originalMessageId.equals(decidedPayments.messageIdAt(original))) {
            original = -1;
        }
        if (original < 0) {
            refusePayment(c, m, LedgerRejection.UNKNOWN_ORIGINAL, result);
        }
        return original;
    }

    /** Remembers a refused return, recall or resolution (so a retry gets the same answer) and answers it. */
    private void refusePayment(LedgerCommand c, PaymentMessage m, LedgerRejection rejection, LedgerResult result) {
        decidedPayments.remember(m.senderId(), m.messageId(), null, c.sequence, c.timeMs, rejection, m.fingerprint());
        result.reject(rejection, c.sequence, c.timeMs);
    }

    private void returnPayment(ReturnPaymentCommand c, LedgerResult result) {
        int original = findOriginal(c, c, c.originalUetr, c.originalMessageId, result);
        if (original < 0) {
            return;
        }
        DecidedPayments d = decidedPayments;
        LedgerRejection rejection = null;
        if (!c.senderId.equals(d.creditPartyIdAt(original))) {
            rejection = LedgerRejection.NOT_ENTITLED;
        } else if (d.fxRateSequenceAt(original) != 0) {
            rejection = LedgerRejection.CROSS_CURRENCY_NOT_RETURNABLE;
        } else if (c.currency != d.currencyAt(original)) {
            rejection = LedgerRejection.CURRENCY_MISMATCH;
        } else if (c.amountMinor <= 0) {
            rejection = LedgerRejection.INVALID_PAYMENT_AMOUNT;
        } else if (c.amountMinor > d.amountMinorAt(original) - d.returnedMinorAt(original)) {
            rejection = LedgerRejection.OVER_RETURN;
        } else if (!isReasonCode(c.reasonCode)) {
            rejection = LedgerRejection.INVALID_REASON_CODE;
        } else {
            rejection = checkFunds(d.creditPartyIdAt(original), c.currency, c.amountMinor);
        }
        if (rejection != null) {
            refusePayment(c, c, rejection, result);
            return;
        }
        String uetr = c.originalUetr;
        String debtorId = d.debitPartyIdAt(original);
        String recallId = d.openRecallIdAt(original);
        postBack(original, c.amountMinor, result);
        result.event(
                LedgerEventType.PAYMENT_RETURNED,
                uetr,
                debtorId,
                c.currency,
                c.amountMinor,
                d.returnedMinorAt(original) == d.amountMinorAt(original) ? 1 : 0);
        if (recallId != null) {
            d.openRecallAt(original, null);
            result.event(
                    LedgerEventType.RECALL_STATE,
                    uetr,
                    debtorId,
                    c.currency,
                    c.amountMinor,
                    RecallState.RETURNED.code());
        }
        // Remembered last: remembering may grow the window and move the original's slot.
        d.remember(c.senderId, c.returnId, null, c.sequence, c.timeMs, null, c.fingerprint());
        result.accept(c.sequence, c.timeMs);
    }

    private void recall(RecallPaymentCommand c, LedgerResult result) {
        int original = findOriginal(c, c, c.originalUetr, c.originalMessageId, result);
        if (original < 0) {
            return;
        }
        DecidedPayments d = decidedPayments;
        LedgerRejection rejection = null;
        long remaining = d.amountMinorAt(original) - d.returnedMinorAt(original);
        if (!c.senderId.equals(d.debitPartyIdAt(original))) {
            rejection = LedgerRejection.NOT_ENTITLED;
        } else if (d.fxRateSequenceAt(original) != 0) {
            rejection = LedgerRejection.CROSS_CURRENCY_NOT_RETURNABLE;
        } else if (remaining == 0) {
            rejection = LedgerRejection.ALREADY_RETURNED;
        } else if (d.openRecallIdAt(original) != null) {
            rejection = LedgerRejection.RECALL_ALREADY_OPEN;
        } else if (!isReasonCode(c.reasonCode)) {
            rejection = LedgerRejection.INVALID_REASON_CODE;
        }
        if (rejection != null) {
            refusePayment(c, c, rejection, result);
            return;
        }
        d.openRecallAt(original, c.recallId);
        result.event(
                LedgerEventType.RECALL_STATE,
                c.originalUetr,
                d.creditPartyIdAt(original),
                d.currencyAt(original),
                remaining,
                RecallState.OPEN.code());
        d.remember(c.senderId, c.recallId, null, c.sequence, c.timeMs, null, c.fingerprint());
        result.accept(c.sequence, c.timeMs);
    }

    private void resolveRecall(ResolveRecallCommand c, LedgerResult result) {
        int original = findOriginal(c, c, c.originalUetr, null, result);
        if (original < 0) {
            return;
        }
        DecidedPayments d = decidedPayments;
        String openRecallId = d.openRecallIdAt(original);
        long remaining = d.amountMinorAt(original) - d.returnedMinorAt(original);
        LedgerRejection rejection = null;
        if (!c.senderId.equals(d.creditPartyIdAt(original))) {
            rejection = LedgerRejection.NOT_ENTITLED;
        } else if (openRecallId == null || (c.recallId != null && !c.recallId.equals(openRecallId))) {
            rejection = LedgerRejection.NO_OPEN_RECALL;
        } else if (c.accept ? c.reasonCode != null && !isReasonCode(c.reasonCode) : !isReasonCode(c.reasonCode)) {
            rejection = LedgerRejection.INVALID_REASON_CODE;
        } else if (c.accept) {
            rejection = checkFunds(d.creditPartyIdAt(original), d.currencyAt(original), remaining);
        }
        if (rejection != null) {
            refusePayment(c, c, rejection, result);
            return;
        }
        d.openRecallAt(original, null);
        if (c.accept) {
            postBack(original, remaining, result);
        }
        result.event(
                LedgerEventType.RECALL_STATE,
                c.originalUetr,
                d.debitPartyIdAt(original),
                d.currencyAt(original),
                c.accept ? remaining : 0,
                (c.accept ? RecallState.CANCELLED : RecallState.REJECTED).code());
        d.remember(c.senderId, c.resolutionId, null, c.sequence, c.timeMs, null, c.fingerprint());
        result.accept(c.sequence, c.timeMs);
    }

    /** Null when {@code partyId} holds at least {@code amountMinor} in {@code currency}, else why not. */
    private LedgerRejection checkFunds(String partyId, int currency, long amountMinor) {
        Party party = parties.get(partyId);
        int index = party == null ? -1 : party.accountIndex(currency);
        if (index < 0) {
            return LedgerRejection.UNKNOWN_DEBIT_ACCOUNT;
        }
        return party.balanceAt(index) < amountMinor ? LedgerRejection.INSUFFICIENT_FUNDS : null;
    }

    /**
     * Posts {@code amountMinor} of the settled transfer at {@code original} back, from its creditor to
     * its debtor, and counts it as returned. The caller has checked funds and the amount.
     */
    private void postBack(int original, long amountMinor, LedgerResult result) {
        DecidedPayments d = decidedPayments;
        int currency = d.currencyAt(original);
        Party creditor = parties.get(d.creditPartyIdAt(original));
        Party debtor = parties.get(d.debitPartyIdAt(original));
        creditor.post(creditor.accountIndex(currency), -amountMinor);
        debtor.post(debtor.accountIndex(currency), amountMinor);
        d.addReturned(original, amountMinor);
        String uetr = d.uetrAt(original);
        result.partyEvent(LedgerEventType.POSTED, creditor, uetr, currency, -amountMinor, 0);
        result.partyEvent(LedgerEventType.POSTED, debtor, uetr, currency, amountMinor, 0);
    }

    /** True for an ISO 20022 external code: exactly four ASCII upper-case letters or digits. */
    private static boolean isReasonCode(String code) {
        if (code == null || code.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            char ch = code.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }

    private void registerParty(RegisterPartyCommand c, LedgerResult result) {
        if (parties.containsKey(c.partyId)) {
            result.reject(LedgerRejection.PARTY_EXISTS, c.sequence, c.timeMs);
            return;
        }
        parties.put(c.partyId, new Party(c.partyId, c.name, c.roles, parties.size()));
        result.accept(c.sequence, c.timeMs);
    }

    private void openAccount(OpenAccountCommand c, LedgerResult result) {
        Party party = parties.get(c.partyId);
        if (party == null) {
            result.reject(LedgerRejection.UNKNOWN_PARTY, c.sequence, c.timeMs);
            return;
        }
        if (!party.openAccount(c.currency)) {
            result.reject(LedgerRejection.ACCOUNT_EXISTS, c.sequence, c.timeMs);
            return;
        }
        party.post(party.accountIndex(c.currency), c.openingBalanceMinor);
        openingEquityMinor.merge(c.currency, -c.openingBalanceMinor, Long::sum);
        result.partyEvent(LedgerEventType.POSTED, party, null, c.currency, c.openingBalanceMinor, 0);
        result.accept(c.sequence, c.timeMs);
    }

    /** The party with this id, or null. For reads on the ledger thread (ops queries, tests). */
    public Party party(String partyId) {
        return parties.get(partyId);
    }

    /** All parties in registration order. Read-only view; ledger thread only. */
    public Collection<Party> parties() {
        return Collections.unmodifiableCollection(parties.values());
    }

    /** Number of payment decisions remembered: those within the retention window. */
    public int paymentCount() {
        return decidedPayments.size();
    }

    /**
     * Payment decisions the window has room for before it next doubles, a copy of the whole window
     * on the ledger thread ({@link DecidedPayments#room()}).
     */
    public int paymentRoom() {
        return decidedPayments.room();
    }

    /**
     * The room the payment window's next growth makes, or 0 when it never grows again ({@link
     * DecidedPayments#nextRoom()}): what arrays made on another thread for it must hold.
     */
    public int paymentNextRoom() {
        return decidedPayments.nextRoom();
    }

    /**
     * Hands the payment window the arrays of its next growth, allocated on another thread, so that
     * growing only copies into them ({@link DecidedPayments#offer}). Not state: the ledger decides,
     * snapshots and hashes alike with or without them.
     */
    public void offerPaymentWindowArrays(DecidedPayments.WindowArrays arrays) {
        decidedPayments.offer(arrays);
    }

    /**
     * Times the payment window grew as it filled since it was made or read ({@link
     * DecidedPayments#growths()}), and of those, how many into arrays offered to it ({@link
     * #paymentGrowthsIntoOffers()}). Not state.
     */
    public int paymentGrowths() {
        return decidedPayments.growths();
    }

    /** Of {@link #paymentGrowths()}, the growths into arrays {@link #offerPaymentWindowArrays offered}. */
    public int paymentGrowthsIntoOffers() {
        return decidedPayments.growthsIntoOffers();
    }

    /**
     * True when the payment window keeps its ids as bytes ({@link #compactPaymentIds()}; a window
     * too large for one array of them keeps Strings all the same).
     */
    public boolean paymentIdsCompact() {
        return decidedPayments.compactIds();
    }

    /** Payment decisions are remembered this long, milliseconds of journaled receive time. */
    public long paymentRetentionMs() {
        return decidedPayments.retentionMs();
    }

    /** Most payment decisions remembered at once. */
    public int paymentCapacity() {
        return decidedPayments.capacity();
    }

    /** Most receivable-financing messages remembered at once (for their retries). */
    public int messageCapacity() {
        return decidedMessages.capacity();
    }

    /** Most command outcomes of those messages remembered at once. */
    public int messageOutcomeCapacity() {
        return decidedMessages.itemCapacity();
    }

    /**
     * Checks that debits equal credits in every currency, no account is overdrawn, no transfer is
     * returned beyond its amount ({@link DecidedPayments#checkInvariants()}), and the 1+N state is
     * consistent ({@link Receivables#checkInvariants()}). O(state).
     *
     * @return null when the ledger is consistent, else a description of the first breach
     */
    public String checkInvariants() {
        Map<Integer, Long> sums = new TreeMap<>(openingEquityMinor);
        for (Party p : parties.values()) {
            for (int i = 0; i < p.accountCount(); i++) {
                if (p.balanceAt(i) < 0) {
                    return "account " + p.id() + "/" + p.currencyAt(i) + " is overdrawn: " + p.balanceAt(i);
                }
                sums.merge(p.currencyAt(i), p.balanceAt(i), Long::sum);
            }
        }
        for (Map.Entry<Integer, Long> e : sums.entrySet()) {
            if (e.getValue() != 0) {
                return "currency " + e.getKey() + " does not balance: " + e.getValue();
            }
        }
        String payments = decidedPayments.checkInvariants();
        return payments != null ? payments : receivables.checkInvariants();
    }

    /** Receivables, financings, programmes and credit lines. Ledger thread only. */
    public Receivables receivables() {
        return receivables;
    }

    /**
     * The receivable with this id for the ops API: state, parties, amounts, dates, financing,
     * provenance and history; null when there is none. Read-only; allocates the view. Ledger thread
     * only.
     */
    public ReceivableView receivableView(String receivableId) {
        return receivables.view(receivableId);
    }

    /**
     * A bank's exposure for the ops API: per core enterprise and currency, the credit line, what is
     * reserved (pending) and what is used (posted); empty for a bank without lines. Read-only;
     * allocates the view. Ledger thread only.
     */
    public List<ExposureView> exposureView(String bankId) {
        return receivables.exposureView(bankId);
    }

    /** The latest FX rates. Ledger thread only. */
    public FxRates fxRates() {
        return fxRates;
    }

    /**
     * SHA-256 over a domain tag and the {@link #snapshot()}: the whole state in a canonical order
     * (sequence, parties in registration order with accounts in currency order, opening equity in
     * currency order, payment decisions, credit lines, programmes, receivables and financings in
     * journal order, FX rates by pair). Identical after replay of the same commands and after a
     * snapshot round trip. O(state): for ops queries and tests, not for every message.
     */
    public byte[] stateHash() {
        return stateHashOf(snapshot());
    }

    /**
     * True when {@code snapshot} was written in the layout this build writes ({@link #snapshot()}):
     * only then does a ledger loaded from it give back the same bytes, and so the same {@link
     * #stateHash()}. An older layout loads to the same state, whose hash is taken over this build's
     * layout; the hash recorded with the old bytes is {@link #stateHashOf} those bytes.
     */
    public static boolean inCurrentLayout(byte[] snapshot) {
        return snapshot.length >= 8
                && ((snapshot[4] & 0xFF) << 24
                                | (snapshot[5] & 0xFF) << 16
                                | (snapshot[6] & 0xFF) << 8
                                | (snapshot[7] & 0xFF))
                        == SNAPSHOT_VERSION;
    }

    /**
     * The {@link #stateHash()} of the ledger that wrote {@code snapshot}: for a caller that has just
     * taken a {@link #snapshot()} and would otherwise serialise the whole state a second time.
     */
    public static byte[] stateHashOf(byte[] snapshot) {
        MessageDigest sha = stateHashDigest();
        sha.update(snapshot);
        return sha.digest();
    }

    /**
     * A digest that gives the {@link #stateHash()} of the ledger whose snapshot bytes ({@link
     * #writeSnapshot}) it is fed: for a caller that streams the snapshot rather than hold it.
     */
    public static MessageDigest stateHashDigest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        sha.update(HASH_DOMAIN);
        return sha;
    }

    /** Serialises the whole ledger (layout in the class doc). O(state); ledger thread only. */
    public byte[] snapshot() {
        // Sized like the last one, so that a large state is not copied over and over as it grows.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(snapshotSizeHint);
        try {
            writeSnapshot(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        snapshotSizeHint = Math.max(4096, bytes.size() + bytes.size() / 8);
        return bytes.toByteArray();
    }

    /**
     * Writes the bytes {@link #snapshot()} returns to {@code sink}, without holding them: a ledger of
     * millions of payments serialises to hundreds of megabytes, which as one array the collector
     * places as a humongous object (each such allocation starts a marking cycle, and its pause). The
     * same state always writes the same bytes. Buffer {@code sink}: this writes a few bytes at a time.
     */
    public void writeSnapshot(OutputStream sink) throws IOException {
        DataOutputStream out = new DataOutputStream(sink);
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeLong(lastSequence);
        out.writeInt(parties.size());
        for (Party p : parties.values()) {
            out.writeUTF(p.id());
            Snapshots.writeString(out, p.name());
            out.writeInt(p.roles());
            out.writeInt(p.accountCount());
            for (int i = 0; i < p.accountCount(); i++) {
                out.writeInt(p.currencyAt(i));
                out.writeLong(p.balanceAt(i));
            }
        }
        out.writeInt(openingEquityMinor.size());
        for (Map.Entry<Integer, Long> e : openingEquityMinor.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        decidedPayments.write(out);
        receivables.write(out);
        fxRates.write(out);
        decidedMessages.write(out);
        out.writeLong(openDayEpoch);
        out.flush();
    }

    /**
     * A ledger with the state {@link #snapshot()} wrote; its {@link #stateHash()} equals the
     * original's, and it applies the commands after {@link #lastSequence()} as the original would.
     *
     * <p>Reads this version (5) and the ones before: 4, whose receivables carry no amount assigned to
     * a bank, whose programmes no acknowledged member (neither could be, then) and which kept no open
     * business day (read as none); 3, which kept no receivable-financing messages
     * (read with an empty window: a message decided before it is not known as a retry), and 2, whose
     * payment window did not keep what returns and recalls need: the transfers it remembers are still
     * deduplicated, but cannot be returned or recalled (refused as {@link
     * LedgerRejection#UNKNOWN_ORIGINAL}).
     *
     * @throws IllegalArgumentException when the bytes are not a Kapok ledger snapshot of these versions
     */
    public static Ledger fromSnapshot(byte[] snapshot) {
        return fromSnapshot(snapshot, false);
    }

    /**
     * {@link #fromSnapshot(byte[])}, with the payment window's ids kept compact from the start when
     * {@code compactPaymentIds} ({@link #compactPaymentIds()}, without a second copy of the window
     * on the way).
     */
    public static Ledger fromSnapshot(byte[] snapshot, boolean compactPaymentIds) {
        Ledger ledger = new Ledger();
        ledger.compactPaymentIds = compactPaymentIds;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != SNAPSHOT_MAGIC
                    || (version != SNAPSHOT_VERSION
                            && version != SNAPSHOT_VERSION_NO_FACTORING
                            && version != SNAPSHOT_VERSION_NO_MESSAGES
                            && version != SNAPSHOT_VERSION_TRANSFERS_ONLY)) {
                throw new IllegalArgumentException(String.format(
                        "not a ledger snapshot: magic 0x%08X version %d, expected 0x%08X version %d to %d",
                        magic, version, SNAPSHOT_MAGIC, SNAPSHOT_VERSION_TRANSFERS_ONLY, SNAPSHOT_VERSION));
            }
            ledger.lastSequence = in.readLong();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                Party p = new Party(in.readUTF(), Snapshots.readString(in), in.readInt(), i);
                for (int a = 0, accounts = in.readInt(); a < accounts; a++) {
                    int currency = in.readInt();
                    p.openAccount(currency);
                    p.post(p.accountIndex(currency), in.readLong());
                }
                ledger.parties.put(p.id(), p);
            }
            for (int i = 0, n = in.readInt(); i < n; i++) {
                ledger.openingEquityMinor.put(in.readInt(), in.readLong());
            }
            ledger.decidedPayments =
                    DecidedPayments.read(in, version == SNAPSHOT_VERSION_TRANSFERS_ONLY, compactPaymentIds);
            ledger.receivables.read(in, version == SNAPSHOT_VERSION);
            ledger.fxRates.read(in);
            if (version >= SNAPSHOT_VERSION_NO_FACTORING) {
                ledger.decidedMessages = DecidedMessages.read(in);
            }
            if (version == SNAPSHOT_VERSION) {
                ledger.openDay(in.readLong());
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("ledger snapshot has " + in.available() + " trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("ledger snapshot is cut short", e);
        }
        return ledger;
    }
}
