package io.kapok.gateway.journal;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.ConfigureLedgerCommand;
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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.bouncycastle.crypto.Digest;

/**
 * The binary layout of one journal entry (one Chronicle Queue document), little-endian, layout
 * version 2 ({@code "KPJ2"}):
 *
 * <pre>
 *  field              type        notes
 *  ─── hashed: the entry hash covers every byte from magic to the end of the command ───
 *  magic              int32       0x4B504A32 ("KPJ2"): layout version
 *  digestAlgorithm    int8        {@link JournalDigest#code()}: 1 = SM3, 2 = SHA-256
 *  prevEntryHash      byte[32]    entryHash of the entry before; 32 zero bytes for entry 1
 *  sequence           int64       1-based, +1 per entry, no gaps
 *  receiveTimeMs      int64       epoch ms UTC when the gateway received the message
 *  commandType        int16       {@link CommandType#code()}
 *  senderId           utf8        stop-bit length + bytes; "" for genesis entries
 *  messageDigest      byte[32]    H(raw), computed on the event loop (H(empty) for genesis)
 *  command            ...         per type, below
 *  ─── not hashed ───
 *  entryHash          byte[32]    H(all hashed bytes above)
 *  rawLength          int32       length of the original message bytes (0 for genesis)
 *  raw                bytes       the original ISO 20022 message, byte for byte; nothing follows
 *
 *  code command              fields (utf8 = stop-bit length + bytes, null kept; bool = int8 'Y'/'N';
 *                              currency = int32 packed ISO 4217; day = int32 days since 1970-01-01)
 *   1  REGISTER_PARTY       partyId utf8, name utf8, roles int32
 *   2  OPEN_ACCOUNT         partyId utf8, currency, openingBalanceMinor int64
 *   3  CONFIGURE_LEDGER     paymentRetentionDays, paymentCapacity, messageCapacity,
 *                           messageOutcomeCapacity int32 (entry 1 only)
 *  10  TRANSFER             messageId, uetr, endToEndId, debitPartyId, creditPartyId utf8,
 *                           currency, amountMinor int64; the currency's bit 24 ({@link
 *                           #TRANSFER_INSTRUCTED_FOLLOWS}) set when a cross-currency part follows:
 *                           instructedCurrency, instructedAmountMinor int64, exchangeRateScaled int64
 *                           (a transfer without InstdAmt is written as before that part existed)
 *  11  RETURN_PAYMENT       returnId, originalUetr, originalMessageId utf8, currency,
 *                           amountMinor int64, reasonCode utf8
 *  12  RECALL_PAYMENT       recallId, originalUetr, originalMessageId, reasonCode utf8
 *  13  RESOLVE_RECALL       resolutionId, originalUetr, recallId utf8, accept bool, reasonCode utf8
 *  20  SET_CREDIT_LINE      bankId, coreId utf8, currency, limitMinor int64
 *  21  CREATE_PROGRAMME     programmeId, bankId, coreId utf8, currency, advanceRatePpm int32,
 *                           discountRatePpm int32, feeMinor int64, recourse bool, maxTermDays int32
 *  22  ONBOARD_PARTY        programmeId, partyId utf8
 *  23  SET_FX_RATE          baseCurrency, quoteCurrency, rateScaled int64, sourceSequence int64
 *  24  ACKNOWLEDGE_ONBOARDING programmeId utf8, accept bool, reasonCode int32
 *  30  REGISTER_RECEIVABLE  receivableId, documentNumber, debtorId, creditorId utf8, currency,
 *                           amountMinor int64, issueDay, dueDay
 *  31  CONFIRM_RECEIVABLE   receivableId utf8, accept bool
 *  32  SPLIT_RECEIVABLE     receivableId, childReceivableId, newHolderId utf8, amountMinor int64
 *  33  CANCEL_RECEIVABLE    receivableId utf8
 *  34  REQUEST_FINANCING    financingId, receivableId, programmeId utf8, amountMinor int64
 *  35  DECIDE_FINANCING     financingId utf8, accept bool, financedAmountMinor int64, reasonCode int32
 *  36  DISBURSE_FINANCING   financingId, registrationReference, messageId, uetr utf8,
 *                           paymentFingerprint int64 (the pacs.008's, when one carried it)
 *  37  CANCEL_FINANCING     financingId utf8
 *  38  SETTLE_RECEIVABLE    receivableId, payeeBankId utf8, amountMinor int64, messageId, uetr utf8,
 *                           paymentFingerprint int64 (the pacs.008's, when one carried it)
 *  39  ASSIGN_RECEIVABLE    receivableId, childReceivableId, bankId, programmeId utf8, amountMinor int64
 *  40  RECORD_MESSAGE       messageType, messageId utf8, fingerprint int64, firstSequence int64,
 *                           count int32, { outcome int64 (packed: see RecordMessageCommand),
 *                           subjectId utf8 } × count
 *  60  CLOSE_DAY            businessDay int32 (days since 1970-01-01, UTC)
 * </pre>
 *
 * A command that names its sender ({@code senderId}: every command a party sends, i.e. all but
 * REGISTER_PARTY, OPEN_ACCOUNT, CONFIGURE_LEDGER, SET_CREDIT_LINE, CREATE_PROGRAMME, SET_FX_RATE and CLOSE_DAY) takes it from the
 * header's {@code senderId}, so it is written once; {@link #writeHashed} refuses a command whose own
 * sender differs from the header's.
 *
 * H is the entry's digest algorithm. So {@code entryHash = H(prevEntryHash || header ||
 * messageDigest || command)}: the raw bytes enter the chain through their digest, which the event
 * loops compute in parallel, and the sequencer hashes only the ~200 bytes of the rest (a TRANSFER
 * with BIC parties and a UUID UETR: 216 bytes, four 64-byte SM3 blocks). Editing any byte of
 * an entry breaks its own hashes; deleting or reordering entries breaks the sequence or the next
 * entry's {@code prevEntryHash}. Cutting entries off the end leaves a valid shorter chain: compare
 * the last entry hash with one recorded elsewhere to detect that.
 *
 * <p>Stateless; the decoding side fills caller-owned reusable objects, one set per reading thread.
 */
