package io.kapok.gateway.journal;

import io.kapok.codecs.iso.Iso4217;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.fx.SetFxRateCommand;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.RecallPaymentCommand;
import io.kapok.ledger.payment.ResolveRecallCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.AcknowledgeOnboardingCommand;
import io.kapok.ledger.receivable.AssignReceivableCommand;
import io.kapok.ledger.receivable.CancelFinancingCommand;
import io.kapok.ledger.receivable.CancelReceivableCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.CreateProgrammeCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DisburseFinancingCommand;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.RecordMessageCommand;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SetCreditLineCommand;
import io.kapok.ledger.receivable.SettleReceivableCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;

/** One command of each type with every public field set to something other than its default. */
public final class SampleCommands {
    private static final String BANK = "PRBKCNGZXXX";
    private static final String CORE = "91440101MA9KAPK001";
    private static final String SUPPLIER = "91440604MA9KAPK002";

    private SampleCommands() {}

    public static LedgerCommand of(CommandType type) {
        LedgerCommand command = switch (type) {
            case REGISTER_PARTY -> {
                RegisterPartyCommand c = new RegisterPartyCommand();
                c.partyId = BANK;
                c.name = "Pearl River Bank 珠江";
                c.roles = 2;
                yield c;
            }
            case OPEN_ACCOUNT -> {
                OpenAccountCommand c = new OpenAccountCommand();
                c.partyId = BANK;
                c.currency = Iso4217.pack("CNY");
                c.openingBalanceMinor = 5_000_000_000L;
                yield c;
            }
            case TRANSFER -> {
                TransferCommand c = new TransferCommand();
                c.senderId = BANK;
                c.messageId = "PRBK-1";
                c.uetr = "8a562c67-ca16-48ba-b074-65581be6f001";
                c.endToEndId = "E2E-1";
                c.debitPartyId = BANK;
                c.creditPartyId = "VHBKHKHHXXX";
                c.currency = Iso4217.pack("USD");
                c.amountMinor = 125_000_000L;
                c.instructedCurrency = Iso4217.pack("HKD");
                c.instructedAmountMinor = 975_000_000L;
                c.exchangeRateScaled = 12_820_513L;
                yield c;
            }
            case RETURN_PAYMENT -> {
                ReturnPaymentCommand c = new ReturnPaymentCommand();
                c.senderId = "VHBKHKHHXXX";
                c.returnId = "VHBK-RTR-1";
                c.originalUetr = "8a562c67-ca16-48ba-b074-65581be6f001";
                c.originalMessageId = "PRBK-1";
                c.currency = Iso4217.pack("USD");
                c.amountMinor = 25_000_000L;
                c.reasonCode = "AC04";
                yield c;
            }
            case RECALL_PAYMENT -> {
                RecallPaymentCommand c = new RecallPaymentCommand();
                c.senderId = BANK;
                c.recallId = "PRBK-CXL-1";
                c.originalUetr = "8a562c67-ca16-48ba-b074-65581be6f001";
                c.originalMessageId = "PRBK-1";
                c.reasonCode = "DUPL";
                yield c;
            }
            case RESOLVE_RECALL -> {
                ResolveRecallCommand c = new ResolveRecallCommand();
                c.senderId = "VHBKHKHHXXX";
                c.resolutionId = "VHBK-RSL-1";
                c.originalUetr = "8a562c67-ca16-48ba-b074-65581be6f001";
                c.recallId = "PRBK-CXL-1";
                c.accept = true;
                c.reasonCode = "CUST";
                yield c;
            }
            case SET_CREDIT_LINE -> {
                SetCreditLineCommand c = new SetCreditLineCommand();
                c.bankId = BANK;
                c.coreId = CORE;
                c.currency = Iso4217.pack("CNY");
                c.limitMinor = 2_000_000_000L;
                yield c;
            }
            case CREATE_PROGRAMME -> {
                CreateProgrammeCommand c = new CreateProgrammeCommand();
                c.programmeId = "PRBK-CAG-CNY";
                c.bankId = BANK;
                c.coreId = CORE;
                c.currency = Iso4217.pack("CNY");
                c.advanceRatePpm = 900_000;
                c.discountRatePpm = 36_000;
                c.feeMinor = 5_000;
                c.recourse = true;
                c.maxTermDays = 180;
                yield c;
            }
            case ONBOARD_PARTY -> {
                OnboardPartyCommand c = new OnboardPartyCommand();
                c.senderId = BANK;
                c.programmeId = "PRBK-CAG-CNY";
                c.partyId = SUPPLIER;
                yield c;
            }
            case SET_FX_RATE -> {
                SetFxRateCommand c = new SetFxRateCommand();
                c.baseCurrency = Iso4217.pack("USD");
                c.quoteCurrency = Iso4217.pack("CNY");
                c.rateScaled = 712_340_000L;
                c.sourceSequence = 77;
                yield c;
            }
            case CONFIGURE_LEDGER -> {
                io.kapok.ledger.ConfigureLedgerCommand c = new io.kapok.ledger.ConfigureLedgerCommand();
                c.paymentRetentionDays = 45;
                c.paymentCapacity = 123_456;
                c.messageCapacity = 7_890;
                c.messageOutcomeCapacity = 1 << 15;
                yield c;
            }
            case CLOSE_DAY -> {
                io.kapok.ledger.day.CloseDayCommand c = new io.kapok.ledger.day.CloseDayCommand();
                c.businessDay = 20_415;
                yield c;
            }
            case REGISTER_RECEIVABLE -> {
                RegisterReceivableCommand c = new RegisterReceivableCommand();
                c.senderId = SUPPLIER;
                c.receivableId = "R-1";
                c.documentNumber = "INV-2026-0815";
                c.debtorId = CORE;
                c.creditorId = SUPPLIER;
                c.currency = Iso4217.pack("CNY");
                c.amountMinor = 100_000_000L;
                c.issueDay = 20_000;
                c.dueDay = 20_090;
                yield c;
            }
            case CONFIRM_RECEIVABLE -> {
                ConfirmReceivableCommand c = new ConfirmReceivableCommand();
                c.senderId = CORE;
                c.receivableId = "R-1";
                c.accept = true;
                yield c;
            }
            case SPLIT_RECEIVABLE -> {
                SplitReceivableCommand c = new SplitReceivableCommand();
                c.senderId = SUPPLIER;
                c.receivableId = "R-1";
                c.childReceivableId = "R-1-1";
                c.newHolderId = "91440115MA9KAPK004";
                c.amountMinor = 30_000_000L;
                yield c;
            }
            case ACKNOWLEDGE_ONBOARDING -> {
                AcknowledgeOnboardingCommand c = new AcknowledgeOnboardingCommand();
                c.senderId = SUPPLIER;
                c.programmeId = "PRBK-CAG-CNY";
                c.accept = false;
                c.reasonCode = 0x4E413031; // NA01
                yield c;
            }
            case ASSIGN_RECEIVABLE -> {
                AssignReceivableCommand c = new AssignReceivableCommand();
                c.senderId = SUPPLIER;
                c.receivableId = "R-1";
                c.childReceivableId = "R-1-2";
                c.bankId = "PRBKCNGZXXX";
                c.programmeId = "PRBK-CAG-CNY";
                c.amountMinor = 40_000_000L;
                yield c;
            }
            case CANCEL_RECEIVABLE -> {
                CancelReceivableCommand c = new CancelReceivableCommand();
                c.senderId = SUPPLIER;
                c.receivableId = "R-1";
                yield c;
            }
            case REQUEST_FINANCING -> {
                RequestFinancingCommand c = new RequestFinancingCommand();
                c.senderId = SUPPLIER;
                c.financingId = "F-1";
                c.receivableId = "R-1";
                c.programmeId = "PRBK-CAG-CNY";
                c.amountMinor = 63_000_000L;
                yield c;
            }
            case DECIDE_FINANCING -> {
                DecideFinancingCommand c = new DecideFinancingCommand();
                c.senderId = BANK;
                c.financingId = "F-1";
                c.accept = true;
                c.financedAmountMinor = 62_000_000L;
                c.reasonCode = 3;
                yield c;
            }
            case DISBURSE_FINANCING -> {
                DisburseFinancingCommand c = new DisburseFinancingCommand();
                c.senderId = BANK;
                c.financingId = "F-1";
                c.registrationReference = "PBOC-REG-0001";
                c.messageId = "PRBK-DISB-0001";
                c.uetr = "5b1c2d3e-4f50-4a61-8b72-9c83d4e5f607";
                c.paymentFingerprint = 0x1234_5678_9abc_def0L;
                yield c;
            }
            case CANCEL_FINANCING -> {
                CancelFinancingCommand c = new CancelFinancingCommand();
                c.senderId = SUPPLIER;
                c.financingId = "F-1";
                yield c;
            }
            case SETTLE_RECEIVABLE -> {
                SettleReceivableCommand c = new SettleReceivableCommand();
                c.senderId = "VHBKHKHHXXX";
                c.receivableId = "R-1";
                c.payeeBankId = BANK;
                c.amountMinor = 70_000_000L;
                c.messageId = "VHBK-PAY-0001";
                c.uetr = "6c2d3e4f-5061-4b72-8c83-9d94e5f60718";
                c.paymentFingerprint = -0x0fed_cba9_8765_4321L;
                yield c;
            }
            case RECORD_MESSAGE -> {
                RecordMessageCommand c = new RecordMessageCommand();
                c.senderId = BANK;
                c.messageType = "tsin.002.001.01";
                c.messageId = "PRBK-D-0001";
                c.fingerprint = -0x0123_4567_89ab_cdefL;
                c.firstSequence = 40;
                c.add(CommandType.DECIDE_FINANCING, true, null, "FSPP-F-1/INV-1", true, 0);
                c.add(
                        CommandType.DECIDE_FINANCING,
                        true,
                        io.kapok.ledger.LedgerRejection.FINANCING_STATE_FORBIDS,
                        "FSPP-F-1/INV-2",
                        false,
                        0x42453038); // "BE08"
                yield c;
            }
        };
        command.sequence = 42;
        command.timeMs = 1_795_397_400_000L;
        return command;
    }

    /** The sender a command names, or "" for one without (the header's sender for those). */
    public static String senderOf(LedgerCommand command) {
        try {
            Object sender = command.getClass().getField("senderId").get(command);
            return (String) sender;
        } catch (NoSuchFieldException e) {
            return "";
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
