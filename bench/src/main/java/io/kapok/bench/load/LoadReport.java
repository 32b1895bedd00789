package io.kapok.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The end of a run: the summary on stdout, and the {@code .hgrm} (HdrHistogram's percentile
 * distribution, in milliseconds) and {@code .svg} (latency by percentile) files in the output
 * directory, named after the target and the offered rate, e.g. {@code kapok-5000rps.svg}.
 */
public final class LoadReport {
    private LoadReport() {}

    /** The base name of a run's files: {@code <target>-<rate>rps}. */
    public static String baseName(LoadOptions options) {
        return options.target() + "-" + options.ratePerSecond() + "rps";
    }

    /**
     * Writes the .hgrm and .svg of {@code result} into its output directory, and for a mix of
     * several types one .hgrm per type ({@code kapok-2000rps-tsin001.hgrm}); returns the paths, the
     * run's .hgrm and .svg first.
     */
    public static Path[] writeFiles(LoadResult result) throws IOException {
        LoadOptions o = result.options();
        Files.createDirectories(o.outDir());
        List<Path> files = new ArrayList<>();
        Path hgrm = o.outDir().resolve(baseName(o) + ".hgrm");
        Path svg = o.outDir().resolve(baseName(o) + ".svg");
        writeHgrm(hgrm, result.latency());
        files.add(hgrm);
        files.add(svg);
        Path hlog = o.outDir().resolve(baseName(o) + ".hlog");
        writeHlog(hlog, result);
        files.add(hlog);
        if (result.byType().size() > 1) {
            for (Map.Entry<MixType, LoadResult.TypeResult> e : result.byType().entrySet()) {
                Path typeHgrm = o.outDir().resolve(baseName(o) + "-" + e.getKey().option + ".hgrm");
                writeHgrm(typeHgrm, e.getValue().latency());
                files.add(typeHgrm);
            }
        }
        String title = String.format(
                Locale.ROOT,
                "Kapok load: %s, offered %,d msgs/s, %d connections%s",
                o.target().equals("echo") ? "echo (POST /v1/echo)" : "kapok (POST /v1/messages)",
                o.ratePerSecond(),
                o.connections(),
                o.mix().weights().size() > 1 || !o.mix().has(MixType.PACS008) ? ", mix " + o.mix() : "");
        String subtitle = String.format(
                Locale.ROOT,
                "achieved %,.0f/s; p50 %.3f, p99 %.3f, p99.9 %.3f, max %.3f ms; %,d answers, %,d errors",
                result.achievedPerSecond(),
                result.latencyMs(50),
                result.latencyMs(99),
                result.latencyMs(99.9),
                result.maxMs(),
                result.answered(),
                result.errors());
        Files.writeString(svg, LatencyPlotSvg.render(result.latency(), title, subtitle), StandardCharsets.UTF_8);
        return files.toArray(new Path[0]);
    }

