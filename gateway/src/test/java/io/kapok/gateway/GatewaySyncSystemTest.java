package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.config.GatewayConfig.Durability;
import org.junit.jupiter.api.Test;

/**
 * Every {@link GatewaySystemTest} again with {@code journal.durability: sync}: each batch is forced
 * to disk before its answers go, and nothing else changes (answers, retries, restart, state hash).
 */
class GatewaySyncSystemTest extends GatewaySystemTest {
    @Override
    GatewayConfig config() {
        return super.config().withDurability("sync");
    }

    @Test
    void runsInSyncDurability() {
        assertEquals(Durability.SYNC, config().durability());
    }
}
