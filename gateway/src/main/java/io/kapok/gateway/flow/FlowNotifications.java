package io.kapok.gateway.flow;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.FinancialItem;
import io.kapok.codecs.tsin.FinancingItemListSchema;
import io.kapok.codecs.tsin.InvoiceAssignment;
import io.kapok.codecs.tsin.PartyRegistration;
import io.kapok.codecs.tsin.Tsin001Encoder;
import io.kapok.codecs.tsin.Tsin001Request;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin002Encoder;
import io.kapok.codecs.tsin.Tsin002Schema;
import io.kapok.codecs.tsin.Tsin002Status;
import io.kapok.codecs.tsin.Tsin008Encoder;
import io.kapok.codecs.tsin.Tsin011Encoder;
import io.kapok.codecs.tsin.Tsin012Encoder;
import io.kapok.codecs.tsin.Tsin013Encoder;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.gateway.mailbox.MailboxComposer;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.AcknowledgeOnboardingCommand;
import io.kapok.ledger.receivable.AssignReceivableCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DisburseFinancingCommand;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SettleReceivableCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;

/**
 * The notifications the platform writes to the parties a command concerns, besides the answer its
 * sender gets:
 *
 * <pre>
 *  every posting (a payment, a settlement)  camt.054 to the account owner: one entry, debit or credit
 *  a registered invoice (tsin.004)          the tsin.004 itself, verbatim, to the other party of it
 *                                           (the debtor, who confirms it; or the creditor, when the
 *                                           debtor registered it)
 *  a financing request taken (tsin.001)     a tsin.001 with that one invoice, to the programme's bank
 *  a bank's decision recorded (tsin.002)    a tsin.002 with that invoice, FNCD with the financed amount
 *                                           or NTFD with the bank's reason, to the requesting holder
 *  a settlement paid to another bank        the pacs.008 itself, verbatim, to the payee bank
 *  a confirmation (tsin.013 item)           a tsin.013 with that item to the holder: confirmed (RCCF)
 *                                           or disputed (RCER)
 *  a split (tsin.006 item)                  a tsin.008 with the new receivable, to its new holder; and
 *                                           a tsin.008 to the debtor: pay that receivable to the new
 *                                           holder (Assgne), no longer to the one that split it (Assgnr)
 *  an assignment to a bank (tsin.006 item,  a tsin.008 to the bank naming the receivable it now holds
 *  factoring)                               (the whole one, or the part split off for it), its amount
 *                                           and dates; and a tsin.008 to the debtor: pay it to the
 *                                           bank (Assgne, its settlement account at the platform), no
 *                                           longer to the supplier that assigned it (Assgnr). The bank
 *                                           gets a notification, not the tsin.006 request itself: the
 *                                           ledger has already taken the assignment within the bank's
 *                                           programme and credit line, so there is nothing for the
 *                                           bank to accept (the supplier's tsin.007 answers the request)
 *  a disbursement (the bank's pacs.008)     a tsin.008 to the debtor: repay the financed receivable to
 *                                           the bank (Assgne, its settlement account at the platform),
 *                                           no longer to the holder (Assgnr)
 *  a return (pacs.004)                      the pacs.004 itself, verbatim, to the original's debtor
 *  a recall opened (camt.056)               the camt.056 itself, verbatim, to the original's creditor
 *  a recall resolved (camt.029)             the camt.029 itself, verbatim, to the original's debtor
 *  an onboarding (tsin.009 item)            a tsin.011 to the supplier: it may now ask that
 *                                           programme's bank for financing
 *  its acknowledgement (tsin.012 item)      a tsin.012 with that programme to the programme's bank: the
 *                                           supplier acknowledged its onboarding (RCCF), or rejected it
 *                                           (RCER with its reason) and left the programme
 * </pre>
 *
 * Deterministic, as recovery requires ({@link MailboxComposer}): ids derive from the journal entry
 * ({@code KPKN{sequence}-{n}}), times from its receive time, details from the command, the ledger's
 * events and the journaled message bytes. Sequencer thread only; reuses its value objects.
 */
