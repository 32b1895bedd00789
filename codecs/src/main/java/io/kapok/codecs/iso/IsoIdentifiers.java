package io.kapok.codecs.iso;

/**
 * Format checks for ISO 20022 identifiers, written as plain loops so the hot path allocates
 * nothing. Stateless and thread-safe.
 */
public final class IsoIdentifiers {
    private static final int DIGIT = 1;
    private static final int UPPER = 1 << 1;
    /** {@code a} to {@code f}. */
    private static final int LOWER_HEX = 1 << 2;
    /** The CBPR+ restricted (FIN X) set: {@code [0-9a-zA-Z/\-?:().,'+ ]}. */
    private static final int FIN_X = 1 << 3;

    private static final int DASH = 1 << 4;
    /** {@code 4}: the version digit of a UUID v4. */
    private static final int UUID_VERSION = 1 << 5;
    /** {@code 8}, {@code 9}, {@code a}, {@code b}: the variant digit of a UUID v4. */
    private static final int UUID_VARIANT = 1 << 6;

    private static final int ALNUM_UPPER = DIGIT | UPPER;
    private static final int HEX = DIGIT | LOWER_HEX;

    /**
     * The classes of each ASCII character, as bits. A check reads one entry per character and tests
     * it against the class its place allows, instead of a chain of compares per character.
     */
    private static final int[] ASCII_CLASSES = new int[128];

    /** The class each place of a BIC allows: {@code [A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?}. */
    private static final int[] BIC_PLACES = {
        ALNUM_UPPER,
        ALNUM_UPPER,
        ALNUM_UPPER,
        ALNUM_UPPER,
        UPPER,
        UPPER,
        ALNUM_UPPER,
        ALNUM_UPPER,
        ALNUM_UPPER,
        ALNUM_UPPER,
        ALNUM_UPPER
    };

    /** The class each place of a UUID v4 allows ({@link #isUuidV4}). */
    private static final int[] UUID_V4_PLACES = new int[36];

    static {
        for (int c = 0; c < 128; c++) {
            int classes = 0;
            if (c >= '0' && c <= '9') {
                classes |= DIGIT | FIN_X;
            }
            if (c >= 'A' && c <= 'Z') {
                classes |= UPPER | FIN_X;
            }
            if (c >= 'a' && c <= 'z') {
                classes |= FIN_X;
            }
            if (c >= 'a' && c <= 'f') {
                classes |= LOWER_HEX;
            }
            if ("/-?:().,'+ ".indexOf(c) >= 0) {
                classes |= FIN_X;
            }
            if (c == '-') {
                classes |= DASH;
            }
            if (c == '4') {
                classes |= UUID_VERSION;
            }
            if (c == '8' || c == '9' || c == 'a' || c == 'b') {
                classes |= UUID_VARIANT;
            }
            ASCII_CLASSES[c] = classes;
        }
        java.util.Arrays.fill(UUID_V4_PLACES, HEX);
        UUID_V4_PLACES[8] = DASH;
        UUID_V4_PLACES[13] = DASH;
        UUID_V4_PLACES[18] = DASH;
        UUID_V4_PLACES[23] = DASH;
        UUID_V4_PLACES[14] = UUID_VERSION;
        UUID_V4_PLACES[19] = UUID_VARIANT;
    }

    private IsoIdentifiers() {}

    /** Whether character {@code c} is of one of the {@code classes}; never for a character beyond ASCII. */
    private static boolean isOf(char c, int classes) {
        return c < 128 && (ASCII_CLASSES[c] & classes) != 0;
    }