public final class JournalEntryCodec {
    public static final int MAGIC = 0x4B504A32;
    /** The layout before the hash chain; such a journal is refused with a clear message. */
    static final int MAGIC_V1 = 0x4B504A31;

    private static final byte[] ZERO_HASH = new byte[JournalDigest.LENGTH_BYTES];

    /**
     * Set in a TRANSFER's currency word (a packed code uses the low 24 bits only) when the instructed
     * currency, amount and exchange rate follow the amount.
     */
    static final int TRANSFER_INSTRUCTED_FOLLOWS = 1 << 24;

    private JournalEntryCodec() {}

    /**
     * Writes the hashed part of an entry (magic to the end of the command) to {@code out}.
     *
     * @param prevEntryHash 32 bytes, or null for the first entry
     * @param messageDigest 32 bytes: H(raw)
     */
    public static void writeHashed(
            Bytes<?> out,
            JournalDigest algorithm,
            byte[] prevEntryHash,
            LedgerCommand command,
            String senderId,
            byte[] messageDigest) {
        EntryBytes entry = new EntryBytes();
        writeHashed(entry, algorithm, prevEntryHash, command, senderId, messageDigest);
        out.write(entry.array(), 0, entry.length());
    }

    /** As {@link #writeHashed(Bytes, JournalDigest, byte[], LedgerCommand, String, byte[])}, after what {@code out} holds. */
    static void writeHashed(
            EntryBytes out,
            JournalDigest algorithm,
            byte[] prevEntryHash,
            LedgerCommand command,
            String senderId,
            byte[] messageDigest) {
        String sender = senderId == null ? "" : senderId;
        String commandSender = senderOf(command);
        // Checked before any byte is written: an entry whose command disagrees with its header would
        // replay as a different command.
        if (commandSender != null && !commandSender.equals(sender)) {
            throw new IllegalArgumentException("a " + command.type() + " command sent by '" + commandSender
                    + "' cannot be journaled under sender '" + sender + "'");
        }
        out.writeInt(MAGIC);
        out.writeByte((byte) algorithm.code());
        out.write(prevEntryHash == null ? ZERO_HASH : prevEntryHash, 0, JournalDigest.LENGTH_BYTES);
        out.writeLong(command.sequence);
        out.writeLong(command.timeMs);
        out.writeShort((short) command.type().code());
        out.writeUtf8(sender);
        out.write(messageDigest, 0, JournalDigest.LENGTH_BYTES);
        writeCommand(out, command);
    }

