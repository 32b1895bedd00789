package io.kapok.gateway.journal;

import static io.kapok.gateway.TestConfigs.embeddedYaml;
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

    @Test
    void isOffInTheShippedConfiguration() throws IOException {
        assertTrue(embeddedYaml().contains(SHIPPED_LINE));
        assertEquals(Boolean.FALSE, ConfigLoader.loadDefaults().journal().pretouch());
        assertFalse(ConfigLoader.loadDefaults().journal().pretouchOrDefault());
    }

    @Test
    void isOffWhenAbsentAndOnWhenTrue() throws IOException {
        String yaml = embeddedYaml();
        GatewayConfig absent = TestConfigs.load(dir, yaml.replace(SHIPPED_LINE, ""));
        assertFalse(absent.journal().pretouchOrDefault());
        GatewayConfig on = TestConfigs.load(dir, yaml.replace(SHIPPED_LINE, "  pretouch: true"));
        assertTrue(on.journal().pretouchOrDefault());
    }

    @Test
    void survivesACopyWithAnotherJournalSetting() throws IOException {
        GatewayConfig on = TestConfigs.load(dir, embeddedYaml().replace(SHIPPED_LINE, "  pretouch: true"));
        for (GatewayConfig copy : TestConfigs.journalSettingCopies(on, dir)) {
            assertTrue(copy.journal().pretouchOrDefault(), copy.journal().toString());
        }
    }
}
