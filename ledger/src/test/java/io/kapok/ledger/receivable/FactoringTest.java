package io.kapok.ledger.receivable;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.Currencies.USD;
import static io.kapok.ledger.DemoWorld.CANTON;
import static io.kapok.ledger.DemoWorld.FOSHAN;
import static io.kapok.ledger.DemoWorld.JIANGMEN;
import static io.kapok.ledger.DemoWorld.NANSHA;
import static io.kapok.ledger.DemoWorld.PRBK;
import static io.kapok.ledger.DemoWorld.PRBK_CNY;
import static io.kapok.ledger.DemoWorld.VHBK;
import static io.kapok.ledger.DemoWorld.VHBK_USD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.DemoWorld;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.PartyRole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Factoring: a supplier assigns a confirmed receivable, or part of it, to a bank that finances its
 * debtor in a programme; the bank holds the claim, its credit line to the debtor carries it until
 * the debtor's bank repays the bank at maturity.
 */
class FactoringTest {
    /** CNY 1,000,000.00. */
    private static final long MILLION = 100_000_000L;

    private final DemoWorld w = DemoWorld.create();

    @AfterEach
    void invariantsHold() {
        assertNull(w.ledger.checkInvariants());
    }

    private Receivables book() {
        return w.ledger.receivables();
    }

    private Receivable rec(String id) {
        return book().receivable(id);
    }

    private long reserved(String bank, String core, int currency) {
        return book().creditLine(bank, core, currency).reservedMinor();
    }