    /**
     * The sender a command names itself, or null for a command without one (configuration and feed
     * commands). An empty sender is kept as "" so that it round-trips.
     */
    private static String senderOf(LedgerCommand command) {
        return switch (command.type()) {
            case REGISTER_PARTY,
                    OPEN_ACCOUNT,
                    CONFIGURE_LEDGER,
                    SET_CREDIT_LINE,
                    CREATE_PROGRAMME,
                    SET_FX_RATE,
                    CLOSE_DAY -> null;
            case TRANSFER -> nonNull(((TransferCommand) command).senderId);
            case RETURN_PAYMENT -> nonNull(((ReturnPaymentCommand) command).senderId);
            case RECALL_PAYMENT -> nonNull(((RecallPaymentCommand) command).senderId);
            case RESOLVE_RECALL -> nonNull(((ResolveRecallCommand) command).senderId);
            case ONBOARD_PARTY -> nonNull(((OnboardPartyCommand) command).senderId);
            case ACKNOWLEDGE_ONBOARDING -> nonNull(((AcknowledgeOnboardingCommand) command).senderId);
            case REGISTER_RECEIVABLE -> nonNull(((RegisterReceivableCommand) command).senderId);
            case CONFIRM_RECEIVABLE -> nonNull(((ConfirmReceivableCommand) command).senderId);
            case SPLIT_RECEIVABLE -> nonNull(((SplitReceivableCommand) command).senderId);
            case CANCEL_RECEIVABLE -> nonNull(((CancelReceivableCommand) command).senderId);
            case REQUEST_FINANCING -> nonNull(((RequestFinancingCommand) command).senderId);
            case DECIDE_FINANCING -> nonNull(((DecideFinancingCommand) command).senderId);
            case DISBURSE_FINANCING -> nonNull(((DisburseFinancingCommand) command).senderId);
            case CANCEL_FINANCING -> nonNull(((CancelFinancingCommand) command).senderId);
            case SETTLE_RECEIVABLE -> nonNull(((SettleReceivableCommand) command).senderId);
            case ASSIGN_RECEIVABLE -> nonNull(((AssignReceivableCommand) command).senderId);
            case RECORD_MESSAGE -> nonNull(((RecordMessageCommand) command).senderId);
        };
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static void writeCommand(EntryBytes out, LedgerCommand command) {
        switch (command.type()) {
            case REGISTER_PARTY -> {
                RegisterPartyCommand c = (RegisterPartyCommand) command;
                out.writeUtf8(c.partyId);
                out.writeUtf8(c.name);
                out.writeInt(c.roles);
            }
            case OPEN_ACCOUNT -> {
                OpenAccountCommand c = (OpenAccountCommand) command;
                out.writeUtf8(c.partyId);
                out.writeInt(c.currency);
                out.writeLong(c.openingBalanceMinor);
            }
            case CONFIGURE_LEDGER -> {
                ConfigureLedgerCommand c = (ConfigureLedgerCommand) command;
                out.writeInt(c.paymentRetentionDays);
                out.writeInt(c.paymentCapacity);
                out.writeInt(c.messageCapacity);
                out.writeInt(c.messageOutcomeCapacity);
            }
            case TRANSFER -> {
                TransferCommand c = (TransferCommand) command;
                out.writeUtf8(c.messageId);
                out.writeUtf8(c.uetr);
                out.writeUtf8(c.endToEndId);
                out.writeUtf8(c.debitPartyId);
                out.writeUtf8(c.creditPartyId);
                boolean instructed = c.instructedCurrency != 0;
                out.writeInt(instructed ? c.currency | TRANSFER_INSTRUCTED_FOLLOWS : c.currency);
                out.writeLong(c.amountMinor);
                if (instructed) {
                    out.writeInt(c.instructedCurrency);
                    out.writeLong(c.instructedAmountMinor);
                    out.writeLong(c.exchangeRateScaled);
                }
            }
            case RETURN_PAYMENT -> {
                ReturnPaymentCommand c = (ReturnPaymentCommand) command;
                out.writeUtf8(c.returnId);
                out.writeUtf8(c.originalUetr);
                out.writeUtf8(c.originalMessageId);
                out.writeInt(c.currency);
                out.writeLong(c.amountMinor);
                out.writeUtf8(c.reasonCode);
            }
            case RECALL_PAYMENT -> {
                RecallPaymentCommand c = (RecallPaymentCommand) command;
                out.writeUtf8(c.recallId);
                out.writeUtf8(c.originalUetr);
                out.writeUtf8(c.originalMessageId);
                out.writeUtf8(c.reasonCode);
            }
            case RESOLVE_RECALL -> {
                ResolveRecallCommand c = (ResolveRecallCommand) command;
                out.writeUtf8(c.resolutionId);
                out.writeUtf8(c.originalUetr);
                out.writeUtf8(c.recallId);
                out.writeBoolean(c.accept);
                out.writeUtf8(c.reasonCode);
            }
            case SET_CREDIT_LINE -> {
                SetCreditLineCommand c = (SetCreditLineCommand) command;
                out.writeUtf8(c.bankId);
                out.writeUtf8(c.coreId);
                out.writeInt(c.currency);
                out.writeLong(c.limitMinor);
            }
            case CREATE_PROGRAMME -> {
                CreateProgrammeCommand c = (CreateProgrammeCommand) command;
                out.writeUtf8(c.programmeId);
                out.writeUtf8(c.bankId);
                out.writeUtf8(c.coreId);
                out.writeInt(c.currency);
                out.writeInt(c.advanceRatePpm);
                out.writeInt(c.discountRatePpm);
                out.writeLong(c.feeMinor);
                out.writeBoolean(c.recourse);
                out.writeInt(c.maxTermDays);
            }
            case ONBOARD_PARTY -> {
                OnboardPartyCommand c = (OnboardPartyCommand) command;
                out.writeUtf8(c.programmeId);
                out.writeUtf8(c.partyId);
            }
            case ACKNOWLEDGE_ONBOARDING -> {
                AcknowledgeOnboardingCommand c = (AcknowledgeOnboardingCommand) command;
                out.writeUtf8(c.programmeId);
                out.writeBoolean(c.accept);
                out.writeInt(c.reasonCode);
            }
            case SET_FX_RATE -> {
                SetFxRateCommand c = (SetFxRateCommand) command;
                out.writeInt(c.baseCurrency);
                out.writeInt(c.quoteCurrency);
                out.writeLong(c.rateScaled);
                out.writeLong(c.sourceSequence);
            }
            case CLOSE_DAY -> out.writeInt(((io.kapok.ledger.day.CloseDayCommand) command).businessDay);
            case REGISTER_RECEIVABLE -> {
                RegisterReceivableCommand c = (RegisterReceivableCommand) command;
                out.writeUtf8(c.receivableId);
                out.writeUtf8(c.documentNumber);
                out.writeUtf8(c.debtorId);
                out.writeUtf8(c.creditorId);
                out.writeInt(c.currency);
                out.writeLong(c.amountMinor);
                out.writeInt(c.issueDay);
                out.writeInt(c.dueDay);
            }
            case CONFIRM_RECEIVABLE -> {
                ConfirmReceivableCommand c = (ConfirmReceivableCommand) command;
                out.writeUtf8(c.receivableId);
                out.writeBoolean(c.accept);
            }
            case SPLIT_RECEIVABLE -> {
                SplitReceivableCommand c = (SplitReceivableCommand) command;
                out.writeUtf8(c.receivableId);
                out.writeUtf8(c.childReceivableId);
                out.writeUtf8(c.newHolderId);
                out.writeLong(c.amountMinor);
            }
            case CANCEL_RECEIVABLE -> out.writeUtf8(((CancelReceivableCommand) command).receivableId);
            case REQUEST_FINANCING -> {
                RequestFinancingCommand c = (RequestFinancingCommand) command;
                out.writeUtf8(c.financingId);
                out.writeUtf8(c.receivableId);
                out.writeUtf8(c.programmeId);
                out.writeLong(c.amountMinor);
            }
            case DECIDE_FINANCING -> {
                DecideFinancingCommand c = (DecideFinancingCommand) command;
                out.writeUtf8(c.financingId);
                out.writeBoolean(c.accept);
                out.writeLong(c.financedAmountMinor);
                out.writeInt(c.reasonCode);
            }
            case DISBURSE_FINANCING -> {
                DisburseFinancingCommand c = (DisburseFinancingCommand) command;
                out.writeUtf8(c.financingId);
                out.writeUtf8(c.registrationReference);
                out.writeUtf8(c.messageId);
                out.writeUtf8(c.uetr);
                out.writeLong(c.paymentFingerprint);
            }
            case CANCEL_FINANCING -> out.writeUtf8(((CancelFinancingCommand) command).financingId);
            case SETTLE_RECEIVABLE -> {
                SettleReceivableCommand c = (SettleReceivableCommand) command;
                out.writeUtf8(c.receivableId);
                out.writeUtf8(c.payeeBankId);
                out.writeLong(c.amountMinor);
                out.writeUtf8(c.messageId);
                out.writeUtf8(c.uetr);
                out.writeLong(c.paymentFingerprint);
            }
            case ASSIGN_RECEIVABLE -> {
                AssignReceivableCommand c = (AssignReceivableCommand) command;
                out.writeUtf8(c.receivableId);
                out.writeUtf8(c.childReceivableId);
                out.writeUtf8(c.bankId);
                out.writeUtf8(c.programmeId);
                out.writeLong(c.amountMinor);
            }
            case RECORD_MESSAGE -> {
                RecordMessageCommand c = (RecordMessageCommand) command;
                out.writeUtf8(c.messageType);
                out.writeUtf8(c.messageId);
                out.writeLong(c.fingerprint);
                out.writeLong(c.firstSequence);
                out.writeInt(c.count());
                for (int i = 0; i < c.count(); i++) {
                    out.writeLong(c.packedAt(i));
                    out.writeUtf8(c.subjectAt(i));
                }
            }
        }
    }

    /** Reads the command of {@code type} into its reusable object in {@code into}, sender from the header. */
    private static LedgerCommand readCommand(Bytes<?> in, CommandType type, Decoded into) {
        String sender = into.senderId;
        switch (type) {
            case REGISTER_PARTY -> {
                RegisterPartyCommand c = into.registerParty;
                c.partyId = readUtf8(in, into);
                c.name = readUtf8(in, into);
                c.roles = in.readInt();
                return c;
            }
            case OPEN_ACCOUNT -> {
                OpenAccountCommand c = into.openAccount;
                c.partyId = readUtf8(in, into);
                c.currency = in.readInt();
                c.openingBalanceMinor = in.readLong();
                return c;
            }
            case CONFIGURE_LEDGER -> {
                ConfigureLedgerCommand c = into.configureLedger;
                c.paymentRetentionDays = in.readInt();
                c.paymentCapacity = in.readInt();
                c.messageCapacity = in.readInt();
                c.messageOutcomeCapacity = in.readInt();
                return c;
            }
            case TRANSFER -> {
                TransferCommand c = into.transfer;
                c.senderId = sender;
                c.messageId = readUtf8(in, into);
                c.uetr = readUtf8(in, into);
                c.endToEndId = readUtf8(in, into);
                c.debitPartyId = readUtf8(in, into);
                c.creditPartyId = readUtf8(in, into);
                int currency = in.readInt();
                c.currency = currency & ~TRANSFER_INSTRUCTED_FOLLOWS;
                c.amountMinor = in.readLong();
                if ((currency & TRANSFER_INSTRUCTED_FOLLOWS) != 0) {
                    c.instructedCurrency = in.readInt();
                    c.instructedAmountMinor = in.readLong();
                    c.exchangeRateScaled = in.readLong();
                } else {
                    c.instructedCurrency = 0;
                    c.instructedAmountMinor = 0;
                    c.exchangeRateScaled = 0;
                }
                return c;
            }
            case RETURN_PAYMENT -> {
                ReturnPaymentCommand c = into.returnPayment;
                c.senderId = sender;
                c.returnId = readUtf8(in, into);
                c.originalUetr = readUtf8(in, into);
                c.originalMessageId = readUtf8(in, into);
                c.currency = in.readInt();
                c.amountMinor = in.readLong();
                c.reasonCode = readUtf8(in, into);
                return c;
            }
            case RECALL_PAYMENT -> {
                RecallPaymentCommand c = into.recallPayment;
                c.senderId = sender;
                c.recallId = readUtf8(in, into);
                c.originalUetr = readUtf8(in, into);
                c.originalMessageId = readUtf8(in, into);
                c.reasonCode = readUtf8(in, into);
                return c;
            }
            case RESOLVE_RECALL -> {
                ResolveRecallCommand c = into.resolveRecall;
                c.senderId = sender;
                c.resolutionId = readUtf8(in, into);
                c.originalUetr = readUtf8(in, into);
                c.recallId = readUtf8(in, into);
                c.accept = in.readBoolean();
                c.reasonCode = readUtf8(in, into);
                return c;
            }
            case SET_CREDIT_LINE -> {
                SetCreditLineCommand c = into.setCreditLine;
                c.bankId = readUtf8(in, into);
                c.coreId = readUtf8(in, into);
                c.currency = in.readInt();
                c.limitMinor = in.readLong();
                return c;
            }
            case CREATE_PROGRAMME -> {
                CreateProgrammeCommand c = into.createProgramme;
                c.programmeId = readUtf8(in, into);
                c.bankId = readUtf8(in, into);
                c.coreId = readUtf8(in, into);
                c.currency = in.readInt();
                c.advanceRatePpm = in.readInt();
                c.discountRatePpm = in.readInt();
                c.feeMinor = in.readLong();
                c.recourse = in.readBoolean();
                c.maxTermDays = in.readInt();
                return c;
            }
            case ONBOARD_PARTY -> {
                OnboardPartyCommand c = into.onboardParty;
                c.senderId = sender;
                c.programmeId = readUtf8(in, into);
                c.partyId = readUtf8(in, into);
                return c;
            }
            case ACKNOWLEDGE_ONBOARDING -> {
                AcknowledgeOnboardingCommand c = into.acknowledgeOnboarding;
                c.senderId = sender;
                c.programmeId = readUtf8(in, into);
                c.accept = in.readBoolean();
                c.reasonCode = in.readInt();
                return c;
            }
            case SET_FX_RATE -> {
                SetFxRateCommand c = into.setFxRate;
                c.baseCurrency = in.readInt();
                c.quoteCurrency = in.readInt();
                c.rateScaled = in.readLong();
                c.sourceSequence = in.readLong();
                return c;
            }
            case CLOSE_DAY -> {
                io.kapok.ledger.day.CloseDayCommand c = into.closeDay;
                c.businessDay = in.readInt();
                return c;
            }
            case REGISTER_RECEIVABLE -> {
                RegisterReceivableCommand c = into.registerReceivable;
                c.senderId = sender;
                c.receivableId = readUtf8(in, into);
                c.documentNumber = readUtf8(in, into);
                c.debtorId = readUtf8(in, into);
                c.creditorId = readUtf8(in, into);
                c.currency = in.readInt();
                c.amountMinor = in.readLong();
                c.issueDay = in.readInt();
                c.dueDay = in.readInt();
                return c;
            }
            case CONFIRM_RECEIVABLE -> {
                ConfirmReceivableCommand c = into.confirmReceivable;
                c.senderId = sender;
                c.receivableId = readUtf8(in, into);
                c.accept = in.readBoolean();
                return c;
            }
            case SPLIT_RECEIVABLE -> {
                SplitReceivableCommand c = into.splitReceivable;
                c.senderId = sender;
                c.receivableId = readUtf8(in, into);
                c.childReceivableId = readUtf8(in, into);
                c.newHolderId = readUtf8(in, into);
                c.amountMinor = in.readLong();
                return c;
            }
            case CANCEL_RECEIVABLE -> {
                CancelReceivableCommand c = into.cancelReceivable;
                c.senderId = sender;
                c.receivableId = readUtf8(in, into);
                return c;
            }
            case REQUEST_FINANCING -> {
                RequestFinancingCommand c = into.requestFinancing;
                c.senderId = sender;
                c.financingId = readUtf8(in, into);
                c.receivableId = readUtf8(in, into);
                c.programmeId = readUtf8(in, into);
                c.amountMinor = in.readLong();
                return c;
            }
            case DECIDE_FINANCING -> {
                DecideFinancingCommand c = into.decideFinancing;
                c.senderId = sender;
                c.financingId = readUtf8(in, into);
                c.accept = in.readBoolean();
                c.financedAmountMinor = in.readLong();
                c.reasonCode = in.readInt();
                return c;
            }
            case DISBURSE_FINANCING -> {
                DisburseFinancingCommand c = into.disburseFinancing;
                c.senderId = sender;
                c.financingId = readUtf8(in, into);
                c.registrationReference = readUtf8(in, into);
                c.messageId = readUtf8(in, into);
                c.uetr = readUtf8(in, into);
                c.paymentFingerprint = in.readLong();
                return c;
            }
            case CANCEL_FINANCING -> {
                CancelFinancingCommand c = into.cancelFinancing;
                c.senderId = sender;
                c.financingId = readUtf8(in, into);
                return c;
            }
            case SETTLE_RECEIVABLE -> {
                SettleReceivableCommand c = into.settleReceivable;
                c.senderId = sender;
                c.receivableId = readUtf8(in, into);
                c.payeeBankId = readUtf8(in, into);
                c.amountMinor = in.readLong();
                c.messageId = readUtf8(in, into);
                c.uetr = readUtf8(in, into);
                c.paymentFingerprint = in.readLong();
                return c;
            }
            case ASSIGN_RECEIVABLE -> {
                AssignReceivableCommand c = into.assignReceivable;
                c.senderId = sender;
                c.receivableId = readUtf8(in, into);
                c.childReceivableId = readUtf8(in, into);
                c.bankId = readUtf8(in, into);
                c.programmeId = readUtf8(in, into);
                c.amountMinor = in.readLong();
                return c;
            }
            case RECORD_MESSAGE -> {
                RecordMessageCommand c = into.recordMessage;
                c.clear();
                c.senderId = sender;
                c.messageType = readUtf8(in, into);
                c.messageId = readUtf8(in, into);
                c.fingerprint = in.readLong();
                c.firstSequence = in.readLong();
                int count = in.readInt();
                if (count < 0 || count > in.readRemaining()) {
                    throw new IllegalStateException("a message record claims " + count + " commands");
                }
                for (int i = 0; i < count; i++) {
                    long outcome = in.readLong();
                    c.addPacked(outcome, readUtf8(in, into));
                }
                return c;
            }
        }
        throw new IllegalStateException("no decoder for " + type);
    }

    /**
     * Writes the entry hash and the message length after the hashed part in {@code out}: all of the
     * entry but the message bytes.
     */
    static void writeEntryHash(EntryBytes out, byte[] entryHash, byte[] raw, int rawLength) {
        out.write(entryHash, 0, JournalDigest.LENGTH_BYTES);
        out.writeInt(raw == null ? 0 : rawLength);
    }

    /** Writes the part after the hashed bytes: the entry hash, then the original message. */
    public static void writeTail(Bytes<?> out, byte[] entryHash, byte[] raw, int rawLength) {
        out.write(entryHash, 0, JournalDigest.LENGTH_BYTES);
        out.writeInt(raw == null ? 0 : rawLength);
        if (raw != null) {
            out.write(raw, 0, rawLength);
        }
    }

    /**
     * Reads a string {@code Bytes.writeUtf8} wrote (stop-bit byte length, -1 for null, then UTF-8)
     * straight into a new String. Chronicle's own {@code readUtf8()} passes every string through
     * its interning cache, which costs more than the rest of decoding an entry.
     */
    private static String readUtf8(Bytes<?> in, Decoded into) {
        long length = in.readStopBit();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.readRemaining()) {
            throw new IllegalStateException("a string claims " + length + " bytes, " + in.readRemaining() + " remain");
        }
        int n = (int) length;
        if (into.utf8.length < n) {
            into.utf8 = new byte[Math.max(n, into.utf8.length * 2)];
        }
        in.read(into.utf8, 0, n);
        return new String(into.utf8, 0, n, StandardCharsets.UTF_8);
    }

