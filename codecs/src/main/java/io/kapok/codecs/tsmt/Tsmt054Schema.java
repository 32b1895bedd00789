package io.kapok.codecs.tsmt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.tsin.ReconciliationListSchema;

/**
 * tsmt.054.001.01 InvoicePaymentReconciliationStatus: the answer to a tsmt.053, with its validation status. Read as {@link ReconciliationListSchema} describes (its field indexes).
 */
public final class Tsmt054Schema {
    public static final MessageSchema SCHEMA =
            ReconciliationListSchema.schema(MessageType.TSMT_054_001_01, "InvcPmtRcncltnSts");

    private Tsmt054Schema() {}
}
