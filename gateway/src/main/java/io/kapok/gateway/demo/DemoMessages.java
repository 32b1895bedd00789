package io.kapok.gateway.demo;

import io.kapok.codecs.camt.Camt029Encoder;
import io.kapok.codecs.camt.Camt029Resolution;
import io.kapok.codecs.camt.Camt056CancellationRequest;
import io.kapok.codecs.camt.Camt056Encoder;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.pacs.OriginalPayment;
import io.kapok.codecs.pacs.Pacs004Encoder;
import io.kapok.codecs.pacs.Pacs004Return;
import io.kapok.codecs.pacs.Pacs008Encoder;
import io.kapok.codecs.pacs.Pacs008Transfer;
import io.kapok.codecs.tsin.BusinessLetter;
import io.kapok.codecs.tsin.FinancialItem;
import io.kapok.codecs.tsin.InvoiceAssignment;
import io.kapok.codecs.tsin.PartyRegistration;
import io.kapok.codecs.tsin.Tsin001Encoder;
import io.kapok.codecs.tsin.Tsin001Request;
import io.kapok.codecs.tsin.Tsin002Encoder;
import io.kapok.codecs.tsin.Tsin002Status;
import io.kapok.codecs.tsin.Tsin003CancellationRequest;
import io.kapok.codecs.tsin.Tsin003Encoder;
import io.kapok.codecs.tsin.Tsin004Encoder;
import io.kapok.codecs.tsin.Tsin004Invoice;
import io.kapok.codecs.tsin.Tsin006Encoder;
import io.kapok.codecs.tsin.Tsin009Encoder;
import io.kapok.codecs.tsin.Tsin012Encoder;
import io.kapok.codecs.tsin.Tsin013Encoder;
import io.kapok.codecs.tsmt.PaymentReconciliation;
import io.kapok.codecs.tsmt.Tsmt053Encoder;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.util.List;
import java.util.UUID;

/**
 * The messages a partner's system sends in the 1+N flows, written with Kapok's own encoders: what
 * {@code ./kapok demo} plays and the flow tests send. Each method returns one complete message
 * (Business Application Header + Document in an envelope). Not thread-safe.
 */
public final class DemoMessages {
    /** An invoice the debtor owes: its number, amount and dates (epoch days). */
    public record Invoice(String number, String currency, long amountMinor, long issueDay, long dueDay) {}

    private final String platformBic;
    private final Utf8XmlWriter out = new Utf8XmlWriter(4096);
    private long timeMs;
    /** The UETR the next {@link #payment} carries, or null for a random one. */
    private String nextUetr;

    /** Makes the next {@link #payment} carry {@code uetr} (so a later return or recall can name it). */
    public DemoMessages withUetr(String uetr) {
        this.nextUetr = uetr;
        return this;
    }

    public DemoMessages(String platformBic, long timeMs) {
        this.platformBic = platformBic;
        this.timeMs = timeMs;
    }

    /** tsin.004 from the seller: registers {@code invoice} as a receivable on {@code buyer}. */
    public byte[] invoice(String messageId, String seller, String buyer, Invoice invoice) {
        Tsin004Invoice m = new Tsin004Invoice();
        header(m.header, seller, platformBic, invoice.number()); // BizMsgIdr = InvcId
        m.invoiceId.set(invoice.number());
        m.issueTimeMs = invoice.issueDay() * 86_400_000L + 3_600_000L;
        party(m.buyer, buyer);
        party(m.seller, seller);
        m.currency = Iso4217.pack(invoice.currency());
        m.dueDateEpochDay = invoice.dueDay();
        Tsin004Invoice.Line line = m.lines.add();
        line.id.set("1");
        line.productName.set("Parts delivered under invoice " + invoice.number());
        line.unitPriceMinor = invoice.amountMinor();
        line.quantity = 1;
        line.taxMinor = 0;
        new Tsin004Encoder().encode(m, out);
        return out.toByteArray();
    }

    /** tsin.013 from the debtor: confirms (确权) each invoice, or disputes those in {@code disputed}. */
    public byte[] confirmation(String messageId, String debtor, List<Invoice> invoices, List<String> disputed) {
        InvoiceAssignment a = letter(messageId, debtor, platformBic, invoices, null);
        for (int i = 0; i < a.items.count(); i++) {
            FinancialItem item = a.items.get(i);
            item.validationStatus = disputed.contains(item.identifier.toString()) ? "RCER" : "RCCF";
        }
        new Tsin013Encoder().encode(a, out);
        return out.toByteArray();
    }

