package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.party.RegisterPartyCommand;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write cut off mid-document (as by SIGKILL) is never handed to a reader; replay reports it and
 * applies only the complete entries before it.
 */
@Timeout(60)
class JournalTornTailTest {
    @TempDir
    Path dataDir;

    @Test
    void documentCutOffMidWriteIsReportedAndNotApplied() {
        try (Journal journal =
                Journal.open(dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            for (int i = 1; i <= 3; i++) {
                RegisterPartyCommand c = new RegisterPartyCommand();
                c.sequence = i;
                c.partyId = "P" + i;
                c.name = "n";
                journal.append(c, "", null, 0, null);
            }
        }
        SingleChronicleQueue queue =
                SingleChronicleQueueBuilder.binary(dataDir.resolve("journal")).build();
        ExcerptAppender appender = queue.createAppender();
        DocumentContext dc = appender.writingDocument();
        dc.wire().bytes().writeInt(JournalEntryCodec.MAGIC);
        dc.wire().bytes().writeLong(77);
        // Not closed: a write cut off mid-document, as by SIGKILL.
        try (Journal reader = Journal.openReadOnly(dataDir)) {
            long[] applied = {0};
            Journal.ReplayResult r = reader.replay(d -> applied[0]++);
            assertEquals(3, applied[0]);
            assertEquals(3, r.lastSequence());
            assertNotNull(r.incompleteTail(), "the cut-off write is reported");
            assertTrue(r.incompleteTail().contains("after entry 3"), r.incompleteTail());
        } finally {
            dc.rollbackOnClose();
            dc.close();
            appender.close();
            queue.close();
        }
    }

    @Test
    void cleanEndReportsNothing() {
        try (Journal journal =
                Journal.open(dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            RegisterPartyCommand c = new RegisterPartyCommand();
            c.sequence = 1;
            c.partyId = "P1";
            c.name = "n";
            journal.append(c, "", null, 0, null);
            assertNull(journal.replay(d -> {}).incompleteTail());
        }
    }
}
