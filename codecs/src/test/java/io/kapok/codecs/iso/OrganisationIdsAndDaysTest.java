package io.kapok.codecs.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LEI and unified social credit code checks, lenient ISODateTime, and day arithmetic on ISODates. */
class OrganisationIdsAndDaysTest {
    @ParameterizedTest
    @ValueSource(strings = {"5493001KJTIIGC8Y1R12", "KAPK00FOSHANPRECIS39", "KAPK00CANTONAUTOGR68"})
    void acceptsLeisWithValidCheckDigits(String lei) {
        assertTrue(IsoIdentifiers.isLei(lei));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5493001KJTIIGC8Y1R13",
                "KAPK00FOSHANPRECIS93",
                "kapk00foshanprecis39",
                "KAPK00FOSHANPRECI39",
                "KAPK00FOSHANPRECISA9"
            })
    void refusesLeisWithWrongCheckDigitsCaseOrLength(String lei) {
        assertFalse(IsoIdentifiers.isLei(lei));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440101MA9KAPK001", "91440604MA9KAPK002", "911100001000010000"})
    void acceptsUnifiedSocialCreditCodesByFormat(String uscc) {
        assertTrue(IsoIdentifiers.isUnifiedSocialCreditCode(uscc));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "9144010IMA9KAPK001",
                "91440101MA9KAPKO01",
                "91440101MA9KAPK00",
                "91440101ma9kapk001",
                "91440101MA9KAPK0S1"
            })
    void refusesUnifiedSocialCreditCodesOutsideTheAlphabetOrLength(String uscc) {
        assertFalse(IsoIdentifiers.isUnifiedSocialCreditCode(uscc));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T09:30:00",
                "2026-11-23T09:30:00Z",
                "2026-11-23T09:30:00.5+08:00",
                "2026-11-23T09:30:00-05:00"
            })
    void isoDateTimeTakesAnOptionalOffset(String dateTime) {
        assertTrue(IsoIdentifiers.isIsoDateTime(dateTime));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2026-11-23T09:30", "2026-11-23T09:30:00ZZ", "2026-11-23T09:30:00+8:00", "2026-02-30T09:30:00"})
    void isoDateTimeRefusesWhatIsNoDateTime(String dateTime) {
        assertFalse(IsoIdentifiers.isIsoDateTime(dateTime));
        assertFalse(IsoIdentifiers.isIsoDateTimeWithOffset(dateTime));
    }

    @Test
    void epochDaysAgreeWithJavaTimeOnRandomDates() {
        long seed = 20261123L;
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(200_000) - 50_000);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                continue;
            }
            String text = date.toString();
            assertEquals(date.toEpochDay(), IsoIdentifiers.epochDay(text), text);
            assertEquals(date.plusYears(1).toEpochDay(), IsoIdentifiers.epochDayYearsLater(text, 1), text);
        }
    }

    @Test
    void theTwentyNinthOfFebruaryIsOneYearBeforeTheTwentyEighth() {
        assertEquals(LocalDate.of(2029, 2, 28).toEpochDay(), IsoIdentifiers.epochDayYearsLater("2028-02-29", 1));
        assertEquals(LocalDate.of(2026, 11, 23).toEpochDay(), IsoIdentifiers.epochDay(" 2026-11-23T09:30:00+08:00"));
    }
}
