package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.008.001.01 InvoiceAssignmentNotification: tells the debtor that the invoices now belong to the bank. Read as {@link FinancingItemListSchema} describes (its field indexes).
 */
public final class Tsin008Schema {
    public static final MessageSchema SCHEMA =
            FinancingItemListSchema.schema(MessageType.TSIN_008_001_01, "InvcAssgnmtNtfctn", "NtfctnList");

    private Tsin008Schema() {}
}
