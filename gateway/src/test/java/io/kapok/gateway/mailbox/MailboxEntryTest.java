package io.kapok.gateway.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The mailbox queue's document layouts: today's, the one before record formats, and what is neither. */
class MailboxEntryTest {
    private static final byte[] XML = "<Document/>".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aMessageReadsBackWithItsFormat() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        MailboxEntry.writeMessage(
                bytes, "PRBKCNGZXXX", 3, 42, "camt.054.001.08", 1_795_000_000_000L, 1, XML, 0, XML.length);

        MailboxEntry entry = new MailboxEntry();
        assertEquals(MailboxEntry.MESSAGE_MAGIC, entry.read(bytes, true, 0));

        assertEquals("PRBKCNGZXXX", entry.recipientPartyId);
        assertEquals(3, entry.partySequence);
        assertEquals(42, entry.inboundSequence);
        assertEquals("camt.054.001.08", entry.messageType);
        assertEquals(1_795_000_000_000L, entry.createdTimeMs);
        assertEquals(1, entry.format);
        assertEquals("<Document/>", new String(entry.bytes, 0, entry.length, StandardCharsets.US_ASCII));
    }

    @Test
    void aMessageWrittenBeforeRecordFormatsReadsAsAWholeMessage() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);
        bytes.writeInt(0x4B504D31); // "KPM1": no format byte
        bytes.writeUtf8("VHBKHKHHXXX");
        bytes.writeLong(1);
        bytes.writeLong(20);
        bytes.writeUtf8("pacs.008.001.08");
        bytes.writeLong(1_763_861_400_000L);
        bytes.writeInt(XML.length);
        bytes.write(XML);

        MailboxEntry entry = new MailboxEntry();
        assertEquals(MailboxEntry.MESSAGE_MAGIC, entry.read(bytes, true, 0));

        assertEquals("VHBKHKHHXXX", entry.recipientPartyId);
        assertEquals(MailboxEntry.FORMAT_MESSAGE, entry.format);
        assertEquals("<Document/>", new String(entry.bytes, 0, entry.length, StandardCharsets.US_ASCII));
    }

    @Test
    void aDocumentOfNeitherKindIsRefusedWithItsIndex() {
        Bytes<?> bytes = Bytes.allocateElasticOnHeap(16);
        bytes.writeInt(0x12345678);

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new MailboxEntry().read(bytes, true, 0x2a));
        assertEquals(
                "mailbox document at index 0x2a starts with 0x12345678: not a Kapok mailbox entry", e.getMessage());
    }
}
