package io.kapok.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One open-loop load run: request {@code i} is due at {@code start + i / rate} whatever the answers
 * do, goes out on connection {@code i mod C} (pipelined: the gateway answers in request order), and
 * its latency is the time from that intended send time to its answer, so a stalled gateway shows
 * up in the latency of every request it delayed (coordinated omission corrected).
 *
 * <p>A mix that confirms or finances invoices ({@code tsin013}, {@code tsin001}) first runs the
 * set-up phases of {@link LoadMessages} over the same connections, each paced at {@link
 * LoadOptions#setupRatePerSecond()} and waited for to its last answer; a set-up answer that is not
 * RCCF stops the run ({@link SetupException}), since the timed phase would consume invoices that
 * are not there. Then the timed phase runs the mix, and only it is measured.
 *
 * <p>Threads: the Netty client event loops ({@link LoadOptions#threads()}, epoll where available)
 * send and receive; the caller's thread prints the progress line every second and collects the
 * result. Nothing is parsed or formatted per request beyond copying a template ({@link
 * LoadMessages}) and scanning the answer for its status ({@code <TxSts>} or {@code <Sts>}) and
 * {@code <Cd>}.
 *
 * <p>Limits: at most {@code --in-flight} requests in flight per connection ({@value
 * #IN_FLIGHT_PER_CONNECTION_MAX} unless told fewer), and
 * nothing is written while a connection's socket buffer is above its high-water mark; a request
 * held back by either goes out as soon as the gateway answers, still timed from its intended send
 * time. After the last request of the timed phase is due, answers are awaited for at most {@value
 * #DRAIN_TIMEOUT_MS} ms; what is still unanswered then counts as an error. A set-up phase waits
 * as long as answers keep coming, until none has come for {@value #DRAIN_TIMEOUT_MS} ms.
 */
public final class LoadRun {
    /** Requests one connection may have sent and not yet had answered. */
    public static final int IN_FLIGHT_PER_CONNECTION_MAX = 4096;
    /** How long the end of a phase waits for the last answers, milliseconds. */
    public static final long DRAIN_TIMEOUT_MS = 10_000;
    /** Send lag (actual send − intended) above which the generator counts itself late, ns. */
    public static final long SEND_LAG_LATE_NS = 1_000_000;

    /** The intended send time of the priming request, outside the schedule. */
    private static final long PRIMING = Long.MIN_VALUE;

    private static final long START_DELAY_NS = 100_000_000;
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int TYPES = MixType.values().length;

    private final LoadOptions options;
    private final UniqueIds ids;
    private final PrintStream progress;
    private final boolean progressOnOneLine;

    /** Built in {@link #run()}, before the connections; then read by the event loops. */
    private volatile LoadMessages messages;

    /** A run that cannot start: the gateway does not accept connections. */
    public static final class ConnectException extends Exception {
        private static final long serialVersionUID = 1L;

        ConnectException(String message) {
            super(message, null, false, false);
        }
    }

    /** A set-up phase that did not get every invoice registered or confirmed: the timed phase cannot run. */
    public static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        SetupException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param options  what to run; {@link LoadOptions#findMax()} is ignored here
     * @param ids      the identifiers of this run (a fresh {@link UniqueIds} per run)
     * @param progress where the progress line goes every second (stderr), or {@code null}
     */
    public LoadRun(LoadOptions options, UniqueIds ids, PrintStream progress) {
        this.options = options;
        this.ids = ids;
        this.progress = progress;
        this.progressOnOneLine = progress == System.err && System.console() != null;
    }

    /** Runs the set-up phases, then the load, and waits for its last answers; the caller's thread prints progress. */
    public LoadResult run() throws ConnectException, SetupException, InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group =
                epoll ? new EpollEventLoopGroup(options.threads()) : new NioEventLoopGroup(options.threads());
        try {
            return run(group, epoll);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private LoadResult run(EventLoopGroup group, boolean epoll)
            throws ConnectException, SetupException, InterruptedException {
        int c = options.connections();
        double timedIntervalNs = 1e9 / options.ratePerSecond();
        long timedCount = options.timedRequestCount();
        messages = new LoadMessages(options.mix(), timedCount, ids, System.currentTimeMillis());
        // The request line and headers of each type are the same for every request: encoded once,
        // they lead each body in the bytes written, so the timed path does no HTTP encoding.
        byte[][] heads = new byte[TYPES][];
        for (MixType type : MixType.values()) {
            heads[type.ordinal()] = ("POST " + options.path() + " HTTP/1.1\r\n"
                            + "Host: " + options.host() + ":" + options.port() + "\r\n"
                            + "Content-Type: application/xml; charset=UTF-8\r\n"
                            + "Content-Length: " + messages.length(type) + "\r\n"
                            + "Connection: keep-alive\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        List<ConnectionHandler> connections = new ArrayList<>(c);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(128 * 1024, 256 * 1024));
        for (int i = 0; i < c; i++) {
            ConnectionHandler handler = new ConnectionHandler(i, heads);
            connections.add(handler);
            ChannelFuture f = bootstrap
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpAnswerDecoder(handler))
                                    .addLast(handler);
                        }
                    })
                    .connect(options.host(), options.port())
                    .await();
            if (!f.isSuccess()) {
                close(connections);
                throw new ConnectException("cannot connect to " + options.host() + ":" + options.port() + ": "
                        + f.cause().getMessage() + "; is the gateway running (./kapok run)?");
            }
            handler.channel = f.channel();
        }
        try {
            prime(connections);
            List<LoadResult.SetupStage> setup = new ArrayList<>();
            if (options.target().equals("kapok")) {
                for (LoadMessages.Phase phase : messages.setup()) {
                    setup.add(runSetup(phase, connections));
                }
            }
            Schedule timed = new Schedule(
                    messages.timed(), timedCount, timedIntervalNs, options.warmupNs(), options.ratePerSecond());
            runSchedule(timed, connections, false);
            return collect(timed, connections, epoll, setup);
        } finally {
            close(connections);
        }
    }

    /**
     * One unmeasured request per connection first, answered before any schedule starts, so that
     * class loading and the first connection set-up on either side are not charged to it.
     */
    private void prime(List<ConnectionHandler> connections) throws ConnectException, InterruptedException {
        CountDownLatch primed = new CountDownLatch(connections.size());
        for (ConnectionHandler h : connections) {
            h.primed = primed;
            h.channel.eventLoop().execute(h::prime);
        }
        if (!primed.await(CONNECT_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS)) {
            throw new ConnectException("the gateway at " + options.host() + ":" + options.port()
                    + " accepted connections but did not answer a first request to " + options.path()
                    + " within " + 2 * CONNECT_TIMEOUT_MS + " ms");
        }
    }

    private static void close(List<ConnectionHandler> connections) {
        for (ConnectionHandler h : connections) {
            if (h.channel != null) {
                h.channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs set-up phase {@code phase} at the set-up rate, all of it measured; fails unless every answer was RCCF. */
    private LoadResult.SetupStage runSetup(LoadMessages.Phase phase, List<ConnectionHandler> connections)
            throws SetupException, InterruptedException {
        long rate = options.setupRatePerSecond();
        Schedule s = new Schedule(phase, phase.count(), 1e9 / rate, 0, rate);
        runSchedule(s, connections, true);
        MixType type = phase.typeAt(0);
        LoadResult.TypeResult r = typeResult(s, connections, type, s.latency[type.ordinal()].getIntervalHistogram());
        long lastAnswerNs = s.startNs;
        for (ConnectionHandler h : connections) {
            lastAnswerNs = Math.max(lastAnswerNs, h.lastAnswerNs);
        }
        long invoices = type == MixType.TSIN013 ? phase.count() * FlowTemplates.CONFIRMATION_ITEMS : phase.count();
        LoadResult.SetupStage stage =
                new LoadResult.SetupStage(phase.name(), type, invoices, (lastAnswerNs - s.startNs) / 1e9, r);
        if (r.errors() > 0) {
            throw new SetupException(String.format(
                    Locale.ROOT,
                    "%s: %,d of %,d %s were not answered %s (%s); the timed phase would use invoices that are not"
                            + " there. Is the gateway on the demo world (config/kapok.yaml)? Try a lower --setup-rate",
                    phase.name(),
                    r.errors(),
                    r.requests(),
                    type.iso,
                    type.positive,
                    r.byOutcome()));
        }
        return stage;
    }

    private static final long SECOND_NS = 1_000_000_000L;

    /**
     * Runs {@code s} over the connections until every request is answered or the drain time is up:
     * {@value #DRAIN_TIMEOUT_MS} ms after the last request was due, or with {@code untilIdle} (set-up,
     * which must finish rather than be timed) {@value #DRAIN_TIMEOUT_MS} ms after the last answer.
     */
    private void runSchedule(Schedule s, List<ConnectionHandler> connections, boolean untilIdle)
            throws InterruptedException {
        s.startNs = System.nanoTime() + START_DELAY_NS;
        s.measureStartNs = s.startNs + s.warmupNs;
        for (ConnectionHandler h : connections) {
            h.channel.eventLoop().execute(() -> h.begin(s));
            h.channel.eventLoop().schedule(h::pump, Math.max(0, s.startNs - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        Histogram total = new Histogram(3);
        Histogram interval = null;
        long lastDueNs = s.intendedNs(s.requestCount - 1);
        long lastPrintNs = s.startNs;
        long lastAnswered = 0;
        long lastSent = 0;
        long deadlineNs = s.intendedNs(s.requestCount - 1) + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MS);
        while (true) {
            long now = System.nanoTime();
            if (s.cpuFromNs == 0 && now >= s.measureStartNs) {
                s.cpuFromNs = now;
                s.sentFrom = s.sent.sum();
                s.answeredFrom = s.answered.sum();
                s.generatorCpuFromNs = CpuClock.ownNs();
                s.gatewayCpuFromNs = CpuClock.processNs(options.gatewayPid());
                s.generatorThreadsFromNs =
                        CpuClock.threadsNs(ProcessHandle.current().pid());
                s.gatewayThreadsFromNs = CpuClock.threadsNs(options.gatewayPid());
            } else if (s.cpuToNs == 0 && s.cpuFromNs != 0 && now >= lastDueNs) {
                readCpuTo(s, now);
            }
            if (allDone(connections, s) || now >= deadlineNs) {
                break;
            }
            if (untilIdle && s.answered.sum() != lastAnswered) {
                deadlineNs = Math.max(deadlineNs, now + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MS));
            }
            // Seconds on a grid from the measured window's start, so its seconds are whole seconds of it.
            long nextPrint =
                    s.measureStartNs + (Math.floorDiv(lastPrintNs - s.measureStartNs, SECOND_NS) + 1) * SECOND_NS;
            if (now < nextPrint) {
                Thread.sleep(Math.max(1, Math.min(10, (nextPrint - now) / 1_000_000)));
                continue;
            }
            interval = s.overall.getIntervalHistogram(interval);
            total.add(interval);
            s.addSecond(interval, lastPrintNs, now);
            long a = s.answered.sum();
            long sent = s.sent.sum();
            double seconds = (now - lastPrintNs) / 1e9;
            printProgress(s, now, (sent - lastSent) / seconds, (a - lastAnswered) / seconds, total);
            lastPrintNs = now;
            lastAnswered = a;
            lastSent = sent;
        }
        if (s.cpuToNs == 0 && s.cpuFromNs != 0) {
            readCpuTo(s, Math.min(System.nanoTime(), lastDueNs)); // answered before the last due time was seen
        }
        if (progress != null && progressOnOneLine) {
            progress.println();
        }
        for (ConnectionHandler h : connections) {
            h.channel.eventLoop().submit(h::finish).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        long endNs = System.nanoTime();
        interval = s.overall.getIntervalHistogram(interval);
        total.add(interval);
        s.addSecond(interval, lastPrintNs, endNs);
        s.total = total;
    }

    /** The CPU readings that close the measured window, taken at {@code atNs}. */
    private void readCpuTo(Schedule s, long atNs) {
        s.cpuToNs = atNs;
        s.sentTo = s.sent.sum();
        s.answeredTo = s.answered.sum();
        s.generatorCpuToNs = CpuClock.ownNs();
        s.gatewayCpuToNs = CpuClock.processNs(options.gatewayPid());
        s.generatorThreadsToNs = CpuClock.threadsNs(ProcessHandle.current().pid());
        s.gatewayThreadsToNs = CpuClock.threadsNs(options.gatewayPid());
    }

    private static boolean allDone(List<ConnectionHandler> connections, Schedule s) {
        for (ConnectionHandler h : connections) {
            if (h.schedule != s || !h.done) {
                return false;
            }
        }
        return true;
    }

    private void printProgress(Schedule s, long now, double sentPerSecond, double answeredPerSecond, Histogram total) {
        if (progress == null) {
            return;
        }
        double elapsed = (now - s.startNs) / 1e9;
        boolean warmingUp = now < s.measureStartNs;
        boolean timed = s.phase == null || s.phase.name().equals("timed");
        String line = String.format(
                Locale.ROOT,
                "%s%6.1f s%s  offered %,d/s  sent %,.0f/s  answered %,.0f/s  errors %,d  p99 %s",
                timed ? "" : s.phase.name() + " ",
                elapsed,
                warmingUp ? " (warm-up)" : "",
                s.ratePerSecond,
                sentPerSecond,
                answeredPerSecond,
                s.errors.sum(),
                total.getTotalCount() == 0
                        ? "-"
                        : String.format(Locale.ROOT, "%.3f ms", total.getValueAtPercentile(99) / 1e6));
        if (progressOnOneLine) {
            progress.print("\r" + line + "   ");
        } else {
            progress.println(line);
        }
        progress.flush();
    }

    private LoadResult collect(
            Schedule s, List<ConnectionHandler> connections, boolean epoll, List<LoadResult.SetupStage> setup) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        Histogram ownLag = new Histogram(3);
        long measuredSent = 0;
        long measuredAnswered = 0;
        long measuredErrors = 0;
        long heldBack = 0;
        int inFlightPeak = 0;
        long lateSends = 0;
        long lastAnswerNs = s.measureStartNs;
        for (ConnectionHandler h : connections) {
            for (int status = 0; status < h.byStatus.length; status++) {
                if (h.byStatus[status] > 0) {
                    byStatus.merge(status, h.byStatus[status], Long::sum);
                }
            }
            for (int t = 0; t < TYPES; t++) {
                h.byOutcome[t].forEach((k, v) -> byOutcome.merge(k, v[0], Long::sum));
                if (h.positive[t] > 0) {
                    byOutcome.merge(positiveOutcome(MixType.of(t)), h.positive[t], Long::sum);
                }
                measuredSent += h.measuredSent[t];
                measuredAnswered += h.measuredAnswered[t];
                measuredErrors += h.measuredErrors[t];
            }
            ownLag.add(h.ownLag);
            heldBack += h.heldBack;
            inFlightPeak = Math.max(inFlightPeak, h.inFlightPeak);
            lateSends += h.lateSends;
            lastAnswerNs = Math.max(lastAnswerNs, h.lastAnswerNs);
        }
        Map<MixType, LoadResult.TypeResult> byType = new LinkedHashMap<>();
        for (MixType type : options.mix().weights().keySet()) {
            byType.put(type, typeResult(s, connections, type, s.latency[type.ordinal()].getIntervalHistogram()));
        }
        long measuredRequests = s.requestCount - s.firstMeasured();
        double seconds = Math.max(options.durationNs(), lastAnswerNs - s.measureStartNs) / 1e9;
        return new LoadResult(
                options,
                epoll,
                measuredRequests,
                measuredSent,
                measuredAnswered,
                measuredErrors,
                measuredRequests / (options.durationNs() / 1e9),
                measuredAnswered / seconds,
                byStatus,
                byOutcome,
                s.total,
                ownLag,
                heldBack,
                inFlightPeak,
                lateSends,
                byType,
                List.copyOf(setup),
                s.cpuCost(),
                s.measuredSeconds());
    }

    private LoadResult.TypeResult typeResult(
            Schedule s, List<ConnectionHandler> connections, MixType type, Histogram latency) {
        int t = type.ordinal();
        Map<String, Long> outcomes = new TreeMap<>();
        long sent = 0;
        long answered = 0;
        long errors = 0;
        for (ConnectionHandler h : connections) {
            h.byOutcome[t].forEach((k, v) -> outcomes.merge(k, v[0], Long::sum));
            if (h.positive[t] > 0) {
                outcomes.merge(positiveOutcome(type), h.positive[t], Long::sum);
            }
            sent += h.measuredSent[t];
            answered += h.measuredAnswered[t];
            errors += h.measuredErrors[t];
        }
        long requests = s.phase.countBelow(type, s.requestCount) - s.phase.countBelow(type, s.firstMeasured());
        return new LoadResult.TypeResult(requests, sent, answered, errors, outcomes, latency);
    }

    /** The outcome a positive answer is counted under: what the target answers when it takes a message. */
    private String positiveOutcome(MixType type) {
        return options.target().equals("echo") ? MixType.PACS008.positive : type.positive;
    }

    /**
     * One phase on its schedule: request {@code i} due at {@code startNs + i * intervalNs}, those due
     * from {@code measureStartNs} on measured. The recorders and counters are shared by the
     * connections' event loops; the rest is written before the phase starts.
     */
    private static final class Schedule {
        final LoadMessages.Phase phase;
        final long requestCount;
        final double intervalNs;
        final long warmupNs;
        final long ratePerSecond;
        final Recorder overall = new Recorder(3);
        final Recorder[] latency = new Recorder[TYPES];
        final LongAdder sent = new LongAdder();
        final LongAdder answered = new LongAdder();
        final LongAdder errors = new LongAdder();
        volatile long startNs;
        volatile long measureStartNs;
        Histogram total;
        /** Each second's latency, from the first with a measured answer (caller's thread). */
        private final List<LoadResult.LatencyInterval> bySecond = new ArrayList<>();
        /** Measured answers of an interval that began in the warm-up, until the next one takes them. */
        private Histogram firstAnswers;
        /** Where {@link #addSecond} encodes a histogram before keeping its bytes; grown as needed. */
        private java.nio.ByteBuffer encoding = java.nio.ByteBuffer.allocate(0);
        // CPU time at the start of the measured window and when its last request was due (caller's thread).
        long cpuFromNs;
        long cpuToNs;
        long generatorCpuFromNs;
        long generatorCpuToNs;
        long gatewayCpuFromNs;
        long gatewayCpuToNs;
        /** CPU per thread role at the two readings ({@link CpuClock#threadsNs}); empty when unreadable. */
        Map<String, Long> generatorThreadsFromNs = Map.of();

        Map<String, Long> generatorThreadsToNs = Map.of();
        Map<String, Long> gatewayThreadsFromNs = Map.of();
        Map<String, Long> gatewayThreadsToNs = Map.of();
        long sentFrom;
        long sentTo;
        long answeredFrom;
        long answeredTo;

        /**
         * Keeps {@code interval}, the measured answers that came from {@code fromNs} to {@code toNs},
         * unless no measured answer has come yet (the warm-up's seconds). The answers of an interval
         * that began in the warm-up (those of the few ms since the measured window began) open the
         * window's first second instead of making an interval of their own.
         */
        void addSecond(Histogram interval, long fromNs, long toNs) {
            if (bySecond.isEmpty() && interval.getTotalCount() == 0) {
                return;
            }
            if (fromNs < measureStartNs) {
                firstAnswers = interval.copy();
                return;
            }
            if (firstAnswers != null) {
                interval.add(firstAnswers); // the recorder's histogram: reset when it is next recycled
                fromNs = measureStartNs;
                firstAnswers = null;
            }
            int needed = interval.getNeededByteBufferCapacity();
            if (encoding.capacity() < needed) {
                encoding = java.nio.ByteBuffer.allocate(needed);
            }
            encoding.clear();
            int length = interval.encodeIntoCompressedByteBuffer(encoding);
            long endEpochMs = System.currentTimeMillis() - (System.nanoTime() - toNs) / 1_000_000;
            long count = interval.getTotalCount();
            bySecond.add(new LoadResult.LatencyInterval(
                    (fromNs - measureStartNs) / 1_000_000,
                    endEpochMs - (toNs - fromNs) / 1_000_000,
                    endEpochMs,
                    count,
                    count == 0 ? 0 : interval.getValueAtPercentile(99),
                    count == 0 ? 0 : interval.getMaxValue(),
                    java.util.Arrays.copyOf(encoding.array(), length)));
        }

        /** The kept seconds, without the empty ones at the end (after the last answer). */
        List<LoadResult.LatencyInterval> measuredSeconds() {
            if (firstAnswers != null) { // the run ended within its first second
                Histogram only = firstAnswers;
                firstAnswers = null;
                addSecond(only, measureStartNs, System.nanoTime());
            }
            int end = bySecond.size();
            while (end > 0 && bySecond.get(end - 1).count() == 0) {
                end--;
            }
            return List.copyOf(bySecond.subList(0, end));
        }

        /**
         * CPU between the two readings, microseconds: the generator's per request it sent, the
         * gateway's per answer it gave (so a saturated gateway is not credited with what it never
         * answered); NaN when a reading is missing.
         */
        LoadResult.CpuCost cpuCost() {
            if (cpuFromNs == 0 || cpuToNs == 0) {
                return LoadResult.CpuCost.UNKNOWN;
            }
            long answers = answeredTo - answeredFrom;
            return new LoadResult.CpuCost(
                    perRequestUs(generatorCpuFromNs, generatorCpuToNs, sentTo - sentFrom),
                    perRequestUs(gatewayCpuFromNs, gatewayCpuToNs, answers),
                    byRoleUs(gatewayThreadsFromNs, gatewayThreadsToNs, answers),
                    jitShare(generatorThreadsFromNs, generatorThreadsToNs),
                    jitShare(gatewayThreadsFromNs, gatewayThreadsToNs));
        }

        /** Each thread role's CPU between the readings, microseconds per request, largest first. */
        private static Map<String, Double> byRoleUs(Map<String, Long> from, Map<String, Long> to, long requests) {
            Map<String, Double> us = new LinkedHashMap<>();
            if (requests < 1) {
                return us;
            }
            to.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - from.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> us.put(e.getKey(), e.getValue() / 1e3 / requests));
            return us;
        }

        /** The JIT compiler's part of all the process's CPU between the readings, 0..1; NaN when unknown. */
        private static double jitShare(Map<String, Long> from, Map<String, Long> to) {
            long all = 0;
            for (Map.Entry<String, Long> e : to.entrySet()) {
                all += e.getValue() - from.getOrDefault(e.getKey(), 0L);
            }
            if (all <= 0) {
                return Double.NaN;
            }
            String jit = CpuClock.JIT_ROLE;
            return (double) (to.getOrDefault(jit, 0L) - from.getOrDefault(jit, 0L)) / all;
        }

        private static double perRequestUs(long fromNs, long toNs, long requests) {
            return fromNs < 0 || toNs < 0 || requests < 1 ? Double.NaN : (toNs - fromNs) / 1e3 / requests;
        }

        Schedule(LoadMessages.Phase phase, long requestCount, double intervalNs, long warmupNs, long ratePerSecond) {
            this.phase = phase;
            this.requestCount = requestCount;
            this.intervalNs = intervalNs;
            this.warmupNs = warmupNs;
            this.ratePerSecond = ratePerSecond;
            for (int t = 0; t < TYPES; t++) {
                latency[t] = new Recorder(3);
            }
        }

        long intendedNs(long index) {
            return startNs + (long) (index * intervalNs);
        }

        /** Index of the first request due in the measured window. */
        long firstMeasured() {
            long first = Math.max(0, (long) Math.floor(warmupNs / intervalNs) - 1);
            while (first < requestCount && intendedNs(first) < measureStartNs) {
                first++;
            }
            return first;
        }
    }

    /**
     * One keep-alive connection: sends requests {@code id, id + C, id + 2C, …} of each schedule on
     * time and times their answers. Every field is owned by the connection's event loop (the
     * collector reads them after {@link #finish()} ran there).
     */
    private final class ConnectionHandler extends ChannelInboundHandlerAdapter implements HttpAnswerDecoder.Answers {
        private final int id;
        /** Per type: the type's HTTP head followed by room for one body; the body is rewritten per request. */
        private final byte[][] scratch = new byte[TYPES][];

        private final int[] headLength = new int[TYPES];
        /**
         * Intended send times of the requests in flight, oldest first (a ring of {@code --in-flight}
         * slots: a full ring holds the next request back until an answer comes), and their types.
         */
        private final long[] inFlight = new long[options.inFlightMax()];

        private final byte[] inFlightType = new byte[options.inFlightMax()];

        // Per schedule, reset by begin(); per type, by ordinal.
        /** Answers by HTTP status code (100–599), counted without boxing. */
        private final long[] byStatus = new long[600];

        @SuppressWarnings("unchecked")
        private final Map<String, long[]>[] byOutcome = new Map[TYPES];

        private final long[] positive = new long[TYPES];
        private final long[] measuredSent = new long[TYPES];
        private final long[] measuredAnswered = new long[TYPES];
        private final long[] measuredErrors = new long[TYPES];
        private final Histogram ownLag = new Histogram(3);

        volatile Channel channel;
        volatile CountDownLatch primed;
        volatile Schedule schedule;
        volatile boolean done;
        private int head;
        private int size;
        private long next;
        private boolean pumpScheduled;
        private boolean held;
        private long heldBack;
        /** The most requests in flight at once in the current schedule. */
        private int inFlightPeak;

        private long lateSends;
        private long lastAnswerNs;

        ConnectionHandler(int id, byte[][] heads) {
            this.id = id;
            for (MixType type : MixType.values()) {
                int t = type.ordinal();
                headLength[t] = heads[t].length;
                scratch[t] = java.util.Arrays.copyOf(heads[t], heads[t].length + messages.length(type));
                byOutcome[t] = new HashMap<>();
            }
        }

        /** Event loop: sends the priming request outside every schedule. */
        void prime() {
            int t = MixType.PACS008.ordinal();
            messages.writePriming(id, scratch[t], headLength[t]);
            channel.writeAndFlush(
                    channel.alloc().directBuffer(scratch[t].length).writeBytes(scratch[t]));
            inFlight[0] = PRIMING;
            inFlightType[0] = (byte) t;
            size = 1;
        }

        /** Event loop: starts {@code s}; the previous schedule's answers are all in or failed. */
        void begin(Schedule s) {
            java.util.Arrays.fill(byStatus, 0);
            for (int t = 0; t < TYPES; t++) {
                byOutcome[t].clear();
                positive[t] = measuredSent[t] = measuredAnswered[t] = measuredErrors[t] = 0;
            }
            ownLag.reset();
            heldBack = lateSends = lastAnswerNs = 0;
            inFlightPeak = 0;
            held = pumpScheduled = done = false;
            next = id;
            schedule = s;
        }

        /** Event loop: sends every request that is due, then sleeps until the next one is. */
        void pump() {
            pumpScheduled = false;
            Schedule s = schedule;
            if (done || !channel.isActive()) {
                return;
            }
            boolean resumed = held;
            held = false;
            long now = System.nanoTime();
            boolean wrote = false;
            int c = options.connections();
            while (next < s.requestCount) {
                long intended = s.intendedNs(next);
                if (intended > now) {
                    break;
                }
                if (size == inFlight.length || !channel.isWritable()) {
                    held = true;
                    heldBack++;
                    break;
                }
                long lag = now - intended;
                if (!resumed) {
                    // Late for no reason of the gateway's: this event loop ran behind its schedule.
                    ownLag.recordValue(lag);
                    if (lag > SEND_LAG_LATE_NS) {
                        lateSends++;
                    }
                }
                int t = s.phase.typeAt(next).ordinal();
                byte[] bytes = scratch[t];
                s.phase.write(next, bytes, headLength[t]);
                channel.write(channel.alloc().directBuffer(bytes.length).writeBytes(bytes));
                int slot = (head + size) % inFlight.length;
                inFlight[slot] = intended;
                inFlightType[slot] = (byte) t;
                size++;
                if (size > inFlightPeak) {
                    inFlightPeak = size;
                }
                if (intended >= s.measureStartNs) {
                    measuredSent[t]++;
                }
                s.sent.increment();
                wrote = true;
                next += c;
            }
            if (wrote) {
                channel.flush();
            }
            if (next >= s.requestCount) {
                if (size == 0) {
                    finish();
                }
            } else if (!held && !pumpScheduled) {
                pumpScheduled = true;
                channel.eventLoop().schedule(this::pump, s.intendedNs(next) - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void answer(int status, ByteBuf body) {
            long now = System.nanoTime();
            if (size == 0) {
                // An answer after finish(): its request was already counted as unanswered.
                return;
            }
            long intended = inFlight[head];
            int t = inFlightType[head];
            head = (head + 1) % inFlight.length;
            size--;
            if (intended == PRIMING) {
                primed.countDown();
                return;
            }
            Schedule s = schedule;
            if (intended >= s.measureStartNs) {
                long latencyNs = now - intended;
                s.overall.recordValue(latencyNs);
                s.latency[t].recordValue(latencyNs);
                measuredAnswered[t]++;
                lastAnswerNs = now;
                s.answered.increment();
                byStatus[status < byStatus.length ? status : 0]++;
                classify(s, MixType.of(t), status, body);
            }
            if (held) {
                pump();
            } else if (next >= s.requestCount && size == 0) {
                finish();
            }
        }

        /**
         * Counts the answer by its status (and reason code): HTTP 200 with the type's positive
         * status is taken, anything else is an error. The echo endpoint answers every type with a
         * pacs.002 ACSC.
         */
        private void classify(Schedule s, MixType type, int status, ByteBuf body) {
            boolean payment = type == MixType.PACS008 || options.target().equals("echo");
            int at;
            if (payment) {
                at = lastIndexAfter(body, TX_STS); // TxSts is near the end of a pacs.002
            } else if (type == MixType.TSIN001) {
                at = indexAfter(body, STS, body.readerIndex()); // tsin.002: VldtnStsInf comes first
            } else {
                at = lastIndexAfter(body, STS); // tsin.007: the list's VldtnStsInf comes last
            }
            byte[] expected = payment ? ACSC : RCCF;
            if (at >= 0 && status == 200 && startsWith(body, at, expected)) {
                positive[type.ordinal()]++;
                return;
            }
            String outcome;
            if (at >= 0) {
                outcome = textAt(body, at);
                int cd = indexAfter(body, CD, at);
                if (cd >= 0) {
                    outcome += " " + textAt(body, cd);
                }
            } else {
                int rsn = indexAfter(body, RJCTG_PTY_RSN, body.readerIndex());
                int description = rsn < 0 ? -1 : indexAfter(body, RSN_DESC, rsn);
                outcome = rsn < 0
                        ? "no status"
                        : "admi.002 " + textAt(body, rsn) + (description < 0 ? "" : " " + textAt(body, description));
            }
            if (status != 200) {
                outcome = "HTTP " + status + " " + outcome;
            }
            countError(s, type.ordinal(), true, outcome);
        }

        private void countError(Schedule s, int type, boolean measured, String outcome) {
            if (measured) {
                measuredErrors[type]++;
                byOutcome[type].computeIfAbsent(outcome, k -> new long[1])[0]++;
            }
            s.errors.increment();
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().isWritable() && held) {
                pump();
            }
            super.channelWritabilityChanged(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!done && schedule != null) {
                failRemaining("connection closed by the gateway");
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!done && schedule != null) {
                failRemaining("connection error: " + cause.getClass().getSimpleName());
            }
            ctx.close();
        }

        /** Event loop: the schedule is over for this connection; whatever is unanswered is an error. */
        void finish() {
            if (!done) {
                failRemaining("no answer");
            }
        }

        private void failRemaining(String outcome) {
            Schedule s = schedule;
            for (int i = 0; i < size; i++) {
                int slot = (head + i) % inFlight.length;
                countError(s, inFlightType[slot], inFlight[slot] >= s.measureStartNs, outcome);
            }
            size = 0;
            int c = options.connections();
            for (long i = next; i < s.requestCount; i += c) {
                countError(
                        s,
                        s.phase.typeAt(i).ordinal(),
                        s.intendedNs(i) >= s.measureStartNs,
                        outcome.equals("no answer") ? "not sent" : outcome);
            }
            // Every request of this connection in the measured window is counted once here.
            next = s.requestCount;
            done = true;
        }
    }

    private static boolean startsWith(ByteBuf buf, int at, byte[] prefix) {
        if (at + prefix.length > buf.writerIndex()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf.getByte(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] ACSC = "ACSC<".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RCCF = "RCCF<".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STS = "<Sts>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TX_STS = "<TxSts>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CD = "<Cd>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RJCTG_PTY_RSN = "<RjctgPtyRsn>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RSN_DESC = "<RsnDesc>".getBytes(StandardCharsets.US_ASCII);

    /** Index just past the first {@code needle} at or after {@code from}, or -1. */
    static int indexAfter(ByteBuf buf, byte[] needle, int from) {
        int end = buf.writerIndex() - needle.length;
        outer:
        for (int i = from; i <= end; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i + needle.length;
        }
        return -1;
    }

    /** Index just past the last {@code needle} in {@code buf}'s readable bytes, or -1. */
    static int lastIndexAfter(ByteBuf buf, byte[] needle) {
        outer:
        for (int i = buf.writerIndex() - needle.length; i >= buf.readerIndex(); i--) {
            for (int j = 0; j < needle.length; j++) {
                if (buf.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i + needle.length;
        }
        return -1;
    }

    private static String textAt(ByteBuf buf, int from) {
        int end = from;
        while (end < buf.writerIndex() && end - from < 35 && buf.getByte(end) != '<') {
            end++;
        }
        return buf.toString(from, end - from, StandardCharsets.UTF_8);
    }
}
