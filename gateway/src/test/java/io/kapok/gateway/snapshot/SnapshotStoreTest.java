package io.kapok.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.iso.Iso4217;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.payment.TransferCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot streamed from the ledger ({@link SnapshotStore#write(long, long, byte[],
 * SnapshotStore.LedgerBytes)}, as the snapshot thread writes it) is the very file the ledger's
 * bytes in memory give, and reads back to the ledger's state hash; a ledger that writes other bytes
 * the second time leaves no snapshot behind.
 */
class SnapshotStoreTest {
    @TempDir
    Path dir;

    /** Two banks ({@link LedgerRecoveryTest#banks()}) and enough settled payments that the ledger's bytes span many write buffers. */
    private static Ledger ledgerWithPayments(int payments) {
        Ledger ledger = LedgerRecoveryTest.banks();
        LedgerResult r = new LedgerResult();
        long sequence = ledger.lastSequence();
        String[] banks = {"PRBKCNGZXXX", "VHBKHKHHXXX"};
        for (int i = 0; i < payments; i++) {
            TransferCommand t = new TransferCommand();
            t.senderId = banks[i % 2];
            t.debitPartyId = banks[i % 2];
            t.creditPartyId = banks[1 - i % 2];
            t.messageId = "SNAP-" + i;
            t.uetr = String.format("0b7a3b4e-2f61-4c3a-9d1e-%012x", i);
            t.endToEndId = "E2E-" + i;
            t.currency = Iso4217.pack("CNY");
            t.amountMinor = 100 + i;
            t.sequence = ++sequence;
            t.timeMs = 1_795_000_000_000L + i;
            ledger.apply(t, r);
            assertTrue(r.applied, r.toString());
        }
        return ledger;
    }

    @Test
    void aStreamedSnapshotIsTheFileTheLedgersBytesGiveAndReadsBackToItsStateHash() throws IOException {
        Ledger ledger = ledgerWithPayments(5_000);
        byte[] bytes = ledger.snapshot();
        assertTrue(bytes.length > 8 * (1 << 16), "spans many write buffers: " + bytes.length);
        byte[] entryHash = new byte[32];
        entryHash[0] = 7;

        Path fromBytes = new SnapshotStore(dir.resolve("a"))
                .write(ledger.lastSequence(), 42, entryHash, Ledger.stateHashOf(bytes), bytes);
        Path streamed =
                new SnapshotStore(dir.resolve("b")).write(ledger.lastSequence(), 42, entryHash, ledger::writeSnapshot);

        assertArrayEquals(Files.readAllBytes(fromBytes), Files.readAllBytes(streamed));
        SnapshotStore.Snapshot read = SnapshotStore.read(streamed);
        assertArrayEquals(ledger.stateHash(), read.stateHash());
        assertEquals(42, read.journalIndex());
        assertArrayEquals(ledger.stateHash(), LedgerRecovery.load(read, true).stateHash());
    }

    @Test
    void aLedgerThatWritesOtherBytesTheSecondTimeLeavesNoSnapshot() throws IOException {
        SnapshotStore store = new SnapshotStore(dir);
        int[] calls = {0};
        SnapshotStore.LedgerBytes unstable = out -> {
            calls[0]++;
            out.write(new byte[] {1, 2, 3, (byte) calls[0]});
        };
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> store.write(9, 1, new byte[32], unstable));
        assertTrue(e.getMessage().contains("not deterministic"), e.getMessage());
        assertEquals(2, calls[0]);
        assertTrue(store.list().isEmpty());
        try (Stream<Path> files = Files.list(store.directory())) {
            assertEquals(0, files.count(), "not even the temporary file");
        }
    }
}
