package io.kapok.gateway.sequencer;

import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.ledger.ConfigureLedgerCommand;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.receivable.CreateProgrammeCommand;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.SetCreditLineCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configured world as the first entries of a new journal, in this order: the ledger's settings
 * (CONFIGURE_LEDGER: the payment window's retention and capacity, the receivable-financing
 * messages' capacities), then each party
 * (REGISTER_PARTY) followed by its accounts in currency order (OPEN_ACCOUNT with the opening
 * balance); the credit lines (SET_CREDIT_LINE); each programme (CREATE_PROGRAMME) followed by its
 * suppliers (ONBOARD_PARTY, sent by the programme's bank). Every genesis entry carries receive time
 * 0 (it was received from no one), so the same configuration always writes the same genesis, byte
 * for byte. After genesis the journal, not the configuration, is the truth.
 */
public final class Genesis {
    /** The receive time of every genesis entry, epoch ms. */
    public static final long TIME_MS = 0;

    private Genesis() {}

    /** The genesis commands of {@code config}, without sequences; a validated configuration. */
    public static List<LedgerCommand> commands(GatewayConfig config) {
        List<LedgerCommand> commands = new ArrayList<>();
        GatewayConfig.PaymentWindow window = config.ledgerOrDefault().paymentWindowOrDefault();
        ConfigureLedgerCommand configure = new ConfigureLedgerCommand();
        configure.paymentRetentionDays = window.retentionDays();
        configure.paymentCapacity = window.capacity();
        GatewayConfig.MessageWindow messages = config.ledgerOrDefault().messageWindowOrDefault();
        configure.messageCapacity = messages.capacity();
        configure.messageOutcomeCapacity = messages.outcomeCapacity();
        commands.add(configure);
        for (GatewayConfig.PartyEntry p : config.parties()) {
            RegisterPartyCommand register = new RegisterPartyCommand();
            register.partyId = p.id();
            register.name = p.name();
            for (String role : p.roles()) {
                register.roles |=
                        PartyRole.valueOf(role.toUpperCase(Locale.ROOT)).bit();
            }
            commands.add(register);
            if (p.accounts() == null) {
                continue;
            }
            for (Map.Entry<String, String> a : new TreeMap<>(p.accounts()).entrySet()) {
                OpenAccountCommand open = new OpenAccountCommand();
                open.partyId = p.id();
                open.currency = Iso4217.pack(a.getKey());
                open.openingBalanceMinor = DecimalAmounts.parseMinor(a.getValue(), Iso4217.minorUnits(open.currency));
                commands.add(open);
            }
        }
        if (config.creditLines() != null) {
            for (GatewayConfig.CreditLineEntry line : config.creditLines()) {
                SetCreditLineCommand set = new SetCreditLineCommand();
                set.bankId = line.bank();
                set.coreId = line.core();
                set.currency = Iso4217.pack(line.currency());
                set.limitMinor = DecimalAmounts.parseMinor(line.limit(), Iso4217.minorUnits(set.currency));
                commands.add(set);
            }
        }
        if (config.programmes() != null) {
            for (GatewayConfig.ProgrammeEntry pr : config.programmes()) {
                CreateProgrammeCommand create = new CreateProgrammeCommand();
                create.programmeId = pr.id();
                create.bankId = pr.bank();
                create.coreId = pr.core();
                create.currency = Iso4217.pack(pr.currency());
                create.advanceRatePpm = (int) ConfigLoader.ratePpm(pr.advanceRatePercent());
                create.discountRatePpm = (int) ConfigLoader.ratePpm(pr.discountRatePercentPerYear());
                create.recourse = Boolean.TRUE.equals(pr.recourse());
                commands.add(create);
                if (pr.suppliers() == null) {
                    continue;
                }
                for (String supplier : pr.suppliers()) {
                    OnboardPartyCommand onboard = new OnboardPartyCommand();
                    onboard.senderId = pr.bank();
                    onboard.programmeId = pr.id();
                    onboard.partyId = supplier;
                    commands.add(onboard);
                }
            }
        }
        for (LedgerCommand c : commands) {
            c.timeMs = TIME_MS;
        }
        return commands;
    }

    /** The sender journaled with a genesis command: the programme's bank for an onboarding, else "". */
    public static String senderOf(LedgerCommand command) {
        return command instanceof OnboardPartyCommand onboard ? onboard.senderId : "";
    }
}
