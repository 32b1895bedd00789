package io.kapok.gateway.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.journal.JournalMessages;
import io.kapok.gateway.journal.JournalWriteHook;
import io.kapok.ledger.party.RegisterPartyCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relayed message kept as a reference renders to the bytes journaled with its entry, and only
 * to those: a reference to another entry (another sequence, another entry hash, another length)
 * is refused, never rendered as some other message.
 */
@Timeout(60)
class JournaledMessageRendererTest {
    @TempDir
    Path dataDir;

    private static final byte[] FIRST = "<Document>first</Document>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = "<Document>other</Document>".getBytes(StandardCharsets.UTF_8);

    private long[] indexes = new long[3];
    private long[] tags = new long[3];

    private Journal journalWithTwoMessages() {
        Journal journal =
                Journal.open(dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE);
        byte[][] messages = {FIRST, SECOND};
        for (int i = 1; i <= 2; i++) {
            RegisterPartyCommand c = new RegisterPartyCommand();
            c.sequence = i;
            c.partyId = "P" + i;
            c.name = "n";
            journal.append(c, "PRBKCNGZXXX", messages[i - 1], messages[i - 1].length, null);
            indexes[i] = journal.lastAppendedIndex();
            tags[i] = journal.lastEntryHashTag();
        }
        return journal;
    }

    private static MailboxEntry reference(long inboundSequence, long index, int length, long tag) {
        MailboxEntry entry = new MailboxEntry();
        entry.recipientPartyId = "VHBKHKHHXXX";
        entry.partySequence = 1;
        entry.inboundSequence = inboundSequence;
        entry.messageType = "pacs.008.001.08";
        entry.format = MailboxEntry.FORMAT_JOURNALED;
        entry.bytes = new byte[MailboxEntry.JOURNALED_RECORD_BYTES]; // smaller than the message: it grows
        MailboxEntry.writeJournaled(entry.bytes, index, length, tag);
        entry.length = MailboxEntry.JOURNALED_RECORD_BYTES;
        return entry;
    }

    @Test
    void aReferenceRendersToTheBytesJournaledWithItsEntry() {
        try (Journal journal = journalWithTwoMessages();
                JournalMessages messages = new JournalMessages(journal)) {
            JournaledMessageRenderer renderer = new JournaledMessageRenderer(messages, MailboxRenderer.NONE);
            for (int i = 1; i <= 2; i++) {
                byte[] expected = i == 1 ? FIRST : SECOND;
                MailboxEntry entry = reference(i, indexes[i], expected.length, tags[i]);
                renderer.render(entry);
                assertArrayEquals(expected, java.util.Arrays.copyOf(entry.bytes, entry.length));
                renderer.released();
            }
        }
    }

    @Test
    void aReferenceThatDoesNotMatchItsEntryIsRefused() {
        try (Journal journal = journalWithTwoMessages();
                JournalMessages messages = new JournalMessages(journal)) {
            JournaledMessageRenderer renderer = new JournaledMessageRenderer(messages, MailboxRenderer.NONE);
            // entry 2's index under entry 1's sequence
            IllegalStateException sequence = assertThrows(
                    IllegalStateException.class,
                    () -> renderer.render(reference(1, indexes[2], SECOND.length, tags[2])));
            assertTrue(sequence.getMessage().contains("not 1"), sequence.getMessage());
            // the right index and sequence, another entry hash: an entry written there after a crash lost the first
            IllegalStateException hash = assertThrows(
                    IllegalStateException.class,
                    () -> renderer.render(reference(2, indexes[2], SECOND.length, tags[1])));
            assertTrue(hash.getMessage().contains("another entry hash"), hash.getMessage());
            IllegalStateException length = assertThrows(
                    IllegalStateException.class,
                    () -> renderer.render(reference(2, indexes[2], SECOND.length + 1, tags[2])));
            assertTrue(length.getMessage().contains("holds " + SECOND.length), length.getMessage());
        }
    }
}
