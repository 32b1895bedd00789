package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.mailbox.MailboxWriteHook;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailboxes through the real gateway: real Chronicle Queue files in a temporary data
 * directory, real HTTP on loopback. Pearl River Bank pays Victoria Harbour Bank, and the payment
 * reaches Victoria Harbour Bank's mailbox; polls wait for it, resume after a restart, survive a
 * crash between the journal and the mailbox, and a full mailbox refuses what would overflow it.
 */
@Timeout(90)
class MailboxSystemTest {
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";
    private static final String LTBK = "LTBKMOMXXXX";
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * The demo world without camt.054 posting notifications: these tests follow the relayed
     * payments through the mailbox, one message per payment (FlowsSystemTest covers camt.054).
     */
    private GatewayConfig config() {
        return ConfigLoader.loadDefaults()
                .withPort(0)
                .withDataDir(dataDir.toString())
                .withNotifications(new GatewayConfig.Notifications(false));
    }

    private GatewayConfig config(int capacityPerParty, int parkedPollsPerPartyMax, int parkedPollsMax) {
        GatewayConfig.Mailbox m = config().mailbox();
        return config().withMailbox(new GatewayConfig.Mailbox(
                capacityPerParty,
                m.messagesPerPollDefault(),
                m.messagesPerPollMax(),
                m.pollWaitMsDefault(),
                m.pollWaitMsMax(),
                parkedPollsPerPartyMax,
                parkedPollsMax,
                m.readerThreads(),
                m.readQueueMax()));
    }

    private void start(GatewayConfig config) throws Exception {
        gateway = Gateway.start(config);
    }

