package io.kapok.gateway.mailbox;

import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;

/**
 * Maps one inbound command and the ledger's decision on it to the outbound messages it causes:
 * for each, the recipient party, the ISO 20022 message type and the bytes. One composer per kind
 * of outbound message; the {@link Mailboxes} ask every composer, in order, for every journaled
 * command.
 *
 * <p>Composing must be deterministic: the same journaled command, original bytes and ledger result
 * give the same messages, byte for byte, because recovery composes again what a crash kept from
 * the mailbox. So no wall clock and no random ids: a message's id and time derive from the inbound
 * entry (its sequence and receive time). Sequencer thread only.
 */
public interface MailboxComposer {
    /**
     * Names, before the command is journaled, every message the command could write if the ledger
     * accepts it: one {@link RecipientSink#recipient} call per message. Used to refuse a command
     * that would write to a full mailbox while nothing is taken yet.
     */
    void recipients(LedgerCommand command, RecipientSink sink);

    /**
     * Composes the messages of a journaled command once the ledger decided it.
     *
     * @param raw the original inbound message, {@code raw[0..rawLength)}, as journaled
     * @param result the ledger's result of applying {@code command} (events included)
     */
    void compose(LedgerCommand command, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink);

    /** Receives the recipients of {@link #recipients}. */
    @FunctionalInterface
    interface RecipientSink {
        void recipient(String partyId);
    }

    /** Receives each composed message; the bytes are copied before the call returns. */
    interface OutboundSink {
        /**
         * @param messageType the ISO 20022 message identifier, e.g. {@code pacs.008.001.08}
         * @param bytes the message is {@code bytes[offset..offset+length)}
         */
        void message(String recipientPartyId, String messageType, byte[] bytes, int offset, int length);

        /**
         * A message kept as a compact record and rendered when it is read ({@link MailboxRenderer}).
         *
         * @param format the record's format, 1–255, known to the mailboxes' renderer
         * @param record the record is {@code record[offset..offset+length)}
         */
        void record(String recipientPartyId, String messageType, int format, byte[] record, int offset, int length);

        /**
         * The inbound message itself, relayed verbatim: {@code raw[0..rawLength)} as journaled with
         * the command being composed. The mailbox keeps a reference to that journal entry ({@link
         * MailboxEntry#FORMAT_JOURNALED}) when it knows where the entry is, rather than a second
         * copy of the bytes; otherwise (and by default) a copy.
         */
        default void journaled(String recipientPartyId, String messageType, byte[] raw, int rawLength) {
            message(recipientPartyId, messageType, raw, 0, rawLength);
        }
    }
}
