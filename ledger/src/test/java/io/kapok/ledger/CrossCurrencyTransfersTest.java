package io.kapok.ledger;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.Currencies.HKD;
import static io.kapok.ledger.Currencies.USD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.fx.SetFxRateCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.payment.RecallPaymentCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import org.junit.jupiter.api.Test;

/** Transfers debited in one currency and credited in another, at the ledger's latest rate. */
class CrossCurrencyTransfersTest {
    private static final String PLATFORM = "KAPKCNGZXXX";
    private static final String PRBK = DemoWorld.PRBK;
    private static final String VHBK = DemoWorld.VHBK;
    private static final long PLATFORM_LIQUIDITY_MINOR = 10_000_000_00L;

    private final DemoWorld w = world();
    private int payments;

    private static DemoWorld world() {
        DemoWorld w = new DemoWorld();
        w.party(PLATFORM, PartyRole.OPERATOR);
        for (int ccy : new int[] {CNY, HKD, USD}) {
            w.account(PLATFORM, ccy, PLATFORM_LIQUIDITY_MINOR);
        }
        w.party(PRBK, PartyRole.BANK);
        w.party(VHBK, PartyRole.BANK);
        w.account(PRBK, CNY, 50_000_000_00L);
        w.account(PRBK, USD, 5_000_000_00L);
        w.account(PRBK, HKD, 0);
        w.account(VHBK, HKD, 50_000_000_00L);
        w.account(VHBK, CNY, 20_000_000_00L);
        w.account(VHBK, USD, 5_000_000_00L);
        return w;
    }

    private LedgerResult rate(int base, int quote, long rateScaled) {
        SetFxRateCommand c = new SetFxRateCommand();
        c.baseCurrency = base;
        c.quoteCurrency = quote;
        c.rateScaled = rateScaled;
        c.sourceSequence = 1000 + w.ledger.lastSequence();
        return w.apply(c);
    }

    /** VHBK pays {@code settlementMinor} of {@code currency} to PRBK, debited in {@code instructed}. */
    private TransferCommand payment(int instructed, int currency, long settlementMinor, long exchangeRateScaled) {
        int n = ++payments;
        TransferCommand c = new TransferCommand();
        c.senderId = VHBK;
        c.messageId = "VHBK-FX-" + n;
        c.uetr = String.format("6a1c2b3d-4e5f-4a6b-8c7d-%012d", n);
        c.endToEndId = "E2E-" + n;
        c.debitPartyId = VHBK;
        c.creditPartyId = PRBK;
        c.currency = currency;
        c.amountMinor = settlementMinor;
        c.instructedCurrency = instructed;
        c.instructedAmountMinor = settlementMinor; // recorded only: the ledger's rate decides the debit
        c.exchangeRateScaled = exchangeRateScaled;
        return c;
    }

    @Test
    void aLaterRateReplacesTheEarlierOneAndEitherDirectionMayBeQuoted() {
        w.must(rate(HKD, CNY, 91_000_000L));
        w.must(rate(HKD, CNY, 91_100_000L));
        assertEquals(91_100_000L, w.ledger.fxRates().rate(HKD, CNY).rateScaled());
        assertEquals(1, w.ledger.fxRates().size());
        assertEquals(91_100_000L, w.ledger.fxRates().latest(CNY, HKD).rateScaled());
        w.must(rate(CNY, HKD, 109_800_000L));
        assertEquals(109_800_000L, w.ledger.fxRates().latest(HKD, CNY).rateScaled(), "the later direction wins");
        assertEquals(2, w.ledger.fxRates().size());
    }

    @Test
    void hkdPaymentSettledInCnyDebitsTheConvertedAmountAndThePlatformTakesBothLegs() {
        LedgerResult set = w.must(rate(HKD, CNY, 91_000_000L)); // 1 HKD = 0.91 CNY
        long rateSequence = set.sequence;
        LedgerResult r = w.must(w.apply(payment(HKD, CNY, 910_000_00L, 0)));

        assertEquals(50_000_000_00L - 1_000_000_00L, w.balance(VHBK, HKD), "HKD 1,000,000.00 debited");
        assertEquals(20_000_000_00L, w.balance(VHBK, CNY), "its CNY account is not touched");
        assertEquals(50_000_000_00L + 910_000_00L, w.balance(PRBK, CNY), "CNY 910,000.00 credited");
        assertEquals(PLATFORM_LIQUIDITY_MINOR + 1_000_000_00L, w.balance(PLATFORM, HKD));
        assertEquals(PLATFORM_LIQUIDITY_MINOR - 910_000_00L, w.balance(PLATFORM, CNY));
        assertNull(w.ledger.checkInvariants());

        assertEquals(4, r.eventCount());
        assertPosted(r, 0, VHBK, HKD, -1_000_000_00L);
        assertPosted(r, 1, PLATFORM, HKD, 1_000_000_00L);
        assertPosted(r, 2, PLATFORM, CNY, -910_000_00L);
        assertPosted(r, 3, PRBK, CNY, 910_000_00L);
        assertEquals(rateSequence, r.fxRateSequence);
        assertEquals(HKD, r.fxBaseCurrency);
        assertEquals(CNY, r.fxQuoteCurrency);
        assertEquals(91_000_000L, r.fxRateScaled);
    }

