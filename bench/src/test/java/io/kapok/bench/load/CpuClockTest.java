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

    @Test
    void threadsAreAddedUpByRoleWithoutTheirPoolNumbers() {
        assertEquals("jit", CpuClock.roleOf("C2 CompilerThre"));
        assertEquals("jit", CpuClock.roleOf("C1 CompilerThre"));
        assertEquals("gc", CpuClock.roleOf("GC Thread#1"));
        assertEquals("gc", CpuClock.roleOf("G1 Refine#0"));
        assertEquals("kapok-io", CpuClock.roleOf("kapok-io-3-1"));
        assertEquals("kapok-sequencer", CpuClock.roleOf("kapok-sequencer"));
        assertEquals("VM Thread", CpuClock.roleOf("VM Thread"));
        assertEquals("42", CpuClock.roleOf("42"));
    }

    @Test
    void thisProcessesThreadsAreReadByRoleOnLinux() {
        if (!java.nio.file.Files.exists(java.nio.file.Path.of("/proc/self/task"))) {
            return;
        }
        java.util.Map<String, Long> byRole =
                CpuClock.threadsNs(ProcessHandle.current().pid());
        long all = byRole.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(all > 0, "this JVM's threads spent CPU: " + byRole);
        assertTrue(byRole.keySet().stream().noneMatch(r -> r.matches(".*[-#][0-9]+$")), "no pool numbers: " + byRole);
        assertTrue(CpuClock.threadsNs(0).isEmpty());
    }

    @Test
    void aJitCompilerAboveAFewPercentMarksTheWindowAsWarmUp() {
        LoadResult.CpuCost steady = new LoadResult.CpuCost(10, 100, java.util.Map.of(), 0.01, 0.04);
        LoadResult.CpuCost gatewayCompiling = new LoadResult.CpuCost(10, 100, java.util.Map.of(), 0.01, 0.30);
        LoadResult.CpuCost generatorCompiling = new LoadResult.CpuCost(10, 100, java.util.Map.of(), 0.2, Double.NaN);

        assertTrue(!steady.stillCompiling());
        assertTrue(gatewayCompiling.stillCompiling());
        assertTrue(generatorCompiling.stillCompiling());
        assertTrue(!LoadResult.CpuCost.UNKNOWN.stillCompiling());
    }
}
