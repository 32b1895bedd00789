package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A payment return (from a pacs.004), full or partial: the bank that was credited by an earlier
 * settled {@link TransferCommand} (its {@code creditPartyId}) sends {@link #amountMinor} back to the
 * original's debtor, settlement account to settlement account. Returns of one original add up and
 * never exceed its amount. The original must still be in the ledger's payment window ({@link
 * DecidedPayments}).
 */
public final class ReturnPaymentCommand extends LedgerCommand implements PaymentMessage {
    /** Who sent it (the original's creditor, as authenticated); with {@link #returnId}, the idempotency key. */
    public String senderId;
    /** The pacs.004's id (its MsgId, or the transaction's RtrId), unique per sender. */
    public String returnId;
    /** UETR of the original transfer (pacs.004 OrgnlUETR, mandatory under CBPR+). */
    public String originalUetr;
    /** MsgId of the original pacs.008 (OrgnlGrpInf/OrgnlMsgId), or null; when given it must match. */
    public String originalMessageId;
    /** Packed ISO 4217 code; must be the original's currency. */
    public int currency;
    /** Amount returned now, minor units, &gt; 0 and at most what remains unreturned of the original. */
    public long amountMinor;
    /** ISO 20022 ExternalReturnReason1Code (AC04, AM09, CUST, FOCR, …): four letters or digits. */
    public String reasonCode;

    @Override
    public CommandType type() {
        return CommandType.RETURN_PAYMENT;
    }

    @Override
    public String senderId() {
        return senderId;
    }

    @Override
    public String messageId() {
        return returnId;
    }

    /** Null: a return names the original's UETR, which stays the original's. */
    @Override
    public String uetr() {
        return null;
    }

    @Override
    public long fingerprint() {
        long h = Fingerprint.mix(Fingerprint.START, CommandType.RETURN_PAYMENT.code());
        h = Fingerprint.mix(h, Fingerprint.text(senderId));
        h = Fingerprint.mix(h, Fingerprint.text(returnId));
        h = Fingerprint.mix(h, Fingerprint.text(originalUetr));
        h = Fingerprint.mix(h, Fingerprint.text(originalMessageId));
        h = Fingerprint.mix(h, currency);
        h = Fingerprint.mix(h, amountMinor);
        return Fingerprint.mix(h, Fingerprint.text(reasonCode));
    }
}
