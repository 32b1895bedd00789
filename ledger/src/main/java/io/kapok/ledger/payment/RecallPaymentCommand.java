package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A recall request (from a camt.056 FIToFIPaymentCancellationRequest): the original's debtor (the
 * bank that instructed the settled {@link TransferCommand}) asks its creditor to give the money back.
 * Nothing moves: the ledger opens a recall on the original, at most one at a time, which the creditor
 * resolves with a {@link ResolveRecallCommand} (or closes with a {@link ReturnPaymentCommand}).
 */
public final class RecallPaymentCommand extends LedgerCommand implements PaymentMessage {
    /** Who sent it (the original's debtor, as authenticated); with {@link #recallId}, the idempotency key. */
    public String senderId;
    /** The recall's id (camt.056 Assgnmt/Id, or its case id), unique per sender; the resolution names it. */
    public String recallId;
    /** UETR of the original transfer (camt.056 OrgnlUETR, mandatory under CBPR+). */
    public String originalUetr;
    /** MsgId of the original pacs.008 (OrgnlGrpInf/OrgnlMsgId), or null; when given it must match. */
    public String originalMessageId;
    /** ISO 20022 ExternalCancellationReason1Code (DUPL, FRAD, TECH, CUST, …): four letters or digits. */
    public String reasonCode;

    @Override
    public CommandType type() {
        return CommandType.RECALL_PAYMENT;
    }

    @Override
    public String senderId() {
        return senderId;
    }

    @Override
    public String messageId() {
        return recallId;
    }

    /** Null: a recall names the original's UETR, which stays the original's. */
    @Override
    public String uetr() {
        return null;
    }

    @Override
    public long fingerprint() {
        long h = Fingerprint.mix(Fingerprint.START, CommandType.RECALL_PAYMENT.code());
        h = Fingerprint.mix(h, Fingerprint.text(senderId));
        h = Fingerprint.mix(h, Fingerprint.text(recallId));
        h = Fingerprint.mix(h, Fingerprint.text(originalUetr));
        h = Fingerprint.mix(h, Fingerprint.text(originalMessageId));
        return Fingerprint.mix(h, Fingerprint.text(reasonCode));
    }
}
