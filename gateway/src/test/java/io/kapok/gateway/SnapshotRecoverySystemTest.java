package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.KapokProcess.Run;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.snapshot.LedgerRecovery;
import io.kapok.gateway.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots on real files: the snapshot thread writes them while payments flow; a restart loads the
 * newest and replays only the tail, to the state hash a full replay gives; a corrupt, truncated or
 * foreign snapshot is reported and skipped for the one before it (or a full replay); {@code journal
 * verify} checks them all.
 */
@Timeout(120)
class SnapshotRecoverySystemTest {
    /** A snapshot after every this many entries, so that a short run writes several. */
    private static final long EVERY_ENTRIES = 25;

    private static final int KEEP = 3;

    @TempDir
    Path dataDir;

    private Gateway gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private GatewayConfig config() {
        return TestConfigs.defaults(dataDir).withSnapshots(new GatewayConfig.Snapshot(EVERY_ENTRIES, 3600, KEEP));
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private void pay(String prefix, int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/messages"))
                            .POST(HttpRequest.BodyPublishers.ofString(TestMessages.payment(prefix + i, "1.00")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        }
    }

    /** Waits until the snapshot thread has written a snapshot at or after {@code sequence}. */
    private void awaitSnapshot(long sequence) throws InterruptedException {
        for (int i = 0; i < 600 && gateway.sequencer().snapshots().lastSnapshotSequence() < sequence; i++) {
            Thread.sleep(50);
        }
        assertTrue(
                gateway.sequencer().snapshots().lastSnapshotSequence() >= sequence,
                "a snapshot at " + sequence + " within 30 s; last "
                        + gateway.sequencer().snapshots().lastSnapshotSequence());
    }

    /** Writes payments with snapshots along the way; returns the ledger hash JSON at the end. */
    private String runWithSnapshots() throws Exception {
        gateway = Gateway.start(config());
        pay("PRBK-SNAP-", 100);
        long last = gateway.sequencer().lastSequence();
        awaitSnapshot(last - EVERY_ENTRIES + 1); // one every EVERY_ENTRIES entries: the newest is this close
        pay("PRBK-TAIL-", 7); // the tail after the newest snapshot
        String hash = get("/v1/ledger/hash");
        gateway.close();
        gateway = null;
        return hash;
    }

    @Test
    void snapshotPlusTailRecoversTheSameStateHashAsAFullReplay() throws Exception {
        String hash = runWithSnapshots();
        SnapshotStore store = new SnapshotStore(dataDir);
        List<Path> snapshots = store.list();
        assertEquals(KEEP, snapshots.size(), "the newest " + KEEP + " are kept: " + snapshots);
        long newest = SnapshotStore.read(snapshots.get(0)).lastSequence();

        gateway = Gateway.start(config());
        LedgerRecovery.Result recovery = gateway.sequencer().recovery();
        assertEquals(snapshots.get(0), recovery.snapshot());
        assertEquals(newest, recovery.snapshotSequence());
        assertEquals(
                gateway.sequencer().lastSequence() - newest, recovery.replay().entries(), "only the tail");
        assertTrue(recovery.skipped().isEmpty(), recovery.skipped().toString());
        assertEquals(hash, get("/v1/ledger/hash"));
        gateway.close();
        gateway = null;

        // Without snapshots: a full replay of the same journal gives the same hash.
        for (Path p : store.list()) {
            Files.delete(p);
        }
        gateway = Gateway.start(config().withSnapshots(new GatewayConfig.Snapshot(1_000_000, 3600, KEEP)));
        assertNull(gateway.sequencer().recovery().snapshot());
        assertEquals(hash, get("/v1/ledger/hash"));
    }

    @Test
    void corruptNewestSnapshotIsReportedAndTheOneBeforeItUsed() throws Exception {
        String hash = runWithSnapshots();
        List<Path> snapshots = new SnapshotStore(dataDir).list();
        Path newest = snapshots.get(0);
        try (RandomAccessFile raf = new RandomAccessFile(newest.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }

        Run verify = KapokProcess.run("journal", "verify", "--data", dataDir.toString());
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.err().contains(newest.getFileName() + " does not match its checksum"), verify.err());
        assertTrue(verify.out().contains(snapshots.get(1).getFileName() + " at sequence"), verify.out());

        gateway = Gateway.start(config());
        LedgerRecovery.Result recovery = gateway.sequencer().recovery();
        assertEquals(snapshots.get(1), recovery.snapshot());
        assertEquals(1, recovery.skipped().size());
        assertTrue(
                recovery.skipped().get(0).contains("checksum"),
                recovery.skipped().get(0));
        assertEquals(hash, get("/v1/ledger/hash"));
    }

    @Test
    void truncatedSnapshotsAreSkippedDownToAFullReplay() throws Exception {
        String hash = runWithSnapshots();
        for (Path p : new SnapshotStore(dataDir).list()) {
            try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
                raf.setLength(raf.length() - 10);
            }
        }
        gateway = Gateway.start(config());
        LedgerRecovery.Result recovery = gateway.sequencer().recovery();
        assertNull(recovery.snapshot());
        assertEquals(KEEP, recovery.skipped().size(), recovery.skipped().toString());
        assertEquals(hash, get("/v1/ledger/hash"));
    }

    @Test
    void snapshotOfAnotherJournalIsSkipped() throws Exception {
        runWithSnapshots();
        Path foreign = new SnapshotStore(dataDir).list().get(0);
        byte[] kept = Files.readAllBytes(foreign);

        // A new data directory whose journal has the same sequences but other entries.
        Path other = dataDir.resolve("other");
        GatewayConfig otherConfig = config().withDataDir(other.toString());
        gateway = Gateway.start(otherConfig);
        pay("OTHR-", 110);
        String hash = get("/v1/ledger/hash");
        gateway.close();
        gateway = null;
        for (Path p : new SnapshotStore(other).list()) {
            Files.delete(p);
        }
        Files.createDirectories(other.resolve(SnapshotStore.DIRECTORY));
        Files.write(other.resolve(SnapshotStore.DIRECTORY).resolve(foreign.getFileName()), kept);

        gateway = Gateway.start(otherConfig);
        LedgerRecovery.Result recovery = gateway.sequencer().recovery();
        assertNull(recovery.snapshot());
        assertEquals(1, recovery.skipped().size());
        assertTrue(
                recovery.skipped().get(0).contains("does not belong to this journal"),
                recovery.skipped().get(0));
        assertEquals(hash, get("/v1/ledger/hash"));
        assertNotNull(gateway.sequencer().snapshots());
    }

    @Test
    void startUpTrustsTheRecordedStateHashAndTheSnapshotThreadChecksIt() throws Exception {
        runWithSnapshots();
        // The newest snapshot rewritten with a state hash its ledger does not give, under a valid checksum.
        SnapshotStore store = new SnapshotStore(dataDir);
        SnapshotStore.Snapshot newest = SnapshotStore.read(store.list().get(0));
        byte[] wrong = newest.stateHash().clone();
        wrong[0] ^= 0x01;
        store.write(newest.lastSequence(), newest.journalIndex(), newest.entryHash(), wrong, newest.ledger());

        gateway = Gateway.start(config());
        assertEquals(newest.file(), gateway.sequencer().recovery().snapshot(), "the checksum holds: used");
        for (int i = 0; i < 600 && gateway.sequencer().snapshots().startSnapshotProblem() == null; i++) {
            Thread.sleep(50);
        }
        String problem = gateway.sequencer().snapshots().startSnapshotProblem();
        assertNotNull(problem, "the snapshot thread recomputes the state hash");
        assertTrue(problem.contains("state hash is not the recorded one"), problem);
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/health"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, health.statusCode(), health.body());
        gateway.close();
        gateway = null;

        Run verify = KapokProcess.run("journal", "verify", "--data", dataDir.toString());
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.err().contains("holds another state than the journal replayed"), verify.err());
        Run recomputed =
                KapokProcess.run("journal", "verify", "--data", dataDir.toString(), "--recompute-state-hashes");
        assertEquals(1, recomputed.exitCode(), recomputed.out());
        assertTrue(recomputed.err().contains("state hash is not the recorded one"), recomputed.err());
    }
}
