package io.kapok.gateway.mailbox;

import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.gateway.journal.JournalMessages;

/**
 * Renders a relayed message the mailbox keeps as a reference to its journal entry ({@link
 * MailboxEntry#FORMAT_JOURNALED}) by reading the bytes back from the journal, checked against the
 * digest journaled with them; hands every other record to {@code others}.
 *
 * <p>Why a reference: a relayed pacs.008 is the payment's largest outbound message, and a second
 * copy of it in the mailbox doubled the fresh file pages the sequencer writes per payment, whose
 * first touch (the kernel zeroing each new page of the file) cost the sequencer about as much as
 * its own work. The journal holds the bytes anyway, for audit and recovery, and keeps every cycle
 * a message still in the mailbox refers to ({@link Mailboxes#oldestRetainedInboundSequence()}).
 *
 * <p>One instance per reader thread.
 */
public final class JournaledMessageRenderer implements MailboxRenderer {
    private final JournalMessages journal;
    private final MailboxRenderer others;

    public JournaledMessageRenderer(JournalMessages journal, MailboxRenderer others) {
        this.journal = journal;
        this.others = others;
    }

    @Override
    public void render(MailboxEntry entry) {
        if (entry.format == MailboxEntry.FORMAT_JOURNALED) {
            renderJournaled(entry);
        } else {
            others.render(entry);
        }
    }

    @Override
    public void render(MailboxEntry entry, MailboxLookup lookup) {
        if (entry.format == MailboxEntry.FORMAT_JOURNALED) {
            renderJournaled(entry);
        } else {
            others.render(entry, lookup);
        }
    }

    @Override
    public void released() {
        journal.close(); // reopened by the next read: an idle tailer must not pin an old journal cycle
        others.released();
    }

    @Override
    public void close() {
        journal.close();
        others.close();
    }

    private void renderJournaled(MailboxEntry entry) {
        if (entry.length != MailboxEntry.JOURNALED_RECORD_BYTES) {
            throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                    + ": a journal reference of " + entry.length + " bytes, not "
                    + MailboxEntry.JOURNALED_RECORD_BYTES);
        }
        long index = MailboxEntry.journaledIndex(entry.bytes);
        int length = MailboxEntry.journaledLength(entry.bytes);
        JournalEntryCodec.Decoded journaled =
                journal.read(index, entry.inboundSequence, MailboxEntry.journaledEntryHashTag(entry.bytes));
        if (journaled.rawLength != length) {
            throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                    + " refers to " + length + " bytes of journal entry " + entry.inboundSequence + ", which holds "
                    + journaled.rawLength);
        }
        if (entry.bytes.length < length) {
            entry.bytes = new byte[Math.max(length, entry.bytes.length * 2)];
        }
        System.arraycopy(journaled.raw, 0, entry.bytes, 0, length);
        entry.length = length;
    }
}