public final class FlowNotifications implements MailboxComposer {
    public static final String CAMT054 = MessageType.CAMT_054_001_08.messageDefinition();
    public static final String TSIN001 = MessageType.TSIN_001_001_01.messageDefinition();
    public static final String TSIN002 = MessageType.TSIN_002_001_01.messageDefinition();
    public static final String TSIN004 = MessageType.TSIN_004_001_01.messageDefinition();
    public static final String PACS008 = MessageType.PACS_008_001_08.messageDefinition();
    public static final String PACS004 = MessageType.PACS_004_001_09.messageDefinition();
    public static final String CAMT056 = MessageType.CAMT_056_001_08.messageDefinition();
    public static final String CAMT029 = MessageType.CAMT_029_001_09.messageDefinition();
    public static final String TSIN008 = MessageType.TSIN_008_001_01.messageDefinition();
    public static final String TSIN011 = MessageType.TSIN_011_001_01.messageDefinition();
    public static final String TSIN012 = MessageType.TSIN_012_001_01.messageDefinition();
    public static final String TSIN013 = MessageType.TSIN_013_001_01.messageDefinition();

    private static final long DAY_MS = 86_400_000L;

    private final String platformBic;
    private final Utf8XmlWriter writer = new Utf8XmlWriter(4096);
    private final PostingNotices postingNotices;
    private final Tsin001Encoder tsin001 = new Tsin001Encoder();
    private final Tsin001Request request = new Tsin001Request();
    private final Tsin002Encoder tsin002 = new Tsin002Encoder();
    private final Tsin002Status status = new Tsin002Status();
    private final Tsin008Encoder tsin008 = new Tsin008Encoder();
    private final Tsin011Encoder tsin011 = new Tsin011Encoder();
    private final Tsin012Encoder tsin012 = new Tsin012Encoder();
    private final Tsin013Encoder tsin013 = new Tsin013Encoder();
    private final InvoiceAssignment assignment = new InvoiceAssignment();
    private final PartyRegistration registration = new PartyRegistration();
    private final Iso20022Decoder decoder;
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();
    private final char[] digits = new char[20];
    private static final char[] DASH = {'-'};
    private int messageNumber;
    private final boolean postings;

    /** @param postings write a camt.054 on every posting */
    public FlowNotifications(String platformBic, XmlLimits limits, boolean postings) {
        this.platformBic = platformBic;
        this.postings = postings;
        this.postingNotices = new PostingNotices(platformBic);
        this.decoder = MessageMap.newDecoder(limits);
    }

    @Override
    public void recipients(LedgerCommand command, RecipientSink sink) {
        switch (command.type()) {
            case TRANSFER -> {
                if (postings) {
                    TransferCommand t = (TransferCommand) command;
                    sink.recipient(t.debitPartyId);
                    sink.recipient(t.creditPartyId);
                    if (t.crossCurrency()) {
                        sink.recipient(platformBic); // the platform's FX accounts take both legs
                    }
                }
            }
            case SETTLE_RECEIVABLE -> {
                SettleReceivableCommand s = (SettleReceivableCommand) command;
                if (postings) {
                    sink.recipient(s.senderId);
                    sink.recipient(s.payeeBankId);
                }
                sink.recipient(s.payeeBankId);
            }
            case REGISTER_RECEIVABLE -> {
                RegisterReceivableCommand r = (RegisterReceivableCommand) command;
                sink.recipient(r.senderId.equals(r.debtorId) ? r.creditorId : r.debtorId);
            }
            case ONBOARD_PARTY -> sink.recipient(((OnboardPartyCommand) command).partyId);
            case ASSIGN_RECEIVABLE -> sink.recipient(((AssignReceivableCommand) command).bankId);
            default -> {
                // recipients known only once the ledger decided (the programme's bank, the holder)
            }
        }
    }

