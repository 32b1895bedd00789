package io.kapok.codecs.iso;

import static io.kapok.codecs.iso.DecimalAmounts.MALFORMED;
import static io.kapok.codecs.iso.DecimalAmounts.NEGATIVE;
import static io.kapok.codecs.iso.DecimalAmounts.TOO_MANY_DECIMALS;
import static io.kapok.codecs.iso.DecimalAmounts.TOO_MANY_DIGITS;
import static io.kapok.codecs.iso.DecimalAmounts.parseMinor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalAmountsTest {
    @Test
    void readsAmountsIntoMinorUnits() {
        assertEquals(125_000_000L, parseMinor("1250000.00", 2));
        assertEquals(125_000_050L, parseMinor("1250000.5", 2));
        assertEquals(125_000_000L, parseMinor("1250000", 2));
        assertEquals(1L, parseMinor("0.01", 2));
        assertEquals(48_125_375L, parseMinor("48125.375", 3));
        assertEquals(12_345L, parseMinor("1.2345", 4));
    }

    @Test
    void readsZeroAsZero() {
        // Zero is a valid xs:decimal; refusing a zero payment is the caller's rule.
        assertEquals(0L, parseMinor("0.00", 2));
        assertEquals(0L, parseMinor("0", 0));
    }

    @Test
    void rejectsMoreDecimalsThanTheCurrencyAllows() {
        assertEquals(TOO_MANY_DECIMALS, parseMinor("10.123", 2)); // USD allows 2
        assertEquals(TOO_MANY_DECIMALS, parseMinor("1250000.005", 2)); // CNY allows 2
        assertEquals(TOO_MANY_DECIMALS, parseMinor("1.2345", 3)); // BHD allows 3
        assertEquals(TOO_MANY_DECIMALS, parseMinor("1.00000", 4));
    }

    @Test
    void readsJpyOnlyWithoutDecimals() {
        assertEquals(187_500_000L, parseMinor("187500000", 0));
        assertEquals(TOO_MANY_DECIMALS, parseMinor("187500000.0", 0));
        assertEquals(TOO_MANY_DECIMALS, parseMinor("0.5", 0));
        assertEquals(5L, parseMinor("5.", 0));
    }

    @Test
    void acceptsEighteenDigitsAndRefusesNineteen() {
        assertEquals(123_456_789_012_345_678L, parseMinor("123456789012345678", 0));
        assertEquals(TOO_MANY_DIGITS, parseMinor("1234567890123456789", 0));
        assertEquals(999_999_999_999_999_999L, parseMinor("9999999999999999.99", 2));
        assertEquals(TOO_MANY_DIGITS, parseMinor("12345678901234567.89", 2));
    }

    @Test
    void doesNotCountLeadingZerosAsDigits() {
        assertEquals(100L, parseMinor("0000000000000000000000001.00", 2));
        assertEquals(5L, parseMinor("0000000000000000000000.05", 2));
    }

    @Test
    void reportsOverflowOfMinorUnitsAsTooManyDigits() {
        // 18 digits fit the schema, but scaled to 4 minor units they no longer fit a long.
        assertEquals(TOO_MANY_DIGITS, parseMinor("999999999999999999", 4));
        assertEquals(TOO_MANY_DIGITS, parseMinor("99999999999999999.9", 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "-0", "-0.01", "- 1"})
    void rejectsNegativeAmounts(String text) {
        assertEquals(NEGATIVE, parseMinor(text, 2));
    }

    @Test
    void acceptsLeadingPlusSign() {
        assertEquals(100L, parseMinor("+1.00", 2));
        assertEquals(MALFORMED, parseMinor("++1", 2));
        assertEquals(MALFORMED, parseMinor("+-1", 2));
        assertEquals(MALFORMED, parseMinor("1+", 2));
        assertEquals(MALFORMED, parseMinor("+", 2));
    }

    @Test
    void ignoresSurroundingXmlWhitespace() {
        assertEquals(100L, parseMinor(" \t\n1.00\r\n ", 2));
        assertEquals(100L, parseMinor("\n  +1.00\n", 2));
    }

    @ParameterizedTest
    @CsvSource({".5, 50", "5., 500", "0.5, 50", "00.50, 50"})
    void acceptsEveryXsDecimalForm(String text, long minor) {
        assertEquals(minor, parseMinor(text, 2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "", " ", "\t\n", ".", "1.2.3", "1 000", "1,00", "1e3", "1E+3", "0x10", "NaN", "\u0661", "1.0 0", "abc"
            })
    void rejectsWhatIsNotAnXsDecimal(String text) {
        assertEquals(MALFORMED, parseMinor(text, 2));
    }

    @Test
    void writesExactlyTheCurrencyDecimals() {
        assertEquals("1250000.00", decimal(125_000_000L, 2));
        assertEquals("0.05", decimal(5L, 2));
        assertEquals("187500000", decimal(187_500_000L, 0));
        assertEquals("1.234", decimal(1_234L, 3));
        assertEquals("0.0001", decimal(1L, 4));
        assertEquals("-0.05", decimal(-5L, 2));
        assertEquals("0.00", decimal(0L, 2));
    }

    @Test
    void writtenAmountsReadBackToTheSameMinorUnitsAndAgreeWithBigDecimal() {
        Random random = new Random(4217L);
        for (int i = 0; i < 10_000; i++) {
            int minorUnits = random.nextInt(5);
            long minor = Math.floorMod(random.nextLong(), 1_000_000_000_000_000L);
            String text = decimal(minor, minorUnits);
            assertEquals(minor, parseMinor(text, minorUnits), text);
            assertEquals(BigDecimal.valueOf(minor, minorUnits).toPlainString(), text);
        }
    }

    private static String decimal(long minor, int minorUnits) {
        StringBuilder out = new StringBuilder();
        DecimalAmounts.appendDecimal(out, minor, minorUnits);
        return out.toString();
    }
}
