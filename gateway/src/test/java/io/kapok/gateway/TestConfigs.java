package io.kapok.gateway;

import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import java.nio.file.Path;

/** The configurations the system tests start gateways with. */
public final class TestConfigs {
    private TestConfigs() {}

    /**
     * The embedded defaults (the demo world) on an ephemeral port and the test's data directory,
     * with a camt.054 per posting but no end-of-day statements: a test that runs across midnight UTC
     * would otherwise meet a close of day, its journal entry and its camt.053s, which it did not
     * ask for. {@code EndOfDayStatementSystemTest} covers the close of day.
     */
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

    public static GatewayConfig defaults(Path dataDir) {
        return ConfigLoader.loadDefaults()
                .withPort(0)
                .withDataDir(dataDir.toString())
                .withNotifications(new GatewayConfig.Notifications(true));
    }
}
