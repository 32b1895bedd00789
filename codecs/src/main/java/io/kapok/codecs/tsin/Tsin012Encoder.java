package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.012.001.01 PartyRegistrationAndGuaranteeAcknowledgement, the acknowledgement of a registration and guarantee notification, with its Business Application Header. Layout:
 * {@code Document/PtyRegnAndGrntAck} with {@code Hdr}, one {@code AckList} and {@code AckCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link PartyRegistration}). Not thread-safe: one encoder per thread.
 */
public final class Tsin012Encoder {
    public static final MessageType TYPE = MessageType.TSIN_012_001_01;

    /**
     * Encodes {@code registration} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no item
     */
    public void encode(PartyRegistration registration, Utf8XmlWriter out) {
        PartyRegistrationWriter.write(out, registration, TYPE, "PtyRegnAndGrntAck", "AckList", "AckCnt");
    }
}
