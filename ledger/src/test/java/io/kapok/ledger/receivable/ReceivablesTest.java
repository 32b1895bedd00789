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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.DemoWorld;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.PartyRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceivablesTest {
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

    private ReceivableState state(String id) {
        return book().receivable(id).state();
    }

    private static void refused(LedgerRejection expected, LedgerResult r) {
        assertFalse(r.applied, r.toString());
        assertEquals(expected, r.rejection);
    }

    // ------------------------------------------------------------ registration and confirmation

    @Test
    void registeredReceivableIsConfirmedByItsDebtor() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, 90));
        assertEquals(ReceivableState.REGISTERED, state("R1"));
        w.must(w.confirm(CANTON, "R1", true));
        assertEquals(ReceivableState.CONFIRMED, state("R1"));
        assertEquals(FOSHAN, book().receivable("R1").holderId());
    }

    @Test
    void coreEnterpriseMayPushTheReceivablesItOwes() {
        w.must(w.register(CANTON, "R1", "INV-1", CANTON, FOSHAN, CNY, MILLION, w.day, w.day + 30));
        assertEquals(FOSHAN, book().receivable("R1").holderId());
    }

    @Test
    void onlyTheDebtorMayConfirm() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, 90));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.confirm(FOSHAN, "R1", true));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.confirm(PRBK, "R1", true));
        assertEquals(ReceivableState.REGISTERED, state("R1"));
    }

    @Test
    void debtorRefusingMakesItRejected() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, 90));
        w.must(w.confirm(CANTON, "R1", false));
        assertEquals(ReceivableState.REJECTED, state("R1"));
        refused(LedgerRejection.RECEIVABLE_STATE_FORBIDS, w.confirm(CANTON, "R1", true));
    }

    @Test
    void refusesDueDateBeforeIssueDate() {
        refused(
                LedgerRejection.DUE_BEFORE_ISSUE,
                w.register(FOSHAN, "R1", "INV-1", CANTON, FOSHAN, CNY, MILLION, w.day, w.day - 1));
    }

    @Test
    void refusesTermOverSixMonthsByDefault() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, Receivables.TERM_DAYS_DEFAULT_MAX));
        refused(LedgerRejection.TERM_OVER_LIMIT, w.register("R2", FOSHAN, CNY, MILLION, 184));
    }

    @Test
    void programmeMayAllowALongerTermUpToOneYear() {
        w.party("91440101MA9KAPK009", PartyRole.CORE);
        w.must(w.programme("P-LONG", PRBK, "91440101MA9KAPK009", CNY, 900_000, 36_000, 0, 365));
        w.must(w.register(FOSHAN, "R1", "INV-1", "91440101MA9KAPK009", FOSHAN, CNY, MILLION, w.day, w.day + 365));
    }

    @Test
    void refusesTermOverOneYear() {
        refused(LedgerRejection.TERM_OVER_ONE_YEAR, w.register("R1", FOSHAN, CNY, MILLION, 366));
        refused(LedgerRejection.TERM_OVER_ONE_YEAR, w.programme("P-LONG", PRBK, CANTON, CNY, 900_000, 36_000, 0, 366));
    }

    @Test
    void refusesFinancingThatWouldRunOverOneYear() {
        w.party("91440101MA9KAPK009", PartyRole.CORE);
        w.must(w.programme("P-LONG", PRBK, "91440101MA9KAPK009", CNY, 900_000, 36_000, 0, 365));
        w.must(w.onboard(PRBK, "P-LONG", FOSHAN));
        // Issued 100 days from now, due a year after issue: 465 days away.
        w.must(w.register(FOSHAN, "R1", "INV-1", "91440101MA9KAPK009", FOSHAN, CNY, MILLION, w.day + 100, w.day + 465));
        w.must(w.confirm("91440101MA9KAPK009", "R1", true));
        refused(LedgerRejection.TERM_OVER_ONE_YEAR, w.requestFinancing(FOSHAN, "F1", "R1", "P-LONG", 1_000L));
        w.day += 100;
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", "P-LONG", 1_000L));
    }

    @Test
    void refusesSameDocumentNumberTwiceFromOneCreditor() {
        w.must(w.register(FOSHAN, "R1", "INV-1", CANTON, FOSHAN, CNY, MILLION, w.day, w.day + 30));
        refused(
                LedgerRejection.DOCUMENT_ALREADY_REGISTERED,
                w.register(FOSHAN, "R2", "INV-1", CANTON, FOSHAN, CNY, MILLION, w.day, w.day + 30));
        w.must(w.register(JIANGMEN, "R3", "INV-1", CANTON, JIANGMEN, CNY, MILLION, w.day, w.day + 30));
        refused(
                LedgerRejection.RECEIVABLE_EXISTS,
                w.register(JIANGMEN, "R3", "INV-2", CANTON, JIANGMEN, CNY, MILLION, w.day, w.day + 30));
    }

    @Test
    void debtorMustBeACoreEnterpriseAndCreditorASupplier() {
        refused(
                LedgerRejection.DEBTOR_NOT_CORE,
                w.register(FOSHAN, "R1", "INV-1", JIANGMEN, FOSHAN, CNY, MILLION, w.day, w.day + 30));
        refused(
                LedgerRejection.CREDITOR_NOT_SUPPLIER,
                w.register(PRBK, "R1", "INV-1", CANTON, PRBK, CNY, MILLION, w.day, w.day + 30));
        refused(
                LedgerRejection.NOT_ENTITLED_TO_ACT,
                w.register(JIANGMEN, "R1", "INV-1", CANTON, FOSHAN, CNY, MILLION, w.day, w.day + 30));
        refused(LedgerRejection.INVALID_AMOUNT, w.register("R1", FOSHAN, CNY, 0, 30));
    }

    // ------------------------------------------------------------ split and transfer

    @Test
    void splitChildrenAlwaysSumToParent() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, 30_000_000L));
        w.must(w.split(FOSHAN, "R1", "R1-b", JIANGMEN, 25_000_000L));
        w.must(w.split(NANSHA, "R1-a", "R1-a-1", JIANGMEN, 10_000_000L));
        Receivable parent = book().receivable("R1");
        Receivable a = book().receivable("R1-a");
        assertEquals(45_000_000L, parent.outstandingMinor());
        assertEquals(
                parent.faceMinor(),
                parent.outstandingMinor()
                        + a.faceMinor()
                        + book().receivable("R1-b").faceMinor());
        assertEquals(20_000_000L, a.outstandingMinor());
        assertEquals(
                a.faceMinor(),
                a.outstandingMinor() + book().receivable("R1-a-1").faceMinor());
    }

    @Test
    void splitChildKeepsDebtorDueDateAndProvenanceWithItsOwnHolder() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        LedgerResult r = w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, 30_000_000L));
        Receivable parent = book().receivable("R1");
        Receivable child = book().receivable("R1-a");
        assertEquals(CANTON, child.debtorId());
        assertEquals(parent.dueDay(), child.dueDay());
        assertEquals("R1", child.parentId());
        assertEquals(NANSHA, child.holderId());
        assertEquals(FOSHAN, parent.holderId());
        assertEquals(ReceivableState.CONFIRMED, child.state());
        assertEquals(java.util.List.of("R1-a"), parent.childIds());
        assertEquals(LedgerEventType.RECEIVABLE_SPLIT, r.eventType(0));
        assertEquals("R1-a", r.eventParty(0));
    }

    @Test
    void aSplitAndADisbursementTellTheDebtorWhomToPayWithTheDates() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        Receivable parent = book().receivable("R1");
        LedgerResult split = w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, 30_000_000L));
        int e = assigned(split);
        assertEquals("R1-a", split.eventSubject(e));
        assertEquals(CANTON, split.eventParty(e), "the debtor");
        assertEquals(30_000_000L, split.eventAmountMinor(e));
        assertEquals(parent.dueDay(), split.eventCode(e) >> 10);
        assertEquals(parent.issueDay(), (split.eventCode(e) >> 10) - (split.eventCode(e) & 1023));

        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 60_000_000L));
        w.must(w.accept(PRBK, "F1", 60_000_000L));
        LedgerResult disbursed = w.must(w.disburse(PRBK, "F1", "REG-1"));
        int d = assigned(disbursed);
        assertEquals("R1", disbursed.eventSubject(d));
        assertEquals(CANTON, disbursed.eventParty(d));
        assertEquals(MILLION - 30_000_000L, disbursed.eventAmountMinor(d), "what remains owed, now to the bank");
        boolean holderNamed = false;
        for (int i = 0; i < disbursed.eventCount(); i++) {
            holderNamed |= disbursed.eventType(i) == LedgerEventType.RECEIVABLE_STATE
                    && FOSHAN.equals(disbursed.eventParty(i))
                    && disbursed.eventCode(i) == ReceivableState.FINANCED.code();
        }
        assertTrue(holderNamed, "the holder who assigns it, its state unchanged");
    }

    private static int assigned(LedgerResult r) {
        for (int i = 0; i < r.eventCount(); i++) {
            if (r.eventType(i) == LedgerEventType.RECEIVABLE_ASSIGNED) {
                return i;
            }
        }
        throw new AssertionError("no RECEIVABLE_ASSIGNED event: " + r);
    }

    @Test
    void onlyTheHolderMaySplitAConfirmedReceivable() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, 90));
        refused(LedgerRejection.RECEIVABLE_STATE_FORBIDS, w.split(FOSHAN, "R1", "R1-a", NANSHA, 1));
        w.must(w.confirm(CANTON, "R1", true));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.split(NANSHA, "R1", "R1-a", JIANGMEN, 1));
        refused(LedgerRejection.CREDITOR_NOT_SUPPLIER, w.split(FOSHAN, "R1", "R1-a", PRBK, 1));
    }

    @Test
    void splitMustLeaveTheParentSomething() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        refused(LedgerRejection.SPLIT_OVER_AVAILABLE, w.split(FOSHAN, "R1", "R1-a", NANSHA, MILLION));
        refused(LedgerRejection.INVALID_AMOUNT, w.split(FOSHAN, "R1", "R1-a", NANSHA, 0));
        w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, MILLION - 1));
        assertEquals(1, book().receivable("R1").outstandingMinor());
    }

    @Test
    void parentWithChildrenCannotBeWithdrawnButALeafCan() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, 1_000L));
        refused(LedgerRejection.HAS_CHILDREN, w.cancelReceivable(FOSHAN, "R1"));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.cancelReceivable(FOSHAN, "R1-a"));
        w.must(w.cancelReceivable(NANSHA, "R1-a"));
        assertEquals(ReceivableState.CANCELLED, state("R1-a"));
    }

    // ------------------------------------------------------------ financing

    @Test
    void refusesFinancingOfAnUnconfirmedReceivable() {
        w.must(w.register("R1", FOSHAN, CNY, MILLION, 90));
        refused(LedgerRejection.RECEIVABLE_STATE_FORBIDS, w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 1_000L));
    }

    @Test
    void rejectsSecondFinancingOfSameReceivable() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        refused(LedgerRejection.ALREADY_FINANCED, w.requestFinancing(FOSHAN, "F2", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        refused(LedgerRejection.ALREADY_FINANCED, w.requestFinancing(FOSHAN, "F2", "R1", PRBK_CNY, 1L));
        refused(LedgerRejection.FINANCING_EXISTS, w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 1L));
        assertEquals(ReceivableState.FINANCED, state("R1"));
    }

    @Test
    void refusesFinancingOverOutstandingTimesAdvanceRate() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        refused(LedgerRejection.OVER_ADVANCE_RATE, w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_001L));
        w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, 50_000_000L));
        refused(LedgerRejection.OVER_ADVANCE_RATE, w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 45_000_001L));
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 45_000_000L));
        refused(LedgerRejection.OVER_ADVANCE_RATE, w.accept(PRBK, "F1", 45_000_001L));
    }

    @Test
    void onlyTheHolderOnboardedInAMatchingProgrammeMayAskForFinancing() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.requestFinancing(NANSHA, "F1", "R1", PRBK_CNY, 1_000L));
        refused(LedgerRejection.PROGRAMME_MISMATCH, w.requestFinancing(FOSHAN, "F1", "R1", VHBK_USD, 1_000L));
        refused(LedgerRejection.UNKNOWN_PROGRAMME, w.requestFinancing(FOSHAN, "F1", "R1", "NOPE", 1_000L));
        w.party("91440101MA9KAPK010", PartyRole.SUPPLIER);
        w.must(w.register("R2", "91440101MA9KAPK010", CNY, MILLION, 90));
        w.must(w.confirm(CANTON, "R2", true));
        refused(LedgerRejection.NOT_ONBOARDED, w.requestFinancing("91440101MA9KAPK010", "F2", "R2", PRBK_CNY, 1_000L));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.onboard(VHBK, PRBK_CNY, "91440101MA9KAPK010"));
        w.must(w.onboard(PRBK, PRBK_CNY, "91440101MA9KAPK010"));
        refused(LedgerRejection.ALREADY_ONBOARDED, w.onboard(CANTON, PRBK_CNY, "91440101MA9KAPK010"));
        w.must(w.requestFinancing("91440101MA9KAPK010", "F2", "R2", PRBK_CNY, 1_000L));
    }

    @Test
    void onlyTheProgrammeBankMayDecideAndDisburse() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.accept(VHBK, "F1", 90_000_000L));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.accept(FOSHAN, "F1", 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.disburse(VHBK, "F1", "REG-1"));
        refused(LedgerRejection.FINANCING_STATE_FORBIDS, w.accept(PRBK, "F1", 90_000_000L));
    }

    @Test
    void acceptanceReservesTheCreditLineAndPricesTheAdvance() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        LedgerResult r = w.must(w.accept(PRBK, "F1", 90_000_000L));
        Financing f = book().financing("F1");
        // 900,000.00 × 3.6 % × 90 / 360 = 8,100.00
        assertEquals(810_000L, f.interestMinor());
        assertEquals(89_190_000L, f.advanceMinor());
        assertEquals(FinancingState.ACCEPTED, f.state());
        CreditLine line = book().creditLine(PRBK, CANTON, CNY);
        assertEquals(90_000_000L, line.reservedMinor());
        assertEquals(0L, line.usedMinor());
        assertEquals(LedgerEventType.FINANCING_STATE, r.eventType(0));
        assertEquals(FinancingState.ACCEPTED.code(), r.eventCode(0));
        assertEquals(LedgerEventType.CREDIT_RESERVED, r.eventType(1));
        assertEquals(90_000_000L, r.eventAmountMinor(1));
        assertEquals(LedgerEventType.RECEIVABLE_STATE, r.eventType(2));
        assertEquals(ReceivableState.FINANCED.code(), r.eventCode(2));
    }

    @Test
    void refusesAcceptanceOverTheCreditLine() {
        // Victoria Harbour Bank's line to Canton Auto Group: USD 2,000,000.00.
        w.confirmed("R1", FOSHAN, USD, 150_000_000L, 90);
        w.confirmed("R2", JIANGMEN, USD, 150_000_000L, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", VHBK_USD, 135_000_000L));
        w.must(w.requestFinancing(JIANGMEN, "F2", "R2", VHBK_USD, 135_000_000L));
        w.must(w.accept(VHBK, "F1", 135_000_000L));
        refused(LedgerRejection.OVER_CREDIT_LINE, w.accept(VHBK, "F2", 65_000_001L));
        w.must(w.accept(VHBK, "F2", 65_000_000L));
        assertEquals(0L, book().creditLine(VHBK, CANTON, USD).availableMinor());
    }

    @Test
    void refusesAcceptanceWithoutACreditLine() {
        w.must(w.programme("P-USD-PRBK", PRBK, CANTON, USD));
        w.must(w.onboard(PRBK, "P-USD-PRBK", FOSHAN));
        w.confirmed("R1", FOSHAN, USD, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", "P-USD-PRBK", 1_000L));
        refused(LedgerRejection.NO_CREDIT_LINE, w.accept(PRBK, "F1", 1_000L));
    }

    @Test
    void creditLineCannotBeSetBelowItsExposure() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        refused(LedgerRejection.LINE_BELOW_EXPOSURE, w.creditLine(PRBK, CANTON, CNY, 89_999_999L));
        w.must(w.creditLine(PRBK, CANTON, CNY, 90_000_000L));
    }

    @Test
    void disbursementNeedsARegistrationReference() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        refused(LedgerRejection.FINANCING_STATE_FORBIDS, w.disburse(PRBK, "F1", "REG-1"));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        refused(LedgerRejection.MISSING_REGISTRATION_REFERENCE, w.disburse(PRBK, "F1", null));
        refused(LedgerRejection.MISSING_REGISTRATION_REFERENCE, w.disburse(PRBK, "F1", "  "));
        w.must(w.disburse(PRBK, "F1", "PBOC-REG-2026-000123"));
        assertEquals("PBOC-REG-2026-000123", book().financing("F1").registrationReference());
    }

    @Test
    void disbursementPostsTheHoldAsExposure() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        LedgerResult r = w.must(w.disburse(PRBK, "F1", "REG-1"));
        CreditLine line = book().creditLine(PRBK, CANTON, CNY);
        assertEquals(0L, line.reservedMinor());
        assertEquals(90_000_000L, line.usedMinor());
        assertEquals(LedgerEventType.CREDIT_POSTED, r.eventType(1));
        assertEquals(FinancingState.DISBURSED, book().financing("F1").state());
    }

    @Test
    void cancellationVoidsTheHoldAndFreesTheReceivable() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        refused(LedgerRejection.NOT_ENTITLED_TO_ACT, w.cancelFinancing(PRBK, "F1"));
        w.must(w.cancelFinancing(FOSHAN, "F1"));
        assertEquals(0L, book().creditLine(PRBK, CANTON, CNY).reservedMinor());
        assertEquals(FinancingState.CANCELLED, book().financing("F1").state());
        assertEquals(ReceivableState.CONFIRMED, state("R1"));
        w.must(w.requestFinancing(FOSHAN, "F2", "R1", PRBK_CNY, 90_000_000L));
    }

    @Test
    void cannotCancelAFinancingOnceDisbursed() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        w.must(w.disburse(PRBK, "F1", "REG-1"));
        refused(LedgerRejection.FINANCING_STATE_FORBIDS, w.cancelFinancing(FOSHAN, "F1"));
    }

    @Test
    void bankRefusalLetsTheHolderAskAnotherBank() {
        w.confirmed("R1", FOSHAN, USD, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", VHBK_USD, 1_000L));
        w.must(w.refuse(VHBK, "F1", 42));
        assertEquals(FinancingState.REJECTED, book().financing("F1").state());
        assertEquals(42, book().financing("F1").reasonCode());
        assertEquals(ReceivableState.CONFIRMED, state("R1"));
        w.must(w.requestFinancing(FOSHAN, "F2", "R1", VHBK_USD, 1_000L));
    }

    // ------------------------------------------------------------ settlement and overdue

    @Test
    void settlementAtMaturityRepaysTheFinancingBankAndReleasesExposure() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        w.must(w.disburse(PRBK, "F1", "REG-1"));
        w.day += 90;
        long vhbkBefore = w.balance(VHBK, CNY);
        long prbkBefore = w.balance(PRBK, CNY);
        refused(LedgerRejection.WRONG_PAYEE, w.settle(VHBK, "R1", FOSHAN, MILLION));
        refused(LedgerRejection.AMOUNT_MISMATCH, w.settle(VHBK, "R1", PRBK, MILLION - 1));
        LedgerResult r = w.must(w.settle(VHBK, "R1", PRBK, MILLION));
        assertEquals(vhbkBefore - MILLION, w.balance(VHBK, CNY));
        assertEquals(prbkBefore + MILLION, w.balance(PRBK, CNY));
        assertEquals(ReceivableState.SETTLED, state("R1"));
        assertEquals(FinancingState.REPAID, book().financing("F1").state());
        assertEquals(0L, book().creditLine(PRBK, CANTON, CNY).usedMinor());
        assertEquals(LedgerEventType.POSTED, r.eventType(0));
        refused(LedgerRejection.RECEIVABLE_STATE_FORBIDS, w.settle(VHBK, "R1", PRBK, MILLION));
    }

    @Test
    void unfinancedReceivableIsPaidToTheHoldersBank() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 30);
        w.confirmed("R2", FOSHAN, CNY, 6_000_000_000L, 30);
        refused(LedgerRejection.INSUFFICIENT_FUNDS, w.settle(PRBK, "R2", VHBK, 6_000_000_000L));
        assertEquals(ReceivableState.CONFIRMED, state("R2"));
        w.must(w.settle(PRBK, "R1", VHBK, MILLION));
        assertEquals(2_000_000_000L + MILLION, w.balance(VHBK, CNY));
    }

    @Test
    void unpaidReceivablePastItsDueDateTurnsOverdue() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 30);
        w.day += 30;
        refused(LedgerRejection.RECEIVABLE_OVERDUE, w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 1_000L));
        assertEquals(ReceivableState.CONFIRMED, state("R1"));
        w.day += 1;
        LedgerResult r = w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 1_000L);
        refused(LedgerRejection.RECEIVABLE_OVERDUE, r);
        assertEquals(ReceivableState.OVERDUE, state("R1"));
        assertEquals(1, r.eventCount());
        assertEquals(ReceivableState.OVERDUE.code(), r.eventCode(0));
        w.must(w.settle(PRBK, "R1", VHBK, MILLION));
        assertEquals(ReceivableState.SETTLED, state("R1"));
    }

    @Test
    void overdueFinancedReceivableStillRepaysTheBank() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 30);
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        w.must(w.accept(PRBK, "F1", 90_000_000L));
        w.must(w.disburse(PRBK, "F1", "REG-1"));
        w.day += 45;
        w.must(w.settle(VHBK, "R1", PRBK, MILLION));
        assertEquals(FinancingState.REPAID, book().financing("F1").state());
        assertEquals(0L, book().creditLine(PRBK, CANTON, CNY).usedMinor());
    }

    // ------------------------------------------------------------ FX and events

    @Test
    void fxRateCommandKeepsTheLatestRateWithItsSource() {
        io.kapok.ledger.fx.SetFxRateCommand c = new io.kapok.ledger.fx.SetFxRateCommand();
        c.baseCurrency = USD;
        c.quoteCurrency = CNY;
        c.rateScaled = 712_340_000L; // 7.1234
        c.sourceSequence = 17;
        LedgerResult r = w.must(w.apply(c));
        assertEquals(LedgerEventType.FX_RATE_SET, r.eventType(0));
        var rate = w.ledger.fxRates().rate(USD, CNY);
        assertEquals(712_340_000L, rate.rateScaled());
        assertEquals(17L, rate.sourceSequence());
        assertEquals(r.sequence, rate.ledgerSequence());
        assertNull(w.ledger.fxRates().rate(CNY, USD));
        c = new io.kapok.ledger.fx.SetFxRateCommand();
        c.baseCurrency = USD;
        c.quoteCurrency = USD;
        c.rateScaled = 1;
        refused(LedgerRejection.INVALID_FX_RATE, w.apply(c));
    }

    @Test
    void refusedCommandReportsNoEventsAndTheNextCommandStartsAFreshList() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        LedgerResult r = w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_001L);
        assertEquals(0, r.eventCount());
        r = w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 90_000_000L));
        assertEquals(2, r.eventCount());
        assertEquals("F1", r.eventSubject(0));
        assertEquals(PRBK, r.eventParty(0));
        assertEquals(FinancingState.REQUESTED.code(), r.eventCode(0));
        assertEquals("R1", r.eventSubject(1));
        assertEquals(ReceivableState.FINANCING_REQUESTED.code(), r.eventCode(1));
    }

    // ------------------------------------------------------------ snapshot

    @Test
    void snapshotLoadsBackToTheSameStateHashAndBehavesTheSame() {
        w.confirmed("R1", FOSHAN, CNY, MILLION, 90);
        w.must(w.split(FOSHAN, "R1", "R1-a", NANSHA, 30_000_000L));
        w.must(w.requestFinancing(FOSHAN, "F1", "R1", PRBK_CNY, 60_000_000L));
        w.must(w.accept(PRBK, "F1", 60_000_000L));
        w.must(w.register("R2", JIANGMEN, USD, MILLION, 60));
        byte[] snapshot = w.ledger.snapshot();
        DemoWorld copy = new DemoWorld(io.kapok.ledger.Ledger.fromSnapshot(snapshot));
        assertArrayEquals(w.ledger.stateHash(), copy.ledger.stateHash());
        assertNull(copy.ledger.checkInvariants());
        // Derived indexes are rebuilt: the same commands get the same answers on both.
        for (DemoWorld d : new DemoWorld[] {w, copy}) {
            refused(
                    LedgerRejection.DOCUMENT_ALREADY_REGISTERED,
                    d.register(JIANGMEN, "R9", "INV-R2", CANTON, JIANGMEN, USD, MILLION, d.day, d.day + 30));
            refused(LedgerRejection.TERM_OVER_LIMIT, d.register("R8", JIANGMEN, USD, MILLION, 200));
            d.must(d.disburse(PRBK, "F1", "REG-1"));
            d.must(d.requestFinancing(NANSHA, "F2", "R1-a", PRBK_CNY, 27_000_000L));
        }
        assertArrayEquals(w.ledger.stateHash(), copy.ledger.stateHash());
    }
}
