package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.payment.PaymentMessage;

/**
 * The bank disburses an accepted financing (its pacs.008 to the supplier): the credit-line hold is
 * posted (reserved becomes used) and the financing DISBURSED. Requires the movable-property
 * registration reference.
 */
public final class DisburseFinancingCommand extends LedgerCommand implements PaymentMessage {
    /**
     * The pacs.008 that disburses it, when one does: its MsgId (with {@link #senderId} the payment
     * window's key, so a retry gets the original answer and the same id cannot pay twice), null
     * otherwise.
     */
    public String messageId;
    /** That pacs.008's UETR, or null. */
    public String uetr;
    /** That pacs.008's {@code TransferCommand#fingerprint()}, so its retry is recognised as the same message. */
    public long paymentFingerprint;

    /** Who sent it, as authenticated: must be the financing bank. */
    public String senderId;

    public String financingId;
    /** Registration reference in the PBoC movable-property registry; required, not blank. */
    public String registrationReference;

    @Override
    public CommandType type() {
        return CommandType.DISBURSE_FINANCING;
    }

    @Override
    public String senderId() {
        return senderId;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public String uetr() {
        return uetr;
    }

    @Override
    public long fingerprint() {
        return paymentFingerprint;
    }
}
