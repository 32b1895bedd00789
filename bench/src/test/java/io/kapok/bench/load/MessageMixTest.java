package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageMixTest {
    private static String error(String mix) {
        String message = assertThrows(LoadOptions.UsageException.class, () -> MessageMix.parse(mix))
                .getMessage();
        assertFalse(message.contains("\n"), message);
        return message;
    }

    @Test
    void everyTypeGetsItsShareOfEachPeriodInAFixedOrder() throws Exception {
        MessageMix mix = MessageMix.parse("pacs008=70,tsin001=20,tsin013=10");
        assertEquals(10, mix.period(), "70/20/10 reduced by their common divisor");
        assertEquals(
                List.of(
                        MixType.PACS008,
                        MixType.PACS008,
                        MixType.TSIN001,
                        MixType.PACS008,
                        MixType.PACS008,
                        MixType.TSIN013,
                        MixType.PACS008,
                        MixType.PACS008,
                        MixType.TSIN001,
                        MixType.PACS008),
                java.util.stream.LongStream.range(0, 10).mapToObj(mix::typeAt).toList());
        assertFalse(mix.has(MixType.TSIN004));
        assertEquals("pacs008=70,tsin001=20,tsin013=10", mix.toString());
    }

    @Test
    void ranksWithinATypeAreConsecutiveAndCountsAreExact() throws Exception {
        MessageMix mix = MessageMix.parse("pacs008=5,tsin004=1,tsin013=3,tsin001=2");
        Map<MixType, Long> seen = new EnumMap<>(MixType.class);
        for (long i = 0; i < 10_007; i++) {
            MixType t = mix.typeAt(i);
            long expected = seen.getOrDefault(t, 0L);
            assertEquals(expected, mix.ordinalAt(i), () -> "rank of request " + t);
            seen.put(t, expected + 1);
            if (i % 97 == 0) {
                for (MixType u : MixType.values()) {
                    assertEquals(seen.getOrDefault(u, 0L) - (u == t ? 1 : 0), mix.countBelow(u, i), u + " below " + i);
                }
            }
        }
        // 10,007 = 909 periods of 11 + 8: each type its weight per period and its share of the rest.
        assertEquals(seen.get(MixType.PACS008), mix.countBelow(MixType.PACS008, 10_007));
        assertEquals(909 * 2 + mix.countBelow(MixType.TSIN001, 8), seen.get(MixType.TSIN001));
    }

    @Test
    void aTypeWithoutWeightWeighsAHundredAndNamesIgnoreCase() throws Exception {
        assertEquals(Map.of(MixType.PACS008, 100), MessageMix.parse("PACS008").weights());
        assertEquals(
                Map.of(MixType.TSIN004, 1, MixType.PACS008, 3),
                MessageMix.parse(" tsin004=1 , Pacs008=3 ").weights());
    }

    @Test
    void badWeightsAndUnknownTypesGetOneLineSayingWhatToGive() {
        assertEquals(
                "--mix: tsin002 is not a message type the generator sends; use pacs008, tsin004, tsin013, tsin001,"
                        + " e.g. --mix pacs008=70,tsin001=20,tsin013=10",
                error("pacs008=90,tsin002=10"));
        assertEquals(
                "--mix pacs008=0: the weight of pacs008 must be a whole number in 1..10000, was '0'",
                error("pacs008=0"));
        assertEquals(
                "--mix tsin001=-5: the weight of tsin001 must be a whole number in 1..10000, was '-5'",
                error("tsin001=-5"));
        assertEquals(
                "--mix tsin013=2.5: the weight of tsin013 must be a whole number in 1..10000, was '2.5'",
                error("tsin013=2.5"));
        assertEquals(
                "--mix tsin013=: the weight of tsin013 must be a whole number in 1..10000, was ''", error("tsin013="));
        assertEquals(
                "--mix pacs008=10001: the weight of pacs008 must be a whole number in 1..10000, was '10001'",
                error("pacs008=10001"));
        assertEquals(
                "--mix pacs008=1,,tsin001=1 has an empty entry: give TYPE=WEIGHT pairs, e.g. --mix"
                        + " pacs008=70,tsin001=20,tsin013=10",
                error("pacs008=1,,tsin001=1"));
        assertTrue(error("pacs008=1,").contains("has an empty entry"));
        assertEquals("--mix tsin001=1,TSIN001=2 names tsin001 twice", error("tsin001=1,TSIN001=2"));
    }
}