    private void restart(GatewayConfig config) throws Exception {
        gateway.close();
        gateway = null;
        gateway = Gateway.start(config);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/v1/messages"))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> pollAsync(String party, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/mailbox?" + query))
                .timeout(Duration.ofSeconds(70))
                .GET();
        if (party != null) {
            request.header("X-Kapok-Party", party);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> poll(String party, String query) throws Exception {
        return pollAsync(party, query).get();
    }

    /** A poll that must succeed: its JSON body. */
    private JsonNode mailbox(String party, String query) throws Exception {
        HttpResponse<String> response = poll(party, query);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "application/json",
                response.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(response.body());
    }

    private static byte[] xml(JsonNode message) {
        return Base64.getDecoder().decode(message.get("xmlBase64").asText());
    }

    private long journalSequence() throws Exception {
        Matcher m = Pattern.compile("\"sequence\": (\\d+)")
                .matcher(get("/v1/ledger/hash").body());
        assertTrue(m.find());
        return Long.parseLong(m.group(1));
    }

    private String stateHash() throws Exception {
        return get("/v1/ledger/hash").body();
    }

    /** Waits (bounded by the test's timeout) until {@code count} polls are parked. */
    private void awaitParked(int count) throws InterruptedException {
        while (gateway.sequencer().mailboxes().parkedPolls() != count) {
            Thread.sleep(5);
        }
    }

    private static void assertSettled(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("<TxSts>ACSC</TxSts>"), response.body());
    }

    /** Victoria Harbour Bank pays Pearl River Bank: the sample with the two banks swapped. */
    private static String paymentToPearlRiver(String msgId) {
        return TestMessages.payment(msgId, "10.00")
                .replace(PRBK, "SWAPXXXXXXX")
                .replace(VHBK, PRBK)
                .replace("SWAPXXXXXXX", VHBK);
    }

    @Test
    void settledPaymentFromPearlRiverBankShowsUpVerbatimInVictoriaHarbourBanksMailbox() throws Exception {
        start(config());
        assertSettled(post(TestMessages.SAMPLE));
        long inbound = journalSequence();

        JsonNode box = mailbox(VHBK, "after=0&waitMs=0");
        assertEquals(VHBK, box.get("partyId").asText());
        assertEquals(1, box.get("lastSequence").asLong());
        assertEquals(1, box.get("nextAfter").asLong());
        JsonNode message = box.get("messages").get(0);
        assertEquals(1, box.get("messages").size());
        assertEquals(1, message.get("sequence").asLong());
        assertEquals("pacs.008.001.08", message.get("type").asText());
        assertEquals(inbound, message.get("inboundSequence").asLong());
        assertArrayEquals(TestMessages.SAMPLE.getBytes(StandardCharsets.UTF_8), xml(message));

        // The sender gets nothing in its own mailbox: its status came back in the HTTP answer.
        assertEquals(0, mailbox(PRBK, "after=0&waitMs=0").get("messages").size());
        // A retry settles nothing twice and relays nothing twice.
        assertSettled(post(TestMessages.SAMPLE));
        assertEquals(1, mailbox(VHBK, "after=0&waitMs=0").get("lastSequence").asLong());
        // An 8-character BIC names the same party.
        assertEquals(1, mailbox("VHBKHKHH", "after=0&waitMs=0").get("messages").size());
    }

    @Test
    void refusedPaymentPutsNothingInAnyMailbox() throws Exception {
        start(config());
        HttpResponse<String> refused = post(TestMessages.payment("PRBK-TOO-MUCH", "60000000.00"));
        assertTrue(refused.body().contains("<Cd>AM04</Cd>"), refused.body());
        for (String party : List.of(PRBK, VHBK, LTBK)) {
            assertEquals(
                    0, mailbox(party, "after=0&waitMs=0").get("lastSequence").asLong(), party);
        }
    }

    @Test
    void longPollIsAnsweredWhenTheMessageArrives() throws Exception {
        start(config());
        CompletableFuture<HttpResponse<String>> waiting = pollAsync(VHBK, "after=0&waitMs=30000");
        awaitParked(1);
        assertFalse(waiting.isDone(), "nothing to deliver yet: the poll waits");

        assertSettled(post(TestMessages.payment("PRBK-LP-1", "5.00")));
        HttpResponse<String> answered = waiting.get();
        assertEquals(200, answered.statusCode(), answered.body());
        JsonNode messages = JSON.readTree(answered.body()).get("messages");
        assertEquals(1, messages.size());
        assertTrue(new String(xml(messages.get(0)), StandardCharsets.UTF_8).contains("PRBK-LP-1"));
        assertEquals(0, gateway.sequencer().mailboxes().parkedPolls());
    }

    @Test
    void longPollWithNothingToDeliverAnswersEmptyWhenItsWaitRunsOut() throws Exception {
        start(config());
        JsonNode box = mailbox(LTBK, "after=0&waitMs=20");
        assertEquals(0, box.get("messages").size());
        assertEquals(0, box.get("nextAfter").asLong());
        assertEquals(0, gateway.sequencer().mailboxes().parkedPolls());
    }

    @Test
    void aRelayedPaymentIsKeptAsAReferenceToItsJournalEntryNotASecondCopy() throws Exception {
        start(config());
        assertSettled(post(TestMessages.SAMPLE));
        gateway.close();
        gateway = null;

        // The bytes are written once, in the journal; the mailbox holds a 12-byte reference.
        byte[] body = "<GrpHdr>".getBytes(StandardCharsets.US_ASCII);
        assertTrue(
                JournalBytes.indexOf(JournalBytes.cycleFileBytes(dataDir.resolve("journal")), body) >= 0,
                "the journal holds the message");
        assertEquals(
                -1,
                JournalBytes.indexOf(JournalBytes.cycleFileBytes(dataDir.resolve("mailbox")), body),
                "the mailbox holds no copy");

        // Read back through the reference, after a restart, byte for byte what the sender sent.
        start(config());
        JsonNode message = mailbox(VHBK, "after=0&waitMs=0").get("messages").get(0);
        assertEquals("pacs.008.001.08", message.get("type").asText());
        assertArrayEquals(TestMessages.SAMPLE.getBytes(StandardCharsets.UTF_8), xml(message));
    }

    @Test
    void aRelayedPaymentWhoseJournaledBytesWereAlteredIsNotServedAndTheOnesBeforeItStillAre() throws Exception {
        start(config());
        assertSettled(post(TestMessages.SAMPLE));
        assertSettled(post(TestMessages.payment("PRBK-ALTERED-2", "5.55")));
        assertEquals(2, mailbox(VHBK, "after=0&waitMs=0").get("messages").size());

        // Alter one byte of the second journaled message in place (the file is mapped: the gateway sees it).
        JournalBytes.flipByteOf(dataDir, ">5.55<");

        // The first message still goes out; the poll stops before the one that no longer matches.
        JsonNode before = mailbox(VHBK, "after=0&waitMs=0");
        assertEquals(1, before.get("messages").size(), before.toString());
        assertEquals(1, before.get("nextAfter").asLong());
        assertEquals(2, before.get("lastSequence").asLong());
        assertArrayEquals(
                TestMessages.SAMPLE.getBytes(StandardCharsets.UTF_8),
                xml(before.get("messages").get(0)));
        // The message digest journaled with the bytes no longer matches: "retry later" naming the
        // message, never the altered bytes.
        HttpResponse<String> refused = poll(VHBK, "after=1&waitMs=0");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("mailbox read failed"), refused.body());
        assertTrue(refused.body().contains("mailbox message 2 of " + VHBK), refused.body());
        assertTrue(refused.body().contains("digest"), refused.body());
    }

    @Test
    void resumeAfterRestartGivesTheSameSequencesAndBytes() throws Exception {
        start(config());
        for (int i = 1; i <= 3; i++) {
            assertSettled(post(TestMessages.payment("PRBK-RS-" + i, i + ".00")));
        }
        String before = poll(VHBK, "after=0&waitMs=0").body();
        JsonNode page = mailbox(VHBK, "after=0&limit=2&waitMs=0");
        assertEquals(2, page.get("messages").size());
        assertEquals(2, page.get("nextAfter").asLong());

        restart(config());
        assertEquals(before, poll(VHBK, "after=0&waitMs=0").body(), "same sequences, inbound sequences and bytes");
        JsonNode rest = mailbox(VHBK, "after=2&waitMs=0");
        assertEquals(1, rest.get("messages").size());
        assertEquals(3, rest.get("messages").get(0).get("sequence").asLong());
        assertTrue(new String(xml(rest.get("messages").get(0)), StandardCharsets.UTF_8).contains("PRBK-RS-3"));

        assertSettled(post(TestMessages.payment("PRBK-RS-4", "4.00")));
        assertEquals(
                4,
                mailbox(VHBK, "after=3&waitMs=0")
                        .get("messages")
                        .get(0)
                        .get("sequence")
                        .asLong());
        assertTrue(Files.isDirectory(dataDir.resolve("mailbox")), "the mailbox is its own queue");
    }

    @Test
    void crashBetweenJournalAndMailboxRecreatesTheMessageAtRestartExactlyOnce() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        MailboxWriteHook crash = (party, inboundSequence) -> {
            failures.incrementAndGet();
            throw new IllegalStateException("disk gone under the mailbox");
        };
        gateway = Gateway.start(config(), io.kapok.gateway.journal.JournalWriteHook.NONE, crash);
        long before = journalSequence();
        String payment = TestMessages.payment("PRBK-CRASH-1", "7.00");

        HttpResponse<String> lost = post(payment);
        assertEquals(503, lost.statusCode(), lost.body());
        assertTrue(lost.body().contains("mailbox unavailable"), lost.body());
        assertEquals(before + 1, journalSequence(), "journaled and applied before the mailbox write failed");
        HttpResponse<String> health = get("/v1/health");
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"mailbox\": \"failing: disk gone under the mailbox\""), health.body());
        // Nothing is acknowledged while the mailbox lacks a message: not a retry, not a new payment.
        assertEquals(503, post(payment).statusCode());
        assertEquals(503, post(TestMessages.payment("PRBK-CRASH-2", "8.00")).statusCode());
        assertEquals(before + 1, journalSequence());
        assertTrue(failures.get() > 1, "each batch end tries the messages left out again");
        assertEquals(0, mailbox(VHBK, "after=0&waitMs=0").get("lastSequence").asLong());

        restart(config());
        JsonNode box = mailbox(VHBK, "after=0&waitMs=0");
        assertEquals(1, box.get("lastSequence").asLong(), "re-created at restart");
        JsonNode message = box.get("messages").get(0);
        assertEquals(before + 1, message.get("inboundSequence").asLong());
        assertArrayEquals(payment.getBytes(StandardCharsets.UTF_8), xml(message));
        assertEquals(200, get("/v1/health").statusCode());

        // The retry gets the original answer and adds nothing; another restart re-creates nothing.
        HttpResponse<String> original = post(payment);
        assertSettled(original);
        Matcher created = Pattern.compile("<CreDtTm>([^<]+)</CreDtTm>").matcher(original.body());
        assertTrue(created.find());
        assertEquals(
                java.time.OffsetDateTime.parse(created.group(1)).toInstant().toEpochMilli(),
                message.get("createdTimeMs").asLong(),
                "the re-created message has the inbound entry's time, not the restart's");
        restart(config());
        assertEquals(box.toString(), mailbox(VHBK, "after=0&waitMs=0").toString(), "exactly once");
        assertSettled(post(TestMessages.payment("PRBK-CRASH-3", "9.00")));
        assertEquals(
                2,
                mailbox(VHBK, "after=1&waitMs=0")
                        .get("messages")
                        .get(0)
                        .get("sequence")
                        .asLong());
    }

    @Test
    void failedMailboxWriteIsRepairedWhileRunningExactlyOnce() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        MailboxWriteHook flaky = (party, inboundSequence) -> {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("no space left under the mailbox");
            }
        };
        gateway = Gateway.start(config(), io.kapok.gateway.journal.JournalWriteHook.NONE, flaky);
        long before = journalSequence();
        String payment = TestMessages.payment("PRBK-REPAIR-1", "7.00");

        HttpResponse<String> refused = post(payment);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("mailbox unavailable"), refused.body());
        assertEquals(before + 1, journalSequence(), "journaled and applied, not acknowledged");
        // Requests are refused until a batch end has written the messages left out; no restart.
        int refusedRetries = 0;
        HttpResponse<String> answer;
        while ((answer = post(payment)).statusCode() == 503) {
            assertTrue(++refusedRetries < 10, answer.body());
        }
        assertSettled(answer); // the original answer: the retry found the decided payment
        assertEquals(0, failuresLeft.get());
        assertEquals(before + 1, journalSequence(), "the retries added nothing to the journal");
        assertEquals(200, get("/v1/health").statusCode());

        // Every message of the entry is in the mailbox exactly once, numbered without a gap.
        JsonNode box = mailbox(VHBK, "after=0&waitMs=0");
        JsonNode messages = box.get("messages");
        assertEquals(box.get("lastSequence").asLong(), messages.size());
        int relays = 0;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            assertEquals(i + 1, message.get("sequence").asLong());
            assertEquals(before + 1, message.get("inboundSequence").asLong());
            if (message.get("type").asText().equals("pacs.008.001.08")) {
                relays++;
                assertArrayEquals(payment.getBytes(StandardCharsets.UTF_8), xml(message));
            }
        }
        assertEquals(1, relays, box.toString());

        // A restart has nothing to re-create, and numbering goes on after the repaired messages.
        restart(config());
        assertEquals(box.toString(), mailbox(VHBK, "after=0&waitMs=0").toString(), "exactly once");
        assertSettled(post(TestMessages.payment("PRBK-REPAIR-2", "8.00")));
        assertEquals(
                messages.size() + 1,
                mailbox(VHBK, "after=" + messages.size() + "&waitMs=0")
                        .get("messages")
                        .get(0)
                        .get("sequence")
                        .asLong());
    }

    @Test
    void recreatedMessageIsTheMessageALiveRunWrites() throws Exception {
        String payment = TestMessages.payment("PRBK-SAME-1", "3.00");
        gateway = Gateway.start(config(), io.kapok.gateway.journal.JournalWriteHook.NONE, (party, inbound) -> {
            throw new IllegalStateException("crash");
        });
        assertEquals(503, post(payment).statusCode());
        restart(config());
        JsonNode recreated = mailbox(VHBK, "after=0&waitMs=0").get("messages").get(0);

        Path liveDir = Files.createDirectory(dataDir.resolveSibling(dataDir.getFileName() + "-live"));
        try (Gateway live = Gateway.start(config().withDataDir(liveDir.toString()))) {
            Gateway crashed = gateway;
            gateway = live;
            try {
                assertSettled(post(payment));
                JsonNode written =
                        mailbox(VHBK, "after=0&waitMs=0").get("messages").get(0);
                assertEquals(written.get("sequence"), recreated.get("sequence"));
                assertEquals(written.get("type"), recreated.get("type"));
                assertEquals(written.get("inboundSequence"), recreated.get("inboundSequence"));
                assertArrayEquals(xml(written), xml(recreated));
            } finally {
                gateway = crashed;
            }
        }
    }

    @Test
    void fullMailboxRefusesWithStatusAndChangesNothing() throws Exception {
        start(config(2, 8, 1024));
        String first = TestMessages.payment("PRBK-FULL-1", "1.00");
        assertSettled(post(first));
        assertSettled(post(TestMessages.payment("PRBK-FULL-2", "2.00")));
        String hash = stateHash();

        HttpResponse<String> refused = post(TestMessages.payment("PRBK-FULL-3", "3.00"));
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("admi.002.001.01"), refused.body());
        assertTrue(
                refused.body().contains("recipient mailbox full: " + VHBK + " has 2 undelivered messages"),
                refused.body());
        assertEquals(hash, stateHash(), "nothing journaled, nothing applied");
        JsonNode health = JSON.readTree(get("/v1/health").body());
        assertEquals(2, health.at("/mailboxes/capacityPerParty").asInt(), health.toString());
        assertEquals(2, health.at("/mailboxes/undeliveredMax").asLong(), health.toString());
        assertEquals(VHBK, health.at("/mailboxes/fullestParty").asText(), health.toString());
        assertTrue(health.at("/mailboxes/full").asBoolean(), "the health says what refuses: " + health);
        assertEquals(2, mailbox(VHBK, "after=0&waitMs=0").get("lastSequence").asLong());

        // Other mailboxes have room, and a retry of what was taken still gets its answer.
        assertSettled(post(paymentToPearlRiver("VHBK-FULL-1")));
        assertSettled(post(first));

        // Delivery makes room: asking after 1 frees one place.
        mailbox(VHBK, "after=1&waitMs=0");
        assertSettled(post(TestMessages.payment("PRBK-FULL-3", "3.00")));
        assertEquals(503, post(TestMessages.payment("PRBK-FULL-4", "4.00")).statusCode());
        // A poll past the end delivers everything there is: what a client that never reads does now and then.
        mailbox(VHBK, "after=" + (Long.MAX_VALUE / 2) + "&waitMs=0");
        assertEquals(0, gateway.sequencer().mailboxes().party(VHBK).undelivered());
        health = JSON.readTree(get("/v1/health").body());
        assertFalse(health.at("/mailboxes/full").asBoolean(), health.toString());
        assertSettled(post(TestMessages.payment("PRBK-FULL-4", "4.00")));
    }

    @Test
    void deliveryMarksSurviveARestart() throws Exception {
        start(config(2, 8, 1024));
        assertSettled(post(TestMessages.payment("PRBK-MARK-1", "1.00")));
        assertSettled(post(TestMessages.payment("PRBK-MARK-2", "2.00")));
        mailbox(VHBK, "after=2&waitMs=0");
        // The mark is recorded with the next batch of the sequencer.
        get("/v1/ledger/hash");
        restart(config(2, 8, 1024));
        assertSettled(post(TestMessages.payment("PRBK-MARK-3", "3.00")));
        assertSettled(post(TestMessages.payment("PRBK-MARK-4", "4.00")));
        assertEquals(503, post(TestMessages.payment("PRBK-MARK-5", "5.00")).statusCode());
    }

    @Test
    void concurrentPollersEachGetEveryMessageOfTheirPartyInOrder() throws Exception {
        start(config());
        int toVictoria = 24;
        int toPearlRiver = 12;
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<List<String>>> pollers = new ArrayList<>();
            pollers.add(pool.submit(() -> drain(VHBK, toVictoria)));
            pollers.add(pool.submit(() -> drain(VHBK, toVictoria)));
            pollers.add(pool.submit(() -> drain(PRBK, toPearlRiver)));
            Future<?> a = pool.submit(() -> {
                for (int i = 0; i < toVictoria; i++) {
                    assertSettled(post(TestMessages.payment("PRBK-CC-" + i, "1.00")));
                }
                return null;
            });
            Future<?> b = pool.submit(() -> {
                for (int i = 0; i < toPearlRiver; i++) {
                    assertSettled(post(paymentToPearlRiver("VHBK-CC-" + i)));
                }
                return null;
            });
            a.get();
            b.get();
            Set<String> expectedVictoria = new HashSet<>();
            for (int i = 0; i < toVictoria; i++) {
                expectedVictoria.add("PRBK-CC-" + i);
            }
            Set<String> expectedPearl = new HashSet<>();
            for (int i = 0; i < toPearlRiver; i++) {
                expectedPearl.add("VHBK-CC-" + i);
            }
            List<String> first = pollers.get(0).get();
            assertEquals(expectedVictoria, new HashSet<>(first));
            assertEquals(first, pollers.get(1).get(), "both pollers see one order");
            assertEquals(expectedPearl, new HashSet<>(pollers.get(2).get()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls {@code party}'s mailbox until {@code count} messages came, checking the sequences run 1, 2, 3... */
    private List<String> drain(String party, int count) throws Exception {
        List<String> msgIds = new ArrayList<>();
        long after = 0;
        Pattern msgId = Pattern.compile("<MsgId>([^<]+)</MsgId>");
        while (msgIds.size() < count) {
            JsonNode box = mailbox(party, "after=" + after + "&limit=5&waitMs=20000");
            for (JsonNode message : box.get("messages")) {
                assertEquals(after + 1, message.get("sequence").asLong(), "in order, no gap");
                after++;
                Matcher m = msgId.matcher(new String(xml(message), StandardCharsets.UTF_8));
                assertTrue(m.find());
                msgIds.add(m.group(1));
            }
            assertEquals(after, box.get("nextAfter").asLong());
        }
        return msgIds;
    }

    @Test
    void pollsOutsideTheLimitsGetClearRejects() throws Exception {
        start(config(1_000_000, 1, 2));
        assertEquals(400, poll(null, "after=0").statusCode());
        assertTrue(poll(null, "after=0").body().contains("X-Kapok-Party"));
        HttpResponse<String> unknown = poll("NOBKCNGZXXX", "after=0&waitMs=0");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown party"), unknown.body());
        for (String bad : List.of("after=-1", "after=x", "limit=0", "limit=257", "waitMs=60001", "after=1&after=2")) {
            HttpResponse<String> r = poll(VHBK, bad);
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("query parameter '" + bad.substring(0, bad.indexOf('=')) + "'"), r.body());
        }
        // Several bad parameters, two requests pipelined: one answer each, naming the first bad
        // parameter, and the connection keeps serving.
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            String request = "GET /v1/mailbox?after=x&limit=0&waitMs=-5 HTTP/1.1\r\nHost: localhost\r\nX-Kapok-Party: "
                    + VHBK + "\r\n\r\n";
            socket.getOutputStream().write((request + request).getBytes(StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder answers = new StringBuilder();
            while (count(answers.toString(), "HTTP/1.1 400") < 2 || count(answers.toString(), "}\n") < 2) {
                int b = in.read();
                assertTrue(b >= 0, "connection closed after: " + answers);
                answers.append((char) b);
            }
            assertEquals(2, count(answers.toString(), "query parameter 'after'"), answers.toString());
            assertEquals(0, count(answers.toString(), "query parameter 'limit'"), answers.toString());
        }
        assertEquals(
                405,
                http.send(
                                HttpRequest.newBuilder(uri("/v1/mailbox"))
                                        .header("X-Kapok-Party", VHBK)
                                        .POST(HttpRequest.BodyPublishers.ofString(""))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());

        // limit: at most that many, the rest on the next poll.
        for (int i = 0; i < 3; i++) {
            assertSettled(post(TestMessages.payment("PRBK-LIM-" + i, "1.00")));
        }
        assertEquals(
                2, mailbox(VHBK, "after=0&limit=2&waitMs=0").get("messages").size());
        assertEquals(
                3, mailbox(VHBK, "after=0&limit=256&waitMs=0").get("messages").size());

        // Parked polls: one per party here, two in all.
        CompletableFuture<HttpResponse<String>> lotus = pollAsync(LTBK, "after=0&waitMs=30000");
        awaitParked(1);
        HttpResponse<String> second = poll(LTBK, "after=0&waitMs=30000");
        assertEquals(429, second.statusCode(), second.body());
        assertTrue(second.body().contains("mailbox.parkedPollsPerPartyMax 1"), second.body());
        CompletableFuture<HttpResponse<String>> pearl = pollAsync(PRBK, "after=0&waitMs=30000");
        awaitParked(2);
        HttpResponse<String> third = poll("91440101MA9KAPK001", "after=0&waitMs=30000");
        assertEquals(429, third.statusCode(), third.body());
        assertTrue(third.body().contains("mailbox.parkedPollsMax 2"), third.body());
        assertFalse(lotus.isDone());
        assertFalse(pearl.isDone());

        // The Victoria Harbour Bank mailbox is not empty: that poll answers at once and parks nothing.
        assertEquals(3, mailbox(VHBK, "after=0&waitMs=30000").get("messages").size());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void closedConnectionGivesItsParkedPollUp() throws Exception {
        start(config(1_000_000, 1, 1024));
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/mailbox?after=0&waitMs=30000 HTTP/1.1\r\nHost: localhost\r\nX-Kapok-Party: " + LTBK
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitParked(1);
        }
        awaitParked(0);
        // Its place is free again.
        CompletableFuture<HttpResponse<String>> next = pollAsync(LTBK, "after=0&waitMs=30000");
        awaitParked(1);
        assertFalse(next.isDone());
    }
}
