package io.kapok.bench.ledger;

import io.kapok.bench.BenchDefaults;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.payment.PaymentPrefetch;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Ledger#apply} per command type, on one thread, with the Strings of every command created
 * outside the measured operation (as the gateway's decoder creates them before the sequencer
 * applies the command). Scores are commands per second; run with {@code --prof-gc} for the bytes
 * allocated per command ({@code gc.alloc.rate.norm}).
 *
 * <ul>
 *   <li>{@code transfer}: a TRANSFER between two of 1,003 banks (the demo banks and 1,000 more),
 *       each with a unique MsgId and UETR from a pool of {@link TransferState#poolSize} payments
 *       built in set-up. Receive time moves on by {@link TransferState#stepMs} per payment, so the
 *       dedupe window (the ledger's default 30 days) holds {@value TransferState#WINDOW_PAYMENTS}
 *       decided payments in steady state: each payment is looked up, remembered, and the oldest one
 *       forgotten, as in production. The pool is twice the window, so a payment comes round again
 *       only after it was forgotten, and every payment applies.
 *   <li>{@code transferBatched}: the same transfers {@value TransferState#PREFETCH_BATCH} at a time,
 *       as the sequencer applies the events it finds waiting: the batch's keys go to {@link
 *       Ledger#prefetch} first, so the payment window's cache misses of the whole batch overlap.
 *   <li>{@code requestFinancing}, {@code decideFinancing}, {@code confirmReceivable}, {@code
 *       splitReceivable}: {@value #BATCH} commands per invocation ({@code @OperationsPerInvocation},
 *       so scores are still per command), on receivables (and financings) registered, confirmed and
 *       requested by a per-invocation set-up that JMH does not time. These commands create state
 *       (a financing, a child receivable) or need state only a command creates, so each batch needs
 *       its own. {@code gc.alloc.rate.norm} includes that set-up's allocation; the bytes the
 *       measured commands themselves allocate, from the thread's allocation counter around the
 *       timed loop only, are the secondary result {@code measuredBytesPerOp} (B/op, per iteration).
 *       Each world's ledger is made with room for {@value #WORLD_RECEIVABLES} receivables and
 *       financings, more than it ever holds, as a ledger sized for its book would be.
 *   <li>{@code returnPayment}: {@value #BATCH} pacs.004 returns per invocation, each returning in
 *       full a transfer the per-invocation set-up settled (so {@code gc.alloc.rate.norm} includes
 *       that transfer's set-up; the measured line gives the return's own bytes). Receive time moves
 *       on a day per batch, so the payment window (transfers and returns) stays at ~30 batches.
 *   <li>{@code rejectedRequestFinancing}: a financing request from a party that does not hold the
 *       receivable, refused with NOT_ENTITLED_TO_ACT; it changes nothing.
 * </ul>
 *
 * The world is rebuilt (outside the measured operations) once it holds {@value #RESET_AFTER}
 * receivables (or decided payments), so the heap stays bounded whatever the iteration count.
 */
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
public class LedgerApplyBenchmark {
    /** Commands per invocation of the batch benchmarks. */
    static final int BATCH = 1_000;
    /** Receivables (and financings) a batch world's ledger has room for from the start. */
    static final int WORLD_RECEIVABLES = 1 << 19;
    /** Receivables a world may hold before the set-up builds a fresh one: a batch more stays within its room. */
    static final int RESET_AFTER = WORLD_RECEIVABLES - BATCH;
    /** Banks beside the demo ones in the payment population. */
    static final int EXTRA_BANKS = 1_000;

    private static final long FINANCING_MINOR = 1_000_000L;
    private static final long RECEIVABLE_MINOR = 10_000_000L;

    /** Payments between 1,003 banks with unique MsgIds and UETRs, cycled in steady state. */
    @State(Scope.Thread)
    public static class TransferState {
        /** Payments remembered at once in steady state: the dedupe window's occupancy. */
        static final int WINDOW_PAYMENTS = 1 << 19;

        /** Payments in the pool (a power of two), twice the window by default. */
        @Param("1048576")
        public int poolSize;

        /**
         * Who computes each payment's keys (its window hashes and fingerprint, {@link
         * TransferCommand#computeKeys}): {@code decoder}, as in the gateway, where the event loop
         * computes them right after decoding, before the command enters the ring (here: in set-up);
         * or {@code ledger}: the measured operation drops them first, so the ledger thread computes
         * them itself, as it does for a command read back from the journal.
         */
        @Param("decoder")
        public String keysBy;

        /**
         * Which String instances the payments name their parties with: {@code ledger}, the ledger's
         * own instances of those ids, as the gateway's event loops give a known party's BIC ({@code
         * PartyIds}), so that the ledger's party look-up finds its key by identity with its hash
         * already cached; or {@code copies}, new Strings of the same characters, as a decoder that
         * makes a String per field would give them (and as the gateway gives an unknown party's).
         */
        @Param("ledger")
        public String partyIds;

        /**
         * How the ledger's payment window keeps each decision's MsgId and UETR: {@code compact} (as
         * bytes in the ring: the shipped configuration's {@code ledger.paymentWindow.compactIds:
         * true}) or {@code strings} (the commands' Strings, as a ledger made with {@code new
         * Ledger()} keeps them). {@code -Dkapok.compactIds=true} makes it {@code compact} whatever
         * this says.
         */
        @Param("compact")
        public String paymentIds;

        /**
         * When set, each command gets new MsgId and UETR Strings, made from the pool's characters
         * as a decoder makes them: nothing cached in them (a pooled String keeps its hash code
         * after the first round, so the ledger never reads a pooled id's characters again). The
         * copies are allocated by the benchmark, not by the ledger. Off in the JMH runs (which
         * count allocation); {@code -Dkapok.freshIds=true} for {@code TransferCpuComparison}.
         */
        boolean freshIds = Boolean.getBoolean("kapok.freshIds");

        char[][] messageIdChars;
        char[][] uetrChars;

        /** Receive-time step per payment: the 30-day window divided by {@link #WINDOW_PAYMENTS}. */
        long stepMs;

        /** Transfers per batch of {@code transferBatched}: what a sequencer gets at once under load. */
        static final int PREFETCH_BATCH = 16;

        LedgerBenchWorld world;
        /**
         * The pool's payments as commands, every field filled in set-up, as a decoder fills one before
         * the sequencer applies it: the measured operation only stamps a command's sequence and
         * receive time, so what it times is the ledger's work, not the filling of seven fields (whose
         * reference stores each pay the collector's write barrier).
         */
        TransferCommand[] commands;
        /** Made on first use, so that this state also loads against a ledger without prefetch hints. */
        PaymentPrefetch prefetch;

        String[] messageIds;
        String[] uetrs;
        int next;

        boolean keysOnLedgerThread;

        /**
         * False for a ledger build whose commands have no keys to compute (TransferCpuComparison
         * loads older builds beside this one).
         */
        static final boolean KEYED_COMMANDS = hasMethod(TransferCommand.class, "computeKeys");

        private static boolean hasMethod(Class<?> type, String name) {
            try {
                type.getMethod(name);
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }

        @Setup(Level.Trial)
        public void setUp() {
            if (!keysBy.equals("decoder") && !keysBy.equals("ledger")) {
                throw new IllegalArgumentException("keysBy must be decoder or ledger: " + keysBy);
            }
            keysOnLedgerThread = keysBy.equals("ledger");
            if (!partyIds.equals("ledger") && !partyIds.equals("copies")) {
                throw new IllegalArgumentException("partyIds must be ledger or copies: " + partyIds);
            }
            if (!paymentIds.equals("compact") && !paymentIds.equals("strings")) {
                throw new IllegalArgumentException("paymentIds must be compact or strings: " + paymentIds);
            }
            Ledger ledger = new Ledger();
            if (paymentIds.equals("compact") || Boolean.getBoolean("kapok.compactIds")) {
                ledger.compactPaymentIds();
            }
            setUp(ledger);
        }

        /** Builds the world on {@code ledger} (empty) and the pool of {@link #poolSize} payments. */
        void setUp(Ledger ledger) {
            if (Integer.bitCount(poolSize) != 1 || poolSize < PREFETCH_BATCH) {
                throw new IllegalArgumentException(
                        "poolSize must be a power of two, at least " + PREFETCH_BATCH + ": " + poolSize);
            }
            world = new LedgerBenchWorld(ledger, EXTRA_BANKS);
            stepMs = 30L * 86_400_000L / WINDOW_PAYMENTS;
            SplittableRandom random = new SplittableRandom(20261123L);
            String[] banks = world.accountHolders;
            commands = new TransferCommand[poolSize];
            messageIds = new String[poolSize];
            uetrs = new String[poolSize];
            for (int i = 0; i < poolSize; i++) {
                int from = random.nextInt(banks.length);
                int to = (from + 1 + random.nextInt(banks.length - 1)) % banks.length;
                TransferCommand c = new TransferCommand();
                boolean copies = "copies".equals(partyIds);
                c.senderId = copies ? new String(banks[from]) : banks[from];
                c.debitPartyId = c.senderId;
                c.creditPartyId = copies ? new String(banks[to]) : banks[to];
                messageIds[i] = banks[from].substring(0, 4) + "-20261123-" + i;
                uetrs[i] = new UUID(random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x4000L, random.nextLong()).toString();
                c.messageId = messageIds[i];
                c.uetr = uetrs[i];
                c.endToEndId = "E2E-" + i;
                c.currency = LedgerBenchWorld.CNY;
                c.amountMinor = 1 + random.nextInt(1_000_000);
                if (KEYED_COMMANDS) {
                    c.computeKeys();
                }
                commands[i] = c;
            }
            if (freshIds) {
                messageIdChars = new char[poolSize][];
                uetrChars = new char[poolSize][];
                for (int i = 0; i < poolSize; i++) {
                    messageIdChars[i] = messageIds[i].toCharArray();
                    uetrChars[i] = uetrs[i].toCharArray();
                }
            }
        }

        /** The pool's next payment, numbered with the ledger's next sequence. */
        TransferCommand nextCommand() {
            return stamp(next++ & (poolSize - 1), world.ledger.lastSequence() + 1);
        }

        /**
         * Numbers the pool's next {@value #PREFETCH_BATCH} payments from the ledger's next sequence
         * and returns the index in {@link #commands} of the first; the batch is the {@value
         * #PREFETCH_BATCH} from there (the pool, a power of two, holds whole batches).
         */
        int nextBatch() {
            int from = next & (poolSize - 1);
            long sequence = world.ledger.lastSequence();
            for (int i = from; i < from + PREFETCH_BATCH; i++) {
                stamp(i, ++sequence);
            }
            next += PREFETCH_BATCH;
            return from;
        }

        /** The pool's payment {@code i} with this sequence and the next receive time. */
        private TransferCommand stamp(int i, long sequence) {
            TransferCommand c = commands[i];
            c.sequence = sequence;
            world.timeMs += stepMs;
            c.timeMs = world.timeMs;
            if (freshIds) {
                c.messageId = new String(messageIdChars[i]);
                c.uetr = new String(uetrChars[i]);
            }
            if (keysOnLedgerThread) {
                c.forgetKeys();
            } else if (freshIds) {
                c.computeKeys(); // the new Strings' hashes, as a decoder's thread computes them
            }
            return c;
        }
    }

    /**
     * What the timed commands of a batch benchmark allocate, set-up excluded, from the thread's
     * allocation counter read just before and after the timed loop. JMH reports {@link
     * #measuredBytesPerOp()} as a secondary result of each iteration (an {@code EVENTS} counter: not
     * divided by time).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class MeasuredAllocation {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private long bytes;
        private long commands;
        private long bytesBefore;

        @Setup(Level.Iteration)
        public void startIteration() {
            bytes = 0;
            commands = 0;
        }

        /** Bytes the timed commands of this iteration allocated, per command. */
        public double measuredBytesPerOp() {
            return commands == 0 ? 0 : (double) bytes / commands;
        }

        void start() {
            bytesBefore = threads.getCurrentThreadAllocatedBytes();
        }

        void stop(int commandsApplied) {
            bytes += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            commands += commandsApplied;
        }
    }

    /**
     * A batch of {@value #BATCH} commands of one kind whose preconditions a per-invocation set-up
     * prepares.
     */
    public abstract static class BatchState {
        LedgerBenchWorld world;
        /** Ids made by the set-up for the batch (receivables, financings or children). */
        final String[] ids = new String[BATCH];

        long serial;

        @Setup(Level.Trial)
        public void setUpTrial() {
            world = newWorld();
            prepareWorld();
        }

        @Setup(Level.Invocation)
        public void setUpBatch() {
            if (world.ledger.receivables().receivables().size() > RESET_AFTER
                    || world.ledger.paymentCount() > RESET_AFTER) {
                world = newWorld();
                prepareWorld();
            }
            for (int i = 0; i < BATCH; i++) {
                ids[i] = prefix() + serial++;
                prepare(i, ids[i]);
            }
        }

        /** Called once per world, after it is built. */
        void prepareWorld() {}

        abstract String prefix();

        /** Brings the world to where the batch's {@code i}-th command, on {@code id}, applies. */
        abstract void prepare(int i, String id);

        /** The batch's {@code i}-th command, its ids set (sequence and time are set by the caller). */
        abstract LedgerCommand command(int i);

        private static LedgerBenchWorld newWorld() {
            return new LedgerBenchWorld(
                    new Ledger(
                            Ledger.PAYMENT_RETENTION_DAYS_DEFAULT, Ledger.PAYMENT_CAPACITY_DEFAULT, WORLD_RECEIVABLES),
                    0);
        }
    }

    /** Receivables registered and confirmed, ready for a financing request. */
    @State(Scope.Thread)
    public static class RequestState extends BatchState {
        final RequestFinancingCommand command =
                LedgerBenchWorld.requestFinancingCommand(LedgerBenchWorld.FOSHAN, null, null, FINANCING_MINOR);
        final String[] financingIds = new String[BATCH];

        @Override
        LedgerCommand command(int i) {
            command.receivableId = ids[i];
            command.financingId = financingIds[i];
            return command;
        }

        @Override
        String prefix() {
            return "RQ-";
        }

        @Override
        void prepare(int i, String id) {
            world.register(id, RECEIVABLE_MINOR);
            world.confirm(id);
            financingIds[i] = "F" + id;
        }
    }

    /** Financings requested, ready for the bank's decision. */
    @State(Scope.Thread)
    public static class DecideState extends BatchState {
        final DecideFinancingCommand command = new DecideFinancingCommand();
        final String[] financingIds = new String[BATCH];

        @Override
        void prepareWorld() {
            command.senderId = new String(LedgerBenchWorld.PRBK);
            command.accept = true;
            command.financedAmountMinor = FINANCING_MINOR;
        }

        @Override
        LedgerCommand command(int i) {
            command.financingId = financingIds[i];
            return command;
        }

        @Override
        String prefix() {
            return "DF-";
        }

        @Override
        void prepare(int i, String id) {
            world.register(id, RECEIVABLE_MINOR);
            world.confirm(id);
            financingIds[i] = "F" + id;
            world.requestFinancing(financingIds[i], id, FINANCING_MINOR);
        }
    }

    /** Receivables registered, ready for Canton Auto Group's confirmation. */
    @State(Scope.Thread)
    public static class ConfirmState extends BatchState {
        final ConfirmReceivableCommand command = new ConfirmReceivableCommand();

        @Override
        void prepareWorld() {
            command.senderId = new String(LedgerBenchWorld.CANTON);
            command.accept = true;
        }

        @Override
        LedgerCommand command(int i) {
            command.receivableId = ids[i];
            return command;
        }

        @Override
        String prefix() {
            return "CF-";
        }

        @Override
        void prepare(int i, String id) {
            world.register(id, RECEIVABLE_MINOR);
        }
    }

    /**
     * One large confirmed receivable held by Foshan Precision; each command splits 1.00 off to
     * Nansha Wire &amp; Cable under a new child id.
     */
    @State(Scope.Thread)
    public static class SplitState extends BatchState {
        static final String PARENT = "SPLIT-PARENT";
        final SplitReceivableCommand command = new SplitReceivableCommand();

        @Override
        void prepareWorld() {
            world.register(PARENT, 100_000_000_000_000L);
            world.confirm(PARENT);
            command.senderId = new String(LedgerBenchWorld.FOSHAN);
            command.receivableId = new String(PARENT);
            command.newHolderId = new String(LedgerBenchWorld.NANSHA);
            command.amountMinor = 100;
        }

        @Override
        LedgerCommand command(int i) {
            command.childReceivableId = ids[i];
            return command;
        }

        @Override
        String prefix() {
            return "SP-";
        }

        @Override
        void prepare(int i, String id) {}
    }

    /**
     * Transfers from Pearl River Bank to Victoria Harbour Bank, settled by the set-up; each command
     * is Victoria Harbour Bank's pacs.004 returning one of them in full.
     */
    @State(Scope.Thread)
    public static class ReturnState extends BatchState {
        static final long PAID_MINOR = 250_000L;
        final ReturnPaymentCommand command = new ReturnPaymentCommand();
        final String[] uetrs = new String[BATCH];
        final String[] returnIds = new String[BATCH];

        @Override
        void prepareWorld() {
            command.senderId = new String(LedgerBenchWorld.VHBK);
            command.currency = LedgerBenchWorld.CNY;
            command.amountMinor = PAID_MINOR;
            command.reasonCode = "AC04";
        }

        @Override
        LedgerCommand command(int i) {
            command.returnId = returnIds[i];
            command.originalUetr = uetrs[i];
            return command;
        }

        @Override
        String prefix() {
            return "RT-";
        }

        @Override
        void prepare(int i, String id) {
            if (i == 0) {
                // A day per batch: the 30-day window holds ~30 batches and stops growing after warm-up.
                world.timeMs += 86_400_000L;
            }
            // Version 4, variant bits set; the serial makes each one unique.
            uetrs[i] = new UUID(0x20261123_0000_4000L, 0x8000000000000000L | serial).toString();
            world.transfer(id, new String(uetrs[i]), LedgerBenchWorld.PRBK, LedgerBenchWorld.VHBK, PAID_MINOR);
            returnIds[i] = "R" + id;
        }
    }

    /** A confirmed receivable and a financing request for it from a party that does not hold it. */
    @State(Scope.Thread)
    public static class RejectState {
        LedgerBenchWorld world;
        RequestFinancingCommand command;

        @Setup(Level.Trial)
        public void setUp() {
            world = new LedgerBenchWorld(new Ledger(), 0);
            world.register("REJ-1", RECEIVABLE_MINOR);
            world.confirm("REJ-1");
            command = LedgerBenchWorld.requestFinancingCommand(
                    new String(LedgerBenchWorld.NANSHA), "F-REJ-1", "REJ-1", FINANCING_MINOR);
        }
    }

    @Benchmark
    public boolean transfer(TransferState s) {
        LedgerResult result = s.world.result;
        s.world.ledger.apply(s.nextCommand(), result);
        return result.applied;
    }

    /**
     * The same transfers as {@link #transfer}, {@value TransferState#PREFETCH_BATCH} at a time: the
     * batch's keys are handed to {@link Ledger#prefetch} first, then each transfer is applied. Scores
     * are per transfer.
     */
    @Benchmark
    @OperationsPerInvocation(TransferState.PREFETCH_BATCH)
    public long transferBatched(TransferState s) {
        if (s.prefetch == null) {
            s.prefetch = new PaymentPrefetch();
        }
        return applyPrefetched(s.world.ledger, s.commands, s.nextBatch(), s.prefetch, s.world.result);
    }

    /**
     * Applies the batch of {@value TransferState#PREFETCH_BATCH} transfers at {@code
     * commands[from..]} after {@link Ledger#prefetch}; fails loudly if one is refused. Returns the
     * prefetch's value, so it is not optimised away.
     */
    static long applyPrefetched(
            Ledger ledger, TransferCommand[] commands, int from, PaymentPrefetch prefetch, LedgerResult result) {
        int to = from + TransferState.PREFETCH_BATCH;
        prefetch.clear();
        for (int i = from; i < to; i++) {
            prefetch.add(commands[i]);
        }
        long folded = ledger.prefetch(prefetch);
        for (int i = from; i < to; i++) {
            TransferCommand c = commands[i];
            ledger.apply(c, result);
            if (!result.applied || result.retry) {
                throw new IllegalStateException("transfer " + c.sequence + " not applied: " + result.rejection);
            }
        }
        return folded;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int requestFinancing(RequestState s, MeasuredAllocation allocation) {
        return applyBatch(s, allocation);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decideFinancing(DecideState s, MeasuredAllocation allocation) {
        return applyBatch(s, allocation);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int confirmReceivable(ConfirmState s, MeasuredAllocation allocation) {
        return applyBatch(s, allocation);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int splitReceivable(SplitState s, MeasuredAllocation allocation) {
        return applyBatch(s, allocation);
    }

    /** Applies the batch's commands, counting what they allocate; fails loudly if one is refused. */
    private static int applyBatch(BatchState s, MeasuredAllocation allocation) {
        LedgerResult result = s.world.result;
        Ledger ledger = s.world.ledger;
        int applied = 0;
        allocation.start();
        for (int i = 0; i < BATCH; i++) {
            LedgerCommand c = s.command(i);
            c.sequence = ledger.lastSequence() + 1;
            c.timeMs = s.world.timeMs;
            ledger.apply(c, result);
            applied += result.applied ? 1 : 0;
        }
        allocation.stop(BATCH);
        if (applied != BATCH) {
            throw new IllegalStateException("only " + applied + " of " + BATCH + " commands applied");
        }
        return applied;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int returnPayment(ReturnState s, MeasuredAllocation allocation) {
        return applyBatch(s, allocation);
    }

    @Benchmark
    public boolean rejectedRequestFinancing(RejectState s) {
        RequestFinancingCommand c = s.command;
        LedgerResult result = s.world.result;
        c.sequence = s.world.ledger.lastSequence() + 1;
        c.timeMs = s.world.timeMs;
        s.world.ledger.apply(c, result);
        return result.applied;
    }
}
