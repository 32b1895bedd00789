package io.kapok.bench.codecs;

import io.kapok.bench.BenchDefaults;
import io.kapok.codecs.pacs.Pacs002Encoder;
import io.kapok.codecs.pacs.Pacs002Status;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding the answer to the sample pacs.008: a pacs.002.001.10 ACSC with its AppHdr (about 960 bytes of
 * UTF-8), written by {@link Pacs002Encoder} into a reused {@link Utf8XmlWriter}. The status is
 * filled once; only the encoding is measured. Scores are messages per second for one thread; run
 * with {@code --prof-gc} for the bytes allocated per message. One state per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(BenchDefaults.FORKS)
@Warmup(
        iterations = BenchDefaults.WARMUP_ITERATIONS,
        time = BenchDefaults.ITERATION_TIME_MS,
        timeUnit = TimeUnit.MILLISECONDS)
@Measurement(
        iterations = BenchDefaults.MEASUREMENT_ITERATIONS,
        time = BenchDefaults.ITERATION_TIME_MS,
        timeUnit = TimeUnit.MILLISECONDS)
public class Pacs002EncodeBenchmark {
    /** 2026-11-23T01:30:00Z, the sample pacs.008's creation time. */
    private static final long CREATION_TIME_MS = 1_795_397_400_000L;

    private static final int WRITER_CAPACITY_BYTES = 4096;

    private Pacs002Encoder encoder;
    private Pacs002Status status;
    private Utf8XmlWriter writer;

    @Setup
    public void setUp() {
        encoder = new Pacs002Encoder();
        writer = new Utf8XmlWriter(WRITER_CAPACITY_BYTES);
        status = new Pacs002Status();
        status.fromBic.set("VHBKHKHHXXX");
        status.toBic.set("PRBKCNGZXXX");
        status.messageId.set("VHBK-20261123-0001");
        status.creationTimeMs = CREATION_TIME_MS;
        status.originalMessageId.set("PRBK-20261123-0001");
        status.originalInstructionId.set("PRBK-INSTR-0001");
        status.originalEndToEndId.set("CAG-INV-2026-0815");
        status.originalUetr.set("8a562c67-ca16-48ba-b074-65581be6f001");
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;

        encoder.encode(status, writer);
        String xml = writer.toString();
        if (!xml.contains("<TxSts>ACSC</TxSts>")
                || !xml.contains("<OrgnlUETR>8a562c67-ca16-48ba-b074-65581be6f001</OrgnlUETR>")
                || !xml.contains("<AppHdr")) {
            throw new IllegalStateException("the pacs.002 encoder writes an unexpected answer:\n" + xml);
        }
    }

    /** Encodes the answer; returns its length in bytes so nothing is dead code. */
    @Benchmark
    public int encodePacs002() {
        encoder.encode(status, writer);
        return writer.length();
    }
}
