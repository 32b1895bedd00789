package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.payment.TransferCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pretoucher follows the appender on real mapped files: it keeps the pages up to its distance
 * ahead of the end of the last entry touched, never further, without changing a byte (every entry
 * still replays with all its hashes intact), and stops when closed or when its journal closes.
 */
@Timeout(60)
class JournalPretoucherTest {
    private static final long AHEAD_BYTES = 1 << 20;
    private static final byte[] RAW =
            ("<Document>" + "x".repeat(3000) + "</Document>").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    private final TransferCommand command = (TransferCommand) SampleCommands.of(CommandType.TRANSFER);

    private void append(Journal journal, int entries) {
        for (int i = 0; i < entries; i++) {
            command.sequence = journal.lastSequence() + 1;
            command.messageId = "M-" + command.sequence;
            journal.append(command, command.senderId, RAW, RAW.length, null);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 5_000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(JournalPretoucher.PERIOD_MS_MIN);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void keepsItsDistanceAheadOfTheAppenderAndNoFurther() throws InterruptedException {
        try (Journal journal = Journal.open(
                        dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE);
                JournalPretoucher pretoucher = new JournalPretoucher(journal.appendFront(), AHEAD_BYTES).start()) {
            for (int round = 0; round < 3; round++) {
                append(journal, 1_000);
                long end = journal.appendFront().position();
                awaitTrue(() -> pretoucher.touchedUpTo() >= end + AHEAD_BYTES, "touched up to the distance ahead");
                // Given time, it goes no further while the appender stands still.
                Thread.sleep(JournalPretoucher.PERIOD_MS_MAX * 2);
                assertTrue(
                        pretoucher.touchedUpTo() < end + AHEAD_BYTES + JournalPretoucher.PAGE_BYTES,
                        "touched up to " + pretoucher.touchedUpTo() + ", at most one page past " + (end + AHEAD_BYTES));
            }
        }
    }

    @Test
    void followsTheAppenderIntoTheNextChunkOfTheFile() throws InterruptedException {
        // Chronicle maps a cycle file in 64 MB chunks, each with an overlap past its end.
        long chunkBytes = 64L << 20;
        long appended;
        try (Journal journal = Journal.open(
                        dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE);
                JournalPretoucher pretoucher = new JournalPretoucher(journal.appendFront(), AHEAD_BYTES).start()) {
            while (journal.appendFront().position() < chunkBytes + 2 * AHEAD_BYTES) {
                append(journal, 1_000);
            }
            long end = journal.appendFront().position();
            awaitTrue(() -> pretoucher.touchedUpTo() >= end + AHEAD_BYTES, "touched ahead in the second chunk");
            appended = journal.lastSequence();
        }
        try (Journal reader = Journal.openReadOnly(dataDir)) {
            assertEquals(appended, reader.replay(d -> {}).lastSequence(), "every entry replays");
        }
    }

    @Test
    void touchesPagesWithoutChangingAnEntry() throws InterruptedException {
        int entries = 5_000;
        try (Journal journal = Journal.open(
                dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE, true)) {
            JournalPretoucher pretoucher = journal.pretoucher();
            assertNotNull(pretoucher, "a journal opened with pretouch runs a pretoucher");
            for (int i = 0; i < entries / 500; i++) {
                append(journal, 500);
                Thread.sleep(JournalPretoucher.PERIOD_MS_MIN * 2);
            }
            awaitTrue(() -> pretoucher.touchedPages() > 0, "pages touched ahead of the appender");
        }
        try (Journal reader = Journal.openReadOnly(dataDir)) {
            long[] read = {0};
            Journal.ReplayResult r = reader.replay(d -> read[0]++);
            assertEquals(entries, read[0]);
            assertEquals(entries, r.lastSequence());
        }
    }

    @Test
    void stopsWhenClosedAndWithItsJournal() throws InterruptedException {
        Journal journal =
                Journal.open(dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE, true);
        JournalPretoucher own = journal.pretoucher();
        JournalPretoucher second = new JournalPretoucher(journal.appendFront(), AHEAD_BYTES).start();
        append(journal, 100);
        awaitTrue(() -> second.touchedPages() > 0, "the second pretoucher touched pages");

        second.close();
        assertTrue(second.await(0), "a closed pretoucher's thread has ended");
        long touched = second.touchedPages();
        append(journal, 1_000);
        Thread.sleep(JournalPretoucher.PERIOD_MS_MAX * 2);
        assertEquals(touched, second.touchedPages(), "a closed pretoucher touches nothing more");

        journal.close();
        assertTrue(own.await(0), "closing the journal stops its pretoucher");
    }

    @Test
    void sleepsAsLongAsTheAppenderTakesToEatHalfTheDistance() {
        long ms = 1_000_000;
        long ahead = 16L << 20;
        // Quiet: nothing appended since the last round, the whole distance touched.
        assertEquals(JournalPretoucher.PERIOD_MS_MAX * ms, JournalPretoucher.sleepNanos(ahead, ahead, 0, 10 * ms));
        // 1 MB a millisecond with 16 MB touched: the 8 MB beyond half the distance last 8 ms.
        assertEquals(8 * ms, JournalPretoucher.sleepNanos(ahead, ahead, 1L << 20, ms));
        // 10 MB a second (3,000 payments/s): that would be 800 ms; it looks again after the longest sleep.
        assertEquals(
                JournalPretoucher.PERIOD_MS_MAX * ms,
                JournalPretoucher.sleepNanos(ahead, ahead, 10L << 20, 1_000 * ms));
        // Behind (less than half the distance touched), or a burst that eats it at once: the shortest.
        assertEquals(JournalPretoucher.PERIOD_MS_MIN * ms, JournalPretoucher.sleepNanos(ahead / 4, ahead, 1 << 20, ms));
        assertEquals(JournalPretoucher.PERIOD_MS_MIN * ms, JournalPretoucher.sleepNanos(ahead, ahead, 64L << 20, ms));
    }

    @Test
    void aJournalOpenedWithoutPretouchHasNone() {
        try (Journal journal =
                Journal.open(dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            assertNull(journal.pretoucher());
        }
    }

    @Test
    void refusesADistanceOutsideItsLimits() {
        try (Journal journal =
                Journal.open(dataDir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            assertThrows(IllegalArgumentException.class, () -> new JournalPretoucher(journal.appendFront(), 0));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> new JournalPretoucher(journal.appendFront(), JournalPretoucher.AHEAD_BYTES_MAX + 1));
        }
    }
}
