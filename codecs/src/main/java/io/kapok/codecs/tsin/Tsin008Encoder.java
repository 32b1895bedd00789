package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsin.008.001.01 InvoiceAssignmentNotification, the notification to the debtor that the listed invoices now belong to the assignee, who is to be paid into each item's credit account, with its Business Application Header. Layout:
 * {@code Document/InvcAssgnmtNtfctn} with {@code Hdr}, one {@code NtfctnList} and {@code NtfctnCnt} / {@code ItmCnt} /
 * {@code CtrlSum} (see {@link InvoiceAssignment}). Not thread-safe: one encoder per thread.
 */
public final class Tsin008Encoder {
    public static final MessageType TYPE = MessageType.TSIN_008_001_01;

    /**
     * Encodes {@code assignment} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when the list holds no invoice
     */
    public void encode(InvoiceAssignment assignment, Utf8XmlWriter out) {
        InvoiceAssignmentWriter.write(out, assignment, TYPE, "InvcAssgnmtNtfctn", "NtfctnList", "NtfctnCnt");
    }
}
