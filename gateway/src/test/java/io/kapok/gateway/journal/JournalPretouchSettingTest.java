package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.TestConfigs;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal.pretouch}: off in the shipped configuration and when the key is absent, on when set
 * to true, and kept by every copy of the configuration that replaces another journal setting.
 */
class JournalPretouchSettingTest {
    private static final String SHIPPED_LINE = "  pretouch: false";

    @TempDir
    Path dir;

    private static String embeddedYaml() throws IOException {
        return TestConfigs.embeddedYaml();
    }

    private GatewayConfig load(String yaml) throws IOException {
        return TestConfigs.load(dir, yaml);
    }

    @Test
    void isOffInTheShippedConfiguration() throws IOException {
        assertTrue(embeddedYaml().contains(SHIPPED_LINE));
        assertEquals(Boolean.FALSE, ConfigLoader.loadDefaults().journal().pretouch());
        assertFalse(ConfigLoader.loadDefaults().journal().pretouchOrDefault());
    }

    @Test
    void isOffWhenAbsentAndOnWhenTrue() throws IOException {
        String yaml = embeddedYaml();
        GatewayConfig absent = load(yaml.replace(SHIPPED_LINE, ""));
        assertFalse(absent.journal().pretouchOrDefault());
        GatewayConfig on = load(yaml.replace(SHIPPED_LINE, "  pretouch: true"));
        assertTrue(on.journal().pretouchOrDefault());
    }

    @Test
    void survivesACopyWithAnotherJournalSetting() throws IOException {
        GatewayConfig on = load(embeddedYaml().replace(SHIPPED_LINE, "  pretouch: true"));
        assertTrue(on.withDurability("sync").journal().pretouchOrDefault());
        assertTrue(on.withJournalDigest("sha256").journal().pretouchOrDefault());
        assertTrue(on.withRollCycle("FAST_HOURLY").journal().pretouchOrDefault());
        assertTrue(on.withSnapshots(GatewayConfig.Snapshot.DEFAULT).journal().pretouchOrDefault());
        assertTrue(on.withJournalRetention(GatewayConfig.JournalRetention.OFF)
                .journal()
                .pretouchOrDefault());
    }
}
