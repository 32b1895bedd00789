package io.kapok.bench.load;

/**
 * Every message of one load run, by phase and index: which type request {@code i} is, and its
 * bytes. A mix that confirms or finances invoices needs them registered (and confirmed) first, so
 * a run is up to three phases, each a schedule of its own:
 *
 * <pre>
 *  set-up 1  register   tsin.004 × (A + B)      invoices 0 … A+B-1
 *  set-up 2  confirm    tsin.013 × A/5          invoices 0 … A-1, five per letter (letters S0, S1, …)
 *  timed     the mix    pacs.008 k              payment k (MsgId and UETR of index k)
 *                       tsin.004 k              registers invoice A + B + k
 *                       tsin.013 k              confirms invoices A + 5k … A + 5k + 4 (letter Ck)
 *                       tsin.001 k              finances invoice k (bulk request Gk)
 * </pre>
 *
 * where k is the request's rank among the timed requests of its type ({@link MessageMix#ordinalAt}),
 * A the timed phase's tsin.001 count rounded up to a multiple of five (pool A: registered and
 * confirmed), and B five times its tsin.013 count (pool B: registered only). The counts are exact:
 * the mix's order is fixed, so every invoice set up is consumed once, and none is consumed twice.
 * Set-up is needed only against Kapok ({@code --target kapok}); the echo endpoint reads nothing.
 * The priming request of connection c is payment (timed pacs.008 count + c). Immutable and
 * thread-safe; the {@code write} methods allocate nothing.
 */
public final class LoadMessages {
    /** One phase's requests. */
    public interface Phase {
        /** What the progress line and the report call it. */
        String name();

        /** Requests in the phase. */
        long count();

        /** The type of request {@code index}. */
        MixType typeAt(long index);

        /** How many of the requests {@code 0 .. n-1} are of {@code type}. */
        long countBelow(MixType type, long n);

        /** Writes request {@code index} at {@code dst[offset]}: {@link LoadMessages#length} of its type bytes. */
        void write(long index, byte[] dst, int offset);
    }

    private final MessageMix mix;
    private final Pacs008Templates payments;
    private final FlowTemplates flows;
    private final long timedCount;
    private final long poolA;
    private final long poolB;
    private final long paymentCount;

    /**
     * @param mix        the timed phase's mix
     * @param timedCount requests of the timed phase, warm-up included
     * @param ids        the run's identifiers
     * @param nowMs      the day the invoices are dated from (epoch ms)
     */
    public LoadMessages(MessageMix mix, long timedCount, UniqueIds ids, long nowMs) {
        this.mix = mix;
        this.timedCount = timedCount;
        this.payments = new Pacs008Templates(ids);
        this.flows = new FlowTemplates(ids, nowMs);
        this.poolA = poolA(mix, timedCount);
        this.poolB = poolB(mix, timedCount);
        this.paymentCount = mix.countBelow(MixType.PACS008, timedCount);
        long invoices = poolA + poolB + mix.countBelow(MixType.TSIN004, timedCount);
        if (invoices >= UniqueIds.SHORT_INDEX_BOUND
                || paymentCount + LoadOptions.CONNECTIONS_MAX >= UniqueIds.INDEX_BOUND) {
            throw new IllegalArgumentException("a run of " + timedCount + " requests is too long for its ids");
        }
    }

    /** Pool A of a run of {@code timedCount} requests of {@code mix}: its tsin.001s, rounded up to whole letters. */
    static long poolA(MessageMix mix, long timedCount) {
        int items = FlowTemplates.CONFIRMATION_ITEMS;
        return (mix.countBelow(MixType.TSIN001, timedCount) + items - 1) / items * items;
    }

    /** Pool B of a run of {@code timedCount} requests of {@code mix}: five invoices per tsin.013. */
    static long poolB(MessageMix mix, long timedCount) {
        return (long) FlowTemplates.CONFIRMATION_ITEMS * mix.countBelow(MixType.TSIN013, timedCount);
    }

