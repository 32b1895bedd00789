package io.kapok.gateway.flow;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.camt.Camt029Schema;
import io.kapok.codecs.camt.Camt056Schema;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.pacs.Pacs004Schema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.BusinessLetterFields;
import io.kapok.codecs.tsin.FinancingAgreementListSchema;
import io.kapok.codecs.tsin.FinancingItemListSchema;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin002Schema;
import io.kapok.codecs.tsin.Tsin003Schema;
import io.kapok.codecs.tsin.Tsin004Schema;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.gateway.sequencer.Bics;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.RecallPaymentCommand;
import io.kapok.ledger.payment.ResolveRecallCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.receivable.AcknowledgeOnboardingCommand;
import io.kapok.ledger.receivable.AssignReceivableCommand;
import io.kapok.ledger.receivable.CancelFinancingCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DiscountPricing;
import io.kapok.ledger.receivable.Financing;
import io.kapok.ledger.receivable.FinancingState;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.Programme;
import io.kapok.ledger.receivable.Receivable;
import io.kapok.ledger.receivable.Receivables;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded receivable-financing message into the ledger commands it asks for ({@link
 * FlowPlan}), on the sequencer's thread, reading the ledger where a message names things by their
 * business references (an invoice number, a bulk request id) rather than by ledger ids. What it
 * reads is the state the commands will be applied to, and the commands it builds are journaled, so
 * a replay applies exactly the same commands without routing again.
 *
 * <p>The identifiers, as partners see them:
 *
 * <pre>
 *  receivable id   the invoice number: tsin.004 InvcId (Id), a letter's FinItm/ItmCntxt/Idr,
 *                  a tsin.001 invoice's DocNb; unique on the platform
 *  child id        a split's new receivable: "{parent}-{n}", n the parent's next child number
 *                  (e.g. CAG-INV-2026-0815-1), or "{letter id}-{item}" when that is over 35 characters
 *  financing id    "{tsin.001 GrpId}/{invoice number}": the bank's tsin.002 names it by
 *                  OrgnlReqId + the invoice's DocNb, a tsin.003 cancels every one of its GrpId,
 *                  a disbursing pacs.008 carries it as EndToEndId
 *  programme       tsin.001 FincgAgrmt (the programme id, e.g. PRBK-CAG-CNY), or else the programme
 *                  of the addressed bank (BAH To, or FrstAgt) for the invoice's debtor and currency
 * </pre>
 *
 * <p>Routes (sender = the authenticated party):
 *
 * <pre>
 *  tsin.004  creditor or debtor      register the invoice as a receivable
 *  tsin.013  debtor                  confirm (确权) each item; an item with VldtnStsInf/Sts RCER disputes it
 *  tsin.006  holder, To = a supplier split off each item's DueAmt (or the whole outstanding amount)
 *                                    and transfer it to that lower-tier supplier
 *  tsin.006  holder, To = a bank     factoring: assign each item's DueAmt (or the whole outstanding
 *                                    amount) to that bank, in its programme of the item's debtor and
 *                                    currency; less than the outstanding amount splits off a child
 *                                    the bank holds, named as a split's
 *  tsin.001  holder                  request financing of each invoice (RqstdAmt, or the programme's
 *                                    advance cap)
 *  tsin.002  the programme's bank    decide each invoice: FNCD with FincdAmt accepts, NTFD refuses with
 *                                    its reason; a list-level RCER refuses every open request of the bulk
 *  tsin.003  the requester           cancel every open financing of the original bulk request
 *  tsin.009  a programme's bank or   onboard the supplier the BAH To names (OrgId) into each programme
 *            core enterprise         an agreement item names (ItmCntxt/Idr = the programme id);
 *                                    a supplier the platform does not know yet is registered first
 *  tsin.012  the onboarded party     answer the tsin.011 of each programme an agreement item names:
 *                                    acknowledge the onboarding, or (item or list VldtnStsInf/Sts
 *                                    RCER) reject it with the list's StsRsn/Cd (NARR when none) and
 *                                    leave the programme
 *  pacs.004  the original's creditor return (part of) a settled payment, named by OrgnlUETR
 *  camt.056  the original's debtor   recall a settled payment: the creditor must answer
 *  camt.029  the original's creditor resolve the recall: CNCL sends what remains back, RJCR keeps it
 *  tsmt.053  a party of each item      nothing to apply: the answer (tsmt.054) reconciles each item with
 *            (debtor, creditor,      the ledger; an item the sender is no party of reads as unknown (ID02)
 *            holder, financing bank)
 * </pre>
 *
 * Allocates: these flows are rare next to payments; commands are built per message.
 */
