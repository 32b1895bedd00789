package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.KapokProcess.Run;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalAuditor;
import io.kapok.gateway.journal.JournalCorruptException;
import io.kapok.gateway.journal.JournalWriteHook;
import io.kapok.ledger.payment.TransferCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's hash chain on real Chronicle Queue files: a normal run verifies, {@code ./kapok
 * journal verify} (a child JVM, as the launcher runs it) prints the state hash the gateway reported,
 * one flipped byte is caught by verify and by start-up, and a failing append answers "retry later"
 * without touching the ledger, then recovers.
 */
@Timeout(120)
class JournalChainSystemTest {
    private static final Pattern STATE_HASH =
            Pattern.compile("\"sequence\": (\\d+), \"stateHash\": \"([0-9a-f]{64})\"");

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
        return TestConfigs.defaults(dataDir);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri("/v1/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private Matcher stateHash() throws Exception {
        Matcher m = STATE_HASH.matcher(get("/v1/ledger/hash").body());
        assertTrue(m.find());
        return m;
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static Run kapok(String... args) throws Exception {
        return KapokProcess.run(args);
    }

    private void flipByteOf(String marker) throws IOException {
        JournalBytes.flipByteOf(dataDir, marker);
    }

    @Test
    void verifyAfterANormalRunPrintsTheStateHashTheGatewayReported() throws Exception {
        gateway = Gateway.start(config());
        assertEquals("ACSC", element(post(TestMessages.SAMPLE).body(), "TxSts"));
        post(TestMessages.payment("PRBK-CHAIN-2", "10.01"));
        post(TestMessages.payment("PRBK-CHAIN-3", "99999999.00")); // AM04: journaled too
        Matcher hash = stateHash();
        gateway.close();
        gateway = null;

        Run verify = kapok("journal", "verify", "--data", dataDir.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("last sequence:   " + hash.group(1)), verify.out());
        assertTrue(verify.out().contains("state hash:      " + hash.group(2)), verify.out());
        assertTrue(verify.out().contains("entries checked: " + hash.group(1)), verify.out());

        Run tail = kapok("journal", "tail", "--data", dataDir.toString(), "--count", "2");
        assertEquals(0, tail.exitCode(), tail.err());
        List<String> lines = tail.out().lines().toList();
        assertEquals(2, lines.size(), tail.out());
        assertTrue(lines.get(0).contains("messageId=PRBK-CHAIN-2"), lines.get(0));
        assertTrue(
                lines.get(1)
                        .contains(
                                "debitPartyId=PRBKCNGZXXX creditPartyId=VHBKHKHHXXX currency=CNY amount=CNY 99999999.00"),
                lines.get(1));
        assertTrue(lines.get(1).contains(" sm3 msg="), lines.get(1));

        // A restart verifies the same chain and continues it.
        gateway = Gateway.start(config());
        assertEquals(hash.group(2), stateHash().group(2));
    }

    @Test
    void sha256JournalVerifiesAndNamesItsAlgorithm() throws Exception {
        gateway = Gateway.start(config().withJournalDigest("sha256"));
        post(TestMessages.SAMPLE);
        Matcher hash = stateHash();
        gateway.close();
        gateway = null;
        Run verify = kapok("journal", "verify", "--data", dataDir.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains(hash.group(2)), verify.out());
        Run dump = kapok("journal", "dump", "--data", dataDir.toString(), "--from", "1", "--limit", "1");
        assertTrue(
                dump.out()
                                .contains("CONFIGURE_LEDGER     paymentRetentionDays=30 paymentCapacity=4194304"
                                        + " messageCapacity=1048576 messageOutcomeCapacity=4194304")
                        && dump.out().contains(" sha256 msg="),
                "entry 1 is the ledger's settings: " + dump.out());
    }

    @Test
    void verifyRefusesInOneLineWhileAGatewayHoldsTheDirectory() throws Exception {
        gateway = Gateway.start(config());
        Run verify = kapok("journal", "verify", "--data", dataDir.toString());
        assertEquals(1, verify.exitCode());
        assertEquals(1, verify.err().lines().count(), verify.err());
        assertTrue(verify.err().contains("in use by a running gateway"), verify.err());
        Run tail = kapok("journal", "tail", "--data", dataDir.toString(), "--count", "1");
        assertEquals(0, tail.exitCode(), "tail reads beside a running gateway: " + tail.err());
    }

    @Test
    void flippedMessageByteIsCaughtByVerifyAndByTheAuditAfterStartUp() throws Exception {
        gateway = Gateway.start(config());
        post(TestMessages.payment("PRBK-FLIP-1", "1.00"));
        String target = "PRBK-FLIP-2";
        post(TestMessages.payment(target, "2.00"));
        long targetSequence = Long.parseLong(stateHash().group(1));
        post(TestMessages.payment("PRBK-FLIP-3", "3.00"));
        gateway.close();
        gateway = null;

        flipByteOf("<MsgId>" + target + "</MsgId>"); // inside the original message bytes only

        Run verify = kapok("journal", "verify", "--data", dataDir.toString());
        assertEquals(1, verify.exitCode(), verify.out());
        assertEquals(1, verify.err().lines().count(), verify.err());
        assertTrue(verify.err().contains("journal entry " + targetSequence + ": "), verify.err());
        assertTrue(verify.err().contains("message bytes do not match"), verify.err());

        // Start-up checks the entry hashes and the chain (the ledger state is intact) and leaves the
        // message bytes to the background audit, which names the entry.
        gateway = Gateway.start(config());
        JournalAuditor audit = gateway.sequencer().audit();
        assertTrue(audit.await(60_000), "the audit finishes");
        assertEquals(JournalAuditor.State.CORRUPT, audit.state());
        assertTrue(audit.problem().contains("journal entry " + targetSequence + ": "), audit.problem());
        assertTrue(audit.problem().contains("message bytes do not match"), audit.problem());
    }

    @Test
    void flippedCommandByteBreaksTheEntryHash() throws Exception {
        gateway = Gateway.start(config());
        post(TestMessages.payment("PRBK-CMD-1", "1.00"));
        long sequence = Long.parseLong(stateHash().group(1));
        gateway.close();
        gateway = null;

        flipByteOf("PRBK-CMD-1"); // the first occurrence is the journaled command's messageId

        Run verify = kapok("journal", "verify", "--data", dataDir.toString());
        assertEquals(1, verify.exitCode(), verify.out());
        assertTrue(verify.err().contains("journal entry " + sequence + ": "), verify.err());
        assertTrue(verify.err().contains("entry hash"), verify.err());

        JournalCorruptException refused = assertThrows(JournalCorruptException.class, () -> Gateway.start(config()));
        assertEquals(sequence, refused.sequence(), refused.getMessage());
        Run run = kapok("run", "--port", "0", "--data", dataDir.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("journal entry " + sequence), run.err());
    }

    @Test
    void failingAppendAnswers503RetryLaterChangesNothingAndRecovers() throws Exception {
        failingAppend(sequence -> {
            throw new IllegalStateException("No space left on device (injected at sequence " + sequence + ")");
        });
    }

    /**
     * A write into a page of the sparse journal file that a full disk cannot back raises SIGBUS,
     * which the JVM turns into an InternalError in the sequencer: the same 503 and recovery, not a
     * dead sequencer.
     */
    @Test
    void aFaultWritingTheMappedJournalAnswers503AndRecovers() throws Exception {
        failingAppend(sequence -> {
            throw new InternalError("a fault occurred in a recent unsafe memory access operation in compiled"
                    + " Java code (No space left on device, injected at sequence " + sequence + ")");
        });
    }

    private void failingAppend(java.util.function.LongConsumer failure) throws Exception {
        AtomicBoolean diskFails = new AtomicBoolean();
        JournalWriteHook hook = sequence -> {
            if (diskFails.get()) {
                failure.accept(sequence);
            }
        };
        gateway = Gateway.start(config(), hook);
        assertEquals(
                "ACSC",
                element(post(TestMessages.payment("PRBK-DISK-1", "1.00")).body(), "TxSts"));
        String before = get("/v1/ledger/hash").body();
        String balances = get("/v1/ledger/accounts/PRBKCNGZXXX").body();

        diskFails.set(true);
        String payment = TestMessages.payment("PRBK-DISK-2", "2.00");
        HttpResponse<String> refused = post(payment);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("urn:iso:std:iso:20022:tech:xsd:admi.002.001.01"), refused.body());
        assertTrue(refused.body().contains("retry later"), refused.body());
        HttpResponse<String> health = get("/v1/health");
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"status\": \"DEGRADED\""), health.body());
        assertTrue(health.body().contains("No space left on device"), health.body());
        assertEquals(before, get("/v1/ledger/hash").body());
        assertEquals(balances, get("/v1/ledger/accounts/PRBKCNGZXXX").body());

        diskFails.set(false);
        HttpResponse<String> retried = post(payment);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals("ACSC", element(retried.body(), "TxSts"));
        assertTrue(get("/v1/health").body().contains("\"status\": \"UP\""));
        Matcher after = stateHash();
        assertNotEquals(before, get("/v1/ledger/hash").body());
        gateway.close();
        gateway = null;

        // The rolled-back document left no trace in the chain.
        Run verify = kapok("journal", "verify", "--data", dataDir.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("state hash:      " + after.group(2)), verify.out());
    }

    @Test
    void intermittentJournalFailuresNeverLeaveAnAcknowledgedPaymentOutOfTheJournal() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        AtomicBoolean diskFlaky = new AtomicBoolean();
        JournalWriteHook hook = sequence -> {
            if (diskFlaky.get() && writes.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("No space left on device (injected at sequence " + sequence + ")");
            }
        };
        gateway = Gateway.start(config(), hook);
        diskFlaky.set(true); // every third write from now on fails
        int senders = 4;
        int perSender = 30;
        Map<String, Integer> statusByMessageId = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < senders; t++) {
            int sender = t;
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                for (int i = 0; i < perSender; i++) {
                    String msgId = "PRBK-FLAKY-" + sender + "-" + i;
                    try {
                        HttpResponse<String> answer = client.send(
                                HttpRequest.newBuilder(uri("/v1/messages"))
                                        .POST(HttpRequest.BodyPublishers.ofString(TestMessages.payment(msgId, "1.00")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        statusByMessageId.put(msgId, answer.statusCode());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        diskFlaky.set(false);
        assertEquals(senders * perSender, statusByMessageId.size());
        assertTrue(
                statusByMessageId.containsValue(200) && statusByMessageId.containsValue(503),
                statusByMessageId.toString());
        assertTrue(
                statusByMessageId.values().stream().allMatch(s -> s == 200 || s == 503), statusByMessageId.toString());
        assertEquals(200, post(TestMessages.payment("PRBK-FLAKY-AFTER", "1.00")).statusCode());
        assertTrue(get("/v1/health").body().contains("\"status\": \"UP\""));
        gateway.close();
        gateway = null;

        Set<String> journaled = new HashSet<>();
        try (Journal journal = Journal.openReadOnly(dataDir)) {
            journal.replay(d -> {
                if (d.command instanceof TransferCommand transfer) {
                    journaled.add(transfer.messageId);
                }
            });
        }
        statusByMessageId.forEach((msgId, status) -> assertEquals(
                status == 200,
                journaled.contains(msgId),
                msgId + " answered " + status + (journaled.contains(msgId) ? " is" : " is not") + " in the journal"));
    }
}