    /** tsin.006 from the holder, addressed to a lower-tier supplier: splits {@code amountMinor} of the invoice to it. */
    public byte[] split(String messageId, String holder, String lowerTier, Invoice invoice, long amountMinor) {
        InvoiceAssignment a = letter(messageId, holder, lowerTier, List.of(invoice), amountMinor);
        new Tsin006Encoder().encode(a, out);
        return out.toByteArray();
    }

    /**
     * tsin.006 from the holder to a bank (factoring): assigns {@code amountMinor} of the invoice to
     * the bank (the BAH To names it by BICFI); less than the outstanding amount splits a part off.
     */
    public byte[] assignment(String messageId, String holder, String bank, Invoice invoice, long amountMinor) {
        return split(messageId, holder, bank, invoice, amountMinor);
    }

    private InvoiceAssignment letter(String messageId, String from, String to, List<Invoice> invoices, Long dueMinor) {
        InvoiceAssignment a = new InvoiceAssignment();
        header(a.letter.header, from, to, messageId);
        party(a.letter.addParty("ASSIGNOR"), from);
        party(a.letter.addParty("ASSIGNEE"), to);
        a.listId.set(messageId);
        a.issueDateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
        a.assigneeRef.set("ASSIGNEE");
        a.assignorRef.set(BusinessLetter.ORIGINATOR);
        a.currency = Iso4217.pack(invoices.get(0).currency());
        for (Invoice invoice : invoices) {
            FinancialItem item = a.items.add();
            item.clear();
            item.identifier.set(invoice.number());
            item.issueDateEpochDay = invoice.issueDay();
            item.taxableAmountMinor = invoice.amountMinor();
            item.taxAmountMinor = 0;
            item.dueDateEpochDay = invoice.dueDay();
            if (dueMinor != null) {
                item.dueAmountMinor = dueMinor;
            }
        }
        return a;
    }

    /** tsin.009 from a programme's bank or core enterprise: onboards {@code supplier} into each programme. */
    public byte[] onboarding(
            String messageId, String from, String supplier, String currency, List<String> programmeIds) {
        PartyRegistration r = new PartyRegistration();
        r.currency = Iso4217.pack(currency);
        header(r.letter.header, from, supplier, messageId);
        party(r.letter.addParty("SUPPLIER"), supplier);
        r.listId.set(messageId);
        r.dateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
        r.requesterRef.set(BusinessLetter.ORIGINATOR);
        r.responderRef.set("SUPPLIER");
        r.applicantRef.set(BusinessLetter.ORIGINATOR);
        r.beneficiaryRef.set("SUPPLIER");
        r.issuerRef.set(BusinessLetter.ORIGINATOR);
        for (String programme : programmeIds) {
            PartyRegistration.Item item = r.items.add();
            item.clear();
            item.identifier.set(programme);
            item.issueDateEpochDay = r.dateEpochDay;
            item.buyerRef.set(BusinessLetter.ORIGINATOR);
            item.sellerRef.set("SUPPLIER");
            item.action = "OPEN";
        }
        new Tsin009Encoder().encode(r, out);
        return out.toByteArray();
    }

    /**
     * tsin.012 from an onboarded supplier to the platform, answering its tsin.011: acknowledges its
     * registration in each programme, or, with {@code rejectReason} (an ISO reason code), rejects it.
     */
    public byte[] acknowledgement(
            String messageId, String supplier, String currency, List<String> programmeIds, String rejectReason) {
        PartyRegistration r = new PartyRegistration();
        r.currency = Iso4217.pack(currency);
        header(r.letter.header, supplier, platformBic, messageId);
        r.letter.addParty("PLATFORM").bic(platformBic);
        r.listId.set(messageId);
        r.dateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
        r.requesterRef.set("PLATFORM");
        r.responderRef.set(BusinessLetter.ORIGINATOR);
        r.applicantRef.set("PLATFORM");
        r.beneficiaryRef.set(BusinessLetter.ORIGINATOR);
        r.issuerRef.set("PLATFORM");
        r.validationStatus = rejectReason == null ? "RCCF" : "RCER";
        r.validationReason = rejectReason;
        for (String programme : programmeIds) {
            PartyRegistration.Item item = r.items.add();
            item.clear();
            item.identifier.set(programme);
            item.issueDateEpochDay = r.dateEpochDay;
            item.buyerRef.set("PLATFORM");
            item.sellerRef.set(BusinessLetter.ORIGINATOR);
            item.validationStatus = r.validationStatus;
        }
        new Tsin012Encoder().encode(r, out);
        return out.toByteArray();
    }

