package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
    private static LoadOptions parse(String... args) throws LoadOptions.UsageException {
        return LoadOptions.parse(args);
    }

    private static String error(String... args) {
        return assertThrows(LoadOptions.UsageException.class, () -> LoadOptions.parse(args))
                .getMessage();
    }

    /** A run of 10 s after 5 s of warm-up at 1,000/s against Kapok, with {@code more} options. */
    private static String[] fifteenSecondsAt1000(String... more) {
        String[] base = {"--url", "http://127.0.0.1:8080", "--rate", "1000", "--duration", "10s", "--warmup", "5s"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void countsThePaymentsARunSendsToKapokAndNoneToTheEcho() throws Exception {
        LoadOptions o = parse(fifteenSecondsAt1000("--connections", "4", "--mix", "pacs008=70,tsin001=30"));
        assertEquals(15_000, o.timedRequestCount(), "warm-up and duration at 1,000/s");
        assertEquals(10_500 + 4, o.paymentsSent(), "seven in ten of them, and one priming payment per connection");
        assertEquals(21_000 + 4, o.withRate(2000).paymentsSent(), "a find-max step at twice the rate");
        LoadOptions echo =
                parse("--url", "http://127.0.0.1:8080", "--target", "echo", "--rate", "1000", "--duration", "10s");
        assertEquals(0, echo.paymentsSent(), "the echo keeps nothing");
        assertEquals(0, echo.financingMessagesSent());
        // 4,500 tsin.001s: pool A of 4,500 invoices registered, then confirmed in 900 letters, then financed.
        assertEquals(4_500 + 900 + 4_500, o.financingMessagesSent());
        LoadOptions confirms = parse(fifteenSecondsAt1000("--mix", "pacs008=90,tsin013=10"));
        // 1,500 tsin.013s of five invoices each: 7,500 registered first, no financing, no set-up letters.
        assertEquals(7_500 + 1_500, confirms.financingMessagesSent());
    }

    @Test
    void parsesEveryOptionWithItsUnits() throws Exception {
        LoadOptions o = parse(
                "--url",
                "http://127.0.0.1:8080/anything",
                "--rate",
                "5k",
                "--duration",
                "500ms",
                "--connections",
                "8",
                "--target",
                "echo",
                "--mix",
                "pacs008=100",
                "--warmup",
                "0",
                "--threads",
                "2",
                "--out",
                "/tmp/x");
        assertEquals("127.0.0.1", o.host());
        assertEquals(8080, o.port());
        assertEquals("/v1/echo", o.path(), "the URL's path is replaced by the target's");
        assertEquals(5_000, o.ratePerSecond());
        assertEquals(500_000_000L, o.durationNs());
        assertEquals(0, o.warmupNs());
        assertEquals(8, o.connections());
        assertEquals(2, o.threads());
        assertEquals(Map.of(MixType.PACS008, 100), o.mix().weights());
        assertEquals(5_000, o.setupRatePerSecond(), "the set-up runs at --rate unless told otherwise");
        assertEquals(Path.of("/tmp/x"), o.outDir());
        assertFalse(o.findMax());
    }

    @Test
    void defaultsToKapokTargetTenSecondsFourConnections() throws Exception {
        LoadOptions o = parse("--url=http://localhost:9000", "--rate=1000");
        assertEquals("kapok", o.target());
        assertEquals("/v1/messages", o.path());
        assertEquals(10_000_000_000L, o.durationNs());
        assertEquals(10_000_000_000L, o.warmupNs());
        assertEquals(4, o.connections());
        assertEquals(Math.min(4, Runtime.getRuntime().availableProcessors()), o.threads(), "one per core");
        assertEquals(Path.of("load-results"), o.outDir());
        assertEquals(5.0, o.p99MaxMs());
        assertEquals(0, o.gatewayPid(), "no gateway CPU unless asked");
    }

    @Test
    void requestsInFlightPerConnectionArePipelinedUnlessLimited() throws Exception {
        assertEquals(
                LoadRun.IN_FLIGHT_PER_CONNECTION_MAX,
                parse("--url", "http://h:1", "--rate", "10").inFlightMax());
        assertEquals(
                1,
                parse("--url", "http://h:1", "--rate", "10", "--in-flight", "1").inFlightMax());
        assertEquals(
                1,
                parse("--url", "http://h:1", "--rate", "10", "--in-flight", "1")
                        .withRate(20)
                        .inFlightMax(),
                "kept by --find-max's steps");
        assertTrue(
                error("--url", "http://h:1", "--rate", "10", "--in-flight", "0").startsWith("--in-flight 0"));
        assertTrue(error("--url", "http://h:1", "--rate", "10", "--in-flight", "4097")
                .startsWith("--in-flight 4097"));
    }

    @Test
    void theGatewaysProcessIdIsAPositiveNumber() throws Exception {
        assertEquals(
                4242,
                parse("--url", "http://h:1", "--rate", "10", "--gateway-pid", "4242")
                        .gatewayPid());
        assertTrue(error("--url", "http://h:1", "--rate", "10", "--gateway-pid", "0")
                .startsWith("--gateway-pid 0"));
    }

    @Test
    void findMaxTakesItsBound() throws Exception {
        LoadOptions o =
                parse("--url", "http://h:1", "--rate", "100", "--find-max", "--p99-max-ms", "2.5", "--duration", "2m");
        assertTrue(o.findMax());
        assertEquals(2.5, o.p99MaxMs());
        assertEquals(120_000_000_000L, o.durationNs());
    }

    @Test
    void helpIsNotAnError() throws Exception {
        assertNull(parse("--url", "http://h:1", "--help"));
        assertNull(parse("-h"));
    }

    @Test
    void everyMistakeGetsOneLineSayingWhatToDo() {
        assertEquals("--url is required, e.g. --url http://127.0.0.1:8080", error("--rate", "10"));
        assertEquals("--rate is required, e.g. --rate 5000 (requests per second)", error("--url", "http://h:1"));
        assertEquals("--rate needs a value, e.g. --rate 5000", error("--url", "http://h:1", "--rate"));
        assertEquals("--rate needs a value, e.g. --rate 5000", error("--url", "http://h:1", "--rate", "--find-max"));
        assertEquals(
                "unknown option --speed; ./kapok load --help lists the options",
                error("--url", "http://h:1", "--speed", "3"));
        assertTrue(error("--url", "http://h:1", "--rate", "fast").startsWith("--rate fast is not a whole number"));
        assertTrue(error("--url", "http://h:1", "--rate", "0").startsWith("--rate 0 is not"));
        assertTrue(error("--url", "http://h:1", "--rate", "10", "--duration", "0")
                .startsWith("--duration 0 is not a duration"));
        assertTrue(error("--url", "http://h:1", "--rate", "10", "--duration", "ten")
                .startsWith("--duration ten"));
        assertTrue(error("--url", "http://h:1", "--rate", "10", "--connections", "0")
                .startsWith("--connections 0 is not"));
        assertEquals(
                "--target mq is unknown: use kapok or echo",
                error("--url", "http://h:1", "--rate", "10", "--target", "mq"));
        assertEquals(
                "--p99-max-ms only applies with --find-max: add --find-max or drop it",
                error("--url", "http://h:1", "--rate", "10", "--p99-max-ms", "5"));
        assertTrue(error("--url", "https://h:1", "--rate", "10").contains("https is not supported yet"));
        assertTrue(error("--url", "h:1", "--rate", "10").contains("is not an http URL"));
        assertTrue(error("--url", "http://h:1", "--rate", "10", "--p99-max-ms", "-1", "--find-max")
                .startsWith("--p99-max-ms -1 is not a positive number"));
        for (String message : new String[] {error("--rate", "10"), error("--url", "http://h:1", "--rate", "x")}) {
            assertFalse(message.contains("\n"), message);
        }
    }

    @Test
    void takesAMixOfPaymentsAndFlowsAndASetUpRate() throws Exception {
        LoadOptions o = parse(
                "--url",
                "http://h:1",
                "--rate",
                "2000",
                "--mix",
                "pacs008=70,tsin001=20,tsin013=10",
                "--setup-rate",
                "1k");
        assertEquals(
                Map.of(MixType.PACS008, 70, MixType.TSIN001, 20, MixType.TSIN013, 10),
                o.mix().weights());
        assertEquals(1_000, o.setupRatePerSecond());
        assertEquals(
                "--mix: fx is not a message type the generator sends; use pacs008, tsin004, tsin013, tsin001,"
                        + " e.g. --mix pacs008=70,tsin001=20,tsin013=10",
                error("--url", "http://h:1", "--rate", "10", "--mix", "pacs008=70,fx=30"));
        assertEquals(
                "--setup-rate 0 is not a whole number of requests per second in 1..10000000, e.g. --setup-rate 5000"
                        + " or --setup-rate 5k",
                error("--url", "http://h:1", "--rate", "10", "--setup-rate", "0"));
        assertEquals(
                "--mix needs a value, e.g. --mix pacs008=70,tsin001=20,tsin013=10",
                error("--url", "http://h:1", "--rate", "10", "--mix"));
    }
}