public final class FlowRouter {
    /** Longest identifier an ISO 20022 Max35Text can carry (an invoice number in a tsin.001). */
    static final int ID_LENGTH_MAX = 35;

    private FlowRouter() {}

    /**
     * Routes {@code view}, sent by {@code senderId}, against {@code ledger}'s current state into
     * {@code plan} (cleared first): commands, or a refusal before the ledger.
     */
    public static void route(MessageView view, String senderId, long timeMs, Ledger ledger, FlowPlan plan) {
        plan.clear();
        plan.type = view.type();
        plan.senderId = senderId;
        plan.timeMs = timeMs;
        if (senderId == null || senderId.isEmpty()) {
            plan.refuse("FF01", "the sender is not identified: send a Business Application Header whose Fr names it");
            return;
        }
        switch (view.type()) {
            case TSIN_004_001_01 -> register(view, senderId, plan);
            case TSIN_013_001_01 -> confirm(view, senderId, plan);
            case TSIN_006_001_01 -> split(view, senderId, ledger, plan);
            case TSIN_001_001_01 -> requestFinancing(view, senderId, ledger, plan);
            case TSIN_002_001_01 -> decideFinancing(view, senderId, ledger, plan);
            case TSIN_003_001_01 -> cancelFinancing(view, senderId, ledger, plan);
            case TSIN_009_001_01 -> onboard(view, senderId, ledger, plan);
            case TSIN_012_001_01 -> acknowledge(view, senderId, plan);
            case PACS_004_001_09 -> paymentReturn(view, senderId, plan);
            case CAMT_056_001_08 -> recall(view, senderId, plan);
            case CAMT_029_001_09 -> resolution(view, senderId, plan);
            case TSMT_053_001_01 -> {
                // a reconciliation advice asks, it changes nothing: answered from the ledger, not journaled
            }
            default ->
                plan.refuse(
                        "FF01",
                        view.type().messageDefinition() + " (" + view.type().title()
                                + ") is not taken on POST /v1/messages: Kapok sends it, it does not act on it");
        }
    }

    /** True for the messages Kapok acts on when a party posts them (the routes above, and pacs.008). */
    public static boolean takes(MessageType type) {
        return switch (type) {
            case TSIN_001_001_01,
                    TSIN_002_001_01,
                    TSIN_003_001_01,
                    TSIN_004_001_01,
                    TSIN_006_001_01,
                    TSIN_009_001_01,
                    TSIN_012_001_01,
                    TSIN_013_001_01,
                    TSMT_053_001_01,
                    PACS_004_001_09,
                    CAMT_056_001_08,
                    CAMT_029_001_09,
                    PACS_008_001_08 -> true;
            default -> false;
        };
    }

    /**
     * The authenticated sender in the dev profile: the BAH {@code Fr} (a BIC, normalised to 11
     * characters, or an organisation id), or for a Document without a header the party the
     * message itself names as its author; null when neither names one.
     */
    public static String senderOf(MessageView view) {
        if (view.hasAppHdr()) {
            if (view.fromBic().length() > 0) {
                return Bics.normalise(view.fromBic());
            }
            if (view.fromOrganisationId().length() > 0) {
                return view.fromOrganisationId().toString().trim();
            }
            if (view.fromLei().length() > 0) {
                return view.fromLei().toString().trim();
            }
            return null;
        }
        int field = switch (view.type()) {
            case TSIN_001_001_01 -> Tsin001Schema.REQUESTER_ID;
            case TSIN_003_001_01 -> Tsin003Schema.REQUESTER_ID;
            case TSIN_002_001_01 -> Tsin002Schema.FIRST_AGENT_BIC;
            case TSIN_004_001_01 -> Tsin004Schema.SELLER_ID;
            case TSIN_006_001_01, TSIN_012_001_01, TSIN_013_001_01 -> BusinessLetterFields.ORIGINATOR_ID;
            default -> -1;
        };
        return field < 0 ? null : partyId(view.text(field));
    }

    /** A party named in a message: a BIC in its 11-character form, any other id trimmed; null when absent. */
    static String partyId(CharSequence id) {
        String s = id.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        return IsoIdentifiers.isBic(s) ? Bics.normalise(s) : s;
    }

