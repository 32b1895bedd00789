package io.kapok.codecs.iso;

/**
 * Reads an ISO 20022 decimal amount straight into minor units of its currency, without BigDecimal
 * or a String. The lexical form is XML Schema's {@code xs:decimal} (optional {@code +}, digits,
 * optional point and digits, surrounding whitespace ignored), restricted as ISO 20022's
 * ActiveCurrencyAndAmount is: not negative, at most 18 digits in all and 5 after the point; and as
 * CBPR+ requires: no more decimals than the currency's minor units.
 *
 * <p>Failures are returned as negative values (see the {@code *_ERROR} constants), so the caller
 * can name the problem without an exception on the hot path. Stateless and thread-safe.
 */
public final class DecimalAmounts {
    /** Not an xs:decimal at all (empty, letters, two points, a sign in the middle...). */
    public static final long MALFORMED = -1;
    /** More decimals than the currency's minor units allow. */
    public static final long TOO_MANY_DECIMALS = -2;
    /** More than the schema's total digits. */
    public static final long TOO_MANY_DIGITS = -3;
    /** A minus sign: ISO 20022 amounts are never negative. */
    public static final long NEGATIVE = -4;

    /** Schema limit of ActiveCurrencyAndAmount and ActiveOrHistoricCurrencyAndAmount. */
    public static final int TOTAL_DIGITS_MAX = 18;
    /** CBPR+ (CBPR_Amount) allows 14 digits in all. */
    public static final int CBPR_TOTAL_DIGITS_MAX = 14;

    private DecimalAmounts() {}

    /**
     * Parses {@code text} as an amount with {@code minorUnits} decimals allowed and the schema's
     * {@value #TOTAL_DIGITS_MAX} total digits.
     *
     * @return the amount in minor units (&gt;= 0), or one of the negative error constants
     */
    public static long parseMinor(CharSequence text, int minorUnits) {
        return parseMinor(text, minorUnits, TOTAL_DIGITS_MAX);
    }

    /**
     * Parses {@code text} as an amount with {@code minorUnits} decimals and {@code totalDigitsMax}
     * digits allowed. Digits are counted as the schema's totalDigits facet counts them, on the
     * value: leading zeros and trailing zeros after the point do not count.
     *
     * @return the amount in minor units (&gt;= 0), or one of the negative error constants
     */
    public static long parseMinor(CharSequence text, int minorUnits, int totalDigitsMax) {
        int start = 0;
        int end = text.length();
        while (start < end && isXmlSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isXmlSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return MALFORMED;
        }
        char first = text.charAt(start);
        if (first == '-') {
            return NEGATIVE;
        }
        if (first == '+') {
            start++;
        }
        long value = 0;
        int digits = 0;
        int significantDigits = 0;
        int trailingFractionZeros = 0;
        int decimals = -1; // -1 until the point is seen
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (decimals >= 0) {
                    return MALFORMED;
                }
                decimals = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                return MALFORMED;
            }
            digits++;
            if (decimals >= 0) {
                decimals++;
            }
            if (significantDigits > 0 || c != '0') {
                significantDigits++;
            }
            trailingFractionZeros = decimals > 0 && c == '0' ? trailingFractionZeros + 1 : 0;
            if (significantDigits > TOTAL_DIGITS_MAX + 1) {
                return TOO_MANY_DIGITS; // stop early: value would overflow long soon
            }
            value = value * 10 + (c - '0');
        }
        if (digits == 0) {
            return MALFORMED;
        }
        if (significantDigits - Math.min(trailingFractionZeros, significantDigits) > totalDigitsMax) {
            return TOO_MANY_DIGITS;
        }
        if (decimals > minorUnits) {
            return TOO_MANY_DECIMALS;
        }
        int scale = minorUnits - Math.max(decimals, 0);
        for (int i = 0; i < scale; i++) {
            if (value > Long.MAX_VALUE / 10) {
                return TOO_MANY_DIGITS;
            }
            value *= 10;
        }
        return value;
    }

    /** The number of digits after the point in {@code text} (0 when there is no point). */
    public static int decimalsOf(CharSequence text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) <= ' ') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '.') {
                return end - i - 1;
            }
        }
        return 0;
    }

    /** Writes {@code amountMinor} as a decimal with exactly {@code minorUnits} decimals. */
    public static void appendDecimal(StringBuilder out, long amountMinor, int minorUnits) {
        if (amountMinor < 0) {
            out.append('-');
            amountMinor = -amountMinor;
        }
        long unit = 1;
        for (int i = 0; i < minorUnits; i++) {
            unit *= 10;
        }
        out.append(amountMinor / unit);
        if (minorUnits > 0) {
            out.append('.');
            long fraction = amountMinor % unit;
            for (long p = unit / 10; p > 0; p /= 10) {
                out.append((char) ('0' + (fraction / p) % 10));
            }
        }
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
