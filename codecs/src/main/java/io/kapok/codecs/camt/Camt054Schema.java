package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * camt.054.001.08 BankToCustomerDebitCreditNotification as Kapok reads it: one notification
 * ({@code Ntfctn}) of one account with every entry. Field indexes are {@link CamtReport}'s.
 */
public final class Camt054Schema {
    public static final MessageSchema SCHEMA =
            CamtReport.schema(MessageType.CAMT_054_001_08, "BkToCstmrDbtCdtNtfctn", "Ntfctn", null);

    private Camt054Schema() {}
}
