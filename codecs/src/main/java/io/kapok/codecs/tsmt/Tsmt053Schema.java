package io.kapok.codecs.tsmt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.tsin.ReconciliationListSchema;

/**
 * tsmt.053.001.01 InvoicePaymentReconciliationAdvice: which payment settled which receivables or instalments; the answer is a tsmt.054. Read as {@link ReconciliationListSchema} describes (its field indexes).
 */
public final class Tsmt053Schema {
    public static final MessageSchema SCHEMA =
            ReconciliationListSchema.schema(MessageType.TSMT_053_001_01, "InvcPmtRcncltnAdvc");

    private Tsmt053Schema() {}
}
