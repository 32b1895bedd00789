package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.010.001.01 PartyRegistrationAndGuaranteeStatus, the status of a registration request: validation of the letter, the list and each item (RCCF / RCER with a reason), with its Business Application Header. Layout:
 * {@code Document/PtyRegnAndGrntSts} with {@code Hdr}, one {@code AgrmtList} and {@code AgrmtCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link PartyRegistration}). Not thread-safe: one encoder per thread.
 */
public final class Tsin010Encoder {
    public static final MessageType TYPE = MessageType.TSIN_010_001_01;

    /**
     * Encodes {@code registration} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no item
     */
    public void encode(PartyRegistration registration, Utf8XmlWriter out) {
        PartyRegistrationWriter.write(out, registration, TYPE, "PtyRegnAndGrntSts", "AgrmtList", "AgrmtCnt");
    }
}
