package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.006.001.01 InvoiceAssignmentRequest: a supplier assigns invoices to a bank (factoring); the answer is a tsin.007. Read as {@link FinancingItemListSchema} describes (its field indexes).
 */
public final class Tsin006Schema {
    public static final MessageSchema SCHEMA =
            FinancingItemListSchema.schema(MessageType.TSIN_006_001_01, "InvcAssgnmtReq", "AssgnmtList");

    private Tsin006Schema() {}
}
