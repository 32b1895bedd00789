package io.kapok.codecs.iso;

import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes epoch milliseconds as ISO 20022 date-times in UTC ({@code 2026-11-23T10:17:00.123+00:00}: CBPR+ wants the offset as {@code ±hh:mm}, not {@code Z}) and
 * dates ({@code 2026-11-23}) without java.time objects, so the encoders allocate nothing.
 * Stateless and thread-safe.
 */
public final class IsoDateTimes {
    private IsoDateTimes() {}

    /** {@code YYYY-MM-DDThh:mm:ss.sss+00:00} */
    public static void writeDateTime(Utf8XmlWriter out, long epochMs) {
        long days = Math.floorDiv(epochMs, 86_400_000L);
        long msOfDay = Math.floorMod(epochMs, 86_400_000L);
        writeDate(out, days);
        out.raw('T')
                .paddedNumber(msOfDay / 3_600_000L, 2)
                .raw(':')
                .paddedNumber((msOfDay / 60_000L) % 60, 2)
                .raw(':')
                .paddedNumber((msOfDay / 1000L) % 60, 2)
                .raw('.')
                .paddedNumber(msOfDay % 1000L, 3)
                .ascii("+00:00");
    }

    /** {@code YYYY-MM-DD} of the UTC day containing {@code epochMs}. */
    public static void writeDateOf(Utf8XmlWriter out, long epochMs) {
        writeDate(out, Math.floorDiv(epochMs, 86_400_000L));
    }

    /** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, proleptic Gregorian). */
    private static void writeDate(Utf8XmlWriter out, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        out.paddedNumber(year, 4).raw('-').paddedNumber(month, 2).raw('-').paddedNumber(day, 2);
    }
}
