package io.kapok.bench.codecs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.jar.JarFile;

/**
 * Old against new codecs in one JVM, for a machine too noisy for wall-clock figures: each codecs
 * jar in a class loader of its own (with this module's classes and its other libraries), the two
 * run in alternating batches of {@value #BATCH_CPU_NS_DEFAULT} ns of this thread's CPU time, and
 * each is given as the median CPU time per message over the batches, with the bytes allocated per
 * message. Not a JMH benchmark; {@code ComparisonToolsSmokeTest} runs it once, from the build's class
 * directories.
 *
 * <pre>
 * java -cp bench/target/kapok-bench.jar io.kapok.bench.codecs.DecodeAbComparison OLD_CODECS_JAR [NEW_CODECS_JAR] [ROUNDS]
 * java -cp bench/target/kapok-bench.jar io.kapok.bench.codecs.DecodeAbComparison --prowide [ROUNDS]
 * </pre>
 *
 * With {@code --prowide} it compares Kapok's decode with Prowide's (cached JAXBContext) instead,
 * both on this class path. {@code NEW_CODECS_JAR} defaults to the codecs jar next to the bench jar ({@code lib/}), or,
 * run from class directories, to the codecs on this class path (either jar may then be a directory); {@code
 * ROUNDS} (rounds of one batch of every workload of both jars, default 100) follow 40 rounds of warm-up.
 */
public final class DecodeAbComparison {
    private static final long BATCH_CPU_NS_DEFAULT = 20_000_000L;
    private static final int WARMUP_ROUNDS = 40;
    private static final long PROWIDE_WARMUP_CPU_NS = 30_000_000_000L;

