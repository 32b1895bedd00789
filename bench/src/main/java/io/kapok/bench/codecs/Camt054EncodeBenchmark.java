package io.kapok.bench.codecs;

import io.kapok.bench.BenchDefaults;
import io.kapok.codecs.camt.Camt054Encoder;
import io.kapok.codecs.camt.Camt054Notification;
import io.kapok.codecs.camt.CashEntry;
import io.kapok.codecs.iso.Iso4217;
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
 * Encoding the credit notification an account owner gets for one posting: a camt.054.001.08 with
 * its AppHdr (platform BIC to supplier USCC), the account with owner and servicer, and one booked
 * CNY entry with its references (MsgId, InstrId, EndToEndId, UETR) and remittance line (1,824 bytes
 * of UTF-8), written by {@link Camt054Encoder} into a reused {@link Utf8XmlWriter}. The notification
 * is filled once; only the encoding is measured. Scores are messages per second for one thread; run
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
public class Camt054EncodeBenchmark {
    /** 2026-11-23T01:30:00Z. */
    private static final long CREATION_TIME_MS = 1_795_397_400_000L;

    private static final long BOOKING_DAY = 20_780L; // 2026-11-23
    private static final int WRITER_CAPACITY_BYTES = 8192;

    private Camt054Encoder encoder;
    private Camt054Notification notification;
    private Utf8XmlWriter writer;

    @Setup
    public void setUp() {
        encoder = new Camt054Encoder();
        writer = new Utf8XmlWriter(WRITER_CAPACITY_BYTES);
        notification = new Camt054Notification();
        notification.header.from.bic("KAPKCNGZXXX");
        notification.header.to.uscc("91440604MA9KAPK002").name.set("佛山精密零件有限公司");
        notification.header.messageId.set("KAPK-CAMT054-000042");
        notification.header.creationTimeMs = CREATION_TIME_MS;
        notification.notificationId.set("KAPK-NTFCTN-000042");
        notification.account.id.set("KAPK-CNY-91440604MA9KAPK002");
        notification.account.currency = Iso4217.pack("CNY");
        notification.account.owner.uscc("91440604MA9KAPK002").name.set("佛山精密零件有限公司");
        notification.account.servicerBic.set("KAPKCNGZXXX");
        CashEntry entry = notification.entries.add();
        entry.clear();
        entry.entryReference.set("KAPK-NTRY-000042");
        entry.amountMinor = 1_125_000_00L;
        entry.credit = true;
        entry.bookingDateEpochDay = BOOKING_DAY;
        entry.valueDateEpochDay = BOOKING_DAY;
        entry.accountServicerReference.set("JRNL-000000042");
        entry.family = "RCDT";
        entry.subFamily = "XBCT";
        entry.messageId.set("PRBK-20261123-0001");
        entry.instructionId.set("PRBK-INSTR-0001");
        entry.endToEndId.set("CAG-INV-2026-0815");
        entry.uetr.set("8a562c67-ca16-48ba-b074-65581be6f001");
        entry.remittance.set("Financing of CAG-INV-2026-0815 & 0816");

        encoder.encode(notification, writer);
        String xml = writer.toString();
        if (!xml.contains("<Amt Ccy=\"CNY\">1125000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                || !xml.contains("<UETR>8a562c67-ca16-48ba-b074-65581be6f001</UETR>")
                || !xml.contains("<AppHdr")) {
            throw new IllegalStateException("the camt.054 encoder writes an unexpected notification:\n" + xml);
        }
    }

    /** Encodes the notification; returns its length in bytes so nothing is dead code. */
    @Benchmark
    public int encodeCamt054() {
        encoder.encode(notification, writer);
        return writer.length();
    }
}
