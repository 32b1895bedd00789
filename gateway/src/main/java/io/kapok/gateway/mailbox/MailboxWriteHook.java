package io.kapok.gateway.mailbox;

/**
 * Called inside each Chronicle Queue document the mailbox writes for a message, before any byte of
 * it: the boundary where the disk can fail, after the inbound entry is journaled. Production passes
 * {@link #NONE}; a test passes one that throws, to stand for a crash between the journal append and
 * the mailbox append. Sequencer thread.
 */
@FunctionalInterface
public interface MailboxWriteHook {
    MailboxWriteHook NONE = (recipientPartyId, inboundSequence) -> {};

    /** Throws to fail the write of a message for {@code recipientPartyId}; the document is rolled back. */
    void beforeWrite(String recipientPartyId, long inboundSequence);
}
