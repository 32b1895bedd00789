package io.kapok.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system, all threads) of this process and of another process on the same Linux
 * machine, for the load report's cost per request. Reading another process goes through
 * {@code /proc/PID/stat}, in the kernel's clock ticks ({@code USER_HZ}, 100 per second on Linux);
 * anything unreadable gives -1 rather than a wrong figure.
 */
final class CpuClock {
    /** Linux's {@code USER_HZ}: the unit of {@code utime} and {@code stime} in {@code /proc/PID/stat}. */
    private static final long NS_PER_TICK = 10_000_000L;

    private CpuClock() {}

    /** This process's CPU time, nanoseconds, or -1 when the JVM does not say. */
    static long ownNs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long ns = os.getProcessCpuTime();
            return ns >= 0 ? ns : -1;
        }
        return -1;
    }

    /** Process {@code pid}'s CPU time, nanoseconds, or -1 when it cannot be read (gone, not Linux). */
    static long processNs(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User + system time from a {@code /proc/PID/stat} line, nanoseconds. The command name (field
     * 2) may hold spaces and parentheses, so fields are counted from the last {@code ')'}: state is
     * field 3, utime field 14, stime field 15.
     */
    static long parseStat(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 2).trim().split(" ");
        if (fields.length < 13) {
            return -1;
        }
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NS_PER_TICK;
    }
}
