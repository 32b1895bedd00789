package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.009.001.01 PartyRegistrationAndGuaranteeRequest, a request to register parties of a programme and the guarantee (buyer limit) on their trade, with its Business Application Header. Layout:
 * {@code Document/PtyRegnAndGrntReq} with {@code Hdr}, one {@code AgrmtList} and {@code AgrmtCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link PartyRegistration}). Not thread-safe: one encoder per thread.
 */
public final class Tsin009Encoder {
    public static final MessageType TYPE = MessageType.TSIN_009_001_01;

    /**
     * Encodes {@code registration} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no item
     */
    public void encode(PartyRegistration registration, Utf8XmlWriter out) {
        PartyRegistrationWriter.write(out, registration, TYPE, "PtyRegnAndGrntReq", "AgrmtList", "AgrmtCnt");
    }
}
