package io.kapok.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time (user + system, all threads) of this process and of another process on the same Linux
 * machine, for the load report's cost per request. Reading another process goes through
 * {@code /proc/PID/stat}, in the kernel's clock ticks ({@code USER_HZ}, 100 per second on Linux);
 * anything unreadable gives -1 rather than a wrong figure.
 *
 * <p>{@link #threadsNs} reads the same per thread ({@code /proc/PID/task/TID/stat}) and adds the
 * threads up by role ({@link #roleOf}), so a report can say where a process's time went: its own
 * named threads, the JIT compiler, the garbage collector.
 */
final class CpuClock {
    /** Linux's {@code USER_HZ}: the unit of {@code utime} and {@code stime} in {@code /proc/PID/stat}. */
    private static final long NS_PER_TICK = 10_000_000L;
    /** The role of HotSpot's JIT compiler threads in {@link #threadsNs}. */
    static final String JIT_ROLE = "jit";

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
     * Process {@code pid}'s CPU time per thread role ({@link #roleOf}), nanoseconds; empty when it
     * cannot be read. Threads that ended between two readings are missing from the later one, so
     * a role's difference may undercount, never overcount.
     */
    static Map<String, Long> threadsNs(long pid) {
        Map<String, Long> byRole = new TreeMap<>();
        if (pid <= 0) {
            return byRole;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    long ns = parseStat(Files.readString(task.resolve("stat")));
                    if (ns >= 0) {
                        byRole.merge(
                                roleOf(Files.readString(task.resolve("comm")).strip()), ns, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException | RuntimeException e) {
            byRole.clear();
        }
        return byRole;
    }

    /**
     * A thread's role from its name as the kernel keeps it (15 characters at most): {@code jit} for
     * HotSpot's compiler threads, {@code gc} for the collector's, otherwise the name without its
     * trailing pool number ({@code kapok-io-3-1} is {@code kapok-io}, {@code VM Thread} stays).
     */
    static String roleOf(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return JIT_ROLE;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("ZGC") || comm.startsWith("Z ")) {
            return "gc";
        }
        int end = comm.length();
        while (end > 0
                && (Character.isDigit(comm.charAt(end - 1))
                        || comm.charAt(end - 1) == '-'
                        || comm.charAt(end - 1) == '#')) {
            end--;
        }
        return end == 0 ? comm : comm.substring(0, end);
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
