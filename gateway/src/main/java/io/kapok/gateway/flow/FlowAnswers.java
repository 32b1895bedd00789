package io.kapok.gateway.flow;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.admi.Admi002Encoder;
import io.kapok.codecs.camt.Camt029Encoder;
import io.kapok.codecs.camt.Camt029Resolution;
import io.kapok.codecs.camt.Camt029Schema;
import io.kapok.codecs.camt.Camt056Schema;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.pacs.OriginalPayment;
import io.kapok.codecs.pacs.Pacs002Encoder;
import io.kapok.codecs.pacs.Pacs002Status;
import io.kapok.codecs.pacs.Pacs004Schema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.BusinessLetter;
import io.kapok.codecs.tsin.BusinessLetterFields;
import io.kapok.codecs.tsin.FinancialItem;
import io.kapok.codecs.tsin.FinancingAgreementListSchema;
import io.kapok.codecs.tsin.FinancingItemListSchema;
import io.kapok.codecs.tsin.InvoiceAssignment;
import io.kapok.codecs.tsin.PartyRegistration;
import io.kapok.codecs.tsin.ReconciliationListSchema;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin002Encoder;
import io.kapok.codecs.tsin.Tsin002Schema;
import io.kapok.codecs.tsin.Tsin002Status;
import io.kapok.codecs.tsin.Tsin003Schema;
import io.kapok.codecs.tsin.Tsin004Schema;
import io.kapok.codecs.tsin.Tsin007Encoder;
import io.kapok.codecs.tsin.Tsin010Encoder;
import io.kapok.codecs.tsmt.PaymentReconciliation;
import io.kapok.codecs.tsmt.Tsmt054Encoder;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.gateway.sequencer.LedgerRejections;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.Financing;
import io.kapok.ledger.receivable.Receivable;

/**
 * The ISO 20022 answer to a receivable-financing message, from its {@link FlowPlan} once the
 * sequencer ran it (or refused it before the ledger):
 *
 * <pre>
 *  tsin.004, tsin.013, tsin.006  → tsin.007 InvoiceAssignmentStatus: per item RCCF, or RCER with
 *                                  the ledger's reason code; the list RCCF when every item was taken
 *  tsin.001                      → tsin.002: VldtnStsInf RCCF when any invoice was taken (RCER with
 *                                  the first reason when none was); per invoice PDNG (now with the
 *                                  bank) or NTFD with the reason
 *  tsin.002 (a bank's decision)  → tsin.002: VldtnStsInf RCCF when every decision was recorded, else
 *                                  RCER; per recorded invoice FNCD with the financed amount, or NTFD
 *  tsin.003                      → tsin.002: CxlStsInf PACK when every open financing was cancelled,
 *                                  else REJT with the first reason
 *  pacs.004                      → pacs.002: ACSC when the return settled, RJCT with the reason
 *  camt.056                      → camt.029: PDCR (the recall is now with the creditor), or RJCR with
 *                                  the reason
 *  camt.029 (the creditor's)     → camt.029 echoing what was recorded (CNCL: the money went back;
 *                                  RJCR), or an admi.002 with the reason when it was refused
 *  tsmt.053                      → tsmt.054 InvoicePaymentReconciliationStatus: per item RCCF when the
 *                                  ledger has the receivable SETTLED, RCER ID02 when it does not know
 *                                  it (or the sender is none of its parties), RCER NA01 when it is not
 *                                  settled; the list RCCF when all agree
 *  tsin.009                      → tsin.010 PartyRegistrationAndGuaranteeStatus: per programme RCCF, or
 *                                  RCER with the reason; the list RCCF when the supplier joined every one
 *  tsin.012 (the onboarded       → tsin.010 as well: per programme RCCF when its acknowledgement (or
 *  party's acknowledgement)        rejection) was recorded, RCER with the reason when refused (unknown
 *                                  programme ID02, not onboarded BE08, already acknowledged ID01)
 * </pre>
 *
 * <p>A tsin.012 closes the tsin.009 → tsin.010 → tsin.011 → tsin.012 exchange: ISO 20022 defines no
 * message that answers it, yet its sender gets an answer over HTTP saying whether the platform
 * recorded it. The answer is the family's status message, tsin.010 (the status of a party's
 * registration in each programme), not an admi.002, which the message map keeps for messages that
 * cannot be parsed or routed at all: a tsin.012 the ledger refuses was read and routed, and its
 * refusal is a business answer per programme, with that programme's reason code.
 *
 * Refusals name the item and the rule in {@code AddtlStsRsnInf}, so the sender can fix the message
 * from the answer alone. Ids and times derive from the journal entry (the same on every replay);
 * an answer to a refused message, which has no entry, takes its time from the message's receipt.
 * Sequencer thread only.
 */
