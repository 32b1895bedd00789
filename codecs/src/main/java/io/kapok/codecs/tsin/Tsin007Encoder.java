package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.007.001.01 InvoiceAssignmentStatus, the status of an invoice assignment request: validation of the letter, the list and each invoice (RCCF / RCER with a reason), with its Business Application Header. Layout:
 * {@code Document/InvcAssgnmtSts} with {@code Hdr}, one {@code AssgnmtList} and {@code AssgnmtCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link InvoiceAssignment}). Not thread-safe: one encoder per thread.
 */
public final class Tsin007Encoder {
    public static final MessageType TYPE = MessageType.TSIN_007_001_01;

    /**
     * Encodes {@code assignment} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no invoice
     */
    public void encode(InvoiceAssignment assignment, Utf8XmlWriter out) {
        InvoiceAssignmentWriter.write(out, assignment, TYPE, "InvcAssgnmtSts", "AssgnmtList", "AssgnmtCnt");
    }
}