    /** The failure of an entry whose hashed bytes do not give its entry hash. */
    static JournalCorruptException entryHashMismatch(long sequence, JournalDigest algorithm) {
        return new JournalCorruptException(
                sequence, "the entry's header or command does not match its " + algorithm.configName() + " entry hash");
    }

    /** Reusable objects an entry is decoded into; one set per reading thread. */
    /**
     * Where an entry is, as {@code "index 0x…"}, for {@link #read}'s error messages: formatted only
     * when one is made, since a reader names every entry it reads. Reused by its reader.
     */
    static final class IndexPosition {
        private long index;

        IndexPosition at(long index) {
            this.index = index;
            return this;
        }

        @Override
        public String toString() {
            return "index 0x" + Long.toHexString(index);
        }
    }

    public static final class Decoded {
        public final RegisterPartyCommand registerParty = new RegisterPartyCommand();
        public final OpenAccountCommand openAccount = new OpenAccountCommand();
        public final TransferCommand transfer = new TransferCommand();
        public final ReturnPaymentCommand returnPayment = new ReturnPaymentCommand();
        public final RecallPaymentCommand recallPayment = new RecallPaymentCommand();
        public final ResolveRecallCommand resolveRecall = new ResolveRecallCommand();
        public final SetCreditLineCommand setCreditLine = new SetCreditLineCommand();
        public final CreateProgrammeCommand createProgramme = new CreateProgrammeCommand();
        public final OnboardPartyCommand onboardParty = new OnboardPartyCommand();
        public final AcknowledgeOnboardingCommand acknowledgeOnboarding = new AcknowledgeOnboardingCommand();
        public final SetFxRateCommand setFxRate = new SetFxRateCommand();
        public final io.kapok.ledger.day.CloseDayCommand closeDay = new io.kapok.ledger.day.CloseDayCommand();
        public final ConfigureLedgerCommand configureLedger = new ConfigureLedgerCommand();
        public final RegisterReceivableCommand registerReceivable = new RegisterReceivableCommand();
        public final ConfirmReceivableCommand confirmReceivable = new ConfirmReceivableCommand();
        public final SplitReceivableCommand splitReceivable = new SplitReceivableCommand();
        public final CancelReceivableCommand cancelReceivable = new CancelReceivableCommand();
        public final RequestFinancingCommand requestFinancing = new RequestFinancingCommand();
        public final DecideFinancingCommand decideFinancing = new DecideFinancingCommand();
        public final DisburseFinancingCommand disburseFinancing = new DisburseFinancingCommand();
        public final CancelFinancingCommand cancelFinancing = new CancelFinancingCommand();
        public final SettleReceivableCommand settleReceivable = new SettleReceivableCommand();
        public final AssignReceivableCommand assignReceivable = new AssignReceivableCommand();
        public final RecordMessageCommand recordMessage = new RecordMessageCommand();
        /** The command of the last entry read (one of the above); carries sequence and time. */
        public LedgerCommand command;
        /** Chronicle Queue index of the last entry read, when a {@link Journal.Reader} read it. */
        public long index;

