package io.kapok.bench.codecs;

import io.kapok.bench.BenchSamples;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.Utf8XmlScanner;
import io.kapok.codecs.xml.XmlLimits;
import java.util.function.LongSupplier;

/**
 * One message of one workload of {@link DecodeAbComparison}, per call: loaded once in each class
 * loader of the comparison, so that it runs on the codecs jar of that loader. Its public
 * constructor takes the workload's name; {@link #getAsLong()} decodes (or scans) the sample once
 * and returns a checksum, and fails loudly when the sample is refused.
 */
public final class DecodeAbWorkload implements LongSupplier {
    /** The workloads by name, each with the same sample bytes as the JMH benchmarks. */
    public static final String[] NAMES = {"pacs008-decode", "pacs008-bare", "tsin001-decode", "tsin001-bare"};

    private final byte[] messageBytes;
    private final boolean bare;
    private final Utf8XmlScanner scanner = new Utf8XmlScanner(XmlLimits.DEFAULTS);
    private final Pacs008Decoder pacs008Decoder;
    private final Pacs008View pacs008View = new Pacs008View();
    private final Iso20022Decoder mapDecoder;
    private final MessageView mapView = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    public DecodeAbWorkload(String name) {
        switch (name) {
            case "pacs008-decode", "pacs008-bare" -> messageBytes = BenchSamples.pacs008();
            case "tsin001-decode", "tsin001-bare" -> messageBytes = BenchSamples.tsin001();
            default -> throw new IllegalArgumentException("unknown workload " + name);
        }
        bare = name.endsWith("-bare");
        pacs008Decoder = name.startsWith("pacs008") ? new Pacs008Decoder(XmlLimits.DEFAULTS) : null;
        mapDecoder = name.startsWith("tsin001") ? MessageMap.newDecoder(XmlLimits.DEFAULTS) : null;
        getAsLong();
    }

    @Override
    public long getAsLong() {
        if (bare) {
            return BareScanner.pass(scanner, messageBytes);
        }
        boolean accepted = pacs008Decoder != null
                ? pacs008Decoder.decode(messageBytes, 0, messageBytes.length, pacs008View, verdict)
                : mapDecoder.decode(messageBytes, 0, messageBytes.length, mapView, verdict);
        if (!accepted) {
            throw new IllegalStateException("the sample is refused: " + verdict);
        }
        return pacs008Decoder != null ? pacs008View.amountMinor() : mapView.itemCount();
    }
}
