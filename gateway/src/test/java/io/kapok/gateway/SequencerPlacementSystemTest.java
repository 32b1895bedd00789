package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lmax.disruptor.RingBuffer;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.gateway.journal.JournalWriteHook;
import io.kapok.gateway.sequencer.InboundEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sequencer where {@code sequencer.runsOn} puts it — on whichever event loop published, on the
 * first event loop, or on a thread of its own — with one event loop and with two (then Netty assigns
 * every other connection to the second loop): the journal is written on the sequencer's thread only
 * (with {@code any-event-loop}, on event loops only, one at a time); payments from several
 * connections at once are each journaled once and answered, a retry gets the same bytes, and a
 * restart with another placement recovers the same ledger; messages published from other threads,
 * each followed by silence, are all decided.
 */
@Timeout(180)
class SequencerPlacementSystemTest extends LoopbackGatewayTest {
    private static final int CONNECTIONS = 6;
    private static final int PAYMENTS_PER_CONNECTION = 40;

    private GatewayConfig config(String runsOn, int eventLoops) {
        return TestConfigs.defaults(dataDir).withSequencerOn(runsOn).withEventLoopThreads(eventLoops);
    }

    /** Names of the threads the journal was written on (genesis included). */
    private final Set<String> journalWriters = ConcurrentHashMap.newKeySet();

    private Gateway startRecordingWriters(String runsOn, int eventLoops) throws Exception {
        JournalWriteHook recordWriter =
                sequence -> journalWriters.add(Thread.currentThread().getName());
        return Gateway.start(config(runsOn, eventLoops), recordWriter);
    }

    private void assertJournalWrittenOnlyBy(String runsOn) {
        if (runsOn.equals(GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP)) {
            assertTrue(
                    journalWriters.stream().allMatch(name -> name.startsWith("kapok-io")),
                    "event loops only: " + journalWriters);
        } else if (runsOn.equals(GatewayConfig.Sequencer.ON_EVENT_LOOP)) {
            assertEquals(1, journalWriters.size(), "one thread writes the journal: " + journalWriters);
            assertTrue(journalWriters.iterator().next().startsWith("kapok-io"), "an event loop: " + journalWriters);
        } else {
            assertEquals(Set.of("kapok-sequencer"), journalWriters);
        }
    }

    @ParameterizedTest(name = "sequencer on {0}, {1} event loop(s)")
    @CsvSource({
        "any-event-loop, 1",
        "any-event-loop, 2",
        "event-loop, 1",
        "event-loop, 2",
        "own-thread, 1",
        "own-thread, 2"
    })
    void paymentsFromManyConnectionsAreJournaledOnceAnsweredAndRecoveredByTheOtherPlacement(
            String runsOn, int eventLoops) throws Exception {
        gateway = startRecordingWriters(runsOn, eventLoops);
        long genesis = gateway.sequencer().lastSequence();

        ExecutorService senders = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<FirstPayment>> firstAnswers = new ArrayList<>();
        try {
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                firstAnswers.add(senders.submit(() -> sendAll(connection)));
            }
            for (Future<FirstPayment> f : firstAnswers) {
                f.get();
            }
        } finally {
            senders.shutdownNow();
        }
        assertEquals(
                genesis + CONNECTIONS * PAYMENTS_PER_CONNECTION,
                gateway.sequencer().lastSequence(),
                "one journal entry per payment, whichever connection and event loop it came on");

        FirstPayment first = firstAnswers.get(0).get();
        HttpResponse<String> retry = post(TestMessages.payment("PRBK-PLACE-0-0", first.uetr(), "1.00"));
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(first.answer(), retry.body(), "a retry gets the original answer's bytes");
        assertEquals(
                genesis + CONNECTIONS * PAYMENTS_PER_CONNECTION,
                gateway.sequencer().lastSequence(),
                "a retry journals nothing");
        JsonNode hash = json.readTree(
                send(HttpRequest.newBuilder(uri("/v1/ledger/hash")).GET()).body());
        assertJournalWrittenOnlyBy(runsOn);

