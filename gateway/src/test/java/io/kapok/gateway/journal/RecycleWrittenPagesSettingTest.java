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
 * {@code journal.recycleWrittenPages}: on in the shipped configuration and when the key is absent,
 * off when set to false, and kept by every copy of the configuration that replaces another journal
 * setting.
 */
class RecycleWrittenPagesSettingTest {
    private static final String SHIPPED_KEY = "  recycleWrittenPages: true";

    @TempDir
    Path dir;

    /** The embedded configuration with the key's line (and its comment lines) replaced by {@code line}. */
    private GatewayConfig loadWith(String line) throws IOException {
        StringBuilder yaml = new StringBuilder();
        boolean inKey = false;
        for (String l : embeddedYaml().split("\n", -1)) {
            if (l.startsWith(SHIPPED_KEY)) {
                inKey = true;
                yaml.append(line).append('\n');
                continue;
            }
            if (inKey && l.trim().startsWith("#") && l.startsWith("        ")) {
                continue; // the key's comment lines
            }
            inKey = false;
            yaml.append(l).append('\n');
        }
        return TestConfigs.load(dir, yaml.toString());
    }

    @Test
    void isOnInTheShippedConfiguration() throws IOException {
        assertTrue(embeddedYaml().contains(SHIPPED_KEY));
        assertEquals(Boolean.TRUE, ConfigLoader.loadDefaults().journal().recycleWrittenPages());
        assertTrue(ConfigLoader.loadDefaults().journal().recycleWrittenPagesOrDefault());
    }

    @Test
    void isOnWhenAbsentAndOffWhenFalse() throws IOException {
        GatewayConfig absent = loadWith("");
        assertEquals(null, absent.journal().recycleWrittenPages());
        assertTrue(absent.journal().recycleWrittenPagesOrDefault());
        GatewayConfig off = loadWith("  recycleWrittenPages: false");
        assertFalse(off.journal().recycleWrittenPagesOrDefault());
    }

    @Test
    void survivesACopyWithAnotherJournalSetting() throws IOException {
        GatewayConfig off = loadWith("  recycleWrittenPages: false");
        for (GatewayConfig copy : TestConfigs.journalSettingCopies(off, dir)) {
            assertFalse(
                    copy.journal().recycleWrittenPagesOrDefault(),
                    copy.journal().toString());
        }
    }
}
