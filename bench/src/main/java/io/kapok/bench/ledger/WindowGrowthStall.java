package io.kapok.bench.ledger;

import io.kapok.ledger.payment.DecidedPayments;
import java.util.Arrays;
import java.util.UUID;

/**
 * How long the ledger thread stops when the payment window doubles: remembers {@code decisions}
 * payments in a fresh {@link DecidedPayments} (a 30-day window, nothing forgotten), timing each
 * {@code remember}, and prints, for every size at which the window grew, the wall-clock
 * milliseconds of the call that grew it (lowest and median over the rounds), next to the median of
 * all the other calls. The ledger applies commands on one thread, so while a window grows no
 * payment is acknowledged.
 *
 * <pre>
 * java -cp bench/target/kapok-bench.jar io.kapok.bench.ledger.WindowGrowthStall [decisions=1100000] [rounds=5]
 * # an older build: its ledger jar first on the class path
 * java -cp OLD/kapok-ledger.jar:bench/target/kapok-bench.jar io.kapok.bench.ledger.WindowGrowthStall
 * </pre>
 *
 * <p>Not a test: wall-clock times on a shared machine; compare builds run alternately.
 */
public final class WindowGrowthStall {
    private static final long THIRTY_DAYS_MS = 30L * 86_400_000L;
    private static final String SENDER = "PRBKCNGZXXX";

    private WindowGrowthStall() {}

    public static void main(String[] args) {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 1_100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] messageIds = new String[decisions];
        String[] uetrs = new String[decisions];
        for (int i = 0; i < decisions; i++) {
            messageIds[i] = "KAPOK-GROW-" + i;
            uetrs[i] = UUID.randomUUID().toString();
        }
        // Growth happens when the window is full at a power of two from 1,024 on.
        int doublings = 0;
        for (long size = 1_024; size < decisions; size *= 2) {
            doublings++;
        }
        long[][] growthNs = new long[doublings][rounds];
        long[] otherMedianNs = new long[rounds];
        long[] callNs = new long[decisions];
        for (int r = 0; r < rounds; r++) {
            DecidedPayments window = new DecidedPayments(DecidedPayments.CAPACITY_MAX, THIRTY_DAYS_MS);
            for (int i = 0; i < decisions; i++) {
                long t0 = System.nanoTime();
                window.remember(SENDER, messageIds[i], uetrs[i], i + 1L, 1_000L + i, null, i);
                callNs[i] = System.nanoTime() - t0;
            }
            int d = 0;
            for (long size = 1_024; size < decisions; size *= 2, d++) {
                growthNs[d][r] = callNs[(int) size];
                callNs[(int) size] = 0;
            }
            long[] sorted = callNs.clone();
            Arrays.sort(sorted);
            otherMedianNs[r] = sorted[sorted.length / 2];
        }
        System.out.printf("%-12s %14s %14s%n", "window size", "lowest ms", "median ms");
        int d = 0;
        for (long size = 1_024; size < decisions; size *= 2, d++) {
            long[] ns = growthNs[d];
            Arrays.sort(ns);
            System.out.printf("%-12d %14.2f %14.2f%n", size, ns[0] / 1e6, ns[ns.length / 2] / 1e6);
        }
        Arrays.sort(otherMedianNs);
        System.out.printf("every other remember: median %d ns%n", otherMedianNs[rounds / 2]);
    }
}
