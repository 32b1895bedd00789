package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal.pretouch}: on in the shipped configuration and when the key is absent, off when set
 * to false, and kept by every copy of the configuration that replaces another journal setting.
 */
class JournalPretouchSettingTest {
    private static final String SHIPPED_LINE = "  pretouch: true";

    @TempDir
    Path dir;

    private static String embeddedYaml() throws IOException {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.EMBEDDED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private GatewayConfig load(String yaml) throws IOException {
        Path file = dir.resolve("kapok.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    @Test
    void isOnInTheShippedConfiguration() throws IOException {
        assertTrue(embeddedYaml().contains(SHIPPED_LINE));
        assertEquals(Boolean.TRUE, ConfigLoader.loadDefaults().journal().pretouch());
        assertTrue(ConfigLoader.loadDefaults().journal().pretouchOrDefault());
    }

    @Test
    void isOnWhenAbsentAndOffWhenFalse() throws IOException {
        String yaml = embeddedYaml();
        GatewayConfig absent = load(yaml.replace(SHIPPED_LINE, ""));
        assertTrue(absent.journal().pretouchOrDefault());
        GatewayConfig off = load(yaml.replace(SHIPPED_LINE, "  pretouch: false"));
        assertFalse(off.journal().pretouchOrDefault());
    }

    @Test
    void survivesACopyWithAnotherJournalSetting() throws IOException {
        GatewayConfig off = load(embeddedYaml().replace(SHIPPED_LINE, "  pretouch: false"));
        assertFalse(off.withDurability("sync").journal().pretouchOrDefault());
        assertFalse(off.withJournalDigest("sha256").journal().pretouchOrDefault());
        assertFalse(off.withRollCycle("FAST_HOURLY").journal().pretouchOrDefault());
        assertFalse(off.withSnapshots(GatewayConfig.Snapshot.DEFAULT).journal().pretouchOrDefault());
        assertFalse(off.withJournalRetention(GatewayConfig.JournalRetention.OFF)
                .journal()
                .pretouchOrDefault());
    }
}
