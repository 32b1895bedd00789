package io.kapok.ledger.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A transfer's keys (window hashes and fingerprint) computed ahead, by whoever fills the command,
 * are the keys of its content; and a command changed after its keys were computed is never judged
 * by the old ones.
 */
class TransferCommandKeysTest {
    private static final int CNY = io.kapok.ledger.Currencies.CNY;
    private static final int USD = io.kapok.ledger.Currencies.pack("USD");

    private static TransferCommand payment() {
        TransferCommand c = new TransferCommand();
        c.senderId = new String("PRBKCNGZXXX");
        c.messageId = new String("PRBK-20261124-1");
        c.uetr = new String("0f4a7e1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b");
        c.endToEndId = new String("E2E-1");
        c.debitPartyId = new String("PRBKCNGZXXX");
        c.creditPartyId = new String("VHBKHKHHXXX");
        c.currency = CNY;
        c.amountMinor = 12_345;
        return c;
    }

    @Test
    void keysComputedAheadAreTheKeysAFreshCommandComputesOnUse() {
        TransferCommand ahead = payment();
        ahead.computeKeys();
        assertTrue(ahead.keysCurrent());
        TransferCommand onUse = payment(); // the same content in other String instances
        assertFalse(onUse.keysCurrent());
        assertEquals(onUse.fingerprint(), ahead.fingerprint());
        assertEquals(onUse.messageHash(), ahead.messageHash());
        assertEquals(onUse.uetrHash(), ahead.uetrHash());
        assertEquals(DecidedPayments.messageHash(ahead.senderId, ahead.messageId), ahead.keyedMessageHash());
        assertEquals(DecidedPayments.uetrHash(ahead.uetr), ahead.keyedUetrHash());
        assertEquals(ahead.fingerprint(), ahead.keyedFingerprint());
    }

    @Test
    void everyFieldChangedAfterTheKeysWereComputedGivesTheKeysOfTheNewContent() {
        Map<String, Consumer<TransferCommand>> changes = new LinkedHashMap<>();
        changes.put("senderId", c -> c.senderId = "VHBKHKHHXXX");
        changes.put("messageId", c -> c.messageId = "PRBK-20261124-2");
        changes.put("uetr", c -> c.uetr = "1f4a7e1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b");
        changes.put("uetr absent", c -> c.uetr = null);
        changes.put("endToEndId", c -> c.endToEndId = "E2E-2");
        changes.put("debitPartyId", c -> c.debitPartyId = "VHBKHKHHXXX");
        changes.put("creditPartyId", c -> c.creditPartyId = "PRBKCNGZXXX");
        changes.put("currency", c -> c.currency = USD);
        changes.put("amountMinor", c -> c.amountMinor = 12_346);
        changes.put("instructedCurrency", c -> c.instructedCurrency = USD);
        changes.put("instructedAmountMinor", c -> {
            c.instructedCurrency = USD;
            c.instructedAmountMinor = 1_700;
        });
        changes.put("exchangeRateScaled", c -> {
            c.instructedCurrency = USD;
            c.exchangeRateScaled = 726_000_000L;
        });
        TransferCommand original = payment();
        long originalFingerprint = original.fingerprint();
        for (Map.Entry<String, Consumer<TransferCommand>> change : changes.entrySet()) {
            TransferCommand changed = payment();
            changed.computeKeys();
            change.getValue().accept(changed);
            assertFalse(changed.keysCurrent(), change.getKey() + " changed, the keys still count as current");
            TransferCommand fresh = payment();
            change.getValue().accept(fresh);
            assertEquals(fresh.fingerprint(), changed.fingerprint(), change.getKey());
            assertEquals(fresh.messageHash(), changed.messageHash(), change.getKey());
            assertEquals(fresh.uetrHash(), changed.uetrHash(), change.getKey());
            assertNotEquals(
                    originalFingerprint, changed.fingerprint(), change.getKey() + " left the fingerprint as it was");
            assertTrue(changed.keysCurrent(), change.getKey());
        }
    }

    @Test
    void aFieldSetToAnotherStringOfTheSameTextComputesTheSameKeysAgain() {
        TransferCommand c = payment();
        c.computeKeys();
        long fingerprint = c.keyedFingerprint();
        c.messageId = new String(c.messageId);
        assertFalse(c.keysCurrent());
        assertEquals(fingerprint, c.fingerprint());
        assertTrue(c.keysCurrent());
    }

    @Test
    void forgottenKeysAreComputedAgainOnUse() {
        TransferCommand c = payment();
        c.computeKeys();
        c.forgetKeys();
        assertFalse(c.keysCurrent());
        c.ensureKeys();
        assertTrue(c.keysCurrent());
        assertEquals(payment().fingerprint(), c.keyedFingerprint());
    }
}