        public JournalDigest algorithm;
        public String senderId;
        public final byte[] prevEntryHash = new byte[JournalDigest.LENGTH_BYTES];
        public final byte[] messageDigest = new byte[JournalDigest.LENGTH_BYTES];
        public final byte[] entryHash = new byte[JournalDigest.LENGTH_BYTES];
        /**
         * The original message bytes of the last entry read: {@code raw[0..rawLength)}. Read when
         * the message digest is checked, or when the entry's sequence is at least {@link
         * #messagesFromSequence}; otherwise skipped (and {@code raw} holds stale bytes).
         */
        public byte[] raw = new byte[4096];

        /** Entries from this sequence on have their message bytes read even when not checked. */
        public long messagesFromSequence = Long.MAX_VALUE;

        public int rawLength;

        private byte[] utf8 = new byte[64];

        /** The hashed bytes of the last entry read: {@code hashed[0..hashedLength)}. */
        byte[] hashed = new byte[512];

        int hashedLength;
        private final byte[] computed = new byte[JournalDigest.LENGTH_BYTES];
        private final Digest[] digests = new Digest[JournalDigest.values().length];

        Digest digest(JournalDigest algorithm) {
            Digest d = digests[algorithm.ordinal()];
            if (d == null) {
                d = algorithm.newDigest();
                digests[algorithm.ordinal()] = d;
            }
            return d;
        }
    }