    /**
     * tsmt.053 from a bank: the payment {@code endToEndId} of {@code amountMinor} settled these
     * invoices; the platform answers whether its ledger agrees.
     */
    public byte[] reconciliation(
            String messageId, String bankBic, String endToEndId, long amountMinor, List<Invoice> invoices) {
        PaymentReconciliation r = new PaymentReconciliation();
        header(r.letter.header, bankBic, platformBic, messageId);
        r.letter.addParty("PLATFORM").bic(platformBic);
        r.dateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
        r.recipientRef.set("PLATFORM");
        r.adviserRef.set(BusinessLetter.ORIGINATOR);
        r.reference.set(messageId);
        r.referenceDateEpochDay = r.dateEpochDay;
        r.endToEndId.set(endToEndId);
        r.payeeAccount.set("KAPK-" + invoices.get(0).currency() + "-" + bankBic);
        r.payeeBankBic.set(platformBic);
        r.paymentDateEpochDay = r.dateEpochDay;
        r.dueDateEpochDay = invoices.get(0).dueDay();
        r.paymentAmountMinor = amountMinor;
        r.currency = Iso4217.pack(invoices.get(0).currency());
        for (Invoice invoice : invoices) {
            FinancialItem item = r.items.add();
            item.clear();
            item.identifier.set(invoice.number());
            item.issueDateEpochDay = invoice.issueDay();
            item.taxableAmountMinor = invoice.amountMinor();
            item.taxAmountMinor = 0;
            item.dueDateEpochDay = invoice.dueDay();
            item.dueAmountMinor = 0;
        }
        new Tsmt053Encoder().encode(r, out);
        return out.toByteArray();
    }

    /** tsin.001 from the holder to the programme's bank: asks to finance each invoice (its advance cap when {@code requestedMinor} is -1). */
    public byte[] financingRequest(
            String groupId,
            String holder,
            String debtor,
            String bankBic,
            String programmeId,
            Invoice invoice,
            long requestedMinor) {
        Tsin001Request r = new Tsin001Request();
        header(r.header, holder, bankBic, groupId);
        r.currency = Iso4217.pack(invoice.currency());
        if (programmeId != null) {
            r.financingAgreement.set(programmeId);
        }
        party(r.requester, holder);
        r.bankBic.set(bankBic);
        Tsin001Request.Invoice i = r.invoices.add();
        i.documentNumber.set(invoice.number());
        i.issueDateEpochDay = invoice.issueDay();
        i.taxableAmountMinor = invoice.amountMinor();
        i.taxAmountMinor = 0;
        i.dueDateEpochDay = invoice.dueDay();
        i.requestedAmountMinor = requestedMinor;
        party(i.supplier, holder);
        party(i.buyer, debtor);
        new Tsin001Encoder().encode(r, out);
        return out.toByteArray();
    }

    /** tsin.002 from the bank: FNCD with {@code financedMinor}, or NTFD with {@code reason} when it is 0. */
    public byte[] decision(
            String messageId,
            String bankBic,
            String requester,
            String groupId,
            Invoice invoice,
            long financedMinor,
            String reason) {
        Tsin002Status s = new Tsin002Status();
        header(s.header, bankBic, requester, messageId);
        s.originalRequestId.set(groupId);
        s.originalCreationTimeMs = timeMs;
        s.validationStatus = Tsin002Status.VALIDATION_ACCEPTED;
        s.currency = Iso4217.pack(invoice.currency());
        Tsin002Status.Invoice i = s.invoices.add();
        i.documentNumber.set(invoice.number());
        i.totalAmountMinor = invoice.amountMinor();
        i.issueDateEpochDay = invoice.issueDay();
        i.dueDateEpochDay = invoice.dueDay();
        i.financingStatus = financedMinor > 0 ? Tsin002Status.FINANCED : Tsin002Status.NOT_FINANCED;
        i.reason = financedMinor > 0 ? null : reason;
        i.financedAmountMinor = financedMinor;
        new Tsin002Encoder().encode(s, out);
        return out.toByteArray();
    }

    /** tsin.003 from the requester: cancels the financing of bulk request {@code groupId}. */
    public byte[] cancellation(String messageId, String requester, String bankBic, String groupId, String reason) {
        Tsin003CancellationRequest c = new Tsin003CancellationRequest();
        header(c.header, requester, bankBic, messageId);
        c.originalGroupId.set(groupId);
        c.originalCreationTimeMs = timeMs;
        c.reason.set(reason);
        party(c.requester, requester);
        c.bankBic.set(bankBic);
        new Tsin003Encoder().encode(c, out);
        return out.toByteArray();
    }

