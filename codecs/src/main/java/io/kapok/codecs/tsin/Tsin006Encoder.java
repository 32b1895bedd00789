package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.006.001.01 InvoiceAssignmentRequest, an invoice assignment request: the supplier asks the platform to move its claims on the listed invoices to the assignee bank, with its Business Application Header. Layout:
 * {@code Document/InvcAssgnmtReq} with {@code Hdr}, one {@code AssgnmtList} and {@code AssgnmtCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link InvoiceAssignment}). Not thread-safe: one encoder per thread.
 */
public final class Tsin006Encoder {
    public static final MessageType TYPE = MessageType.TSIN_006_001_01;

    /**
     * Encodes {@code assignment} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no invoice
     */
    public void encode(InvoiceAssignment assignment, Utf8XmlWriter out) {
        InvoiceAssignmentWriter.write(out, assignment, TYPE, "InvcAssgnmtReq", "AssgnmtList", "AssgnmtCnt");
    }
}
