package io.kapok.bench.codecs;

import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.MxTsin00100101;
import io.kapok.bench.BenchSamples;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.Utf8XmlScanner;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /** Kapok's decode against Prowide with a cached JAXBContext, in pairs: Kapok, then Prowide. */
    public static final String[] PROWIDE_NAMES = {
        "pacs008-decode", "pacs008-prowide", "tsin001-decode", "tsin001-prowide"
    };

    private final byte[] messageBytes;
    private final boolean bare;
    private final Utf8XmlScanner scanner = new Utf8XmlScanner(XmlLimits.DEFAULTS);
    private final Pacs008Decoder pacs008Decoder;
    private final Pacs008View pacs008View = new Pacs008View();
    private final Iso20022Decoder mapDecoder;
    private final MessageView mapView = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();
    /** Set for a Prowide workload: its one JAXBContext, AppHdr classes included, as in the JMH benchmarks. */
    private final MxReadConfiguration prowideConfiguration;

    public DecodeAbWorkload(String name) throws JAXBException {
        switch (name) {
            case "pacs008-decode", "pacs008-bare", "pacs008-prowide" -> messageBytes = BenchSamples.pacs008();
            case "tsin001-decode", "tsin001-bare", "tsin001-prowide" -> messageBytes = BenchSamples.tsin001();
            default -> throw new IllegalArgumentException("unknown workload " + name);
        }
        bare = name.endsWith("-bare");
        pacs008Decoder = name.startsWith("pacs008") ? new Pacs008Decoder(XmlLimits.DEFAULTS) : null;
        mapDecoder = name.startsWith("tsin001") ? MessageMap.newDecoder(XmlLimits.DEFAULTS) : null;
        if (name.endsWith("-prowide")) {
            Class<?>[] documentClasses = name.startsWith("pacs008") ? MxPacs00800108._classes : MxTsin00100101._classes;
            Class<?>[] contextClasses = Arrays.copyOf(documentClasses, documentClasses.length + 1);
            contextClasses[documentClasses.length] = BusinessAppHdrV02.class;
            prowideConfiguration = new MxReadConfiguration();
            prowideConfiguration.context = JAXBContext.newInstance(contextClasses);
        } else {
            prowideConfiguration = null;
        }
        getAsLong();
    }

    @Override
    public long getAsLong() {
        if (prowideConfiguration != null) {
            return prowideParse();
        }
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

    /** Prowide's parse of the same bytes (it reads only Strings; that copy is part of its cost). */
    private long prowideParse() {
        String xml = new String(messageBytes, StandardCharsets.UTF_8);
        if (pacs008Decoder != null) {
            MxPacs00800108 message = MxPacs00800108.parse(xml, prowideConfiguration);
            if (message == null || message.getAppHdr() == null) {
                throw new IllegalStateException("Prowide does not parse the sample pacs.008 with its AppHdr");
            }
            return message.getFIToFICstmrCdtTrf().getCdtTrfTxInf().size();
        }
        MxTsin00100101 message = MxTsin00100101.parse(xml, prowideConfiguration);
        if (message == null || message.getAppHdr() == null) {
            throw new IllegalStateException("Prowide does not parse the sample tsin.001 with its AppHdr");
        }
        return message.getInvcFincgReq().getInvcReqInf().size();
    }
}
