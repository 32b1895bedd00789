package io.kapok.ledger.receivable;

import io.kapok.ledger.Currencies;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.Snapshots;
import io.kapok.ledger.party.Party;
import io.kapok.ledger.party.PartyRole;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receivables, their financings, the programmes and the credit lines they draw on: the 1+N part of
 * the ledger. Each {@code apply} method validates the whole command first and changes nothing when
 * it returns a refusal (but see {@link #touch}: an unpaid receivable found past its due date turns
 * OVERDUE whatever the command). On success it returns null and has appended its events.
 *
 * <p>Time is the command's receive time, as an epoch day ({@code floorDiv(timeMs, 86_400_000)}).
 * Collections keep insertion (journal) order, so snapshots and the state hash are deterministic.
 * Owned by the ledger thread.
 *
 * <p><b>Memory.</b> Receivables and financings are pooled ({@link EntityPool}): made ahead of need,
 * in bulk, and filled in by the command that creates one; ids are found through open-addressing
 * {@link IdIndex}es (no boxed key, no map entry); a receivable's history is a chain in one shared
 * {@link HistoryLog}, and its children a chain of siblings. So no command allocates while the
 * pools, indexes and log are within the size they were made for ({@code slotsInitial}); past it
 * they double, the only allocation, and that growth is the cost of a growing book.
 */
public final class Receivables {
    /** Largest amount, minor units: 10^15 (tsin amounts have 18 digits; with 2 decimals kept, 10^13 major). */
    public static final long AMOUNT_MINOR_MAX = 1_000_000_000_000_000L;
    /** Default longest payment term, days: 6 months. A programme may allow up to {@link #TERM_DAYS_MAX}. */
    public static final int TERM_DAYS_DEFAULT_MAX = 183;
    /** Longest payment term any programme may allow, days: one year. */
    public static final int TERM_DAYS_MAX = 365;

    private static final long MS_PER_DAY = 86_400_000L;

    private final Map<String, Party> parties;
    private final Map<String, CreditLine> creditLines = new LinkedHashMap<>();
    private final Map<String, Programme> programmes = new LinkedHashMap<>();
    private final HistoryLog history;
    /** In registration (journal) order: the handle is the order. */
    private final EntityPool<Receivable> receivables;
    /** In request (journal) order. */
    private final EntityPool<Financing> financings;

    private final IdIndex receivableIds;
    private final IdIndex financingIds;
    /** Derived (not in the snapshot): (creditor, document number) of every original receivable. */
    private final IdIndex documentKeys;
    /** Derived: longest term per core enterprise, the largest its programmes allow. */
    private final Map<String, Integer> termLimitDaysByCore = new HashMap<>();
    /** Journal sequence of the command being applied, for the receivables' histories. */
    private long sequence;

    /** Default receivables (and financings) held before the pools first grow. */
    public static final int SLOTS_INITIAL_DEFAULT = 1024;
    /** Largest initial pool size: 2^24 receivables (and as many financings), a few GB of heap. */
    public static final int SLOTS_INITIAL_MAX = 1 << 24;
    /** History changes the log is made for, per receivable slot: register, confirm, request, decide. */
    private static final int HISTORY_PER_SLOT = 4;

    /**
     * Receivables with pools of the default size ({@value #SLOTS_INITIAL_DEFAULT}).
     *
     * @param parties the ledger's parties, read for roles and posted to on settlement
     */
    public Receivables(Map<String, Party> parties) {
        this(parties, SLOTS_INITIAL_DEFAULT);
    }

    /**
     * @param parties      the ledger's parties, read for roles and posted to on settlement
     * @param slotsInitial receivables, and financings, held before the pools first grow (until then
     *     no command allocates), 1..{@value #SLOTS_INITIAL_MAX}
     * @throws IllegalArgumentException when {@code slotsInitial} is out of range
     */
    public Receivables(Map<String, Party> parties, int slotsInitial) {
        if (slotsInitial < 1 || slotsInitial > SLOTS_INITIAL_MAX) {
            throw new IllegalArgumentException("receivable slots " + slotsInitial + " outside 1.." + SLOTS_INITIAL_MAX);
        }
        this.parties = parties;
        HistoryLog log = new HistoryLog(slotsInitial * HISTORY_PER_SLOT);
        this.history = log;
        this.receivables = new EntityPool<>(slotsInitial, handle -> new Receivable(handle, log));
        this.financings = new EntityPool<>(slotsInitial, Financing::new);
        this.receivableIds = new IdIndex(slotsInitial);
        this.financingIds = new IdIndex(slotsInitial);
        this.documentKeys = new IdIndex(slotsInitial);
    }

    /** Epoch day of a receive time. */
    public static int day(long timeMs) {
        return (int) Math.floorDiv(timeMs, MS_PER_DAY);
    }

    // ---------------------------------------------------------------- programmes and credit lines

    public LedgerRejection setCreditLine(SetCreditLineCommand c, LedgerResult r) {
        if (!hasRole(c.bankId, PartyRole.BANK) || !hasRole(c.coreId, PartyRole.CORE)) {
            return LedgerRejection.WRONG_PARTY_ROLE;
        }
        if (c.limitMinor < 0 || c.limitMinor > AMOUNT_MINOR_MAX) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        String key = CreditLine.key(c.bankId, c.coreId, c.currency);
        CreditLine line = creditLines.get(key);
        if (line != null && c.limitMinor < line.reservedMinor + line.usedMinor) {
            return LedgerRejection.LINE_BELOW_EXPOSURE;
        }
        if (line == null) {
            line = new CreditLine(c.bankId, c.coreId, c.currency);
            creditLines.put(key, line);
        }
        line.limitMinor = c.limitMinor;
        return null;
    }

    public LedgerRejection createProgramme(CreateProgrammeCommand c, LedgerResult r) {
        if (programmes.containsKey(c.programmeId)) {
            return LedgerRejection.PROGRAMME_EXISTS;
        }
        if (!hasRole(c.bankId, PartyRole.BANK) || !hasRole(c.coreId, PartyRole.CORE)) {
            return LedgerRejection.WRONG_PARTY_ROLE;
        }
        if (c.maxTermDays > TERM_DAYS_MAX) {
            return LedgerRejection.TERM_OVER_ONE_YEAR;
        }
        if (c.advanceRatePpm <= 0
                || c.advanceRatePpm > DiscountPricing.PPM
                || c.discountRatePpm < 0
                || c.discountRatePpm > DiscountPricing.PPM
                || c.feeMinor < 0
                || c.feeMinor > AMOUNT_MINOR_MAX
                || c.maxTermDays < 0) {
            return LedgerRejection.INVALID_TERMS;
        }
        int term = c.maxTermDays == 0 ? TERM_DAYS_DEFAULT_MAX : c.maxTermDays;
        Programme p = new Programme(
                c.programmeId,
                c.bankId,
                c.coreId,
                c.currency,
                c.advanceRatePpm,
                c.discountRatePpm,
                c.feeMinor,
                c.recourse,
                term);
        programmes.put(p.id, p);
        termLimitDaysByCore.merge(p.coreId, term, Math::max);
        return null;
    }

    public LedgerRejection onboard(OnboardPartyCommand c, LedgerResult r) {
        Programme p = programmes.get(c.programmeId);
        if (p == null) {
            return LedgerRejection.UNKNOWN_PROGRAMME;
        }
        if (!p.bankId.equals(c.senderId) && !p.coreId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (!hasRole(c.partyId, PartyRole.SUPPLIER)) {
            return LedgerRejection.CREDITOR_NOT_SUPPLIER;
        }
        if (!p.members.add(c.partyId)) {
            return LedgerRejection.ALREADY_ONBOARDED;
        }
        r.event(LedgerEventType.PARTY_ONBOARDED, p.id, c.partyId, p.currency, 0, 0);
        return null;
    }

    /**
     * The onboarded party answers its tsin.011 (see {@link AcknowledgeOnboardingCommand}). Refusals:
     * no such programme (UNKNOWN_PROGRAMME); the sender not onboarded into it (NOT_ONBOARDED); its
     * onboarding already acknowledged (ALREADY_ACKNOWLEDGED). Reports PARTY_ONBOARDED naming the
     * programme's bank, code 1 (acknowledged) or 2 (left the programme).
     */
    public LedgerRejection acknowledge(AcknowledgeOnboardingCommand c, LedgerResult r) {
        Programme p = c.programmeId == null ? null : programmes.get(c.programmeId);
        if (p == null) {
            return LedgerRejection.UNKNOWN_PROGRAMME;
        }
        if (!p.members.contains(c.senderId)) {
            return LedgerRejection.NOT_ONBOARDED;
        }
        if (p.acknowledged.contains(c.senderId)) {
            return LedgerRejection.ALREADY_ACKNOWLEDGED;
        }
        if (c.accept) {
            p.acknowledged.add(c.senderId);
        } else {
            p.members.remove(c.senderId); // what it financed already runs on; it asks for no more
        }
        r.event(LedgerEventType.PARTY_ONBOARDED, p.id, p.bankId, p.currency, 0, c.accept ? 1 : 2);
        return null;
    }

    // ---------------------------------------------------------------- receivables

    public LedgerRejection register(RegisterReceivableCommand c, LedgerResult r) {
        sequence = c.sequence;
        if (receivable(c.receivableId) != null) {
            return LedgerRejection.RECEIVABLE_EXISTS;
        }
        if (!c.senderId.equals(c.debtorId) && !c.senderId.equals(c.creditorId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (!hasRole(c.debtorId, PartyRole.CORE)) {
            return LedgerRejection.DEBTOR_NOT_CORE;
        }
        if (!hasRole(c.creditorId, PartyRole.SUPPLIER)) {
            return LedgerRejection.CREDITOR_NOT_SUPPLIER;
        }
        if (c.amountMinor <= 0 || c.amountMinor > AMOUNT_MINOR_MAX) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        if (c.dueDay < c.issueDay) {
            return LedgerRejection.DUE_BEFORE_ISSUE;
        }
        int term = c.dueDay - c.issueDay;
        if (term > TERM_DAYS_MAX) {
            return LedgerRejection.TERM_OVER_ONE_YEAR;
        }
        if (term > termLimitDays(c.debtorId)) {
            return LedgerRejection.TERM_OVER_LIMIT;
        }
        if (c.documentNumber != null && documentRegistered(c.creditorId, c.documentNumber)) {
            return LedgerRejection.DOCUMENT_ALREADY_REGISTERED;
        }
        Receivable rec = receivables.claim();
        rec.init(
                c.receivableId,
                c.documentNumber,
                c.debtorId,
                c.creditorId,
                null,
                c.currency,
                c.amountMinor,
                c.issueDay,
                c.dueDay);
        indexNew(rec);
        rec.state = ReceivableState.REGISTERED;
        rec.record(sequence, ReceivableChange.REGISTERED);
        stateEvent(rec, r);
        return null;
    }

    public LedgerRejection confirm(ConfirmReceivableCommand c, LedgerResult r) {
        sequence = c.sequence;
        Receivable rec = receivable(c.receivableId);
        if (rec == null) {
            return LedgerRejection.UNKNOWN_RECEIVABLE;
        }
        touch(rec, day(c.timeMs), r);
        if (!rec.debtorId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (rec.state != ReceivableState.REGISTERED) {
            return stateRefusal(rec);
        }
        rec.state = c.accept ? ReceivableState.CONFIRMED : ReceivableState.REJECTED;
        rec.record(sequence, c.accept ? ReceivableChange.CONFIRMED : ReceivableChange.REFUSED);
        stateEvent(rec, r);
        return null;
    }

    public LedgerRejection split(SplitReceivableCommand c, LedgerResult r) {
        sequence = c.sequence;
        Receivable parent = receivable(c.receivableId);
        if (parent == null) {
            return LedgerRejection.UNKNOWN_RECEIVABLE;
        }
        touch(parent, day(c.timeMs), r);
        if (!parent.holderId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (parent.state != ReceivableState.CONFIRMED) {
            return stateRefusal(parent);
        }
        if (receivable(c.childReceivableId) != null) {
            return LedgerRejection.RECEIVABLE_EXISTS;
        }
        if (!hasRole(c.newHolderId, PartyRole.SUPPLIER)) {
            return LedgerRejection.CREDITOR_NOT_SUPPLIER;
        }
        if (c.newHolderId.equals(c.senderId)) {
            return LedgerRejection.SAME_PARTY;
        }
        if (c.amountMinor <= 0) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        if (c.amountMinor >= parent.outstandingMinor) {
            return LedgerRejection.SPLIT_OVER_AVAILABLE;
        }
        Receivable child = splitOff(
                parent,
                c.childReceivableId,
                c.newHolderId,
                c.amountMinor,
                ReceivableState.CONFIRMED,
                ReceivableChange.SPLIT_FROM_PARENT,
                r);
        stateEvent(parent, r);
        stateEvent(child, r);
        assignedEvent(child, c.amountMinor, r);
        return null;
    }

    /**
     * Factoring (see {@link AssignReceivableCommand}). Refusals, in the order checked: unknown
     * receivable; not the holder (NOT_ENTITLED_TO_ACT); a financing requested or granted
     * (ALREADY_FINANCED); not CONFIRMED (RECEIVABLE_STATE_FORBIDS, or RECEIVABLE_OVERDUE); due today
     * or earlier (RECEIVABLE_OVERDUE); the assignee no bank (WRONG_PARTY_ROLE); no such programme
     * (UNKNOWN_PROGRAMME); a programme of another bank, core enterprise or currency
     * (PROGRAMME_MISMATCH); the holder not onboarded into it (NOT_ONBOARDED); an amount not positive
     * (INVALID_AMOUNT) or over the outstanding amount (SPLIT_OVER_AVAILABLE); a part whose child id
     * is missing (INVALID_AMOUNT: only the whole amount needs none) or taken (RECEIVABLE_EXISTS); no
     * credit line of the bank to the debtor (NO_CREDIT_LINE) or too little left on it
     * (OVER_CREDIT_LINE).
     */
    public LedgerRejection assign(AssignReceivableCommand c, LedgerResult r) {
        sequence = c.sequence;
        Receivable rec = receivable(c.receivableId);
        if (rec == null) {
            return LedgerRejection.UNKNOWN_RECEIVABLE;
        }
        int today = day(c.timeMs);
        touch(rec, today, r);
        if (!rec.holderId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        LedgerRejection encumbered = unencumberedRefusal(rec, today);
        if (encumbered != null) {
            return encumbered;
        }
        if (!hasRole(c.bankId, PartyRole.BANK)) {
            return LedgerRejection.WRONG_PARTY_ROLE;
        }
        Programme p = c.programmeId == null ? null : programmes.get(c.programmeId);
        if (p == null) {
            return LedgerRejection.UNKNOWN_PROGRAMME;
        }
        if (!p.bankId.equals(c.bankId) || !p.coreId.equals(rec.debtorId) || p.currency != rec.currency) {
            return LedgerRejection.PROGRAMME_MISMATCH;
        }
        if (!p.members.contains(c.senderId)) {
            return LedgerRejection.NOT_ONBOARDED;
        }
        if (c.amountMinor <= 0) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        if (c.amountMinor > rec.outstandingMinor) {
            return LedgerRejection.SPLIT_OVER_AVAILABLE;
        }
        boolean whole = c.amountMinor == rec.outstandingMinor;
        if (!whole && c.childReceivableId == null) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        if (!whole && receivable(c.childReceivableId) != null) {
            return LedgerRejection.RECEIVABLE_EXISTS;
        }
        CreditLine line = creditLines.get(p.creditLineKey);
        if (line == null) {
            return LedgerRejection.NO_CREDIT_LINE;
        }
        if (c.amountMinor > line.availableMinor()) {
            return LedgerRejection.OVER_CREDIT_LINE;
        }
        Receivable assigned;
        if (whole) {
            assigned = rec;
            rec.holderId = c.bankId;
            rec.state = ReceivableState.ASSIGNED;
            rec.record(sequence, ReceivableChange.ASSIGNED);
        } else {
            assigned = splitOff(
                    rec,
                    c.childReceivableId,
                    c.bankId,
                    c.amountMinor,
                    ReceivableState.ASSIGNED,
                    ReceivableChange.ASSIGNED,
                    r);
            stateEvent(rec, r);
        }
        assigned.factoredMinor = c.amountMinor;
        line.reservedMinor += c.amountMinor;
        r.event(LedgerEventType.CREDIT_RESERVED, line.bankId, line.coreId, line.currency, c.amountMinor, 0);
        stateEvent(assigned, r);
        assignedEvent(assigned, c.amountMinor, r);
        return null;
    }

    public LedgerRejection cancel(CancelReceivableCommand c, LedgerResult r) {
        sequence = c.sequence;
        Receivable rec = receivable(c.receivableId);
        if (rec == null) {
            return LedgerRejection.UNKNOWN_RECEIVABLE;
        }
        touch(rec, day(c.timeMs), r);
        if (!rec.holderId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (rec.state != ReceivableState.REGISTERED
                && rec.state != ReceivableState.CONFIRMED
                && rec.state != ReceivableState.ASSIGNED) {
            return stateRefusal(rec);
        }
        if (rec.childCount() != 0) {
            return LedgerRejection.HAS_CHILDREN;
        }
        releaseFactored(rec, r); // a bank withdrawing a claim it was assigned frees its credit line
        rec.state = ReceivableState.CANCELLED;
        rec.record(sequence, ReceivableChange.CANCELLED);
        stateEvent(rec, r);
        return null;
    }

    // ---------------------------------------------------------------- financing

    public LedgerRejection requestFinancing(RequestFinancingCommand c, LedgerResult r) {
        sequence = c.sequence;
        if (financing(c.financingId) != null) {
            return LedgerRejection.FINANCING_EXISTS;
        }
        Receivable rec = receivable(c.receivableId);
        if (rec == null) {
            return LedgerRejection.UNKNOWN_RECEIVABLE;
        }
        int today = day(c.timeMs);
        touch(rec, today, r);
        if (!rec.holderId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        Programme p = programmes.get(c.programmeId);
        if (p == null) {
            return LedgerRejection.UNKNOWN_PROGRAMME;
        }
        if (!p.coreId.equals(rec.debtorId) || p.currency != rec.currency) {
            return LedgerRejection.PROGRAMME_MISMATCH;
        }
        if (!p.members.contains(c.senderId)) {
            return LedgerRejection.NOT_ONBOARDED;
        }
        LedgerRejection encumbered = unencumberedRefusal(rec, today);
        if (encumbered != null) {
            return encumbered;
        }
        if (rec.dueDay - today > TERM_DAYS_MAX) {
            return LedgerRejection.TERM_OVER_ONE_YEAR; // issued in the future: no financing runs over a year
        }
        if (rec.dueDay - rec.issueDay > p.maxTermDays) {
            return LedgerRejection.TERM_OVER_LIMIT;
        }
        if (c.amountMinor <= 0 || c.amountMinor > AMOUNT_MINOR_MAX) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        if (c.amountMinor > DiscountPricing.advanceCapMinor(rec.outstandingMinor, p.advanceRatePpm)) {
            return LedgerRejection.OVER_ADVANCE_RATE;
        }
        Financing f = financings.claim();
        f.init(c.financingId, rec.id, p.id, p.bankId, c.senderId, rec.currency, c.amountMinor);
        financingIds.put(IdIndex.hash(f.id), f.handle);
        rec.financingId = f.id;
        rec.lastFinancingId = f.id;
        rec.state = ReceivableState.FINANCING_REQUESTED;
        rec.record(sequence, ReceivableChange.FINANCING_REQUESTED);
        financingEvent(f, f.requestedMinor, r);
        stateEvent(rec, r);
        return null;
    }

    public LedgerRejection decideFinancing(DecideFinancingCommand c, LedgerResult r) {
        sequence = c.sequence;
        Financing f = financing(c.financingId);
        if (f == null) {
            return LedgerRejection.UNKNOWN_FINANCING;
        }
        Receivable rec = receivable(f.receivableId);
        int today = day(c.timeMs);
        touch(rec, today, r);
        if (!f.bankId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (f.state != FinancingState.REQUESTED) {
            return LedgerRejection.FINANCING_STATE_FORBIDS;
        }
        if (!c.accept) {
            f.state = FinancingState.REJECTED;
            f.reasonCode = c.reasonCode;
            f.decidedDay = today;
            rec.financingId = null;
            rec.record(sequence, ReceivableChange.FINANCING_REFUSED);
            financingEvent(f, f.requestedMinor, r);
            if (rec.state == ReceivableState.FINANCING_REQUESTED) {
                rec.state = ReceivableState.CONFIRMED;
                stateEvent(rec, r);
            }
            return null;
        }
        if (rec.state != ReceivableState.FINANCING_REQUESTED) {
            return stateRefusal(rec);
        }
        int days = rec.dueDay - today;
        if (days <= 0) {
            return LedgerRejection.RECEIVABLE_OVERDUE;
        }
        if (days > TERM_DAYS_MAX) {
            return LedgerRejection.TERM_OVER_ONE_YEAR; // cannot happen after a valid request; keeps pricing in bounds
        }
        Programme p = programmes.get(f.programmeId);
        if (c.financedAmountMinor <= 0) {
            return LedgerRejection.INVALID_AMOUNT;
        }
        if (c.financedAmountMinor > f.requestedMinor
                || c.financedAmountMinor > DiscountPricing.advanceCapMinor(rec.outstandingMinor, p.advanceRatePpm)) {
            return LedgerRejection.OVER_ADVANCE_RATE;
        }
        CreditLine line = creditLines.get(p.creditLineKey);
        if (line == null) {
            return LedgerRejection.NO_CREDIT_LINE;
        }
        if (c.financedAmountMinor > line.availableMinor()) {
            return LedgerRejection.OVER_CREDIT_LINE;
        }
        long interest =
                DiscountPricing.discountInterestMinor(c.financedAmountMinor, p.discountRatePpm, days, rec.currency);
        long advance = c.financedAmountMinor - interest - p.feeMinor;
        if (advance <= 0) {
            return LedgerRejection.INVALID_AMOUNT; // interest and fee would eat the whole advance
        }
        line.reservedMinor += c.financedAmountMinor;
        f.state = FinancingState.ACCEPTED;
        f.financedMinor = c.financedAmountMinor;
        f.interestMinor = interest;
        f.feeMinor = p.feeMinor;
        f.advanceMinor = advance;
        f.decidedDay = today;
        rec.state = ReceivableState.FINANCED;
        rec.record(sequence, ReceivableChange.FINANCED);
        financingEvent(f, f.financedMinor, r);
        r.event(LedgerEventType.CREDIT_RESERVED, line.bankId, line.coreId, line.currency, f.financedMinor, 0);
        stateEvent(rec, r);
        return null;
    }

    public LedgerRejection disburse(DisburseFinancingCommand c, LedgerResult r) {
        sequence = c.sequence;
        Financing f = financing(c.financingId);
        if (f == null) {
            return LedgerRejection.UNKNOWN_FINANCING;
        }
        Receivable rec = receivable(f.receivableId);
        touch(rec, day(c.timeMs), r);
        if (!f.bankId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (f.state != FinancingState.ACCEPTED) {
            return LedgerRejection.FINANCING_STATE_FORBIDS;
        }
        if (c.registrationReference == null || c.registrationReference.isBlank()) {
            return LedgerRejection.MISSING_REGISTRATION_REFERENCE;
        }
        if (rec.state == ReceivableState.OVERDUE) {
            return LedgerRejection.RECEIVABLE_OVERDUE;
        }
        CreditLine line = creditLines.get(programmes.get(f.programmeId).creditLineKey);
        line.reservedMinor -= f.financedMinor;
        line.usedMinor += f.financedMinor;
        f.state = FinancingState.DISBURSED;
        f.registrationReference = c.registrationReference;
        rec.record(sequence, ReceivableChange.DISBURSED);
        financingEvent(f, f.financedMinor, r);
        r.event(LedgerEventType.CREDIT_POSTED, line.bankId, line.coreId, line.currency, f.financedMinor, 0);
        // From now on the debtor repays the bank (a payment to anyone else is WRONG_PAYEE).
        stateEvent(rec, r);
        assignedEvent(rec, rec.outstandingMinor, r);
        return null;
    }

    public LedgerRejection cancelFinancing(CancelFinancingCommand c, LedgerResult r) {
        sequence = c.sequence;
        Financing f = financing(c.financingId);
        if (f == null) {
            return LedgerRejection.UNKNOWN_FINANCING;
        }
        Receivable rec = receivable(f.receivableId);
        touch(rec, day(c.timeMs), r);
        if (!f.requesterId.equals(c.senderId)) {
            return LedgerRejection.NOT_ENTITLED_TO_ACT;
        }
        if (f.state != FinancingState.REQUESTED && f.state != FinancingState.ACCEPTED) {
            return LedgerRejection.FINANCING_STATE_FORBIDS;
        }
        endFinancing(f, FinancingState.CANCELLED, r);
        rec.financingId = null;
        rec.record(sequence, ReceivableChange.FINANCING_CANCELLED);
        if (rec.state == ReceivableState.FINANCING_REQUESTED || rec.state == ReceivableState.FINANCED) {
            rec.state = ReceivableState.CONFIRMED;
            stateEvent(rec, r);
        }
        return null;
    }

    /**
     * Settles a receivable with a payment between two banks' settlement accounts, or on the books of
     * one bank when the paying bank is also the payee (on us: nothing moves between accounts here).
     *
     * @return null when applied, else the refusal (nothing posted)
     */
    public LedgerRejection settle(SettleReceivableCommand c, LedgerResult r) {
        sequence = c.sequence;
        Receivable rec = receivable(c.receivableId);
        if (rec == null) {
            return LedgerRejection.UNKNOWN_RECEIVABLE;
        }
        touch(rec, day(c.timeMs), r);
        if (!rec.state.unpaid() && rec.state != ReceivableState.OVERDUE) {
            return LedgerRejection.RECEIVABLE_STATE_FORBIDS;
        }
        if (c.amountMinor != rec.outstandingMinor) {
            return LedgerRejection.AMOUNT_MISMATCH;
        }
        Financing f = rec.financingId == null ? null : financing(rec.financingId);
        if (f != null && f.state == FinancingState.DISBURSED && !f.bankId.equals(c.payeeBankId)) {
            return LedgerRejection.WRONG_PAYEE;
        }
        if (rec.factoredMinor != 0 && !rec.holderId.equals(c.payeeBankId)) {
            return LedgerRejection.WRONG_PAYEE; // assigned to a bank: it is repaid to that bank
        }
        Party payer = parties.get(c.senderId);
        int payerIndex = payer == null || !PartyRole.BANK.in(payer.roles()) ? -1 : payer.accountIndex(rec.currency);
        if (payerIndex < 0) {
            return LedgerRejection.UNKNOWN_DEBIT_ACCOUNT;
        }
        Party payee = parties.get(c.payeeBankId);
        int payeeIndex = payee == null ? -1 : payee.accountIndex(rec.currency);
        if (payeeIndex < 0) {
            return LedgerRejection.UNKNOWN_CREDIT_ACCOUNT;
        }
        if (payer != payee) {
            if (payer.balanceAt(payerIndex) < c.amountMinor) {
                return LedgerRejection.INSUFFICIENT_FUNDS;
            }
            payer.post(payerIndex, -c.amountMinor);
            payee.post(payeeIndex, c.amountMinor);
            r.partyEvent(LedgerEventType.POSTED, payer, rec.id, rec.currency, -c.amountMinor, 0);
            r.partyEvent(LedgerEventType.POSTED, payee, rec.id, rec.currency, c.amountMinor, 0);
        } // else on us: the debtor and the payee bank are one bank, the money moves on its own books
        if (f != null && f.state.active()) {
            endFinancing(f, f.state == FinancingState.DISBURSED ? FinancingState.REPAID : FinancingState.CANCELLED, r);
        }
        releaseFactored(rec, r);
        rec.state = ReceivableState.SETTLED;
        rec.record(sequence, ReceivableChange.SETTLED);
        stateEvent(rec, r);
        return null;
    }

    /** Ends an active financing, voiding its hold (accepted) or releasing its exposure (disbursed). */
    private void endFinancing(Financing f, FinancingState end, LedgerResult r) {
        if (f.state == FinancingState.ACCEPTED || f.state == FinancingState.DISBURSED) {
            CreditLine line = creditLines.get(programmes.get(f.programmeId).creditLineKey);
            if (f.state == FinancingState.ACCEPTED) {
                line.reservedMinor -= f.financedMinor;
            } else {
                line.usedMinor -= f.financedMinor;
            }
            r.event(LedgerEventType.CREDIT_RELEASED, line.bankId, line.coreId, line.currency, f.financedMinor, 0);
        }
        f.state = end;
        financingEvent(f, f.financedMinor, r);
    }

    /**
     * Splits {@code amountMinor} off {@code parent} (the caller checked it leaves a positive amount)
     * into a new child {@code childId} held by {@code holderId}: same debtor, currency and dates,
     * provenance kept, in {@code state} with {@code change} as its first history entry; the parent's
     * outstanding amount shrinks and it records SPLIT. Reports RECEIVABLE_SPLIT.
     */
    private Receivable splitOff(
            Receivable parent,
            String childId,
            String holderId,
            long amountMinor,
            ReceivableState state,
            ReceivableChange change,
            LedgerResult r) {
        Receivable child = receivables.claim();
        child.init(
                childId,
                parent.documentNumber,
                parent.debtorId,
                holderId,
                parent.id,
                parent.currency,
                amountMinor,
                parent.issueDay,
                parent.dueDay);
        indexNew(child);
        child.state = state;
        child.record(sequence, change);
        parent.outstandingMinor -= amountMinor;
        parent.splitMinor += amountMinor;
        parent.record(sequence, ReceivableChange.SPLIT);
        r.event(LedgerEventType.RECEIVABLE_SPLIT, parent.id, child.id, parent.currency, amountMinor, 0);
        return child;
    }

    /**
     * Releases what an assignment to a bank holds on that bank's credit line to the debtor, when
     * {@code rec} was assigned and is still unpaid (the caller is about to settle or withdraw it).
     */
    private void releaseFactored(Receivable rec, LedgerResult r) {
        if (!holdsFactored(rec)) {
            return;
        }
        CreditLine line = creditLines.get(CreditLine.key(rec.holderId, rec.debtorId, rec.currency));
        line.reservedMinor -= rec.factoredMinor;
        r.event(LedgerEventType.CREDIT_RELEASED, line.bankId, line.coreId, line.currency, rec.factoredMinor, 0);
    }

    /** True while an assignment to a bank holds {@code rec}'s amount on that bank's credit line. */
    private static boolean holdsFactored(Receivable rec) {
        return rec.factoredMinor != 0
                && (rec.state == ReceivableState.ASSIGNED || rec.state == ReceivableState.OVERDUE);
    }

    /**
     * Indexes a receivable just filled in: its id and, for an original with a document number, its
     * document; a child is chained to its parent here, so children stay in split order. The caller
     * then sets its state and records its first change.
     */
    private void indexNew(Receivable rec) {
        receivableIds.put(IdIndex.hash(rec.id), rec.handle);
        if (rec.parentId == null) {
            if (rec.documentNumber != null) {
                documentKeys.put(IdIndex.hash(rec.creditorId, rec.documentNumber), rec.handle);
            }
        } else {
            Receivable parent = receivable(rec.parentId);
            if (parent == null) {
                throw new IllegalStateException("receivable " + rec.id + " is split from unknown " + rec.parentId);
            }
            parent.addChild(rec);
        }
    }

    /**
     * Time moves on: an unpaid receivable found past its due date turns OVERDUE, whatever the
     * command that found it, and even if that command is then refused.
     */
    private void touch(Receivable rec, int today, LedgerResult r) {
        if (today > rec.dueDay && rec.state.unpaid()) {
            rec.state = ReceivableState.OVERDUE;
            rec.record(sequence, ReceivableChange.OVERDUE);
            stateEvent(rec, r);
        }
    }

    /**
     * Why {@code rec} cannot be financed or assigned to a bank today, or null when it can: it must be
     * CONFIRMED, with no financing requested or granted (ALREADY_FINANCED), and not yet due
     * (RECEIVABLE_OVERDUE).
     */
    private static LedgerRejection unencumberedRefusal(Receivable rec, int today) {
        if (rec.state == ReceivableState.FINANCING_REQUESTED || rec.state == ReceivableState.FINANCED) {
            return LedgerRejection.ALREADY_FINANCED;
        }
        if (rec.state != ReceivableState.CONFIRMED) {
            return stateRefusal(rec);
        }
        return today >= rec.dueDay ? LedgerRejection.RECEIVABLE_OVERDUE : null;
    }

    private static LedgerRejection stateRefusal(Receivable rec) {
        return rec.state == ReceivableState.OVERDUE
                ? LedgerRejection.RECEIVABLE_OVERDUE
                : LedgerRejection.RECEIVABLE_STATE_FORBIDS;
    }

    private static void stateEvent(Receivable rec, LedgerResult r) {
        r.event(
                LedgerEventType.RECEIVABLE_STATE,
                rec.id,
                rec.holderId,
                rec.currency,
                rec.outstandingMinor,
                rec.state.code());
    }

    /** The debtor of {@code rec} must now pay {@code amountMinor} of it to someone else (see {@link LedgerEventType}). */
    private static void assignedEvent(Receivable rec, long amountMinor, LedgerResult r) {
        r.event(
                LedgerEventType.RECEIVABLE_ASSIGNED,
                rec.id,
                rec.debtorId,
                rec.currency,
                amountMinor,
                rec.dueDay * 1024 + (rec.dueDay - rec.issueDay));
    }

    private static void financingEvent(Financing f, long amountMinor, LedgerResult r) {
        r.event(LedgerEventType.FINANCING_STATE, f.id, f.bankId, f.currency, amountMinor, f.state.code());
    }

    private boolean hasRole(String partyId, PartyRole role) {
        Party p = partyId == null ? null : parties.get(partyId);
        return p != null && role.in(p.roles());
    }

    private int termLimitDays(String coreId) {
        Integer limit = termLimitDaysByCore.get(coreId);
        return limit == null ? TERM_DAYS_DEFAULT_MAX : limit;
    }

    // ---------------------------------------------------------------- reads

    /** The receivable with this id, or null. Ledger thread only. */
    public Receivable receivable(String id) {
        int hash = IdIndex.hash(id);
        for (int p = receivableIds.first(hash); p >= 0; p = receivableIds.next(p, hash)) {
            Receivable rec = receivables.get(receivableIds.handleAt(p));
            if (rec.id.equals(id)) {
                return rec;
            }
        }
        return null;
    }

    /** The financing with this id, or null. Ledger thread only. */
    public Financing financing(String id) {
        int hash = IdIndex.hash(id);
        for (int p = financingIds.first(hash); p >= 0; p = financingIds.next(p, hash)) {
            Financing f = financings.get(financingIds.handleAt(p));
            if (f.id.equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** True when {@code creditorId} has registered an original receivable with this document number. */
    private boolean documentRegistered(String creditorId, String documentNumber) {
        int hash = IdIndex.hash(creditorId, documentNumber);
        for (int p = documentKeys.first(hash); p >= 0; p = documentKeys.next(p, hash)) {
            Receivable rec = receivables.get(documentKeys.handleAt(p));
            if (rec.documentNumber.equals(documentNumber) && rec.creditorId.equals(creditorId)) {
                return true;
            }
        }
        return false;
    }

    public Programme programme(String id) {
        return programmes.get(id);
    }

    /** The line of {@code bankId} to {@code coreId} in {@code currency}, or null. */
    public CreditLine creditLine(String bankId, String coreId, int currency) {
        return creditLines.get(CreditLine.key(bankId, coreId, currency));
    }

    /** All receivables in registration order; read-only, live view. */
    public Collection<Receivable> receivables() {
        return receivables;
    }

    /** All financings in request order; read-only, live view. */
    public Collection<Financing> financings() {
        return financings;
    }

    public Collection<CreditLine> creditLines() {
        return Collections.unmodifiableCollection(creditLines.values());
    }

    public Collection<Programme> programmes() {
        return Collections.unmodifiableCollection(programmes.values());
    }

    /**
     * The receivable with this id as the ops API shows it, or null when there is none. O(its
     * history and children); allocates the view. Ledger thread only.
     */
    public ReceivableView view(String id) {
        Receivable rec = receivable(id);
        if (rec == null) {
            return null;
        }
        String financingId = rec.financingId != null ? rec.financingId : rec.lastFinancingId;
        Financing f = financingId == null ? null : financing(financingId);
        ReceivableView.FinancingView financing = f == null
                ? null
                : new ReceivableView.FinancingView(
                        f.id, f.bankId, f.requestedMinor, f.financedMinor, f.state, f.state.active());
        boolean holdsPrincipal =
                f != null && (f.state == FinancingState.ACCEPTED || f.state == FinancingState.DISBURSED);
        List<ReceivableView.Change> history = new ArrayList<>(rec.historySize);
        for (int i = rec.historyFirst; i >= 0; i = this.history.nextAt(i)) {
            history.add(new ReceivableView.Change(this.history.sequenceAt(i), this.history.changeAt(i)));
        }
        return new ReceivableView(
                rec.id,
                rec.state,
                rec.holderId,
                rec.debtorId,
                rec.creditorId,
                rec.documentNumber,
                Currencies.unpack(rec.currency),
                rec.faceMinor,
                rec.outstandingMinor,
                holdsPrincipal ? f.financedMinor : 0,
                rec.factoredMinor,
                LocalDate.ofEpochDay(rec.issueDay),
                LocalDate.ofEpochDay(rec.dueDay),
                financing,
                rec.parentId,
                List.copyOf(rec.childIds()),
                List.copyOf(history));
    }

    /**
     * The credit lines of {@code bankId}, one per core enterprise and currency, ordered by core
     * enterprise id then currency code; empty when the bank has none. O(credit lines). Ledger
     * thread only.
     */
    public List<ExposureView> exposureView(String bankId) {
        List<ExposureView> lines = new ArrayList<>();
        for (CreditLine line : creditLines.values()) {
            if (line.bankId.equals(bankId)) {
                lines.add(new ExposureView(
                        line.coreId,
                        Currencies.unpack(line.currency),
                        line.limitMinor,
                        line.reservedMinor,
                        line.usedMinor,
                        line.availableMinor()));
            }
        }
        lines.sort(Comparator.comparing(ExposureView::coreId).thenComparing(ExposureView::currency));
        return List.copyOf(lines);
    }

    // ---------------------------------------------------------------- invariants

    /**
     * Checks the whole 1+N state, O(receivables + financings): children sum to their parent, no
     * receivable is over-financed or financed twice, a receivable assigned to a bank is held by that
     * bank and unfinanced, every credit line's reserved and used amounts are exactly its accepted
     * financings and unpaid assignments, and its disbursed financings, and stay within the limit.
     *
     * @return null when consistent, else a description of the first breach
     */
    public String checkInvariants() {
        for (Receivable rec : receivables) {
            if (rec.outstandingMinor <= 0 || rec.outstandingMinor + rec.splitMinor != rec.faceMinor) {
                return "receivable " + rec.id + ": outstanding " + rec.outstandingMinor + " + split " + rec.splitMinor
                        + " != face " + rec.faceMinor;
            }
            long children = 0;
            int childCount = 0;
            for (Receivable child = rec.firstChild; child != null; child = child.nextSibling) {
                String childId = child.id;
                childCount++;
                if (child != receivable(childId)
                        || !rec.id.equals(child.parentId)
                        || !rec.debtorId.equals(child.debtorId)
                        || rec.dueDay != child.dueDay
                        || rec.currency != child.currency) {
                    return "receivable " + rec.id + ": child " + childId + " breaks provenance";
                }
                children += child.faceMinor;
            }
            if (childCount != rec.childCount()) {
                return "receivable " + rec.id + ": " + childCount + " children chained, " + rec.childCount()
                        + " counted";
            }
            if (children != rec.splitMinor) {
                return "receivable " + rec.id + ": children sum to " + children + ", split " + rec.splitMinor;
            }
            if (rec.holderId == null) {
                return "receivable " + rec.id + " has no holder";
            }
            if (rec.state == ReceivableState.ASSIGNED
                    && (rec.factoredMinor == 0 || !hasRole(rec.holderId, PartyRole.BANK))) {
                return "receivable " + rec.id + " is ASSIGNED but not held by a bank that took it over";
            }
            if (holdsFactored(rec) && (rec.factoredMinor != rec.outstandingMinor || rec.financingId != null)) {
                return "receivable " + rec.id + " assigned to " + rec.holderId + ": factored " + rec.factoredMinor
                        + ", outstanding " + rec.outstandingMinor + ", financing " + rec.financingId;
            }
            boolean financingState =
                    rec.state == ReceivableState.FINANCING_REQUESTED || rec.state == ReceivableState.FINANCED;
            Financing f = rec.financingId == null ? null : financing(rec.financingId);
            if (financingState && (f == null || !f.state.active())) {
                return "receivable " + rec.id + " is " + rec.state + " without an active financing";
            }
        }
        for (Programme p : programmes.values()) {
            if (!p.members.containsAll(p.acknowledged)) {
                return "programme " + p.id + ": acknowledged " + p.acknowledged + " not all members " + p.members;
            }
        }
        Map<String, long[]> holds = new HashMap<>();
        for (Receivable rec : receivables) {
            if (holdsFactored(rec)) {
                holds.computeIfAbsent(CreditLine.key(rec.holderId, rec.debtorId, rec.currency), k -> new long[2])[0] +=
                        rec.factoredMinor;
            }
        }
        Map<String, String> activeByReceivable = new HashMap<>();
        for (Financing f : financings) {
            if (!f.state.active()) {
                continue;
            }
            String other = activeByReceivable.put(f.receivableId, f.id);
            if (other != null) {
                return "receivable " + f.receivableId + " is financed twice: " + other + " and " + f.id;
            }
            Receivable rec = receivable(f.receivableId);
            if (!f.id.equals(rec.financingId)) {
                return "financing " + f.id + " is active but receivable " + rec.id + " points at " + rec.financingId;
            }
            Programme p = programmes.get(f.programmeId);
            long cap = DiscountPricing.advanceCapMinor(rec.outstandingMinor, p.advanceRatePpm);
            if (f.financedMinor > cap || f.requestedMinor > cap) {
                return "financing " + f.id + " over-finances " + rec.id + ": " + f.financedMinor + " > " + cap;
            }
            if (f.state == FinancingState.ACCEPTED || f.state == FinancingState.DISBURSED) {
                if (f.advanceMinor != f.financedMinor - f.interestMinor - f.feeMinor) {
                    return "financing " + f.id + " advance does not equal principal - interest - fee";
                }
                long[] h = holds.computeIfAbsent(p.creditLineKey, k -> new long[2]);
                h[f.state == FinancingState.ACCEPTED ? 0 : 1] += f.financedMinor;
            }
        }
        for (Map.Entry<String, CreditLine> e : creditLines.entrySet()) {
            CreditLine line = e.getValue();
            long[] h = holds.getOrDefault(e.getKey(), new long[2]);
            if (line.reservedMinor != h[0] || line.usedMinor != h[1]) {
                return "credit line " + line.bankId + "->" + line.coreId + ": reserved/used " + line.reservedMinor + "/"
                        + line.usedMinor + " but financings and assignments hold " + h[0] + "/" + h[1];
            }
            if (line.reservedMinor < 0 || line.usedMinor < 0 || line.availableMinor() < 0) {
                return "credit line " + line.bankId + "->" + line.coreId + " over its limit: " + line.reservedMinor
                        + " + " + line.usedMinor + " > " + line.limitMinor;
            }
            holds.remove(e.getKey());
        }
        if (!holds.isEmpty()) {
            return "financings hold exposure on a missing credit line: " + holds.keySet();
        }
        return null;
    }

    // ---------------------------------------------------------------- snapshot

    /**
     * Writes the whole state, in journal order. Derived indexes are rebuilt by {@link #read}. Since
     * ledger snapshot version 5: per programme, after its members, those that acknowledged their
     * onboarding (count int32, ids); per receivable, after its last financing id, what a bank took
     * over by assignment (int64).
     */
    public void write(DataOutput out) throws IOException {
        out.writeInt(creditLines.size());
        for (CreditLine l : creditLines.values()) {
            out.writeUTF(l.bankId);
            out.writeUTF(l.coreId);
            out.writeInt(l.currency);
            out.writeLong(l.limitMinor);
            out.writeLong(l.reservedMinor);
            out.writeLong(l.usedMinor);
        }
        out.writeInt(programmes.size());
        for (Programme p : programmes.values()) {
            out.writeUTF(p.id);
            out.writeUTF(p.bankId);
            out.writeUTF(p.coreId);
            out.writeInt(p.currency);
            out.writeInt(p.advanceRatePpm);
            out.writeInt(p.discountRatePpm);
            out.writeLong(p.feeMinor);
            out.writeBoolean(p.recourse);
            out.writeInt(p.maxTermDays);
            out.writeInt(p.members.size());
            for (String m : p.members) {
                out.writeUTF(m);
            }
            out.writeInt(p.acknowledged.size());
            for (String m : p.acknowledged) {
                out.writeUTF(m);
            }
        }
        out.writeInt(receivables.size());
        for (Receivable rec : receivables) {
            out.writeUTF(rec.id);
            Snapshots.writeString(out, rec.documentNumber);
            out.writeUTF(rec.debtorId);
            out.writeUTF(rec.creditorId);
            Snapshots.writeString(out, rec.parentId);
            out.writeInt(rec.currency);
            out.writeLong(rec.faceMinor);
            out.writeInt(rec.issueDay);
            out.writeInt(rec.dueDay);
            out.writeUTF(rec.holderId);
            out.writeLong(rec.outstandingMinor);
            out.writeLong(rec.splitMinor);
            out.writeByte(rec.state.code());
            Snapshots.writeString(out, rec.financingId);
            out.writeInt(rec.childCount());
            for (Receivable child = rec.firstChild; child != null; child = child.nextSibling) {
                out.writeUTF(child.id);
            }
            Snapshots.writeString(out, rec.lastFinancingId);
            out.writeLong(rec.factoredMinor);
            out.writeInt(rec.historySize);
            for (int h = rec.historyFirst; h >= 0; h = history.nextAt(h)) {
                out.writeLong(history.packedAt(h));
            }
        }
        out.writeInt(financings.size());
        for (Financing f : financings) {
            out.writeUTF(f.id);
            out.writeUTF(f.receivableId);
            out.writeUTF(f.programmeId);
            out.writeUTF(f.bankId);
            out.writeUTF(f.requesterId);
            out.writeInt(f.currency);
            out.writeLong(f.requestedMinor);
            out.writeByte(f.state.code());
            out.writeLong(f.financedMinor);
            out.writeLong(f.interestMinor);
            out.writeLong(f.feeMinor);
            out.writeLong(f.advanceMinor);
            out.writeInt(f.decidedDay);
            out.writeInt(f.reasonCode);
            Snapshots.writeString(out, f.registrationReference);
        }
    }

    /** Replaces the state with what {@link #write} wrote, and rebuilds the derived indexes. */
    public void read(DataInput in) throws IOException {
        read(in, true);
    }

    /**
     * As {@link #read(DataInput)}; without {@code withVersion5Fields} (ledger snapshots before version 5) the receivables carry no assigned
     * amount and the programmes no acknowledged members (what ledger snapshots before version 5
     * wrote: neither existed then).
     */
    public void read(DataInput in, boolean withVersion5Fields) throws IOException {
        creditLines.clear();
        programmes.clear();
        receivables.reset();
        financings.reset();
        receivableIds.clear();
        financingIds.clear();
        documentKeys.clear();
        history.clear();
        termLimitDaysByCore.clear();
        for (int i = 0, n = in.readInt(); i < n; i++) {
            CreditLine l = new CreditLine(in.readUTF(), in.readUTF(), in.readInt());
            l.limitMinor = in.readLong();
            l.reservedMinor = in.readLong();
            l.usedMinor = in.readLong();
            creditLines.put(CreditLine.key(l.bankId, l.coreId, l.currency), l);
        }
        for (int i = 0, n = in.readInt(); i < n; i++) {
            Programme p = new Programme(
                    in.readUTF(),
                    in.readUTF(),
                    in.readUTF(),
                    in.readInt(),
                    in.readInt(),
                    in.readInt(),
                    in.readLong(),
                    in.readBoolean(),
                    in.readInt());
            for (int m = 0, members = in.readInt(); m < members; m++) {
                p.members.add(in.readUTF());
            }
            for (int m = 0, acknowledged = withVersion5Fields ? in.readInt() : 0; m < acknowledged; m++) {
                p.acknowledged.add(in.readUTF());
            }
            programmes.put(p.id, p);
            termLimitDaysByCore.merge(p.coreId, p.maxTermDays, Math::max);
        }
        Map<String, List<String>> listedChildren = new HashMap<>();
        for (int i = 0, n = in.readInt(); i < n; i++) {
            String id = in.readUTF();
            if (receivable(id) != null) {
                throw new IllegalArgumentException("ledger snapshot holds receivable " + id + " twice");
            }
            Receivable rec = receivables.claim();
            rec.init(
                    id,
                    Snapshots.readString(in),
                    in.readUTF(),
                    in.readUTF(),
                    Snapshots.readString(in),
                    in.readInt(),
                    in.readLong(),
                    in.readInt(),
                    in.readInt());
            indexNew(rec);
            rec.holderId = in.readUTF();
            rec.outstandingMinor = in.readLong();
            rec.splitMinor = in.readLong();
            rec.state = ReceivableState.ofCode(in.readByte());
            rec.financingId = Snapshots.readString(in);
            // Children come after their parent in journal order, and are chained to it as they are
            // read; what the parent lists is checked against that chain once all are read.
            for (int c = 0, children = in.readInt(); c < children; c++) {
                listedChildren.computeIfAbsent(rec.id, k -> new ArrayList<>()).add(in.readUTF());
            }
            rec.lastFinancingId = Snapshots.readString(in);
            rec.factoredMinor = withVersion5Fields ? in.readLong() : 0;
            for (int h = 0, historySize = in.readInt(); h < historySize; h++) {
                rec.recordPacked(in.readLong());
            }
        }
        checkChildren(listedChildren);
        for (int i = 0, n = in.readInt(); i < n; i++) {
            String id = in.readUTF();
            if (financing(id) != null) {
                throw new IllegalArgumentException("ledger snapshot holds financing " + id + " twice");
            }
            Financing f = financings.claim();
            f.init(id, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), in.readLong());
            f.state = FinancingState.ofCode(in.readByte());
            f.financedMinor = in.readLong();
            f.interestMinor = in.readLong();
            f.feeMinor = in.readLong();
            f.advanceMinor = in.readLong();
            f.decidedDay = in.readInt();
            f.reasonCode = in.readInt();
            f.registrationReference = Snapshots.readString(in);
            financingIds.put(IdIndex.hash(f.id), f.handle);
        }
    }

    /**
     * Checks that the children each receivable of a snapshot listed are exactly the ones chained to
     * it as they were read, in the same order.
     *
     * @throws IllegalArgumentException naming the first receivable whose list differs
     */
    private void checkChildren(Map<String, List<String>> listedChildren) {
        for (Receivable rec : receivables) {
            List<String> listed = listedChildren.getOrDefault(rec.id, List.of());
            if (!listed.equals(rec.childIds())) {
                throw new IllegalArgumentException("ledger snapshot: receivable " + rec.id + " lists children " + listed
                        + " but " + rec.childIds() + " were split from it");
            }
        }
    }
}
