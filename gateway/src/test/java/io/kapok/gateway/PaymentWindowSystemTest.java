package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapok.gateway.config.ConfigException;
import io.kapok.gateway.config.GatewayConfig;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The configured payment window over real HTTP: a new journal takes {@code ledger.paymentWindow}
 * as its entry 1, a full window refuses new payments while retries still get their answers, and a
 * restart configured with another window than its journal's refuses to start, naming both.
 */
@Timeout(120)
class PaymentWindowSystemTest extends LoopbackGatewayTest {
    private GatewayConfig config(int retentionDays, int capacity, boolean preallocate) {
        return config(retentionDays, capacity, preallocate, true);
    }

    private GatewayConfig config(int retentionDays, int capacity, boolean preallocate, boolean compactIds) {
        return TestConfigs.defaults(dataDir)
                .withLedger(new GatewayConfig.LedgerSettings(
                        new GatewayConfig.PaymentWindow(retentionDays, capacity, preallocate, compactIds)));
    }

    private HttpResponse<String> pay(String msgId, String uetr) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(TestMessages.payment(msgId, uetr, "1.00"))));
    }

    private JsonNode window() throws Exception {
        HttpResponse<String> health =
                send(HttpRequest.newBuilder(uri("/v1/health")).GET());
        return json.readTree(health.body()).get("paymentWindow");
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aPreallocatedWindowLargerThanTheHeapStopsTheStartBeforeAnythingIsJournaled() throws Exception {
        int capacity = io.kapok.ledger.payment.DecidedPayments.CAPACITY_MAX;
        org.junit.jupiter.api.Assumptions.assumeTrue(
                io.kapok.ledger.payment.DecidedPayments.arrayBytes(capacity)
                        > Runtime.getRuntime().maxMemory(),
                "this JVM's heap would hold the largest window");
        ConfigException tooLarge = assertThrows(ConfigException.class, () -> Gateway.start(config(30, capacity, true)));
        assertTrue(
                tooLarge.getMessage().startsWith("ledger.paymentWindow.preallocate: a window of " + capacity),
                tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("raise -Xmx"), tooLarge.getMessage());
        gateway = Gateway.start(config(30, 1000, false));
        assertEquals(1000, window().get("capacity").asInt(), "a new journal: nothing was written before");
    }

    @Test
    void theWindowGrowsIntoArraysTheGrowerThreadMadeAhead() throws Exception {
        gateway = Gateway.start(config(30, 1 << 20, false));
        JsonNode window = window();
        int room = window.get("room").asInt();
        assertEquals(0, window.get("growths").asInt(), window.toString());
        // Past three quarters of the room: the grower thread (which looks every 20 ms) makes the
        // arrays of the next room; the sequencer takes them after a later batch.
        int payments = 0;
        while (payments < room * 3 / 4 + 8) {
            assertEquals("ACSC", element(pay(payments), "TxSts"));
            payments++;
        }
        Thread.sleep(500);
        while (window().get("decisions").asInt() <= room) {
            assertEquals("ACSC", element(pay(payments), "TxSts"));
            payments++;
        }
        window = window();
        assertEquals(2 * room, window.get("room").asInt(), window.toString());
        assertEquals(1, window.get("growths").asInt(), window.toString());
        assertEquals(1, window.get("growthsPrepared").asInt(), "grown into the arrays made ahead: " + window);
        assertEquals(
                "ACSC",
                element(pay(0), "TxSts"),
                "a retry after the growth still gets its answer from the moved window");
    }

    private String pay(int n) throws Exception {
        return pay("PRBK-GROW-" + n, String.format("0b7a3b4e-2f61-4c3a-9d1e-%012x", n))
                .body();
    }

    @Test
    void aFullWindowRefusesNewPaymentsAnswersRetriesAndHoldsForTheJournalsLife() throws Exception {
        gateway = Gateway.start(config(7, 2, true));
        HttpResponse<String> first = pay("PRBK-WIN-1", "0b7a3b4e-2f61-4c3a-9d1e-5a6b7c8d9e01");
        assertEquals("ACSC", element(first.body(), "TxSts"), first.body());
        assertEquals(
                "ACSC",
                element(
                        pay("PRBK-WIN-2", "0b7a3b4e-2f61-4c3a-9d1e-5a6b7c8d9e02")
                                .body(),
                        "TxSts"));
        JsonNode window = window();
        assertEquals(2, window.get("decisions").asInt(), window.toString());
        assertEquals(2, window.get("capacity").asInt(), window.toString());
        assertEquals(7, window.get("retentionDays").asInt(), window.toString());
        assertTrue(window.get("full").asBoolean(), window.toString());
        assertTrue(window.get("compactIds").asBoolean(), "the default keeps the ids as bytes: " + window);
        long sequence = gateway.sequencer().lastSequence();
        for (int i = 0; i < 200 && !gateway.sequencer().snapshots().paymentWindowPreallocated(); i++) {
            Thread.sleep(25);
        }
        assertTrue(
                gateway.sequencer().snapshots().paymentWindowPreallocated(),
                "the snapshot thread's replica allocates its window too, once caught up");
        assertTrue(window().get("preallocated").asBoolean(), window().toString());
        assertEquals(2, window().get("room").asInt(), "a window allocated whole has room for its capacity");

        HttpResponse<String> third = pay("PRBK-WIN-3", "0b7a3b4e-2f61-4c3a-9d1e-5a6b7c8d9e03");
        assertEquals(200, third.statusCode(), third.body());
        assertEquals("RJCT", element(third.body(), "TxSts"), third.body());
        assertEquals("NARR", element(third.body(), "Cd"), third.body());
        assertTrue(element(third.body(), "AddtlInf").startsWith("payment window is full"), third.body());
        HttpResponse<String> retry = pay("PRBK-WIN-1", "0b7a3b4e-2f61-4c3a-9d1e-5a6b7c8d9e01");
        assertEquals(first.body(), retry.body(), "a retry is still answered from the full window");
        gateway.close();
        gateway = null;

        ConfigException other = assertThrows(ConfigException.class, () -> Gateway.start(config(7, 3, false)));
        assertTrue(other.getMessage().contains("(retentionDays 7, capacity 3)"), other.getMessage());
        assertTrue(other.getMessage().contains("this journal's (retentionDays 7, capacity 2)"), other.getMessage());
        assertThrows(ConfigException.class, () -> Gateway.start(TestConfigs.defaults(dataDir)));
        ConfigException messages = assertThrows(
                ConfigException.class,
                () -> Gateway.start(TestConfigs.defaults(dataDir)
                        .withLedger(new GatewayConfig.LedgerSettings(
                                new GatewayConfig.PaymentWindow(7, 2, false, true),
                                new GatewayConfig.MessageWindow(10, 16)))));
        assertTrue(
                messages.getMessage()
                        .startsWith("ledger.messageWindow in the configuration (capacity 10, outcomeCapacity 16)"
                                + " is not this journal's (capacity 1048576, outcomeCapacity 4194304)"),
                messages.getMessage());

        // Restarted with the ids as Strings: not journaled, so the journal's decisions answer alike.
        gateway = Gateway.start(config(7, 2, false, false));
        assertTrue(gateway.sequencer().lastSequence() >= sequence);
        Thread.sleep(100);
        assertFalse(gateway.sequencer().snapshots().paymentWindowPreallocated(), "not asked for: it grows");
        assertFalse(window().get("preallocated").asBoolean(), window().toString());
        window = window();
        assertEquals(2, window.get("decisions").asInt(), "recovered from the journal: " + window);
        assertFalse(window.get("compactIds").asBoolean(), window.toString());
        assertEquals(2, window.get("capacity").asInt(), window.toString());
        HttpResponse<String> again = pay("PRBK-WIN-3", "0b7a3b4e-2f61-4c3a-9d1e-5a6b7c8d9e03");
        assertEquals("RJCT", element(again.body(), "TxSts"), "still full after the restart: " + again.body());
        assertEquals(
                first.body(),
                pay("PRBK-WIN-1", "0b7a3b4e-2f61-4c3a-9d1e-5a6b7c8d9e01").body());
    }
}
