package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.013.001.01 InvoiceAssignmentAcknowledgement, the debtor's acknowledgement (confirmation) of the invoices it owes, with its Business Application Header. Layout:
 * {@code Document/InvcAssgnmtAck} with {@code Hdr}, one {@code PmtStsList} and {@code PmtStsCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link InvoiceAssignment}). Not thread-safe: one encoder per thread.
 */
public final class Tsin013Encoder {
    public static final MessageType TYPE = MessageType.TSIN_013_001_01;

    /**
     * Encodes {@code assignment} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no invoice
     */
    public void encode(InvoiceAssignment assignment, Utf8XmlWriter out) {
        InvoiceAssignmentWriter.write(out, assignment, TYPE, "InvcAssgnmtAck", "PmtStsList", "PmtStsCnt");
    }
}
