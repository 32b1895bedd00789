package io.kapok.codecs.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoIdentifiersTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"PRBKCNGZ", "PRBKCNGZXXX", "VHBKHKHH001", "LTBKMOMX", "1234CNGZ", "PRBKCN2Z", "PRBKCNGZ1A2"})
    void acceptsBicsOfEightAndElevenCharacters(String bic) {
        assertTrue(IsoIdentifiers.isBic(bic));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "PRBKCNG",
                "PRBKCNGZX",
                "PRBKCNGZXX",
                "PRBKCNGZXXXX",
                "PRBKcnGZ",
                "PRBK1NGZ",
                "PRBKC1GZ",
                "prbkcngz",
                "PRBKCNgz",
                "PRBKCNGZxxx",
                "PRBK-NGZ",
                "PRBKCNG ",
                " PRBKCNG",
                "PRBKCNGZ XX"
            })
    void rejectsMalformedBics(String bic) {
        assertFalse(IsoIdentifiers.isBic(bic));
    }

    @Test
    void acceptsLowercaseUuidVersion4WithEveryVariant() {
        assertTrue(IsoIdentifiers.isUuidV4("8a562c67-ca16-48ba-b074-65581be6f001"));
        for (char variant : new char[] {'8', '9', 'a', 'b'}) {
            assertTrue(
                    IsoIdentifiers.isUuidV4("8a562c67-ca16-48ba-" + variant + "074-65581be6f001"),
                    "variant " + variant);
        }
        for (int i = 0; i < 1_000; i++) {
            String uuid = UUID.randomUUID().toString();
            assertTrue(IsoIdentifiers.isUuidV4(uuid), uuid);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8A562C67-CA16-48BA-B074-65581BE6F001", // uppercase
                "8a562c67-ca16-48ba-b074-65581BE6F001", // mixed case
                "8a562c67-ca16-18ba-b074-65581be6f001", // version 1
                "8a562c67-ca16-58ba-b074-65581be6f001", // version 5
                "8a562c67-ca16-48ba-c074-65581be6f001", // variant c
                "8a562c67-ca16-48ba-7074-65581be6f001", // variant 7
                "8a562c67ca1648bab07465581be6f001", // no hyphens
                "8a562c67-ca1648ba-b074-65581be6-f001", // hyphens misplaced
                "8a562c67-ca16-48ba-b074-65581be6f00", // 35 characters
                "8a562c67-ca16-48ba-b074-65581be6f0011", // 37 characters
                "{8a562c67-ca16-48ba-b074-65581be6f001}",
                "8a562c67-ca16-48ba-b074-65581be6f00g",
                " 8a562c67-ca16-48ba-b074-65581be6f001",
                ""
            })
    void rejectsUuidsThatAreNotLowercaseVersion4(String uuid) {
        assertFalse(IsoIdentifiers.isUuidV4(uuid));
    }

    @Test
    void acceptsTheWholeRestrictedCharacterSet() {
        assertTrue(IsoIdentifiers.isRestrictedId("PRBK-20261123-0001", 35));
        assertTrue(IsoIdentifiers.isRestrictedId("az AZ 09 /-?:().,'+", 35));
        assertTrue(IsoIdentifiers.isRestrictedId("A/B/C", 35));
        assertTrue(IsoIdentifiers.isRestrictedId("X".repeat(35), 35));
        assertTrue(IsoIdentifiers.isRestrictedId("X", 35));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/ABC",
                "ABC/",
                "/",
                "A//B",
                "A_B",
                "A&B",
                "A\"B",
                "A;B",
                "A=B",
                "caf\u00e9",
                "A\nB",
                "A\tB",
                "A#B",
                "A@B",
                "\u4E2D"
            })
    void rejectsIdentifiersOutsideTheRestrictedSet(String id) {
        assertFalse(IsoIdentifiers.isRestrictedId(id, 35));
    }

    @Test
    void rejectsIdentifiersLongerThanTheLimit() {
        assertFalse(IsoIdentifiers.isRestrictedId("X".repeat(36), 35));
        assertFalse(IsoIdentifiers.isRestrictedId("X".repeat(17), 16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23", "2024-02-29", "1970-01-01", "2026-12-31"})
    void acceptsIsoDates(String date) {
        assertTrue(IsoIdentifiers.isIsoDate(date));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-13-01",
                "2026-00-10",
                "2026-11-00",
                "2026-11-32",
                "26-11-23",
                "2026/11/23",
                "2026-11-23Z",
                "2026-1-23",
                "",
                "2026-11-2x"
            })
    void rejectsMalformedIsoDates(String date) {
        assertFalse(IsoIdentifiers.isIsoDate(date));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T09:30:00+08:00",
                "2026-11-23T09:30:00-05:00",
                "2026-11-23T09:30:00.123+08:00",
                "2026-11-23T09:30:00.123456789+00:00",
                "2026-11-23T01:30:00.5+00:00",
                "2026-11-23T23:59:59+14:00"
            })
    void acceptsDateTimesWithAnOffset(String dateTime) {
        assertTrue(IsoIdentifiers.isIsoDateTimeWithOffset(dateTime));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23T09:30:00",
                "2026-11-23T09:30:00.123",
                "2026-11-23T09:30:00+0800",
                "2026-11-23T09:30:00+8:00",
                "2026-11-23T09:30:00+08",
                "2026-11-23T24:00:00Z",
                "2026-11-23T09:60:00Z",
                "2026-11-23T09:30:00+15:00",
                "2026-11-23T09:30:00.Z",
                "2026-11-23 09:30:00Z",
                "2026-11-23T09:30Z",
                "2026-13-23T09:30:00Z",
                "2026-11-23T09:30:00z",
                "2026-11-23T09:30:00+08:00 ",
                ""
            })
    void rejectsDateTimesWithoutAValidOffset(String dateTime) {
        assertFalse(IsoIdentifiers.isIsoDateTimeWithOffset(dateTime));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-02-29", "2026-04-31", "2025-02-29", "1900-02-29"})
    void rejectsDatesThatDoNotExist(String date) {
        assertFalse(IsoIdentifiers.isIsoDate(date));
    }

    @Test
    void rejectsZuluSuffixAsCbprRequiresNumericOffset() {
        assertFalse(IsoIdentifiers.isIsoDateTimeWithOffset("2026-11-23T01:30:00Z"));
    }

    @Test
    void everyCharacterAtEveryPlaceIsJudgedAsTheSchemaPatternsJudgeIt() {
        Pattern bic = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
        Pattern uuid = Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}");
        Pattern restricted = Pattern.compile("[0-9a-zA-Z/\\-?:().,'+ ]{1,35}");
        Pattern uscc = Pattern.compile("[0-9A-HJ-NP-RT-UW-Y]{18}");
        String[] bics = {"PRBKCNGZXXX", "PRBKCNGZ"};
        String uuidSample = "8a562c67-ca16-48ba-b074-65581be6f001";
        String id = "PRBK-20261123 (0001)?:.,'+";
        String creditCode = "91440604MA9KAPK002";
        // Every char value: a check by table must not wrap a character beyond ASCII onto one within.
        for (int v = 0; v <= Character.MAX_VALUE; v++) {
            char c = (char) v;
            for (String sample : bics) {
                for (int at = 0; at < sample.length(); at++) {
                    String s = replaced(sample, at, c);
                    assertEquals(bic.matcher(s).matches(), IsoIdentifiers.isBic(s), s);
                }
            }
            for (int at = 0; at < uuidSample.length(); at++) {
                String s = replaced(uuidSample, at, c);
                assertEquals(uuid.matcher(s).matches(), IsoIdentifiers.isUuidV4(s), s);
            }
            for (int at = 1; at < id.length() - 1; at++) {
                String s = replaced(id, at, c);
                assertEquals(
                        restricted.matcher(s).matches() && !s.contains("//"), IsoIdentifiers.isRestrictedId(s, 35), s);
            }
            for (int at = 0; at < creditCode.length(); at++) {
                String s = replaced(creditCode, at, c);
                assertEquals(uscc.matcher(s).matches(), IsoIdentifiers.isUnifiedSocialCreditCode(s), s);
            }
        }
    }

    private static String replaced(String s, int at, char c) {
        return s.substring(0, at) + c + s.substring(at + 1);
    }
}
