package io.kapok.bench.codecs;

import io.kapok.bench.BenchDefaults;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.tsin.Tsin002Encoder;
import io.kapok.codecs.tsin.Tsin002Status;
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
 * Encoding the bank's answer to a supplier's financing request: a tsin.002.001.01 with its AppHdr
 * (bank BIC to supplier USCC with a Chinese name), validation RCCF and three invoices FNCD / FNCD /
 * NTFD with their financed amounts (2,169 bytes of UTF-8), written by {@link Tsin002Encoder} into a
 * reused {@link Utf8XmlWriter}. The status is filled once; only the encoding, including the summary
 * totals it derives, is measured. Scores are messages per second for one thread; run with
 * {@code --prof-gc} for the bytes allocated per message. One state per benchmark thread.
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
public class Tsin002EncodeBenchmark {
    /** 2026-11-23T01:30:00Z. */
    private static final long CREATION_TIME_MS = 1_795_397_400_000L;

    private static final long ISSUE_DAY = 20_727L; // 2026-10-01
    private static final long DUE_DAY = 20_908L; // 2027-03-31
    private static final int WRITER_CAPACITY_BYTES = 8192;

    private Tsin002Encoder encoder;
    private Tsin002Status status;
    private Utf8XmlWriter writer;

    @Setup
    public void setUp() {
        encoder = new Tsin002Encoder();
        writer = new Utf8XmlWriter(WRITER_CAPACITY_BYTES);
        status = new Tsin002Status();
        status.header.from.bic("PRBKCNGZXXX");
        status.header.to.uscc("91440604MA9KAPK002").name.set("佛山精密零件有限公司");
        status.header.messageId.set("PRBK-TSIN002-0001");
        status.header.creationTimeMs = CREATION_TIME_MS;
        status.originalRequestId.set("FSPP-FIN-2026-0042");
        status.originalCreationTimeMs = CREATION_TIME_MS - 60_000L;
        status.requester.uscc("91440604MA9KAPK002").name.set("佛山精密零件有限公司");
        status.validationStatus = Tsin002Status.VALIDATION_ACCEPTED;
        status.currency = Iso4217.pack("CNY");
        status.appliedPercentageBasisPoints = 9000;
        status.creditDateEpochDay = DUE_DAY - 120;
        invoice("CAG-INV-2026-0815", 1_250_000_00L, Tsin002Status.FINANCED, null, 1_125_000_00L);
        invoice("CAG-INV-2026-0816", 300_000_00L, Tsin002Status.FINANCED, null, 270_000_00L);
        invoice("CAG-INV-2026-0817", 80_000_00L, Tsin002Status.NOT_FINANCED, "ID01", 0);

        encoder.encode(status, writer);
        String xml = writer.toString();
        if (!xml.contains("<TtlFincdAmt Ccy=\"CNY\">1395000.00</TtlFincdAmt>")
                || !xml.contains("<FincgReqSts>NTFD</FincgReqSts>")
                || !xml.contains("<AppHdr")) {
            throw new IllegalStateException("the tsin.002 encoder writes an unexpected answer:\n" + xml);
        }
    }

    private void invoice(String number, long amountMinor, String result, String reason, long financedMinor) {
        Tsin002Status.Invoice invoice = status.invoices.add();
        invoice.documentNumber.set(number);
        invoice.totalAmountMinor = amountMinor;
        invoice.issueDateEpochDay = ISSUE_DAY;
        invoice.dueDateEpochDay = DUE_DAY;
        invoice.financingStatus = result;
        invoice.reason = reason;
        invoice.financedAmountMinor = financedMinor;
    }

    /** Encodes the answer; returns its length in bytes so nothing is dead code. */
    @Benchmark
    public int encodeTsin002() {
        encoder.encode(status, writer);
        return writer.length();
    }
}