    /**
     * Payments a run of {@code timedCount} requests of {@code mix} over {@code connections} sends:
     * the timed phase's pacs.008s and one priming payment per connection ({@link #writePriming}).
     */
    static long payments(MessageMix mix, long timedCount, int connections) {
        return mix.countBelow(MixType.PACS008, timedCount) + connections;
    }

    /**
     * Receivable-financing (tsin) messages a run of {@code timedCount} requests of {@code mix} sends,
     * set-up included: each is kept by the gateway's message window for its retries.
     */
    static long financingMessages(MessageMix mix, long timedCount) {
        long a = poolA(mix, timedCount);
        long setup = a + poolB(mix, timedCount) + a / FlowTemplates.CONFIRMATION_ITEMS;
        return setup
                + mix.countBelow(MixType.TSIN001, timedCount)
                + mix.countBelow(MixType.TSIN013, timedCount)
                + mix.countBelow(MixType.TSIN004, timedCount);
    }

    /** Length of a {@code type} message, bytes. */
    public int length(MixType type) {
        return type == MixType.PACS008 ? payments.length() : flows.length(type);
    }

    /** Invoices registered and confirmed in set-up, for the timed tsin.001s (pool A). */
    public long confirmedPool() {
        return poolA;
    }

    /** Invoices registered only in set-up, for the timed tsin.013s (pool B). */
    public long registeredPool() {
        return poolB;
    }

    /** The set-up phases, in order: none when the mix has no tsin.013 and no tsin.001. */
    public Phase[] setup() {
        if (poolA == 0 && poolB == 0) {
            return new Phase[0];
        }
        Phase register = new SetupPhase("set-up: register", MixType.TSIN004, poolA + poolB, flows::writeRegistration);
        if (poolA == 0) {
            return new Phase[] {register};
        }
        Phase confirm = new SetupPhase(
                "set-up: confirm",
                MixType.TSIN013,
                poolA / FlowTemplates.CONFIRMATION_ITEMS,
                (index, dst, offset) -> flows.writeConfirmation(
                        UniqueIds.SETUP_LETTER, index, index * FlowTemplates.CONFIRMATION_ITEMS, dst, offset));
        return new Phase[] {register, confirm};
    }

    /** Writes request {@code index} of a set-up phase. */
    private interface BodyWriter {
        void write(long index, byte[] dst, int offset);
    }

    /** A set-up phase: {@code count} requests of one type. */
    private record SetupPhase(String name, MixType type, long count, BodyWriter writer) implements Phase {
        @Override
        public MixType typeAt(long index) {
            return type;
        }

        @Override
        public long countBelow(MixType t, long n) {
            return t == type ? n : 0;
        }

        @Override
        public void write(long index, byte[] dst, int offset) {
            writer.write(index, dst, offset);
        }
    }

    /** The timed phase: the mix. */
    public Phase timed() {
        return new Phase() {
            @Override
            public String name() {
                return "timed";
            }

            @Override
            public long count() {
                return timedCount;
            }

            @Override
            public MixType typeAt(long index) {
                return mix.typeAt(index);
            }

            @Override
            public long countBelow(MixType type, long n) {
                return mix.countBelow(type, n);
            }

            @Override
            public void write(long index, byte[] dst, int offset) {
                long k = mix.ordinalAt(index);
                switch (mix.typeAt(index)) {
                    case PACS008 -> payments.write(k, dst, offset);
                    case TSIN004 -> flows.writeRegistration(poolA + poolB + k, dst, offset);
                    case TSIN013 ->
                        flows.writeConfirmation(
                                UniqueIds.LETTER, k, poolA + k * FlowTemplates.CONFIRMATION_ITEMS, dst, offset);
                    case TSIN001 -> flows.writeFinancingRequest(k, k, dst, offset);
                }
            }
        };
    }

    /** Writes the priming request of connection {@code connection}: a payment outside every phase. */
    public void writePriming(int connection, byte[] dst, int offset) {
        payments.write(paymentCount + connection, dst, offset);
    }
}
