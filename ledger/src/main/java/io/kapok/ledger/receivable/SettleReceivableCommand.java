package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.payment.PaymentMessage;

/**
 * The debtor's bank pays a receivable at maturity (a pacs.008 matched to it by EndToEndId or
 * remittance reference): {@link #amountMinor} moves from the sender's settlement account to {@link
 * #payeeBankId}'s, the receivable is SETTLED, and a disbursed financing is REPAID and its
 * credit-line exposure released (an accepted, undisbursed one is cancelled and its hold voided).
 * A receivable with a disbursed financing must be paid to the financing bank.
 */
public final class SettleReceivableCommand extends LedgerCommand implements PaymentMessage {
    /**
     * The pacs.008 that settles it, when one does: its MsgId (with {@link #senderId} the payment
     * window's key, so a retry gets the original answer and the same id cannot pay twice), null
     * otherwise.
     */
    public String messageId;
    /** That pacs.008's UETR, or null. */
    public String uetr;
    /** That pacs.008's {@code TransferCommand#fingerprint()}, so its retry is recognised as the same message. */
    public long paymentFingerprint;

    /** Who sent it, as authenticated: the paying bank, whose settlement account is debited. */
    public String senderId;

    public String receivableId;
    /** The bank credited: the financing bank when financed, else the holder's bank. */
    public String payeeBankId;
    /** Must equal the receivable's outstanding amount, minor units. */
    public long amountMinor;

    @Override
    public CommandType type() {
        return CommandType.SETTLE_RECEIVABLE;
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
