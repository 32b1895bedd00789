package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.011.001.01 PartyRegistrationAndGuaranteeNotification, the notification of a registration and guarantee to the parties concerned, with its Business Application Header. Layout:
 * {@code Document/PtyRegnAndGrntNtfctn} with {@code Hdr}, one {@code NtfctnList} and {@code NtfctnCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link PartyRegistration}). Not thread-safe: one encoder per thread.
 */
public final class Tsin011Encoder {
    public static final MessageType TYPE = MessageType.TSIN_011_001_01;

    /**
     * Encodes {@code registration} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no item
     */
    public void encode(PartyRegistration registration, Utf8XmlWriter out) {
        PartyRegistrationWriter.write(out, registration, TYPE, "PtyRegnAndGrntNtfctn", "NtfctnList", "NtfctnCnt");
    }
}
