package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The answer to an open recall (from a camt.029 ResolutionOfInvestigation), sent by the original's
 * creditor: {@link #accept} (status CNCL) posts what remains unreturned of the original back to its
 * debtor, as a full return would; a rejection (status RJCR, with {@link #reasonCode}) moves nothing.
 * Either way the recall closes.
 */
public final class ResolveRecallCommand extends LedgerCommand implements PaymentMessage {
    /** Who sent it (the original's creditor, as authenticated); with {@link #resolutionId}, the idempotency key. */
    public String senderId;
    /** The resolution's id (camt.029 Assgnmt/Id or MsgId), unique per sender. */
    public String resolutionId;
    /** UETR of the original transfer (camt.029 OrgnlUETR, mandatory under CBPR+). */
    public String originalUetr;
    /** The recall resolved ({@link RecallPaymentCommand#recallId}, camt.029 RslvdCase/Id), or null; when given it must match. */
    public String recallId;
    /** True for CNCL (cancelled as requested: the money goes back), false for RJCR. */
    public boolean accept;
    /**
     * Reason, four letters or digits: for a rejection an ExternalPaymentCancellationRejection1Code
     * (LEGL, CUST, ARDT, NOAS, …), required; for an acceptance optional (null).
     */
    public String reasonCode;

    @Override
    public CommandType type() {
        return CommandType.RESOLVE_RECALL;
    }

    @Override
    public String senderId() {
        return senderId;
    }

    @Override
    public String messageId() {
        return resolutionId;
    }

    /** Null: a resolution names the original's UETR, which stays the original's. */
    @Override
    public String uetr() {
        return null;
    }

    @Override
    public long fingerprint() {
        long h = Fingerprint.mix(Fingerprint.START, CommandType.RESOLVE_RECALL.code());
        h = Fingerprint.mix(h, Fingerprint.text(senderId));
        h = Fingerprint.mix(h, Fingerprint.text(resolutionId));
        h = Fingerprint.mix(h, Fingerprint.text(originalUetr));
        h = Fingerprint.mix(h, Fingerprint.text(recallId));
        h = Fingerprint.mix(h, accept ? 1 : 0);
        return Fingerprint.mix(h, Fingerprint.text(reasonCode));
    }
}
