package io.kapok.codecs.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoDateTimesTest {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'+00:00'").withZone(ZoneOffset.UTC);

    @Test
    void writesEpochZero() {
        assertEquals("1970-01-01T00:00:00.000+00:00", dateTime(0L));
        assertEquals("1970-01-01", date(0L));
    }

    @Test
    void writesLeapDay() {
        long ms = Instant.parse("2024-02-29T12:34:56.789Z").toEpochMilli();
        assertEquals("2024-02-29T12:34:56.789+00:00", dateTime(ms));
        assertEquals("2024-03-01T00:00:00.000+00:00", dateTime(ms - ms % 86_400_000L + 86_400_000L));
    }

    @Test
    void writesA2026DateInUtc() {
        long ms = Instant.parse("2026-11-23T09:30:00.123+08:00").toEpochMilli();
        assertEquals(1_795_397_400_123L, ms);
        assertEquals("2026-11-23T01:30:00.123+00:00", dateTime(ms));
        assertEquals("2026-11-23", date(ms));
        assertEquals(
                "2026-12-31T23:59:59.999+00:00",
                dateTime(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli() - 1));
    }

    @Test
    void writesInstantsBeforeTheEpoch() {
        assertEquals("1969-12-31T23:59:59.999+00:00", dateTime(-1L));
        assertEquals("1969-12-31", date(-1L));
        assertEquals("1969-12-31T00:00:00.000+00:00", dateTime(-86_400_000L));
        assertEquals(
                "1900-03-01T00:00:00.000+00:00",
                dateTime(Instant.parse("1900-03-01T00:00:00Z").toEpochMilli()));
    }

    @Test
    void agreesWithJavaTimeFromYear1To9999() {
        long min = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        Random random = new Random(20240229L);
        for (int i = 0; i < 20_000; i++) {
            long ms = min + Math.floorMod(random.nextLong(), max - min + 1);
            assertEquals(ISO_MILLIS.format(Instant.ofEpochMilli(ms)), dateTime(ms), () -> "epoch ms " + ms);
            assertEquals(
                    LocalDate.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC)
                            .toString(),
                    date(ms));
        }
    }

    private static String dateTime(long epochMs) {
        Utf8XmlWriter out = new Utf8XmlWriter(8);
        IsoDateTimes.writeDateTime(out, epochMs);
        return out.toString();
    }

    private static String date(long epochMs) {
        Utf8XmlWriter out = new Utf8XmlWriter(8);
        IsoDateTimes.writeDateOf(out, epochMs);
        return out.toString();
    }
}
