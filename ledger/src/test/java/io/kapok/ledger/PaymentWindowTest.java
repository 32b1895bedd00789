package io.kapok.ledger;

import static io.kapok.ledger.Currencies.CNY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.PaymentPrefetch;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The payment dedupe window: a decided payment is remembered for the retention period of journaled
 * time, then forgotten (so its MsgId and UETR may be used again); at most the capacity is kept,
 * and a payment that finds the window full is refused without changing anything.
 */
class PaymentWindowTest {
    private static final String PRBK = DemoWorld.PRBK;
    private static final String VHBK = DemoWorld.VHBK;
    private static final long DAY_MS = 86_400_000L;
    private static final long START_MS = DemoWorld.TODAY * DAY_MS;

    private Ledger ledger;
    private final LedgerResult result = new LedgerResult();
    private final List<LedgerCommand> history = new ArrayList<>();

    private void world(Ledger l) {
        ledger = l;
        for (String bank : new String[] {PRBK, VHBK}) {
            RegisterPartyCommand party = new RegisterPartyCommand();
            party.partyId = bank;
            party.roles = PartyRole.BANK.bit();
            apply(party, START_MS);
            OpenAccountCommand account = new OpenAccountCommand();
            account.partyId = bank;
            account.currency = CNY;
            account.openingBalanceMinor = 1_000_000_000L;
            apply(account, START_MS);
        }
    }

    private LedgerResult apply(LedgerCommand c, long timeMs) {
        c.sequence = ledger.lastSequence() + 1;
        c.timeMs = timeMs;
        ledger.apply(c, result);
        history.add(c);
        return result;
    }

    private static TransferCommand pay(String msgId, String uetr, long amountMinor) {
        TransferCommand c = new TransferCommand();
        c.senderId = PRBK;
        c.messageId = msgId;
        c.uetr = uetr;
        c.endToEndId = "E2E-" + msgId;
        c.debitPartyId = PRBK;
        c.creditPartyId = VHBK;
        c.currency = CNY;
        c.amountMinor = amountMinor;
        return c;
    }

    private long balance(String party) {
        var p = ledger.party(party);
        return p.balanceAt(p.accountIndex(CNY));
    }

    @Test
    void retryWithinThirtyDaysGetsTheOriginalAnswerAndAfterwardsTheIdsMayBeUsedAgain() {
        world(new Ledger());
        assertTrue(apply(pay("M1", "u-1", 100), START_MS).applied);
        long decidedAt = result.sequence;

        // 29 days and 23 hours later the decision is still remembered: the retry changes nothing.
        assertTrue(apply(pay("M1", "u-1", 100), START_MS + 30 * DAY_MS - 3_600_000L).retry);
        assertEquals(decidedAt, result.sequence);
        assertEquals(1_000_000_000L - 100, balance(PRBK));

        // Thirty days on, it is forgotten: the same MsgId and UETR make a new payment.
        LedgerResult again = apply(pay("M1", "u-1", 100), START_MS + 30 * DAY_MS);
        assertTrue(again.applied);
        assertFalse(again.retry);
        assertEquals(1_000_000_000L - 200, balance(PRBK));
        assertEquals(1, ledger.paymentCount());
    }

    /**
     * A command object reused for the next payment, as the gateway's ring slots are, is judged by
     * what it says now: keys computed for its previous content are not used once a field changed,
     * even when the MsgId stays the same String.
     */
    @Test
    void aCommandRefilledAfterItsKeysWereComputedIsJudgedByItsNewContent() {
        world(new Ledger(30, 64));
        TransferCommand c = pay("M-1", "u-1", 100);
        c.computeKeys();
        assertTrue(apply(c, START_MS).applied);
        long balanceAfterFirst = balance(PRBK);

        c.amountMinor = 101; // same MsgId String, same UETR, another amount: a conflicting reuse
        LedgerResult reuse = apply(c, START_MS + 1);
        assertFalse(reuse.applied);
        assertEquals(LedgerRejection.DUPLICATE, reuse.rejection);
        assertFalse(reuse.retry);

        c.amountMinor = 100; // back to what was decided: a retry, answered as the original
        LedgerResult retry = apply(c, START_MS + 2);
        assertTrue(retry.applied);
        assertTrue(retry.retry);

        c.messageId = "M-2";
        c.uetr = "u-2";
        c.endToEndId = "E2E-M-2"; // a new payment in the same object, keys not computed again by the filler
        assertTrue(apply(c, START_MS + 3).applied);
        assertEquals(balanceAfterFirst - 100, balance(PRBK));

        byte[] hash = ledger.stateHash();
        Ledger replayed = new Ledger(30, 64); // the same payments, each in a command of its own
        world(replayed);
        TransferCommand[] again = {
            pay("M-1", "u-1", 100), pay("M-1", "u-1", 101), pay("M-1", "u-1", 100), pay("M-2", "u-2", 100)
        };
        for (int i = 0; i < again.length; i++) {
            apply(again[i], START_MS + i);
        }
        assertArrayEquals(hash, replayed.stateHash());
    }

