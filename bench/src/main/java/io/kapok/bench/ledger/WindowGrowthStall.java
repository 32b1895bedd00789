package io.kapok.bench.ledger;

import io.kapok.ledger.payment.DecidedPayments;
import java.util.Arrays;
import java.util.UUID;

/**
 * How long the ledger thread stops while the payment window grows: remembers {@code decisions}
 * payments in a fresh {@link DecidedPayments} (a 30-day window, nothing forgotten: it only grows),
 * timing every {@code remember}, and prints per round the longest calls (with the window's size when
 * each ran), how many took over 1 ms, and the median call. The ledger applies commands on one
 * thread, so while a window grows no payment is acknowledged.
 *
 * <pre>
 * java -cp bench/target/kapok-bench.jar io.kapok.bench.ledger.WindowGrowthStall [decisions=2200000] [rounds=3] [preallocate]
 * # preallocate: a window of exactly {@code decisions} allocated whole before the first call
 * # (ledger.paymentWindow.preallocate), the time that took printed first
 * # -Dkapok.compactIds=true: a window that keeps its ids as bytes (ledger.paymentWindow.compactIds)
 * # an older build: its ledger jar first on the class path
 * java -cp OLD/kapok-ledger.jar:bench/target/kapok-bench.jar io.kapok.bench.ledger.WindowGrowthStall
 * </pre>
 *
 * <p>Not a test: wall-clock times on a shared machine (a descheduled thread shows up as a long
 * call too); compare builds run alternately.
 */
public final class WindowGrowthStall {
    private static final long THIRTY_DAYS_MS = 30L * 86_400_000L;
    private static final String SENDER = "PRBKCNGZXXX";
    private static final int LONGEST_SHOWN = 4;

    private WindowGrowthStall() {}

    public static void main(String[] args) {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 2_200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean preallocate = args.length > 2 && args[2].equals("preallocate");
        boolean compactIds = Boolean.getBoolean("kapok.compactIds");
        // The default capacity, or more: it bounds the window, not what is allocated at first (and
        // a window too large for one array of ids would keep them as Strings).
        int capacity = Math.max(decisions, io.kapok.ledger.Ledger.PAYMENT_CAPACITY_DEFAULT);
        String[] messageIds = new String[decisions];
        String[] uetrs = new String[decisions];
        for (int i = 0; i < decisions; i++) {
            messageIds[i] = "KAPOK-GROW-" + i;
            uetrs[i] = UUID.randomUUID().toString();
        }
        long[] callNs = new long[decisions];
        for (int r = 0; r < rounds; r++) {
            DecidedPayments window =
                    new DecidedPayments(preallocate ? decisions : capacity, THIRTY_DAYS_MS, compactIds);
            if (preallocate) {
                long t0 = System.nanoTime();
                window.preallocate();
                System.out.printf(
                        "round %d: preallocating %d decisions took %.1f ms%n",
                        r + 1, decisions, (System.nanoTime() - t0) / 1e6);
            }
            for (int i = 0; i < decisions; i++) {
                long t0 = System.nanoTime();
                window.remember(SENDER, messageIds[i], uetrs[i], i + 1L, 1_000L + i, null, i);
                callNs[i] = System.nanoTime() - t0;
            }
            Integer[] byLength = new Integer[decisions];
            int overOneMs = 0;
            for (int i = 0; i < decisions; i++) {
                byLength[i] = i;
                overOneMs += callNs[i] > 1_000_000 ? 1 : 0;
            }
            Arrays.sort(byLength, (a, b) -> Long.compare(callNs[b], callNs[a]));
            StringBuilder longest = new StringBuilder();
            for (int k = 0; k < LONGEST_SHOWN; k++) {
                longest.append(String.format(" %.2f ms (size %d)", callNs[byLength[k]] / 1e6, byLength[k]));
            }
            long[] sorted = callNs.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "round %d: longest%s; %d calls over 1 ms; median %d ns%n",
                    r, longest, overOneMs, sorted[decisions / 2]);
        }
    }
}