        gateway.close();
        String other = runsOn.equals(GatewayConfig.Sequencer.ON_OWN_THREAD)
                ? GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP
                : GatewayConfig.Sequencer.ON_OWN_THREAD;
        gateway = Gateway.start(config(other, eventLoops));
        JsonNode recovered = json.readTree(
                send(HttpRequest.newBuilder(uri("/v1/ledger/hash")).GET()).body());
        assertEquals(hash, recovered, "the journal one placement wrote, recovered by the other");
        assertEquals(
                genesis + CONNECTIONS * PAYMENTS_PER_CONNECTION,
                recovered.get("sequence").asLong());
    }

    private record FirstPayment(String uetr, String answer) {}

    /**
     * Threads that are not event loops (as the FX feed and the day-end clock are) publish into the
     * ring one at a time, each followed by silence: every message is decided without another
     * publish to wake the sequencer.
     */
    @ParameterizedTest(name = "sequencer on {0}, {1} event loop(s)")
    @CsvSource({"any-event-loop, 2", "event-loop, 1", "event-loop, 2", "own-thread, 1"})
    void aMessagePublishedFromAnotherThreadIsDecidedWithoutFurtherTraffic(String runsOn, int eventLoops)
            throws Exception {
        gateway = startRecordingWriters(runsOn, eventLoops);
        int publishers = 3;
        int messagesEach = 300;
        ExecutorService threads = Executors.newFixedThreadPool(publishers);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int p = 0; p < publishers; p++) {
                long seed = p;
                done.add(threads.submit(() -> {
                    publishQueriesEachFollowedBySilence(seed, messagesEach);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertJournalWrittenOnlyBy(runsOn);
    }

    /**
     * With {@code any-event-loop} both loops drain, each leaving its messages to the other while
     * that one drains: eight connections (four on each loop) send payments one after another while
     * two other threads publish into the ring, each message followed by silence. A message left in
     * the ring by a drain that found the other loop draining, and missed by that loop's second
     * look, would never be answered: its request times out after 10 s and the test fails.
     */
    @org.junit.jupiter.api.Test
    void bothLoopsDrainingInTurnLeaveNoMessageUndecided() throws Exception {
        gateway = startRecordingWriters(GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP, 2);
        long genesis = gateway.sequencer().lastSequence();
        int connections = 8;
        int paymentsEach = 150;
        ExecutorService threads = Executors.newFixedThreadPool(connections + 2);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                int connection = 100 + c;
                done.add(threads.submit(() -> sendAll(connection, paymentsEach)));
            }
            for (int p = 0; p < 2; p++) {
                long seed = p;
                done.add(threads.submit(() -> {
                    publishQueriesEachFollowedBySilence(seed, 300);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(
                genesis + (long) connections * paymentsEach,
                gateway.sequencer().lastSequence(),
                "every payment journaled once, whichever loop drained it");
        assertJournalWrittenOnlyBy(GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP);
    }

    /**
     * The narrowest case of the above: two connections, one on each loop (Netty gives consecutive
     * connections to alternate loops), send one payment each at the same moment, round after
     * round, and nothing else is sent until both are answered. When one loop's message arrives
     * while the other loop drains, only that loop's second look at the ring can decide it; without
     * it the round never ends and the request times out.
     */
    @org.junit.jupiter.api.Test
    void twoConnectionsOnTheTwoLoopsPayingInLockstepAreAnsweredEveryRound() throws Exception {
        gateway = startRecordingWriters(GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP, 2);
        long genesis = gateway.sequencer().lastSequence();
        int rounds = 400;
        HttpClient[] clients = new HttpClient[2];
        for (int c = 0; c < 2; c++) {
            clients[c] = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            pay(clients[c], "PRBK-STEP-" + c + "-CONNECT"); // connected in turn: one on each loop
        }
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int c = 0; c < 2; c++) {
                int connection = c;
                done.add(threads.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        together.await(15, TimeUnit.SECONDS);
                        pay(clients[connection], "PRBK-STEP-" + connection + "-" + r);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(genesis + 2 + 2L * rounds, gateway.sequencer().lastSequence());
        assertJournalWrittenOnlyBy(GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP);
    }

    /** {@code count} state-hash queries published from this thread, each answered before the next. */
    private void publishQueriesEachFollowedBySilence(long seed, int count) throws Exception {
        java.util.Random pauses = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            CountDownLatch answered = new CountDownLatch(1);
            RingBuffer<InboundEvent> ring = gateway.inbound();
            long slot = ring.next();
            try {
                InboundEvent event = ring.get(slot);
                event.kind(InboundEvent.Kind.QUERY_STATE_HASH);
                event.queryId(null);
                event.response(new PendingResponse(r -> answered.countDown()));
            } finally {
                ring.publish(slot);
            }
            assertTrue(
                    answered.await(5, TimeUnit.SECONDS),
                    "message " + i + " of publisher " + seed + " was never decided");
            if (pauses.nextInt(4) == 0) {
                Thread.sleep(0, 200_000 + pauses.nextInt(800_000));
            }
        }
    }

    /** One connection's payments, one after another; returns its first. */
    private FirstPayment sendAll(int connection) throws Exception {
        return sendAll(connection, PAYMENTS_PER_CONNECTION);
    }

    /** {@code payments} of one connection, one after another; returns its first. */
    private FirstPayment sendAll(int connection, int payments) throws Exception {
        HttpClient own = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        FirstPayment first = null;
        for (int i = 0; i < payments; i++) {
            FirstPayment paid = pay(own, "PRBK-PLACE-" + connection + "-" + i);
            if (i == 0) {
                first = paid;
            }
        }
        return first;
    }

    /** One payment on {@code client}'s connection, answered ACSC within 10 s. */
    private FirstPayment pay(HttpClient client, String messageId) throws Exception {
        String uetr = java.util.UUID.randomUUID().toString();
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(uri("/v1/messages"))
                        .timeout(Duration.ofSeconds(10)) // never decided: fails here, not at the test's timeout
                        .POST(HttpRequest.BodyPublishers.ofString(TestMessages.payment(messageId, uetr, "1.00")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<TxSts>ACSC</TxSts>"), answer.body());
        return new FirstPayment(uetr, answer.body());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/messages")).POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
