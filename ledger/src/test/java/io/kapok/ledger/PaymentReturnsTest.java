package io.kapok.ledger;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.Currencies.USD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.RecallPaymentCommand;
import io.kapok.ledger.payment.RecallState;
import io.kapok.ledger.payment.ResolveRecallCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Returns (pacs.004) and recalls (camt.056 → camt.029) of settled transfers: Pearl River Bank pays
 * Victoria Harbour Bank CNY 1,000.00; Victoria Harbour Bank returns it (in full or in parts), or
 * Pearl River Bank recalls it and Victoria Harbour Bank accepts or rejects the recall.
 */
class PaymentReturnsTest {
    private static final String PRBK = DemoWorld.PRBK;
    private static final String VHBK = DemoWorld.VHBK;
    private static final String LTBK = "LTBKMOMXXXX";
    private static final String UETR = "6a1c2b3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    private static final long OPENING_MINOR = 1_000_000_00L;
    private static final long PAID_MINOR = 1_000_00L;
    private static final long START_MS = DemoWorld.TODAY * 86_400_000L;

    private final Ledger ledger = new Ledger();
    private final LedgerResult result = new LedgerResult();
    private final List<LedgerCommand> history = new ArrayList<>();

    PaymentReturnsTest() {
        for (String bank : new String[] {PRBK, VHBK, LTBK}) {
            RegisterPartyCommand party = new RegisterPartyCommand();
            party.partyId = bank;
            party.roles = PartyRole.BANK.bit();
            apply(party);
            OpenAccountCommand account = new OpenAccountCommand();
            account.partyId = bank;
            account.currency = CNY;
            account.openingBalanceMinor = OPENING_MINOR;
            apply(account);
        }
        assertTrue(
                apply(LedgerTest.transfer("PRBK-MSG-1", UETR, PRBK, VHBK, CNY, PAID_MINOR)).applied, result.toString());
    }

    private LedgerResult apply(LedgerCommand c) {
        c.sequence = ledger.lastSequence() + 1;
        c.timeMs = START_MS + c.sequence;
        ledger.apply(c, result);
        history.add(c);
        assertNull(ledger.checkInvariants());
        return result;
    }

    private static ReturnPaymentCommand returnOf(String sender, String returnId, long amountMinor) {
        ReturnPaymentCommand c = new ReturnPaymentCommand();
        c.senderId = sender;
        c.returnId = returnId;
        c.originalUetr = UETR;
        c.originalMessageId = "PRBK-MSG-1";
        c.currency = CNY;
        c.amountMinor = amountMinor;
        c.reasonCode = "AC04";
        return c;
    }

    private static RecallPaymentCommand recall(String sender, String recallId) {
        RecallPaymentCommand c = new RecallPaymentCommand();
        c.senderId = sender;
        c.recallId = recallId;
        c.originalUetr = UETR;
        c.reasonCode = "DUPL";
        return c;
    }

    private static ResolveRecallCommand resolve(String resolutionId, String recallId, boolean accept, String reason) {
        ResolveRecallCommand c = new ResolveRecallCommand();
        c.senderId = VHBK;
        c.resolutionId = resolutionId;
        c.originalUetr = UETR;
        c.recallId = recallId;
        c.accept = accept;
        c.reasonCode = reason;
        return c;
    }

    private long balance(String party) {
        var p = ledger.party(party);
        return p.balanceAt(p.accountIndex(CNY));
    }

    private void assertRefused(LedgerRejection expected) {
        assertFalse(result.applied, result.toString());
        assertEquals(expected, result.rejection);
        assertEquals(0, result.eventCount(), "a refusal posts nothing");
    }