public final class FlowAnswers {
    /** Reason code of a refusal before the ledger that named none. */
    private static final String NARRATIVE = "NARR";

    private final String platformBic;
    private final Utf8XmlWriter writer = new Utf8XmlWriter(4096);
    private final Tsin002Encoder tsin002 = new Tsin002Encoder();
    private final Tsin007Encoder tsin007 = new Tsin007Encoder();
    private final Tsin002Status status = new Tsin002Status();
    private final InvoiceAssignment assignment = new InvoiceAssignment();
    private final PartyRegistration registration = new PartyRegistration();
    private final Tsin010Encoder tsin010 = new Tsin010Encoder();
    private final PaymentReconciliation reconciliation = new PaymentReconciliation();
    private final Tsmt054Encoder tsmt054 = new Tsmt054Encoder();
    private final Pacs002Status pacs002Status = new Pacs002Status();
    private final Pacs002Encoder pacs002 = new Pacs002Encoder();
    private final Camt029Resolution resolution = new Camt029Resolution();
    private final Camt029Encoder camt029 = new Camt029Encoder();
    private final Admi002Encoder admi002 = new Admi002Encoder();

    public FlowAnswers(String platformBic) {
        this.platformBic = platformBic;
    }

    /** The encoded answer; valid until the next call. */
    public Utf8XmlWriter encode(FlowPlan plan, MessageView view, Ledger ledger, String answerId) {
        if (!FlowRouter.takes(plan.type)) {
            // Kapok sends this message, it does not act on it: no status family of its own to answer in.
            admi002.encode(view.businessMessageId(), plan.refusalCode, null, plan.refusalDetail, plan.timeMs, writer);
            return writer;
        }
        switch (plan.type) {
            case TSIN_001_001_01, TSIN_002_001_01, TSIN_003_001_01 -> financingStatus(plan, view, ledger, answerId);
            case TSIN_009_001_01, TSIN_012_001_01 -> registrationStatus(plan, view, ledger, answerId);
            case TSMT_053_001_01 -> reconciliationStatus(plan, view, ledger, answerId);
            case PACS_004_001_09 -> returnStatus(plan, view, answerId);
            case CAMT_056_001_08, CAMT_029_001_09 -> recallResolution(plan, view, answerId);
            default -> assignmentStatus(plan, view, ledger, answerId);
        }
        return writer;
    }

    private final FlowPlan refusal = new FlowPlan();

    /**
     * The family's negative answer to a message refused where it was decoded (it never reached the
     * ledger): e.g. a tsin.002 RCER for a tsin.001, a camt.029 RJCR for a camt.056, naming the element
     * and the rule in {@code detail}. Reads nothing of the ledger, so any thread may call it on its
     * own instance. Throws when the message is too broken for the family's answer to be written
     * (the caller then answers with an admi.002).
     */
    public Utf8XmlWriter encodeRefusal(
            MessageView view, String senderId, String isoCode, String detail, long timeMs, String answerId) {
        FlowPlan p = refusal;
        p.clear();
        p.type = view.type();
        p.senderId = senderId == null ? platformBic : senderId;
        p.timeMs = timeMs;
        p.refuse(isoCode, detail);
        return encode(p, view, null, answerId);
    }

    // ------------------------------------------------------------------------------ tsin.002