    /** As {@link #read(Bytes, Decoded, String, boolean)} with every check, the message digest too. */
    public static void read(Bytes<?> in, Decoded into, String position) {
        read(in, into, position, true);
    }

    /**
     * Reads one entry into {@code into} and checks it on its own: its entry hash covers its hashed
     * bytes, its message bytes are all there and nothing follows them, and (when {@code
     * checkMessageDigest}) its message digest covers its message bytes. The link to the previous
     * entry is the caller's to check ({@link Decoded#prevEntryHash}).
     *
     * <p>Without {@code checkMessageDigest} the message bytes are skipped, not copied ({@link
     * Decoded#raw} keeps the previous content; {@link Decoded#rawLength} is set): the entry hash
     * still covers the header, the command and the recorded digest, so the state the entry changes is
     * fully checked, at a fraction of the cost of hashing a few kilobytes per entry.
     *
     * @param position where the entry is, for messages (e.g. the Chronicle index in hex)
     * @throws JournalCorruptException when the entry is not a Kapok entry, names an unknown command
     *     type, is cut short, or does not match its hashes; it names the entry's sequence when that
     *     much could be read
     */
    public static void read(Bytes<?> in, Decoded into, String position, boolean checkMessageDigest) {
        read(in, into, position, checkMessageDigest, true);
    }

