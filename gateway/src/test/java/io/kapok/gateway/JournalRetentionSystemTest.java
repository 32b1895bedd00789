package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapok.gateway.KapokProcess.Run;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.JournalChainLinks;
import io.kapok.gateway.journal.JournalRetention;
import io.kapok.gateway.snapshot.SnapshotStore;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Journal retention on real files with a roll cycle of one second ({@code TEST_SECONDLY}): cycles
 * every kept snapshot lies after, and whose messages the mailbox no longer holds, are moved to the
 * archive, the others stay; a restart recovers the same state hash; {@code journal verify} checks
 * the chain from the first retained entry; every message the mailbox still holds is delivered,
 * relayed payments read back from their journal entries.
 */
@Timeout(120)
class JournalRetentionSystemTest extends LoopbackGatewayTest {
    private static final int KEEP_SNAPSHOTS = 2;
    private static final int KEEP_CYCLES = 2;
    private static final int ROUNDS = 7;
    private static final int PAYMENTS_PER_ROUND = 6;

    private GatewayConfig config(String mode) {
        return TestConfigs.defaults(dataDir)
                .withRollCycle(TestRollCycles.TEST_SECONDLY.name())
                .withSnapshots(new GatewayConfig.Snapshot(PAYMENTS_PER_ROUND, 1, KEEP_SNAPSHOTS))
                .withJournalRetention(new GatewayConfig.JournalRetention(mode, KEEP_CYCLES, 0))
                // Mailbox cycles whose messages are all delivered go at once (checked every second).
                .withMailboxRetention(new GatewayConfig.MailboxRetention("delete", 1, 0, 0, 1));
    }