    private void financingStatus(FlowPlan plan, MessageView view, Ledger ledger, String answerId) {
        Tsin002Status s = status;
        s.clear();
        s.header.from.bic(platformBic);
        FlowParties.identity(s.header.to, plan.senderId);
        s.header.messageId.set(answerId);
        s.header.creationTimeMs = plan.timeMs;
        int idField;
        int timeField;
        switch (plan.type) {
            case TSIN_001_001_01 -> {
                idField = Tsin001Schema.GROUP_ID;
                timeField = Tsin001Schema.CREATION_DATE_TIME;
            }
            case TSIN_002_001_01 -> {
                idField = Tsin002Schema.ORIGINAL_REQUEST_ID;
                timeField = Tsin002Schema.ORIGINAL_CREATION_DATE_TIME;
            }
            default -> {
                idField = Tsin003Schema.ORIGINAL_GROUP_ID;
                timeField = Tsin003Schema.ORIGINAL_CREATION_DATE_TIME;
            }
        }
        s.originalRequestId.set(view.text(idField).toString().trim());
        s.originalCreationTimeMs = FlowParties.epochMs(view.text(timeField), plan.timeMs);
        if (plan.type == MessageType.TSIN_001_001_01 && !IsoIdentifiers.isBic(plan.senderId)) {
            FlowParties.identity(s.requester, plan.senderId);
        }
        if (plan.refused()) {
            refusedStatus(s, plan);
            tsin002.encode(s, writer);
            return;
        }
        switch (plan.type) {
            case TSIN_001_001_01 -> requestStatus(s, plan, ledger);
            case TSIN_002_001_01 -> decisionStatus(s, plan, ledger);
            default -> cancellationStatus(s, plan);
        }
        tsin002.encode(s, writer);
    }

    private static void refusedStatus(Tsin002Status s, FlowPlan plan) {
        if (plan.type == MessageType.TSIN_003_001_01) {
            s.validationStatus = Tsin002Status.VALIDATION_ACCEPTED;
            s.cancellationStatus = Tsin002Status.CANCELLATION_REJECTED;
            s.cancellationReason = plan.refusalCode;
        } else {
            s.validationStatus = Tsin002Status.VALIDATION_REJECTED;
            s.validationReason = plan.refusalCode;
        }
        s.validationInfo.append(plan.refusalDetail);
    }

    private static void requestStatus(Tsin002Status s, FlowPlan plan, Ledger ledger) {
        int applied = plan.appliedCount();
        s.validationStatus = applied > 0 ? Tsin002Status.VALIDATION_ACCEPTED : Tsin002Status.VALIDATION_REJECTED;
        if (applied == 0) {
            s.validationReason = LedgerRejections.reasonCode(plan.firstRejection());
        }
        for (int i = 0; i < plan.commands.size(); i++) {
            var c = (io.kapok.ledger.receivable.RequestFinancingCommand) plan.commands.get(i);
            Tsin002Status.Invoice invoice = invoice(s, ledger.receivables().receivable(c.receivableId), c.receivableId);
            if (invoice == null) {
                continue;
            }
            if (plan.applied.get(i)) {
                invoice.financingStatus = Tsin002Status.PENDING;
            } else {
                refusedItem(s, invoice, c.receivableId, plan.rejections.get(i));
            }
        }
    }

    private static void decisionStatus(Tsin002Status s, FlowPlan plan, Ledger ledger) {
        boolean all = plan.appliedCount() == plan.commands.size();
        s.validationStatus = all ? Tsin002Status.VALIDATION_ACCEPTED : Tsin002Status.VALIDATION_REJECTED;
        if (!all) {
            s.validationReason = LedgerRejections.reasonCode(plan.firstRejection());
        }
        for (int i = 0; i < plan.commands.size(); i++) {
            DecideFinancingCommand c = (DecideFinancingCommand) plan.commands.get(i);
            Financing f = ledger.receivables().financing(c.financingId);
            String document = f != null ? f.receivableId() : c.financingId;
            if (!plan.applied.get(i)) {
                appendInfo(s, document, plan.rejections.get(i));
                continue;
            }
            Tsin002Status.Invoice invoice = invoice(s, ledger.receivables().receivable(f.receivableId()), document);
            if (invoice == null) {
                continue;
            }
            invoice.financingStatus = c.accept ? Tsin002Status.FINANCED : Tsin002Status.NOT_FINANCED;
            invoice.financedAmountMinor = c.accept ? f.financedMinor() : 0;
            invoice.reason = c.accept ? null : FlowRouter.unpackReason(c.reasonCode);
        }
    }

