package io.kapok.codecs.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class XmlLimitsTest {
    @Test
    void defaultsHoldAThousandItemsWithinTheElementBudget() {
        assertEquals(1_000, XmlLimits.DEFAULTS.itemsMax());
        assertEquals(50_000, XmlLimits.DEFAULTS.elementCountMax());
    }

    @Test
    void limitsWithoutAnItemLimitTakeWhatTheElementBudgetHolds() {
        assertEquals(250, new XmlLimits(32, 10_000, 16, 20_000).itemsMax());
        assertEquals(1_000, new XmlLimits(32, 100_000, 16, 20_000).itemsMax());
        assertEquals(1, new XmlLimits(32, 20, 16, 20_000).itemsMax());
    }

    @Test
    void refusesAnItemLimitTheElementBudgetCannotHold() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new XmlLimits(32, 10_000, 16, 20_000, 1_000));
        assertEquals(
                "itemsMax 1000 needs elementCountMax of at least 40000 (40 elements per item), was 10000",
                e.getMessage());
    }

    @Test
    void refusesANonPositiveItemLimit() {
        assertThrows(IllegalArgumentException.class, () -> new XmlLimits(32, 10_000, 16, 20_000, 0));
    }
}
