package io.kapok.gateway;

import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import java.nio.file.Path;

/** The configurations the system tests start gateways with. */
public final class TestConfigs {
    private TestConfigs() {}

    /**
     * Skips the calling test when the UTC day ends within {@code seconds}: for a test of what
     * happens within one day (today's statement) that the gateway's wall clock could carry into the
     * next.
     */
    public static void assumeDayDoesNotEndWithin(int seconds) {
        long msOfDay = Math.floorMod(System.currentTimeMillis(), 86_400_000L);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                86_400_000L - msOfDay > seconds * 1_000L, "the UTC day ends within " + seconds + " s");
    }

    /**
     * The embedded defaults (the demo world) on an ephemeral port and the test's data directory,
     * with a camt.054 per posting but no end-of-day statements: a test that runs across midnight UTC
     * would otherwise meet a close of day, its journal entry and its camt.053s, which it did not
     * ask for. {@code EndOfDayStatementSystemTest} covers the close of day.
     */
    public static GatewayConfig defaults(Path dataDir) {
        return ConfigLoader.loadDefaults()
                .withPort(0)
                .withDataDir(dataDir.toString())
                .withNotifications(new GatewayConfig.Notifications(true));
    }

    /** The text of the embedded configuration ({@code config/kapok.yaml}), for a test to edit and load. */
    public static String embeddedYaml() throws java.io.IOException {
        try (java.io.InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.EMBEDDED)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Loads {@code yaml} as a configuration file {@code kapok.yaml} written into {@code dir}. */
    public static GatewayConfig load(Path dir, String yaml) throws java.io.IOException {
        Path file = dir.resolve("kapok.yaml");
        java.nio.file.Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    /**
     * Copies of {@code config} that each replace one other journal setting (durability, digest,
     * roll cycle, snapshots, retention, data directory {@code dir}): a journal setting's test checks
     * that every one keeps it.
     */
    public static java.util.List<GatewayConfig> journalSettingCopies(GatewayConfig config, Path dir) {
        return java.util.List.of(
                config.withDurability("sync"),
                config.withJournalDigest("sha256"),
                config.withRollCycle("FAST_HOURLY"),
                config.withSnapshots(GatewayConfig.Snapshot.DEFAULT),
                config.withJournalRetention(GatewayConfig.JournalRetention.OFF),
                config.withDataDir(dir.toString()));
    }
}