    private static void register(MessageView view, String senderId, FlowPlan plan) {
        RegisterReceivableCommand c = new RegisterReceivableCommand();
        c.senderId = senderId;
        c.receivableId = trim(view.text(Tsin004Schema.INVOICE_ID));
        c.documentNumber = c.receivableId;
        c.debtorId = partyId(view.text(Tsin004Schema.BUYER_ID));
        c.creditorId = partyId(view.text(Tsin004Schema.SELLER_ID));
        int amountField = view.text(Tsin004Schema.DUE_PAYABLE_AMOUNT).isPresent()
                ? Tsin004Schema.DUE_PAYABLE_AMOUNT
                : Tsin004Schema.GRAND_TOTAL_AMOUNT;
        c.currency = view.currency(amountField);
        c.amountMinor = view.amountMinor(amountField);
        c.issueDay = (int) IsoIdentifiers.epochDay(view.text(Tsin004Schema.ISSUE_DATE_TIME));
        if (!view.text(Tsin004Schema.DUE_DATE).isPresent()) {
            plan.refuse("MI01", "/Document/FinInvc/TradSttlm/PmtTerms/DueDt: a receivable needs its payment due date");
            return;
        }
        c.dueDay = (int) IsoIdentifiers.epochDay(view.text(Tsin004Schema.DUE_DATE));
        if (c.debtorId == null || c.creditorId == null) {
            plan.refuse("MI01", "the invoice must name its buyer (the debtor) and its seller (the creditor) by id");
            return;
        }
        plan.add(c);
    }

    private static void confirm(MessageView view, String senderId, FlowPlan plan) {
        for (int i = 0; i < view.itemCount(); i++) {
            ConfirmReceivableCommand c = new ConfirmReceivableCommand();
            c.senderId = senderId;
            c.receivableId = trim(view.itemText(i, FinancingItemListSchema.ITEM_ID));
            c.accept = !"RCER".contentEquals(view.itemText(i, FinancingItemListSchema.ITEM_STATUS));
            plan.add(c);
        }
    }

    /**
     * A tsin.006: to a lower-tier supplier (BAH To an OrgId), a split and transfer of each item; to a
     * bank (BAH To a BICFI), factoring: each item assigned to that bank, in its programme of the
     * item's debtor and currency (none found: the ledger refuses the item as an unknown programme).
     */
    private static void split(MessageView view, String senderId, Ledger ledger, FlowPlan plan) {
        String assignee = view.toOrganisationId().length() > 0 ? partyId(view.toOrganisationId()) : null;
        String bank = assignee == null && view.toBic().length() > 0 ? Bics.normalise(view.toBic()) : null;
        if (assignee == null && bank == null) {
            plan.refuse(
                    "NA01",
                    "a tsin.006 needs a Business Application Header whose To names the lower-tier supplier"
                            + " (OrgId) or the bank (BICFI) that takes the receivables");
            return;
        }
        Receivables receivables = ledger.receivables();
        String letterId = trim(view.text(BusinessLetterFields.LETTER_ID));
        List<String> childIds = new ArrayList<>();
        for (int i = 0; i < view.itemCount(); i++) {
            String receivableId = trim(view.itemText(i, FinancingItemListSchema.ITEM_ID));
            Receivable parent = receivables.receivable(receivableId);
            long amountMinor =
                    view.itemText(i, FinancingItemListSchema.ITEM_DUE_AMOUNT).isPresent()
                            ? view.itemAmountMinor(i, FinancingItemListSchema.ITEM_DUE_AMOUNT)
                            : parent == null ? 0 : parent.outstandingMinor();
            String childId = childId(receivableId, parent, letterId, i, childIds);
            if (bank != null) {
                AssignReceivableCommand c = new AssignReceivableCommand();
                c.senderId = senderId;
                c.receivableId = receivableId;
                c.childReceivableId = childId;
                c.bankId = bank;
                Programme programme =
                        parent == null ? null : programmeOf(receivables, bank, parent.debtorId(), parent.currency());
                c.programmeId = programme == null ? "" : programme.id();
                c.amountMinor = amountMinor;
                plan.add(c);
            } else {
                SplitReceivableCommand c = new SplitReceivableCommand();
                c.senderId = senderId;
                c.receivableId = receivableId;
                c.childReceivableId = childId;
                c.newHolderId = assignee;
                c.amountMinor = amountMinor;
                plan.add(c);
            }
        }
    }

