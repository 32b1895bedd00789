package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * camt.053.001.08 BankToCustomerStatement as Kapok reads it: one statement ({@code Stmt}) of one
 * account with every entry. Field indexes are {@link CamtReport}'s.
 */
public final class Camt053Schema {
    public static final MessageSchema SCHEMA = CamtReport.schema(MessageType.CAMT_053_001_08, "BkToCstmrStmt", "Stmt");

    private Camt053Schema() {}
}
