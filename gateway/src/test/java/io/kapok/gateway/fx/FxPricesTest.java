package io.kapok.gateway.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kapok.codecs.iso.Iso4217;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FxPricesTest {
    @ParameterizedTest
    @CsvSource({
        "7.1, 710000000",
        "7.12345678, 712345678",
        "0.91, 91000000",
        "7.10000000000, 710000000", // zeros past the 8th decimal carry nothing
        "+7.8, 780000000",
        "8, 800000000",
        "0.00000001, 1",
        "' 7.1 ', 710000000"
    })
    void readsPricesAsRatesTimesTenToTheEighthExactly(String price, long scaled) {
        assertEquals(scaled, FxPrices.parseScaled(price));
    }

    @ParameterizedTest
    @CsvSource({
        "7.123456789, -2", // a ninth decimal is refused, not rounded
        "0.000000001, -2",
        "-7.1, -4",
        "0, -5",
        "0.00000000, -5",
        "abc, -1",
        "7.1.2, -1",
        "'7,1', -1",
        "1e3, -1",
        "'', -1",
        "NaN, -1",
        "12345678901.12345678, -3"
    })
    void refusesWhatIsNoPositiveDecimalOfAtMostEightDecimals(String price, long code) {
        long scaled = FxPrices.parseScaled(price);
        assertEquals(code, scaled, () -> price + ": " + FxPrices.problem(scaled));
    }

    @ParameterizedTest
    @CsvSource({"710000000, 7.1", "712345678, 7.12345678", "91000000, 0.91", "800000000, 8", "1, 0.00000001"})
    void formatsRatesWithoutTrailingZeros(long scaled, String text) {
        assertEquals(text, FxPrices.format(scaled));
        assertEquals(scaled, FxPrices.parseScaled(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD/CNY", "HKD/CNY", "MOP/HKD", "USD/MOP"})
    void readsPairsOfActiveIsoCurrencies(String symbol) {
        FxPair pair = FxPair.parse(symbol);
        assertEquals(Iso4217.pack(symbol.substring(0, 3)), pair.base());
        assertEquals(Iso4217.pack(symbol.substring(4)), pair.quote());
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD/CNH", "USDCNY", "USD-CNY", "CNY/CNY", "usd/cny", "XYZ/CNY", "USD/CNY/HKD", ""})
    void refusesPairsThatAreNotTwoDifferentActiveIsoCurrencies(String symbol) {
        assertNull(FxPair.parse(symbol));
    }
}
