package io.kapok.codecs.tsmt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a tsmt.053.001.01 InvoicePaymentReconciliationAdvice, an advice of which payment settled which receivables or instalments, with its Business Application Header. Layout:
 * {@code Document/InvcPmtRcncltnAdvc} with {@code Hdr}, one {@code RcncltnList} and {@code RcncltnCnt} /
 * {@code ItmCnt} / {@code CtrlSum} (see {@link PaymentReconciliation}). Not thread-safe: one encoder
 * per thread.
 */
public final class Tsmt053Encoder {
    public static final MessageType TYPE = MessageType.TSMT_053_001_01;

    /**
     * Encodes {@code reconciliation} into {@code out} (which is reset first).
     *
     * @throws IllegalArgumentException when no item is reconciled
     */
    public void encode(PaymentReconciliation reconciliation, Utf8XmlWriter out) {
        PaymentReconciliationWriter.write(out, reconciliation, TYPE, "InvcPmtRcncltnAdvc");
    }
}
