package io.kapok.ledger.receivable;

import io.kapok.ledger.Currencies;

/**
 * Pricing of receivables financing, in long arithmetic only.
 *
 * <pre>
 *  discount interest = amount × annual rate × days ÷ basis      (ACT/360 CNY, USD; ACT/365 HKD, MOP)
 *  advance           = amount × advance rate − interest − fees   (the net proceeds disbursed)
 * </pre>
 *
 * Rates are parts per million: 3.6 % a year is {@code 36_000}, an advance rate of 90 % is {@code
 * 900_000}. Amounts are in minor units, so rounding to the currency's minor unit is rounding to an
 * integer. <b>Rounding rule:</b> discount interest is rounded half-even on the minor unit (the
 * unbiased "banker's" rounding); the advance cap {@code amount × advance rate} is rounded down
 * (floor), so a financing never exceeds its exact cap by even one minor unit.
 *
 * <p><b>Overflow bounds:</b> amounts up to {@link Receivables#AMOUNT_MINOR_MAX} (10^15 minor units,
 * the tsin schema's 18 digits with 2 decimals kept), rates up to 100 % (10^6 ppm) and terms up to
 * 366 days. Products are split as {@code a × k ÷ d = (a ÷ d) × k + (a mod d) × k ÷ d}, whose largest
 * intermediate is {@code d × k} ≤ 3.65·10^8 × 3.66·10^8 ≈ 1.3·10^17, well inside a long; no
 * BigInteger, no allocation.
 */
public final class DiscountPricing {
    /** One in parts per million. */
    public static final long PPM = 1_000_000L;

    private DiscountPricing() {}

    /**
     * Discount interest on {@code amountMinor} at {@code annualRatePpm} for {@code days} actual days,
     * on the currency's day-count basis, rounded half-even to the minor unit.
     */
    public static long discountInterestMinor(long amountMinor, long annualRatePpm, long days, int currency) {
        checkBounds(amountMinor, annualRatePpm);
        if (days < 0 || days > 366) {
            throw new IllegalArgumentException("days " + days + " outside 0..366");
        }
        long k = annualRatePpm * days; // ≤ 3.66e8
        long d = PPM * Currencies.dayCountBasis(currency); // 3.6e8 or 3.65e8
        long q = amountMinor / d;
        long r = amountMinor % d;
        long rk = r * k; // < d × k ≤ 1.4e17
        long whole = q * k + rk / d;
        long rem = rk % d;
        return roundHalfEven(whole, rem, d);
    }

    /** {@code floor(amountMinor × ratePpm ÷ 10^6)}: the most that may be financed against an amount. */
    public static long advanceCapMinor(long amountMinor, long ratePpm) {
        checkBounds(amountMinor, ratePpm);
        return (amountMinor / PPM) * ratePpm + (amountMinor % PPM) * ratePpm / PPM;
    }

    /**
     * Net proceeds: {@code floor(faceMinor × advanceRatePpm ÷ 10^6) − interestMinor − feesMinor}. May
     * be negative when interest and fees eat the advance; the caller refuses such a financing.
     */
    public static long advanceMinor(long faceMinor, long advanceRatePpm, long interestMinor, long feesMinor) {
        return advanceCapMinor(faceMinor, advanceRatePpm) - interestMinor - feesMinor;
    }

    private static long roundHalfEven(long whole, long rem, long divisor) {
        long twice = rem * 2; // rem < divisor ≤ 3.65e8
        if (twice > divisor || (twice == divisor && (whole & 1) == 1)) {
            return whole + 1;
        }
        return whole;
    }

    private static void checkBounds(long amountMinor, long ratePpm) {
        if (amountMinor < 0 || amountMinor > Receivables.AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException(
                    "amount " + amountMinor + " outside 0.." + Receivables.AMOUNT_MINOR_MAX + " minor units");
        }
        if (ratePpm < 0 || ratePpm > PPM) {
            throw new IllegalArgumentException("rate " + ratePpm + " ppm outside 0.." + PPM);
        }
    }
}
