package io.kapok.ledger.receivable;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.Currencies.HKD;
import static io.kapok.ledger.Currencies.MOP;
import static io.kapok.ledger.Currencies.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kapok.ledger.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscountPricingTest {
    private static final long RATE_3_6 = 36_000; // 3.6 % a year
    private static final long ADVANCE_90 = 900_000; // 90 %

    @Test
    void cnyUsesAct360() {
        // CNY 1,000,000.00 × 3.6 % × 90 / 360 = CNY 9,000.00
        assertEquals(900_000L, DiscountPricing.discountInterestMinor(100_000_000L, RATE_3_6, 90, CNY));
        // advance = 1,000,000.00 × 90 % − 9,000.00 − 500.00 fee = 890,500.00
        assertEquals(89_050_000L, DiscountPricing.advanceMinor(100_000_000L, ADVANCE_90, 900_000L, 50_000L));
    }

    @Test
    void usdUsesAct360() {
        // USD 250,000.00 × 3.6 % × 61 / 360 = USD 1,525.00
        assertEquals(152_500L, DiscountPricing.discountInterestMinor(25_000_000L, RATE_3_6, 61, USD));
    }

    @Test
    void hkdUsesAct365AndRoundsHalfEven() {
        // HKD 1,000,000.00 × 3.6 % × 90 / 365 = HKD 8,876.712328… → 8,876.71
        assertEquals(887_671L, DiscountPricing.discountInterestMinor(100_000_000L, RATE_3_6, 90, HKD));
    }

    @Test
    void mopUsesAct365() {
        // MOP 500,000.00 × 4.25 % × 30 / 365 = MOP 1,746.575342… → 1,746.58
        assertEquals(174_658L, DiscountPricing.discountInterestMinor(50_000_000L, 42_500, 30, MOP));
    }

    @Test
    void exactHalvesRoundToTheEvenMinorUnit() {
        // 0.05 × 100 % × 36 / 360 = 0.005 → 0.00; 0.15 → 0.015 → 0.02; 0.25 → 0.025 → 0.02
        assertEquals(0L, DiscountPricing.discountInterestMinor(5, 1_000_000, 36, CNY));
        assertEquals(2L, DiscountPricing.discountInterestMinor(15, 1_000_000, 36, CNY));
        assertEquals(2L, DiscountPricing.discountInterestMinor(25, 1_000_000, 36, CNY));
        assertEquals(4L, DiscountPricing.discountInterestMinor(35, 1_000_000, 36, CNY));
    }

    @Test
    void advanceCapRoundsDown() {
        assertEquals(899L, DiscountPricing.advanceCapMinor(999, ADVANCE_90));
        assertEquals(90_000_000L, DiscountPricing.advanceCapMinor(100_000_000L, ADVANCE_90));
    }

    @Test
    void largestAmountsDoNotOverflow() {
        long max = Receivables.AMOUNT_MINOR_MAX;
        assertEquals(
                reference(max, 1_000_000, 366, 360), DiscountPricing.discountInterestMinor(max, 1_000_000, 366, CNY));
        assertEquals(max, DiscountPricing.advanceCapMinor(max, 1_000_000));
        assertThrows(IllegalArgumentException.class, () -> DiscountPricing.discountInterestMinor(max + 1, 1, 1, CNY));
    }

    @Test
    void agreesWithDecimalArithmeticOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(20261123L);
        int[] currencies = {CNY, USD, HKD, MOP};
        for (int i = 0; i < 200_000; i++) {
            long amount = random.nextLong(Receivables.AMOUNT_MINOR_MAX + 1);
            long rate = random.nextLong(1_000_001);
            long days = random.nextLong(367);
            int currency = currencies[random.nextInt(4)];
            long expected = reference(amount, rate, days, Currencies.dayCountBasis(currency));
            assertEquals(
                    expected,
                    DiscountPricing.discountInterestMinor(amount, rate, days, currency),
                    amount + " × " + rate + " ppm × " + days + " days");
            assertEquals(
                    BigDecimal.valueOf(amount)
                            .multiply(BigDecimal.valueOf(rate))
                            .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.FLOOR)
                            .longValueExact(),
                    DiscountPricing.advanceCapMinor(amount, rate));
        }
    }

    private static long reference(long amount, long ratePpm, long days, int basis) {
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(ratePpm))
                .multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(1_000_000L * basis), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
