package io.kapok.bench.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.kapok.bench.BenchDefaults;
import io.kapok.bench.load.Pacs008Templates;
import io.kapok.bench.load.UniqueIds;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.pacs.Pacs002Encoder;
import io.kapok.codecs.pacs.Pacs002Status;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.gateway.Gateway;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.http.AnswerIds;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.sequencer.InboundEvent;
import io.kapok.gateway.sequencer.LedgerRejections;
import io.kapok.gateway.sequencer.PartyIds;
import io.kapok.gateway.sequencer.PaymentCommands;
import io.kapok.gateway.sequencer.SequencerHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.core.io.IOTools;
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
 * The in-process pipeline without sockets: decoded pacs.008 payments published on the Disruptor
 * ring, as the event loops publish them, to the real sequencer ({@link SequencerHandler} with its
 * Chronicle Queue journal in a temporary directory, the ledger of the demo world, the mailboxes with
 * the relayed payment and the camt.054 of each posting, the snapshot thread beside it), and each
 * decision encoded as the pacs.002 the sender would get. One operation = one payment taken and
 * answered.
 *
 * <pre>
 *  JMH thread (the event loops' part)          kapok-sequencer thread
 *  ring.next() ── slot: the decoded view, ──►  SequencerHandler: duplicate check, sequence,
 *   (waits when the   the message bytes,        journal append, ledger apply, mailbox appends;
 *    ring is full)    its digest, a response    at the end of each batch: journal and mailbox
 *                                               batch ended, then each response dispatched ──►
 *                                               pacs.002 ACSC encoded (here, on this thread)
 * </pre>
 *
 * Parameter {@code path}: {@code sequencer} is the pipeline above; {@code ring} replaces the
 * sequencer by a handler that only answers ACSC, so the ring hand-off and the pacs.002 encode alone
 * give the ceiling the sequencer's work is measured against, in the same run. Parameter {@code
 * postings} ({@code true} by default) turns the camt.054 of each posting off with {@code false}.
 *
 * <p>What the producer does per payment is what an event loop does after its decode, minus the
 * decode and the digest: it copies one of two decoded templates (the bundled sample, CNY 1.00,
 * Pearl River Bank → Victoria Harbour Bank and back, alternately, so no balance runs out) into the
 * slot, writes a MsgId and a UETR unique in the run into the view and into the message bytes
 * ({@link Pacs008Templates}), and puts the template's digest in the slot (the event loop would
 * digest each message: ~20 µs of SM3, measured apart in {@code DigestSignatureBenchmark}). Unlike
 * the gateway, the pacs.002 is encoded on the sequencer thread (the answer's callback), not on an
 * event loop, so the figure is a lower bound of what a sequencer with event loops beside it
 * carries. Throughput mode: the producer publishes as fast as the ring lets it, so in steady state
 * the score is the rate at which the sequencer takes and answers payments. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} counts what every thread allocated per payment (the sequencer, the
 * snapshot thread and Chronicle included).
 *
 * <p>Limits: the mailboxes hold at most {@value #MAILBOX_CAPACITY} undelivered messages per party
 * (three per payment go to the two banks: the relayed payment and two camt.054); the ledger's duplicate window holds 4,194,304 payments
 * younger than 30 days, so a trial of more payments than that is refused as busy. A refusal of any
 * kind fails the trial at tear-down.
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
@State(Scope.Benchmark)
public class PipelineBenchmark {
    /** Undelivered messages per party the benchmark's mailboxes hold (the gateway's default is 1,000,000). */
    static final int MAILBOX_CAPACITY = 100_000_000;

    private static final String PLATFORM = "KAPKCNGZXXX";
    private static final String[] SENDERS = {"PRBKCNGZXXX", "VHBKHKHHXXX"};

    /** {@code sequencer}: journal, ledger, mailboxes; {@code ring}: the hand-off and the encode alone. */
    @Param({"sequencer", "ring"})
    public String path;

    /**
     * {@code notifications.postings}: a camt.054 to each bank on every posting (the default), or
     * none ({@code -p postings=false}, to see what they cost).
     */
    @Param({"true"})
    public boolean postings;

    private Path dir;
    private Disruptor<InboundEvent> disruptor;
    private RingBuffer<InboundEvent> ring;
    private int mask;
    private final UniqueIds ids = new UniqueIds();
    private final Pacs008Templates templates = new Pacs008Templates(ids);
    private final Pacs008View[] views = {new Pacs008View(), new Pacs008View()};
    private final byte[][] digests = new byte[2][JournalDigest.LENGTH_BYTES];
    private final byte[] idBytes = new byte[UniqueIds.UETR_LENGTH];
    private final char[] idChars = new char[UniqueIds.UETR_LENGTH];

    /** Per ring slot: its response (reused lap after lap) and the pacs.002 prepared for it. */
    private PendingResponse[] responses;

    private Pacs002Status[] statuses;

    // Sequencer thread: the answers' encoding.
    private final AnswerIds answerIds = new AnswerIds(System.currentTimeMillis());
    private final Pacs002Encoder encoder = new Pacs002Encoder();
    private final Utf8XmlWriter writer = new Utf8XmlWriter(4096);
    private long encodedBytes;
    private volatile long answered;
    private volatile String failure;

    private long published;
    /** The sequencer's party ids, as the event loops name a payment's parties; empty on the {@code ring} path. */
    private PartyIds parties = new PartyIds();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("kapok-pipeline-bench");
        GatewayConfig defaults = ConfigLoader.loadDefaults();
        GatewayConfig.Mailbox m = defaults.mailbox();
        GatewayConfig config = defaults.withDataDir(dir.toString())
                .withNotifications(new GatewayConfig.Notifications(postings))
                .withMailbox(m.withCapacityPerParty(MAILBOX_CAPACITY));
        Pacs008Decoder decoder = new Pacs008Decoder(XmlLimits.DEFAULTS);
        DecodeVerdict verdict = new DecodeVerdict();
        for (int direction = 0; direction < 2; direction++) {
            byte[] body = templates.body(direction);
            if (!decoder.decode(body, 0, body.length, views[direction], verdict)) {
                throw new IllegalStateException("the load template does not decode: " + verdict);
            }
            JournalDigest.digest(config.journalDigest().newDigest(), body, 0, body.length, digests[direction]);
        }
        int ringSize = config.sequencer().ringSize();
        mask = ringSize - 1;
        responses = new PendingResponse[ringSize];
        statuses = new Pacs002Status[ringSize];
        for (int i = 0; i < ringSize; i++) {
            int slot = i;
            responses[i] = new PendingResponse(r -> answered(slot, r));
            statuses[i] = new Pacs002Status();
        }
        disruptor = new Disruptor<>(
                InboundEvent.factory(ringSize),
                ringSize,
                r -> new Thread(r, "kapok-sequencer"),
                ProducerType.MULTI,
                Gateway.waitStrategy(config.sequencer().waitStrategy()));
        SequencerHandler sequencer = null;
        if (path.equals("sequencer")) {
            sequencer = new SequencerHandler(config, dir);
            disruptor.handleEventsWith(sequencer);
            sequencer.prefetchFrom(disruptor.getRingBuffer()); // as the gateway's sequencer thread
        } else {
            disruptor.handleEventsWith(new AnswerOnlyHandler());
        }
        ring = disruptor.start();
        if (sequencer != null) {
            sequencer.awaitStarted(TimeUnit.MINUTES.toMillis(1));
            parties = sequencer.partyIds();
        }
    }

    /** One payment onto the ring, as an event loop publishes it after its decode. */
    @Benchmark
    public void payment() {
        long index = published++;
        int direction = (int) (index & 1);
        long slot = ring.next();
        try {
            InboundEvent event = ring.get(slot);
            event.kind(InboundEvent.Kind.PAYMENT);
            Pacs008View view = event.payment();
            view.copyFrom(views[direction]);
            ids.writeMessageId(index, idBytes, 0);
            view.messageId().set(chars(UniqueIds.MESSAGE_ID_LENGTH), 0, UniqueIds.MESSAGE_ID_LENGTH);
            ids.writeUetr(index, idBytes, 0);
            view.uetr().set(chars(UniqueIds.UETR_LENGTH), 0, UniqueIds.UETR_LENGTH);
            if (event.raw().length < templates.length()) {
                event.raw(new byte[templates.length()]);
            }
            templates.write(index, event.raw(), 0);
            event.rawLength = templates.length();
            System.arraycopy(digests[direction], 0, event.messageDigest, 0, JournalDigest.LENGTH_BYTES);
            event.senderId(parties.bic(SENDERS[direction]));
            event.transfer(PaymentCommands.newCommand(event.senderId(), view, parties));
            event.receiveTimeMs = System.currentTimeMillis();
            Pacs002Status s = statuses[(int) (slot & mask)];
            s.clear();
            s.fromBic.set(PLATFORM);
            s.toBic.set(SENDERS[direction]);
            s.copyOriginal(view);
            event.response(responses[(int) (slot & mask)]);
        } finally {
            ring.publish(slot);
        }
    }

    /** {@code idBytes[0..length)} as chars (ASCII). */
    private char[] chars(int length) {
        for (int i = 0; i < length; i++) {
            idChars[i] = (char) idBytes[i];
        }
        return idChars;
    }

    /** Sequencer thread: the decision of the payment in ring slot {@code slot}, encoded as its pacs.002. */
    private void answered(int slot, PendingResponse r) {
        Pacs002Status s = statuses[slot];
        if (r.unavailableReason() != null) {
            failure = "a payment was answered 503: " + r.unavailableReason();
        } else if (!r.applied()) {
            failure = "a payment was refused: " + r.rejection();
            s.transactionStatus = Pacs002Status.REJECTED;
            s.reasonCode = LedgerRejections.reasonCode(r.rejection());
        } else {
            s.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        }
        answerIds.journaled(s.messageId, r.decisionSequence());
        s.creationTimeMs = r.decisionTimeMs();
        encoder.encode(s, writer);
        encodedBytes += writer.length();
        answered = answered + 1; // one writer: the sequencer thread
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            disruptor.shutdown(60, TimeUnit.SECONDS); // every published payment decided and answered
        } finally {
            IOTools.deleteDirWithFilesOrThrow(dir.toFile());
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        if (answered != published || encodedBytes == 0) {
            throw new IllegalStateException(published + " payments published, " + answered + " answered");
        }
    }

    /** The {@code ring} path's consumer: every payment applied at once, no journal, ledger or mailbox. */
    private static final class AnswerOnlyHandler implements EventHandler<InboundEvent> {
        private long sequence;

        @Override
        public void onEvent(InboundEvent event, long ringSequence, boolean endOfBatch) {
            PendingResponse response = event.response();
            event.response(null);
            response.answerOutcome(true, null, ++sequence, event.receiveTimeMs);
            response.dispatch();
        }
    }
}
