package io.kapok.bench.journal;

import io.kapok.bench.BenchDefaults;
import io.kapok.bench.BenchSamples;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalAppendFront;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.journal.JournalPretoucher;
import io.kapok.gateway.journal.JournalWriteHook;
import io.kapok.ledger.payment.TransferCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.bouncycastle.crypto.Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kapok's journal append beside a raw Chronicle Queue append of the same bytes, in the same run and
 * under the same settings: the sample pacs.008 padded to {@value #MESSAGE_BYTES} bytes with an XML
 * comment, appended to a new queue in a temporary directory ({@code FAST_DAILY}).
 *
 * <ul>
 *   <li>{@code kapokJournalAppend}: {@link Journal#append} of a TRANSFER entry: header, SM3 entry
 *       hash chained to the previous entry (over 209 bytes), command, message digest and the
 *       message bytes, then {@link Journal#endBatch()} (a batch of one: the worst case of group
 *       commit). The message digest is computed once in set-up, as the event loop computes it
 *       before the sequencer sees the message.
 *   <li>{@code rawChronicleAppend}: one document holding the same message bytes, nothing else, then
 *       the appender's {@code sync()} in {@code sync} durability.
 *   <li>{@code rawChronicleAppendAfterEntryHash}: Kapok's work without Kapok's code: the entry hash over 209
 *       bytes, then one raw document as long as a Kapok entry. Its tail against {@code
 *       rawChronicleAppend}'s shows what the entry hash alone does to an append's tail.
 *   <li>{@code mappedBufferWrite}: the floor of the machine: the same bytes copied into a plain
 *       {@link MappedByteBuffer} over a growing file, one record after the other (a new 1 GB
 *       window mapped when one is full), without Chronicle; with {@code pretouch} a thread
 *       touches the window's pages {@link Journal#PRETOUCH_AHEAD_BYTES} ahead, as the pretoucher
 *       does. {@code durability} does not apply to it.
 *   <li>{@code sm3MessageDigest}: the event loop's share, SM3 of the message, for scale; a pure
 *       computation, so its tail is the scheduling noise of the machine.
 *   <li>{@code sm3EntryHashOnly}: the CPU part of {@code kapokJournalAppend} alone, SM3 over the
 *       209 hashed bytes of an entry, no memory-mapped write: a pure computation of about the
 *       append's own length, so its p99.9 in the same run is the floor any append's p99.9 stands on.
 * </ul>
 *
 * Parameters: {@code durability} {@code mapped} (written to the mapped file; survives a crash of
 * the process) or {@code sync} (forced to disk after each append); {@code pretouch} {@code true}
 * runs a {@link JournalPretoucher} beside the appender, which touches the pages ahead of it through
 * the appender's own mapping so that the appender does not take their page faults; {@code digest}
 * {@code sm3} (the default) or {@code sha256}, the digest of the Kapok entry and of the entry hash
 * in {@code rawChronicleAppendAfterEntryHash}.
 *
 * <p>Mode {@code SampleTime}: JMH samples single appends and reports p50, p90, p99, p99.9, p99.99
 * and the maximum, in microseconds. Each trial writes up to a few GB; the queue directories are
 * deleted at tear-down.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(BenchDefaults.FORKS)
@Warmup(
        iterations = BenchDefaults.WARMUP_ITERATIONS,
        time = BenchDefaults.ITERATION_TIME_MS,
        timeUnit = TimeUnit.MILLISECONDS)
@Measurement(
        iterations = BenchDefaults.MEASUREMENT_ITERATIONS,
        time = BenchDefaults.ITERATION_TIME_MS,
        timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JournalAppendBenchmark {
    /** The reference size: a 3 KB message. */
    static final int MESSAGE_BYTES = 3072;
    /** The hashed part of the TRANSFER entry {@code kapokJournalAppend} writes (header, digests, command). */
    static final int ENTRY_HASHED_BYTES = 209;

    /** The window of the file {@code mappedBufferWrite} maps at a time. */
    static final long WINDOW_BYTES = 1L << 30;

    /** {@code mapped} or {@code sync}. */
    @Param({"mapped", "sync"})
    public String durability;

    /** Whether a pretoucher runs beside the appender. */
    @Param({"false", "true"})
    public boolean pretouch;

    /**
     * The journal's digest ({@code journal.digest}): {@code sm3}, the default, or {@code sha256}
     * (run with {@code -p digest=sha256}); for {@code kapokJournalAppend} and {@code
     * rawChronicleAppendAfterEntryHash}.
     */
    @Param({"sm3"})
    public String digest;

    JournalDigest algorithm() {
        JournalDigest algorithm = JournalDigest.ofConfigName(digest);
        if (algorithm == null) {
            throw new IllegalArgumentException("digest " + digest + " is neither sm3 nor sha256");
        }
        return algorithm;
    }

    static byte[] message() {
        return BenchSamples.pacs008Padded(MESSAGE_BYTES);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** A fresh Kapok journal and a TRANSFER command like the sample's. */
    @State(Scope.Thread)
    public static class KapokJournal {
        Path dir;
        Journal journal;
        final TransferCommand command = new TransferCommand();
        final byte[] messageDigest = new byte[JournalDigest.LENGTH_BYTES];
        byte[] raw;

        @Setup(Level.Trial)
        public void setUp(JournalAppendBenchmark settings) throws IOException {
            raw = message();
            JournalDigest algorithm = settings.algorithm();
            JournalDigest.digest(algorithm.newDigest(), raw, 0, raw.length, messageDigest);
            dir = Files.createTempDirectory("kapok-journal-bench");
            journal = Journal.open(
                    dir,
                    "FAST_DAILY",
                    Durability.valueOf(settings.durability.toUpperCase(Locale.ROOT)),
                    algorithm,
                    JournalWriteHook.NONE,
                    settings.pretouch);
            command.senderId = "PRBKCNGZXXX";
            command.messageId = BenchSamples.PACS_008_MESSAGE_ID;
            command.uetr = "8a562c67-ca16-48ba-b074-65581be6f001";
            command.endToEndId = "CAG-INV-2026-0815";
            command.debitPartyId = "PRBKCNGZXXX";
            command.creditPartyId = "VHBKHKHHXXX";
            command.currency = Iso4217.pack("CNY");
            command.amountMinor = BenchSamples.PACS_008_AMOUNT_MINOR;
            command.timeMs = 1_795_397_400_000L;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            journal.close();
            deleteTree(dir);
        }
    }

    /**
     * A fresh Chronicle Queue with the same settings; after each append it publishes where the
     * document ended, as the journal does, for its pretoucher.
     */
    @State(Scope.Thread)
    public static class RawChronicle {
        Path dir;
        SingleChronicleQueue queue;
        ExcerptAppender appender;
        JournalPretoucher pretoucher;
        boolean sync;
        byte[] raw;
        final JournalAppendFront front = new JournalAppendFront();
        /** For {@code rawChronicleAppendAfterEntryHash}: stands for an entry's hashed bytes. */
        final byte[] entryHead = new byte[ENTRY_HASHED_BYTES];

        Digest entryDigest;
        final byte[] entryHash = new byte[JournalDigest.LENGTH_BYTES];

        @Setup(Level.Trial)
        public void setUp(JournalAppendBenchmark settings) throws IOException {
            raw = message();
            sync = settings.durability.equals("sync");
            entryDigest = settings.algorithm().newDigest();
            dir = Files.createTempDirectory("kapok-raw-chronicle-bench");
            queue = SingleChronicleQueueBuilder.binary(dir.resolve("journal"))
                    .rollCycle(RollCycles.FAST_DAILY)
                    .syncMode(sync ? SyncMode.SYNC : SyncMode.ASYNC)
                    .build();
            appender = queue.createAppender();
            if (settings.pretouch) {
                pretoucher = new JournalPretoucher(front, Journal.PRETOUCH_AHEAD_BYTES).start();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (pretoucher != null) {
                pretoucher.close();
            }
            appender.close();
            queue.close();
            deleteTree(dir);
        }
    }

    /**
     * A plain memory-mapped file written record after record; with {@code pretouch}, a thread keeps
     * the pages of the window ahead of the writer touched.
     */
    @State(Scope.Thread)
    public static class MappedBuffer {
        Path dir;
        FileChannel channel;
        MappedByteBuffer window;
        long windowStart;
        volatile int position;
        volatile boolean running;
        Thread pretoucher;
        byte[] raw;

        @Setup(Level.Trial)
        public void setUp(JournalAppendBenchmark settings) throws IOException {
            raw = message();
            dir = Files.createTempDirectory("kapok-mapped-buffer-bench");
            channel = FileChannel.open(
                    dir.resolve("records"),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            window = channel.map(FileChannel.MapMode.READ_WRITE, 0, WINDOW_BYTES);
            running = settings.pretouch;
            if (running) {
                pretoucher = new Thread(this::pretouch, "mapped-buffer-pretouch");
                pretoucher.setDaemon(true);
                pretoucher.start();
            }
        }

        /** Touches the window's pages up to the pretouch distance ahead of the writer, every millisecond. */
        private void pretouch() {
            MappedByteBuffer touched = null;
            int next = 0;
            while (running) {
                MappedByteBuffer w = window;
                if (w != touched) {
                    touched = w;
                    next = 0;
                }
                int to = (int) Math.min(position + Journal.PRETOUCH_AHEAD_BYTES, WINDOW_BYTES);
                for (next = Math.max(next, position); next < to; next += 4096) {
                    w.put(next, (byte) 0);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }

        void write() throws IOException {
            int at = position;
            if (at + raw.length > WINDOW_BYTES) {
                windowStart += WINDOW_BYTES;
                window = channel.map(FileChannel.MapMode.READ_WRITE, windowStart, WINDOW_BYTES);
                at = 0;
            }
            window.put(at, raw, 0, raw.length);
            position = at + raw.length;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException, InterruptedException {
            running = false;
            if (pretoucher != null) {
                pretoucher.join();
            }
            channel.close();
            deleteTree(dir);
        }
    }

    /** The event loop's digest engine. */
    @State(Scope.Thread)
    public static class EventLoopDigest {
        final Digest sm3 = JournalDigest.SM3.newDigest();
        final byte[] out = new byte[JournalDigest.LENGTH_BYTES];
        /** As many bytes as an entry's hashed part (the TRANSFER entry of {@code kapokJournalAppend}). */
        final byte[] entryHashed = new byte[ENTRY_HASHED_BYTES];

        byte[] raw;

        @Setup(Level.Trial)
        public void setUp() {
            raw = message();
        }
    }

    /** Appends one entry; returns its sequence. */
    @Benchmark
    public long kapokJournalAppend(KapokJournal s) {
        s.command.sequence = s.journal.lastSequence() + 1;
        s.journal.append(s.command, s.command.senderId, s.raw, s.raw.length, s.messageDigest);
        s.journal.endBatch();
        return s.command.sequence;
    }

    /** Appends one document of the same message bytes (a write to mapped memory: nothing is dead), synced in {@code sync}. */
    @Benchmark
    public void rawChronicleAppend(RawChronicle s) {
        Bytes<?> out;
        long end;
        try (DocumentContext dc = s.appender.writingDocument()) {
            out = dc.wire().bytes();
            out.write(s.raw, 0, s.raw.length);
            end = out.writePosition();
        }
        s.front.published(out, end);
        if (s.sync) {
            s.appender.sync();
        }
    }

    /**
     * Kapok's work without Kapok's code: the entry hash ({@link #digest}) over {@value
     * #ENTRY_HASHED_BYTES} bytes, then one raw
     * document as long as a Kapok entry (those bytes, a 32-byte hash, a length and the message).
     */
    @Benchmark
    public void rawChronicleAppendAfterEntryHash(RawChronicle s) {
        JournalDigest.digest(s.entryDigest, s.entryHead, 0, ENTRY_HASHED_BYTES, s.entryHash);
        Bytes<?> out;
        long end;
        try (DocumentContext dc = s.appender.writingDocument()) {
            out = dc.wire().bytes();
            out.write(s.entryHead, 0, ENTRY_HASHED_BYTES);
            out.write(s.entryHash, 0, JournalDigest.LENGTH_BYTES);
            out.writeInt(s.raw.length);
            out.write(s.raw, 0, s.raw.length);
            end = out.writePosition();
        }
        s.front.published(out, end);
        if (s.sync) {
            s.appender.sync();
        }
    }

    /** Copies the message bytes into the mapped file after the last ones. */
    @Benchmark
    public void mappedBufferWrite(MappedBuffer s) throws IOException {
        s.write();
    }

    /** SM3 over an entry's hashed bytes, the CPU part of an append, nothing written; returns a byte of it. */
    @Benchmark
    public byte sm3EntryHashOnly(EventLoopDigest s) {
        JournalDigest.digest(s.sm3, s.entryHashed, 0, s.entryHashed.length, s.out);
        return s.out[0];
    }

    /** SM3 of the message, as the event loop computes it; returns a byte of it. */
    @Benchmark
    public byte sm3MessageDigest(EventLoopDigest s) {
        JournalDigest.digest(s.sm3, s.raw, 0, s.raw.length, s.out);
        return s.out[0];
    }
}
