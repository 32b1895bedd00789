package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.payment.TransferCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ReferenceOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On real mapped files, read back from the kernel ({@code /proc/self/smaps}: {@code rr} among a
 * mapping's {@code VmFlags} is {@code MADV_RANDOM}): the chunk an appender writes into is advised
 * random, the chunk it left gets the normal advice back, and so does the last one when it closes;
 * the journal's and the mailbox's appenders do this on every append, and what they write is
 * unchanged (the entries replay with every hash). The journal's pages far behind its appender are
 * written out and given back ({@link PageRecycler}): its mapping's resident size ({@code Rss})
 * shrinks, and every entry still replays.
 */
@Timeout(60)
class AppendReadAroundTest {
    private static final long CHUNK_BYTES = 64 << 10;
    private static final Path SMAPS = Path.of("/proc/self/smaps");

    @TempDir
    Path dir;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isReadable(SMAPS), "needs Linux's /proc/self/smaps");
        assumeTrue(!AppendReadAround.KERNEL_DEFAULT, "run without -Dkapok.mappedReadAround=true");
    }

    /** Whether the kernel marks the mapping that holds {@code address} as advised random. */
    private static boolean advisedRandom(long address) throws IOException {
        return List.of(mappingLine(address, "VmFlags:").split(" ")).contains("rr");
    }

    /** The resident bytes ({@code Rss}) of the mapping that holds {@code address}. */
    private static long residentBytes(long address) throws IOException {
        return Long.parseLong(mappingLine(address, "Rss:").replace("kB", "").trim()) << 10;
    }

    /** What follows {@code key} on its line of the {@code smaps} entry of the mapping that holds {@code address}. */
    private static String mappingLine(long address, String key) throws IOException {
        List<String> lines = Files.readAllLines(SMAPS, StandardCharsets.ISO_8859_1);
        boolean inside = false;
        for (String line : lines) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && isHex(line, 0, dash) && isHex(line, dash + 1, space)) {
                long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long to = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = Long.compareUnsigned(address, from) >= 0 && Long.compareUnsigned(address, to) < 0;
            } else if (inside && line.startsWith(key)) {
                return line.substring(key.length()).trim();
            }
        }
        throw new AssertionError("no mapping holds address 0x" + Long.toHexString(address));
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return to > from;
    }

    private static long chunkAddress(MappedBytes bytes) {
        MappedBytesStore store = (MappedBytesStore) bytes.bytesStore();
        return store.addressForRead(store.start());
    }

    @Test
    void theChunkBeingWrittenIsAdvisedRandomAndTheOneLeftNormalAgain() throws IOException {
        // Chunks of 64 KB, each mapped with 64 KB of overlap past its end.
        byte[] page = new byte[4096];
        try (MappedBytes bytes = MappedBytes.mappedBytes(dir.resolve("f").toFile(), CHUNK_BYTES, CHUNK_BYTES)) {
            AppendReadAround readAround = new AppendReadAround("test");
            bytes.write(page);
            readAround.afterAppend(bytes);
            long first = chunkAddress(bytes);
            assertTrue(advisedRandom(first), "the first chunk, written into");
            assertEquals(1, readAround.chunksAdvised());
            // A reader holding the first chunk keeps it mapped after the appender has left it.
            ReferenceOwner reader = ReferenceOwner.temporary("reader");
            MappedBytesStore firstChunk = bytes.mappedFile().acquireByteStore(reader, 0);
            try {
                while (bytes.writePosition() < 2 * CHUNK_BYTES + page.length) {
                    bytes.write(page);
                    readAround.afterAppend(bytes);
                }
                long third = chunkAddress(bytes);
                assertTrue(advisedRandom(third), "the chunk now written into");
                assertEquals(3, readAround.chunksAdvised(), "each chunk entered advised once");
                assertFalse(advisedRandom(first), "the chunk the appender left, normal again for its reader");

                readAround.close();
                assertFalse(advisedRandom(third), "the last chunk, once the appender closed");
            } finally {
                firstChunk.release(reader);
            }
        }
    }

    /**
     * Appends ~24 MB of 3 KB entries to a journal whose recycling is {@code recycle}, waits (up to 30
     * s) for {@code stepsExpected} steps, and returns the appender's mapping's resident bytes then;
     * afterwards every entry must replay.
     */
    private long residentAfter24Mb(boolean recycle, long stepsExpected) throws Exception {
        TransferCommand command = (TransferCommand) SampleCommands.of(CommandType.TRANSFER);
        byte[] raw = ("<Document>" + "x".repeat(3000) + "</Document>").getBytes(StandardCharsets.UTF_8);
        long resident;
        int entries;
        try (Journal journal =
                Journal.open(dir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            journal.recycleWrittenPages(recycle);
            while (journal.appendFront().mappedFile() == null
                    || journal.appendFront().position() < 24L << 20) {
                command.sequence = journal.lastSequence() + 1;
                command.messageId = "M-" + command.sequence;
                journal.append(command, command.senderId, raw, raw.length, null);
            }
            entries = (int) journal.lastSequence();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (journal.stepsRecycled() < stepsExpected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(journal.stepsRecycled() >= stepsExpected, "steps recycled: " + journal.stepsRecycled());
            if (!recycle) {
                assertEquals(0, journal.stepsRecycled(), "no step when off");
            }
            ReferenceOwner reader = ReferenceOwner.temporary("reader");
            MappedBytesStore chunk = journal.appendFront().mappedFile().acquireByteStore(reader, 0);
            try {
                resident = residentBytes(chunk.addressForRead(chunk.start()));
            } finally {
                chunk.release(reader);
            }
        }
        try (Journal reader = Journal.openReadOnly(dir)) {
            assertEquals(entries, reader.replay(d -> {}).lastSequence(), "every entry replays with its hashes");
        }
        return resident;
    }

    @Test
    void theJournalsPagesFarBehindItsAppenderAreWrittenOutAndGivenBackAndItsEntriesStillReplay() throws Exception {
        assumeTrue(PageRecycler.ENABLED, "run without -Dkapok.pageRecycling=false");
        // The first MB (the file's head) and the last 8 stay; the 15 steps between go.
        long resident = residentAfter24Mb(true, 14);
        assertTrue(resident < 14L << 20, "resident after 24 MB written: " + (resident >> 10) + " kB");
    }

    @Test
    void withRecyclingOffThePagesStay() throws Exception {
        long resident = residentAfter24Mb(false, 0);
        assertTrue(resident >= 20L << 20, "resident after 24 MB written: " + (resident >> 10) + " kB");
    }

    @Test
    void theJournalAppenderAdvisesItsChunkAndItsEntriesReplay() throws IOException {
        TransferCommand command = (TransferCommand) SampleCommands.of(CommandType.TRANSFER);
        byte[] raw = ("<Document>" + "x".repeat(3000) + "</Document>").getBytes(StandardCharsets.UTF_8);
        try (Journal journal =
                Journal.open(dir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            for (int i = 0; i < 100; i++) {
                command.sequence = journal.lastSequence() + 1;
                command.messageId = "M-" + command.sequence;
                journal.append(command, command.senderId, raw, raw.length, null);
            }
            assertTrue(journal.chunksAdvisedRandom() >= 1, "the appender's chunk advised random");
            ReferenceOwner reader = ReferenceOwner.temporary("reader");
            MappedBytesStore chunk = journal.appendFront().mappedFile().acquireByteStore(reader, 0);
            try {
                assertTrue(advisedRandom(chunk.addressForRead(chunk.start())), "the kernel has the advice");
            } finally {
                chunk.release(reader);
            }
        }
        try (Journal reader = Journal.openReadOnly(dir)) {
            assertEquals(100, reader.replay(d -> {}).lastSequence(), "every entry replays with its hashes");
        }
    }
}
