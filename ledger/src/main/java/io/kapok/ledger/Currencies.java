package io.kapok.ledger;

/**
 * Packed ISO 4217 codes and the per-currency facts the ledger needs. A code is packed as
 * {@code (a << 16) | (b << 8) | c} of its three ASCII letters, the form every command carries.
 */
public final class Currencies {
    public static final int CNY = pack("CNY");
    public static final int USD = pack("USD");
    public static final int HKD = pack("HKD");
    public static final int MOP = pack("MOP");

    private Currencies() {}

    /** Packs a three-letter code; throws for anything else. */
    public static int pack(String code) {
        if (code == null || code.length() != 3) {
            throw new IllegalArgumentException("currency code must have 3 letters: " + code);
        }
        return (code.charAt(0) << 16) | (code.charAt(1) << 8) | code.charAt(2);
    }

    /** The three letters of a packed code. */
    public static String unpack(int currency) {
        return new String(new char[] {
            (char) ((currency >>> 16) & 0xFF), (char) ((currency >>> 8) & 0xFF), (char) (currency & 0xFF)
        });
    }

    /** Digits after the decimal point of the minor unit: 2 for CNY, USD, HKD and MOP. */
    public static int minorDigits(int currency) {
        return 2;
    }

    /**
     * Day-count basis of the money market of the currency: 360 (ACT/360) for CNY and USD, 365
     * (ACT/365) for HKD and MOP; 360 for any other currency.
     */
    public static int dayCountBasis(int currency) {
        return currency == HKD || currency == MOP ? 365 : 360;
    }
}