    /**
     * The id of the receivable split off item {@code item} of letter {@code letterId}: "{parent}-{n}",
     * n the parent's next child number (counting those this letter already named), or "{letter
     * id}-{item}" when that is over {@value #ID_LENGTH_MAX} characters. Added to {@code named}.
     */
    private static String childId(String parentId, Receivable parent, String letterId, int item, List<String> named) {
        int n = (parent == null ? 0 : parent.childIds().size()) + 1;
        String childId = parentId + "-" + n;
        while (named.contains(childId)) { // the same parent twice in one letter
            childId = parentId + "-" + ++n;
        }
        if (childId.length() > ID_LENGTH_MAX) {
            childId = letterId + "-" + (item + 1);
        }
        named.add(childId);
        return childId;
    }

    private static void requestFinancing(MessageView view, String senderId, Ledger ledger, FlowPlan plan) {
        Receivables receivables = ledger.receivables();
        String groupId = trim(view.text(Tsin001Schema.GROUP_ID));
        String agreement = trim(view.text(Tsin001Schema.FINANCING_AGREEMENT));
        String bank = view.toBic().length() > 0
                ? Bics.normalise(view.toBic())
                : partyId(view.text(Tsin001Schema.FIRST_AGENT_BIC));
        for (int i = 0; i < view.itemCount(); i++) {
            RequestFinancingCommand c = new RequestFinancingCommand();
            c.senderId = senderId;
            c.receivableId = trim(view.itemText(i, Tsin001Schema.DOCUMENT_NUMBER));
            c.financingId = groupId + "/" + c.receivableId;
            Receivable rec = receivables.receivable(c.receivableId);
            Programme programme = !agreement.isEmpty()
                    ? receivables.programme(agreement)
                    : rec == null || bank == null
                            ? null
                            : programmeOf(receivables, bank, rec.debtorId(), rec.currency());
            c.programmeId = programme != null ? programme.id() : agreement.isEmpty() ? "" : agreement;
            if (view.itemText(i, Tsin001Schema.REQUESTED_AMOUNT).isPresent()) {
                c.amountMinor = view.itemAmountMinor(i, Tsin001Schema.REQUESTED_AMOUNT);
            } else if (rec != null && programme != null) {
                c.amountMinor = DiscountPricing.advanceCapMinor(rec.outstandingMinor(), programme.advanceRatePpm());
            } else {
                c.amountMinor = view.itemAmountMinor(i, Tsin001Schema.INVOICE_AMOUNT);
            }
            plan.add(c);
        }
    }

    /** The programme in which {@code bankId} finances {@code coreId}'s suppliers in {@code currency}, or null. */
    static Programme programmeOf(Receivables receivables, String bankId, String coreId, int currency) {
        Programme found = null;
        for (Programme p : receivables.programmes()) {
            if (p.bankId().equals(bankId)
                    && p.coreId().equals(coreId)
                    && p.currency() == currency
                    && (found == null || p.id().compareTo(found.id()) < 0)) {
                found = p; // the lowest id when several match, so the choice does not depend on map order
            }
        }
        return found;
    }

    private static void decideFinancing(MessageView view, String senderId, Ledger ledger, FlowPlan plan) {
        String requestId = trim(view.text(Tsin002Schema.ORIGINAL_REQUEST_ID));
        if (view.itemCount() == 0) {
            if (!"RCER".contentEquals(view.text(Tsin002Schema.VALIDATION_STATUS))) {
                plan.refuse(
                        "NA01",
                        "a bank's tsin.002 decides invoices: FincgRslt per invoice (FNCD with FincdAmt, or NTFD"
                                + " with a reason), or VldtnStsInf/Sts RCER to refuse the whole request");
                return;
            }
            int reason = packReason(view.text(Tsin002Schema.VALIDATION_REASON));
            for (Financing f : openFinancings(ledger.receivables(), requestId, false)) {
                plan.add(decide(senderId, f.id(), false, 0, reason));
            }
            if (plan.commands.isEmpty()) {
                plan.refuse("NA01", "no financing request of OrgnlReqId " + requestId + " awaits a decision");
            }
            return;
        }
        for (int i = 0; i < view.itemCount(); i++) {
            String financingId = requestId + "/" + trim(view.itemText(i, Tsin002Schema.DOCUMENT_NUMBER));
            TextBuffer status = view.itemText(i, Tsin002Schema.FINANCING_STATUS);
            if ("PDNG".contentEquals(status)) {
                continue; // still pending at the bank: nothing to record yet
            }
            boolean accept = "FNCD".contentEquals(status);
            plan.add(decide(
                    senderId,
                    financingId,
                    accept,
                    accept ? view.itemAmountMinor(i, Tsin002Schema.FINANCED_AMOUNT) : 0,
                    accept ? 0 : packReason(view.itemText(i, Tsin002Schema.FINANCING_REASON))));
        }
        if (plan.commands.isEmpty()) {
            plan.refuse("NA01", "every invoice of this tsin.002 is PDNG (pending): nothing to decide yet");
        }
    }