    private HttpResponse<String> get(String path, String party) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (party != null) {
            request.header("X-Kapok-Party", party);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Payments in rounds a little over a second apart, so each round lands in a cycle file of its own. */
    private void payInRounds(String prefix) throws Exception {
        payInRounds(prefix, true);
    }

    private void payInRounds(String prefix, boolean takeDelivery) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < PAYMENTS_PER_ROUND; i++) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(uri("/v1/messages"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        TestMessages.payment(prefix + round + "-" + i, "1.00")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
            }
            if (takeDelivery) {
                takeDelivery("PRBKCNGZXXX");
                takeDelivery("VHBKHKHHXXX");
            }
            Thread.sleep(1_100);
        }
    }

    /** The party asks for what follows its last message: everything up to it counts as delivered. */
    private void takeDelivery(String party) throws Exception {
        long last = json.readTree(
                        get("/v1/mailbox?after=0&limit=1&waitMs=0", party).body())
                .get("lastSequence")
                .asLong();
        assertEquals(200, get("/v1/mailbox?after=" + last + "&waitMs=0", party).statusCode());
    }

    private static List<Path> cycleFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The payments relayed to the instructed agent's mailbox that it still holds, in order without a
     * gap; each one's bytes are read back from its journal entry, which the journal must still hold.
     */
    private int relayedPayments(long firstRetainedEntry) throws Exception {
        HttpResponse<String> response = get("/v1/mailbox?after=0&limit=256&waitMs=0", "VHBKHKHHXXX");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode box = json.readTree(response.body());
        int relayed = 0;
        long expected = -1;
        for (JsonNode message : box.get("messages")) {
            long sequence = message.get("sequence").asLong();
            assertTrue(expected < 0 || sequence == expected, "in order, without a gap: " + sequence);
            expected = sequence + 1;
            assertTrue(
                    message.get("inboundSequence").asLong() >= firstRetainedEntry,
                    "a message the mailbox holds belongs to an entry the journal holds: " + message);
            if (message.get("type").asText().equals("pacs.008.001.08")) {
                String xml = new String(
                        java.util.Base64.getDecoder()
                                .decode(message.get("xmlBase64").asText()),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(xml.contains("<MsgId>PRBK-"), xml);
                relayed++;
            }
        }
        assertTrue(expected < 0 || box.get("lastSequence").asLong() == expected - 1, "up to the last message");
        return relayed;
    }

    /** Waits until retention has archived at least one cycle file. */
    private void awaitArchived() throws InterruptedException {
        for (int i = 0; i < 300 && gateway.sequencer().snapshots().retention().cyclesRemoved() == 0; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void archivesOnlyCyclesEveryKeptSnapshotFollowsAndRecoversTheSameStateHash() throws Exception {
        gateway = Gateway.start(config("archive"));
        payInRounds("PRBK-RET-");
        awaitArchived();
        JournalRetention.State state = gateway.sequencer().snapshots().retention();
        assertTrue(state.cyclesRemoved() > 0, "cycle files archived: " + state);
        String hash = get("/v1/ledger/hash", null).body();
        long lastSequence = gateway.sequencer().lastSequence();

        // Every message the mailbox still holds is delivered, relayed payments read from the journal.
        int relayed = relayedPayments(JournalChainLinks.load(dataDir).firstRetainedSequence());
        gateway.close();
        gateway = null;

        List<Path> archived = cycleFiles(dataDir.resolve(JournalRetention.ARCHIVE_DIRECTORY));
        List<Path> retained = cycleFiles(dataDir.resolve("journal"));
        assertFalse(archived.isEmpty());
        assertTrue(retained.size() >= KEEP_CYCLES, retained.toString());
        // No archived cycle is the one of a kept snapshot or after it.
        String oldestRetained = retained.get(0).getFileName().toString();
        for (Path a : archived) {
            assertTrue(a.getFileName().toString().compareTo(oldestRetained) < 0, a + " before " + oldestRetained);
        }
        JournalChainLinks links = JournalChainLinks.load(dataDir);
        assertEquals(archived.size(), links.links().size(), links.links().toString());
        long firstRetained = links.firstRetainedSequence();
        assertTrue(firstRetained > 1, "the journal begins after entry 1 now: " + firstRetained);
        for (Path snapshot : new SnapshotStore(dataDir).list()) {
            assertTrue(
                    SnapshotStore.read(snapshot).lastSequence() >= firstRetained,
                    snapshot + " lies after the archived entries 1.." + (firstRetained - 1));
        }

        Run verify = KapokProcess.run("journal", "verify", "--data", dataDir.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("retention:       entries 1.." + (firstRetained - 1)), verify.out());
        String stateHash = json.readTree(hash).get("stateHash").asText();
        assertTrue(verify.out().contains("state hash:      " + stateHash), verify.out());

        gateway = Gateway.start(config("archive"));
        assertEquals(lastSequence, gateway.sequencer().lastSequence());
        assertEquals(hash, get("/v1/ledger/hash", null).body());
        // (mailbox retention goes on removing delivered cycles meanwhile)
        assertTrue(relayedPayments(firstRetained) <= relayed);
        gateway.close();
        gateway = null;

        // Without the snapshots nothing can rebuild the ledger from the retained cycles alone: start-up
        // says so instead of replaying a journal that does not begin at entry 1.
        for (Path snapshot : new SnapshotStore(dataDir).list()) {
            Files.delete(snapshot);
        }
        Exception refused = assertThrows(Exception.class, () -> Gateway.start(config("archive")));
        assertTrue(refused.getMessage().contains("the journal begins at entry " + firstRetained), refused.getMessage());
    }

    @Test
    void keepsEveryCycleWhoseMessagesTheMailboxStillHolds() throws Exception {
        // The default mailbox retention keeps delivered cycles for days; nobody takes delivery here.
        gateway = Gateway.start(config("archive")
                .withMailboxRetention(ConfigLoader.loadDefaults().mailbox().retentionOrDefault()));
        payInRounds("PRBK-HELD-", false);
        long snapshotted = gateway.sequencer().lastSequence();
        for (int i = 0; i < 200 && gateway.sequencer().snapshots().lastSnapshotSequence() < snapshotted; i++) {
            Thread.sleep(50);
        }
        JournalRetention.State state = gateway.sequencer().snapshots().retention();
        for (int i = 0;
                i < 100 && (state.keptBecause() == null || !state.keptBecause().contains("mailbox"));
                i++) {
            Thread.sleep(50);
            state = gateway.sequencer().snapshots().retention();
        }
        // Only the configured world's cycle (no message of it in any mailbox) may have gone.
        assertTrue(state.keptBecause().contains("whose messages the mailbox still holds"), state.toString());
        assertEquals(ROUNDS * PAYMENTS_PER_ROUND, relayedPayments(state.firstRetainedSequence()));
    }

    @Test
    void modeOffKeepsEveryCycle() throws Exception {
        gateway = Gateway.start(config("off"));
        payInRounds("PRBK-OFF-");
        long snapshotted = gateway.sequencer().lastSequence();
        for (int i = 0; i < 200 && gateway.sequencer().snapshots().lastSnapshotSequence() < snapshotted; i++) {
            Thread.sleep(50);
        }
        assertEquals(snapshotted, gateway.sequencer().snapshots().lastSnapshotSequence());
        assertEquals(0, gateway.sequencer().snapshots().retention().cyclesRemoved());
        gateway.close();
        gateway = null;
        assertTrue(
                cycleFiles(dataDir.resolve(JournalRetention.ARCHIVE_DIRECTORY)).isEmpty());
        assertTrue(cycleFiles(dataDir.resolve("journal")).size() >= ROUNDS);
        assertFalse(Files.exists(dataDir.resolve(JournalChainLinks.FILE)));
    }
}
