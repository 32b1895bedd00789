package io.kapok.gateway.flow;

import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.DisburseFinancingCommand;
import io.kapok.ledger.receivable.Financing;
import io.kapok.ledger.receivable.FinancingState;
import io.kapok.ledger.receivable.Receivable;
import io.kapok.ledger.receivable.ReceivableState;
import io.kapok.ledger.receivable.SettleReceivableCommand;

/**
 * Tells a pacs.008 that moves a receivable's money from a plain payment, on the sequencer's thread,
 * by its references:
 *
 * <pre>
 *  EndToEndId = an accepted financing's id ({tsin.001 GrpId}/{invoice}), sent by its bank
 *      → the disbursement. The movable-property registration reference travels in RmtInf: Ustrd
 *        "/REG/{reference}", or Strd/CdtrRefInf/Ref. Paid to another bank (InstdAgt): the transfer
 *        between the two banks' settlement accounts, then the disbursement if it settled; paid to
 *        the bank's own customer (InstdAgt = the bank): the disbursement alone, the money moving on
 *        the bank's own books.
 *  EndToEndId or Strd/CdtrRefInf/Ref = an unpaid receivable's id, in its currency, sent by the
 *      instructing agent → the settlement at maturity: paid from the sender's account to InstdAgt
 *      (the financing bank when financed), the financing repaid and its exposure released.
 * </pre>
 *
 * Anything else is a plain payment, and so is every cross-currency pacs.008 ({@code InstdAmt} in
 * another currency than {@code IntrBkSttlmAmt}): disbursements and settlements move one currency.
 * The settlement, the on-us disbursement or the transfer a
 * disbursement follows carries the pacs.008's MsgId, UETR and fingerprint, so a retry of the
 * pacs.008 gets the original answer and it never pays twice. Allocates only for a matched payment
 * (rare next to payments).
 */
public final class PaymentRouter {
    /** Prefix of the registration reference in {@code RmtInf/Ustrd}. */
    public static final String REGISTRATION_PREFIX = "/REG/";

    private PaymentRouter() {}

    /**
     * @param transfer the payment as a transfer, filled in by the sequencer
     * @return true when the payment settles or disburses a receivable: {@code plan} then holds its
     *     commands; false for a plain payment ({@code plan} untouched)
     */
    public static boolean route(TransferCommand transfer, Pacs008View payment, Ledger ledger, FlowPlan plan) {
        if (!transfer.senderId.equals(transfer.debitPartyId) || transfer.crossCurrency()) {
            return false; // the ledger refuses it as a transfer (not entitled), or converts it
        }
        String endToEnd = transfer.endToEndId;
        Financing f = endToEnd.isEmpty() ? null : ledger.receivables().financing(endToEnd);
        if (f != null && f.state() == FinancingState.ACCEPTED && f.bankId().equals(transfer.senderId)) {
            disbursement(transfer, payment, f, plan);
            return true;
        }
        Receivable rec = endToEnd.isEmpty() ? null : ledger.receivables().receivable(endToEnd);
        if (rec == null && payment.remittanceReference().length() > 0) {
            rec = ledger.receivables()
                    .receivable(payment.remittanceReference().toString().trim());
        }
        if (rec == null
                || rec.currency() != transfer.currency
                || !(rec.state().unpaid() || rec.state() == ReceivableState.OVERDUE)) {
            return false;
        }
        plan.clear();
        plan.senderId = transfer.senderId;
        SettleReceivableCommand c = new SettleReceivableCommand();
        c.senderId = transfer.senderId;
        c.receivableId = rec.id();
        c.payeeBankId = transfer.creditPartyId;
        c.amountMinor = transfer.amountMinor;
        c.messageId = transfer.messageId;
        c.uetr = transfer.uetr;
        c.paymentFingerprint = transfer.fingerprint();
        plan.add(c);
        return true;
    }

    private static void disbursement(TransferCommand transfer, Pacs008View payment, Financing f, FlowPlan plan) {
        plan.clear();
        plan.senderId = transfer.senderId;
        DisburseFinancingCommand d = new DisburseFinancingCommand();
        d.senderId = transfer.senderId;
        d.financingId = f.id();
        d.registrationReference = registrationReference(payment);
        if (transfer.creditPartyId.equals(transfer.debitPartyId)) {
            // On us, the disbursement is the whole payment: it carries the pacs.008's ids.
            d.messageId = transfer.messageId;
            d.uetr = transfer.uetr;
            d.paymentFingerprint = transfer.fingerprint();
            plan.add(d);
        } else {
            TransferCommand t = new TransferCommand();
            t.senderId = transfer.senderId;
            t.messageId = transfer.messageId;
            t.uetr = transfer.uetr;
            t.endToEndId = transfer.endToEndId;
            t.debitPartyId = transfer.debitPartyId;
            t.creditPartyId = transfer.creditPartyId;
            t.currency = transfer.currency;
            t.amountMinor = transfer.amountMinor;
            plan.add(t);
            plan.add(d, true);
        }
    }

    /** The registration reference a disbursing payment carries, or "" when it carries none. */
    static String registrationReference(Pacs008View payment) {
        String unstructured = payment.remittanceUnstructured().toString().trim();
        if (unstructured.startsWith(REGISTRATION_PREFIX)) {
            return unstructured.substring(REGISTRATION_PREFIX.length()).trim();
        }
        return payment.remittanceReference().toString().trim();
    }
}