    private static DecideFinancingCommand decide(
            String senderId, String financingId, boolean accept, long amountMinor, int reason) {
        DecideFinancingCommand c = new DecideFinancingCommand();
        c.senderId = senderId;
        c.financingId = financingId;
        c.accept = accept;
        c.financedAmountMinor = amountMinor;
        c.reasonCode = reason;
        return c;
    }

    private static void cancelFinancing(MessageView view, String senderId, Ledger ledger, FlowPlan plan) {
        String requestId = trim(view.text(Tsin003Schema.ORIGINAL_GROUP_ID));
        for (Financing f : openFinancings(ledger.receivables(), requestId, true)) {
            CancelFinancingCommand c = new CancelFinancingCommand();
            c.senderId = senderId;
            c.financingId = f.id();
            plan.add(c);
        }
        if (plan.commands.isEmpty()) {
            plan.refuse("CA02", "no open financing of the bulk request " + requestId + " (OrgnlGrpId) to cancel");
        }
    }

    private static void onboard(MessageView view, String senderId, Ledger ledger, FlowPlan plan) {
        String supplier = view.toOrganisationId().length() > 0 ? partyId(view.toOrganisationId()) : null;
        if (supplier == null) {
            plan.refuse(
                    "MI01",
                    "a tsin.009 needs a Business Application Header whose To names the supplier (OrgId) to onboard");
            return;
        }
        Receivables receivables = ledger.receivables();
        boolean known = ledger.party(supplier) != null;
        if (!known) {
            // Registering a new party is the programme's business: every programme named must be the sender's.
            for (int i = 0; i < view.itemCount(); i++) {
                Programme p = receivables.programme(trim(view.itemText(i, FinancingAgreementListSchema.ITEM_ID)));
                if (p == null || !(p.bankId().equals(senderId) || p.coreId().equals(senderId))) {
                    plan.refuse(
                            "AG01",
                            "only the bank or the core enterprise of programme "
                                    + trim(view.itemText(i, FinancingAgreementListSchema.ITEM_ID))
                                    + " may register a new supplier into it");
                    return;
                }
            }
            RegisterPartyCommand register = new RegisterPartyCommand();
            register.partyId = supplier;
            register.name = supplier;
            register.roles = PartyRole.SUPPLIER.bit();
            plan.add(register);
        }
        for (int i = 0; i < view.itemCount(); i++) {
            OnboardPartyCommand c = new OnboardPartyCommand();
            c.senderId = senderId;
            c.programmeId = trim(view.itemText(i, FinancingAgreementListSchema.ITEM_ID));
            c.partyId = supplier;
            plan.add(c, !known && i == 0);
        }
    }

    private static void acknowledge(MessageView view, String senderId, FlowPlan plan) {
        boolean listRejects = "RCER".contentEquals(view.text(FinancingAgreementListSchema.LIST_STATUS));
        int reason = packReason(view.text(FinancingAgreementListSchema.LIST_STATUS_REASON));
        for (int i = 0; i < view.itemCount(); i++) {
            AcknowledgeOnboardingCommand c = new AcknowledgeOnboardingCommand();
            c.senderId = senderId;
            c.programmeId = trim(view.itemText(i, FinancingAgreementListSchema.ITEM_ID));
            c.accept =
                    !listRejects && !"RCER".contentEquals(view.itemText(i, FinancingAgreementListSchema.ITEM_STATUS));
            c.reasonCode = c.accept ? 0 : reason != 0 ? reason : packReason("NARR");
            plan.add(c);
        }
    }

