package io.kapok.gateway.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * The roll cycles the journal and the mailbox queue accept by name ({@code journal.rollCycle}):
 * Chronicle Queue's {@link RollCycles} ({@code FAST_DAILY}, {@code FAST_HOURLY}, {@code
 * FIVE_MINUTELY}...) and, for tests that need cycles to roll within seconds, its {@link
 * TestRollCycles} ({@code TEST_SECONDLY}...), which production has no use for.
 */
public final class JournalRollCycles {
    private JournalRollCycles() {}

    /**
     * The roll cycle called {@code name}.
     *
     * @throws IllegalArgumentException when Chronicle Queue has no roll cycle of that name
     */
    public static RollCycle of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("no roll cycle named");
        }
        try {
            return RollCycles.valueOf(name);
        } catch (IllegalArgumentException e) {
            return TestRollCycles.valueOf(name);
        }
    }
}