    @Test
    void theInverseQuoteIsUsedWhenThePairIsQuotedTheOtherWay() {
        w.must(rate(USD, HKD, 780_000_000L)); // 1 USD = 7.8 HKD
        // VHBK pays USD 12.82 debited in HKD: 12.82 × 7.8 = HKD 99.996 -> 100.00 (half-even)
        LedgerResult r = w.must(w.apply(payment(HKD, USD, 12_82L, 0)));
        assertPosted(r, 0, VHBK, HKD, -100_00L);
        assertEquals(USD, r.fxBaseCurrency);
        assertEquals(HKD, r.fxQuoteCurrency);
        // And the other way: VHBK pays HKD 100.00 debited in USD: 100 ÷ 7.8 = 12.8205… -> USD 12.82
        r = w.must(w.apply(payment(USD, HKD, 100_00L, 0)));
        assertPosted(r, 0, VHBK, USD, -12_82L);
        assertNull(w.ledger.checkInvariants());
    }

    @Test
    void withNoRateForThePairTheTransferIsRefusedAndNoBalanceOrRateMoves() {
        w.must(rate(USD, CNY, 710_000_000L));
        byte[] balancesBefore = balances();
        TransferCommand c = payment(HKD, CNY, 910_000_00L, 0);
        LedgerResult r = w.apply(c);
        assertFalse(r.applied);
        assertEquals(LedgerRejection.FX_RATE_UNKNOWN, r.rejection);
        assertEquals("AM03", r.rejection.isoCode());
        assertEquals(0, r.eventCount());
        assertEquals(0, r.fxRateSequence);
        assertArrayEquals(balancesBefore, balances());
        assertEquals(1, w.ledger.fxRates().size());
        assertNull(w.ledger.checkInvariants());
        // The refusal is the payment's answer: a retry gets it again, even once a rate is known.
        w.must(rate(HKD, CNY, 91_000_000L));
        assertTrue(w.ledger.findDecided(c, w.result));
        assertTrue(w.result.retry);
        assertEquals(LedgerRejection.FX_RATE_UNKNOWN, w.result.rejection);
    }

    @Test
    void aStatedExchangeRateWithinTheToleranceSettlesAndOneOutsideIsRefused() {
        w.must(rate(CNY, HKD, 109_890_110L)); // quoted the other way: HKD/CNY = 1 / 1.0989011 = 0.91
        w.must(w.apply(payment(HKD, CNY, 1_000_00L, 91_000_000L)));
        w.must(w.apply(payment(HKD, CNY, 1_000_00L, 91_400_000L))); // 0.44% off: within 0.5%
        byte[] balancesBefore = balances();
        LedgerResult r = w.apply(payment(HKD, CNY, 1_000_00L, 91_500_000L)); // 0.55% off
        assertEquals(LedgerRejection.FX_RATE_MISMATCH, r.rejection);
        assertEquals("AM09", r.rejection.isoCode());
        assertArrayEquals(balancesBefore, balances());
    }

    @Test
    void thePlatformNeverPaysOutMoreOfACurrencyThanItsFxAccountHolds() {
        w.must(rate(HKD, CNY, 91_000_000L));
        byte[] balancesBefore = balances();
        LedgerResult r = w.apply(payment(HKD, CNY, PLATFORM_LIQUIDITY_MINOR + 1, 0));
        assertEquals(LedgerRejection.FX_LIQUIDITY_SHORT, r.rejection);
        assertArrayEquals(balancesBefore, balances());
        r = w.apply(payment(HKD, CNY, 20_000_000_00L, 0)); // HKD 21,978,021.98: VHBK holds 50m
        assertEquals(LedgerRejection.FX_LIQUIDITY_SHORT, r.rejection);
        w.must(w.apply(payment(HKD, CNY, PLATFORM_LIQUIDITY_MINOR, 0)));
        assertEquals(0, w.balance(PLATFORM, CNY));
        assertNull(w.ledger.checkInvariants());
    }

    @Test
    void theInstructingAgentMustHoldTheConvertedAmount() {
        w.must(rate(USD, CNY, 710_000_000L));
        // PRBK pays VHBK CNY 71,000,000.00 debited in USD: USD 10,000,000.00, it holds 5,000,000.00
        TransferCommand c = payment(USD, CNY, 71_000_000_00L, 0);
        c.senderId = PRBK;
        c.debitPartyId = PRBK;
        c.creditPartyId = VHBK;
        assertEquals(LedgerRejection.INSUFFICIENT_FUNDS, w.apply(c).rejection);
    }

