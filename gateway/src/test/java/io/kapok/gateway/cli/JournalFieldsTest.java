package io.kapok.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kapok.codecs.iso.Iso4217;
import io.kapok.ledger.payment.TransferCommand;
import org.junit.jupiter.api.Test;

/** How {@code ./kapok journal dump} prints a transfer, in one currency and across two. */
class JournalFieldsTest {
    private static TransferCommand transfer() {
        TransferCommand c = new TransferCommand();
        c.senderId = "VHBKHKHHXXX";
        c.messageId = "VHBK-FX-1";
        c.uetr = "8a562c67-ca16-48ba-b074-65581be6f001";
        c.endToEndId = "E2E-1";
        c.debitPartyId = "VHBKHKHHXXX";
        c.creditPartyId = "PRBKCNGZXXX";
        c.currency = Iso4217.pack("CNY");
        c.amountMinor = 91_000_00L;
        return c;
    }

    @Test
    void aTransferInOneCurrencyPrintsNoInstructedAmountOrRate() {
        assertEquals(
                "messageId=VHBK-FX-1 uetr=8a562c67-ca16-48ba-b074-65581be6f001 endToEndId=E2E-1"
                        + " debitPartyId=VHBKHKHHXXX creditPartyId=PRBKCNGZXXX currency=CNY amount=CNY 91000.00",
                JournalCommand.fields(transfer()));
    }

    @Test
    void aCrossCurrencyTransferPrintsTheInstructedAmountInItsCurrencyAndTheRate() {
        TransferCommand c = transfer();
        c.instructedCurrency = Iso4217.pack("HKD");
        c.instructedAmountMinor = 100_000_00L;
        c.exchangeRateScaled = 91_000_000L;
        assertEquals(
                "messageId=VHBK-FX-1 uetr=8a562c67-ca16-48ba-b074-65581be6f001 endToEndId=E2E-1"
                        + " debitPartyId=VHBKHKHHXXX creditPartyId=PRBKCNGZXXX currency=CNY amount=CNY 91000.00"
                        + " instructedCurrency=HKD instructedAmount=HKD 100000.00 exchangeRate=0.91",
                JournalCommand.fields(c));
        c.exchangeRateScaled = 0;
        assertEquals(true, JournalCommand.fields(c).endsWith("exchangeRate=none"));
    }
}