    private static void paymentReturn(MessageView view, String senderId, FlowPlan plan) {
        ReturnPaymentCommand c = new ReturnPaymentCommand();
        c.senderId = senderId;
        c.returnId = trim(view.text(Pacs004Schema.MSG_ID));
        c.originalUetr = trim(view.text(Pacs004Schema.ORIGINAL_UETR));
        c.originalMessageId = optional(view.text(Pacs004Schema.ORIGINAL_MSG_ID));
        c.currency = view.currency(Pacs004Schema.RETURNED_AMOUNT);
        c.amountMinor = view.amountMinor(Pacs004Schema.RETURNED_AMOUNT);
        c.reasonCode = optional(view.text(Pacs004Schema.REASON_CODE));
        if (c.originalUetr.isEmpty()) {
            plan.refuse("FF01", "/Document/PmtRtr/TxInf/OrgnlUETR: a return names the original payment by its UETR");
            return;
        }
        plan.add(c);
    }

    private static void recall(MessageView view, String senderId, FlowPlan plan) {
        RecallPaymentCommand c = new RecallPaymentCommand();
        c.senderId = senderId;
        c.recallId = view.text(Camt056Schema.CASE_ID).length() > 0
                ? trim(view.text(Camt056Schema.CASE_ID))
                : trim(view.text(Camt056Schema.ASSIGNMENT_ID));
        c.originalUetr = trim(view.text(Camt056Schema.ORIGINAL_UETR));
        c.originalMessageId = optional(view.text(Camt056Schema.ORIGINAL_MSG_ID));
        c.reasonCode = optional(view.text(Camt056Schema.REASON_CODE));
        if (c.originalUetr.isEmpty()) {
            plan.refuse("FF01", "OrgnlUETR: a recall names the original payment by its UETR");
            return;
        }
        plan.add(c);
    }

    private static void resolution(MessageView view, String senderId, FlowPlan plan) {
        ResolveRecallCommand c = new ResolveRecallCommand();
        c.senderId = senderId;
        c.resolutionId = trim(view.text(Camt029Schema.ASSIGNMENT_ID));
        c.originalUetr = trim(view.text(Camt029Schema.ORIGINAL_UETR));
        c.recallId = optional(view.text(Camt029Schema.RESOLVED_CASE_ID));
        TextBuffer status = view.text(Camt029Schema.CONFIRMATION);
        c.accept = "CNCL".contentEquals(status);
        c.reasonCode = optional(view.text(Camt029Schema.REASON_CODE));
        if (c.originalUetr.isEmpty()) {
            plan.refuse("FF01", "OrgnlUETR: a resolution names the recalled payment by its UETR");
            return;
        }
        if (!c.accept && !"RJCR".contentEquals(status)) {
            plan.refuse(
                    "NA01",
                    "Sts/Conf " + status + " records nothing: resolve the recall with CNCL (the money goes back)"
                            + " or RJCR (refused)");
            return;
        }
        plan.add(c);
    }

    /** The trimmed text, or null when the element was absent or empty. */
    private static String optional(TextBuffer text) {
        String s = trim(text);
        return s.isEmpty() ? null : s;
    }

    /**
     * The financings of bulk request {@code requestId} still open (requested, or also accepted when
     * {@code acceptedToo}), by id.
     */
    static List<Financing> openFinancings(Receivables receivables, String requestId, boolean acceptedToo) {
        String prefix = requestId + "/";
        List<Financing> open = new ArrayList<>();
        for (Financing f : receivables.financings()) {
            if (f.id().startsWith(prefix)
                    && (f.state() == FinancingState.REQUESTED
                            || (acceptedToo && f.state() == FinancingState.ACCEPTED))) {
                open.add(f);
            }
        }
        open.sort((a, b) -> a.id().compareTo(b.id()));
        return open;
    }

    /**
     * A 4-character ISO reason code packed into an int (the ledger keeps a refusal's reason as a
     * number): big-endian ASCII, 0 when absent.
     */
    public static int packReason(CharSequence code) {
        String s = code.toString().trim();
        int packed = 0;
        for (int i = 0; i < Math.min(4, s.length()); i++) {
            packed = (packed << 8) | (s.charAt(i) & 0xFF);
        }
        return packed;
    }

    /** The 4-character reason {@link #packReason} packed, or null for 0. */
    public static String unpackReason(int packed) {
        if (packed == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (packed >>> shift) & 0xFF;
            if (c != 0) {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    private static String trim(TextBuffer text) {
        return text.toString().trim();
    }
}