    private DecodeAbComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: DecodeAbComparison OLD_CODECS_JAR [NEW_CODECS_JAR] [ROUNDS]");
            System.err.println("       DecodeAbComparison --prowide [ROUNDS]");
            System.exit(2);
        }
        if (args[0].equals("--prowide")) {
            againstProwide(args.length > 1 ? Integer.parseInt(args[1]) : 100);
            return;
        }
        Path benchJar = Path.of(DecodeAbComparison.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path codecsHere = Path.of(io.kapok.codecs.pacs.Pacs008Decoder.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Path> libraries =
                Files.isDirectory(benchJar) ? classPathOfThisJvm(benchJar, codecsHere) : manifestClassPath(benchJar);
        Path newCodecs = args.length > 1 && !args[1].isEmpty()
                ? Path.of(args[1])
                : libraries.stream()
                        .filter(p -> p.getFileName().toString().startsWith("kapok-codecs"))
                        .findFirst()
                        .orElse(codecsHere);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        ClassLoader oldLoader = loader(Path.of(args[0]), benchJar, libraries);
        ClassLoader newLoader = loader(newCodecs, benchJar, libraries);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(
                "%-16s %12s %12s %10s %10s %10s%n",
                "workload", "old us/msg", "new us/msg", "new/old", "old B/msg", "new B/msg");
        // Every workload of both jars runs in each round, so that the ratios between them (new
        // against old, decode against its bare pass) are taken under the same load.
        String[] names = DecodeAbWorkload.NAMES;
        int workloads = names.length;
        LongSupplier[] runs = new LongSupplier[workloads * 2];
        for (int w = 0; w < workloads; w++) {
            runs[2 * w] = workload(oldLoader, names[w]);
            runs[2 * w + 1] = workload(newLoader, names[w]);
        }
        double[][] nsPerMessage = new double[runs.length][rounds];
        long[] allocated = new long[runs.length];
        long[] messages = new long[runs.length];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int r = 0; r < runs.length; r++) {
                double ns = batch(threads, runs[r], allocated, messages, r, round >= 0);
                if (round >= 0) {
                    nsPerMessage[r][round] = ns;
                }
            }
        }
        double[] medianUs = new double[runs.length];
        for (int r = 0; r < runs.length; r++) {
            medianUs[r] = median(nsPerMessage[r]) / 1000;
        }
        for (int w = 0; w < workloads; w++) {
            int o = 2 * w;
            int n = 2 * w + 1;
            System.out.printf(
                    "%-16s %12.2f %12.2f %10.3f %10.2f %10.2f%n",
                    names[w],
                    medianUs[o],
                    medianUs[n],
                    medianUs[n] / medianUs[o],
                    (double) allocated[o] / messages[o],
                    (double) allocated[n] / messages[n]);
        }
        // Each decode against its bare pass (the workloads come in pairs: decode, then bare).
        for (int w = 0; w + 1 < workloads; w += 2) {
            System.out.printf(
                    "%-16s bare pass / decode: old %.3f, new %.3f%n",
                    names[w], medianUs[2 * w + 2] / medianUs[2 * w], medianUs[2 * w + 3] / medianUs[2 * w + 1]);
        }
    }

    /**
     * Kapok's decode against Prowide with a cached JAXBContext, both on this class path, in
     * alternating batches after {@value #PROWIDE_WARMUP_CPU_NS} ns of CPU time of warm-up for each
     * Prowide workload (JAXB needs about 20 s to reach its steady rate on a 2-core machine).
     */
    private static void againstProwide(int rounds) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String[] names = DecodeAbWorkload.PROWIDE_NAMES;
        LongSupplier[] runs = new LongSupplier[names.length];
        for (int w = 0; w < names.length; w++) {
            runs[w] = new DecodeAbWorkload(names[w]);
        }
        long[] allocated = new long[runs.length];
        long[] messages = new long[runs.length];
        for (int w = 1; w < runs.length; w += 2) {
            for (long spent = 0; spent < PROWIDE_WARMUP_CPU_NS; spent += BATCH_CPU_NS_DEFAULT) {
                batch(threads, runs[w], allocated, messages, w, false);
            }
        }
        double[][] nsPerMessage = new double[runs.length][rounds];
        for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
            for (int r = 0; r < runs.length; r++) {
                double ns = batch(threads, runs[r], allocated, messages, r, round >= 0);
                if (round >= 0) {
                    nsPerMessage[r][round] = ns;
                }
            }
        }
        System.out.printf(
                "%-16s %14s %14s %10s %12s %12s%n",
                "message", "Kapok us/msg", "Prowide us/msg", "x Prowide", "Kapok B/msg", "Prowide B/msg");
        for (int w = 0; w + 1 < runs.length; w += 2) {
            double kapok = median(nsPerMessage[w]) / 1000;
            double prowide = median(nsPerMessage[w + 1]) / 1000;
            System.out.printf(
                    "%-16s %14.2f %14.2f %10.1f %12.2f %12.0f%n",
                    names[w].substring(0, 7),
                    kapok,
                    prowide,
                    prowide / kapok,
                    (double) allocated[w] / messages[w],
                    (double) allocated[w + 1] / messages[w + 1]);
        }
    }

    /** One batch of {@code run}; returns CPU ns per message and adds its allocation when counted. */
    private static double batch(
            com.sun.management.ThreadMXBean threads,
            LongSupplier run,
            long[] allocated,
            long[] messages,
            int side,
            boolean counted) {
        long tid = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(tid);
        long start = threads.getCurrentThreadCpuTime();
        long stop = start + BATCH_CPU_NS_DEFAULT;
        long now;
        long count = 0;
        long checksum = 0;
        do {
            for (int i = 0; i < 32; i++) {
                checksum += run.getAsLong();
            }
            count += 32;
            now = threads.getCurrentThreadCpuTime();
        } while (now < stop);
        long allocatedAfter = threads.getThreadAllocatedBytes(tid);
        if (checksum == 42) {
            System.out.print("");
        }
        if (counted) {
            allocated[side] += allocatedAfter - allocatedBefore;
            messages[side] += count;
        }
        return (double) (now - start) / count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static LongSupplier workload(ClassLoader loader, String name) throws Exception {
        return (LongSupplier) loader.loadClass(DecodeAbWorkload.class.getName())
                .getConstructor(String.class)
                .newInstance(name);
    }

    private static ClassLoader loader(Path codecs, Path benchJar, List<Path> libraries) throws IOException {
        if (!Files.exists(codecs)) {
            throw new IllegalArgumentException("no codecs jar (or class directory) at " + codecs);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(codecs.toUri().toURL());
        urls.add(benchJar.toUri().toURL());
        for (Path library : libraries) {
            if (!library.getFileName().toString().startsWith("kapok-codecs")) {
                urls.add(library.toUri().toURL());
            }
        }
        // Only the platform classes are shared: each loader has its own codecs and bench classes.
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /**
     * Run from class directories (the build's tests): this JVM's class path without the bench
     * classes and the codecs, which each loader adds itself.
     */
    private static List<Path> classPathOfThisJvm(Path benchClasses, Path codecs) {
        List<Path> paths = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!p.equals(benchClasses.toAbsolutePath()) && !p.equals(codecs.toAbsolutePath())) {
                paths.add(p);
            }
        }
        return paths;
    }

    /** The bench jar's manifest Class-Path, resolved next to it. */
    private static List<Path> manifestClassPath(Path benchJar) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (JarFile jar = new JarFile(benchJar.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            for (String entry : classPath.trim().split("\\s+")) {
                paths.add(benchJar.getParent().resolve(entry));
            }
        }
        return paths;
    }
}
