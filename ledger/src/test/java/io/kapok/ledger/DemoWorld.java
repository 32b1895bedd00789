package io.kapok.ledger;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.Currencies.HKD;
import static io.kapok.ledger.Currencies.USD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.receivable.AcknowledgeOnboardingCommand;
import io.kapok.ledger.receivable.AssignReceivableCommand;
import io.kapok.ledger.receivable.CancelFinancingCommand;
import io.kapok.ledger.receivable.CancelReceivableCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.CreateProgrammeCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DisburseFinancingCommand;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SetCreditLineCommand;
import io.kapok.ledger.receivable.SettleReceivableCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The design's demo world in a ledger, and one-line builders for every command. Commands get the
 * next sequence and the current {@link #day} as their receive time; every command applied is kept
 * in {@link #history} for replay.
 */
public final class DemoWorld {
    public static final String PRBK = "PRBKCNGZXXX";
    public static final String VHBK = "VHBKHKHHXXX";
    public static final String CANTON = "91440101MA9KAPK001";
    public static final String FOSHAN = "91440604MA9KAPK002";
    public static final String JIANGMEN = "91440700MA9KAPK003";
    public static final String NANSHA = "91440115MA9KAPK004";
    public static final String PRBK_CNY = "PRBK-CANTON-CNY";
    public static final String VHBK_USD = "VHBK-CANTON-USD";
    /** 2026-11-23. */
    public static final int TODAY = (int) LocalDate.of(2026, 11, 23).toEpochDay();

    public final Ledger ledger;
    public final LedgerResult result = new LedgerResult();
    public final List<LedgerCommand> history = new ArrayList<>();
    /** Epoch day the next command is received on (at noon UTC). */
    public int day = TODAY;

    public DemoWorld() {
        this(new Ledger());
    }

    public DemoWorld(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Parties, accounts, credit lines and programmes of the demo world; suppliers onboarded. */
    public static DemoWorld create() {
        return create(new Ledger());
    }

    /** The demo world of {@link #create()}, built in {@code ledger} (an empty one). */
    public static DemoWorld create(Ledger ledger) {
        DemoWorld w = new DemoWorld(ledger);
        w.party(PRBK, PartyRole.BANK);
        w.party(VHBK, PartyRole.BANK);
        w.party(CANTON, PartyRole.CORE);
        w.party(FOSHAN, PartyRole.SUPPLIER);
        w.party(JIANGMEN, PartyRole.SUPPLIER);
        w.party(NANSHA, PartyRole.SUPPLIER);
        w.account(PRBK, CNY, 5_000_000_000L);
        w.account(PRBK, USD, 500_000_000L);
        w.account(VHBK, HKD, 5_000_000_000L);
        w.account(VHBK, USD, 500_000_000L);
        w.account(VHBK, CNY, 2_000_000_000L);
        w.must(w.creditLine(PRBK, CANTON, CNY, 2_000_000_000L));
        w.must(w.creditLine(VHBK, CANTON, USD, 200_000_000L));
        w.must(w.programme(PRBK_CNY, PRBK, CANTON, CNY));
        w.must(w.programme(VHBK_USD, VHBK, CANTON, USD));
        for (String supplier : new String[] {FOSHAN, JIANGMEN, NANSHA}) {
            w.must(w.onboard(PRBK, PRBK_CNY, supplier));
            w.must(w.onboard(CANTON, VHBK_USD, supplier));
        }
        return w;
    }

    public LedgerResult apply(LedgerCommand c) {
        c.sequence = ledger.lastSequence() + 1;
        c.timeMs = day * 86_400_000L + 43_200_000L;
        ledger.apply(c, result);
        history.add(c);
        return result;
    }

    /** Applies and fails unless applied. */
    public LedgerResult must(LedgerResult r) {
        if (!r.applied) {
            throw new AssertionError("expected the command to apply: " + r);
        }
        return r;
    }

    public LedgerResult party(String id, PartyRole role) {
        RegisterPartyCommand c = new RegisterPartyCommand();
        c.partyId = id;
        c.name = id;
        c.roles = role.bit();
        return must(apply(c));
    }

    public LedgerResult account(String id, int currency, long openingMinor) {
        OpenAccountCommand c = new OpenAccountCommand();
        c.partyId = id;
        c.currency = currency;
        c.openingBalanceMinor = openingMinor;
        return must(apply(c));
    }

    public LedgerResult creditLine(String bank, String core, int currency, long limitMinor) {
        SetCreditLineCommand c = new SetCreditLineCommand();
        c.bankId = bank;
        c.coreId = core;
        c.currency = currency;
        c.limitMinor = limitMinor;
        return apply(c);
    }

    /** Advance rate 90 %, discount 3.6 % a year, no fee, no recourse, default term. */
    public LedgerResult programme(String id, String bank, String core, int currency) {
        return programme(id, bank, core, currency, 900_000, 36_000, 0, 0);
    }

    public LedgerResult programme(
            String id,
            String bank,
            String core,
            int currency,
            int advancePpm,
            int ratePpm,
            long feeMinor,
            int termDays) {
        CreateProgrammeCommand c = new CreateProgrammeCommand();
        c.programmeId = id;
        c.bankId = bank;
        c.coreId = core;
        c.currency = currency;
        c.advanceRatePpm = advancePpm;
        c.discountRatePpm = ratePpm;
        c.feeMinor = feeMinor;
        c.maxTermDays = termDays;
        return apply(c);
    }

    public LedgerResult onboard(String sender, String programme, String party) {
        OnboardPartyCommand c = new OnboardPartyCommand();
        c.senderId = sender;
        c.programmeId = programme;
        c.partyId = party;
        return apply(c);
    }

    /** {@code sender} answers its onboarding into {@code programme}: acknowledges, or rejects with {@code reasonCode}. */
    public LedgerResult acknowledge(String sender, String programme, boolean accept, int reasonCode) {
        AcknowledgeOnboardingCommand c = new AcknowledgeOnboardingCommand();
        c.senderId = sender;
        c.programmeId = programme;
        c.accept = accept;
        c.reasonCode = reasonCode;
        return apply(c);
    }

    /** Registered by the creditor, issued today, due in {@code termDays}. */
    public LedgerResult register(String id, String creditor, int currency, long amountMinor, int termDays) {
        return register(creditor, id, "INV-" + id, CANTON, creditor, currency, amountMinor, day, day + termDays);
    }

    public LedgerResult register(
            String sender,
            String id,
            String document,
            String debtor,
            String creditor,
            int currency,
            long amountMinor,
            int issueDay,
            int dueDay) {
        RegisterReceivableCommand c = new RegisterReceivableCommand();
        c.senderId = sender;
        c.receivableId = id;
        c.documentNumber = document;
        c.debtorId = debtor;
        c.creditorId = creditor;
        c.currency = currency;
        c.amountMinor = amountMinor;
        c.issueDay = issueDay;
        c.dueDay = dueDay;
        return apply(c);
    }

    public LedgerResult confirm(String sender, String id, boolean accept) {
        ConfirmReceivableCommand c = new ConfirmReceivableCommand();
        c.senderId = sender;
        c.receivableId = id;
        c.accept = accept;
        return apply(c);
    }

    /** Registers and has Canton Auto Group confirm. */
    public void confirmed(String id, String creditor, int currency, long amountMinor, int termDays) {
        must(register(id, creditor, currency, amountMinor, termDays));
        must(confirm(CANTON, id, true));
    }

    public LedgerResult split(String sender, String id, String childId, String newHolder, long amountMinor) {
        SplitReceivableCommand c = new SplitReceivableCommand();
        c.senderId = sender;
        c.receivableId = id;
        c.childReceivableId = childId;
        c.newHolderId = newHolder;
        c.amountMinor = amountMinor;
        return apply(c);
    }

    /** Factoring: {@code sender} assigns {@code amountMinor} of {@code id} to {@code bank} in {@code programme}. */
    public LedgerResult assign(
            String sender, String id, String childId, String bank, String programme, long amountMinor) {
        AssignReceivableCommand c = new AssignReceivableCommand();
        c.senderId = sender;
        c.receivableId = id;
        c.childReceivableId = childId;
        c.bankId = bank;
        c.programmeId = programme;
        c.amountMinor = amountMinor;
        return apply(c);
    }

    public LedgerResult cancelReceivable(String sender, String id) {
        CancelReceivableCommand c = new CancelReceivableCommand();
        c.senderId = sender;
        c.receivableId = id;
        return apply(c);
    }

    public LedgerResult requestFinancing(
            String sender, String financingId, String receivableId, String programme, long amountMinor) {
        RequestFinancingCommand c = new RequestFinancingCommand();
        c.senderId = sender;
        c.financingId = financingId;
        c.receivableId = receivableId;
        c.programmeId = programme;
        c.amountMinor = amountMinor;
        return apply(c);
    }

    public LedgerResult accept(String sender, String financingId, long amountMinor) {
        DecideFinancingCommand c = new DecideFinancingCommand();
        c.senderId = sender;
        c.financingId = financingId;
        c.accept = true;
        c.financedAmountMinor = amountMinor;
        return apply(c);
    }

    public LedgerResult refuse(String sender, String financingId, int reasonCode) {
        DecideFinancingCommand c = new DecideFinancingCommand();
        c.senderId = sender;
        c.financingId = financingId;
        c.accept = false;
        c.reasonCode = reasonCode;
        return apply(c);
    }

    public LedgerResult disburse(String sender, String financingId, String registrationReference) {
        DisburseFinancingCommand c = new DisburseFinancingCommand();
        c.senderId = sender;
        c.financingId = financingId;
        c.registrationReference = registrationReference;
        return apply(c);
    }

    public LedgerResult cancelFinancing(String sender, String financingId) {
        CancelFinancingCommand c = new CancelFinancingCommand();
        c.senderId = sender;
        c.financingId = financingId;
        return apply(c);
    }

    public LedgerResult settle(String payerBank, String receivableId, String payeeBank, long amountMinor) {
        SettleReceivableCommand c = new SettleReceivableCommand();
        c.senderId = payerBank;
        c.receivableId = receivableId;
        c.payeeBankId = payeeBank;
        c.amountMinor = amountMinor;
        return apply(c);
    }

    /**
     * Applies the command {@code command} makes and asserts that it was refused with {@code expected},
     * reported no change, and changed nothing: the snapshot is the one before but for the last
     * sequence, which the refused command moved on.
     */
    public void refusedUnchanged(LedgerRejection expected, Supplier<LedgerResult> command) {
        byte[] before = snapshotWithoutSequence();
        LedgerResult r = command.get();
        assertFalse(r.applied, r.toString());
        assertEquals(expected, r.rejection);
        assertEquals(0, r.eventCount(), "a refused command reported a change");
        assertArrayEquals(before, snapshotWithoutSequence(), "a refused command changed the ledger");
    }

    /**
     * The ledger's snapshot with its last sequence (bytes 8 to 15, after magic and version) and its
     * open business day (the last 8 bytes: time moves on whatever a command asked) zeroed.
     */
    private byte[] snapshotWithoutSequence() {
        byte[] snapshot = ledger.snapshot();
        Arrays.fill(snapshot, 8, 16, (byte) 0);
        Arrays.fill(snapshot, snapshot.length - 8, snapshot.length, (byte) 0);
        return snapshot;
    }

    public long balance(String party, int currency) {
        var p = ledger.party(party);
        return p.balanceAt(p.accountIndex(currency));
    }
}
