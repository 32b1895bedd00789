package io.kapok.gateway.fx;

import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.ledger.fx.FxRates;

/**
 * FIX prices ({@code MDEntryPx}, a FIX {@code Price}: a decimal string) read as rates × 10^8
 * ({@link FxRates#RATE_SCALE}) straight from the text, never through {@code double}.
 */
public final class FxPrices {
    /** Decimals a rate keeps: 8. A price with more is refused, not rounded. */
    public static final int DECIMALS = 8;
    /** Most significant digits of a price: 18 (a rate below 10^10 with 8 decimals). */
    public static final int DIGITS_MAX = 18;

    /** Not a decimal number (letters, two points, a sign in the middle, empty). */
    public static final long MALFORMED = DecimalAmounts.MALFORMED;
    /** More than {@value #DECIMALS} digits after the point. */
    public static final long TOO_MANY_DECIMALS = DecimalAmounts.TOO_MANY_DECIMALS;
    /** More than {@value #DIGITS_MAX} significant digits. */
    public static final long TOO_MANY_DIGITS = DecimalAmounts.TOO_MANY_DIGITS;
    /** Negative. */
    public static final long NEGATIVE = DecimalAmounts.NEGATIVE;
    /** Zero: no rate. */
    public static final long ZERO = -5;

    private FxPrices() {}

    /**
     * {@code price} × 10^8, exactly ("7.1" → 710,000,000; "7.12345678" → 712,345,678; zeros after
     * the last significant decimal are ignored), or one of the negative constants of this class
     * saying why it is no rate.
     */
    public static long parseScaled(CharSequence price) {
        if (price == null) {
            return MALFORMED;
        }
        long scaled = DecimalAmounts.parseMinor(withoutTrailingFractionZeros(price), DECIMALS, DIGITS_MAX);
        return scaled == 0 ? ZERO : scaled;
    }

    /** "7.10000000000" as "7.1": zeros after the last significant decimal carry nothing. */
    private static CharSequence withoutTrailingFractionZeros(CharSequence price) {
        int end = price.length();
        while (end > 0 && price.charAt(end - 1) == ' ') {
            end--;
        }
        int point = -1;
        for (int i = 0; i < end; i++) {
            if (price.charAt(i) == '.') {
                point = i;
                break;
            }
        }
        if (point < 0) {
            return price;
        }
        while (end > point + 1 && price.charAt(end - 1) == '0') {
            end--;
        }
        return price.subSequence(0, end);
    }

    /** Why {@link #parseScaled} refused, in words, for logs and counters. */
    public static String problem(long code) {
        if (code == MALFORMED) {
            return "not a decimal number";
        } else if (code == TOO_MANY_DECIMALS) {
            return "more than " + DECIMALS + " decimals";
        } else if (code == TOO_MANY_DIGITS) {
            return "more than " + DIGITS_MAX + " digits";
        } else if (code == NEGATIVE) {
            return "negative";
        } else if (code == ZERO) {
            return "zero";
        }
        return code > 0 ? "a rate" : "unknown problem " + code;
    }

    /** {@code rateScaled} as a decimal with its 8 decimals' trailing zeros cut: 710,000,000 → "7.1". */
    public static String format(long rateScaled) {
        StringBuilder s = new StringBuilder(24);
        DecimalAmounts.appendDecimal(s, rateScaled, DECIMALS);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s.setLength(end);
        return s.toString();
    }
}