    /** Whether the first {@code length} characters of {@code s} are each of the class of their place. */
    private static boolean matchesPlaces(CharSequence s, int[] places, int length) {
        for (int i = 0; i < length; i++) {
            if (!isOf(s.charAt(i), places[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * BICFI / AnyBIC: {@code [A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?}, i.e. 8 or 11
     * characters, the country code letters only.
     */
    public static boolean isBic(CharSequence s) {
        int n = s.length();
        return (n == 8 || n == 11) && matchesPlaces(s, BIC_PLACES, n);
    }

    /**
     * UUIDv4Identifier as the pacs.008.001.08 schema defines it:
     * {@code [a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}}.
     */
    public static boolean isUuidV4(CharSequence s) {
        return s.length() == UUID_V4_PLACES.length && matchesPlaces(s, UUID_V4_PLACES, UUID_V4_PLACES.length);
    }

    /**
     * CBPR+ restricted identifier (FIN X character set) of 1 to {@code lengthMax} characters:
     * {@code [0-9a-zA-Z/\-?:().,'+ ]}, not starting or ending with '/', no "//" inside.
     */
    public static boolean isRestrictedId(CharSequence s, int lengthMax) {
        int n = s.length();
        if (n == 0 || n > lengthMax || s.charAt(0) == '/' || s.charAt(n - 1) == '/') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isOf(c, FIN_X) || (c == '/' && previous == '/')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * LEI as ISO 17442 defines it: 18 upper-case letters or digits, then two check digits, such
     * that the 20 characters read as a number (letters A=10 to Z=35) leave 1 modulo 97 (ISO 7064
     * MOD 97-10).
     */
    public static boolean isLei(CharSequence s) {
        if (s.length() != 20) {
            return false;
        }
        int remainder = 0;
        for (int i = 0; i < 20; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z' && i < 18) {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    /**
     * Unified social credit code (统一社会信用代码, GB 32100-2015) by its format: 18 characters of
     * the code's alphabet, digits and the upper-case letters other than I, O, S, V and Z. The check
     * character is not verified: registry data, the demo world's ids included, is checked against
     * the registry, not by the gateway.
     */
    public static boolean isUnifiedSocialCreditCode(CharSequence s) {
        if (s.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean letter = c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'S' && c != 'V' && c != 'Z';
            if (!digit && !letter) {
                return false;
            }
        }
        return true;
    }

    /**
     * ISODateTime as the XML Schema's xs:dateTime has it: {@code YYYY-MM-DDThh:mm:ss}, an optional
     * fraction, and an optional {@code Z} or numeric offset {@code ±hh:mm}.
     */
    public static boolean isIsoDateTime(CharSequence s) {
        return isDateTime(s, false);
    }

    /** {@code YYYY-MM-DDThh:mm:ss}, an optional fraction, then {@code ±hh:mm} (or, unless required, Z or nothing). */
    private static boolean isDateTime(CharSequence s, boolean offsetRequired) {
        int n = s.length();
        if (n < 19
                || !isDatePart(s)
                || s.charAt(10) != 'T'
                || !twoDigits(s, 11, 23)
                || s.charAt(13) != ':'
                || !twoDigits(s, 14, 59)
                || s.charAt(16) != ':'
                || !twoDigits(s, 17, 60)) {
            return false;
        }
        int i = 19;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fractionStart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == fractionStart) {
                return false;
            }
        }
        if (!offsetRequired && (i == n || (i == n - 1 && s.charAt(i) == 'Z'))) {
            return true;
        }
        return i == n - 6
                && (s.charAt(i) == '+' || s.charAt(i) == '-')
                && twoDigits(s, i + 1, 14)
                && s.charAt(i + 3) == ':'
                && twoDigits(s, i + 4, 59);
    }

    /**
     * Days since 1970-01-01 of an ISODate the caller has checked with {@link #isIsoDate} (leading
     * and trailing whitespace allowed), proleptic Gregorian.
     */
    public static long epochDay(CharSequence date) {
        int at = 0;
        while (date.charAt(at) <= ' ') {
            at++;
        }
        int year = number(date, at, 4);
        int month = number(date, at + 5, 2);
        int day = number(date, at + 8, 2);
        return epochDay(year, month, day);
    }

    /**
     * Days since 1970-01-01 of the same day {@code years} years after the ISODate {@code date}
     * (29 February becomes 28 February in a common year).
     */
    public static long epochDayYearsLater(CharSequence date, int years) {
        int at = 0;
        while (date.charAt(at) <= ' ') {
            at++;
        }
        int year = number(date, at, 4) + years;
        int month = number(date, at + 5, 2);
        int day = Math.min(number(date, at + 8, 2), daysInMonth(year, month));
        return epochDay(year, month, day);
    }

    /** Days from civil (Howard Hinnant's algorithm). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static int number(CharSequence s, int at, int digits) {
        int n = 0;
        for (int i = at; i < at + digits; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /** ISODate {@code YYYY-MM-DD} that exists in the proleptic Gregorian calendar (no 30 February). */
    public static boolean isIsoDate(CharSequence s) {
        return s.length() == 10 && isDatePart(s);
    }

    /**
     * ISODateTime as CBPR+ restricts it (CBPR_DateTime): {@code YYYY-MM-DDThh:mm:ss}, an optional
     * fraction, and a mandatory numeric UTC offset {@code ±hh:mm} (hours 00 to 14). {@code Z} is
     * refused: CBPR+ wants {@code +00:00}.
     */
    public static boolean isIsoDateTimeWithOffset(CharSequence s) {
        return isDateTime(s, true);
    }

    private static boolean isDatePart(CharSequence s) {
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return false;
            }
            year = year * 10 + (c - '0');
        }
        if (year == 0 || s.charAt(4) != '-' || !twoDigits(s, 5, 12) || s.charAt(7) != '-' || !twoDigits(s, 8, 31)) {
            return false;
        }
        int month = (s.charAt(5) - '0') * 10 + (s.charAt(6) - '0');
        int day = (s.charAt(8) - '0') * 10 + (s.charAt(9) - '0');
        return month >= 1 && day >= 1 && day <= daysInMonth(year, month);
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean twoDigits(CharSequence s, int at, int max) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return isDigit(a) && isDigit(b) && (a - '0') * 10 + (b - '0') <= max;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
