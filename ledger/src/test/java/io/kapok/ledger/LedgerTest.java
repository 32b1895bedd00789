package io.kapok.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.TransferCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private static final int CNY = ('C' << 16) | ('N' << 8) | 'Y';
    private static final int USD = ('U' << 16) | ('S' << 8) | 'D';
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";

    private final Ledger ledger = new Ledger();
    private final LedgerResult result = new LedgerResult();
    private final List<LedgerCommand> history = new ArrayList<>();

    private void apply(LedgerCommand command) {
        command.sequence = ledger.lastSequence() + 1;
        command.timeMs = 1_763_900_000_000L + command.sequence;
        ledger.apply(command, result);
        history.add(command);
    }

    private void world() {
        register(PRBK, PartyRole.BANK);
        register(VHBK, PartyRole.BANK);
        open(PRBK, CNY, 5_000_000_000L);
        open(PRBK, USD, 500_000_000L);
        open(VHBK, CNY, 2_000_000_000L);
    }

    private void register(String id, PartyRole role) {
        RegisterPartyCommand c = new RegisterPartyCommand();
        c.partyId = id;
        c.name = id + " name";
        c.roles = role.bit();
        apply(c);
        assertTrue(result.applied, result.toString());
    }

    private void open(String id, int currency, long openingMinor) {
        OpenAccountCommand c = new OpenAccountCommand();
        c.partyId = id;
        c.currency = currency;
        c.openingBalanceMinor = openingMinor;
        apply(c);
        assertTrue(result.applied, result.toString());
    }

    /** A pacs.008 from {@code from}'s to {@code to}'s settlement account, sent by {@code from}. */
    static TransferCommand transfer(String msgId, String uetr, String from, String to, int currency, long amountMinor) {
        TransferCommand c = new TransferCommand();
        c.senderId = from;
        c.messageId = msgId;
        c.uetr = uetr;
        c.endToEndId = "E2E-" + msgId;
        c.debitPartyId = from;
        c.creditPartyId = to;
        c.currency = currency;
        c.amountMinor = amountMinor;
        return c;
    }

    private long balance(String party, int currency) {
        var p = ledger.party(party);
        return p.balanceAt(p.accountIndex(currency));
    }

    @Test
    void transferDebitsInstructingAndCreditsInstructedAgentInMinorUnits() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 125_000_000L));
        assertTrue(result.applied);
        assertEquals(5_000_000_000L - 125_000_000L, balance(PRBK, CNY));
        assertEquals(2_000_000_000L + 125_000_000L, balance(VHBK, CNY));
        assertNull(ledger.checkInvariants());
    }

    @Test
    void rejectsTransferOverTheBalanceAndChangesNoBalance() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 5_000_000_001L));
        assertFalse(result.applied);
        assertEquals(LedgerRejection.INSUFFICIENT_FUNDS, result.rejection);
        assertEquals(5_000_000_000L, balance(PRBK, CNY));
        assertEquals(2_000_000_000L, balance(VHBK, CNY));
    }

    @Test
    void retryOfTheSameMessageFindsTheOriginalDecision() {
        world();
        TransferCommand first = transfer("M1", "u-1", PRBK, VHBK, CNY, 100L);
        apply(first);
        long decidedAt = result.sequence;
        TransferCommand retry = transfer("M1", "u-1", PRBK, VHBK, CNY, 100L);
        assertTrue(ledger.findDecided(retry, result));
        assertTrue(result.retry);
        assertTrue(result.applied);
        assertEquals(decidedAt, result.sequence);
        assertEquals(first.timeMs, result.timeMs);
    }

    @Test
    void retryOfARejectedMessageFindsTheOriginalRejection() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 9_999_999_999L));
        assertEquals(LedgerRejection.INSUFFICIENT_FUNDS, result.rejection);
        assertTrue(ledger.findDecided(transfer("M1", "u-1", PRBK, VHBK, CNY, 9_999_999_999L), result));
        assertTrue(result.retry);
        assertEquals(LedgerRejection.INSUFFICIENT_FUNDS, result.rejection);
    }

    @Test
    void sameMessageIdWithADifferentPayloadIsADuplicateAndChangesNothing() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L));
        byte[] before = ledger.stateHash();
        TransferCommand conflicting = transfer("M1", "u-2", PRBK, VHBK, CNY, 200L);
        assertTrue(ledger.findDecided(conflicting, result));
        assertFalse(result.retry);
        assertEquals(LedgerRejection.DUPLICATE, result.rejection);
        assertArrayEquals(before, ledger.stateHash());
    }

    @Test
    void sameUetrUnderAnotherMessageIdIsADuplicate() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L));
        assertTrue(ledger.findDecided(transfer("M2", "u-1", PRBK, VHBK, CNY, 100L), result));
        assertEquals(LedgerRejection.DUPLICATE, result.rejection);
    }

    @Test
    void duplicateThatReachesApplyTakesEffectAtMostOnce() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L));
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L));
        assertTrue(result.retry);
        assertEquals(5_000_000_000L - 100L, balance(PRBK, CNY));
    }

    @Test
    void senderMayOnlyDebitItsOwnAccount() {
        world();
        TransferCommand c = transfer("M1", "u-1", PRBK, VHBK, CNY, 100L);
        c.senderId = VHBK;
        apply(c);
        assertEquals(LedgerRejection.NOT_ENTITLED, result.rejection);
        assertEquals(5_000_000_000L, balance(PRBK, CNY));
    }

    @Test
    void rejectsUnknownAccountsAndSelfPayment() {
        world();
        apply(transfer("M1", "u-1", VHBK, PRBK, USD, 100L));
        assertEquals(LedgerRejection.UNKNOWN_DEBIT_ACCOUNT, result.rejection);
        apply(transfer("M2", "u-2", PRBK, "NOBANKXXXXX", CNY, 100L));
        assertEquals(LedgerRejection.UNKNOWN_CREDIT_ACCOUNT, result.rejection);
        apply(transfer("M3", "u-3", PRBK, PRBK, CNY, 100L));
        assertEquals(LedgerRejection.SAME_PARTY, result.rejection);
    }

    @Test
    void snapshotKeepsPaymentDecisionsSoARetryStillGetsTheOriginalAnswer() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L));
        long decidedAt = result.sequence;
        Ledger loaded = Ledger.fromSnapshot(ledger.snapshot());
        assertArrayEquals(ledger.stateHash(), loaded.stateHash());
        assertEquals(ledger.lastSequence(), loaded.lastSequence());
        assertTrue(loaded.findDecided(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L), result));
        assertTrue(result.retry);
        assertEquals(decidedAt, result.sequence);
        assertTrue(loaded.findDecided(transfer("M2", "u-1", PRBK, VHBK, CNY, 100L), result));
        assertEquals(LedgerRejection.DUPLICATE, result.rejection);
        assertEquals(
                5_000_000_000L - 100L,
                loaded.party(PRBK).balanceAt(loaded.party(PRBK).accountIndex(CNY)));
    }

    @Test
    void fromSnapshotRefusesBytesThatAreNotASnapshot() {
        assertThrows(IllegalArgumentException.class, () -> Ledger.fromSnapshot(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        world();
        byte[] snapshot = ledger.snapshot();
        assertThrows(
                IllegalArgumentException.class,
                () -> Ledger.fromSnapshot(Arrays.copyOf(snapshot, snapshot.length - 3)));
    }

    @Test
    void transferReportsOneBalancedPostingPerSide() {
        world();
        apply(transfer("M1", "u-1", PRBK, VHBK, CNY, 100L));
        assertEquals(2, result.eventCount());
        assertEquals(LedgerEventType.POSTED, result.eventType(0));
        assertEquals(PRBK, result.eventSubject(0));
        assertEquals(-100L, result.eventAmountMinor(0));
        assertEquals(VHBK, result.eventSubject(1));
        assertEquals(100L, result.eventAmountMinor(1));
    }

    @Test
    void sequenceGapIsABugAndFailsFast() {
        world();
        TransferCommand c = transfer("M1", "u-1", PRBK, VHBK, CNY, 100L);
        c.sequence = ledger.lastSequence() + 2;
        assertThrows(IllegalStateException.class, () -> ledger.apply(c, result));
    }

    @Test
    void randomizedRunKeepsInvariantsAndReplayGivesTheSameStateHash() {
        long seed = System.nanoTime();
        System.out.println("LedgerTest seed " + seed);
        Random random = new Random(seed);
        world();
        String[] banks = {PRBK, VHBK};
        for (int i = 0; i < 20_000; i++) {
            String from = banks[random.nextInt(2)];
            String to = banks[random.nextInt(2)];
            int currency = random.nextBoolean() ? CNY : USD;
            // Some ids repeat on purpose: retries and conflicts must not change balances twice.
            String msgId = "M" + random.nextInt(15_000);
            TransferCommand c = transfer(
                    msgId,
                    "u-" + msgId + (random.nextInt(10) == 0 ? "x" : ""),
                    from,
                    to,
                    currency,
                    1 + random.nextInt(50_000_000));
            if (ledger.findDecided(c, result)) {
                continue;
            }
            apply(c);
            String breach = ledger.checkInvariants();
            assertNull(breach, "seed " + seed + " step " + i + ": " + breach);
        }
        Ledger replayed = new Ledger();
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : history) {
            replayed.apply(c, r);
        }
        assertTrue(Arrays.equals(ledger.stateHash(), replayed.stateHash()), "seed " + seed);
        assertEquals(ledger.paymentCount(), replayed.paymentCount());
    }
}
