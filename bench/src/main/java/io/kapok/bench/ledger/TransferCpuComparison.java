package io.kapok.bench.ledger;

import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * Thread CPU time per TRANSFER of two builds of the ledger side by side in one JVM, for a machine
 * whose wall clock is shared with other work: each build's ledger jar is loaded in a class loader
 * of its own, with this class's {@link Run} (the same payment population as {@code
 * LedgerApplyBenchmark.transfer}), and the two run in alternating rounds, so both see the same
 * machine. Reports, per build, the lowest, the first quartile and the median of the rounds'
 * nanoseconds of thread CPU per transfer: other work on the machine only ever adds to a round (its
 * cache misses, its share of a hyperthreaded core), so the low figures are the ones to compare.
 * It also reports the ratio B / A of each pair of rounds run back to back (lowest, first quartile,
 * median, third quartile): the two rounds of a pair see about the same machine, so on a machine
 * whose load swings from round to round these paired ratios separate two builds where the
 * separate figures of a single run do not.
 *
 * <pre>
 * java -cp bench/target/kapok-bench.jar io.kapok.bench.ledger.TransferCpuComparison \
 *     OLD/kapok-ledger.jar NEW/kapok-ledger.jar [retentionDays=30] [rounds=40] [transfersPerRound=100000]
 * </pre>
 *
 * With {@code -Dkapok.transferPool=65536} (a power of two, at least twice the payments the window
 * holds: with {@code retentionDays=1}, 65,536 is enough) the payments' ids fit in the cache, which
 * separates what applying a transfer computes from what it waits for in memory. A payment that
 * comes round again while the window still holds it would be a retry: the run fails instead.
 *
 * <p>With {@code -Dkapok.compactIds=true} both ledgers keep their payment window's ids as bytes
 * ({@code Ledger.compactPaymentIds}), as the gateway's do by default.
 *
 * <p>With {@code -Dkapok.partyIds=copies} the payments name their parties with new Strings rather
 * than the ledger's own instances ({@code LedgerApplyBenchmark.TransferState#partyIds}).
 *
 * <p>With {@code -Dkapok.batched=true} both builds get the transfers in batches of {@value
 * LedgerApplyBenchmark.TransferState#PREFETCH_BATCH}, as {@code LedgerApplyBenchmark.transferBatched};
 * a build whose ledger takes {@code Ledger.prefetch} hints gets the batch's keys first, an older one
 * applies the batch without. In batches a refused transfer is not counted: the batch fails loudly
 * only in a build that prefetches.
 *
 * <p>Not a test: nothing is asserted; it fails loudly only when a transfer is refused or answered
 * as a retry.
 */
public final class TransferCpuComparison {
    private TransferCpuComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TransferCpuComparison LEDGER_JAR_A LEDGER_JAR_B [retentionDays] [rounds]"
                    + " [transfersPerRound]");
            System.exit(2);
        }
        int retentionDays = args.length > 2 ? Integer.parseInt(args[2]) : Ledger.PAYMENT_RETENTION_DAYS_DEFAULT;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int perRound = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        if (Run.BATCHED && perRound % LedgerApplyBenchmark.TransferState.PREFETCH_BATCH != 0) {
            System.err.println("with -Dkapok.batched=true, transfersPerRound must be a multiple of "
                    + LedgerApplyBenchmark.TransferState.PREFETCH_BATCH);
            System.exit(2);
        }
        URL benchClasses = TransferCpuComparison.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        List<LongUnaryOperator> runs = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            URL ledgerJar = Path.of(args[b]).toUri().toURL();
            ClassLoader loader = new URLClassLoader(
                    "ledger-" + b, new URL[] {ledgerJar, benchClasses}, ClassLoader.getPlatformClassLoader());
            runs.add((LongUnaryOperator) loader.loadClass(Run.class.getName())
                    .getConstructor(int.class)
                    .newInstance(retentionDays));
        }
        // Warm-up: fill each window (twice its occupancy) and let the JIT settle.
        for (LongUnaryOperator run : runs) {
            run.applyAsLong(2L * Run.WINDOW_PAYMENTS);
        }
        double[][] nsPerTransfer = new double[2][rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int b = (r & 1) == 0 ? k : 1 - k; // ABBA: neither build always runs first
                nsPerTransfer[b][r] = (double) runs.get(b).applyAsLong(perRound) / perRound;
            }
            ratios[r] = nsPerTransfer[1][r] / nsPerTransfer[0][r];
        }
        for (int b = 0; b < 2; b++) {
            double[] sorted = nsPerTransfer[b].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "%s %s: lowest %.1f, first quartile %.1f, median %.1f ns of thread CPU per transfer"
                            + " (%d rounds of %d, retention %d days)%n",
                    b == 0 ? "A" : "B",
                    args[b],
                    sorted[0],
                    sorted[rounds / 4],
                    sorted[rounds / 2],
                    rounds,
                    perRound,
                    retentionDays);
        }
        Arrays.sort(ratios);
        System.out.printf(
                "B / A per pair of rounds: lowest %.3f, first quartile %.3f, median %.3f, third quartile %.3f%n",
                ratios[0], ratios[rounds / 4], ratios[rounds / 2], ratios[rounds * 3 / 4]);
    }

    /**
     * One build's ledger and payment population: {@code LedgerApplyBenchmark}'s, whose receive time
     * steps so that a 30-day window holds {@value LedgerApplyBenchmark.TransferState#WINDOW_PAYMENTS}
     * payments (a 1-day window about 17,500), on a ledger with the given retention. {@link
     * #applyAsLong} applies that many transfers and returns their thread CPU, nanoseconds.
     */
    public static final class Run implements LongUnaryOperator {
        static final int WINDOW_PAYMENTS = LedgerApplyBenchmark.TransferState.WINDOW_PAYMENTS;

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final LedgerApplyBenchmark.TransferState state = new LedgerApplyBenchmark.TransferState();

        /** {@code -Dkapok.batched=true}: transfers in batches, as {@code LedgerApplyBenchmark.transferBatched}. */
        static final boolean BATCHED = Boolean.getBoolean("kapok.batched");

        /** True when this build's ledger takes {@code prefetch} hints (builds before it do not). */
        private final boolean prefetches;

        private long folded;

        public Run(int retentionDays) {
            state.poolSize = Integer.getInteger("kapok.transferPool", 1 << 20);
            state.partyIds = System.getProperty("kapok.partyIds", "ledger");
            Ledger ledger = new Ledger(retentionDays, Ledger.PAYMENT_CAPACITY_DEFAULT);
            if (Boolean.getBoolean("kapok.compactIds")) {
                ledger.compactPaymentIds(); // the window's ids as bytes, as the gateway keeps them
            }
            state.setUp(ledger);
            prefetches = Arrays.stream(Ledger.class.getMethods())
                    .anyMatch(m -> m.getName().equals("prefetch"));
            if (BATCHED) {
                System.out.println(
                        Ledger.class.getProtectionDomain().getCodeSource().getLocation() + ": batches of "
                                + LedgerApplyBenchmark.TransferState.PREFETCH_BATCH
                                + (prefetches ? ", each prefetched" : " (this build takes no prefetch hint)"));
            }
        }

        @Override
        public long applyAsLong(long transfers) {
            Ledger ledger = state.world.ledger;
            LedgerResult result = state.world.result;
            long applied = 0;
            long startNs = threads.getCurrentThreadCpuTime();
            if (BATCHED) {
                int batchSize = LedgerApplyBenchmark.TransferState.PREFETCH_BATCH;
                for (long n = 0; n < transfers; n += batchSize) {
                    int from = state.nextBatch();
                    if (prefetches) {
                        folded ^= Prefetching.apply(state, from);
                    } else {
                        for (int i = from; i < from + batchSize; i++) {
                            ledger.apply(state.commands[i], result);
                        }
                    }
                    applied += batchSize;
                }
            } else {
                for (long n = 0; n < transfers; n++) {
                    ledger.apply(state.nextCommand(), result);
                    applied += result.applied && !result.retry ? 1 : 0;
                }
            }
            long cpuNs = threads.getCurrentThreadCpuTime() - startNs;
            if (applied != transfers) {
                throw new IllegalStateException("only " + applied + " of " + transfers + " transfers applied");
            }
            return cpuNs;
        }

        /** Only loaded for a build whose ledger has {@code prefetch} (it names its argument's class). */
        private static final class Prefetching {
            static long apply(LedgerApplyBenchmark.TransferState state, int from) {
                if (state.prefetch == null) {
                    state.prefetch = new io.kapok.ledger.payment.PaymentPrefetch();
                }
                return LedgerApplyBenchmark.applyPrefetched(
                        state.world.ledger, state.commands, from, state.prefetch, state.world.result);
            }
        }
    }
}
