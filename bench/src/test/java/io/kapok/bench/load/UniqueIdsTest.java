package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UniqueIdsTest {
    private static final Pattern UUID_V4 =
            Pattern.compile("[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}");
    private static final Pattern MSG_ID = Pattern.compile("LG[0-9a-f]{8}-[0-9]{13}");

    @Test
    void everyRequestOfARunGetsItsOwnMsgIdAndUetr() {
        UniqueIds ids = new UniqueIds(new Random(42));
        Set<String> msgIds = new HashSet<>();
        Set<String> uetrs = new HashSet<>();
        int n = 200_000;
        for (long i = 0; i < n; i++) {
            String msgId = ids.messageId(i);
            String uetr = ids.uetr(i);
            assertTrue(MSG_ID.matcher(msgId).matches(), msgId);
            assertTrue(UUID_V4.matcher(uetr).matches(), uetr);
            msgIds.add(msgId);
            uetrs.add(uetr);
        }
        assertEquals(n, msgIds.size());
        assertEquals(n, uetrs.size());
    }

    @Test
    void uetrStaysAVersion4UuidWhereTheCounterCarriesAndAtTheEndOfItsRange() {
        // All ones in the random part: adding the index carries through the low 62 bits.
        UniqueIds ids = new UniqueIds(-1, -1L, -1L);
        for (long i : new long[] {0, 1, 2, 1L << 40, UniqueIds.INDEX_BOUND - 1}) {
            String uetr = ids.uetr(i);
            assertTrue(UUID_V4.matcher(uetr).matches(), uetr);
        }
        assertNotEquals(ids.uetr(0), ids.uetr(1));
        assertEquals("LGffffffff-9999999999999", ids.messageId(UniqueIds.INDEX_BOUND - 1));
    }

    @Test
    void twoRunsDoNotShareIds() {
        UniqueIds a = new UniqueIds();
        UniqueIds b = new UniqueIds();
        assertNotEquals(a.messageId(0), b.messageId(0));
        assertNotEquals(a.uetr(0), b.uetr(0));
    }

    @Test
    void templatesDecodeAsValidPacs008InBothDirectionsWithTheRequestsIds() {
        UniqueIds ids = new UniqueIds(new Random(7));
        Pacs008Templates templates = new Pacs008Templates(ids);
        Pacs008Decoder decoder = new Pacs008Decoder(XmlLimits.DEFAULTS);
        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        String[][] directions = {{"PRBKCNGZXXX", "VHBKHKHHXXX"}, {"VHBKHKHHXXX", "PRBKCNGZXXX"}};
        for (long i : new long[] {0, 1, 2, 3, 123_456_789L}) {
            byte[] body = templates.body(i);
            assertEquals(templates.length(), body.length);
            assertTrue(
                    decoder.decode(body, 0, body.length, view, verdict),
                    () -> "request " + i + ": " + verdict.rejectCode() + " " + verdict.elementPath() + " "
                            + verdict.detail() + "\n" + new String(body, StandardCharsets.UTF_8));
            assertEquals(ids.messageId(i), view.messageId().toString());
            assertEquals(ids.messageId(i), view.businessMessageId().toString());
            assertEquals(ids.uetr(i), view.uetr().toString());
            assertEquals(100, view.amountMinor(), "CNY 1.00");
            String[] d = directions[(int) (i & 1)];
            assertEquals(d[0], view.fromBic().toString());
            assertEquals(d[0], view.instructingAgentBic().toString());
            assertEquals(d[1], view.instructedAgentBic().toString());
        }
    }

    @Test
    void shortIdsAreUniquePerTagAndIndexAndFitTheirWidth() {
        UniqueIds ids = new UniqueIds(new Random(11));
        Pattern shortId = Pattern.compile("[ICGS][0-9A-HJKMNP-TV-Z]{7}[0-9]{9}");
        Set<String> seen = new HashSet<>();
        for (char tag : new char[] {UniqueIds.INVOICE, UniqueIds.GROUP, UniqueIds.LETTER, UniqueIds.SETUP_LETTER}) {
            for (long i = 0; i < 50_000; i++) {
                String id = ids.shortId(tag, i);
                assertTrue(shortId.matcher(id).matches(), id);
                assertTrue(seen.add(id), id);
            }
            assertTrue(shortId.matcher(ids.shortId(tag, UniqueIds.SHORT_INDEX_BOUND - 1))
                    .matches());
        }
        assertNotEquals(new UniqueIds().shortId(UniqueIds.INVOICE, 0), new UniqueIds().shortId(UniqueIds.INVOICE, 0));
        assertEquals(
                "short-id index 1000000000 is outside [0, 1000000000)",
                org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class,
                                () -> ids.shortId(UniqueIds.INVOICE, UniqueIds.SHORT_INDEX_BOUND))
                        .getMessage());
    }
}
