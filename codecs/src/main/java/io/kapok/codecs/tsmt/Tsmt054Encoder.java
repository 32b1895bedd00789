package io.kapok.codecs.tsmt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsmt.054.001.01 InvoicePaymentReconciliationStatus, the status of a reconciliation advice, with validation per list and per item (RCCF / RCER with a reason), with its Business Application Header. Layout:
 * {@code Document/InvcPmtRcncltnSts} with {@code Hdr}, one {@code RcncltnList} and {@code RcncltnCnt} /
 * {@code ItmCnt} / {@code CtrlSum} (see {@link PaymentReconciliation}). Not thread-safe: one encoder
 * per thread.
 */
public final class Tsmt054Encoder {
    public static final MessageType TYPE = MessageType.TSMT_054_001_01;

    /**
     * Encodes {@code reconciliation} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when no item is reconciled
     */
    public void encode(PaymentReconciliation reconciliation, Utf8XmlWriter out) {
        PaymentReconciliationWriter.write(out, reconciliation, TYPE, "InvcPmtRcncltnSts");
    }
}