    private static void cancellationStatus(Tsin002Status s, FlowPlan plan) {
        boolean all = plan.appliedCount() == plan.commands.size();
        s.validationStatus = Tsin002Status.VALIDATION_ACCEPTED;
        s.cancellationStatus = all ? Tsin002Status.CANCELLATION_ACCEPTED : Tsin002Status.CANCELLATION_REJECTED;
        if (!all) {
            s.cancellationReason = LedgerRejections.reasonCode(plan.firstRejection());
            for (int i = 0; i < plan.commands.size(); i++) {
                if (!plan.applied.get(i)) {
                    var c = (io.kapok.ledger.receivable.CancelFinancingCommand) plan.commands.get(i);
                    appendInfo(s, c.financingId, plan.rejections.get(i));
                }
            }
        }
    }

    /** A reported invoice, from the ledger's receivable; null when the ledger does not know it. */
    private static Tsin002Status.Invoice invoice(Tsin002Status s, Receivable rec, String document) {
        if (rec == null || s.invoices.count() == Tsin002Status.INVOICES_MAX) {
            return null;
        }
        if (s.invoices.count() == 0) {
            s.currency = rec.currency();
        } else if (s.currency != rec.currency()) {
            return null; // one tsin.002 reports one currency; the others are named in the information
        }
        Tsin002Status.Invoice invoice = s.invoices.add();
        invoice.documentNumber.set(document);
        invoice.totalAmountMinor = rec.faceMinor();
        invoice.issueDateEpochDay = rec.issueDay();
        invoice.dueDateEpochDay = rec.dueDay();
        invoice.financingStatus = null;
        invoice.reason = null;
        invoice.financedAmountMinor = 0;
        return invoice;
    }

    private static void refusedItem(Tsin002Status s, Tsin002Status.Invoice invoice, String id, LedgerRejection r) {
        invoice.financingStatus = Tsin002Status.NOT_FINANCED;
        invoice.reason = r == null ? null : LedgerRejections.reasonCode(r);
        appendInfo(s, id, r);
    }

    private static void appendInfo(Tsin002Status s, String id, LedgerRejection r) {
        if (r == null) {
            return;
        }
        StringBuilder info = s.validationInfo;
        if (info.length() > 0) {
            info.append("; ");
        }
        info.append(id).append(": ").append(LedgerRejections.meaning(r));
    }

    // ------------------------------------------------------------------------------ payments

    private void returnStatus(FlowPlan plan, MessageView view, String answerId) {
        Pacs002Status s = pacs002Status;
        s.clear();
        s.fromBic.set(platformBic);
        if (IsoIdentifiers.isBic(plan.senderId)) {
            s.toBic.set(plan.senderId);
        }
        s.messageId.set(answerId);
        s.creationTimeMs = plan.timeMs;
        s.originalMessageId.set(view.text(Pacs004Schema.MSG_ID).toString().trim());
        s.originalMessageNameId = MessageType.PACS_004_001_09.messageDefinition();
        copyPresent(s.originalEndToEndId, view.text(Pacs004Schema.ORIGINAL_END_TO_END_ID));
        copyPresent(s.originalTransactionId, view.text(Pacs004Schema.ORIGINAL_TX_ID));
        copyPresent(s.originalUetr, view.text(Pacs004Schema.ORIGINAL_UETR));
        boolean applied = !plan.refused() && plan.appliedCount() == plan.commands.size();
        s.transactionStatus = applied ? Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED : Pacs002Status.REJECTED;
        if (!applied) {
            s.reasonCode = plan.refused() ? plan.refusalCode : LedgerRejections.reasonCode(plan.firstRejection());
            s.additionalInfo.append(
                    plan.refused() ? plan.refusalDetail : LedgerRejections.meaning(plan.firstRejection()));
        }
        pacs002.encode(s, writer);
    }