    private int eventIndex(LedgerEventType type) {
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) == type) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void fullReturnPostsTheAmountBackFromCreditorToDebtor() {
        apply(returnOf(VHBK, "VHBK-RTR-1", PAID_MINOR));

        assertTrue(result.applied, result.toString());
        assertEquals(OPENING_MINOR, balance(PRBK));
        assertEquals(OPENING_MINOR, balance(VHBK));
        assertEquals(LedgerEventType.POSTED, result.eventType(0));
        assertEquals(VHBK, result.eventSubject(0));
        assertEquals(-PAID_MINOR, result.eventAmountMinor(0));
        assertEquals(PRBK, result.eventSubject(1));
        assertEquals(PAID_MINOR, result.eventAmountMinor(1));
        int returned = eventIndex(LedgerEventType.PAYMENT_RETURNED);
        assertEquals(UETR, result.eventSubject(returned));
        assertEquals(PRBK, result.eventParty(returned), "the original's debtor is told");
        assertEquals(1, result.eventCode(returned), "fully returned");
    }

    @Test
    void partialReturnsAddUpToTheOriginalAndNoFurther() {
        apply(returnOf(VHBK, "VHBK-RTR-1", 300_00L));
        assertTrue(result.applied, result.toString());
        assertEquals(0, result.eventCode(eventIndex(LedgerEventType.PAYMENT_RETURNED)), "partly returned");
        apply(returnOf(VHBK, "VHBK-RTR-2", 700_00L));
        assertTrue(result.applied, result.toString());
        assertEquals(1, result.eventCode(eventIndex(LedgerEventType.PAYMENT_RETURNED)));
        assertEquals(OPENING_MINOR, balance(PRBK));

        apply(returnOf(VHBK, "VHBK-RTR-3", 1L));
        assertRefused(LedgerRejection.OVER_RETURN);
        assertEquals("AM02", result.rejection.isoCode());
    }

    @Test
    void returnOfMoreThanRemainsIsRefusedAndMovesNothing() {
        apply(returnOf(VHBK, "VHBK-RTR-1", 600_00L));
        apply(returnOf(VHBK, "VHBK-RTR-2", 400_01L));

        assertRefused(LedgerRejection.OVER_RETURN);
        assertEquals(OPENING_MINOR - 400_00L, balance(PRBK));
    }

    @Test
    void returnByABankOtherThanTheOriginalsCreditorIsRefused() {
        apply(returnOf(LTBK, "LTBK-RTR-1", 100_00L));
        assertRefused(LedgerRejection.NOT_ENTITLED);

        apply(returnOf(PRBK, "PRBK-RTR-1", 100_00L));
        assertRefused(LedgerRejection.NOT_ENTITLED);
        assertEquals(OPENING_MINOR + PAID_MINOR, balance(VHBK));
    }

    @Test
    void returnOfAnUnknownOrMisnamedOriginalIsRefusedWithNoor() {
        ReturnPaymentCommand unknown = returnOf(VHBK, "VHBK-RTR-1", 100_00L);
        unknown.originalUetr = "00000000-0000-4000-8000-000000000000";
        apply(unknown);
        assertRefused(LedgerRejection.UNKNOWN_ORIGINAL);
        assertEquals("NOOR", result.rejection.isoCode());

        ReturnPaymentCommand wrongMsgId = returnOf(VHBK, "VHBK-RTR-2", 100_00L);
        wrongMsgId.originalMessageId = "PRBK-MSG-2";
        apply(wrongMsgId);
        assertRefused(LedgerRejection.UNKNOWN_ORIGINAL);
    }

    @Test
    void returnInAnotherCurrencyWithoutFundsOrWithoutAReasonIsRefused() {
        ReturnPaymentCommand usd = returnOf(VHBK, "VHBK-RTR-1", 100_00L);
        usd.currency = USD;
        apply(usd);
        assertRefused(LedgerRejection.CURRENCY_MISMATCH);

        ReturnPaymentCommand noReason = returnOf(VHBK, "VHBK-RTR-2", 100_00L);
        noReason.reasonCode = "ac4";
        apply(noReason);
        assertRefused(LedgerRejection.INVALID_REASON_CODE);

        ReturnPaymentCommand zero = returnOf(VHBK, "VHBK-RTR-3", 0);
        apply(zero);
        assertRefused(LedgerRejection.INVALID_PAYMENT_AMOUNT);

        // Victoria Harbour Bank pays almost everything away, then cannot fund the return.
        long drainMinor = balance(VHBK) - 50_00L;
        assertTrue(apply(LedgerTest.transfer(
                        "VHBK-MSG-1", "7b2d3c4e-5f60-4b7c-9d8e-1f2a3b4c5d6e", VHBK, LTBK, CNY, drainMinor))
                .applied);
        apply(returnOf(VHBK, "VHBK-RTR-4", 100_00L));
        assertRefused(LedgerRejection.INSUFFICIENT_FUNDS);
        assertEquals("AM04", result.rejection.isoCode());
    }

    @Test
    void retriedReturnGetsTheOriginalAnswerAndAConflictingReuseIsADuplicate() {
        apply(returnOf(VHBK, "VHBK-RTR-1", 300_00L));
        long sequence = result.sequence;

        assertTrue(ledger.findDecided(returnOf(VHBK, "VHBK-RTR-1", 300_00L), result));
        assertTrue(result.applied && result.retry);
        assertEquals(sequence, result.sequence);

        // The same retry reaching the journal anyway changes nothing.
        apply(returnOf(VHBK, "VHBK-RTR-1", 300_00L));
        assertTrue(result.applied && result.retry);
        assertEquals(0, result.eventCount());
        assertEquals(OPENING_MINOR - PAID_MINOR + 300_00L, balance(PRBK));

        apply(returnOf(VHBK, "VHBK-RTR-1", 200_00L));
        assertRefused(LedgerRejection.DUPLICATE);
        assertEquals(OPENING_MINOR - PAID_MINOR + 300_00L, balance(PRBK));

        // A refused return's retry gets the refusal back.
        apply(returnOf(VHBK, "VHBK-RTR-2", 900_00L));
        assertRefused(LedgerRejection.OVER_RETURN);
        long refusedAt = result.sequence;
        assertTrue(ledger.findDecided(returnOf(VHBK, "VHBK-RTR-2", 900_00L), result));
        assertEquals(LedgerRejection.OVER_RETURN, result.rejection);
        assertEquals(refusedAt, result.sequence);
    }

    @Test
    void acceptedRecallPostsWhatRemainsBackAndClosesTheRecall() {
        apply(returnOf(VHBK, "VHBK-RTR-1", 250_00L));
        apply(recall(PRBK, "PRBK-CXL-1"));
        assertTrue(result.applied, result.toString());
        assertEquals(LedgerEventType.RECALL_STATE, result.eventType(0));
        assertEquals(UETR, result.eventSubject(0));
        assertEquals(VHBK, result.eventParty(0), "the creditor must answer");
        assertEquals(750_00L, result.eventAmountMinor(0));
        assertEquals(RecallState.OPEN.code(), result.eventCode(0));
        assertEquals(OPENING_MINOR - 750_00L, balance(PRBK), "a recall alone moves nothing");

        apply(resolve("VHBK-RSL-1", "PRBK-CXL-1", true, null));
        assertTrue(result.applied, result.toString());
        assertEquals(OPENING_MINOR, balance(PRBK));
        assertEquals(OPENING_MINOR, balance(VHBK));
        int state = eventIndex(LedgerEventType.RECALL_STATE);
        assertEquals(PRBK, result.eventParty(state), "the debtor hears the answer");
        assertEquals(750_00L, result.eventAmountMinor(state));
        assertEquals(RecallState.CANCELLED.code(), result.eventCode(state));

        apply(resolve("VHBK-RSL-2", "PRBK-CXL-1", true, null));
        assertRefused(LedgerRejection.NO_OPEN_RECALL);
    }

    @Test
    void rejectedRecallMovesNothingAndLetsTheDebtorRecallAgain() {
        apply(recall(PRBK, "PRBK-CXL-1"));
        apply(recall(PRBK, "PRBK-CXL-2"));
        assertRefused(LedgerRejection.RECALL_ALREADY_OPEN);

        apply(resolve("VHBK-RSL-1", "PRBK-CXL-1", false, null));
        assertRefused(LedgerRejection.INVALID_REASON_CODE);
        apply(resolve("VHBK-RSL-2", "PRBK-CXL-1", false, "LEGL"));
        assertTrue(result.applied, result.toString());
        assertEquals(RecallState.REJECTED.code(), result.eventCode(0));
        assertEquals(0, result.eventAmountMinor(0));
        assertEquals(OPENING_MINOR + PAID_MINOR, balance(VHBK));

        apply(recall(PRBK, "PRBK-CXL-3"));
        assertTrue(result.applied, result.toString());
    }

    @Test
    void recallOnlyByTheDebtorAndResolutionOnlyByTheCreditor() {
        apply(recall(VHBK, "VHBK-CXL-1"));
        assertRefused(LedgerRejection.NOT_ENTITLED);
        apply(recall(PRBK, "PRBK-CXL-1"));
        ResolveRecallCommand byDebtor = resolve("PRBK-RSL-1", "PRBK-CXL-1", true, null);
        byDebtor.senderId = PRBK;
        apply(byDebtor);
        assertRefused(LedgerRejection.NOT_ENTITLED);
        apply(resolve("VHBK-RSL-1", "PRBK-CXL-9", true, null));
        assertRefused(LedgerRejection.NO_OPEN_RECALL);
    }

    @Test
    void recallOfAFullyReturnedTransferIsRefused() {
        apply(returnOf(VHBK, "VHBK-RTR-1", PAID_MINOR));
        apply(recall(PRBK, "PRBK-CXL-1"));
        assertRefused(LedgerRejection.ALREADY_RETURNED);
        assertEquals("ARDT", result.rejection.isoCode());
    }

    @Test
    void returnWhileARecallIsOpenClosesTheRecall() {
        apply(recall(PRBK, "PRBK-CXL-1"));
        apply(returnOf(VHBK, "VHBK-RTR-1", 400_00L));
        assertTrue(result.applied, result.toString());
        int state = eventIndex(LedgerEventType.RECALL_STATE);
        assertEquals(RecallState.RETURNED.code(), result.eventCode(state));
        assertEquals(PRBK, result.eventParty(state));

        apply(resolve("VHBK-RSL-1", "PRBK-CXL-1", true, null));
        assertRefused(LedgerRejection.NO_OPEN_RECALL);
        apply(recall(PRBK, "PRBK-CXL-2"));
        assertTrue(result.applied, "a new recall of what remains may open");
    }

    @Test
    void returnsAndRecallsSurviveSnapshotAndReplayWithTheSameStateHash() {
        apply(returnOf(VHBK, "VHBK-RTR-1", 100_00L));
        apply(recall(PRBK, "PRBK-CXL-1"));
        byte[] hash = ledger.stateHash();

        byte[] snapshot = ledger.snapshot();
        assertArrayEquals(hash, Ledger.stateHashOf(snapshot), "the hash of a snapshot taken once is the state hash");
        assertArrayEquals(snapshot, ledger.snapshot(), "a second snapshot (its buffer sized by the first) is the same");
        Ledger restored = Ledger.fromSnapshot(snapshot);
        assertArrayEquals(hash, restored.stateHash());
        Ledger replayed = new Ledger();
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : history) {
            replayed.apply(c, r);
        }
        assertArrayEquals(hash, replayed.stateHash());

        // The restored ledger knows what was returned and that the recall is open.
        ResolveRecallCommand accept = resolve("VHBK-RSL-1", "PRBK-CXL-1", true, null);
        accept.sequence = restored.lastSequence() + 1;
        accept.timeMs = START_MS + accept.sequence;
        restored.apply(accept, r);
        assertTrue(r.applied, r.toString());
        assertEquals(900_00L, r.eventAmountMinor(1));
        assertNull(restored.checkInvariants());
    }

    @Test
    void aSnapshotOfTheVersionBeforeReturnsStillLoads() {
        Ledger banksOnly = new Ledger();
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : history.subList(0, 6)) { // the banks and their accounts, no payment yet
            banksOnly.apply(c, r);
        }
        byte[] current = banksOnly.snapshot();
        // With no payment, no receivable, no programme and no message remembered, versions 2 and 3 lay
        // the bytes out as version 5 does but for the version, the message window (4 + 4 + 8 + 4 bytes
        // when empty) and the open day (8 bytes) at the end; version 4 but for the open day. They load
        // with no day open.
        assertEquals(5, current[7]);
        byte[] noDayOpen = current.clone();
        java.util.Arrays.fill(noDayOpen, current.length - 8, current.length, (byte) 0);
        byte[] expected = Ledger.fromSnapshot(noDayOpen).stateHash();
        byte[] snapshot = java.util.Arrays.copyOf(current, current.length - 28);
        for (byte version : new byte[] {2, 3}) {
            snapshot[7] = version;
            Ledger restored = Ledger.fromSnapshot(snapshot);
            assertArrayEquals(expected, restored.stateHash(), "version " + version);
        }
        byte[] version4 = java.util.Arrays.copyOf(current, current.length - 8);
        version4[7] = 4;
        assertArrayEquals(expected, Ledger.fromSnapshot(version4).stateHash(), "version 4");
        snapshot[7] = 1;
        assertThrows(IllegalArgumentException.class, () -> Ledger.fromSnapshot(snapshot));
    }
}
