package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.payment.TransferCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pretoucher writes ahead of the appender on real mapped files without changing a byte: while it
 * runs, every appended entry still replays with all its hashes intact.
 */
@Timeout(60)
class JournalPretoucherTest {
    @TempDir
    Path dataDir;

    @Test
    void touchesPagesAheadOfTheAppenderWithoutChangingAnEntry() throws InterruptedException {
        byte[] raw = ("<Document>" + "x".repeat(3000) + "</Document>").getBytes(StandardCharsets.UTF_8);
        int entries = 5_000;
        try (Journal journal = Journal.open(
                        dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE);
                JournalPretoucher pretoucher = new JournalPretoucher(journal, 1 << 20).start()) {
            TransferCommand c = (TransferCommand) SampleCommands.of(io.kapok.ledger.CommandType.TRANSFER);
            for (int i = 1; i <= entries; i++) {
                c.sequence = i;
                c.messageId = "M-" + i;
                journal.append(c, c.senderId, raw, raw.length, null);
                if (i % 500 == 0) {
                    Thread.sleep(JournalPretoucher.PERIOD_MS * 2);
                }
            }
            for (int i = 0; i < 200 && pretoucher.touchedPages() == 0; i++) {
                Thread.sleep(JournalPretoucher.PERIOD_MS);
            }
            assertTrue(pretoucher.touchedPages() > 0, "pages touched ahead of the appender");
        }
        try (Journal reader = Journal.openReadOnly(dataDir)) {
            long[] read = {0};
            Journal.ReplayResult r = reader.replay(d -> read[0]++);
            assertEquals(entries, read[0]);
            assertEquals(entries, r.lastSequence());
        }
    }
}
