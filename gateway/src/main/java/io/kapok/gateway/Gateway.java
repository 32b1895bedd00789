package io.kapok.gateway;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.http.AnswerIds;
import io.kapok.gateway.http.CodecContexts;
import io.kapok.gateway.http.GatewayHttpHandler;
import io.kapok.gateway.http.KapokHttpServer;
import io.kapok.gateway.sequencer.EventLoopSequencer;
import io.kapok.gateway.sequencer.InboundEvent;
import io.kapok.gateway.sequencer.ParkThenBlockWaitStrategy;
import io.kapok.gateway.sequencer.SequencerHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One running Kapok gateway: the data-directory lock, the sequencer behind its ring (on the first
 * event loop, or on a thread of its own: {@code sequencer.runsOn}; recovered from the journal before
 * anything is served), and the HTTP server. {@link #start}
 * returns once it is serving; {@link #close} stops it cleanly (no new connections, every message
 * already in the ring decided and answered, the journal closed).
 */
public final class Gateway implements AutoCloseable {
    private final DataDirectoryLock lock;
    private final RingBuffer<InboundEvent> ring;
    /** The sequencer's own thread behind the ring ({@code sequencer.runsOn: own-thread}), else null. */
    private final Disruptor<InboundEvent> disruptor;
    /** The sequencer on the first event loop ({@code sequencer.runsOn: event-loop}), else null. */
    private final EventLoopSequencer onEventLoop;

    private final SequencerHandler sequencer;
    private final KapokHttpServer server;
    private final Path dataDir;
    private final LongSupplier clockMs;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Ticks of the clock into the ring, so a day ends without traffic; null when days are not closed. */
    private final ScheduledExecutorService dayEndTicks;

    private Gateway(
            DataDirectoryLock lock,
            RingBuffer<InboundEvent> ring,
            Disruptor<InboundEvent> disruptor,
            EventLoopSequencer onEventLoop,
            SequencerHandler sequencer,
            KapokHttpServer server,
            Path dataDir,
            LongSupplier clockMs,
            GatewayConfig.Notifications notifications) {
        this.lock = lock;
        this.ring = ring;
        this.disruptor = disruptor;
        this.onEventLoop = onEventLoop;
        this.sequencer = sequencer;
        this.server = server;
        this.dataDir = dataDir;
        this.clockMs = clockMs;
        if (notifications.endOfDayStatements()) {
            dayEndTicks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kapok-day-end");
                t.setDaemon(true);
                return t;
            });
            long everyMs = notifications.dayEndCheckSecondsOrDefault() * 1000L;
            dayEndTicks.scheduleAtFixedRate(this::checkDayEnd, everyMs, everyMs, TimeUnit.MILLISECONDS);
        } else {
            dayEndTicks = null;
        }
    }

    /** Locks the data directory, recovers the journal, and starts serving. */
    public static Gateway start(GatewayConfig config) throws Exception {
        return start(config, io.kapok.gateway.journal.JournalWriteHook.NONE);
    }

    /**
     * As {@link #start(GatewayConfig)}, on {@code clockMs} (epoch ms) instead of the system clock:
     * the receive time of every message and the ticks that end a day (tests).
     */
    static Gateway start(GatewayConfig config, LongSupplier clockMs) throws Exception {
        return start(
                config,
                io.kapok.gateway.journal.JournalWriteHook.NONE,
                io.kapok.gateway.mailbox.MailboxWriteHook.NONE,
                clockMs);
    }

    /** As {@link #start(GatewayConfig)}, with a hook at the journal's write boundary (tests). */
    static Gateway start(GatewayConfig config, io.kapok.gateway.journal.JournalWriteHook journalHook) throws Exception {
        return start(config, journalHook, io.kapok.gateway.mailbox.MailboxWriteHook.NONE);
    }

    /** As {@link #start(GatewayConfig)}, with hooks at the journal's and the mailbox's write boundaries (tests). */
    static Gateway start(
            GatewayConfig config,
            io.kapok.gateway.journal.JournalWriteHook journalHook,
            io.kapok.gateway.mailbox.MailboxWriteHook mailboxHook)
            throws Exception {
        return start(config, journalHook, mailboxHook, System::currentTimeMillis);
    }

    private static Gateway start(
            GatewayConfig config,
            io.kapok.gateway.journal.JournalWriteHook journalHook,
            io.kapok.gateway.mailbox.MailboxWriteHook mailboxHook,
            LongSupplier clockMs)
            throws Exception {
        Path dataDir = Path.of(config.journal().dataDir()).toAbsolutePath().normalize();
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        EventLoopGroup eventLoops = null;
        Disruptor<InboundEvent> disruptor = null;
        EventLoopSequencer onEventLoop = null;
        try {
            eventLoops = KapokHttpServer.newEventLoops(config);
            SequencerHandler sequencer = new SequencerHandler(config, dataDir, journalHook, mailboxHook);
            RingBuffer<InboundEvent> ring;
            long recoveryWaitMs = TimeUnit.MINUTES.toMillis(10);
            if (config.sequencer().runsOnEventLoop()) {
                EventLoop[] drainers = config.sequencer().runsOnAnyEventLoop()
                        ? java.util.stream.StreamSupport.stream(eventLoops.spliterator(), false)
                                .map(e -> (EventLoop) e)
                                .toArray(EventLoop[]::new)
                        : new EventLoop[] {eventLoops.next()};
                onEventLoop =
                        new EventLoopSequencer(drainers, config.sequencer().ringSize(), sequencer);
                ring = onEventLoop.ring();
                onEventLoop.start(recoveryWaitMs);
            } else {
                disruptor = new Disruptor<>(
                        InboundEvent.factory(config.sequencer().ringSize()),
                        config.sequencer().ringSize(),
                        r -> {
                            Thread t = new Thread(r, "kapok-sequencer");
                            t.setDaemon(false);
                            return t;
                        },
                        ProducerType.MULTI,
                        waitStrategy(config.sequencer().waitStrategy()));
                disruptor.handleEventsWith(sequencer);
                sequencer.prefetchFrom(disruptor.getRingBuffer());
                disruptor.start();
                ring = disruptor.getRingBuffer();
                sequencer.awaitStarted(recoveryWaitMs);
            }
            GatewayConfig.Limits l = config.limits();
            XmlLimits xmlLimits = l.xmlLimits();
            GatewayHttpHandler.Shared shared = new GatewayHttpHandler.Shared(
                    ring,
                    sequencer,
                    config.platform().id(),
                    config.gateway().pipelinedRequestsMax(),
                    new CodecContexts(xmlLimits, config.journalDigest()),
                    new AnswerIds(System.currentTimeMillis()),
                    echoAnswer(config.platform().id()),
                    clockMs);
            KapokHttpServer server = KapokHttpServer.start(config, shared, eventLoops);
            return new Gateway(
                    lock,
                    ring,
                    disruptor,
                    onEventLoop,
                    sequencer,
                    server,
                    dataDir,
                    clockMs,
                    config.notificationsOrDefault());
        } catch (Exception | Error e) {
            if (disruptor != null) {
                disruptor.halt();
            }
            if (onEventLoop != null) {
                onEventLoop.close();
            }
            if (eventLoops != null) {
                eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
            lock.close();
            throw e;
        }
    }

    /** The canned answer of POST /v1/echo: a real pacs.002 ACSC, encoded once. */
    private static byte[] echoAnswer(String platformBic) {
        io.kapok.codecs.pacs.Pacs002Status status = new io.kapok.codecs.pacs.Pacs002Status();
        status.fromBic.set(platformBic);
        status.toBic.set("PRBKCNGZXXX");
        status.messageId.set("KPKECHO0000000000001");
        status.creationTimeMs = System.currentTimeMillis();
        status.originalMessageId.set("ECHO-0000000000000000000000000001");
        status.originalEndToEndId.set("ECHO-E2E-000000000000000000000001");
        status.originalUetr.set("00000000-0000-4000-8000-000000000000");
        status.transactionStatus = io.kapok.codecs.pacs.Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        io.kapok.codecs.xml.Utf8XmlWriter writer = new io.kapok.codecs.xml.Utf8XmlWriter(2048);
        new io.kapok.codecs.pacs.Pacs002Encoder().encode(status, writer);
        return writer.toByteArray();
    }

    /** The ring's wait strategy named by {@code sequencer.waitStrategy} (any other name: blocking). */
    public static WaitStrategy waitStrategy(String name) {
        return switch (name) {
            case "busy-spin" -> new BusySpinWaitStrategy();
            case "yielding" -> new YieldingWaitStrategy();
            case "sleeping" -> new SleepingWaitStrategy();
            case "park-then-block" -> new ParkThenBlockWaitStrategy();
            default -> new BlockingWaitStrategy();
        };
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public SequencerHandler sequencer() {
        return sequencer;
    }

    /**
     * The producer side of the ring, for inbound commands that come from elsewhere than HTTP (the FX
     * feed, {@link io.kapok.gateway.fx.FxRateInbound}): claim a slot, fill it, publish it.
     */
    public RingBuffer<InboundEvent> inbound() {
        return ring;
    }

    /**
     * Hands the clock's time to the sequencer through the ring (no message, nothing journaled
     * unless a day has ended): a day that has ended is closed and its statements written even when
     * no traffic comes. Called every {@code notifications.dayEndCheckSeconds}; any thread. False
     * when the ring is full (the next tick or message does it).
     */
    boolean checkDayEnd() {
        long slot;
        try {
            slot = ring.tryNext();
        } catch (com.lmax.disruptor.InsufficientCapacityException e) {
            return false;
        }
        try {
            InboundEvent event = ring.get(slot);
            event.kind(InboundEvent.Kind.DAY_END);
            event.senderId(null);
            event.receiveTimeMs = clockMs.getAsLong();
            event.response(new io.kapok.gateway.http.PendingResponse(r -> {}));
        } finally {
            ring.publish(slot);
        }
        return true;
    }

    /** Stops the gateway; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (dayEndTicks != null) {
            dayEndTicks.shutdownNow();
        }
        server.stopAccepting();
        if (onEventLoop != null) {
            onEventLoop.close(); // decide and answer everything already taken, close the journal
        } else {
            try {
                disruptor.shutdown(30, TimeUnit.SECONDS); // decide and answer everything already taken
            } catch (com.lmax.disruptor.TimeoutException e) {
                disruptor.halt();
            }
        }
        server.close();
        lock.close();
    }

    /**
     * An exclusive lock on {@code <dataDir>/kapok.lock}, so two gateways can never write one
     * journal. Released when the process ends, however it ends.
     */
    public static final class DataDirectoryLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private DataDirectoryLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        /**
         * Takes the lock, creating the directory if needed.
         *
         * @throws DataDirectoryInUseException when another gateway (or tool) holds it
         */
        public static DataDirectoryLock acquire(Path dataDir) throws IOException {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(
                    dataDir.resolve("kapok.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryInUseException(dataDir);
            }
            return new DataDirectoryLock(channel, lock);
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // The lock goes with the process anyway.
            }
        }
    }

    /** Another Kapok holds the data directory. */
    public static final class DataDirectoryInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        DataDirectoryInUseException(Path dataDir) {
            super("data directory " + dataDir
                    + " is in use by another running Kapok; stop it, or choose another with --data DIR");
        }
    }
}
