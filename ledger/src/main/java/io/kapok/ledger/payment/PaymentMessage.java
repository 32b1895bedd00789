package io.kapok.ledger.payment;

/**
 * A payment message the ledger remembers in its {@link DecidedPayments} window: a pacs.008
 * ({@link TransferCommand}), a pacs.004 ({@link ReturnPaymentCommand}), a camt.056 ({@link
 * RecallPaymentCommand}) or a camt.029 ({@link ResolveRecallCommand}). The same (sender, message id)
 * takes effect at most once: a retry (same {@link #fingerprint()}) gets the original answer, a
 * different message reusing the id is refused as a duplicate. Message ids share one namespace per
 * sender across these message types, as ISO 20022 makes a MsgId unique per sender.
 */
public interface PaymentMessage {
    /** Who sent it, as authenticated. */
    String senderId();

    /** The sender's id of this message (MsgId, or the return's or case's id). */
    String messageId();

    /** The UETR this message itself claims (a pacs.008's), or null for one that only names another's. */
    String uetr();

    /** Everything the message says, in 64 bits; different message types never mix the same way. */
    long fingerprint();

    /** The hash the payment window files (sender, message id) under ({@link DecidedPayments#messageHash}). */
    default int messageHash() {
        return DecidedPayments.messageHash(senderId(), messageId());
    }

    /** The hash the payment window files {@link #uetr()} under ({@link DecidedPayments#uetrHash}); 0 without one. */
    default int uetrHash() {
        String uetr = uetr();
        return uetr == null ? 0 : DecidedPayments.uetrHash(uetr);
    }
}
