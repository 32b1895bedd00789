package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.JournalAuditor;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /v1/health} over real HTTP: the background audit, the last snapshot, the recovery and
 * the retention state; 200 while up, 503 once the audit finds a message that no longer matches its
 * digest.
 */
@Timeout(120)
class HealthSystemTest extends LoopbackGatewayTest {
    private static final long SNAPSHOT_EVERY_ENTRIES = 3;

    private GatewayConfig config() {
        return TestConfigs.defaults(dataDir).withSnapshots(new GatewayConfig.Snapshot(SNAPSHOT_EVERY_ENTRIES, 3600, 2));
    }

    private void pay(String msgId) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(TestMessages.payment(msgId, "1.00"))));
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private HttpResponse<String> health() throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/health")).GET());
    }

    @Test
    void showsTheAuditTheLastSnapshotTheRecoveryAndRetention() throws Exception {
        gateway = Gateway.start(config());
        long genesis = gateway.sequencer().lastSequence();
        assertTrue(gateway.sequencer().audit().await(60_000));
        for (int i = 0; i < 3; i++) {
            pay("PRBK-HEALTH-" + i);
        }
        long last = gateway.sequencer().lastSequence();
        for (int i = 0; i < 600 && gateway.sequencer().snapshots().lastSnapshotSequence() < last; i++) {
            Thread.sleep(50);
        }

        HttpResponse<String> answer = health();
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode h = json.readTree(answer.body());
        assertEquals("UP", h.get("status").asText());
        assertEquals(last, h.get("sequence").asLong());
        assertEquals("writable", h.get("journal").asText());
        assertEquals("writable", h.get("mailbox").asText());
        assertEquals("PASSED", h.at("/audit/state").asText(), answer.body());
        assertEquals(genesis, h.at("/audit/checkedEntries").asLong(), "every entry present at start-up");
        assertEquals(genesis, h.at("/audit/lastSequence").asLong());
        assertEquals(last, h.at("/snapshot/lastSequence").asLong(), answer.body());
        assertTrue(h.at("/snapshot/ageMs").asLong() >= 0, answer.body());
        assertTrue(h.at("/snapshot/lastError").isNull());
        assertEquals("recovered 0 entries", h.at("/recovery/summary").asText());
        assertTrue(h.at("/recovery/snapshotSequence").isNull());
        assertEquals(3, h.at("/paymentWindow/decisions").asInt(), "the three payments: " + answer.body());
        assertEquals(
                io.kapok.ledger.Ledger.PAYMENT_CAPACITY_DEFAULT,
                h.at("/paymentWindow/capacity").asInt());
        assertEquals(
                io.kapok.ledger.Ledger.PAYMENT_RETENTION_DAYS_DEFAULT,
                h.at("/paymentWindow/retentionDays").asInt());
        assertFalse(h.at("/paymentWindow/full").asBoolean());
        assertFalse(h.at("/paymentWindow/preallocated").asBoolean(), "not by default: it grows as it fills");
        assertEquals(1024, h.at("/paymentWindow/room").asInt(), "room before the first doubling: " + answer.body());
        assertEquals(0, h.at("/messageWindow/messages").asInt(), "payments are not receivable-financing messages");
        assertEquals(
                io.kapok.ledger.Ledger.MESSAGE_CAPACITY_DEFAULT,
                h.at("/messageWindow/capacity").asInt());
        assertEquals(0, h.at("/messageWindow/outcomes").asInt());
        assertEquals(
                io.kapok.ledger.Ledger.MESSAGE_ITEM_CAPACITY_DEFAULT,
                h.at("/messageWindow/outcomeCapacity").asInt());
        assertFalse(h.at("/messageWindow/full").asBoolean());
        String fullest = h.at("/mailboxes/fullestParty").asText();
        assertEquals(
                gateway.sequencer().mailboxes().party(fullest).undelivered(),
                h.at("/mailboxes/undeliveredMax").asLong(),
                answer.body());
        assertTrue(
                h.at("/mailboxes/undeliveredMax").asLong() >= 3,
                "the three relayed payments at least: " + answer.body());
        assertEquals(
                gateway.sequencer().mailboxes().limits().capacityPerParty(),
                h.at("/mailboxes/capacityPerParty").asInt());
        assertFalse(h.at("/mailboxes/full").asBoolean());
        assertEquals(
                gateway.sequencer().postingNotices(),
                h.at("/mailboxes/postingNotices").asBoolean(),
                answer.body());
        assertTrue(h.at("/mailboxes/postingNotices").isBoolean(), answer.body());
        assertEquals("archive", h.at("/retention/journal/mode").asText(), answer.body());
        assertEquals(0, h.at("/retention/journal/cyclesRemoved").asLong());
        assertEquals(1, h.at("/retention/journal/firstRetainedSequence").asLong());
        assertTrue(h.at("/retention/journal/keptBecause").asText().contains("newest"), answer.body());
        assertEquals("delete", h.at("/retention/mailbox/mode").asText(), answer.body());
        gateway.close();
        gateway = null;

        gateway = Gateway.start(config());
        h = json.readTree(health().body());
        assertEquals(last, h.at("/recovery/snapshotSequence").asLong(), h.toString());
        assertEquals(0, h.at("/recovery/replayedEntries").asLong());
        assertEquals(
                "recovered snapshot " + last + " + 0 entries",
                h.at("/recovery/summary").asText());
        assertEquals(0, h.at("/recovery/skippedSnapshots").asLong());
        assertEquals(3, h.at("/paymentWindow/decisions").asInt(), "the recovered window: " + h);
    }

    @Test
    void anAuditFailureDegradesTheGatewayAndNamesTheEntry() throws Exception {
        gateway = Gateway.start(config());
        pay("PRBK-AUDIT-1");
        pay("PRBK-AUDIT-2");
        long target = gateway.sequencer().lastSequence();
        pay("PRBK-AUDIT-3");
        gateway.close();
        gateway = null;
        JournalBytes.flipByteOf(dataDir, "<MsgId>PRBK-AUDIT-2</MsgId>"); // the message bytes only

        gateway = Gateway.start(config());
        JournalAuditor audit = gateway.sequencer().audit();
        assertTrue(audit.await(60_000), "the audit finishes");
        HttpResponse<String> answer = health();
        assertEquals(503, answer.statusCode(), answer.body());
        JsonNode h = json.readTree(answer.body());
        assertEquals("DEGRADED", h.get("status").asText());
        assertEquals("writable", h.get("journal").asText(), "the journal itself still takes entries");
        assertEquals("FAILED", h.at("/audit/state").asText());
        assertEquals(target, h.at("/audit/failedSequence").asLong(), answer.body());
        assertTrue(h.at("/audit/problem").asText().contains("message bytes do not match"), answer.body());
    }
}
