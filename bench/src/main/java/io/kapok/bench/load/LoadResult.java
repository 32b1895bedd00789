package io.kapok.bench.load;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured, counting only the requests whose intended send time falls in the
 * measured window (after the warm-up).
 *
 * @param options           what was run
 * @param epoll             whether the client used Netty's native epoll transport
 * @param requests          requests due in the measured window
 * @param sent              of them, sent
 * @param answered          of them, answered (any status)
 * @param errors            of them, not answered with HTTP 200 and their type's positive status
 *                          ({@link MixType#positive}: ACSC, RCCF), or not answered at all (no
 *                          answer, not sent, connection lost)
 * @param offeredPerSecond  requests due per second of the measured window
 * @param achievedPerSecond answers per second, over the measured window or until the last answer
 * @param byStatus          answers by HTTP status code
 * @param byOutcome         answers and failures by outcome, every type together: {@code ACSC},
 *                          {@code RCCF}, {@code RJCT DUPL}, {@code HTTP 503 admi.002 …}, {@code no
 *                          answer}…
 * @param latency           latency from intended send time to answer, nanoseconds
 * @param ownSendLag        for requests not held back by the gateway: actual − intended send time,
 *                          nanoseconds (the generator's own lateness, warm-up included)
 * @param heldBack          times a connection held requests back because the gateway had not read
 *                          or answered them ({@code --in-flight} requests in flight, or a full
 *                          socket buffer)
 * @param inFlightPeak      the most requests one connection had in flight at once in this phase
 *                          (at most {@code --in-flight}; 1 means no request was pipelined)
 * @param lateSends         requests the generator itself sent over {@link LoadRun#SEND_LAG_LATE_NS} late
 * @param byType            the same counts, outcomes and latency for each type of the mix
 * @param setup             the set-up phases that ran before the timed one (none for a mix without
 *                          tsin.013 or tsin.001, or against the echo endpoint)
 * @param cpu               the CPU time the generator and the gateway spent in the measured window
 * @param latencyBySecond   the same latency second by second, by the time the answers came: from
 *                          the first second with a measured answer to the last
 */
public record LoadResult(
        LoadOptions options,
        boolean epoll,
        long requests,
        long sent,
        long answered,
        long errors,
        double offeredPerSecond,
        double achievedPerSecond,
        Map<Integer, Long> byStatus,
        Map<String, Long> byOutcome,
        Histogram latency,
        Histogram ownSendLag,
        long heldBack,
        int inFlightPeak,
        long lateSends,
        Map<MixType, TypeResult> byType,
        List<SetupStage> setup,
        CpuCost cpu,
        List<LatencyInterval> latencyBySecond) {

    /**
     * The measured answers that came in one interval of about a second.
     *
     * @param offsetMs     the interval's start, milliseconds after the measured window began (≥ 0)
     * @param startEpochMs the interval's start, epoch milliseconds
     * @param endEpochMs   its end, epoch milliseconds
     * @param count        answers in it
     * @param p99Ns        their 99th percentile latency, nanoseconds (0 without answers)
     * @param maxNs        their highest latency, nanoseconds (0 without answers)
     * @param compressed   their latency histogram (nanoseconds), as {@link
     *                     Histogram#encodeIntoCompressedByteBuffer} writes it: the {@code .hlog} line
     */
    public record LatencyInterval(
            long offsetMs, long startEpochMs, long endEpochMs, long count, long p99Ns, long maxNs, byte[] compressed) {

        /** The interval's histogram, with its start and end time stamps. */
        public Histogram histogram() {
            try {
                Histogram h = Histogram.decodeFromCompressedByteBuffer(java.nio.ByteBuffer.wrap(compressed), 0);
                h.setStartTimeStamp(startEpochMs);
                h.setEndTimeStamp(endEpochMs);
                return h;
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException("an interval histogram this run encoded does not decode", e);
            }
        }
    }

    /** The measured seconds whose p99 was over {@code boundMs}. */
    public long secondsWithP99Over(double boundMs) {
        return latencyBySecond.stream().filter(i -> i.p99Ns() > boundMs * 1e6).count();
    }

    /** The measured second with the highest p99, or null when no answer came. */
    public LatencyInterval worstSecond() {
        LatencyInterval worst = null;
        for (LatencyInterval i : latencyBySecond) {
            if (i.count() > 0 && (worst == null || i.p99Ns() > worst.p99Ns())) {
                worst = i;
            }
        }
        return worst;
    }

    /**
     * CPU time (user + system, every thread) spent from the start of the measured window until its
     * last request was due: the generator's own per request it sent in that time, and the
     * gateway's per answer it gave (when its process id was given, {@code --gateway-pid}). On a
     * machine where both run, the highest rate the pair can sustain is about
     * {@code cores / (generator + gateway)} requests per microsecond, whichever is the bottleneck.
     *
     * @param generatorUsPerRequest this process, microseconds per request sent; NaN when unknown
     * @param gatewayUsPerRequest   the gateway's process, microseconds per answer; NaN when not asked for or unknown
     * @param gatewayUsByThread     the same per thread role of the gateway (its named threads,
     *                              {@code jit}, {@code gc}), largest first; empty when unknown
     * @param generatorJitShare     the part of this process's CPU its JIT compiler took, 0..1; NaN when unknown
     * @param gatewayJitShare       the part of the gateway's CPU its JIT compiler took, 0..1; NaN when unknown
     */
    public record CpuCost(
            double generatorUsPerRequest,
            double gatewayUsPerRequest,
            Map<String, Double> gatewayUsByThread,
            double generatorJitShare,
            double gatewayJitShare) {
        static final CpuCost UNKNOWN = new CpuCost(Double.NaN, Double.NaN, Map.of(), Double.NaN, Double.NaN);

        /**
         * A JIT compiler above this part of a process's CPU in the measured window means the code
         * was still being compiled: the figures are of a process warming up, not of its steady state.
         */
        public static final double JIT_STEADY_SHARE_MAX = 0.05;

        /** Either process was still compiling in the measured window ({@link #JIT_STEADY_SHARE_MAX}). */
        public boolean stillCompiling() {
            return generatorJitShare > JIT_STEADY_SHARE_MAX || gatewayJitShare > JIT_STEADY_SHARE_MAX;
        }
    }

    /**
     * What one message type of the mix measured, over the measured window.
     *
     * @param requests  due
     * @param sent      of them, sent
     * @param answered  of them, answered
     * @param errors    of them, not answered with HTTP 200 and {@link MixType#positive}
     * @param byOutcome by outcome, as {@link LoadResult#byOutcome}
     * @param latency   from intended send time to answer, nanoseconds
     */
    public record TypeResult(
            long requests, long sent, long answered, long errors, Map<String, Long> byOutcome, Histogram latency) {
        /** Latency at {@code percentile} (0–100), milliseconds. */
        public double latencyMs(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /**
     * One set-up phase: every request is measured, none is warm-up.
     *
     * @param name     {@code set-up: register} or {@code set-up: confirm}
     * @param type     what it sent: tsin.004 or tsin.013
     * @param invoices the invoices it registered or confirmed
     * @param seconds  from the first request's intended send time to the last answer
     * @param result   its requests, answers, outcomes and latency
     */
    public record SetupStage(String name, MixType type, long invoices, double seconds, TypeResult result) {}

    /** Latency at {@code percentile} (0–100), milliseconds. */
    public double latencyMs(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
    }

    /** Highest latency, milliseconds. */
    public double maxMs() {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1e6;
    }

    /**
     * True when the generator could not keep its own schedule: over 1% of its sends were late by
     * more than {@link LoadRun#SEND_LAG_LATE_NS} for no reason of the gateway's.
     */
    public boolean generatorBehind() {
        return ownSendLag.getTotalCount() > 0 && lateSends * 100 > ownSendLag.getTotalCount();
    }

    /** Every due request answered 200 ACSC, with p99 at most {@code p99MaxMs}. */
    public boolean passes(double p99MaxMs) {
        return errors == 0 && answered == requests && latencyMs(99) <= p99MaxMs;
    }
}