    @Override
    public void compose(LedgerCommand command, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
        if (!result.applied || result.retry || rawLength == 0) {
            return; // a refusal notifies no one; nor does the configured world (genesis: no message)
        }
        messageNumber = 0;
        for (int i = 0; i < result.eventCount(); i++) {
            if (postings && result.eventType(i) == LedgerEventType.POSTED) {
                posting(command, result, i, sink);
            }
        }
        switch (command.type()) {
            case REGISTER_RECEIVABLE -> {
                RegisterReceivableCommand r = (RegisterReceivableCommand) command;
                if (rawLength > 0) {
                    sink.journaled(r.senderId.equals(r.debtorId) ? r.creditorId : r.debtorId, TSIN004, raw, rawLength);
                }
            }
            case REQUEST_FINANCING -> financingRequest((RequestFinancingCommand) command, raw, rawLength, result, sink);
            case DECIDE_FINANCING -> decision((DecideFinancingCommand) command, raw, rawLength, result, sink);
            case CONFIRM_RECEIVABLE -> confirmation(command, raw, rawLength, result, sink);
            case SPLIT_RECEIVABLE -> {
                SplitReceivableCommand c = (SplitReceivableCommand) command;
                newHolderNotice(
                        command,
                        c.receivableId,
                        c.childReceivableId,
                        c.newHolderId,
                        c.amountMinor,
                        raw,
                        rawLength,
                        sink);
                assignedToDebtor(command, c.newHolderId, c.senderId, false, result, sink);
            }
            case ASSIGN_RECEIVABLE -> {
                AssignReceivableCommand c = (AssignReceivableCommand) command;
                String assigned = eventSubject(result, LedgerEventType.RECEIVABLE_ASSIGNED);
                if (assigned != null) {
                    newHolderNotice(command, c.receivableId, assigned, c.bankId, c.amountMinor, raw, rawLength, sink);
                }
                assignedToDebtor(command, c.bankId, c.senderId, true, result, sink);
            }
            case DISBURSE_FINANCING -> {
                String receivableId = eventSubject(result, LedgerEventType.RECEIVABLE_ASSIGNED);
                String holder = receivableId == null ? null : holderOf(result, receivableId);
                String bank = ((DisburseFinancingCommand) command).senderId;
                assignedToDebtor(command, bank, holder, true, result, sink);
            }
            case ONBOARD_PARTY -> onboarding((OnboardPartyCommand) command, result, sink);
            case ACKNOWLEDGE_ONBOARDING -> acknowledgement((AcknowledgeOnboardingCommand) command, result, sink);
            case RETURN_PAYMENT ->
                relay(raw, rawLength, eventParty(result, LedgerEventType.PAYMENT_RETURNED), PACS004, sink);
            case RECALL_PAYMENT, RESOLVE_RECALL ->
                relay(
                        raw,
                        rawLength,
                        eventParty(result, LedgerEventType.RECALL_STATE),
                        command.type() == CommandType.RECALL_PAYMENT ? CAMT056 : CAMT029,
                        sink);
            case SETTLE_RECEIVABLE -> {
                SettleReceivableCommand s = (SettleReceivableCommand) command;
                if (rawLength > 0 && !s.payeeBankId.equals(s.senderId)) {
                    sink.journaled(s.payeeBankId, PACS008, raw, rawLength);
                }
            }
            default -> {}
        }
    }

    /**
     * camt.054 for event {@code i}, a POSTED event: subject = the account owner, amount signed. Kept
     * as a compact record that a mailbox reader renders ({@link PostingNotices}): the XML is not
     * written on the sequencer.
     */
    private void posting(LedgerCommand command, LedgerResult result, int i, OutboundSink sink) {
        String messageId = null;
        String endToEndId = null;
        TransferCommand converted = null;
        if (command.type() == CommandType.TRANSFER) {
            TransferCommand t = (TransferCommand) command;
            messageId = t.messageId;
            endToEndId = t.endToEndId;
            converted = result.fxRateScaled > 0 ? t : null;
        } else if (command.type() == CommandType.SETTLE_RECEIVABLE) {
            endToEndId = ((SettleReceivableCommand) command).receivableId;
        }
        int length = postingNotices.record(
                result.eventCurrency(i),
                result.eventAmountMinor(i),
                ++messageNumber,
                result.eventParty(i),
                messageId,
                endToEndId);
        int format = PostingNotices.FORMAT;
        if (converted != null) {
            length = postingNotices.conversion(
                    converted.instructedCurrency,
                    converted.instructedAmountMinor,
                    converted.currency,
                    converted.amountMinor,
                    result.fxBaseCurrency,
                    result.fxRateScaled);
            format = PostingNotices.FORMAT_CONVERTED;
        }
        sink.record(result.eventSubject(i), CAMT054, format, postingNotices.recordBytes(), 0, length);
    }

