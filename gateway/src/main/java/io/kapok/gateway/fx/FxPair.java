package io.kapok.gateway.fx;

import io.kapok.codecs.iso.Iso4217;

/**
 * A currency pair as the feed names it: the FIX {@code Symbol} "BASE/QUOTE" in active ISO 4217
 * codes (e.g. "USD/CNY": one US dollar buys so many yuan), with both codes packed.
 *
 * @param symbol the FIX Symbol, exactly as configured
 * @param base   packed ISO 4217 code of the base currency
 * @param quote  packed ISO 4217 code of the quote currency, not the base
 */
public record FxPair(String symbol, int base, int quote) {
    /**
     * The pair {@code symbol} names, or null when it is not "AAA/BBB" with two different active ISO
     * 4217 codes (CNH is not one: offshore renminbi travels as CNY).
     */
    public static FxPair parse(String symbol) {
        if (symbol == null || symbol.length() != 7 || symbol.charAt(3) != '/') {
            return null;
        }
        int base = Iso4217.pack(symbol.substring(0, 3));
        int quote = Iso4217.pack(symbol.substring(4));
        if (Iso4217.minorUnits(base) == Iso4217.UNKNOWN
                || Iso4217.minorUnits(quote) == Iso4217.UNKNOWN
                || base == quote) {
            return null;
        }
        return new FxPair(symbol, base, quote);
    }
}
