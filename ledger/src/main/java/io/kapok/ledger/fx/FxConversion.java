package io.kapok.ledger.fx;

/**
 * Currency conversion in integer arithmetic: amounts in minor units, rates scaled by {@link
 * FxRates#RATE_SCALE} (10^8), products held in 128 bits, results rounded half-even to the target
 * currency's minor unit. No {@code double} and no {@code BigDecimal}: the same inputs give the same
 * result on every JVM, which replay needs.
 *
 * <p>With a rate {@code r} quoted as "one base buys r quote" (scaled: {@code R = r × 10^8}):
 *
 * <pre>
 *  base  → quote   to = from × R / 10^8           × 10^(toDigits − fromDigits)
 *  quote → base    to = from × 10^8 / R           × 10^(toDigits − fromDigits)
 * </pre>
 *
 * each computed as one multiply-then-divide with a single rounding at the end (half-even: a tie goes
 * to the even last digit, so conversions of many amounts carry no bias up or down).
 */
public final class FxConversion {
    /** What the conversions return when the result does not fit a {@code long} (or an input is out of range). */
    public static final long OVERFLOW = -1;

    private static final long[] POWERS_OF_TEN = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        1_000_000_000_000_000_000L
    };

    private FxConversion() {}

    /**
     * Converts {@code amountMinor} of a currency with {@code fromDigits} minor digits into a currency
     * with {@code toDigits}, at {@code rateScaled} (10^8 scale).
     *
     * @param baseToQuote true when the amount is in the rate's base currency (multiply by the rate),
     *     false when it is in the quote currency (divide by it)
     * @return the converted amount in minor units, rounded half-even, or {@link #OVERFLOW} when it
     *     would not fit a {@code long}, the amount is negative, the rate not positive, a digit count
     *     outside 0..8, or the rate times the power of ten between the digit counts does not fit a
     *     {@code long} (a rate above 10^10 between currencies of different minor units: no real pair)
     */
    public static long convert(long amountMinor, int fromDigits, int toDigits, long rateScaled, boolean baseToQuote) {
        if (amountMinor < 0 || rateScaled <= 0 || fromDigits < 0 || fromDigits > 8 || toDigits < 0 || toDigits > 8) {
            return OVERFLOW;
        }
        long numerator = baseToQuote ? rateScaled : FxRates.RATE_SCALE;
        long denominator = baseToQuote ? FxRates.RATE_SCALE : rateScaled;
        try {
            if (toDigits >= fromDigits) {
                numerator = Math.multiplyExact(numerator, POWERS_OF_TEN[toDigits - fromDigits]);
            } else {
                denominator = Math.multiplyExact(denominator, POWERS_OF_TEN[fromDigits - toDigits]);
            }
        } catch (ArithmeticException e) {
            return OVERFLOW;
        }
        return multiplyDivideHalfEven(amountMinor, numerator, denominator);
    }

    /**
     * {@code a × b ÷ c} rounded half-even, with the product held in 128 bits.
     *
     * @param a &gt;= 0
     * @param b &gt;= 0
     * @param c &gt; 0
     * @return the quotient, or {@link #OVERFLOW} when it exceeds {@link Long#MAX_VALUE} or an input is out of range
     */
    public static long multiplyDivideHalfEven(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            return OVERFLOW;
        }
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high >= c) {
            return OVERFLOW; // the quotient needs 64 bits or more
        }
        // Long division of the 128-bit (high, low) by c, one bit at a time: the remainder stays
        // below c < 2^63, so shifting it left by one never loses a bit when compared unsigned.
        long remainder = high;
        long quotient = 0;
        for (int bit = 63; bit >= 0; bit--) {
            remainder = (remainder << 1) | ((low >>> bit) & 1L);
            quotient <<= 1;
            if (Long.compareUnsigned(remainder, c) >= 0) {
                remainder -= c;
                quotient |= 1L;
            }
        }
        if (quotient < 0) {
            return OVERFLOW; // 2^63 or more
        }
        // Half-even: compare twice the remainder with the divisor (fits unsigned: remainder < c < 2^63).
        int half = Long.compareUnsigned(remainder << 1, c);
        if (half > 0 || (half == 0 && (quotient & 1L) == 1L)) {
            if (quotient == Long.MAX_VALUE) {
                return OVERFLOW;
            }
            quotient++;
        }
        return quotient;
    }
}
