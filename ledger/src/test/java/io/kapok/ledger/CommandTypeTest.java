package io.kapok.ledger;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CommandTypeTest {
    @Test
    void everyTypeIsFoundByItsCode() {
        for (CommandType t : CommandType.values()) {
            assertSame(t, CommandType.ofCode(t.code()));
        }
    }

    @Test
    void aCodeNoTypeHasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandType.ofCode(0));
        assertThrows(IllegalArgumentException.class, () -> CommandType.ofCode(4));
        assertThrows(IllegalArgumentException.class, () -> CommandType.ofCode(-1));
        assertThrows(IllegalArgumentException.class, () -> CommandType.ofCode(61));
        assertThrows(IllegalArgumentException.class, () -> CommandType.ofCode(Integer.MAX_VALUE));
    }
}