    /** The one invoice of a taken request, as a tsin.001 from the platform to the programme's bank. */
    private void financingRequest(
            RequestFinancingCommand c, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
        String bank = eventParty(result, LedgerEventType.FINANCING_STATE);
        int item =
                decodedItem(raw, rawLength, MessageType.TSIN_001_001_01, Tsin001Schema.DOCUMENT_NUMBER, c.receivableId);
        if (bank == null || item < 0) {
            return;
        }
        Tsin001Request r = request;
        r.clear();
        r.header.from.bic(platformBic);
        FlowParties.identity(r.header.to, bank);
        id(r.header.messageId, c.sequence);
        r.header.creationTimeMs = c.timeMs;
        r.currency = view.itemCurrency(item, Tsin001Schema.INVOICE_AMOUNT);
        r.financingAgreement.set(c.programmeId);
        FlowParties.identity(r.requester, c.senderId);
        r.bankBic.set(bank);
        Tsin001Request.Invoice invoice = r.invoices.add();
        invoice.documentNumber.set(c.receivableId);
        invoice.issueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(item, Tsin001Schema.ISSUE_DATE));
        invoice.dueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(item, Tsin001Schema.DUE_DATE));
        invoice.taxableAmountMinor =
                view.itemText(item, Tsin001Schema.TOTAL_TAXABLE_AMOUNT).isPresent()
                        ? view.itemAmountMinor(item, Tsin001Schema.TOTAL_TAXABLE_AMOUNT)
                        : view.itemAmountMinor(item, Tsin001Schema.INVOICE_AMOUNT);
        invoice.taxAmountMinor =
                view.itemText(item, Tsin001Schema.TOTAL_TAX_AMOUNT).isPresent()
                        ? view.itemAmountMinor(item, Tsin001Schema.TOTAL_TAX_AMOUNT)
                        : 0;
        invoice.requestedAmountMinor = c.amountMinor;
        FlowParties.identity(
                invoice.supplier, partyOrSender(view.itemText(item, Tsin001Schema.SUPPLIER_ID), c.senderId));
        String buyer = FlowRouter.partyId(view.itemText(item, Tsin001Schema.BUYER_ID));
        if (buyer != null) {
            FlowParties.identity(invoice.buyer, buyer);
        }
        tsin001.encode(r, writer);
        sink.message(bank, TSIN001, writer.buffer(), 0, writer.length());
    }

    /** The bank's recorded decision on one invoice, as a tsin.002 from the platform to the requester. */
    private void decision(DecideFinancingCommand c, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
        String holder = eventParty(result, LedgerEventType.RECEIVABLE_STATE);
        String receivableId = eventSubject(result, LedgerEventType.RECEIVABLE_STATE);
        if (holder == null || receivableId == null) {
            return;
        }
        int item =
                decodedItem(raw, rawLength, MessageType.TSIN_002_001_01, Tsin002Schema.DOCUMENT_NUMBER, receivableId);
        Tsin002Status s = status;
        s.clear();
        s.header.from.bic(platformBic);
        FlowParties.identity(s.header.to, holder);
        id(s.header.messageId, c.sequence);
        s.header.creationTimeMs = c.timeMs;
        int slash = c.financingId.lastIndexOf('/');
        s.originalRequestId.set(slash > 0 ? c.financingId.substring(0, slash) : c.financingId);
        s.originalCreationTimeMs = c.timeMs;
        s.validationStatus = Tsin002Status.VALIDATION_ACCEPTED;
        if (item >= 0) {
            s.originalCreationTimeMs =
                    FlowParties.epochMs(view.text(Tsin002Schema.ORIGINAL_CREATION_DATE_TIME), c.timeMs);
            s.currency = view.itemCurrency(item, Tsin002Schema.INVOICE_AMOUNT);
            Tsin002Status.Invoice invoice = s.invoices.add();
            invoice.documentNumber.set(receivableId);
            invoice.totalAmountMinor = view.itemAmountMinor(item, Tsin002Schema.INVOICE_AMOUNT);
            invoice.issueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(item, Tsin002Schema.ISSUE_DATE));
            invoice.dueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(item, Tsin002Schema.DUE_DATE));
            invoice.financingStatus = c.accept ? Tsin002Status.FINANCED : Tsin002Status.NOT_FINANCED;
            invoice.financedAmountMinor = c.accept ? c.financedAmountMinor : 0;
            invoice.reason = c.accept ? null : FlowRouter.unpackReason(c.reasonCode);
        } else if (!c.accept) {
            s.validationStatus = Tsin002Status.VALIDATION_REJECTED;
            s.validationReason = FlowRouter.unpackReason(c.reasonCode);
        }
        tsin002.encode(s, writer);
        sink.message(holder, TSIN002, writer.buffer(), 0, writer.length());
    }

    /** The message as its sender wrote it, to {@code recipient} (none when either is missing). */
    private static void relay(byte[] raw, int rawLength, String recipient, String type, OutboundSink sink) {
        if (rawLength > 0 && recipient != null) {
            sink.journaled(recipient, type, raw, rawLength);
        }
    }

    /** The debtor's answer on one invoice, as a tsin.013 with that item, to the holder. */
    private void confirmation(
            LedgerCommand command, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
        String receivableId = eventSubject(result, LedgerEventType.RECEIVABLE_STATE);
        String holder = eventParty(result, LedgerEventType.RECEIVABLE_STATE);
        int item = receivableId == null
                ? -1
                : decodedItem(
                        raw, rawLength, MessageType.TSIN_013_001_01, FinancingItemListSchema.ITEM_ID, receivableId);
        if (item < 0) {
            return;
        }
        InvoiceAssignment a = letterWithItem(command, holder, item, receivableId, -1);
        a.items.get(0).validationStatus = ((ConfirmReceivableCommand) command).accept ? "RCCF" : "RCER";
        tsin013.encode(a, writer);
        sink.message(holder, TSIN013, writer.buffer(), 0, writer.length());
    }

    /**
     * A split or an assignment to a bank: a tsin.008 to {@code newHolderId} naming the receivable it
     * now holds ({@code heldId}: the child split off {@code itemId}, or {@code itemId} itself), its
     * amount and the dates of the tsin.006 item {@code itemId}.
     */
    private void newHolderNotice(
            LedgerCommand command,
            String itemId,
            String heldId,
            String newHolderId,
            long amountMinor,
            byte[] raw,
            int rawLength,
            OutboundSink sink) {
        int item = decodedItem(raw, rawLength, MessageType.TSIN_006_001_01, FinancingItemListSchema.ITEM_ID, itemId);
        if (item < 0) {
            return;
        }
        InvoiceAssignment a = letterWithItem(command, newHolderId, item, heldId, amountMinor);
        tsin008.encode(a, writer);
        sink.message(newHolderId, TSIN008, writer.buffer(), 0, writer.length());
    }

    /**
     * A tsin.008 to the debtor of each receivable the ledger reports assigned (RECEIVABLE_ASSIGNED):
     * from now on it pays {@code assigneeId} (into its settlement account at the platform when {@code
     * toBank}) rather than {@code assignorId}. Everything comes from the command and the events,
     * none from the ledger's state, so recovery composes the same bytes.
     */
    private void assignedToDebtor(
            LedgerCommand command,
            String assigneeId,
            String assignorId,
            boolean toBank,
            LedgerResult result,
            OutboundSink sink) {
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) != LedgerEventType.RECEIVABLE_ASSIGNED || assignorId == null) {
                continue;
            }
            String debtor = result.eventParty(i);
            InvoiceAssignment a = letterTo(command, debtor, "DEBTOR");
            FlowParties.identity(a.letter.addParty("ASSIGNEE"), assigneeId);
            FlowParties.identity(a.letter.addParty("ASSIGNOR"), assignorId);
            a.assigneeRef.set("ASSIGNEE");
            a.assignorRef.set("ASSIGNOR");
            a.notifyingPartyRef.set("PLATFORM");
            a.notificationReceiverRef.set("DEBTOR");
            a.currency = result.eventCurrency(i);
            FinancialItem f = a.items.add();
            f.clear();
            f.identifier.set(result.eventSubject(i));
            int dates = result.eventCode(i);
            f.dueDateEpochDay = dates >> 10;
            f.issueDateEpochDay = f.dueDateEpochDay - (dates & 1023);
            f.buyerRef.set("DEBTOR");
            f.sellerRef.set("ASSIGNEE");
            if (toBank) {
                f.creditAccount.set("KAPK-");
                f.creditAccount.append(
                        io.kapok.codecs.iso.Iso4217.unpack(a.currency).toCharArray(), 0, 3);
                f.creditAccount.append(DASH, 0, 1);
                f.creditAccount.append(assigneeId.toCharArray(), 0, assigneeId.length());
            }
            f.taxableAmountMinor = result.eventAmountMinor(i);
            f.taxAmountMinor = 0;
            tsin008.encode(a, writer);
            sink.message(debtor, TSIN008, writer.buffer(), 0, writer.length());
        }
    }

    /** The holder a RECEIVABLE_STATE event of {@code receivableId} names, or null. */
    private static String holderOf(LedgerResult result, String receivableId) {
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) == LedgerEventType.RECEIVABLE_STATE
                    && receivableId.equals(result.eventSubject(i))) {
                return result.eventParty(i);
            }
        }
        return null;
    }

    /** The supplier joined a programme: a tsin.011 with that programme as its one agreement item. */
    private void onboarding(OnboardPartyCommand c, LedgerResult result, OutboundSink sink) {
        PartyRegistration r = registrationLetter(c, c.partyId, c.senderId, c.partyId, c.programmeId, result);
        r.items.get(0).action = "OPEN";
        tsin011.encode(r, writer);
        sink.message(c.partyId, TSIN011, writer.buffer(), 0, writer.length());
    }

    /**
     * The supplier answered its onboarding: a tsin.012 with that programme as its one agreement item,
     * to the programme's bank (the event names it), RCCF when acknowledged, RCER with the supplier's
     * reason when rejected (the supplier has left the programme).
     */
    private void acknowledgement(AcknowledgeOnboardingCommand c, LedgerResult result, OutboundSink sink) {
        String bank = eventParty(result, LedgerEventType.PARTY_ONBOARDED);
        if (bank == null) {
            return;
        }
        PartyRegistration r = registrationLetter(c, bank, bank, c.senderId, c.programmeId, result);
        if (!c.accept) {
            String reason = FlowRouter.unpackReason(c.reasonCode);
            r.validationStatus = "RCER";
            r.validationReason = reason;
            r.items.get(0).validationStatus = "RCER";
            r.items.get(0).validationReason = reason;
        }
        tsin012.encode(r, writer);
        sink.message(bank, TSIN012, writer.buffer(), 0, writer.length());
    }

    /**
     * A registration letter from the platform to {@code recipient} about {@code supplier} in
     * programme {@code programmeId} of {@code programmeParty} (its bank or core enterprise), RCCF,
     * with that programme as its one item, in the currency the PARTY_ONBOARDED event names.
     */
    private PartyRegistration registrationLetter(
            LedgerCommand command,
            String recipient,
            String programmeParty,
            String supplier,
            String programmeId,
            LedgerResult result) {
        PartyRegistration r = registration;
        r.clear();
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) == LedgerEventType.PARTY_ONBOARDED) {
                r.currency = result.eventCurrency(i); // the programme's currency
            }
        }
        r.letter.header.from.bic(platformBic);
        FlowParties.identity(r.letter.header.to, recipient);
        id(r.letter.header.messageId, command.sequence);
        r.letter.header.creationTimeMs = command.timeMs;
        FlowParties.identity(r.letter.addParty("PROGRAMME"), programmeParty);
        FlowParties.identity(r.letter.addParty("SUPPLIER"), supplier);
        r.letter.addParty("PLATFORM").bic(platformBic);
        r.listId.copyFrom(r.letter.header.messageId);
        r.dateEpochDay = Math.floorDiv(command.timeMs, DAY_MS);
        r.requesterRef.set("PROGRAMME");
        r.responderRef.set("PLATFORM");
        r.applicantRef.set("PROGRAMME");
        r.beneficiaryRef.set("SUPPLIER");
        r.issuerRef.set("PLATFORM");
        r.validationStatus = "RCCF";
        PartyRegistration.Item item = r.items.add();
        item.clear();
        item.identifier.set(programmeId);
        item.issueDateEpochDay = r.dateEpochDay;
        item.buyerRef.set("PROGRAMME");
        item.sellerRef.set("SUPPLIER");
        item.validationStatus = "RCCF";
        return r;
    }

    /**
     * A letter from the platform to {@code recipient} (a party of it as {@code recipientRef}), its
     * id and date from the journal entry of {@code command}, with no item yet.
     */
    private InvoiceAssignment letterTo(LedgerCommand command, String recipient, String recipientRef) {
        InvoiceAssignment a = assignment;
        a.clear();
        a.letter.header.from.bic(platformBic);
        FlowParties.identity(a.letter.header.to, recipient);
        id(a.letter.header.messageId, command.sequence);
        a.letter.header.creationTimeMs = command.timeMs;
        a.letter.addParty("PLATFORM").bic(platformBic);
        FlowParties.identity(a.letter.addParty(recipientRef), recipient);
        a.listId.copyFrom(a.letter.header.messageId);
        a.issueDateEpochDay = Math.floorDiv(command.timeMs, DAY_MS);
        return a;
    }

    /**
     * A letter from the platform to {@code recipient} with one item: {@code receivableId}, dates and
     * amount from item {@code item} of the decoded message ({@code amountMinor} when not -1).
     */
    private InvoiceAssignment letterWithItem(
            LedgerCommand command, String recipient, int item, String receivableId, long amountMinor) {
        InvoiceAssignment a = letterTo(command, recipient, "RECIPIENT");
        a.assigneeRef.set("RECIPIENT");
        a.assignorRef.set("PLATFORM");
        a.currency = view.itemCurrency(item, FinancingItemListSchema.ITEM_TOTAL_AMOUNT);
        FinancialItem f = a.items.add();
        f.clear();
        f.identifier.set(receivableId);
        f.issueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(item, FinancingItemListSchema.ITEM_ISSUE_DATE));
        f.dueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(item, FinancingItemListSchema.ITEM_DUE_DATE));
        f.taxableAmountMinor =
                amountMinor >= 0 ? amountMinor : view.itemAmountMinor(item, FinancingItemListSchema.ITEM_TOTAL_AMOUNT);
        f.taxAmountMinor = 0;
        return a;
    }

    /**
     * Decodes the journaled message (it was valid when taken) and finds the item whose {@code field}
     * is {@code id}: its index, or -1.
     */
    private int decodedItem(byte[] raw, int rawLength, MessageType type, int field, String id) {
        if (rawLength == 0 || !decoder.decode(raw, 0, rawLength, view, verdict) || view.type() != type) {
            return -1;
        }
        for (int i = 0; i < view.itemCount(); i++) {
            TextBuffer text = view.itemText(i, field);
            if (text.toString().trim().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String partyOrSender(TextBuffer named, String senderId) {
        String id = FlowRouter.partyId(named);
        return id == null ? senderId : id;
    }

    private static String eventParty(LedgerResult result, LedgerEventType type) {
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) == type) {
                return result.eventParty(i);
            }
        }
        return null;
    }

    private static String eventSubject(LedgerResult result, LedgerEventType type) {
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) == type) {
                return result.eventSubject(i);
            }
        }
        return null;
    }

    /** {@code KPKN{sequence}-{n}}: the n-th notification of journal entry {@code sequence}. */
    private void id(TextBuffer out, long sequence) {
        out.set("KPKN");
        appendNumber(out, sequence);
        out.append(DASH, 0, 1);
        appendNumber(out, ++messageNumber);
    }

    private void appendNumber(TextBuffer out, long value) {
        FlowParties.appendNumber(out, value, digits);
    }
}
