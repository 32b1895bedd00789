package io.kapok.codecs.iso;

/**
 * ISO 4217 currency codes in current use, with their minor units (the number of decimals an
 * amount in that currency may carry).
 *
 * <p>The table is fixed in the code rather than read from the JDK, so that a verdict never depends
 * on the JVM it runs on. "CNH" (offshore renminbi in market slang) is deliberately absent: it is not
 * an ISO 4217 code, and offshore renminbi travels as {@code CNY}.
 *
 * <p>Codes are packed into an {@code int} ({@code 'C' << 16 | 'N' << 8 | 'Y'}) so that the hot
 * path compares and stores them without a String. Thread-safe: immutable after class load.
 */
public final class Iso4217 {
    /** Returned by {@link #minorUnits} for a code that is not an active ISO 4217 currency. */
    public static final int UNKNOWN = -1;

    // "CODE digits" pairs: ISO 4217 list one, active codes with a defined number of minor units.
    private static final String TABLE = "AED2 AFN2 ALL2 AMD2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2"
            + " BHD3 BIF0 BMD2 BND2 BOB2 BOV2 BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHE2 CHF2 CHW2 CLF4"
            + " CLP0 CNY2 COP2 COU2 CRC2 CUP2 CVE2 CZK2 DJF0 DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2"
            + " GBP2 GEL2 GHS2 GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 HUF2 IDR2 ILS2 INR2 IQD3 IRR2 ISK0"
            + " JMD2 JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2 LYD3"
            + " MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MXV2 MYR2 MZN2 NAD2 NGN2 NIO2"
            + " NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 RUB2 RWF0 SAR2 SBD2"
            + " SCR2 SDG2 SEK2 SGD2 SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2"
            + " TRY2 TTD2 TWD2 TZS2 UAH2 UGX0 USD2 USN2 UYI0 UYU2 UYW4 UZS2 VED2 VES2 VND0 VUV0 WST2 XAF0"
            + " XCD2 XCG2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWG2";

    // Direct lookup by the three letters: 26^3 slots, -1 where no currency.
    private static final byte[] MINOR_UNITS = new byte[26 * 26 * 26];

    static {
        java.util.Arrays.fill(MINOR_UNITS, (byte) UNKNOWN);
        for (String entry : TABLE.split(" ")) {
            MINOR_UNITS[slot(entry.charAt(0), entry.charAt(1), entry.charAt(2))] = (byte) (entry.charAt(3) - '0');
        }
    }

    private Iso4217() {}

    /** Packs three letters A to Z into the int form used across Kapok; the caller has checked them. */
    public static int pack(char a, char b, char c) {
        return (a << 16) | (b << 8) | c;
    }

    /**
     * Packs a three-letter code; returns 0 (which no currency has) unless the text is exactly three
     * letters A to Z, so no other text can pack into the int of a real code.
     */
    public static int pack(CharSequence code) {
        if (code == null || code.length() != 3) {
            return 0;
        }
        char a = code.charAt(0);
        char b = code.charAt(1);
        char c = code.charAt(2);
        if (!isUpper(a) || !isUpper(b) || !isUpper(c)) {
            return 0;
        }
        return pack(a, b, c);
    }

    /** The three letters of a packed code, for display and the journal. */
    public static String unpack(int packed) {
        return new String(
                new char[] {(char) ((packed >>> 16) & 0xFF), (char) ((packed >>> 8) & 0xFF), (char) (packed & 0xFF)});
    }

    /** Minor units (0 to 4) of a packed code, or {@link #UNKNOWN} if it is not an active ISO 4217 code. */
    public static int minorUnits(int packed) {
        char a = (char) ((packed >>> 16) & 0xFF);
        char b = (char) ((packed >>> 8) & 0xFF);
        char c = (char) (packed & 0xFF);
        if ((packed >>> 24) != 0 || !isUpper(a) || !isUpper(b) || !isUpper(c)) {
            return UNKNOWN;
        }
        return MINOR_UNITS[slot(a, b, c)];
    }

    /** Minor units of a code given as text, or {@link #UNKNOWN}. */
    public static int minorUnits(CharSequence code) {
        return code == null || code.length() != 3 ? UNKNOWN : minorUnits(pack(code));
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static int slot(char a, char b, char c) {
        return ((a - 'A') * 26 + (b - 'A')) * 26 + (c - 'A');
    }
}
