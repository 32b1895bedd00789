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
 * #FIND_MAX_STEPS_MAX} steps). Before each run (and each step) it reads from the gateway's {@code
 * /v1/health} how many more payments its payment window and its fullest mailbox take ({@link
 * GatewayRoomProbe}): a run that will not fit is announced with a warning, a search stops at the
 * step that would not fit, or at a failed step that left either full, and says so, since the
 * refusals past that point measure the gateway's room, not its speed.
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
                GatewayRoomProbe probe = new GatewayRoomProbe(options.host(), options.port());
                GatewayRoomProbe.Room before = probe.read();
                String shortfall =
                        GatewayRoomProbe.shortfall(before, options.paymentsSent(), options.financingMessagesSent());
                if (!shortfall.isEmpty()) {
                    System.out.println("WARNING     this run will not fit in the gateway: " + shortfall);
                }
                LoadResult result = new LoadRun(options, new UniqueIds(), System.err).run();
                LoadReport.print(result, System.out);
                GatewayRoomProbe.Room after = probe.read();
                String grew = GatewayRoomProbe.grewNote(before, after);
                if (!grew.isEmpty()) {
                    System.out.println("WARNING     " + grew);
                }
                String filled = filledNote(after);
                if (!filled.isEmpty()) {
                    System.out.println("WARNING     " + filled + ": refusals for want of room, not of speed");
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

    /**
     * What a run left full in the gateway (the payment window, the fullest mailbox, the message
     * window), in words; empty when none is (or the gateway does not say).
     */
    static String filledNote(GatewayRoomProbe.Room room) {
        java.util.List<String> full = new java.util.ArrayList<>(3);
        if (room.windowFree() == 0) {
            full.add(String.format(
                    Locale.ROOT,
                    "the payment window is full (%,d decisions): payments refused",
                    room.windowCapacity()));
        }
        if (room.mailboxFree() == 0) {
            full.add(String.format(
                    Locale.ROOT,
                    "the mailbox of %s is full (%,d undelivered): messages to it answered 503",
                    room.fullestParty(),
                    room.mailboxUndeliveredMax()));
        }
        if (room.financingWindowFull() == 1) {
            full.add(String.format(
                    Locale.ROOT,
                    "the message window is full (%,d receivable-financing messages): new ones answered 503",
                    room.financingMessages()));
        }
        return String.join("; ", full);
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
        GatewayRoomProbe probe = new GatewayRoomProbe(options.host(), options.port());
        GatewayRoomProbe.Room room = probe.read();
        long rate = options.ratePerSecond();
        long passed = 0;
        long failed = 0;
        LoadResult best = null;
        String stoppedBy = null;
        for (int step = 1; step <= FIND_MAX_STEPS_MAX && rate > 0; step++) {
            LoadOptions stepOptions = options.withRate(rate);
            String shortfall =
                    GatewayRoomProbe.shortfall(room, stepOptions.paymentsSent(), stepOptions.financingMessagesSent());
            if (!shortfall.isEmpty()) {
                stoppedBy = String.format(
                        Locale.ROOT, "step %d at %,d/s would not fit in the gateway: %s", step, rate, shortfall);
                break;
            }
            LoadResult r = new LoadRun(stepOptions, new UniqueIds(), System.err).run();
            LoadReport.writeFiles(r);
            GatewayRoomProbe.Room roomAfter = probe.read();
            boolean grew = GatewayRoomProbe.grew(room, roomAfter);
            boolean pass = r.passes(bound);
            String filled = pass ? "" : filledNote(roomAfter);
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
                                    ? String.format(
                                            Locale.ROOT,
                                            "  (payment window grew %,d -> %,d)",
                                            room.windowRoom(),
                                            roomAfter.windowRoom())
                                    : "")
                            + (filled.isEmpty() ? "" : "  (" + filled + ")"));
            room = roomAfter;
            if (!filled.isEmpty()) {
                stoppedBy = String.format(
                        Locale.ROOT,
                        "step %d at %,d/s failed because %s: its refusals say nothing of the rate",
                        step,
                        rate,
                        filled);
                break;
            }
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
        if (stoppedBy != null) {
            out.println("stopped     " + stoppedBy);
            if (best != null) {
                out.println("            the search ended at the gateway's limits, not at the latency bound: the max"
                        + " below is a lower bound");
            }
        }
        if (best == null && stoppedBy != null) {
            out.println("max         none: no step passed before the search stopped");
        } else if (best == null) {
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