    /**
     * The run's latency second by second as an HdrHistogram interval log (one compressed histogram
     * per second, nanoseconds, maxima in milliseconds), which HdrHistogram's {@code
     * HistogramLogProcessor} and HistogramLogAnalyzer read and plot over time.
     */
    private static void writeHlog(Path file, LoadResult result) throws IOException {
        List<LoadResult.LatencyInterval> seconds = result.latencyBySecond();
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            LoadOptions o = result.options();
            log.outputComment(String.format(
                    Locale.ROOT,
                    "Kapok load: target %s, offered %d/s, %d connections, mix %s; latency in ns from the intended"
                            + " send time, one interval per second of the measured window by answer time, from"
                            + " the first second with an answer",
                    o.target(),
                    o.ratePerSecond(),
                    o.connections(),
                    o.mix()));
            log.outputLogFormatVersion();
            if (!seconds.isEmpty()) {
                long baseMs = seconds.get(0).startEpochMs();
                log.setBaseTime(baseMs);
                log.outputBaseTime(baseMs);
                log.outputStartTime(baseMs);
            }
            log.outputLegend();
            for (LoadResult.LatencyInterval second : seconds) {
                log.outputIntervalHistogram(second.histogram());
            }
        }
    }

    /** HdrHistogram's percentile distribution of {@code latencyNs}, in milliseconds. */
    private static void writeHgrm(Path file, Histogram latencyNs) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            latencyNs.outputPercentileDistribution(out, 5, 1e6);
        }
    }

    /** Seconds printed one by one; a longer run gets only the summary line. */
    static final int SECONDS_LISTED_MAX = 120;

    /**
     * The p99 of each measured second (by answer time) and which was worst: whether a high p99 comes
     * from a few stalls or from every second.
     */
    private static void printBySecond(LoadResult r, PrintStream out) {
        List<LoadResult.LatencyInterval> seconds = r.latencyBySecond();
        LoadResult.LatencyInterval worst = r.worstSecond();
        if (worst == null) {
            return;
        }
        double boundMs = r.options().p99MaxMs();
        if (seconds.size() <= SECONDS_LISTED_MAX) {
            StringBuilder p99s = new StringBuilder();
            for (LoadResult.LatencyInterval second : seconds) {
                p99s.append(' ').append(second.count() == 0 ? "-" : shortMs(second.p99Ns()));
            }
            out.println("p99 by s ms" + p99s);
        }
        out.printf(
                Locale.ROOT,
                "by second   %d of %d seconds with p99 over %s ms; worst at +%.0f s: p99 %.3f  max %.3f ms (%,d answers)%n",
                r.secondsWithP99Over(boundMs),
                seconds.size(),
                shortMs((long) (boundMs * 1e6)),
                worst.offsetMs() / 1e3,
                worst.p99Ns() / 1e6,
                worst.maxNs() / 1e6,
                worst.count());
    }

    /** Milliseconds with 2 significant digits below 10, whole above: "0.42", "3.1", "412". */
    static String shortMs(long ns) {
        double ms = ns / 1e6;
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        return ms >= 1 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    /** Prints the summary of {@code result} to {@code out}. */
    public static void print(LoadResult r, PrintStream out) {
        LoadOptions o = r.options();
        out.printf(
                Locale.ROOT,
                "target      %s  http://%s:%d%s  (%d connections, %d client thread%s, %s)%n",
                o.target(),
                o.host(),
                o.port(),
                o.path(),
                o.connections(),
                o.threads(),
                o.threads() == 1 ? "" : "s",
                r.epoll() ? "epoll" : "nio");
        out.printf(
                Locale.ROOT,
                "measured    %.1f s after %.1f s warm-up; mix %s%n",
                o.durationNs() / 1e9,
                o.warmupNs() / 1e9,
                o.mix());
        for (LoadResult.SetupStage stage : r.setup()) {
            LoadResult.TypeResult t = stage.result();
            out.printf(
                    Locale.ROOT,
                    "%-11s %,d %s (%,d invoices) at %,d/s in %.1f s, achieved %,.0f/s; %s; p50 %.3f  p99 %.3f ms%n",
                    stage.name(),
                    t.requests(),
                    stage.type().iso,
                    stage.invoices(),
                    o.setupRatePerSecond(),
                    stage.seconds(),
                    stage.seconds() > 0 ? t.answered() / stage.seconds() : Double.NaN,
                    outcomes(t.byOutcome()),
                    t.latencyMs(50),
                    t.latencyMs(99));
        }
        out.printf(
                Locale.ROOT,
                "rate        offered %,.0f/s  achieved %,.0f/s%n",
                r.offeredPerSecond(),
                r.achievedPerSecond());
        out.printf(
                Locale.ROOT,
                "requests    due %,d  sent %,d  answered %,d  errors %,d%n",
                r.requests(),
                r.sent(),
                r.answered(),
                r.errors());
        StringBuilder statuses = new StringBuilder();
        for (Map.Entry<Integer, Long> e : r.byStatus().entrySet()) {
            statuses.append(String.format(Locale.ROOT, "  %d: %,d", e.getKey(), e.getValue()));
        }
        out.println("by status  " + (statuses.length() == 0 ? "  none" : statuses));
        out.println("by outcome   " + outcomes(r.byOutcome()));
        out.printf(
                Locale.ROOT,
                "latency ms  p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
                r.latencyMs(50),
                r.latencyMs(90),
                r.latencyMs(99),
                r.latencyMs(99.9),
                r.maxMs());
        printBySecond(r, out);
        if (r.byType().size() > 1 || !r.byType().containsKey(MixType.PACS008)) {
            for (Map.Entry<MixType, LoadResult.TypeResult> e : r.byType().entrySet()) {
                LoadResult.TypeResult t = e.getValue();
                out.printf(
                        Locale.ROOT,
                        "%-11s due %,d  answered %,d  errors %,d  p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f ms;  %s%n",
                        e.getKey().iso,
                        t.requests(),
                        t.answered(),
                        t.errors(),
                        t.latencyMs(50),
                        t.latencyMs(90),
                        t.latencyMs(99),
                        t.latencyMs(99.9),
                        t.latency().getTotalCount() == 0
                                ? Double.NaN
                                : t.latency().getMaxValue() / 1e6,
                        outcomes(t.byOutcome()));
            }
        }
        out.printf(
                Locale.ROOT,
                "generator   send lag p99 %.3f ms  max %.3f ms; %,d sends over %.0f ms late; gateway held sends back %,d times;"
                        + " at most %,d in flight on a connection (--in-flight %,d)%n",
                r.ownSendLag().getValueAtPercentile(99) / 1e6,
                r.ownSendLag().getMaxValue() / 1e6,
                r.lateSends(),
                LoadRun.SEND_LAG_LATE_NS / 1e6,
                r.heldBack(),
                r.inFlightPeak(),
                r.options().inFlightMax());
        LoadResult.CpuCost cpu = r.cpu();
        if (!Double.isNaN(cpu.generatorUsPerRequest())) {
            out.printf(
                    Locale.ROOT,
                    "cpu         generator %.1f us per request sent%s%n",
                    cpu.generatorUsPerRequest(),
                    Double.isNaN(cpu.gatewayUsPerRequest())
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; gateway (pid %d) %.1f us per answer",
                                    r.options().gatewayPid(),
                                    cpu.gatewayUsPerRequest()));
        }
        if (!cpu.gatewayUsByThread().isEmpty()) {
            StringBuilder threads = new StringBuilder();
            cpu.gatewayUsByThread().forEach((role, us) -> {
                if (us >= 0.05) {
                    threads.append(String.format(Locale.ROOT, "  %s %.1f", role, us));
                }
            });
            out.printf(Locale.ROOT, "gateway cpu us per answer by thread:%s%n", threads);
        }
        if (cpu.stillCompiling()) {
            out.printf(
                    Locale.ROOT,
                    "WARNING     the JIT compiler was still busy in the measured window (gateway %s, generator %s of"
                            + " its CPU): these are warm-up figures; run longer or with a longer --warmup%n",
                    percent(cpu.gatewayJitShare()),
                    percent(cpu.generatorJitShare()));
        }
        if (r.generatorBehind()) {
            out.println(
                    "WARNING     the generator fell behind its own schedule (send backlog): the offered rate was not"
                            + " really offered; use more --threads or fewer --connections, or run it on another machine");
        } else if (r.achievedPerSecond() < 0.99 * r.offeredPerSecond()) {
            out.println("note        achieved < offered and the generator kept its schedule: the gateway is the limit");
        }
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "unknown" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** {@code RCCF: 1,200  RCER CA03: 2}, or {@code none}. */
    private static String outcomes(Map<String, Long> byOutcome) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Long> e : byOutcome.entrySet()) {
            s.append(s.length() == 0 ? "" : "  ")
                    .append(String.format(Locale.ROOT, "%s: %,d", e.getKey(), e.getValue()));
        }
        return s.length() == 0 ? "none" : s.toString();
    }
}
