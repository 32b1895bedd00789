package io.kapok.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * <p>Threads: the Netty client event loops ({@link LoadOptions#threads()}, epoll where available)
 * send and receive; the caller's thread prints the progress line every second and collects the
 * result. Nothing is parsed or formatted per request beyond copying a {@link Pacs008Templates
 * template} and scanning the answer for {@code <TxSts>} and {@code <Cd>}.
 *
 * <p>Limits: at most {@value #IN_FLIGHT_PER_CONNECTION_MAX} requests in flight per connection, and
 * nothing is written while a connection's socket buffer is above its high-water mark; a request
 * held back by either goes out as soon as the gateway answers, still timed from its intended send
 * time. After the last request is due, answers are awaited for at most {@value #DRAIN_TIMEOUT_MS}
 * ms; what is still unanswered then counts as an error.
 */
public final class LoadRun {
    /** Requests one connection may have sent and not yet had answered. */
    public static final int IN_FLIGHT_PER_CONNECTION_MAX = 4096;
    /** How long the end of a run waits for the last answers, milliseconds. */
    public static final long DRAIN_TIMEOUT_MS = 10_000;
    /** Send lag (actual send − intended) above which the generator counts itself late, ns. */
    public static final long SEND_LAG_LATE_NS = 1_000_000;

    /** The intended send time of the priming request, outside the schedule. */
    private static final long PRIMING = Long.MIN_VALUE;

    private static final long START_DELAY_NS = 100_000_000;
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final LoadOptions options;
    private final Pacs008Templates templates;
    private final PrintStream progress;
    private final boolean progressOnOneLine;

    private final Recorder latency = new Recorder(3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder errors = new LongAdder();

    private long startNs;
    private long measureStartNs;
    private long requestCount;
    private double intervalNs;

    /**
     * @param options  what to run; {@link LoadOptions#findMax()} is ignored here
     * @param ids      the identifiers of this run (a fresh {@link UniqueIds} per run)
     * @param progress where the progress line goes every second (stderr), or {@code null}
     */
    public LoadRun(LoadOptions options, UniqueIds ids, PrintStream progress) {
        this.options = options;
        this.templates = new Pacs008Templates(ids);
        this.progress = progress;
        this.progressOnOneLine = progress == System.err && System.console() != null;
    }

    /** A run that cannot start: the gateway does not accept connections. */
    public static final class ConnectException extends Exception {
        private static final long serialVersionUID = 1L;

        ConnectException(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs the load and waits for its last answers; the caller's thread prints progress. */
    public LoadResult run() throws ConnectException, InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group =
                epoll ? new EpollEventLoopGroup(options.threads()) : new NioEventLoopGroup(options.threads());
        try {
            return run(group, epoll);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private LoadResult run(EventLoopGroup group, boolean epoll) throws ConnectException, InterruptedException {
        int c = options.connections();
        double totalNs = options.warmupNs() + options.durationNs();
        intervalNs = 1e9 / options.ratePerSecond();
        requestCount = (long) Math.ceil(totalNs / intervalNs);
        if (requestCount + c >= UniqueIds.INDEX_BOUND) {
            throw new IllegalArgumentException("a run of " + requestCount + " requests is too long for its MsgIds");
        }
        // The request line and headers are the same for every request: encoded once, they lead each
        // body in the bytes written, so the timed path does no HTTP encoding.
        byte[] head = ("POST " + options.path() + " HTTP/1.1\r\n"
                        + "Host: " + options.host() + ":" + options.port() + "\r\n"
                        + "Content-Type: application/xml; charset=UTF-8\r\n"
                        + "Content-Length: " + templates.length() + "\r\n"
                        + "Connection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<ConnectionHandler> connections = new ArrayList<>(c);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(128 * 1024, 256 * 1024));
        for (int i = 0; i < c; i++) {
            ConnectionHandler handler = new ConnectionHandler(i, head);
            connections.add(handler);
            ChannelFuture f = bootstrap
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new HttpResponseDecoder())
                                    .addLast(new HttpObjectAggregator(1 << 20))
                                    .addLast(handler);
                        }
                    })
                    .connect(options.host(), options.port())
                    .await();
            if (!f.isSuccess()) {
                for (ConnectionHandler h : connections) {
                    if (h.channel != null) {
                        h.channel.close();
                    }
                }
                throw new ConnectException("cannot connect to " + options.host() + ":" + options.port() + ": "
                        + f.cause().getMessage() + "; is the gateway running (./kapok run)?");
            }
            handler.channel = f.channel();
        }

        // One unmeasured request per connection first, answered before the schedule starts, so that
        // class loading and the first connection set-up on either side are not charged to it.
        java.util.concurrent.CountDownLatch primed = new java.util.concurrent.CountDownLatch(c);
        for (ConnectionHandler h : connections) {
            h.primed = primed;
            h.channel.eventLoop().execute(h::prime);
        }
        if (!primed.await(CONNECT_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS)) {
            for (ConnectionHandler h : connections) {
                h.channel.close();
            }
            throw new ConnectException("the gateway at " + options.host() + ":" + options.port()
                    + " accepted connections but did not answer a first request to " + options.path()
                    + " within " + 2 * CONNECT_TIMEOUT_MS + " ms");
        }
        startNs = System.nanoTime() + START_DELAY_NS;
        measureStartNs = startNs + options.warmupNs();
        long lastDueNs = intendedNs(requestCount - 1);
        for (ConnectionHandler h : connections) {
            h.channel.eventLoop().schedule(h::pump, Math.max(0, startNs - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        Histogram total = new Histogram(3);
        Histogram interval = null;
        long lastPrintNs = startNs;
        long lastAnswered = 0;
        long lastSent = 0;
        long deadlineNs = lastDueNs + TimeUnit.MILLISECONDS.toNanos(DRAIN_TIMEOUT_MS);
        while (true) {
            long now = System.nanoTime();
            boolean done = allDone(connections);
            if (done || now >= deadlineNs) {
                break;
            }
            long nextPrint = lastPrintNs + 1_000_000_000L;
            if (now < nextPrint) {
                Thread.sleep(Math.max(1, Math.min(50, (nextPrint - now) / 1_000_000)));
                continue;
            }
            interval = latency.getIntervalHistogram(interval);
            total.add(interval);
            long a = answered.sum();
            long s = sent.sum();
            double seconds = (now - lastPrintNs) / 1e9;
            printProgress(now, (s - lastSent) / seconds, (a - lastAnswered) / seconds, total);
            lastPrintNs = now;
            lastAnswered = a;
            lastSent = s;
        }
        if (progress != null && progressOnOneLine) {
            progress.println();
        }
        for (ConnectionHandler h : connections) {
            h.channel.eventLoop().submit(h::finish).awaitUninterruptibly(5, TimeUnit.SECONDS);
            h.channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        interval = latency.getIntervalHistogram(interval);
        total.add(interval);
        return collect(connections, total, epoll);
    }

    private boolean allDone(List<ConnectionHandler> connections) {
        for (ConnectionHandler h : connections) {
            if (!h.done) {
                return false;
            }
        }
        return true;
    }

    private void printProgress(long now, double sentPerSecond, double answeredPerSecond, Histogram total) {
        if (progress == null) {
            return;
        }
        double elapsed = (now - startNs) / 1e9;
        boolean warmingUp = now < measureStartNs;
        String line = String.format(
                Locale.ROOT,
                "%6.1f s%s  offered %,d/s  sent %,.0f/s  answered %,.0f/s  errors %,d  p99 %s",
                elapsed,
                warmingUp ? " (warm-up)" : "",
                options.ratePerSecond(),
                sentPerSecond,
                answeredPerSecond,
                errors.sum(),
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

    private LoadResult collect(List<ConnectionHandler> connections, Histogram total, boolean epoll) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        Histogram ownLag = new Histogram(3);
        long firstMeasured = Math.max(0, (long) Math.floor(options.warmupNs() / intervalNs) - 1);
        while (firstMeasured < requestCount && intendedNs(firstMeasured) < measureStartNs) {
            firstMeasured++;
        }
        long measuredRequests = requestCount - firstMeasured;
        long measuredSent = 0;
        long measuredAnswered = 0;
        long measuredErrors = 0;
        long heldBack = 0;
        long lateSends = 0;
        long lastAnswerNs = measureStartNs;
        for (ConnectionHandler h : connections) {
            h.byStatus.forEach((k, v) -> byStatus.merge(k, v[0], Long::sum));
            h.byOutcome.forEach((k, v) -> byOutcome.merge(k, v[0], Long::sum));
            if (h.acsc > 0) {
                byOutcome.merge("ACSC", h.acsc, Long::sum);
            }
            ownLag.add(h.ownLag);
            measuredSent += h.measuredSent;
            measuredAnswered += h.measuredAnswered;
            measuredErrors += h.measuredErrors;
            heldBack += h.heldBack;
            lateSends += h.lateSends;
            lastAnswerNs = Math.max(lastAnswerNs, h.lastAnswerNs);
        }
        double seconds = Math.max(options.durationNs(), lastAnswerNs - measureStartNs) / 1e9;
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
                total,
                ownLag,
                heldBack,
                lateSends);
    }

    long intendedNs(long index) {
        return startNs + (long) (index * intervalNs);
    }

    /**
     * One keep-alive connection: sends requests {@code id, id + C, id + 2C, …} on their schedule and
     * times their answers. Every field is owned by the connection's event loop (the collector reads
     * them after {@link #finish()} ran there).
     */
    private final class ConnectionHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final int id;
        private final int headLength;
        private final byte[] scratch;
        /** Intended send times of the requests in flight, oldest first (a ring). */
        private final long[] inFlight = new long[IN_FLIGHT_PER_CONNECTION_MAX];

        private final Map<Integer, long[]> byStatus = new HashMap<>();
        private final Map<String, long[]> byOutcome = new HashMap<>();
        private final Histogram ownLag = new Histogram(3);

        volatile Channel channel;
        volatile java.util.concurrent.CountDownLatch primed;
        volatile boolean done;
        private int head;
        private int size;
        private long next;
        private boolean pumpScheduled;
        private boolean held;
        private long acsc;
        private long measuredSent;
        private long measuredAnswered;
        private long measuredErrors;
        private long heldBack;
        private long lateSends;
        private long lastAnswerNs;

        ConnectionHandler(int id, byte[] head) {
            super(FullHttpResponse.class, true);
            this.id = id;
            this.headLength = head.length;
            this.scratch = java.util.Arrays.copyOf(head, head.length + templates.length());
            this.next = id;
        }

        /** Event loop: sends the priming request, index {@code requestCount + id}, outside the schedule. */
        void prime() {
            templates.write(requestCount + id, scratch, headLength);
            channel.writeAndFlush(channel.alloc().directBuffer(scratch.length).writeBytes(scratch));
            inFlight[0] = PRIMING;
            size = 1;
        }

        /** Event loop: sends every request that is due, then sleeps until the next one is. */
        void pump() {
            pumpScheduled = false;
            if (done || !channel.isActive()) {
                return;
            }
            boolean resumed = held;
            held = false;
            long now = System.nanoTime();
            boolean wrote = false;
            int c = options.connections();
            while (next < requestCount) {
                long intended = intendedNs(next);
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
                templates.write(next, scratch, headLength);
                channel.write(channel.alloc().directBuffer(scratch.length).writeBytes(scratch));
                inFlight[(head + size) % inFlight.length] = intended;
                size++;
                if (intended >= measureStartNs) {
                    measuredSent++;
                }
                sent.increment();
                wrote = true;
                next += c;
            }
            if (wrote) {
                channel.flush();
            }
            if (next >= requestCount) {
                if (size == 0) {
                    finish();
                }
            } else if (!held && !pumpScheduled) {
                pumpScheduled = true;
                channel.eventLoop().schedule(this::pump, intendedNs(next) - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            long now = System.nanoTime();
            if (size == 0) {
                // An answer after finish(): its request was already counted as unanswered.
                return;
            }
            long intended = inFlight[head];
            head = (head + 1) % inFlight.length;
            size--;
            if (intended == PRIMING) {
                primed.countDown();
                return;
            }
            boolean measured = intended >= measureStartNs;
            if (measured) {
                latency.recordValue(now - intended);
                measuredAnswered++;
                lastAnswerNs = now;
                answered.increment();
                int status = response.status().code();
                byStatus.computeIfAbsent(status, k -> new long[1])[0]++;
                classify(status, response.content());
            }
            if (held) {
                pump();
            } else if (next >= requestCount && size == 0) {
                finish();
            }
        }

        /** Counts the answer by its TxSts (and reason code); anything but 200 ACSC is an error. */
        private void classify(int status, ByteBuf body) {
            // TxSts is near the end of a pacs.002: search from there.
            int txSts = lastIndexAfter(body, TX_STS);
            if (txSts >= 0
                    && status == 200
                    && body.getByte(txSts) == 'A'
                    && body.getByte(txSts + 1) == 'C'
                    && body.getByte(txSts + 2) == 'S'
                    && body.getByte(txSts + 3) == 'C'
                    && body.getByte(txSts + 4) == '<') {
                acsc++;
                return;
            }
            String outcome;
            if (txSts >= 0) {
                outcome = textAt(body, txSts);
                int cd = indexAfter(body, CD, txSts);
                if (cd >= 0) {
                    outcome += " " + textAt(body, cd);
                }
            } else {
                int rsn = indexAfter(body, RJCTG_PTY_RSN, body.readerIndex());
                outcome = rsn >= 0 ? "admi.002 " + textAt(body, rsn) : "no status";
            }
            if (status != 200) {
                outcome = "HTTP " + status + " " + outcome;
            }
            countError(true, outcome);
        }

        private void countError(boolean measured, String outcome) {
            if (measured) {
                measuredErrors++;
                byOutcome.computeIfAbsent(outcome, k -> new long[1])[0]++;
            }
            errors.increment();
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
            if (!done) {
                failRemaining("connection closed by the gateway");
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!done) {
                failRemaining("connection error: " + cause.getClass().getSimpleName());
            }
            ctx.close();
        }

        /** Event loop: the run is over for this connection; whatever is unanswered is an error. */
        void finish() {
            if (!done) {
                failRemaining("no answer");
            }
        }

        private void failRemaining(String outcome) {
            for (int i = 0; i < size; i++) {
                countError(inFlight[(head + i) % inFlight.length] >= measureStartNs, outcome);
            }
            size = 0;
            int c = options.connections();
            for (long i = next; i < requestCount; i += c) {
                countError(intendedNs(i) >= measureStartNs, outcome.equals("no answer") ? "not sent" : outcome);
            }
            // Every request of this connection in the measured window is counted once here.
            next = requestCount;
            done = true;
        }
    }

    private static final byte[] TX_STS = "<TxSts>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CD = "<Cd>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RJCTG_PTY_RSN = "<RjctgPtyRsn>".getBytes(StandardCharsets.US_ASCII);

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