    private void recallResolution(FlowPlan plan, MessageView view, String answerId) {
        boolean recall = plan.type == MessageType.CAMT_056_001_08;
        boolean applied = !plan.refused() && plan.appliedCount() == plan.commands.size();
        if (!recall && !applied) {
            admi002.encode(
                    view.text(Camt029Schema.ASSIGNMENT_ID).toString().trim(),
                    plan.refused() ? plan.refusalCode : LedgerRejections.reasonCode(plan.firstRejection()),
                    null,
                    plan.refused() ? plan.refusalDetail : LedgerRejections.meaning(plan.firstRejection()),
                    plan.timeMs,
                    writer);
            return;
        }
        Camt029Resolution r = resolution;
        r.clear();
        r.header.from.bic(platformBic);
        FlowParties.identity(r.header.to, plan.senderId);
        r.header.messageId.set(answerId);
        r.header.creationTimeMs = plan.timeMs;
        int caseField = recall ? Camt056Schema.CASE_ID : Camt029Schema.RESOLVED_CASE_ID;
        if (view.text(caseField).length() > 0) {
            r.resolvedCaseId.set(view.text(caseField).toString().trim());
            FlowParties.identity(r.caseCreator, plan.senderId);
        }
        if (recall) {
            r.confirmation = applied ? Camt029Resolution.PENDING : Camt029Resolution.REJECTED;
            if (!applied) {
                r.reasonCode = plan.refused() ? plan.refusalCode : LedgerRejections.reasonCode(plan.firstRejection());
                r.additionalInfo.append(
                        plan.refused() ? plan.refusalDetail : LedgerRejections.meaning(plan.firstRejection()));
            } else {
                r.additionalInfo.append("recall opened: the instructed agent must answer it");
            }
        } else {
            r.confirmation = view.text(Camt029Schema.CONFIRMATION).toString().trim();
            r.additionalInfo.append("resolution recorded");
        }
        OriginalPayment o = r.original;
        int msgId = recall ? Camt056Schema.ORIGINAL_MSG_ID : Camt029Schema.ORIGINAL_MSG_ID;
        int e2e = recall ? Camt056Schema.ORIGINAL_END_TO_END_ID : Camt029Schema.ORIGINAL_END_TO_END_ID;
        int uetr = recall ? Camt056Schema.ORIGINAL_UETR : Camt029Schema.ORIGINAL_UETR;
        int amount = recall ? Camt056Schema.ORIGINAL_AMOUNT : Camt029Schema.ORIGINAL_AMOUNT;
        int date = recall ? Camt056Schema.ORIGINAL_SETTLEMENT_DATE : Camt029Schema.ORIGINAL_SETTLEMENT_DATE;
        copyPresent(o.messageId, view.text(msgId));
        copyPresent(o.endToEndId, view.text(e2e));
        copyPresent(o.uetr, view.text(uetr));
        o.amountMinor = view.amountMinor(amount);
        o.currency = view.currency(amount);
        o.settlementDateEpochDay = view.text(date).length() > 0
                ? IsoIdentifiers.epochDay(view.text(date))
                : Math.floorDiv(plan.timeMs, 86_400_000L);
        camt029.encode(r, writer);
    }

    private static void copyPresent(TextBuffer out, TextBuffer in) {
        if (in.length() > 0) {
            out.set(in.toString().trim());
        }
    }

