package io.kapok.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

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

    /** Writes the .hgrm and .svg of {@code result} into its output directory; returns the two paths. */
    public static Path[] writeFiles(LoadResult result) throws IOException {
        LoadOptions o = result.options();
        Files.createDirectories(o.outDir());
        Path hgrm = o.outDir().resolve(baseName(o) + ".hgrm");
        Path svg = o.outDir().resolve(baseName(o) + ".svg");
        try (PrintStream out = new PrintStream(Files.newOutputStream(hgrm), false, StandardCharsets.UTF_8)) {
            result.latency().outputPercentileDistribution(out, 5, 1e6);
        }
        String title = String.format(
                Locale.ROOT,
                "Kapok load: %s, offered %,d msgs/s, %d connections",
                o.target().equals("echo") ? "echo (POST /v1/echo)" : "kapok (POST /v1/messages)",
                o.ratePerSecond(),
                o.connections());
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
        return new Path[] {hgrm, svg};
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
        out.printf(Locale.ROOT, "measured    %.1f s after %.1f s warm-up%n", o.durationNs() / 1e9, o.warmupNs() / 1e9);
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
        StringBuilder outcomes = new StringBuilder();
        for (Map.Entry<String, Long> e : r.byOutcome().entrySet()) {
            outcomes.append(String.format(Locale.ROOT, "  %s: %,d", e.getKey(), e.getValue()));
        }
        out.println("by outcome " + (outcomes.length() == 0 ? "  none" : outcomes));
        out.printf(
                Locale.ROOT,
                "latency ms  p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f  max %.3f%n",
                r.latencyMs(50),
                r.latencyMs(90),
                r.latencyMs(99),
                r.latencyMs(99.9),
                r.maxMs());
        out.printf(
                Locale.ROOT,
                "generator   send lag p99 %.3f ms  max %.3f ms; %,d sends over %.0f ms late; gateway held sends back %,d times%n",
                r.ownSendLag().getValueAtPercentile(99) / 1e6,
                r.ownSendLag().getMaxValue() / 1e6,
                r.lateSends(),
                LoadRun.SEND_LAG_LATE_NS / 1e6,
                r.heldBack());
        if (r.generatorBehind()) {
            out.println(
                    "WARNING     the generator fell behind its own schedule (send backlog): the offered rate was not"
                            + " really offered; use more --threads or fewer --connections, or run it on another machine");
        } else if (r.achievedPerSecond() < 0.99 * r.offeredPerSecond()) {
            out.println("note        achieved < offered and the generator kept its schedule: the gateway is the limit");
        }
    }
}
