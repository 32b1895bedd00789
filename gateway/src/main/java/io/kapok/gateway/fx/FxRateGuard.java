package io.kapok.gateway.fx;

import io.kapok.ledger.fx.FxConversion;
import io.kapok.ledger.fx.FxRates;

/**
 * The feed's last check before a rate is journaled, on the sequencer's thread against the ledger's
 * rates: a quote that moves more than the configured band from the pair's latest rate (same
 * direction) is refused, so one bad tick never reaches the journal. The first rate of a pair has
 * nothing to compare with and passes. Pure; allocates only the refusal text.
 */
public final class FxRateGuard {
    private FxRateGuard() {}

    /**
     * Null when {@code rateScaled} for base/quote may be journaled, else why not (naming the pair,
     * both rates and the band).
     *
     * @param bandPpm the band, parts per million of the latest rate, &gt; 0
     */
    public static String refusal(FxRates rates, int base, int quote, long rateScaled, long bandPpm) {
        if (rateScaled <= 0) {
            return "rate " + rateScaled + " is not positive";
        }
        FxRates.Rate latest = rates.rate(base, quote);
        if (latest == null) {
            return null;
        }
        long allowed = FxConversion.multiplyDivideHalfEven(latest.rateScaled(), bandPpm, 1_000_000L);
        long move = Math.abs(rateScaled - latest.rateScaled());
        if (allowed >= 0 && move <= allowed) {
            return null;
        }
        return "rate " + FxPrices.format(rateScaled) + " moves "
                + FxPrices.format(
                        FxConversion.multiplyDivideHalfEven(move, 100 * FxRates.RATE_SCALE, latest.rateScaled()))
                + "% from " + FxPrices.format(latest.rateScaled()) + " (set by entry " + latest.ledgerSequence()
                + "), over the band of " + FxPrices.format(bandPpm * 10_000) + "%";
    }
}
