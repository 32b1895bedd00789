package io.kapok.bench.codecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.prowidesoftware.swift.model.mx.AppHdr;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.MxTsin00100101;
import io.kapok.bench.BenchDefaults;
import io.kapok.bench.BenchSamples;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.Tsin001Schema;
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
 * Decoding one tsin.001.001.01 financing request of three invoices with its AppHdr
 * ({@link BenchSamples#tsin001()}, held as bytes, as it arrives off the wire), side by side, as
 * {@link Pacs008DecodeBenchmark} does for a payment:
 *
 * <ul>
 *   <li>{@link #kapokDecode}: Kapok's decoder for the whole message map ({@link MessageMap}),
 *       decoding and validating every invoice and the tsin rules (counts, totals, dates, duplicate
 *       numbers, one currency, organisation ids) into a reused view.
 *   <li>{@link #bareScannerPass}: the ceiling: Kapok's own {@link Utf8XmlScanner}, which the decoder
 *       reads with, reads every event of the same bytes and keeps nothing.
 *   <li>{@link #bareStaxPass}: the ceiling of a decoder on Woodstox: the same hardened Woodstox
 *       factory reads every event and keeps nothing.
 *   <li>{@link #prowideParseCachedContext}: Prowide ISO 20022 (JAXB) with one JAXBContext built up
 *       front, AppHdr classes included.
 *   <li>{@link #jacksonXmlTree}: Jackson's XML tree model, a generic reader with no schema.
 * </ul>
 *
 * Scores are messages per second for one thread; run with {@code --prof-gc} for the bytes
 * allocated per message. Every decoder is checked against the sample once in {@link #setUp}. One
 * state per benchmark thread.
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
public class Tsin001DecodeBenchmark {
    private static final int PROWIDE_WARMUP_ITERATIONS = 12;

    private byte[] messageBytes;

    private Iso20022Decoder kapokDecoder;
    private MessageView kapokView;
    private DecodeVerdict kapokVerdict;

    private XMLInputFactory2 bareFactory;

    private Utf8XmlScanner bareScanner;

    private MxReadConfiguration prowideConfiguration;

    private XmlMapper jacksonMapper;

    @Setup
    public void setUp() throws Exception {
        messageBytes = BenchSamples.tsin001();

        kapokDecoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
        kapokView = new MessageView();
        kapokVerdict = new DecodeVerdict();
        if (!kapokDecoder.decode(messageBytes, 0, messageBytes.length, kapokView, kapokVerdict)) {
            throw new IllegalStateException("Kapok rejects the sample tsin.001: " + kapokVerdict);
        }
        if (!kapokView.text(Tsin001Schema.GROUP_ID).contentEquals(BenchSamples.TSIN_001_GROUP_ID)
                || kapokView.amountMinor(Tsin001Schema.TOTAL_AMOUNT) != BenchSamples.TSIN_001_TOTAL_MINOR
                || kapokView.itemCount() != BenchSamples.TSIN_001_INVOICES
                || !kapokView.hasAppHdr()) {
            throw new IllegalStateException("Kapok decodes the sample tsin.001 wrongly: GrpId '"
                    + kapokView.text(Tsin001Schema.GROUP_ID) + "', total "
                    + kapokView.amountMinor(Tsin001Schema.TOTAL_AMOUNT) + ", invoices " + kapokView.itemCount());
        }

        bareFactory = HardenedXmlInputFactory.create(XmlLimits.DEFAULTS);
        bareScanner = new Utf8XmlScanner(XmlLimits.DEFAULTS);
        BareScanner.pass(bareScanner, messageBytes);

        // One context for the Document and the AppHdr classes (without the latter Prowide drops the
        // header); Prowide's parse(xml) without it builds a context per message, which is not measured.
        Class<?>[] documentClasses = MxTsin00100101._classes;
        Class<?>[] contextClasses = Arrays.copyOf(documentClasses, documentClasses.length + 1);
        contextClasses[documentClasses.length] = BusinessAppHdrV02.class;
        prowideConfiguration = new MxReadConfiguration();
        prowideConfiguration.context = JAXBContext.newInstance(contextClasses);
        MxTsin00100101 prowideMessage = prowideParseCachedContext();
        if (prowideMessage == null
                || prowideMessage.getInvcFincgReq() == null
                || prowideMessage.getInvcFincgReq().getInvcReqInf().size() != BenchSamples.TSIN_001_INVOICES) {
            throw new IllegalStateException("Prowide does not parse the sample tsin.001's invoices");
        }
        AppHdr prowideHeader = prowideMessage.getAppHdr();
        if (prowideHeader == null || !BenchSamples.TSIN_001_GROUP_ID.equals(prowideHeader.reference())) {
            throw new IllegalStateException("Prowide loses the sample tsin.001's AppHdr");
        }

        jacksonMapper = new XmlMapper();
        String jacksonGroupId =
                jacksonXmlTree().at("/Document/InvcFincgReq/ReqGrpInf/GrpId").asText();
        if (!BenchSamples.TSIN_001_GROUP_ID.equals(jacksonGroupId)) {
            throw new IllegalStateException("Jackson reads GrpId '" + jacksonGroupId + "' from the sample tsin.001");
        }
    }

    /** Kapok: decode and validate into the reused view; returns the total so nothing is dead code. */
    @Benchmark
    public long kapokDecode() {
        if (!kapokDecoder.decode(messageBytes, 0, messageBytes.length, kapokView, kapokVerdict)) {
            // Never taken with the checked sample; it keeps a broken decoder from being timed on its reject path.
            throw new IllegalStateException(kapokVerdict.toString());
        }
        return kapokView.amountMinor(Tsin001Schema.TOTAL_AMOUNT);
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

    /** Prowide with a cached JAXBContext; the String copy is part of its cost (it reads only Strings). */
    @Benchmark
    @Warmup(
            iterations = PROWIDE_WARMUP_ITERATIONS,
            time = BenchDefaults.ITERATION_TIME_MS,
            timeUnit = TimeUnit.MILLISECONDS)
    public MxTsin00100101 prowideParseCachedContext() {
        return MxTsin00100101.parse(new String(messageBytes, StandardCharsets.UTF_8), prowideConfiguration);
    }

    /** Jackson: the whole message as a JsonNode tree (Jackson's own Woodstox factory). */
    @Benchmark
    public JsonNode jacksonXmlTree() throws IOException {
        return jacksonMapper.readTree(messageBytes);
    }
}
