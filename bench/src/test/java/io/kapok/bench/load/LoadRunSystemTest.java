package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.Gateway;
import io.kapok.gateway.config.ConfigLoader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * histogram holds one value per answer, and the files are written. No time is asserted.
 */
class LoadRunSystemTest {
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
    }
}
