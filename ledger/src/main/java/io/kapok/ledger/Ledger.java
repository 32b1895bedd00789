package io.kapok.ledger;

import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.Party;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.PaymentRecord;
import io.kapok.ledger.payment.TransferCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * negative; a (sender, message id) and a UETR each take effect at most once.
 */
public final class Ledger {
    private static final byte[] HASH_DOMAIN = "kapok-ledger-state-v1".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Party> parties = new LinkedHashMap<>();
    /** Opening equity per packed currency: minus the sum of all opening balances. */
    private final TreeMap<Integer, Long> openingEquityMinor = new TreeMap<>();
    /** Payment decisions by "sender \u0000 messageId", in journal order. */
    private final Map<String, PaymentRecord> paymentsByMessageKey = new LinkedHashMap<>();

    private final Map<String, PaymentRecord> paymentsByUetr = new HashMap<>();
    private long lastSequence;

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
        }
        lastSequence = command.sequence;
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
        PaymentRecord byKey = paymentsByMessageKey.get(messageKey(command));
        if (byKey != null) {
            if (byKey.fingerprint() == command.fingerprint()) {
                if (byKey.rejection() == null) {
                    result.accept(byKey.sequence(), byKey.timeMs());
                } else {
                    result.reject(byKey.rejection(), byKey.sequence(), byKey.timeMs());
                }
                result.retry = true;
            } else {
                result.reject(LedgerRejection.DUPLICATE, 0, 0);
            }
            return true;
        }
        if (paymentsByUetr.containsKey(command.uetr)) {
            result.reject(LedgerRejection.DUPLICATE, 0, 0);
            return true;
        }
        return false;
    }

    private void transfer(TransferCommand c, LedgerResult result) {
        if (findDecided(c, result)) {
            return; // a duplicate that reached the journal anyway changes nothing
        }
        LedgerRejection rejection = checkTransfer(c);
        String key = messageKey(c);
        PaymentRecord record = new PaymentRecord(c.sequence, c.timeMs, rejection, c.fingerprint(), c.uetr);
        paymentsByMessageKey.put(key, record);
        paymentsByUetr.put(c.uetr, record);
        if (rejection != null) {
            result.reject(rejection, c.sequence, c.timeMs);
            return;
        }
        Party debit = parties.get(c.debitPartyId);
        Party credit = parties.get(c.creditPartyId);
        debit.post(debit.accountIndex(c.currency), -c.amountMinor);
        credit.post(credit.accountIndex(c.currency), c.amountMinor);
        result.accept(c.sequence, c.timeMs);
    }

    private LedgerRejection checkTransfer(TransferCommand c) {
        if (!c.senderId.equals(c.debitPartyId)) {
            return LedgerRejection.NOT_ENTITLED;
        }
        if (c.debitPartyId.equals(c.creditPartyId)) {
            return LedgerRejection.SAME_PARTY;
        }
        Party debit = parties.get(c.debitPartyId);
        int debitIndex = debit == null ? -1 : debit.accountIndex(c.currency);
        if (debitIndex < 0) {
            return LedgerRejection.UNKNOWN_DEBIT_ACCOUNT;
        }
        Party credit = parties.get(c.creditPartyId);
        if (credit == null || credit.accountIndex(c.currency) < 0) {
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

    /** Number of payment messages decided (applied or rejected). */
    public int paymentCount() {
        return paymentsByMessageKey.size();
    }

    /**
     * Checks that debits equal credits in every currency and no account is overdrawn.
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
        return null;
    }

    /**
     * SHA-256 over the whole state in a canonical order: sequence, parties (registration order)
     * with their accounts (currency order), opening equity (currency order), payment decisions
     * (journal order). Identical after replay of the same commands. O(state): for ops queries and
     * tests, not for every message.
     */
    public byte[] stateHash() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        ByteBuffer buf = ByteBuffer.allocate(64);
        sha.update(HASH_DOMAIN);
        sha.update(buf.clear().putLong(lastSequence).flip());
        for (Party p : parties.values()) {
            updateString(sha, p.id());
            updateString(sha, p.name());
            sha.update(buf.clear().putInt(p.roles()).putInt(p.accountCount()).flip());
            for (int i = 0; i < p.accountCount(); i++) {
                sha.update(buf.clear()
                        .putInt(p.currencyAt(i))
                        .putLong(p.balanceAt(i))
                        .flip());
            }
        }
        for (Map.Entry<Integer, Long> e : openingEquityMinor.entrySet()) {
            sha.update(buf.clear().putInt(e.getKey()).putLong(e.getValue()).flip());
        }
        for (Map.Entry<String, PaymentRecord> e : paymentsByMessageKey.entrySet()) {
            PaymentRecord r = e.getValue();
            updateString(sha, e.getKey());
            updateString(sha, r.uetr());
            sha.update(buf.clear()
                    .putLong(r.sequence())
                    .putLong(r.timeMs())
                    .putInt(r.rejection() == null ? 0 : r.rejection().number())
                    .putLong(r.fingerprint())
                    .flip());
        }
        return sha.digest();
    }

    private static void updateString(MessageDigest sha, String s) {
        byte[] bytes = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).flip());
        sha.update(bytes);
    }

    private static String messageKey(TransferCommand c) {
        return c.senderId + '\u0000' + c.messageId;
    }
}
