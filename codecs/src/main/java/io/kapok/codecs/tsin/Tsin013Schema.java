package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.013.001.01 InvoiceAssignmentAcknowledgement: the debtor (the core enterprise, the letter's originator) confirms the invoices it owes. Read as {@link FinancingItemListSchema} describes (its field indexes).
 */
public final class Tsin013Schema {
    public static final MessageSchema SCHEMA =
            FinancingItemListSchema.schema(MessageType.TSIN_013_001_01, "InvcAssgnmtAck", "PmtStsList");

    private Tsin013Schema() {}
}
