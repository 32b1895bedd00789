package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.KapokProcess.Run;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as its own process, killed with SIGKILL at {@value #KILLS} random moments while
 * several connections post payments (the seed is printed; {@code -Dkapok.crash.seed=N} repeats a
 * run). After each restart on the same data directory (from a snapshot and the journal's tail, or
 * the whole journal), every payment answered before the kill gets its original answer back byte for
 * byte, which the gateway can only give from the journaled entry; unanswered payments are posted
 * again with the next round's load. At the end every payment has taken effect exactly once, and the
 * state hash equals that of {@code ./kapok journal verify}, a clean replay of the journal in another
 * process.
 */
@Tag("slow")
@Timeout(360) // ten child JVM starts and recoveries; generous for a loaded 2-core machine
class GatewayCrashSystemTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern STATE_HASH =
            Pattern.compile("\"sequence\": (\\d+), \"stateHash\": \"([0-9a-f]{64})\"");
    private static final int KILLS = 10;
    private static final int PAYMENTS_PER_ROUND = 250;
    private static final int CONNECTIONS = 4;
    private static final long OPENING_CNY_MINOR = 5_000_000_000L;

    @TempDir
    Path dataDir;

    private Process child;

    @AfterEach
    void killChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * A configuration with frequent snapshots, so that restarts recover from snapshot and tail, and
     * without the FX feed and end-of-day statements, so that the journal grows only with the
     * payments the test counts.
     */
    private Path config() throws Exception {
        Path root = Path.of(System.getProperty("kapok.root", ".."));
        String yaml = Files.readString(root.resolve("config").resolve("kapok.yaml"));
        String frequent = yaml.replaceFirst("(?m)^(\\s+everyEntries: )\\d+", "$1250");
        assertTrue(!frequent.equals(yaml), "config/kapok.yaml names journal.snapshot.everyEntries");
        String withoutFx = frequent.replaceFirst("(?m)^(fx:.*\\R  enabled: )true", "$1false");
        assertTrue(!withoutFx.equals(frequent), "config/kapok.yaml turns the FX feed on with fx.enabled");
        frequent = withoutFx;
        // No end-of-day statements either: a run across midnight UTC would add a close of day and
        // a camt.053 to the mailboxes the test counts.
        String withoutStatements = frequent.replaceFirst("(?m)^(\\s+endOfDayStatements: )true", "$1false");
        assertTrue(
                !withoutStatements.equals(frequent),
                "config/kapok.yaml turns end-of-day statements on with notifications.endOfDayStatements");
        frequent = withoutStatements;
        Path file = dataDir.resolve("crash-test-kapok.yaml");
        Files.writeString(file, frequent);
        return file;
    }

    private int startChild(Path config) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JvmFlags.kapokCommand(
                "run", "--config", config.toString(), "--port", "0", "--data", dataDir.toString()));
        builder.redirectErrorStream(true);
        child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                System.out.println("crash test: " + line);
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "child-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the gateway did not start:\n" + seen);
    }

    private void kill() throws InterruptedException {
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    private static String get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpResponse<String> post(HttpClient http, int port, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long cnyBalance(String json) {
        Matcher m = Pattern.compile("\"currency\": \"CNY\", \"balanceMinor\": (\\d+)")
                .matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    /** Reads Victoria Harbour Bank's whole mailbox: "|msgId|msgId|...|", checking 1..expected in order. */
    private static String mailboxMsgIds(HttpClient http, int port, int expected) throws Exception {
        StringBuilder msgIds = new StringBuilder("|");
        Pattern sequence = Pattern.compile("\"sequence\": (\\d+), [^}]*\"xmlBase64\": \"([^\"]+)\"");
        Pattern msgId = Pattern.compile("<MsgId>([^<]+)</MsgId>");
        long after = 0;
        while (true) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/mailbox?after=" + after
                                            + "&limit=256&waitMs=0"))
                                    .header("X-Kapok-Party", "VHBKHKHHXXX")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = sequence.matcher(body);
            boolean any = false;
            while (m.find()) {
                any = true;
                assertEquals(after + 1, Long.parseLong(m.group(1)), "in order, no gap");
                after++;
                Matcher id = msgId.matcher(
                        new String(java.util.Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
                assertTrue(id.find());
                msgIds.append(id.group(1)).append('|');
            }
            if (!any) {
                break;
            }
        }
        assertEquals(expected, after, "two messages per settled payment");
        return msgIds.toString();
    }

    private static Matcher stateHash(String json) {
        Matcher m = STATE_HASH.matcher(json);
        assertTrue(m.find(), json);
        return m;
    }

    /**
     * Posts {@code messages} over {@value #CONNECTIONS} connections, each its share one after
     * another, until all are answered or the gateway dies; records every 200 answer.
     */
    private static List<Thread> drive(
            int port, List<String> messages, Map<String, String> answered, AtomicInteger acks) {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CONNECTIONS; t++) {
            int first = t;
            Thread sender = new Thread(
                    () -> {
                        HttpClient http = client();
                        for (int i = first; i < messages.size(); i += CONNECTIONS) {
                            try {
                                HttpResponse<String> answer = post(http, port, messages.get(i));
                                if (answer.statusCode() == 200) {
                                    answered.put(messages.get(i), answer.body());
                                    acks.incrementAndGet();
                                }
                            } catch (Exception noAnswer) {
                                return;
                            }
                        }
                    },
                    "sender-" + t);
            sender.start();
            threads.add(sender);
        }
        return threads;
    }

    /**
     * Everything answered before the last kill is in the journal: its retry gets the very answer that
     * was given, which the gateway rebuilds from the journaled entry (its id is the entry's sequence).
     */
    private static void assertAnsweredAsBefore(int port, Map<String, String> answered, String when)
            throws InterruptedException {
        Map<String, String> again = new ConcurrentHashMap<>();
        for (Thread sender : drive(port, new ArrayList<>(answered.keySet()), again, new AtomicInteger())) {
            sender.join(60_000);
        }
        assertEquals(answered, again, when);
    }

    @Test
    void sigkillAtRandomMomentsLosesNothingAcknowledgedAndRetriesPostOnce() throws Exception {
        long seed = Long.getLong("kapok.crash.seed", new Random().nextLong());
        System.out.println("crash test: seed " + seed + " (repeat with -Dkapok.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        Path config = config();
        HttpClient http = client();

        List<String> all = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long totalMinor = 0;
        Map<String, String> answered = new ConcurrentHashMap<>();
        List<String> unanswered = new ArrayList<>();
        for (int round = 0; round < KILLS; round++) {
            int port = startChild(config);
            assertAnsweredAsBefore(port, answered, "round " + round);

            List<String> load = new ArrayList<>(unanswered);
            for (int i = 0; i < PAYMENTS_PER_ROUND; i++) {
                int amountUnits = 1 + random.nextInt(97);
                totalMinor += amountUnits * 100L;
                String id = "PRBK-K" + round + "-" + i;
                ids.add(id);
                String message = TestMessages.payment(id, amountUnits + ".00");
                all.add(message);
                load.add(message);
            }
            Map<String, String> thisRound = new ConcurrentHashMap<>();
            AtomicInteger acks = new AtomicInteger();
            int killAfter = random.nextInt(load.size());
            List<Thread> senders = drive(port, load, thisRound, acks);
            while (acks.get() < killAfter && senders.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(1);
            }
            kill();
            for (Thread sender : senders) {
                sender.join(30_000);
            }
            System.out.println("crash test: round " + round + ": SIGKILL after " + acks.get() + " of " + load.size()
                    + " answered");
            answered.clear();
            answered.putAll(thisRound);
            unanswered = new ArrayList<>(load);
            unanswered.removeAll(thisRound.keySet());
        }

        int port = startChild(config);
        assertAnsweredAsBefore(port, answered, "after the last kill");
        // Every payment, answered or not, posted once more: each takes effect exactly once.
        Map<String, String> finalAnswers = new ConcurrentHashMap<>();
        for (Thread sender : drive(port, all, finalAnswers, new AtomicInteger())) {
            sender.join(120_000);
        }
        assertEquals(all.size(), finalAnswers.size(), "every payment answered");
        for (String body : finalAnswers.values()) {
            assertTrue(body.contains("<TxSts>ACSC</TxSts>"), body);
        }
        assertEquals(OPENING_CNY_MINOR - totalMinor, cnyBalance(get(http, port, "/v1/ledger/accounts/PRBKCNGZXXX")));
        // Every settled payment reached Victoria Harbour Bank's mailbox exactly once, numbered
        // 1..n without a gap, wherever the kills cut between the journal and the mailbox.
        // Each settled payment gives it two messages: the relayed pacs.008 and a camt.054 credit.
        String relayed = mailboxMsgIds(http, port, 2 * ids.size());
        for (String id : ids) {
            assertTrue(relayed.contains("|" + id + "|"), id + " relayed");
        }
        assertEquals(ids.size(), relayed.split("\\|KPKN", -1).length - 1, "one camt.054 per settled payment");
        Matcher hash = stateHash(get(http, port, "/v1/ledger/hash"));
        kill();

        Run verify = KapokProcess.run("journal", "verify", "--data", dataDir.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("last sequence:   " + hash.group(1)), verify.out());
        assertTrue(verify.out().contains("state hash:      " + hash.group(2)), verify.out());

        port = startChild(config);
        assertEquals(
                hash.group(0), stateHash(get(http, port, "/v1/ledger/hash")).group(0), "after the last restart");
    }
}
