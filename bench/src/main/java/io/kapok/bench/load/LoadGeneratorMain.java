package io.kapok.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of {@code ./kapok load} ({@link LoadOptions#USAGE} lists the options): one open-loop
 * run, or with {@code --find-max} a search for the highest offered rate whose p99 stays under the
 * bound with no errors: the rate doubles from {@code --rate} until a step fails, then the interval
 * between the last pass and the first failure is halved until it is within 5% (at most {@value
 * #FIND_MAX_STEPS_MAX} steps).
 *
 * <p>Exit status: 0 when the run (or search) completed, whatever it measured; 1 when the gateway
 * cannot be reached, a set-up phase did not get its invoices registered and confirmed, or the files
 * cannot be written; 2 for a wrong command line.
 */
public final class LoadGeneratorMain {
    /** Most runs one {@code --find-max} search makes. */
    public static final int FIND_MAX_STEPS_MAX = 14;
    /** The search gives up below the starting rate divided by this when no step has passed. */
    public static final long FIND_MAX_FLOOR_DIVISOR = 16;

    private LoadGeneratorMain() {}

    public static void main(String[] args) throws InterruptedException {
        io.kapok.gateway.http.NettyLeakDetection.offUnlessAsked();
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (LoadOptions.UsageException e) {
            System.err.println("kapok load: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        try {
            if (options.findMax()) {
                findMax(options, System.out);
            } else {
                PaymentWindowProbe window = new PaymentWindowProbe(options.host(), options.port());
                long roomBefore = window.room();
                LoadResult result = new LoadRun(options, new UniqueIds(), System.err).run();
                LoadReport.print(result, System.out);
                String grew = PaymentWindowProbe.grewNote(roomBefore, window.room());
                if (!grew.isEmpty()) {
                    System.out.println("WARNING     " + grew);
                }
                Path[] files = LoadReport.writeFiles(result);
                StringBuilder names = new StringBuilder();
                for (Path f : files) {
                    names.append("  ").append(f);
                }
                System.out.println("files     " + names);
            }
        } catch (LoadRun.ConnectException | LoadRun.SetupException e) {
            System.err.println("kapok load: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("kapok load: cannot write the results into " + options.outDir() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the search, printing each step and the result to {@code out}; returns the best passing result or null. */
    static LoadResult findMax(LoadOptions options, PrintStream out)
            throws LoadRun.ConnectException, LoadRun.SetupException, InterruptedException, IOException {
        double bound = options.p99MaxMs();
        out.printf(
                Locale.ROOT,
                "find-max    target %s, p99 under %.3f ms with no errors, %.1f s per step after %.1f s warm-up%n",
                options.target(),
                bound,
                options.durationNs() / 1e9,
                options.warmupNs() / 1e9);
        PaymentWindowProbe window = new PaymentWindowProbe(options.host(), options.port());
        long room = window.room();
        long rate = options.ratePerSecond();
        long passed = 0;
        long failed = 0;
        LoadResult best = null;
        for (int step = 1; step <= FIND_MAX_STEPS_MAX && rate > 0; step++) {
            LoadOptions stepOptions = options.withRate(rate);
            LoadResult r = new LoadRun(stepOptions, new UniqueIds(), System.err).run();
            LoadReport.writeFiles(r);
            long roomAfter = window.room();
            boolean grew = PaymentWindowProbe.grew(room, roomAfter);
            boolean pass = r.passes(bound);
            out.printf(
                    Locale.ROOT,
                    "step %2d     offered %,9d/s  achieved %,9.0f/s  p50 %8.3f  p99 %8.3f  p99.9 %8.3f  max %8.3f ms  errors %,d  %s%s%n",
                    step,
                    rate,
                    r.achievedPerSecond(),
                    r.latencyMs(50),
                    r.latencyMs(99),
                    r.latencyMs(99.9),
                    r.maxMs(),
                    r.errors(),
                    pass ? "pass" : "FAIL",
                    (r.generatorBehind() ? "  (generator behind its schedule)" : "")
                            + (grew
                                    ? String.format(Locale.ROOT, "  (payment window grew %,d -> %,d)", room, roomAfter)
                                    : ""));
            room = roomAfter;
            if (pass) {
                passed = rate;
                best = r;
            } else {
                failed = rate;
            }
            long nextRate = failed == 0 ? rate * 2 : (passed + failed) / 2;
            if (failed != 0 && failed - passed <= Math.max(1, passed / 20)) {
                break;
            }
            if (passed == 0 && nextRate < Math.max(1, options.ratePerSecond() / FIND_MAX_FLOOR_DIVISOR)) {
                break; // nothing passes even far below the starting rate: searching further says no more
            }
            rate = nextRate;
            Thread.sleep(1_000); // lets the gateway finish whatever a failed step left queued
        }
        if (best == null) {
            out.printf(
                    Locale.ROOT,
                    "max         none: even %,d/s missed p99 %.3f ms or had errors; try a lower --rate%n",
                    options.ratePerSecond(),
                    bound);
        } else {
            out.printf(
                    Locale.ROOT,
                    "max         %,d msgs/s offered (achieved %,.0f/s) with p99 %.3f ms under %.3f ms and no errors%n",
                    passed,
                    best.achievedPerSecond(),
                    best.latencyMs(99),
                    bound);
            LoadReport.print(best, out);
        }
        return best;
    }
}
