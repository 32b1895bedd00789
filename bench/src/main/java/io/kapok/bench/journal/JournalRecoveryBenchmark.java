package io.kapok.bench.journal;

import io.kapok.bench.BenchDefaults;
import io.kapok.bench.BenchSamples;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.journal.JournalWriteHook;
import io.kapok.gateway.sequencer.Genesis;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.payment.TransferCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Start-up recovery of a journal of {@link #entries} entries: the configured world's genesis, then
 * TRANSFER entries that each carry the bundled pacs.008 (about 1.8 KB) and settle CNY 1.00 from
 * Pearl River Bank to Victoria Harbour Bank, each a new payment (its own message id and UETR), so
 * the ledger's duplicate index grows as it would in production. The journal is written once per
 * trial (a few GB in a temporary directory, deleted at tear-down); each measured operation is one
 * whole replay into a fresh ledger, as the gateway recovers without a snapshot.
 *
 * <ul>
 *   <li>{@code replayChainChecked}: what start-up does: every entry hash and the chain checked, the
 *       message bytes skipped, every command applied.
 *   <li>{@code replayFullyVerified}: what {@code ./kapok journal verify} does: the same plus every
 *       message re-digested (SM3).
 * </ul>
 *
 * Scores are seconds per whole replay ({@code SingleShotTime}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(BenchDefaults.FORKS)
@Warmup(iterations = 1, time = BenchDefaults.ITERATION_TIME_MS, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = BenchDefaults.ITERATION_TIME_MS, timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class JournalRecoveryBenchmark {
    /**
     * Entries in the journal, genesis included. The default keeps the smoke run short; the figure
     * that matters is {@code ./kapok bench JournalRecovery -p entries=1000000}.
     */
    @Param({"100000"})
    public int entries;

    private Path dir;
    private Journal journal;

    @Setup(Level.Trial)
    public void writeJournal() throws IOException {
        dir = Files.createTempDirectory("kapok-recovery-bench");
        byte[] raw = BenchSamples.pacs008();
        byte[] messageDigest = new byte[JournalDigest.LENGTH_BYTES];
        JournalDigest.digest(JournalDigest.SM3.newDigest(), raw, 0, raw.length, messageDigest);
        try (Journal writer =
                Journal.open(dir, "FAST_DAILY", Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE)) {
            long sequence = 0;
            for (LedgerCommand c : Genesis.commands(ConfigLoader.loadDefaults())) {
                c.sequence = ++sequence;
                writer.append(c, Genesis.senderOf(c), null, 0, null);
            }
            TransferCommand t = new TransferCommand();
            t.senderId = "PRBKCNGZXXX";
            t.endToEndId = "CAG-INV-2026-0815";
            t.debitPartyId = "PRBKCNGZXXX";
            t.creditPartyId = "VHBKHKHHXXX";
            t.currency = Iso4217.pack("CNY");
            t.amountMinor = 100;
            t.timeMs = 1_795_397_400_000L;
            while (sequence < entries) {
                t.sequence = ++sequence;
                t.messageId = "PRBK-R-" + sequence;
                t.uetr = String.format("8a562c67-ca16-48ba-b074-%012x", sequence);
                writer.append(t, t.senderId, raw, raw.length, messageDigest);
            }
        }
        journal = Journal.openReadOnly(dir);
    }

    @TearDown(Level.Trial)
    public void deleteJournal() {
        journal.close();
        JournalAppendBenchmark.deleteTree(dir);
    }

    private long replay(boolean checkMessageDigests) {
        Ledger ledger = new Ledger();
        LedgerResult result = new LedgerResult();
        Journal.ReplayResult replay = journal.replay(checkMessageDigests, d -> ledger.apply(d.command, result));
        if (replay.lastSequence() != entries || ledger.lastSequence() != entries) {
            throw new IllegalStateException("replayed " + replay.lastSequence() + " of " + entries + " entries");
        }
        return ledger.paymentCount();
    }

    /** Start-up's replay: entry hashes and chain checked; returns the payments in the ledger. */
    @Benchmark
    public long replayChainChecked() {
        return replay(false);
    }

    /** {@code journal verify}'s replay: also every message re-digested. */
    @Benchmark
    public long replayFullyVerified() {
        return replay(true);
    }
}