    @Test
    void returnsAndRecallsOfACrossCurrencyTransferAreRefused() {
        w.must(rate(HKD, CNY, 91_000_000L));
        TransferCommand paid = payment(HKD, CNY, 910_00L, 0);
        w.must(w.apply(paid));
        assertEquals(LedgerRejection.CROSS_CURRENCY_NOT_RETURNABLE, w.apply(returnOf(paid, "PRBK-RTN-1")).rejection);
        RecallPaymentCommand recall = new RecallPaymentCommand();
        recall.senderId = VHBK;
        recall.recallId = "VHBK-RCL-1";
        recall.originalUetr = paid.uetr;
        recall.reasonCode = "DUPL";
        assertEquals(LedgerRejection.CROSS_CURRENCY_NOT_RETURNABLE, w.apply(recall).rejection);
        // The mark survives a snapshot.
        Ledger copy = Ledger.fromSnapshot(w.ledger.snapshot());
        ReturnPaymentCommand again = returnOf(paid, "PRBK-RTN-2");
        again.sequence = copy.lastSequence() + 1;
        again.timeMs = paid.timeMs;
        LedgerResult r = new LedgerResult();
        copy.apply(again, r);
        assertEquals(LedgerRejection.CROSS_CURRENCY_NOT_RETURNABLE, r.rejection);
    }

    @Test
    void snapshotRoundTripAndReplayGiveTheSameStateHash() {
        w.must(rate(HKD, CNY, 91_000_000L));
        w.must(w.apply(payment(HKD, CNY, 910_000_00L, 0)));
        w.must(rate(USD, HKD, 780_000_000L));
        w.must(w.apply(payment(HKD, USD, 12_82L, 0)));
        w.apply(payment(HKD, CNY, 1_00L, 99_000_000L)); // refused: mismatch
        byte[] hash = w.ledger.stateHash();

        assertArrayEquals(hash, Ledger.fromSnapshot(w.ledger.snapshot()).stateHash());
        Ledger replayed = new Ledger();
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : w.history) {
            replayed.apply(c, r);
        }
        assertArrayEquals(hash, replayed.stateHash());
    }

    @Test
    void anInstructedAmountInTheSettlementCurrencyIsAPlainTransfer() {
        LedgerResult r = w.must(w.apply(payment(CNY, CNY, 1_00L, 0)));
        assertEquals(2, r.eventCount());
        assertEquals(0, r.fxRateSequence);
    }

    @Test
    void theInstructedAmountAndRateEnterTheFingerprintOnlyWhenPresent() {
        TransferCommand plain = payment(0, CNY, 1_00L, 0);
        TransferCommand withFx = payment(0, CNY, 1_00L, 0);
        withFx.messageId = plain.messageId;
        withFx.uetr = plain.uetr;
        withFx.endToEndId = plain.endToEndId;
        withFx.instructedAmountMinor = 0;
        plain.instructedAmountMinor = 0;
        assertEquals(plain.fingerprint(), withFx.fingerprint());
        withFx.instructedCurrency = HKD;
        withFx.instructedAmountMinor = 1_10L;
        assertNotEquals(plain.fingerprint(), withFx.fingerprint());
        long before = withFx.fingerprint();
        withFx.exchangeRateScaled = 91_000_000L;
        assertNotEquals(before, withFx.fingerprint());
    }

    /** Pearl River Bank sends back the whole of {@code paid}, in its settlement currency. */
    private static ReturnPaymentCommand returnOf(TransferCommand paid, String returnId) {
        ReturnPaymentCommand back = new ReturnPaymentCommand();
        back.senderId = PRBK;
        back.returnId = returnId;
        back.originalUetr = paid.uetr;
        back.currency = paid.currency;
        back.amountMinor = paid.amountMinor;
        back.reasonCode = "AC04";
        return back;
    }

    private static void assertPosted(LedgerResult r, int i, String party, int currency, long amountMinor) {
        assertEquals(LedgerEventType.POSTED, r.eventType(i));
        assertEquals(party, r.eventSubject(i));
        assertEquals(currency, r.eventCurrency(i), "currency of event " + i);
        assertEquals(amountMinor, r.eventAmountMinor(i), "amount of event " + i);
    }

    /** Every account balance in registration order: what must not move on a refusal. */
    private byte[] balances() {
        StringBuilder s = new StringBuilder();
        for (var p : w.ledger.parties()) {
            for (int i = 0; i < p.accountCount(); i++) {
                s.append(p.id())
                        .append(p.currencyAt(i))
                        .append('=')
                        .append(p.balanceAt(i))
                        .append(';');
            }
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