    /**
     * pacs.008 between banks: {@code endToEndId} names the financing it disburses or the receivable
     * it settles; {@code remittance} (e.g. "/REG/{registration reference}") may be null.
     */
    public byte[] payment(
            String messageId,
            String fromBic,
            String toBic,
            String currency,
            long amountMinor,
            String endToEndId,
            String remittance,
            String debtorName,
            String creditorName) {
        Pacs008Transfer t = new Pacs008Transfer();
        header(t.header, fromBic, toBic, messageId);
        t.instructionId.set(messageId);
        t.endToEndId.set(endToEndId);
        t.transactionId.set(messageId);
        t.uetr.set(nextUetr == null ? UUID.randomUUID().toString() : nextUetr);
        nextUetr = null;
        t.amountMinor = amountMinor;
        t.currency = Iso4217.pack(currency);
        t.settlementDateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
        t.instructingAgentBic.set(fromBic);
        t.instructedAgentBic.set(toBic);
        t.debtor.name.set(debtorName);
        t.debtorAgentBic.set(fromBic);
        t.creditorAgentBic.set(toBic);
        t.creditor.name.set(creditorName);
        if (remittance != null) {
            t.remittance.set(remittance);
        }
        new Pacs008Encoder().encode(t, out);
        return out.toByteArray();
    }

    /** The original payment a return, recall or resolution names. */
    public record Original(String messageId, String endToEndId, String uetr, String currency, long amountMinor) {}

    /** pacs.004 from the original's creditor: returns {@code amountMinor} of {@code original} with {@code reason}. */
    public byte[] paymentReturn(
            String messageId, String fromBic, String toBic, Original original, long amountMinor, String reason) {
        Pacs004Return r = new Pacs004Return();
        header(r.header, fromBic, toBic, messageId);
        r.returnId.set(messageId);
        original(r.original, original);
        r.returnedAmountMinor = amountMinor;
        r.settlementDateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
        r.instructingAgentBic.set(fromBic);
        r.instructedAgentBic.set(toBic);
        r.reasonCode = reason;
        new Pacs004Encoder().encode(r, out);
        return out.toByteArray();
    }

    /** camt.056 from the original's debtor: asks its creditor to cancel {@code original}. */
    public byte[] recall(String messageId, String fromBic, String toBic, Original original, String reason) {
        Camt056CancellationRequest c = new Camt056CancellationRequest();
        header(c.header, fromBic, toBic, messageId);
        c.caseId.set(messageId);
        c.caseCreator.bic(fromBic);
        c.cancellationId.set(messageId);
        original(c.original, original);
        c.originator.bic(fromBic);
        c.reasonCode = reason;
        new Camt056Encoder().encode(c, out);
        return out.toByteArray();
    }

    /** camt.029 from the original's creditor: CNCL (the money goes back) or RJCR with {@code reason}. */
    public byte[] resolution(
            String messageId,
            String fromBic,
            String toBic,
            String recallId,
            Original original,
            boolean cancel,
            String reason) {
        Camt029Resolution r = new Camt029Resolution();
        header(r.header, fromBic, toBic, messageId);
        r.resolvedCaseId.set(recallId);
        r.caseCreator.bic(toBic);
        r.confirmation = cancel ? Camt029Resolution.CANCELLED : Camt029Resolution.REJECTED;
        original(r.original, original);
        r.reasonCode = reason;
        new Camt029Encoder().encode(r, out);
        return out.toByteArray();
    }

    private void original(OriginalPayment o, Original original) {
        o.messageId.set(original.messageId());
        o.endToEndId.set(original.endToEndId());
        o.uetr.set(original.uetr());
        o.currency = Iso4217.pack(original.currency());
        o.amountMinor = original.amountMinor();
        o.settlementDateEpochDay = Math.floorDiv(timeMs, 86_400_000L);
    }

    private void header(io.kapok.codecs.iso.MessageHeader header, String from, String to, String messageId) {
        party(header.from, from);
        party(header.to, to);
        header.messageId.set(messageId);
        header.creationTimeMs = timeMs;
    }

    private static void party(PartyIdentity out, String id) {
        out.clear();
        if (id.length() == 11 || id.length() == 8) {
            out.bic(id);
        } else {
            out.uscc(id);
        }
    }
}
