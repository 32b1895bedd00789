package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.ledger.payment.TransferCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The event loop's command for a decoded pacs.008: what the payment says, with its keys already computed. */
class PaymentCommandsTest {
    @Test
    void theCommandCarriesThePaymentAndKeysOfItsOwnContent() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("..", "config", "samples", "pacs008.xml"));
        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        assertTrue(
                new Pacs008Decoder(XmlLimits.DEFAULTS).decode(sample, 0, sample.length, view, verdict),
                verdict.toString());

        // The ledger knows the instructed agent, not the instructing one.
        io.kapok.ledger.Ledger ledger = new io.kapok.ledger.Ledger();
        io.kapok.ledger.party.RegisterPartyCommand register = new io.kapok.ledger.party.RegisterPartyCommand();
        register.partyId = Bics.normalise(view.instructedAgentBic());
        register.name = "instructed agent";
        register.roles = io.kapok.ledger.party.PartyRole.BANK.bit();
        register.sequence = 1;
        register.timeMs = 1_700_000_000_000L;
        io.kapok.ledger.LedgerResult result = new io.kapok.ledger.LedgerResult();
        ledger.apply(register, result);
        assertTrue(result.applied, result::toString);
        PartyIds parties = new PartyIds();
        parties.publish(ledger.parties());

        TransferCommand c = PaymentCommands.newCommand("PRBKCNGZXXX", view, parties);
        assertTrue(c.keysCurrent(), "the keys are computed before the command enters the ring");
        assertEquals(view.messageId().toString().trim(), c.messageId);
        assertEquals(view.uetr().toString().trim(), c.uetr);
        assertEquals(Bics.normalise(view.instructingAgentBic()), c.debitPartyId);
        assertEquals(Bics.normalise(view.instructedAgentBic()), c.creditPartyId);
        assertEquals(11, c.creditPartyId.length());
        assertSame(register.partyId, c.creditPartyId, "a known party: the ledger's own id String");
        assertEquals(view.amountMinor(), c.amountMinor);
        assertEquals(view.currency(), c.currency);

        // The same payment filled by hand, its keys computed on first use: the same keys.
        TransferCommand byHand = new TransferCommand();
        byHand.senderId = "PRBKCNGZXXX";
        byHand.messageId = new String(c.messageId);
        byHand.uetr = new String(c.uetr);
        byHand.endToEndId = new String(c.endToEndId);
        byHand.debitPartyId = new String(c.debitPartyId);
        byHand.creditPartyId = new String(c.creditPartyId);
        byHand.currency = c.currency;
        byHand.amountMinor = c.amountMinor;
        byHand.instructedCurrency = c.instructedCurrency;
        byHand.instructedAmountMinor = c.instructedAmountMinor;
        byHand.exchangeRateScaled = c.exchangeRateScaled;
        assertEquals(byHand.fingerprint(), c.keyedFingerprint());
        assertEquals(byHand.messageHash(), c.keyedMessageHash());
        assertEquals(byHand.uetrHash(), c.keyedUetrHash());
        assertNotSame(c, PaymentCommands.newCommand("PRBKCNGZXXX", view, parties), "a command per payment");
    }
}
