package io.kapok.gateway.fx;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.Currencies;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.fx.SetFxRateCommand;
import org.junit.jupiter.api.Test;

class FxRateGuardTest {
    private static final long BAND_TEN_PERCENT_PPM = 100_000;
    private final Ledger ledger = new Ledger();

    private void set(long rateScaled) {
        SetFxRateCommand c = new SetFxRateCommand();
        c.sequence = ledger.lastSequence() + 1;
        c.baseCurrency = Currencies.USD;
        c.quoteCurrency = Currencies.CNY;
        c.rateScaled = rateScaled;
        c.sourceSequence = 1;
        LedgerResult r = new LedgerResult();
        ledger.apply(c, r);
        assertTrue(r.applied);
    }

    private String refusal(long rateScaled) {
        return FxRateGuard.refusal(ledger.fxRates(), Currencies.USD, Currencies.CNY, rateScaled, BAND_TEN_PERCENT_PPM);
    }

    @Test
    void theFirstRateOfAPairPasses() {
        assertNull(refusal(710_000_000L));
    }

    @Test
    void aRateWithinTheBandOfTheLatestPassesAndOneBeyondIsRefusedWithTheNumbers() {
        set(710_000_000L);
        assertNull(refusal(781_000_000L)); // +10% exactly
        assertNull(refusal(639_000_000L)); // -10% exactly
        String why = refusal(781_000_001L);
        assertNotNull(why);
        assertTrue(why.contains("from 7.1") && why.contains("band of 10%"), why);
        assertNotNull(refusal(900_000_000L));
        assertNotNull(refusal(1L));
    }

    @Test
    void theBandFollowsTheLatestRate() {
        set(710_000_000L);
        set(780_000_000L);
        assertNull(refusal(858_000_000L)); // 10% above 7.8, 20.8% above 7.1
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertNotNull(refusal(0));
        assertNotNull(refusal(-710_000_000L));
    }

    @Test
    void theOtherDirectionOfThePairIsNotComparedWith() {
        set(710_000_000L);
        assertNull(FxRateGuard.refusal(
                ledger.fxRates(), Currencies.CNY, Currencies.USD, 14_084_507L, BAND_TEN_PERCENT_PPM));
    }
}
