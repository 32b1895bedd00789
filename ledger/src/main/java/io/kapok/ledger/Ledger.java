package io.kapok.ledger;

import io.kapok.ledger.fx.FxRates;
import io.kapok.ledger.fx.SetFxRateCommand;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.Party;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.DecidedPayments;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.CancelFinancingCommand;
import io.kapok.ledger.receivable.CancelReceivableCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.CreateProgrammeCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DisburseFinancingCommand;
import io.kapok.ledger.receivable.ExposureView;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.ReceivableView;
import io.kapok.ledger.receivable.Receivables;
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
 * retention window (see {@link DecidedPayments}); and those of {@link
 * Receivables#checkInvariants()} (children sum to parents, no double or over-financing, exposure
 * within every credit line).
 *
 * <p>Snapshot layout ({@link #snapshot()}), big-endian, strings as modified UTF-8 with a u16 length
 * (nullable ones behind a presence byte):
 *
 * <pre>
 *  magic "KPKS" int32 · version int32 · lastSequence int64
 *  parties      count int32 · { id · name · roles int32 · accounts int32 · { currency int32 · balance int64 } }
 *  equity       count int32 · { currency int32 · amount int64 }                      (currency order)
 *  payments     see {@link DecidedPayments#write}: capacity, retention, decisions in journal order
 *  receivables  see {@link Receivables#write}: credit lines, programmes, receivables, financings
 *  fx rates     see {@link FxRates#write}
 * </pre>
 *
 * The state hash is SHA-256 over a domain tag and this snapshot, so the snapshot holds exactly the
 * state the hash covers, in the same canonical (journal, registration or currency) order.
 */
public final class Ledger {
    private static final byte[] HASH_DOMAIN = "kapok-ledger-state-v2".getBytes(StandardCharsets.US_ASCII);
    private static final int SNAPSHOT_MAGIC = 0x4B504B53; // "KPKS"
    private static final int SNAPSHOT_VERSION = 2;
    private static final long MS_PER_DAY = 86_400_000L;

    /** Default payment retention window, days. */
    public static final int PAYMENT_RETENTION_DAYS_DEFAULT = 30;
    /** Longest payment retention window, days: ten years. */
    public static final int PAYMENT_RETENTION_DAYS_MAX = 3650;
    /** Default most payment decisions remembered at once: 2^22 (about 4.2 million). */
    public static final int PAYMENT_CAPACITY_DEFAULT = 1 << 22;

    private final Map<String, Party> parties = new LinkedHashMap<>();
    /** Opening equity per packed currency: minus the sum of all opening balances. */
    private final TreeMap<Integer, Long> openingEquityMinor = new TreeMap<>();
    /** Payment decisions within the retention window, by (sender, MsgId) and by UETR. */
    private DecidedPayments decidedPayments;

    private final Receivables receivables = new Receivables(parties);
    private final FxRates fxRates = new FxRates();
    private long lastSequence;

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
        if (paymentRetentionDays < 1 || paymentRetentionDays > PAYMENT_RETENTION_DAYS_MAX) {
            throw new IllegalArgumentException(
                    "paymentRetentionDays " + paymentRetentionDays + " outside 1.." + PAYMENT_RETENTION_DAYS_MAX);
        }
        this.decidedPayments = new DecidedPayments(paymentCapacity, paymentRetentionDays * MS_PER_DAY);
    }

    /** Sequence of the last command applied (0 for an empty ledger). */
    public long lastSequence() {
        return lastSequence;
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
            case TRANSFER -> transfer((TransferCommand) command, result);
            case SET_CREDIT_LINE ->
                decide(command, receivables.setCreditLine((SetCreditLineCommand) command, result), result);
            case CREATE_PROGRAMME ->
                decide(command, receivables.createProgramme((CreateProgrammeCommand) command, result), result);
            case ONBOARD_PARTY -> decide(command, receivables.onboard((OnboardPartyCommand) command, result), result);
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
            case DISBURSE_FINANCING ->
                decide(command, receivables.disburse((DisburseFinancingCommand) command, result), result);
            case CANCEL_FINANCING ->
                decide(command, receivables.cancelFinancing((CancelFinancingCommand) command, result), result);
            case SETTLE_RECEIVABLE ->
                decide(command, receivables.settle((SettleReceivableCommand) command, result), result);
        }
        lastSequence = command.sequence;
    }

    private static void decide(LedgerCommand command, LedgerRejection rejection, LedgerResult result) {
        if (rejection == null) {
            result.accept(command.sequence, command.timeMs);
        } else {
            result.reject(rejection, command.sequence, command.timeMs);
        }
    }

    /**
     * Tells, without changing anything, whether a transfer was already decided: returns false for a
     * new payment; otherwise fills {@code result} with the original outcome ({@code retry} set) for
     * an identical retry, or with {@link LedgerRejection#DUPLICATE} for a different payment reusing
     * the message id or the UETR, and returns true. The sequencer calls this before journaling, so
     * a duplicate changes nothing, not even the journal.
     */
    public boolean findDecided(TransferCommand command, LedgerResult result) {
        result.clear();
        DecidedPayments decided = decidedPayments;
        int slot = decided.findByMessage(command.senderId, command.messageId);
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
        if (decided.findByUetr(command.uetr) >= 0) {
            result.reject(LedgerRejection.DUPLICATE, 0, 0);
            return true;
        }
        return false;
    }

    private void transfer(TransferCommand c, LedgerResult result) {
        // Time moves on first, so replay forgets exactly what the live run forgot.
        decidedPayments.forget(c.timeMs);
        if (findDecided(c, result)) {
            return; // a duplicate that reached the journal anyway changes nothing
        }
        if (decidedPayments.full()) {
            result.reject(LedgerRejection.PAYMENT_WINDOW_FULL, c.sequence, c.timeMs);
            return; // not remembered: a retry is decided again, and may find room then
        }
        Party debit = parties.get(c.debitPartyId);
        Party credit = parties.get(c.creditPartyId);
        int debitIndex = debit == null ? -1 : debit.accountIndex(c.currency);
        int creditIndex = credit == null ? -1 : credit.accountIndex(c.currency);
        LedgerRejection rejection = checkTransfer(c, debit, debitIndex, creditIndex);
        decidedPayments.remember(c.senderId, c.messageId, c.uetr, c.sequence, c.timeMs, rejection, c.fingerprint());
        if (rejection != null) {
            result.reject(rejection, c.sequence, c.timeMs);
            return;
        }
        debit.post(debitIndex, -c.amountMinor);
        credit.post(creditIndex, c.amountMinor);
        result.event(LedgerEventType.POSTED, debit.id(), c.uetr, c.currency, -c.amountMinor, 0);
        result.event(LedgerEventType.POSTED, credit.id(), c.uetr, c.currency, c.amountMinor, 0);
        result.accept(c.sequence, c.timeMs);
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

    private void registerParty(RegisterPartyCommand c, LedgerResult result) {
        if (parties.containsKey(c.partyId)) {
            result.reject(LedgerRejection.PARTY_EXISTS, c.sequence, c.timeMs);
            return;
        }
        parties.put(c.partyId, new Party(c.partyId, c.name, c.roles));
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
        result.event(LedgerEventType.POSTED, party.id(), null, c.currency, c.openingBalanceMinor, 0);
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

    /** Payment decisions are remembered this long, milliseconds of journaled receive time. */
    public long paymentRetentionMs() {
        return decidedPayments.retentionMs();
    }

    /** Most payment decisions remembered at once. */
    public int paymentCapacity() {
        return decidedPayments.capacity();
    }

    /**
     * Checks that debits equal credits in every currency, no account is overdrawn, and the 1+N state
     * is consistent ({@link Receivables#checkInvariants()}). O(state).
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
        return receivables.checkInvariants();
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
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        sha.update(HASH_DOMAIN);
        sha.update(snapshot());
        return sha.digest();
    }

    /** Serialises the whole ledger (layout in the class doc). O(state); ledger thread only. */
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * A ledger with the state {@link #snapshot()} wrote; its {@link #stateHash()} equals the
     * original's, and it applies the commands after {@link #lastSequence()} as the original would.
     *
     * @throws IllegalArgumentException when the bytes are not a Kapok ledger snapshot of this version
     */
    public static Ledger fromSnapshot(byte[] snapshot) {
        Ledger ledger = new Ledger();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int magic = in.readInt();
            int version = in.readInt();
            if (magic != SNAPSHOT_MAGIC || version != SNAPSHOT_VERSION) {
                throw new IllegalArgumentException(String.format(
                        "not a ledger snapshot: magic 0x%08X version %d, expected 0x%08X version %d",
                        magic, version, SNAPSHOT_MAGIC, SNAPSHOT_VERSION));
            }
            ledger.lastSequence = in.readLong();
            for (int i = 0, n = in.readInt(); i < n; i++) {
                Party p = new Party(in.readUTF(), Snapshots.readString(in), in.readInt());
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
            ledger.decidedPayments = DecidedPayments.read(in);
            ledger.receivables.read(in);
            ledger.fxRates.read(in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("ledger snapshot has " + in.available() + " trailing bytes");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("ledger snapshot is cut short", e);
        }
        return ledger;
    }
}
