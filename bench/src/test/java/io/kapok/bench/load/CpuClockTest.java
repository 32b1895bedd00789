package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The report's CPU figures come from the JVM for the generator and from /proc for the gateway. */
class CpuClockTest {
    @Test
    void aStatLineIsReadFromAfterTheCommandNameWhateverItHolds() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (kapok) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 30 0";

        assertEquals((250 + 50) * 10_000_000L, CpuClock.parseStat(stat));
    }

    @Test
    void whatIsNotAStatLineGivesNoFigureRatherThanAWrongOne() {
        assertEquals(-1, CpuClock.parseStat("no parenthesis here"));
        assertEquals(-1, CpuClock.parseStat("1 (x) S 1 2"));
        assertEquals(-1, CpuClock.processNs(0));
    }

    @Test
    void thisProcessSpendsCpuAndAnotherLinuxProcessCanBeRead() {
        long own = CpuClock.ownNs();
        assertTrue(own > 0, "the JVM reports its own CPU time: " + own);
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/stat"))) {
            assertTrue(CpuClock.processNs(ProcessHandle.current().pid()) > 0, "read through /proc");
        }
    }
}
