package io.kapok.bench.codecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.prowidesoftware.swift.model.mx.AppHdr;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import io.kapok.bench.BenchDefaults;
import io.kapok.bench.BenchSamples;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.HardenedXmlInputFactory;
import io.kapok.codecs.xml.Utf8XmlScanner;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;
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
 * Decoding one CBPR+ pacs.008.001.08 with its AppHdr ({@link BenchSamples#pacs008()}, held as
 * bytes, as it arrives off the wire), side by side:
 *
 * <ul>
 *   <li>{@link #kapokDecode}: Kapok's streaming decoder and validator into a reused view, reading
 *       with Kapok's own {@link Utf8XmlScanner}.
 *   <li>{@link #bareScannerPass}: the ceiling for that decoder: the scanner reads every event of the
 *       same bytes and keeps nothing.
 *   <li>{@link #bareStaxPass}: the ceiling of a decoder on Woodstox, the parser Kapok read with
 *       before: the same hardened Woodstox factory reads every event and keeps nothing.
 *   <li>{@link #prowideParseCachedContext}: Prowide ISO 20022 (JAXB) with one JAXBContext built
 *       up front, its fastest configuration.
 *   <li>{@link #jacksonXmlTree}: Jackson's XML tree model, a generic reader with no schema.
 * </ul>
 *
 * Scores are messages per second for one thread; run with {@code --prof-gc} for the bytes
 * allocated per message ({@code gc.alloc.rate.norm}). Run settings are {@link BenchDefaults},
 * except for Prowide's longer warm-up. Every decoder is checked against the sample once in
 * {@link #setUp}, so a benchmark cannot quietly measure a failure path. One state per benchmark
 * thread.
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
public class Pacs008DecodeBenchmark {
    private static final int PROWIDE_WARMUP_ITERATIONS = 12;

    private byte[] messageBytes;

    private Pacs008Decoder kapokDecoder;
    private Pacs008View kapokView;
    private DecodeVerdict kapokVerdict;

    private XMLInputFactory2 bareFactory;

    private Utf8XmlScanner bareScanner;

    private MxReadConfiguration prowideConfiguration;

    private XmlMapper jacksonMapper;

    @Setup
    public void setUp() throws Exception {
        messageBytes = BenchSamples.pacs008();

        kapokDecoder = new Pacs008Decoder(XmlLimits.DEFAULTS);
        kapokView = new Pacs008View();
        kapokVerdict = new DecodeVerdict();
        if (!kapokDecoder.decode(messageBytes, 0, messageBytes.length, kapokView, kapokVerdict)) {
            throw new IllegalStateException("Kapok rejects the sample pacs.008: " + kapokVerdict);
        }
        if (!kapokView.messageId().contentEquals(BenchSamples.PACS_008_MESSAGE_ID)
                || kapokView.amountMinor() != BenchSamples.PACS_008_AMOUNT_MINOR
                || !kapokView.hasAppHdr()) {
            throw new IllegalStateException("Kapok decodes the sample pacs.008 wrongly: MsgId '" + kapokView.messageId()
                    + "', amountMinor " + kapokView.amountMinor() + ", AppHdr " + kapokView.hasAppHdr());
        }

        bareFactory = HardenedXmlInputFactory.create(XmlLimits.DEFAULTS);
        bareScanner = new Utf8XmlScanner(XmlLimits.DEFAULTS);
        BareScanner.pass(bareScanner, messageBytes);

        // MxPacs00800108.parse(xml) without a configuration builds a new JAXBContext for every
        // message (Prowide's JaxbContextLoader has no cache unless one is installed globally, with
        // JaxbContextLoader.INSTANCE.setCacheImpl): about 30 ms per message on a 2-core machine,
        // nearly 100 times the cached figure. No deployment would run it that way, so it is not
        // measured. The one context must know the AppHdr classes too: Prowide unmarshals the AppHdr
        // with the same context, and when that fails it logs and returns the message without it.
        Class<?>[] documentClasses = MxPacs00800108._classes;
        Class<?>[] contextClasses = Arrays.copyOf(documentClasses, documentClasses.length + 1);
        contextClasses[documentClasses.length] = BusinessAppHdrV02.class;
        prowideConfiguration = new MxReadConfiguration();
        prowideConfiguration.context = JAXBContext.newInstance(contextClasses);
        MxPacs00800108 prowideMessage = prowideParseCachedContext();
        if (prowideMessage == null
                || prowideMessage.getFIToFICstmrCdtTrf() == null
                || !BenchSamples.PACS_008_MESSAGE_ID.equals(
                        prowideMessage.getFIToFICstmrCdtTrf().getGrpHdr().getMsgId())) {
            throw new IllegalStateException("Prowide does not parse the sample pacs.008's Document (MsgId "
                    + BenchSamples.PACS_008_MESSAGE_ID + ")");
        }
        AppHdr prowideHeader = prowideMessage.getAppHdr();
        if (prowideHeader == null || !BenchSamples.PACS_008_MESSAGE_ID.equals(prowideHeader.reference())) {
            throw new IllegalStateException("Prowide loses the sample pacs.008's AppHdr (BizMsgIdr "
                    + BenchSamples.PACS_008_MESSAGE_ID + "): the JAXBContext lacks the head.001.001.02 classes");
        }

        jacksonMapper = new XmlMapper();
        String jacksonMessageId =
                jacksonXmlTree().at("/Document/FIToFICstmrCdtTrf/GrpHdr/MsgId").asText();
        if (!BenchSamples.PACS_008_MESSAGE_ID.equals(jacksonMessageId)) {
            throw new IllegalStateException("Jackson reads MsgId '" + jacksonMessageId
                    + "' from the sample pacs.008, expected " + BenchSamples.PACS_008_MESSAGE_ID);
        }
    }

    /** Kapok: decode and validate into the reused view; returns the amount so nothing is dead code. */
    @Benchmark
    public long kapokDecode() {
        if (!kapokDecoder.decode(messageBytes, 0, messageBytes.length, kapokView, kapokVerdict)) {
            // Never taken with the checked sample; it keeps a broken decoder from being timed on its reject path.
            throw new IllegalStateException(kapokVerdict.toString());
        }
        return kapokView.amountMinor();
    }

    /** The ceiling: every StAX event of the message, with each text's length, and nothing kept. */
    @Benchmark
    public int bareStaxPass() throws XMLStreamException {
        return BareStax.pass(bareFactory, messageBytes);
    }

    /** The scanner's ceiling: every event of Kapok's own scanner, with each text's length, nothing kept. */
    @Benchmark
    public int bareScannerPass() {
        return BareScanner.pass(bareScanner, messageBytes);
    }

    /**
     * Prowide with a cached JAXBContext. The bytes are turned into a String here because Prowide
     * reads only Strings; that copy is part of its cost of taking a message off the wire.
     *
     * <p>JAXB's unmarshalling code takes about 20 s of warm-up on a 2-core machine to reach its
     * steady rate (about three times the rate after the default 6 s), hence the longer warm-up: a
     * baseline measured cold would flatter Kapok.
     */
    @Benchmark
    @Warmup(
            iterations = PROWIDE_WARMUP_ITERATIONS,
            time = BenchDefaults.ITERATION_TIME_MS,
            timeUnit = TimeUnit.MILLISECONDS)
    public MxPacs00800108 prowideParseCachedContext() {
        return MxPacs00800108.parse(new String(messageBytes, StandardCharsets.UTF_8), prowideConfiguration);
    }

    /** Jackson: the whole message as a JsonNode tree (Jackson's own Woodstox factory). */
    @Benchmark
    public JsonNode jacksonXmlTree() throws IOException {
        return jacksonMapper.readTree(messageBytes);
    }
}
