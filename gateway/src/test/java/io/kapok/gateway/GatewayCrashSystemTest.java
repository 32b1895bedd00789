package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * The gateway as its own process, killed with SIGKILL while payments are in flight: after a
 * restart on the same data directory, every acknowledged payment is in the ledger, the state hash
 * is what it was, and retries of what got no answer take effect at most once.
 */
@Tag("slow")
@Timeout(120)
class GatewayCrashSystemTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dataDir;

    private Process child;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void killChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    private int startChild() throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(JvmFlags.kapokCommand("run", "--port", "0", "--data", dataDir.toString()));
        builder.redirectErrorStream(true);
        child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "child-output");
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new AssertionError("the gateway did not start:\n" + seen);
    }

    private String get(int port, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private CompletableFuture<HttpResponse<String>> post(int port, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long balance(String json, String currency) {
        Matcher m = Pattern.compile("\"currency\": \"" + currency + "\", \"balanceMinor\": (\\d+)")
                .matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    /** Reads Victoria Harbour Bank's whole mailbox: "|msgId|msgId|...|", checking 1..expected in order. */
    private String mailboxMsgIds(int port, int expected) throws Exception {
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
        assertEquals(expected, after, "one relayed payment per settled payment");
        return msgIds.toString();
    }

    @Test
    void sigkillMidLoadLosesNothingAcknowledgedAndRetriesPostOnce() throws Exception {
        int port = startChild();
        int count = 400;
        int senders = 4;
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(TestMessages.payment("PRBK-K-" + i, "1.00"));
        }
        AtomicInteger acknowledged = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < senders; t++) {
            int first = t;
            int childPort = port;
            Thread sender = new Thread(
                    () -> {
                        // Each sender posts its share one after another on its own connection, until the
                        // gateway dies under it.
                        for (int i = first; i < count; i += senders) {
                            try {
                                if (post(childPort, messages.get(i))
                                        .get()
                                        .body()
                                        .contains("<TxSts>ACSC</TxSts>")) {
                                    acknowledged.incrementAndGet();
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
        long killAfter = 40 + new java.util.Random().nextInt(80);
        System.out.println("crash test: SIGKILL after " + killAfter + " acknowledgements");
        while (acknowledged.get() < killAfter && threads.stream().anyMatch(Thread::isAlive)) {
            Thread.onSpinWait();
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        for (Thread sender : threads) {
            sender.join(30_000);
        }
        int acknowledgedBeforeKill = acknowledged.get();
        assertTrue(acknowledgedBeforeKill < count, "the kill came mid-load");

        port = startChild();
        long afterCrash = balance(get(port, "/v1/ledger/accounts/PRBKCNGZXXX"), "CNY");
        System.out.println("crash test: " + acknowledgedBeforeKill + " of " + count + " acknowledged before SIGKILL, "
                + (5_000_000_000L - afterCrash) / 100 + " in the ledger after restart");
        assertTrue(
                5_000_000_000L - afterCrash >= acknowledgedBeforeKill * 100L,
                "every acknowledged payment survives: " + acknowledgedBeforeKill + " acknowledged, "
                        + (5_000_000_000L - afterCrash) / 100 + " in the ledger");

        // Every sender retries everything: each payment takes effect exactly once.
        for (String message : messages) {
            String body = post(port, message).get().body();
            assertTrue(body.contains("<TxSts>ACSC</TxSts>"), body);
        }
        long settled = balance(get(port, "/v1/ledger/accounts/PRBKCNGZXXX"), "CNY");
        assertEquals(5_000_000_000L - count * 100L, settled);
        // Every settled payment reached Victoria Harbour Bank's mailbox exactly once, numbered
        // 1..count without a gap, whatever the kill cut between the journal and the mailbox.
        String relayed = mailboxMsgIds(port, count);
        for (int i = 0; i < count; i++) {
            assertTrue(relayed.contains("|PRBK-K-" + i + "|"), "PRBK-K-" + i + " relayed");
        }

        String hash = get(port, "/v1/ledger/hash");
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        port = startChild();
        assertEquals(hash, get(port, "/v1/ledger/hash"), "state hash survives SIGKILL and replay");
        assertEquals(settled, balance(get(port, "/v1/ledger/accounts/PRBKCNGZXXX"), "CNY"));
    }
}