    /**
     * As {@link #read(Bytes, Decoded, String, boolean)}; without {@code checkEntryHash} the entry
     * hash is read but not recomputed: the caller checks it later from {@link Decoded#hashed} (the
     * journal does, on another thread, while it applies the entries).
     */
    static void read(Bytes<?> in, Decoded into, Object position, boolean checkMessageDigest, boolean checkEntryHash) {
        long sequence = -1;
        try {
            long start = in.readPosition();
            int magic = in.readInt();
            if (magic == MAGIC_V1) {
                throw new JournalCorruptException(
                        -1,
                        "entry at " + position + " has layout version 1 (no hash chain); this Kapok reads version 2:"
                                + " replay that journal with the Kapok that wrote it, or start a new data directory");
            }
            if (magic != MAGIC) {
                throw new JournalCorruptException(
                        -1,
                        String.format(
                                "entry at %s starts with 0x%08X, expected 0x%08X: not a Kapok entry",
                                position, magic, MAGIC));
            }
            int code = in.readUnsignedByte();
            JournalDigest algorithm = JournalDigest.ofCode(code);
            in.read(into.prevEntryHash, 0, JournalDigest.LENGTH_BYTES);
            sequence = in.readLong();
            if (algorithm == null) {
                throw new JournalCorruptException(sequence, "unknown digest algorithm code " + code);
            }
            into.algorithm = algorithm;
            long timeMs = in.readLong();
            int typeCode = in.readShort();
            CommandType type;
            try {
                type = CommandType.ofCode(typeCode);
            } catch (RuntimeException e) {
                throw new JournalCorruptException(
                        sequence,
                        "unknown command type code " + typeCode
                                + ": written by a newer Kapok, or corrupt; this Kapok reads codes "
                                + CommandType.values()[0].code() + " to "
                                + CommandType.values()[CommandType.values().length - 1].code());
            }
            into.senderId = readUtf8(in, into);
            in.read(into.messageDigest, 0, JournalDigest.LENGTH_BYTES);
            LedgerCommand command = readCommand(in, type, into);
            command.sequence = sequence;
            command.timeMs = timeMs;
            into.command = command;

            long end = in.readPosition();
            int hashedLength = (int) (end - start);
            if (into.hashed.length < hashedLength) {
                into.hashed = new byte[Math.max(hashedLength, into.hashed.length * 2)];
            }
            in.readPosition(start);
            in.read(into.hashed, 0, hashedLength);
            into.hashedLength = hashedLength;
            in.readPosition(end);
            if (in.readRemaining() < JournalDigest.LENGTH_BYTES + 4) {
                throw new JournalCorruptException(
                        sequence, "entry is cut short after its command (" + in.readRemaining() + " bytes remain)");
            }
            in.read(into.entryHash, 0, JournalDigest.LENGTH_BYTES);
            int rawLength = in.readInt();
            if (rawLength < 0 || rawLength != in.readRemaining()) {
                throw new JournalCorruptException(
                        sequence,
                        "entry claims " + rawLength + " message bytes, " + in.readRemaining()
                                + " remain: torn or altered");
            }
            into.rawLength = rawLength;
            Digest digest = into.digest(algorithm);
            if (checkMessageDigest || sequence >= into.messagesFromSequence) {
                if (into.raw.length < rawLength) {
                    into.raw = new byte[Math.max(rawLength, into.raw.length * 2)];
                }
                in.read(into.raw, 0, rawLength);
            } else {
                in.readSkip(rawLength);
            }
            if (checkMessageDigest) {
                JournalDigest.digest(digest, into.raw, 0, rawLength, into.computed);
                if (!Arrays.equals(into.computed, into.messageDigest)) {
                    throw new JournalCorruptException(
                            sequence, "the message bytes do not match their " + algorithm.configName() + " digest");
                }
            }
            if (checkEntryHash) {
                JournalDigest.digest(digest, into.hashed, 0, hashedLength, into.computed);
                if (!Arrays.equals(into.computed, into.entryHash)) {
                    throw entryHashMismatch(sequence, algorithm);
                }
            }
        } catch (JournalCorruptException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalCorruptException(sequence, "entry at " + position + " cannot be read: " + e, e);
        }
    }
}
