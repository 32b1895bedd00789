package io.kapok.gateway.mailbox;

/**
 * Told of each compact record ({@link MailboxEntry#format} other than {@link
 * MailboxEntry#FORMAT_MESSAGE}) right after it is written to its recipient's mailbox, in the order
 * written; a record left for a later retry is told when the retry writes it. Sequencer thread.
 */
@FunctionalInterface
public interface MailboxRecordObserver {
    /** The record is {@code bytes[offset..offset+length)}; the bytes are not kept by the caller. */
    void recordWritten(
            String recipientPartyId,
            long partySequence,
            long createdTimeMs,
            int format,
            byte[] bytes,
            int offset,
            int length);
}
