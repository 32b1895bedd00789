package io.kapok.codecs.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Iso4217Test {
    @ParameterizedTest
    @CsvSource({
        "CNY, 2", "JPY, 0", "BHD, 3", "HKD, 2", "MOP, 2", "USD, 2", "EUR, 2", "KWD, 3", "CLF, 4", "KRW, 0", "ISK, 0"
    })
    void knowsMinorUnits(String code, int minorUnits) {
        assertEquals(minorUnits, Iso4217.minorUnits(code));
        assertEquals(minorUnits, Iso4217.minorUnits(Iso4217.pack(code)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNH", "XXX", "XAU", "ABC", "cny", "Cny", "CN", "CNYY", "", "CN1", "C Y"})
    void treatsOtherCodesAsUnknown(String code) {
        assertEquals(Iso4217.UNKNOWN, Iso4217.minorUnits(code));
    }

    @Test
    void treatsNullAndZeroAsUnknown() {
        assertEquals(Iso4217.UNKNOWN, Iso4217.minorUnits((CharSequence) null));
        assertEquals(Iso4217.UNKNOWN, Iso4217.minorUnits(0));
        assertEquals(Iso4217.UNKNOWN, Iso4217.minorUnits(Iso4217.pack("CNY") | 0x4100_0000));
    }

    @Test
    void packsThreeLettersIntoOneIntAndBack() {
        int cny = Iso4217.pack("CNY");
        assertEquals(('C' << 16) | ('N' << 8) | 'Y', cny);
        assertEquals(cny, Iso4217.pack('C', 'N', 'Y'));
        assertEquals("CNY", Iso4217.unpack(cny));
        assertEquals(0, Iso4217.pack("CN"));
        assertEquals(0, Iso4217.pack((CharSequence) null));
    }

    @Test
    void agreesWithTheJdkOnEveryCodeBothKnow() {
        int known = 0;
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                for (char c = 'A'; c <= 'Z'; c++) {
                    int minorUnits = Iso4217.minorUnits(Iso4217.pack(a, b, c));
                    if (minorUnits == Iso4217.UNKNOWN) {
                        continue;
                    }
                    known++;
                    String code = "" + a + b + c;
                    Currency jdk = jdkCurrency(code);
                    if (jdk != null) {
                        assertEquals(jdk.getDefaultFractionDigits(), minorUnits, code);
                    }
                }
            }
        }
        assertTrue(known > 150, "only " + known + " currencies known");
    }

    @Test
    void treatsCodesWithNonAsciiCharactersAsUnknown() {
        assertEquals(Iso4217.UNKNOWN, Iso4217.minorUnits("CL\u0259"));
    }

    private static Currency jdkCurrency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknownToThisJdk) {
            return null;
        }
    }
}