    @Test
    void wholeAssignmentMovesTheClaimToTheBankAndHoldsItOnTheBanksCreditLine() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        LedgerResult r = w.must(w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, MILLION));

        Receivable rec = rec("R1");
        assertEquals(ReceivableState.ASSIGNED, rec.state());
        assertEquals(PRBK, rec.holderId());
        assertEquals(FOSHAN, rec.creditorId(), "the original creditor stays on record");
        assertEquals(MILLION, rec.factoredMinor());
        assertNull(rec("R1-1"), "the whole claim moves: no child");
        assertEquals(MILLION, reserved(PRBK, CANTON, CNY));
        assertEquals(ReceivableChange.ASSIGNED, rec.historyChange(rec.historySize() - 1));

        assertEquals(LedgerEventType.CREDIT_RESERVED, r.eventType(0));
        assertEquals(LedgerEventType.RECEIVABLE_STATE, r.eventType(1));
        assertEquals(PRBK, r.eventParty(1));
        assertEquals(LedgerEventType.RECEIVABLE_ASSIGNED, r.eventType(2));
        assertEquals("R1", r.eventSubject(2));
        assertEquals(CANTON, r.eventParty(2), "the debtor is told");
        assertEquals(MILLION, r.eventAmountMinor(2));
        assertEquals(rec.dueDay(), r.eventCode(2) >> 10);
        assertEquals(90, r.eventCode(2) & 1023);
    }

    @Test
    void partialAssignmentSplitsOffAChildHeldByTheBankAndTheChildrenSumToTheParent() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.split(FOSHAN, "R1", "R1-1", NANSHA, 20_000_000L));
        LedgerResult r = w.must(w.assign(FOSHAN, "R1", "R1-2", PRBK, PRBK_CNY, 30_000_000L));

        Receivable parent = rec("R1");
        Receivable child = rec("R1-2");
        assertEquals(ReceivableState.CONFIRMED, parent.state());
        assertEquals(FOSHAN, parent.holderId());
        assertEquals(50_000_000L, parent.outstandingMinor());
        assertEquals(List.of("R1-1", "R1-2"), parent.childIds());
        assertEquals(ReceivableState.ASSIGNED, child.state());
        assertEquals(PRBK, child.holderId());
        assertEquals("R1", child.parentId());
        assertEquals(parent.dueDay(), child.dueDay());
        assertEquals(CANTON, child.debtorId());
        assertEquals(30_000_000L, child.faceMinor());
        assertEquals(30_000_000L, reserved(PRBK, CANTON, CNY));
        assertEquals(LedgerEventType.RECEIVABLE_SPLIT, r.eventType(0));
        assertEquals("R1-2", r.eventParty(0));

        // Each fraction has one holder: Foshan may still assign or finance what it kept.
        w.must(w.assign(FOSHAN, "R1", "R1-3", PRBK, PRBK_CNY, 50_000_000L));
        assertEquals(ReceivableState.ASSIGNED, rec("R1").state());
        assertNull(rec("R1-3"), "the rest moves the parent itself");
        assertEquals(80_000_000L, reserved(PRBK, CANTON, CNY));
    }

    @Test
    void onlyTheHolderAssigns() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.refusedUnchanged(
                LedgerRejection.NOT_ENTITLED_TO_ACT, () -> w.assign(JIANGMEN, "R1", "R1-1", PRBK, PRBK_CNY, 1));
        w.refusedUnchanged(
                LedgerRejection.NOT_ENTITLED_TO_ACT, () -> w.assign(CANTON, "R1", "R1-1", PRBK, PRBK_CNY, 1));
        w.refusedUnchanged(LedgerRejection.UNKNOWN_RECEIVABLE, () -> w.assign(FOSHAN, "R9", "R9-1", PRBK, PRBK_CNY, 1));
    }

    @Test
    void onlyAConfirmedUnfinancedReceivableBeforeItsDueDateIsAssigned() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, 90));
        w.refusedUnchanged(
                LedgerRejection.RECEIVABLE_STATE_FORBIDS, () -> w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 1));

        w.confirmed("R2", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F2", "R2", PRBK_CNY, 10_000_000L));
        w.refusedUnchanged(LedgerRejection.ALREADY_FINANCED, () -> w.assign(FOSHAN, "R2", "R2-1", PRBK, PRBK_CNY, 1));
        w.must(w.accept(PRBK, "F2", 10_000_000L));
        w.refusedUnchanged(LedgerRejection.ALREADY_FINANCED, () -> w.assign(FOSHAN, "R2", "R2-1", PRBK, PRBK_CNY, 1));

        w.confirmed("R3", FOSHAN, CNY, MILLION, 90);
        w.must(w.cancelReceivable(FOSHAN, "R3"));
        w.refusedUnchanged(
                LedgerRejection.RECEIVABLE_STATE_FORBIDS, () -> w.assign(FOSHAN, "R3", "R3-1", PRBK, PRBK_CNY, 1));

        w.confirmed("R4", FOSHAN, CNY, MILLION, 90);
        w.must(w.settle(VHBK, "R4", PRBK, MILLION));
        w.refusedUnchanged(
                LedgerRejection.RECEIVABLE_STATE_FORBIDS, () -> w.assign(FOSHAN, "R4", "R4-1", PRBK, PRBK_CNY, 1));

        w.confirmed("R5", FOSHAN, CNY, MILLION, 10);
        w.day += 10;
        w.refusedUnchanged(LedgerRejection.RECEIVABLE_OVERDUE, () -> w.assign(FOSHAN, "R5", "R5-1", PRBK, PRBK_CNY, 1));
        w.day += 1; // past its due date the command itself marks it OVERDUE, and is refused
        LedgerResult r = w.assign(FOSHAN, "R5", "R5-1", PRBK, PRBK_CNY, 1);
        assertEquals(LedgerRejection.RECEIVABLE_OVERDUE, r.rejection);
        assertEquals(ReceivableState.OVERDUE, rec("R5").state());
        assertEquals(10_000_000L, reserved(PRBK, CANTON, CNY), "only R2's accepted financing holds the line");
    }

    @Test
    void theBankMustFinanceTheDebtorInAProgrammeTheHolderIsOnboardedInto() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.refusedUnchanged(LedgerRejection.WRONG_PARTY_ROLE, () -> w.assign(FOSHAN, "R1", "R1-1", NANSHA, PRBK_CNY, 1));
        w.refusedUnchanged(LedgerRejection.UNKNOWN_PROGRAMME, () -> w.assign(FOSHAN, "R1", "R1-1", VHBK, "", 1));
        // Victoria Harbour Bank finances Canton Auto Group in USD only.
        w.refusedUnchanged(LedgerRejection.PROGRAMME_MISMATCH, () -> w.assign(FOSHAN, "R1", "R1-1", VHBK, VHBK_USD, 1));
        w.refusedUnchanged(LedgerRejection.PROGRAMME_MISMATCH, () -> w.assign(FOSHAN, "R1", "R1-1", VHBK, PRBK_CNY, 1));

        w.party("91440113MA9KAPK010", PartyRole.SUPPLIER);
        w.must(w.register("R2", "91440113MA9KAPK010", CNY, MILLION, 90));
        w.must(w.confirm(CANTON, "R2", true));
        w.refusedUnchanged(
                LedgerRejection.NOT_ONBOARDED, () -> w.assign("91440113MA9KAPK010", "R2", "R2-1", PRBK, PRBK_CNY, 1));
        assertEquals(0L, reserved(PRBK, CANTON, CNY));
    }

    @Test
    void theAmountMustFitTheOutstandingAmountAndTheBanksCreditLine() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.refusedUnchanged(LedgerRejection.INVALID_AMOUNT, () -> w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 0));
        w.refusedUnchanged(
                LedgerRejection.SPLIT_OVER_AVAILABLE,
                () -> w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, MILLION + 1));
        w.refusedUnchanged(LedgerRejection.INVALID_AMOUNT, () -> w.assign(FOSHAN, "R1", null, PRBK, PRBK_CNY, 1));
        w.must(w.split(FOSHAN, "R1", "R1-1", NANSHA, 1_000L));
        w.refusedUnchanged(LedgerRejection.RECEIVABLE_EXISTS, () -> w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 1));

        // Pearl River Bank's line to Canton Auto Group: CNY 20,000,000.00, 19,500,000.00 of it taken.
        w.confirmed("R2", JIANGMEN, CNY, 1_950_000_000L, 90);
        w.must(w.assign(JIANGMEN, "R2", "R2-1", PRBK, PRBK_CNY, 1_950_000_000L));
        w.refusedUnchanged(
                LedgerRejection.OVER_CREDIT_LINE, () -> w.assign(FOSHAN, "R1", "R1-2", PRBK, PRBK_CNY, 50_000_001L));
        w.must(w.assign(FOSHAN, "R1", "R1-2", PRBK, PRBK_CNY, 50_000_000L));
        assertEquals(0L, book().creditLine(PRBK, CANTON, CNY).availableMinor());
        // A financing meets the same line.
        w.confirmed("R3", NANSHA, CNY, MILLION, 90);
        w.must(w.requestFinancing(NANSHA, "F3", "R3", PRBK_CNY, 1_000L));
        assertEquals(LedgerRejection.OVER_CREDIT_LINE, w.accept(PRBK, "F3", 1_000L).rejection);

        w.party("91440101MA9KAPK009", PartyRole.CORE);
        w.must(w.programme("P-NOLINE", PRBK, "91440101MA9KAPK009", CNY));
        w.must(w.onboard(PRBK, "P-NOLINE", FOSHAN));
        w.must(w.register(FOSHAN, "R4", "INV-R4", "91440101MA9KAPK009", FOSHAN, CNY, MILLION, w.day, w.day + 30));
        w.must(w.confirm("91440101MA9KAPK009", "R4", true));
        w.refusedUnchanged(LedgerRejection.NO_CREDIT_LINE, () -> w.assign(FOSHAN, "R4", "R4-1", PRBK, "P-NOLINE", 1));
    }

    @Test
    void anAssignedReceivableIsNeitherSplitFinancedNorAssignedAgainByAnyone() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, MILLION));
        w.refusedUnchanged(
                LedgerRejection.NOT_ENTITLED_TO_ACT, () -> w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 1));
        w.refusedUnchanged(
                LedgerRejection.RECEIVABLE_STATE_FORBIDS, () -> w.assign(PRBK, "R1", "R1-1", PRBK, PRBK_CNY, 1));
        w.refusedUnchanged(LedgerRejection.NOT_ENTITLED_TO_ACT, () -> w.split(FOSHAN, "R1", "R1-1", NANSHA, 1));
        w.refusedUnchanged(LedgerRejection.RECEIVABLE_STATE_FORBIDS, () -> w.split(PRBK, "R1", "R1-1", NANSHA, 1));
        w.refusedUnchanged(
                LedgerRejection.NOT_ENTITLED_TO_ACT, () -> w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 1));
    }

    @Test
    void theDebtorsBankRepaysTheBankAtMaturityAndTheLineIsReleased() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 40_000_000L));
        w.day += 90;
        long vhbkBefore = w.balance(VHBK, CNY);
        long prbkBefore = w.balance(PRBK, CNY);
        w.refusedUnchanged(LedgerRejection.WRONG_PAYEE, () -> w.settle(VHBK, "R1-1", VHBK, 40_000_000L));
        LedgerResult r = w.must(w.settle(VHBK, "R1-1", PRBK, 40_000_000L));
        assertEquals(vhbkBefore - 40_000_000L, w.balance(VHBK, CNY));
        assertEquals(prbkBefore + 40_000_000L, w.balance(PRBK, CNY));
        assertEquals(ReceivableState.SETTLED, rec("R1-1").state());
        assertEquals(0L, reserved(PRBK, CANTON, CNY));
        boolean released = false;
        for (int i = 0; i < r.eventCount(); i++) {
            released |= r.eventType(i) == LedgerEventType.CREDIT_RELEASED && r.eventAmountMinor(i) == 40_000_000L;
        }
        assertTrue(released, r.toString());
        // What Foshan kept is still paid to its own bank.
        w.must(w.settle(PRBK, "R1", VHBK, 60_000_000L));
    }

    @Test
    void anOverdueAssignedReceivableStillRepaysTheBank() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 30);
        w.must(w.assign(FOSHAN, "R1", null, PRBK, PRBK_CNY, MILLION));
        w.day += 40;
        // The first command to find it past its due date marks it OVERDUE, even one refused.
        assertEquals(LedgerRejection.WRONG_PAYEE, w.settle(VHBK, "R1", VHBK, MILLION).rejection);
        assertEquals(ReceivableState.OVERDUE, rec("R1").state());
        w.refusedUnchanged(LedgerRejection.WRONG_PAYEE, () -> w.settle(VHBK, "R1", VHBK, MILLION));
        assertEquals(MILLION, reserved(PRBK, CANTON, CNY), "overdue, still owed to the bank");
        w.must(w.settle(VHBK, "R1", PRBK, MILLION));
        assertEquals(0L, reserved(PRBK, CANTON, CNY));
    }

    @Test
    void theBankWithdrawingAnAssignedClaimFreesItsLine() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 30);
        w.must(w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 10_000_000L));
        w.refusedUnchanged(LedgerRejection.NOT_ENTITLED_TO_ACT, () -> w.cancelReceivable(FOSHAN, "R1-1"));
        w.must(w.cancelReceivable(PRBK, "R1-1"));
        assertEquals(ReceivableState.CANCELLED, rec("R1-1").state());
        assertEquals(0L, reserved(PRBK, CANTON, CNY));
    }

    @Test
    void aUsdReceivableIsAssignedWithinTheUsdLine() {
        w.confirmed("R1", JIANGMEN, USD, 300_000_00L, 60);
        w.must(w.assign(JIANGMEN, "R1", "R1-1", VHBK, VHBK_USD, 300_000_00L));
        assertEquals(300_000_00L, reserved(VHBK, CANTON, USD));
        assertEquals(0L, reserved(PRBK, CANTON, CNY));
    }

    @Test
    void snapshotWithAssignmentsLoadsBackToTheSameStateHashAndBehavesTheSame() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 30);
        w.must(w.assign(FOSHAN, "R1", "R1-1", PRBK, PRBK_CNY, 10_000_000L));
        w.must(w.assign(FOSHAN, "R1", "R1-2", PRBK, PRBK_CNY, 90_000_000L));
        Ledger restored = Ledger.fromSnapshot(w.ledger.snapshot());
        assertArrayEquals(w.ledger.stateHash(), restored.stateHash());
        assertEquals(
                MILLION, restored.receivables().creditLine(PRBK, CANTON, CNY).reservedMinor());
        assertNull(restored.checkInvariants());

        w.must(w.settle(VHBK, "R1-1", PRBK, 10_000_000L));
        LedgerCommand settle = w.history.get(w.history.size() - 1);
        LedgerResult r = new LedgerResult();
        restored.apply(settle, r);
        assertTrue(r.applied, r.toString());
        assertArrayEquals(w.ledger.stateHash(), restored.stateHash());
    }
}