    /**
     * The header of a letter answering {@code plan}'s sender: from the platform, to the sender, with
     * the answer's id and time, relating to {@code original} (the letter's or invoice's id as sent).
     */
    private void answerLetter(BusinessLetter letter, FlowPlan plan, String answerId, CharSequence original) {
        letter.header.from.bic(platformBic);
        FlowParties.identity(letter.header.to, plan.senderId);
        letter.header.messageId.set(answerId);
        letter.header.creationTimeMs = plan.timeMs;
        letter.relatedMessageId.set(original.toString().trim());
    }

    // ------------------------------------------------------------------------------ tsmt.054

    private void reconciliationStatus(FlowPlan plan, MessageView view, Ledger ledger, String answerId) {
        PaymentReconciliation r = reconciliation;
        r.clear();
        answerLetter(r.letter, plan, answerId, view.text(BusinessLetterFields.LETTER_ID));
        FlowParties.identity(r.letter.addParty("ADVISER"), plan.senderId);
        r.letter.addParty("PLATFORM").bic(platformBic);
        r.dateEpochDay = Math.floorDiv(plan.timeMs, 86_400_000L);
        r.recipientRef.set("ADVISER");
        r.adviserRef.set("PLATFORM");
        r.reference.set(view.text(BusinessLetterFields.LETTER_ID).toString().trim());
        r.referenceDateEpochDay = IsoIdentifiers.epochDay(view.text(ReconciliationListSchema.LIST_DATE));
        r.instructionId.set(view.text(ReconciliationListSchema.PAYMENT_INSTRUCTION_ID)
                .toString()
                .trim());
        r.endToEndId.set(view.text(ReconciliationListSchema.PAYMENT_END_TO_END_ID)
                .toString()
                .trim());
        r.paymentDateEpochDay = IsoIdentifiers.epochDay(view.text(ReconciliationListSchema.PAYMENT_DATE));
        r.dueDateEpochDay = view.text(ReconciliationListSchema.PAYMENT_DUE_DATE).isPresent()
                ? IsoIdentifiers.epochDay(view.text(ReconciliationListSchema.PAYMENT_DUE_DATE))
                : r.paymentDateEpochDay;
        r.paymentAmountMinor = view.amountMinor(ReconciliationListSchema.PAYMENT_AMOUNT);
        r.currency = view.currency(ReconciliationListSchema.PAYMENT_AMOUNT);
        boolean all = true;
        for (int i = 0; i < view.itemCount() && i < PaymentReconciliation.ITEMS_MAX; i++) {
            String id = view.itemText(i, ReconciliationListSchema.ITEM_ID)
                    .toString()
                    .trim();
            FinancialItem item = r.items.add();
            item.clear();
            item.identifier.set(id);
            item.issueDateEpochDay =
                    IsoIdentifiers.epochDay(view.itemText(i, ReconciliationListSchema.ITEM_ISSUE_DATE));
            item.dueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(i, ReconciliationListSchema.ITEM_DUE_DATE));
            item.taxableAmountMinor = view.itemAmountMinor(i, ReconciliationListSchema.ITEM_TOTAL_AMOUNT);
            item.taxAmountMinor = 0;
            item.credit = !"DBIT".contentEquals(view.itemText(i, ReconciliationListSchema.ITEM_CREDIT_DEBIT));
            Receivable rec = ledger == null ? null : ledger.receivables().receivable(id);
            if (rec != null && !concerns(rec, plan.senderId, ledger)) {
                rec = null; // a stranger learns nothing of it, not even that it exists
            }
            if (plan.refused()) {
                all = false;
                item.validationStatus = "RCER";
                item.validationReason = plan.refusalCode;
            } else if (rec != null && rec.state() == io.kapok.ledger.receivable.ReceivableState.SETTLED) {
                item.validationStatus = "RCCF";
            } else {
                all = false;
                item.validationStatus = "RCER";
                item.validationReason = rec == null ? "ID02" : "NA01";
            }
        }
        r.validationStatus = all ? "RCCF" : "RCER";
        r.validationReason = all ? null : plan.refused() ? plan.refusalCode : "NA01";
        tsmt054.encode(r, writer);
    }

    /**
     * Whether {@code partyId} is a party of the receivable: its debtor, its creditor, its holder, or
     * the bank of its last financing. Only they may ask whether it was paid.
     */
    private static boolean concerns(Receivable rec, String partyId, Ledger ledger) {
        if (partyId.equals(rec.debtorId()) || partyId.equals(rec.creditorId()) || partyId.equals(rec.holderId())) {
            return true;
        }
        String financingId = rec.lastFinancingId();
        io.kapok.ledger.receivable.Financing f =
                financingId == null ? null : ledger.receivables().financing(financingId);
        return f != null && partyId.equals(f.bankId());
    }

    // ------------------------------------------------------------------------------ tsin.010

    private void registrationStatus(FlowPlan plan, MessageView view, Ledger ledger, String answerId) {
        PartyRegistration r = registration;
        r.clear();
        answerLetter(r.letter, plan, answerId, view.text(BusinessLetterFields.LETTER_ID));
        FlowParties.identity(r.letter.addParty("SENDER"), plan.senderId);
        r.letter.addParty("PLATFORM").bic(platformBic);
        String supplier = plan.type == MessageType.TSIN_012_001_01
                ? plan.senderId // the onboarded party acknowledges its own registration
                : FlowRouter.partyId(view.toOrganisationId());
        if (supplier != null) {
            FlowParties.identity(r.letter.addParty("SUPPLIER"), supplier);
        }
        r.listId.set(answerId);
        r.dateEpochDay = Math.floorDiv(plan.timeMs, 86_400_000L);
        r.requesterRef.set("SENDER");
        r.responderRef.set("PLATFORM");
        r.applicantRef.set("SENDER");
        r.beneficiaryRef.set(supplier != null ? "SUPPLIER" : "SENDER");
        r.issuerRef.set("PLATFORM");
        int onboardings = 0;
        int joined = 0;
        for (int c = 0; c < plan.commands.size(); c++) {
            io.kapok.ledger.CommandType type = plan.commands.get(c).type();
            if (type == io.kapok.ledger.CommandType.ONBOARD_PARTY
                    || type == io.kapok.ledger.CommandType.ACKNOWLEDGE_ONBOARDING) {
                onboardings++;
                joined += plan.applied.get(c) ? 1 : 0;
            }
        }
        boolean all = !plan.refused() && joined == onboardings;
        r.validationStatus = all ? "RCCF" : "RCER";
        r.validationReason =
                all ? null : plan.refused() ? plan.refusalCode : LedgerRejections.reasonCode(plan.firstRejection());
        int offset = plan.commands.size() - onboardings; // a registration of the supplier comes first
        for (int i = 0; i < view.itemCount() && r.currency == 0; i++) {
            var p = ledger == null
                    ? null
                    : ledger.receivables()
                            .programme(view.itemText(i, FinancingAgreementListSchema.ITEM_ID)
                                    .toString()
                                    .trim());
            r.currency = view.itemText(i, FinancingAgreementListSchema.ITEM_CURRENCY)
                            .isPresent()
                    ? io.kapok.codecs.iso.Iso4217.pack(view.itemText(i, FinancingAgreementListSchema.ITEM_CURRENCY)
                            .toString()
                            .trim())
                    : p != null ? p.currency() : 0;
        }
        if (r.currency == 0) {
            r.currency = io.kapok.codecs.iso.Iso4217.pack("CNY"); // nothing named a known programme: any active code
        }
        for (int i = 0; i < view.itemCount() && i < PartyRegistration.ITEMS_MAX; i++) {
            PartyRegistration.Item item = r.items.add();
            item.clear();
            item.identifier.set(view.itemText(i, FinancingAgreementListSchema.ITEM_ID)
                    .toString()
                    .trim());
            item.issueDateEpochDay =
                    IsoIdentifiers.epochDay(view.itemText(i, FinancingAgreementListSchema.ITEM_ISSUE_DATE));
            item.buyerRef.set("SENDER");
            item.sellerRef.set(supplier != null ? "SUPPLIER" : "SENDER");
            boolean taken = !plan.refused() && offset + i < plan.commands.size() && plan.applied.get(offset + i);
            LedgerRejection refusal =
                    plan.refused() || offset + i >= plan.commands.size() ? null : plan.rejections.get(offset + i);
            item.validationStatus = taken ? "RCCF" : "RCER";
            item.validationReason =
                    taken ? null : refusal != null ? LedgerRejections.reasonCode(refusal) : r.validationReason;
        }
        tsin010.encode(r, writer);
    }

    // ------------------------------------------------------------------------------ tsin.007

    private void assignmentStatus(FlowPlan plan, MessageView view, Ledger ledger, String answerId) {
        InvoiceAssignment a = assignment;
        a.clear();
        BusinessLetter letter = a.letter;
        boolean isLetter = plan.type != MessageType.TSIN_004_001_01;
        answerLetter(
                letter,
                plan,
                answerId,
                isLetter ? view.text(BusinessLetterFields.LETTER_ID) : view.text(Tsin004Schema.INVOICE_ID));
        FlowParties.identity(letter.addParty("SENDER"), plan.senderId);
        letter.addParty("PLATFORM").bic(platformBic);
        a.listId.set(answerId);
        a.issueDateEpochDay = Math.floorDiv(plan.timeMs, 86_400_000L);
        a.assigneeRef.set("PLATFORM");
        a.assignorRef.set("SENDER");
        if (plan.refused()) {
            a.validationStatus = "RCER";
            a.validationReason = plan.refusalCode == null ? NARRATIVE : plan.refusalCode;
        } else {
            boolean all = plan.appliedCount() == plan.commands.size();
            a.validationStatus = all ? "RCCF" : "RCER";
            a.validationReason = all ? null : LedgerRejections.reasonCode(plan.firstRejection());
        }
        int items = isLetter ? view.itemCount() : 1;
        for (int i = 0; i < items && i < InvoiceAssignment.ITEMS_MAX; i++) {
            String id = (isLetter
                            ? view.itemText(i, FinancingItemListSchema.ITEM_ID)
                            : view.text(Tsin004Schema.INVOICE_ID))
                    .toString()
                    .trim();
            FinancialItem item = a.items.add();
            item.clear();
            item.identifier.set(id);
            Receivable rec = ledger == null ? null : ledger.receivables().receivable(id);
            if (isLetter) {
                item.issueDateEpochDay =
                        IsoIdentifiers.epochDay(view.itemText(i, FinancingItemListSchema.ITEM_ISSUE_DATE));
                item.dueDateEpochDay = IsoIdentifiers.epochDay(view.itemText(i, FinancingItemListSchema.ITEM_DUE_DATE));
                item.taxableAmountMinor = view.itemAmountMinor(i, FinancingItemListSchema.ITEM_TOTAL_AMOUNT);
                if (a.currency == 0) {
                    a.currency = view.itemCurrency(i, FinancingItemListSchema.ITEM_TOTAL_AMOUNT);
                }
            } else {
                item.issueDateEpochDay = IsoIdentifiers.epochDay(view.text(Tsin004Schema.ISSUE_DATE_TIME));
                item.dueDateEpochDay = rec != null ? rec.dueDay() : item.issueDateEpochDay;
                int amountField = view.text(Tsin004Schema.DUE_PAYABLE_AMOUNT).isPresent()
                        ? Tsin004Schema.DUE_PAYABLE_AMOUNT
                        : Tsin004Schema.GRAND_TOTAL_AMOUNT;
                item.taxableAmountMinor = view.amountMinor(amountField);
                a.currency = view.currency(amountField);
            }
            item.sellerRef.set("SENDER");
            LedgerRejection refusal = plan.refused() || i >= plan.commands.size() ? null : plan.rejections.get(i);
            boolean taken = !plan.refused() && i < plan.commands.size() && plan.applied.get(i);
            item.validationStatus = taken ? "RCCF" : "RCER";
            item.validationReason =
                    taken ? null : refusal != null ? LedgerRejections.reasonCode(refusal) : a.validationReason;
        }
        tsin007.encode(a, writer);
    }
}
