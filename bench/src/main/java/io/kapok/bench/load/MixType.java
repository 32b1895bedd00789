package io.kapok.bench.load;

import java.util.Locale;

/**
 * The message types {@code --mix} can ask for, each with the name it goes by on the command line,
 * its ISO 20022 name, and the answer that counts as taken: everything else is an error.
 *
 * <pre>
 *  pacs008  a CNY 1.00 credit transfer between the two banks              → pacs.002 ACSC
 *  tsin004  a supplier registers a new invoice on Canton Auto Group       → tsin.007 RCCF
 *  tsin013  Canton Auto Group confirms registered invoices, several each  → tsin.007 RCCF
 *  tsin001  a supplier asks to finance one registered, confirmed invoice  → tsin.002 RCCF (PDNG)
 * </pre>
 */
public enum MixType {
    PACS008("pacs008", "pacs.008", "ACSC"),
    TSIN004("tsin004", "tsin.004", "RCCF"),
    TSIN013("tsin013", "tsin.013", "RCCF"),
    TSIN001("tsin001", "tsin.001", "RCCF");

    private static final MixType[] VALUES = values();

    /** The name on the command line, e.g. {@code tsin001}. */
    public final String option;
    /** The ISO 20022 name, e.g. {@code tsin.001}. */
    public final String iso;
    /** The status of a taken message: {@code ACSC} (pacs.002) or {@code RCCF} (tsin.007, tsin.002). */
    public final String positive;

    MixType(String option, String iso, String positive) {
        this.option = option;
        this.iso = iso;
        this.positive = positive;
    }

    /** The type {@code option} names (any case), or null. */
    public static MixType ofOption(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        for (MixType t : VALUES) {
            if (t.option.equals(o)) {
                return t;
            }
        }
        return null;
    }

    /** The type of ordinal {@code ordinal}. */
    static MixType of(int ordinal) {
        return VALUES[ordinal];
    }

    /** Every option name, for messages: {@code pacs008, tsin004, tsin013, tsin001}. */
    public static String options() {
        StringBuilder s = new StringBuilder();
        for (MixType t : VALUES) {
            s.append(s.length() == 0 ? "" : ", ").append(t.option);
        }
        return s.toString();
    }
}
