package io.kapok.ledger.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.kapok.ledger.Currencies;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The fingerprint and key hashes a reused command keeps always follow its fields. */
class TransferCommandTest {
    private static TransferCommand transfer() {
        TransferCommand c = new TransferCommand();
        c.senderId = "PRBKCNGZXXX";
        c.messageId = "MSG-1";
        c.uetr = "8a562c67-ca16-48ba-b074-65581be6f011";
        c.endToEndId = "E2E-1";
        c.debitPartyId = "PRBKCNGZXXX";
        c.creditPartyId = "VHBKHKHHXXX";
        c.currency = Currencies.CNY;
        c.amountMinor = 100_00;
        return c;
    }

    /** A fresh command with the same fields: what the kept values must equal. */
    private static TransferCommand copy(TransferCommand c) {
        TransferCommand fresh = new TransferCommand();
        fresh.senderId = new String(c.senderId);
        fresh.messageId = new String(c.messageId);
        fresh.uetr = c.uetr == null ? null : new String(c.uetr);
        fresh.endToEndId = c.endToEndId == null ? null : new String(c.endToEndId);
        fresh.debitPartyId = new String(c.debitPartyId);
        fresh.creditPartyId = new String(c.creditPartyId);
        fresh.currency = c.currency;
        fresh.amountMinor = c.amountMinor;
        fresh.instructedCurrency = c.instructedCurrency;
        fresh.instructedAmountMinor = c.instructedAmountMinor;
        fresh.exchangeRateScaled = c.exchangeRateScaled;
        return fresh;
    }

    @Test
    void keptFingerprintAndKeyHashesFollowEveryFieldOfAReusedCommand() {
        TransferCommand reused = transfer();
        long first = reused.fingerprint();
        int firstMessageHash = reused.messageKeyHash();
        int firstUetrHash = reused.uetrKeyHash();
        assertEquals(DecidedPayments.messageHash(reused.senderId, reused.messageId), firstMessageHash);
        assertEquals(DecidedPayments.uetrHash(reused.uetr), firstUetrHash);
        @SuppressWarnings("unchecked")
        Consumer<TransferCommand>[] changes = new Consumer[] {
            (Consumer<TransferCommand>) c -> c.senderId = "VHBKHKHHXXX",
            (Consumer<TransferCommand>) c -> c.messageId = "MSG-2",
            (Consumer<TransferCommand>) c -> c.uetr = "0b8b6d3c-3f33-4a43-9a6b-2b1c0e2b9d51",
            (Consumer<TransferCommand>) c -> c.uetr = null,
            (Consumer<TransferCommand>) c -> c.endToEndId = "E2E-2",
            (Consumer<TransferCommand>) c -> c.debitPartyId = "LTBKMOMXXXX",
            (Consumer<TransferCommand>) c -> c.creditPartyId = "LTBKMOMXXXX",
            (Consumer<TransferCommand>) c -> c.currency = Currencies.USD,
            (Consumer<TransferCommand>) c -> c.amountMinor = 101_00,
            (Consumer<TransferCommand>) c -> c.instructedCurrency = Currencies.USD,
            (Consumer<TransferCommand>) c -> {
                c.instructedCurrency = Currencies.USD;
                c.instructedAmountMinor = 14_00;
            },
            (Consumer<TransferCommand>) c -> {
                c.instructedCurrency = Currencies.USD;
                c.exchangeRateScaled = 712_000_000L;
            },
        };
        for (Consumer<TransferCommand> change : changes) {
            change.accept(reused);
            TransferCommand fresh = copy(reused);
            assertEquals(fresh.fingerprint(), reused.fingerprint());
            assertEquals(fresh.messageKeyHash(), reused.messageKeyHash());
            assertEquals(fresh.uetrKeyHash(), reused.uetrKeyHash());
            assertNotEquals(first, reused.fingerprint(), "a changed field changes the fingerprint");
            TransferCommand back = transfer();
            copyInto(back, reused);
            assertEquals(first, reused.fingerprint(), "the same fields give the same fingerprint again");
            assertEquals(firstMessageHash, reused.messageKeyHash());
            assertEquals(firstUetrHash, reused.uetrKeyHash());
        }
    }

    /** Sets every field of {@code to} from {@code from} (new String instances, as a decoder makes). */
    private static void copyInto(TransferCommand from, TransferCommand to) {
        TransferCommand fresh = copy(from);
        to.senderId = fresh.senderId;
        to.messageId = fresh.messageId;
        to.uetr = fresh.uetr;
        to.endToEndId = fresh.endToEndId;
        to.debitPartyId = fresh.debitPartyId;
        to.creditPartyId = fresh.creditPartyId;
        to.currency = fresh.currency;
        to.amountMinor = fresh.amountMinor;
        to.instructedCurrency = fresh.instructedCurrency;
        to.instructedAmountMinor = fresh.instructedAmountMinor;
        to.exchangeRateScaled = fresh.exchangeRateScaled;
    }
}
