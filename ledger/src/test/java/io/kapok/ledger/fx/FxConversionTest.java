package io.kapok.ledger.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FxConversionTest {
    private static final long SEVEN_POINT_ONE = 710_000_000L;

    @Test
    void multipliesByTheRateFromBaseToQuote() {
        // USD 1,000.00 at USD/CNY 7.1 = CNY 7,100.00
        assertEquals(710_000L, FxConversion.convert(100_000L, 2, 2, SEVEN_POINT_ONE, true));
    }

    @Test
    void dividesByTheRateFromQuoteToBase() {
        // CNY 7,100.00 at USD/CNY 7.1 = USD 1,000.00; HKD 100.00 at USD/HKD 7.8 = USD 12.820512… = 12.82
        assertEquals(100_000L, FxConversion.convert(710_000L, 2, 2, SEVEN_POINT_ONE, false));
        assertEquals(1_282L, FxConversion.convert(10_000L, 2, 2, 780_000_000L, false));
    }

    @Test
    void roundsTiesToTheEvenMinorUnit() {
        long oneAndAHalf = 150_000_000L;
        assertEquals(2, FxConversion.convert(1, 2, 2, oneAndAHalf, true)); // 1.5 -> 2
        assertEquals(4, FxConversion.convert(3, 2, 2, oneAndAHalf, true)); // 4.5 -> 4
        assertEquals(8, FxConversion.convert(5, 2, 2, oneAndAHalf, true)); // 7.5 -> 8
        assertEquals(2, FxConversion.convert(3, 2, 2, 200_000_000L, false)); // 1.5 -> 2
        assertEquals(2, FxConversion.convert(5, 2, 2, 200_000_000L, false)); // 2.5 -> 2
    }

    @Test
    void scalesBetweenCurrenciesWithDifferentMinorDigits() {
        long one = FxRates.RATE_SCALE;
        assertEquals(2, FxConversion.convert(150, 2, 0, one, true)); // 1.50 -> 2 (tie, to even)
        assertEquals(2, FxConversion.convert(250, 2, 0, one, true)); // 2.50 -> 2 (tie, to even)
        assertEquals(3, FxConversion.convert(251, 2, 0, one, true)); // 2.51 -> 3
        assertEquals(1_500, FxConversion.convert(15, 0, 2, one, true)); // 15 -> 15.00
        assertEquals(15_000, FxConversion.convert(15, 0, 3, one, true)); // 15 -> 15.000
    }

    @Test
    void holdsTheProductInOneHundredAndTwentyEightBits() {
        // CNY 99,999,999,999,999.99 (the most 14 digits hold... and more) at 7.12345678: the product
        // is far beyond a long, the quotient is not.
        long amount = 99_999_999_999_999_99L;
        long rate = 712_345_678L;
        assertEquals(oracle(amount, rate, true, 2, 2), FxConversion.convert(amount, 2, 2, rate, true));
        assertEquals(oracle(amount, rate, false, 2, 2), FxConversion.convert(amount, 2, 2, rate, false));
    }

    @Test
    void refusesWhatDoesNotFitALongOrIsOutOfRange() {
        assertEquals(FxConversion.OVERFLOW, FxConversion.convert(Long.MAX_VALUE / 2, 2, 2, 300_000_000L, true));
        assertEquals(FxConversion.OVERFLOW, FxConversion.convert(Long.MAX_VALUE, 2, 2, 1L, false));
        assertEquals(FxConversion.OVERFLOW, FxConversion.convert(-1, 2, 2, SEVEN_POINT_ONE, true));
        assertEquals(FxConversion.OVERFLOW, FxConversion.convert(1, 2, 2, 0, true));
        assertEquals(FxConversion.OVERFLOW, FxConversion.convert(1, 9, 2, SEVEN_POINT_ONE, true));
        assertEquals(FxConversion.OVERFLOW, FxConversion.multiplyDivideHalfEven(Long.MAX_VALUE, 2, 1));
        assertEquals(Long.MAX_VALUE, FxConversion.multiplyDivideHalfEven(Long.MAX_VALUE, 2, 2));
    }

    @Test
    void agreesWithBigDecimalHalfEvenOnRandomAmountsAndRates() {
        long seed = Long.getLong("kapok.fx.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            long amount = random.nextInt(4) == 0 ? random.nextLong(1_000) : random.nextLong(100_000_000_000_000_00L);
            long rate =
                    1 + (random.nextBoolean() ? random.nextLong(2_000_000_000L) : random.nextLong(Long.MAX_VALUE / 4));
            boolean baseToQuote = random.nextBoolean();
            int fromDigits = random.nextInt(4);
            int toDigits = random.nextInt(4);
            long power = 1;
            for (int d = Math.abs(toDigits - fromDigits); d > 0; d--) {
                power *= 10;
            }
            boolean rateScaledOverflows =
                    (baseToQuote ? toDigits > fromDigits : fromDigits > toDigits) && rate > Long.MAX_VALUE / power;
            long expected = rateScaledOverflows
                    ? FxConversion.OVERFLOW
                    : oracle(amount, rate, baseToQuote, fromDigits, toDigits);
            assertEquals(
                    expected,
                    FxConversion.convert(amount, fromDigits, toDigits, rate, baseToQuote),
                    "seed " + seed + ": " + amount + " at " + rate + " " + baseToQuote + " " + fromDigits + "->"
                            + toDigits);
        }
    }

    /** The exact value, rounded half-even with BigDecimal; OVERFLOW when it does not fit a long. */
    private static long oracle(long amount, long rate, boolean baseToQuote, int fromDigits, int toDigits) {
        BigDecimal r = BigDecimal.valueOf(rate).movePointLeft(8);
        BigDecimal from = BigDecimal.valueOf(amount).movePointLeft(fromDigits);
        BigDecimal to = baseToQuote ? from.multiply(r) : from.divide(r, 40, RoundingMode.HALF_EVEN);
        BigInteger minor =
                to.movePointRight(toDigits).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        return minor.bitLength() < 64 ? minor.longValueExact() : FxConversion.OVERFLOW;
    }
}
