package io.kapok.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Draws a latency-by-percentile plot as SVG, the way HdrHistogram's plotter does: x is the
 * percentile on a log scale of {@code 1 / (1 − p)} from 0 to 99.999, y is the latency in
 * milliseconds. Stateless; one call per plot, off the timed path.
 */
public final class LatencyPlotSvg {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    /** The x axis ends at 99.999%: 10^5 on the 1 / (1 − p) scale. */
    private static final double X_DECADES = 5;

    private LatencyPlotSvg() {}

    /** The SVG document of {@code latencyNs} (nanoseconds), titled {@code title}, with {@code subtitle}. */
    public static String render(Histogram latencyNs, String title, String subtitle) {
        List<double[]> points = new ArrayList<>();
        if (latencyNs.getTotalCount() > 0) {
            for (HistogramIterationValue v : latencyNs.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) {
                    break;
                }
                points.add(new double[] {x(p), latencyNs.highestEquivalentValue(v.getValueIteratedTo()) / 1e6});
            }
            points.add(new double[] {X_DECADES, latencyNs.getMaxValue() / 1e6});
        }
        double yMax = niceCeiling(points.stream().mapToDouble(pt -> pt[1]).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(16_384);
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT,
                escape(title)));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"38\" fill=\"#555\">%s</text>%n", LEFT, escape(subtitle)));
        // Grid and x ticks: 0, 90, 99, 99.9, 99.99, 99.999 %.
        String[] xLabels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int d = 0; d <= X_DECADES; d++) {
            double px = LEFT + plotW * d / X_DECADES;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    px,
                    TOP,
                    px,
                    TOP + plotH));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    px,
                    TOP + plotH + 18,
                    xLabels[d]));
        }
        for (int i = 0; i <= 5; i++) {
            double value = yMax * i / 5;
            double py = TOP + plotH - plotH * i / 5;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT,
                    py,
                    LEFT + plotW,
                    py));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6,
                    py + 4,
                    label(value)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT,
                TOP,
                plotW,
                plotH));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotW / 2,
                HEIGHT - 15));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">latency (ms)</text>%n",
                TOP + plotH / 2,
                TOP + plotH / 2));
        if (!points.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke=\"#1f6fb4\" stroke-width=\"2\" points=\"");
            for (double[] pt : points) {
                double px = LEFT + plotW * Math.min(pt[0], X_DECADES) / X_DECADES;
                double py = TOP + plotH - plotH * Math.min(pt[1], yMax) / yMax;
                svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("\"/>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Position of percentile {@code p} (0–100) on the x axis, in decades of 1 / (1 − p). */
    static double x(double p) {
        double rest = 1 - p / 100;
        return rest <= 0 ? X_DECADES : Math.min(X_DECADES, Math.log10(1 / rest));
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double ms) {
        return ms >= 10 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
