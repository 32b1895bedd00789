package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kapok.gateway.Gateway;
import io.kapok.gateway.config.ConfigLoader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short open-loop runs over real loopback sockets against an in-process gateway: every request is
 * answered, every answer is ACSC (so no MsgId or UETR repeated: a repeat would be RJCT DUPL), the
 * histogram holds one value per answer, and the files are written. A mix of payments and 1+N
 * flows: the set-up registers and confirms the invoices the timed phase uses, every answer of every
 * type is positive (ACSC, RCCF), and the ledger holds the receivables in the states the messages
 * put them in. No time is asserted.
 */
class LoadRunSystemTest {
    private static final String MIX = "pacs008=50,tsin004=10,tsin013=20,tsin001=20";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Gateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = Gateway.start(ConfigLoader.loadDefaults()
                .withPort(0)
                .withDataDir(dir.resolve("data").toString()));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static LoadOptions options(String target, String out) throws Exception {
        return LoadOptions.parse(new String[] {
            "--url",
            "http://127.0.0.1:" + gateway.port(),
            "--target",
            target,
            "--rate",
            "400",
            "--duration",
            "1500ms",
            "--warmup",
            "300ms",
            "--connections",
            "2",
            "--out",
            dir.resolve(out).toString()
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyPaymentIsAnsweredAcscAndRecorded() throws Exception {
        assertRunFullyAnswered(options("kapok", "kapok"));
        // A second run against the same journal: its ids are new, so nothing is a duplicate.
        assertRunFullyAnswered(options("kapok", "kapok-again"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyEchoIsAnsweredAcscAndRecorded() throws Exception {
        assertRunFullyAnswered(options("echo", "echo"));
    }

    /**
     * With {@code --in-flight 1} a connection sends its next request only once the last is answered:
     * at 20,000/s on one connection (a request due every 50 µs, under a loopback round trip) it never
     * has two in flight, where without the limit it pipelines; every request is still sent, answered
     * and timed from when it was due.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneRequestInFlightHoldsTheNextBackUntilTheAnswer() throws Exception {
        LoadResult pipelined = new LoadRun(fastOneConnection(null), new UniqueIds(), null).run();
        assertTrue(pipelined.inFlightPeak() > 1, "without --in-flight: " + pipelined.inFlightPeak());
        LoadResult r = new LoadRun(fastOneConnection("1"), new UniqueIds(), null).run();
        assertEquals(4_000, r.requests(), "200 ms at 20,000/s");
        assertEquals(r.requests(), r.answered());
        assertEquals(0, r.errors());
        assertEquals(1, r.inFlightPeak(), "never two in flight");
        assertTrue(r.heldBack() > 0, "a request due while one is in flight waits for its answer");
    }

    private static LoadOptions fastOneConnection(String inFlight) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--url", "http://127.0.0.1:" + gateway.port(),
                "--target", "echo",
                "--rate", "20000",
                "--duration", "200ms",
                "--warmup", "0",
                "--connections", "1",
                "--out", dir.resolve("in-flight-" + inFlight).toString()));
        if (inFlight != null) {
            args.add("--in-flight");
            args.add(inFlight);
        }
        return LoadOptions.parse(args.toArray(String[]::new));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aGatewayThatIsNotThereIsAOneLineError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LoadOptions o = LoadOptions.parse(new String[] {"--url", "http://127.0.0.1:" + port, "--rate", "10"});
        LoadRun.ConnectException e =
                assertThrows(LoadRun.ConnectException.class, () -> new LoadRun(o, new UniqueIds(), null).run());
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port), e.getMessage());
    }

    private static void assertRunFullyAnswered(LoadOptions o) throws Exception {
        LoadResult r = new LoadRun(o, new UniqueIds(), null).run();
        assertEquals(600, r.requests(), "1.5 s at 400/s");
        assertEquals(r.requests(), r.sent());
        assertEquals(r.requests(), r.answered());
        assertEquals(0, r.errors(), () -> "outcomes " + r.byOutcome());
        assertEquals(Map.of(200, r.answered()), r.byStatus());
        assertEquals(Map.of("ACSC", r.answered()), r.byOutcome());
        assertEquals(r.answered(), r.latency().getTotalCount());
        Path[] files = LoadReport.writeFiles(r);
        assertEquals(o.outDir().resolve(o.target() + "-400rps.hgrm"), files[0]);
        assertTrue(Files.readString(files[0]).contains("#[Mean"), "an HdrHistogram percentile distribution");
        String svg = Files.readString(files[1]);
        assertTrue(svg.startsWith("<svg") && svg.contains("<polyline") && svg.contains("99.999%"), svg);
        assertSecondsAddUp(r, files[2]);
    }

    /**
     * The run's seconds hold every measured answer once, and its {@code .hlog} reads back, with
     * HdrHistogram's own reader, to the same histograms.
     */
    private static void assertSecondsAddUp(LoadResult r, Path hlog) throws Exception {
        assertTrue(hlog.toString().endsWith("-400rps.hlog"), hlog.toString());
        assertTrue(
                r.latencyBySecond().size() >= 2,
                "1.5 s measured: " + r.latencyBySecond().size() + " seconds");
        assertEquals(
                r.answered(),
                r.latencyBySecond().stream()
                        .mapToLong(LoadResult.LatencyInterval::count)
                        .sum());
        assertTrue(r.latencyBySecond().get(0).count() > 0, "the first kept second has an answer");
        assertEquals(0, r.latencyBySecond().get(0).offsetMs(), "the seconds start with the measured window");
        for (int i = 1; i < r.latencyBySecond().size(); i++) {
            LoadResult.LatencyInterval before = r.latencyBySecond().get(i - 1);
            LoadResult.LatencyInterval second = r.latencyBySecond().get(i);
            assertTrue(second.offsetMs() > before.offsetMs(), "offsets increase: " + r.latencyBySecond());
            assertTrue(second.startEpochMs() >= before.endEpochMs() - 1, "intervals follow one another");
            assertTrue(second.endEpochMs() > second.startEpochMs());
        }
        org.HdrHistogram.Histogram fromLog = new org.HdrHistogram.Histogram(3);
        int intervals = 0;
        try (org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(hlog.toFile())) {
            for (org.HdrHistogram.EncodableHistogram h = reader.nextIntervalHistogram();
                    h != null;
                    h = reader.nextIntervalHistogram()) {
                fromLog.add((org.HdrHistogram.Histogram) h);
                intervals++;
            }
        }
        assertEquals(r.latencyBySecond().size(), intervals);
        assertEquals(r.latency(), fromLog, "the seconds add up to the run's histogram");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        LoadReport.print(r, new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        String report = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(report.contains("p99 by s ms "), report);
        assertTrue(report.contains("seconds with p99 over 5.0 ms; worst at +"), report);
    }

    private static LoadOptions mixOptions(String target) throws Exception {
        return LoadOptions.parse(new String[] {
            "--url", "http://127.0.0.1:" + gateway.port(),
            "--target", target,
            "--rate", "400",
            "--setup-rate", "800",
            "--duration", "1500ms",
            "--warmup", "300ms",
            "--connections", "2",
            "--mix", MIX,
            "--out", dir.resolve("mix-" + target).toString()
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyMessageOfAMixIsTakenAfterItsSetUpAndTheLedgerShowsIt() throws Exception {
        UniqueIds ids = new UniqueIds();
        LoadOptions o = mixOptions("kapok");
        LoadResult r = new LoadRun(o, ids, null).run();

        assertEquals(600, r.requests(), "1.5 s at 400/s");
        assertEquals(r.requests(), r.answered());
        assertEquals(0, r.errors(), () -> "outcomes " + r.byOutcome() + " by type " + r.byType());
        assertEquals(Map.of(200, r.answered()), r.byStatus());
        assertEquals(
                List.of(MixType.PACS008, MixType.TSIN004, MixType.TSIN013, MixType.TSIN001),
                List.copyOf(r.byType().keySet()));
        long perType = 0;
        for (Map.Entry<MixType, LoadResult.TypeResult> e : r.byType().entrySet()) {
            LoadResult.TypeResult t = e.getValue();
            assertTrue(t.requests() > 0, e.getKey() + " was sent");
            assertEquals(t.requests(), t.answered(), e.getKey().iso);
            assertEquals(Map.of(e.getKey().positive, t.answered()), t.byOutcome(), e.getKey().iso);
            assertEquals(t.answered(), t.latency().getTotalCount());
            perType += t.answered();
        }
        assertEquals(r.answered(), perType);
        assertEquals(r.answered(), r.latency().getTotalCount());
        Path[] files = LoadReport.writeFiles(r);
        assertEquals(7, files.length, "the run's .hgrm, .svg and .hlog, and one .hgrm per type");
        assertEquals(o.outDir().resolve("kapok-400rps-tsin001.hgrm"), files[6]);
        assertTrue(Files.readString(files[6]).contains("#[Mean"), "an HdrHistogram percentile distribution");

        // 720 timed requests (warm-up included): 144 tsin.001, 144 tsin.013 and 72 tsin.004 of the 10-request order.
        assertEquals(2, r.setup().size());
        LoadResult.SetupStage register = r.setup().get(0);
        LoadResult.SetupStage confirm = r.setup().get(1);
        assertEquals(MixType.TSIN004, register.type());
        assertEquals(145 + 720, register.invoices(), "pool A of 144 rounded up to 145, pool B of 5 x 144");
        assertEquals(Map.of("RCCF", 865L), register.result().byOutcome());
        assertEquals(MixType.TSIN013, confirm.type());
        assertEquals(29, confirm.result().requests());
        assertEquals(145, confirm.invoices());
        assertEquals(Map.of("RCCF", 29L), confirm.result().byOutcome());

        // Invoice 0 was confirmed in set-up and financed by the first tsin.001; invoice 145, the first
        // of pool B, confirmed by the first timed tsin.013; invoice 865 registered by the first timed tsin.004.
        assertEquals("FINANCING_REQUESTED", state(ids.shortId(UniqueIds.INVOICE, 0)));
        assertEquals(
                ids.shortId(UniqueIds.GROUP, 0) + "/" + ids.shortId(UniqueIds.INVOICE, 0),
                receivable(ids.shortId(UniqueIds.INVOICE, 0))
                        .path("financing")
                        .path("financingId")
                        .asText());
        assertEquals("CONFIRMED", state(ids.shortId(UniqueIds.INVOICE, 145)));
        assertEquals("REGISTERED", state(ids.shortId(UniqueIds.INVOICE, 865)));
        assertEquals("CONFIRMED", state(ids.shortId(UniqueIds.INVOICE, 144)), "confirmed in set-up, the pool's margin");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theEchoEndpointTakesAMixWithoutSetUp() throws Exception {
        LoadResult r = new LoadRun(mixOptions("echo"), new UniqueIds(), null).run();
        assertEquals(List.of(), r.setup(), "the echo endpoint reads nothing: no invoices to set up");
        assertEquals(0, r.errors(), () -> "outcomes " + r.byOutcome());
        assertEquals(Map.of("ACSC", r.answered()), r.byOutcome());
        assertEquals(600, r.answered());
    }

    private static String state(String receivableId) throws Exception {
        return receivable(receivableId).path("state").asText();
    }

    private static JsonNode receivable(String receivableId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                                        + "/v1/ledger/receivables/" + receivableId))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }
}
