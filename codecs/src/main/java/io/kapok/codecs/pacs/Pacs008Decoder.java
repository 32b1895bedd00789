package io.kapok.codecs.pacs;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.xml.XmlLimits;

/**
 * Streaming decoder and validator for a CBPR+ pacs.008.001.08 with or without its Business
 * Application Header (head.001.001.02): the {@link Iso20022Decoder} with {@link Pacs008Schema}.
 *
 * <p>Accepted shapes: a {@code Document} alone; or an envelope element of any name and namespace
 * (partners use {@code RequestPayload}, {@code Envelope}, {@code BizMsg}...) holding one {@code
 * AppHdr} and one {@code Document}, in either order, possibly nested in further wrappers. Elements
 * are matched by namespace URI and local name, so any prefix, a default namespace, and declarations
 * on the root or on the children are all the same to it. UTF-8 with or without a BOM, and any
 * encoding the XML declaration names correctly, are read.
 *
 * <p>Not thread-safe: one decoder per event-loop thread.
 */
public final class Pacs008Decoder {
    public static final String PACS_008_NAMESPACE = MessageType.PACS_008_001_08.namespace();
    public static final String HEAD_001_NAMESPACE = MessageType.HEAD_001_001_02.namespace();
    public static final String MESSAGE_DEFINITION = MessageType.PACS_008_001_08.messageDefinition();

    private final Iso20022Decoder decoder;

    public Pacs008Decoder(XmlLimits limits) {
        this.decoder = new Iso20022Decoder(limits, Pacs008Schema.SCHEMA);
    }

    /**
     * Decodes and validates {@code length} bytes at {@code offset}.
     *
     * @return true when the message is a valid pacs.008; otherwise {@code verdict} holds the reject.
     *     Never throws for bad input.
     */
    public boolean decode(byte[] bytes, int offset, int length, Pacs008View out, DecodeVerdict verdict) {
        return decoder.decode(bytes, offset, length, out.view, verdict);
    }
}
