package io.kapok.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code fx} section: the FIX rate feed and its simulator. */
class FxConfigTest {
    private static String embeddedYaml() throws IOException {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.EMBEDDED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static GatewayConfig parse(String yaml) {
        return ConfigLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    /** The embedded configuration with the {@code fx} section's line starting with {@code key} replaced. */
    private static String withFxLine(String key, String line) throws IOException {
        String yaml = embeddedYaml();
        int fx = yaml.indexOf("\nfx:");
        int at = yaml.indexOf("\n" + key, fx);
        assertTrue(fx >= 0 && at > fx, key + " not in the fx section");
        int end = yaml.indexOf('\n', at + 1);
        return yaml.substring(0, at + 1) + line + yaml.substring(end);
    }

    @Test
    void theEmbeddedConfigurationRunsTheFeedAgainstTheBundledSimulatorOnLoopback() {
        GatewayConfig.Fx fx = ConfigLoader.loadDefaults().fxOrDefault();
        assertTrue(fx.enabled());
        assertEquals("127.0.0.1", fx.host());
        assertEquals(0, fx.port());
        assertEquals(List.of("USD/CNY", "USD/HKD", "HKD/CNY", "MOP/HKD", "USD/MOP"), fx.pairs());
        assertEquals(100_000, fx.bandPpm());
        assertTrue(fx.simulator().enabled());
        assertEquals(0, fx.simulator().port());
    }

    @Test
    void aConfigurationWithoutAnFxSectionRunsNoFeed() throws IOException {
        String yaml = embeddedYaml();
        int start = yaml.indexOf("\nfx:");
        int end = yaml.indexOf("\nplatform:");
        GatewayConfig c = parse(yaml.substring(0, start) + yaml.substring(end));
        assertFalse(c.fxOrDefault().enabled());
        assertFalse(c.fxOrDefault().simulator().enabled());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                "  pairs:|  pairs: [USD/CNY, USD/CNH]|key 'fx.pairs[1]' must be BASE/QUOTE in two different active ISO 4217 codes (e.g. USD/CNY), was 'USD/CNH'",
                "  pairs:|  pairs: [USD/CNY, USD/CNY]|key 'fx.pairs[1]' 'USD/CNY' is listed twice",
                "  pairs:|  pairs: []|key 'fx.pairs' needs at least one pair when fx.enabled is true",
                "  bandPercent:|  bandPercent: \"0\"|key 'fx.bandPercent' must be a percentage above 0 and at most 100",
                "  bandPercent:|  bandPercent: \"150\"|key 'fx.bandPercent' must be a percentage above 0 and at most 100",
                "  senderCompId:|  senderCompId: \"KAPOK FX\"|key 'fx.senderCompId' must be 1 to 32 letters",
                "  targetCompId:|  targetCompId: KAPOK|key 'fx.targetCompId' must differ from fx.senderCompId 'KAPOK'",
                "  heartbeatSeconds:|  heartbeatSeconds: 0|key 'fx.heartbeatSeconds' must be from 1 to 300, was 0",
                "  port:|  port: 70000|key 'fx.port' must be from 0 to 65535, was 70000",
                "    intervalMs:|    intervalMs: 5|key 'fx.simulator.intervalMs' must be from 10 to 3600000, was 5",
                "    enabled: true|    enabled: false|key 'fx.port' is 0, which means the embedded simulator's port, but"
                        + " fx.simulator.enabled is false"
            })
    void aWrongValueIsNamedWithItsKey(String key, String line, String message) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(withFxLine(key, line)));
        assertTrue(e.getMessage().startsWith("test.yaml: " + message), e.getMessage());
    }

    @Test
    void anUnknownKeyOfTheSimulatorIsNamed() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(withFxLine("    seed:", "    sede: 1")));
        assertTrue(e.getMessage().startsWith("test.yaml: unknown key 'fx.simulator.sede'"), e.getMessage());
    }
}
