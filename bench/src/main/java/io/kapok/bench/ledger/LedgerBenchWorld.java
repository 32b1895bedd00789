package io.kapok.bench.ledger;

import io.kapok.ledger.Currencies;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.CreateProgrammeCommand;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SetCreditLineCommand;
import java.time.LocalDate;

/**
 * The ledger a benchmark runs against: the design's demo world (Pearl River Bank and Victoria
 * Harbour Bank, Canton Auto Group, its tier-1 suppliers and one tier-2) with a CNY programme and a
 * credit line large enough never to run out, plus {@code extraParties} banks with CNY settlement
 * accounts for a realistic payment population. Set-up only: it allocates freely and checks that
 * every command it applies took effect.
 */
final class LedgerBenchWorld {
    static final String PRBK = "PRBKCNGZXXX";
    static final String VHBK = "VHBKHKHHXXX";
    static final String LTBK = "LTBKMOMXXXX";
    static final String CANTON = "91440101MA9KAPK001";
    static final String FOSHAN = "91440604MA9KAPK002";
    static final String JIANGMEN = "91440700MA9KAPK003";
    static final String NANSHA = "91440115MA9KAPK004";
    static final String PROGRAMME = "PRBK-CANTON-CNY";
    static final int CNY = Currencies.CNY;
    /** 2026-11-23, noon UTC: the first command's receive time. */
    static final long START_TIME_MS = LocalDate.of(2026, 11, 23).toEpochDay() * 86_400_000L + 43_200_000L;
    /** Every settlement account opens with CNY 100 billion, so no benchmark payment runs out. */
    static final long OPENING_BALANCE_MINOR = 10_000_000_000_000L;

    final Ledger ledger;
    final LedgerResult result = new LedgerResult();
    /** Ids of every party with a CNY settlement account: the demo banks, then the extra ones. */
    final String[] accountHolders;

    long timeMs = START_TIME_MS;

    LedgerBenchWorld(Ledger ledger, int extraParties) {
        this.ledger = ledger;
        accountHolders = new String[3 + extraParties];
        accountHolders[0] = PRBK;
        accountHolders[1] = VHBK;
        accountHolders[2] = LTBK;
        for (int i = 0; i < extraParties; i++) {
            accountHolders[3 + i] = String.format("P%03dCNGZXXX", i);
        }
        for (String bank : accountHolders) {
            party(bank, PartyRole.BANK);
            account(bank);
        }
        party(CANTON, PartyRole.CORE);
        for (String supplier : new String[] {FOSHAN, JIANGMEN, NANSHA}) {
            party(supplier, PartyRole.SUPPLIER);
        }
        SetCreditLineCommand line = new SetCreditLineCommand();
        line.bankId = PRBK;
        line.coreId = CANTON;
        line.currency = CNY;
        line.limitMinor = 1_000_000_000_000_000L;
        apply(line);
        CreateProgrammeCommand programme = new CreateProgrammeCommand();
        programme.programmeId = PROGRAMME;
        programme.bankId = PRBK;
        programme.coreId = CANTON;
        programme.currency = CNY;
        programme.advanceRatePpm = 900_000;
        programme.discountRatePpm = 36_000;
        apply(programme);
        for (String supplier : new String[] {FOSHAN, JIANGMEN, NANSHA}) {
            OnboardPartyCommand onboard = new OnboardPartyCommand();
            onboard.senderId = PRBK;
            onboard.programmeId = PROGRAMME;
            onboard.partyId = supplier;
            apply(onboard);
        }
    }

    /** Gives the command the next sequence and the current time, applies it, and fails unless it applied. */
    void apply(LedgerCommand command) {
        command.sequence = ledger.lastSequence() + 1;
        command.timeMs = timeMs;
        ledger.apply(command, result);
        if (!result.applied) {
            throw new IllegalStateException("benchmark set-up command refused: " + command.type() + " " + result);
        }
    }

    /** Registers a CNY receivable Canton Auto Group owes Foshan Precision, due in 90 days. */
    void register(String receivableId, long amountMinor) {
        RegisterReceivableCommand c = new RegisterReceivableCommand();
        c.senderId = CANTON;
        c.receivableId = receivableId;
        c.documentNumber = "INV-" + receivableId;
        c.debtorId = CANTON;
        c.creditorId = FOSHAN;
        c.currency = CNY;
        c.amountMinor = amountMinor;
        c.issueDay = (int) Math.floorDiv(timeMs, 86_400_000L);
        c.dueDay = c.issueDay + 90;
        apply(c);
    }

    void confirm(String receivableId) {
        ConfirmReceivableCommand c = new ConfirmReceivableCommand();
        c.senderId = CANTON;
        c.receivableId = receivableId;
        c.accept = true;
        apply(c);
    }

    void requestFinancing(String financingId, String receivableId, long amountMinor) {
        apply(requestFinancingCommand(FOSHAN, financingId, receivableId, amountMinor));
    }

    static RequestFinancingCommand requestFinancingCommand(
            String senderId, String financingId, String receivableId, long amountMinor) {
        RequestFinancingCommand c = new RequestFinancingCommand();
        c.senderId = senderId;
        c.financingId = financingId;
        c.receivableId = receivableId;
        c.programmeId = PROGRAMME;
        c.amountMinor = amountMinor;
        return c;
    }

    /** A CNY pacs.008 from {@code from}'s settlement account to {@code to}'s, sent by {@code from}. */
    void transfer(String messageId, String uetr, String from, String to, long amountMinor) {
        TransferCommand c = new TransferCommand();
        c.senderId = from;
        c.messageId = messageId;
        c.uetr = uetr;
        c.endToEndId = "E2E-" + messageId;
        c.debitPartyId = from;
        c.creditPartyId = to;
        c.currency = CNY;
        c.amountMinor = amountMinor;
        apply(c);
    }

    private void party(String id, PartyRole role) {
        RegisterPartyCommand c = new RegisterPartyCommand();
        c.partyId = id;
        c.name = id;
        c.roles = role.bit();
        apply(c);
    }

    private void account(String id) {
        OpenAccountCommand c = new OpenAccountCommand();
        c.partyId = id;
        c.currency = CNY;
        c.openingBalanceMinor = OPENING_BALANCE_MINOR;
        apply(c);
    }
}
