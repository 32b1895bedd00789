package io.kapok.gateway.mailbox;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.payment.TransferCommand;

/**
 * A settled pacs.008 goes to its instructed agent (the credited bank), verbatim: the bytes the
 * instructing agent sent, with its own Business Application Header when it sent one.
 *
 * <p>Verbatim rather than re-wrapped under a platform header, because the relayed bytes are then
 * exactly the bytes journaled for audit: the recipient can check them against the sender's message
 * digest (and, once messages are signed, the sender's signature over them), and the platform never
 * claims to be the author of what another party wrote. The sender's header already names the
 * recipient ({@code To} = {@code InstdAgt}, checked before the message was taken). A refused
 * payment writes nothing: its sender has the pacs.002 RJCT in the HTTP answer.
 */
public final class PaymentRelayComposer implements MailboxComposer {
    /** The message type of a relayed payment. */
    public static final String MESSAGE_TYPE = "pacs.008.001.08";

    @Override
    public void recipients(LedgerCommand command, RecipientSink sink) {
        if (command.type() == CommandType.TRANSFER) {
            sink.recipient(((TransferCommand) command).creditPartyId);
        }
    }

    @Override
    public void compose(LedgerCommand command, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
        if (command.type() != CommandType.TRANSFER || !result.applied || result.retry || rawLength == 0) {
            return;
        }
        sink.journaled(((TransferCommand) command).creditPartyId, MESSAGE_TYPE, raw, rawLength);
    }
}