    @Test
    void prefetchHintsChangeNothingAndAnswerTheSameAsNoHints() {
        Ledger hinted = new Ledger(30, 64);
        world(hinted);
        PaymentPrefetch prefetch = new PaymentPrefetch();
        List<LedgerCommand> applied = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            // Each batch: new payments, a retry of an old one, a reuse of an old MsgId with another
            // UETR, and time moving on a week, so the window forgets while hints point at what it forgets.
            List<TransferCommand> commands = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                commands.add(pay("M" + batch + "-" + i, "u-" + batch + "-" + i, 100 + i));
            }
            if (batch > 0) {
                commands.add(pay("M" + (batch - 1) + "-0", "u-" + (batch - 1) + "-0", 100));
                commands.add(pay("M" + (batch - 1) + "-1", "u-other-" + batch, 101));
            }
            prefetch.clear();
            byte[] before = hinted.stateHash();
            for (TransferCommand c : commands) {
                prefetch.add(c);
            }
            prefetch.add(PRBK, "never-sent", "u-never");
            hinted.prefetch(prefetch);
            assertArrayEquals(before, hinted.stateHash(), "a hint alone changed the state");
            for (TransferCommand c : commands) {
                LedgerResult r = apply(c, START_MS + batch * 7 * DAY_MS);
                applied.add(c);
                answers.add(r.applied + "/" + r.retry + "/" + r.rejection + "/" + r.sequence);
            }
        }
        assertTrue(answers.stream().anyMatch(a -> a.startsWith("true/true")), "no retry was answered");
        assertTrue(answers.stream().anyMatch(a -> a.startsWith("false/false/DUPLICATE")), "no reuse was refused");

        Ledger plain = new Ledger(30, 64);
        world(plain);
        for (int i = 0; i < applied.size(); i++) {
            LedgerCommand c = applied.get(i);
            plain.apply(c, result);
            assertEquals(
                    answers.get(i),
                    result.applied + "/" + result.retry + "/" + result.rejection + "/" + result.sequence);
        }
        assertArrayEquals(hinted.stateHash(), plain.stateHash());
    }

    /**
     * A ledger whose window turns compact while it holds decisions (settled, refused, with ids too
     * long or not Latin-1 to be kept as bytes) answers retries, reuses and returns of them, and
     * hashes, exactly as one that kept its Strings.
     */
    @Test
    void aLedgerTurnedCompactWhileHoldingDecisionsAnswersAndHashesAsAPlainOne() {
        world(new Ledger(30, 64));
        String longId = "M-" + "x".repeat(60);
        String wideId = "M-\u4e2d\u6587";
        List<LedgerCommand> commands = new ArrayList<>(List.of(
                pay("M1", "u-1", 100),
                pay("M2", "u-2", 200),
                pay("M3", "u-3", 2_000_000_000L), // refused: insufficient funds
                pay(longId, "u-4-" + "y".repeat(60), 400),
                pay(wideId, "u-5-\u00e9", 500)));
        List<String> answers = new ArrayList<>();
        for (LedgerCommand c : commands) {
            LedgerResult r = apply(c, START_MS);
            answers.add(r.applied + "/" + r.retry + "/" + r.rejection + "/" + r.sequence);
        }
        ledger.compactPaymentIds();
        ReturnPaymentCommand returned = new ReturnPaymentCommand();
        returned.senderId = VHBK;
        returned.returnId = "R1";
        returned.originalUetr = "u-2";
        returned.originalMessageId = "M2";
        returned.currency = CNY;
        returned.amountMinor = 50;
        returned.reasonCode = "AC04";
        List<LedgerCommand> after = List.of(
                pay("M1", "u-1", 100), // a retry
                pay("M2", "u-other", 200), // the MsgId reused
                pay("M9", "u-1", 100), // the UETR reused
                pay("M3", "u-3", 2_000_000_000L), // the refusal's retry
                pay(longId, "u-4-" + "y".repeat(60), 400),
                pay(wideId, "u-5-\u00e9", 500),
                pay("M10", "u-10", 1_000),
                // New decisions whose ids do not fit the compact window's bytes, from encoded ids.
                pay(longId + "-2", "u-6-" + "z".repeat(40), 600),
                pay(wideId + "-2", "u-7-\u4e2d", 700),
                pay("M-" + "w".repeat(38), "u-8", 800), // 40 characters: the longest kept as bytes
                pay(longId + "-2", "u-6-" + "z".repeat(40), 600), // their retries
                pay(wideId + "-2", "u-7-\u4e2d", 700),
                pay("M-" + "w".repeat(38), "u-8", 800),
                returned);
        for (LedgerCommand c : after) {
            LedgerResult r = apply(c, START_MS + DAY_MS);
            answers.add(r.applied + "/" + r.retry + "/" + r.rejection + "/" + r.sequence);
            commands.add(c);
        }
        assertTrue(answers.stream().filter(a -> a.startsWith("true/true")).count() >= 6, answers.toString());
        assertTrue(answers.stream().anyMatch(a -> a.startsWith("false/false/DUPLICATE")), answers.toString());
        assertTrue(answers.get(answers.size() - 1).startsWith("true/false"), "the return of M2: " + answers);

        Ledger compact = ledger;
        List<LedgerCommand> all = new ArrayList<>(history);
        Ledger plain = new Ledger(30, 64);
        List<String> plainAnswers = new ArrayList<>();
        for (LedgerCommand c : all) {
            plain.apply(c, result);
            if (commands.contains(c)) {
                plainAnswers.add(result.applied + "/" + result.retry + "/" + result.rejection + "/" + result.sequence);
            }
        }
        assertEquals(answers, plainAnswers);
        assertArrayEquals(plain.stateHash(), compact.stateHash());
        assertArrayEquals(plain.snapshot(), compact.snapshot());
    }

    @Test
    void paymentPrefetchHoldsAtMostItsBatchAndEmptiesOnClear() {
        PaymentPrefetch prefetch = new PaymentPrefetch();
        for (int i = 0; i < PaymentPrefetch.PAYMENTS_MAX + 5; i++) {
            prefetch.add(PRBK, "M" + i, i % 2 == 0 ? null : "u-" + i);
        }
        assertEquals(PaymentPrefetch.PAYMENTS_MAX, prefetch.count());
        assertTrue(prefetch.full());
        prefetch.clear();
        assertEquals(0, prefetch.count());
        assertFalse(prefetch.full());
        new Ledger().prefetch(prefetch); // an empty batch, an empty window: nothing to load
    }

    @Test
    void windowRemembersUpToItsCapacityThenRefusesAndChangesNothing() {
        world(new Ledger(30, 2));
        assertTrue(apply(pay("M1", "u-1", 100), START_MS).applied);
        assertTrue(apply(pay("M2", "u-2", 100), START_MS + DAY_MS).applied);
        byte[] before = ledger.stateHash();

        LedgerResult full = apply(pay("M3", "u-3", 100), START_MS + 2 * DAY_MS);
        assertFalse(full.applied);
        assertEquals(LedgerRejection.PAYMENT_WINDOW_FULL, full.rejection);
        assertEquals(0, full.eventCount());
        assertEquals(2, ledger.paymentCount());
        assertEquals(1_000_000_000L - 200, balance(PRBK));
        assertFalse(ledger.findDecided(pay("M3", "u-3", 100), result), "a refused-for-room payment is not remembered");

        // Once M1 is thirty days old it is forgotten and M3 finds room.
        assertTrue(apply(pay("M3", "u-3", 100), START_MS + 30 * DAY_MS).applied);
        assertEquals(2, ledger.paymentCount());
        assertTrue(ledger.findDecided(pay("M2", "u-2", 100), result));
        assertFalse(ledger.findDecided(pay("M1", "u-1", 100), result));
        assertFalse(java.util.Arrays.equals(before, ledger.stateHash()));
    }

    @Test
    void replayAndSnapshotForgetTheSameDecisionsAndGiveTheSameStateHash() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        world(new Ledger(3, 400));
        long timeMs = START_MS;
        byte[] midSnapshot = null;
        int midHistory = 0;
        int refusedForRoom = 0;
        for (int i = 0; i < 20_000; i++) {
            timeMs +=
                    random.nextInt(1_200_000); // on average 10 minutes: about 430 payments in 3 days, over the 400 kept
            String id = "M" + random.nextInt(3_000); // ids come back, inside and outside the window
            LedgerResult r = apply(pay(id, "u-" + id, 1 + random.nextInt(1_000)), timeMs);
            refusedForRoom += r.rejection == LedgerRejection.PAYMENT_WINDOW_FULL ? 1 : 0;
            assertTrue(ledger.paymentCount() <= 400, "seed " + seed);
            if (i == 10_000) {
                midSnapshot = ledger.snapshot();
                midHistory = history.size();
            }
        }
        assertTrue(refusedForRoom > 0, "the run should fill the window now and then; seed " + seed);
        Ledger replayed = new Ledger(3, 400);
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : history) {
            replayed.apply(c, r);
        }
        assertArrayEquals(ledger.stateHash(), replayed.stateHash(), "seed " + seed);
        Ledger resumed = Ledger.fromSnapshot(midSnapshot);
        assertEquals(3 * DAY_MS, resumed.paymentRetentionMs());
        assertEquals(400, resumed.paymentCapacity());
        for (LedgerCommand c : history.subList(midHistory, history.size())) {
            resumed.apply(c, r);
        }
        assertArrayEquals(ledger.stateHash(), resumed.stateHash(), "seed " + seed);
    }

    @Test
    void windowSettingsAreInTheStateHash() {
        world(new Ledger(30, 100));
        byte[] thirtyDays = ledger.stateHash();
        history.clear();
        world(new Ledger(31, 100));
        assertFalse(java.util.Arrays.equals(thirtyDays, ledger.stateHash()));
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirName() {
        IllegalArgumentException days = assertThrows(IllegalArgumentException.class, () -> new Ledger(0, 100));
        assertTrue(days.getMessage().contains("paymentRetentionDays 0"), days.getMessage());
        IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class, () -> new Ledger(30, 0));
        assertTrue(capacity.getMessage().contains("capacity 0"), capacity.getMessage());
    }

    private static ConfigureLedgerCommand configure(int retentionDays, int capacity) {
        return configure(
                retentionDays, capacity, Ledger.MESSAGE_CAPACITY_DEFAULT, Ledger.MESSAGE_ITEM_CAPACITY_DEFAULT);
    }

    private static ConfigureLedgerCommand configure(
            int retentionDays, int capacity, int messageCapacity, int messageOutcomeCapacity) {
        ConfigureLedgerCommand c = new ConfigureLedgerCommand();
        c.paymentRetentionDays = retentionDays;
        c.paymentCapacity = capacity;
        c.messageCapacity = messageCapacity;
        c.messageOutcomeCapacity = messageOutcomeCapacity;
        return c;
    }

    @Test
    void settingsJournaledAsTheFirstCommandDecideEveryPaymentAndReplayToTheSameHash() {
        ledger = new Ledger();
        assertTrue(apply(configure(2, 3, 5, 16), 0).applied);
        assertEquals(2 * DAY_MS, ledger.paymentRetentionMs());
        assertEquals(3, ledger.paymentCapacity());
        assertEquals(5, ledger.messageCapacity());
        assertEquals(16, ledger.messageOutcomeCapacity());
        world(ledger);
        for (int i = 1; i <= 3; i++) {
            assertTrue(apply(pay("M" + i, "u-" + i, 100), START_MS + i).applied, "M" + i);
        }
        long before = balance(PRBK);
        assertEquals(LedgerRejection.PAYMENT_WINDOW_FULL, apply(pay("M4", "u-4", 100), START_MS + 4).rejection);
        assertEquals(before, balance(PRBK));
        assertEquals(3, ledger.paymentCount(), "the refused payment is not remembered");
        // Two days after M1 and M2 (received at +1 and +2 ms), they leave the window; M3 stays.
        assertTrue(apply(pay("M5", "u-5", 100), START_MS + 2 * DAY_MS + 2).applied);
        assertEquals(2, ledger.paymentCount(), "M3 and M5");
        assertTrue(apply(pay("M3", "u-3", 100), START_MS + 2 * DAY_MS + 2).retry, "M3 is still answered");

        Ledger replayed = new Ledger(); // default settings until entry 1 says otherwise
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : history) {
            replayed.apply(c, r);
        }
        assertEquals(3, replayed.paymentCapacity());
        assertEquals(5, replayed.messageCapacity());
        assertArrayEquals(ledger.stateHash(), replayed.stateHash());
        Ledger resumed = Ledger.fromSnapshot(ledger.snapshot());
        assertEquals(2 * DAY_MS, resumed.paymentRetentionMs());
        assertEquals(3, resumed.paymentCapacity());
        assertEquals(16, resumed.messageOutcomeCapacity());
        assertArrayEquals(ledger.stateHash(), resumed.stateHash());
    }

    @Test
    void settingsAfterTheFirstCommandOrOutOfRangeAreRefusedAndChangeNothing() {
        world(new Ledger());
        for (int i = 1; i <= 3; i++) {
            assertTrue(apply(pay("M" + i, "u-" + i, 100), START_MS + i).applied, "M" + i);
        }
        long before = balance(PRBK);
        assertEquals(LedgerRejection.SETTINGS_REFUSED, apply(configure(2, 3), START_MS + 10).rejection);
        assertEquals(Ledger.PAYMENT_CAPACITY_DEFAULT, ledger.paymentCapacity());
        assertEquals(Ledger.PAYMENT_RETENTION_DAYS_DEFAULT * DAY_MS, ledger.paymentRetentionMs());
        assertEquals(3, ledger.paymentCount(), "the window's decisions are all still there");
        assertEquals(before, balance(PRBK));
        assertTrue(apply(pay("M2", "u-2", 100), START_MS + 11).retry, "a retry still finds its decision");
        assertEquals(LedgerRejection.DUPLICATE, apply(pay("M9", "u-1", 100), START_MS + 12).rejection);
        // A replay of every entry, the refused one included, comes to the same state.
        Ledger replayed = new Ledger();
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : history) {
            replayed.apply(c, r);
        }
        assertArrayEquals(ledger.stateHash(), replayed.stateHash());

        for (ConfigureLedgerCommand bad : new ConfigureLedgerCommand[] {
            configure(0, 3),
            configure(Ledger.PAYMENT_RETENTION_DAYS_MAX + 1, 3),
            configure(30, 0),
            configure(30, -1),
            configure(30, 3, 0, 16),
            configure(30, 3, 5, 24), // outcomes: not a power of two
            configure(30, 3, 5, 0)
        }) {
            Ledger first = new Ledger();
            bad.sequence = 1;
            first.apply(bad, r);
            assertEquals(LedgerRejection.SETTINGS_REFUSED, r.rejection);
            assertEquals(Ledger.PAYMENT_CAPACITY_DEFAULT, first.paymentCapacity());
            assertEquals(Ledger.PAYMENT_RETENTION_DAYS_DEFAULT * DAY_MS, first.paymentRetentionMs());
            assertEquals(Ledger.MESSAGE_CAPACITY_DEFAULT, first.messageCapacity());
        }
    }

    @Test
    void preallocatingTheWindowChangesNoDecisionAndNotTheStateHash() {
        world(new Ledger(30, 5_000));
        for (int i = 0; i < 1_500; i++) {
            apply(pay("M" + i, "u-" + i, 1), START_MS + i);
        }
        byte[] hash = ledger.stateHash();
        ledger.preallocatePaymentWindow();
        assertArrayEquals(hash, ledger.stateHash());
        assertTrue(apply(pay("M7", "u-7", 1), START_MS + 2_000).retry, "a retry still finds its decision");
        for (int i = 1_500; i < 5_000; i++) {
            assertTrue(apply(pay("M" + i, "u-" + i, 1), START_MS + i).applied, "M" + i);
        }
        assertEquals(LedgerRejection.PAYMENT_WINDOW_FULL, apply(pay("MX", "u-x", 1), START_MS + 5_000).rejection);
    }
}
