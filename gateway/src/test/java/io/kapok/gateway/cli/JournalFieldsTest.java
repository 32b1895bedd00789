package io.kapok.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.journal.SampleCommands;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.payment.TransferCommand;
import org.junit.jupiter.api.Test;

/** How {@code ./kapok journal dump} prints a transfer, in one currency and across two. */
class JournalFieldsTest {
    private static final String PLAIN = "messageId=PRBK-1 uetr=8a562c67-ca16-48ba-b074-65581be6f001 endToEndId=E2E-1"
            + " debitPartyId=PRBKCNGZXXX creditPartyId=VHBKHKHHXXX currency=USD amount=USD 1250000.00";

    /** USD 1,250,000.00 debited in HKD 9,750,000.00 at 0.12820513 (SampleCommands' transfer). */
    private static TransferCommand crossCurrency() {
        return (TransferCommand) SampleCommands.of(CommandType.TRANSFER);
    }

    @Test
    void aTransferInOneCurrencyPrintsNoInstructedAmountOrRate() {
        TransferCommand c = crossCurrency();
        c.instructedCurrency = 0;
        assertEquals(PLAIN, JournalCommand.fields(c));
    }

    @Test
    void aCrossCurrencyTransferPrintsTheInstructedAmountInItsCurrencyAndTheRate() {
        TransferCommand c = crossCurrency();
        assertEquals(
                PLAIN + " instructedCurrency=HKD instructedAmount=HKD 9750000.00 exchangeRate=0.12820513",
                JournalCommand.fields(c));
        c.exchangeRateScaled = 0;
        assertTrue(JournalCommand.fields(c).endsWith("exchangeRate=none"));
    }
}
