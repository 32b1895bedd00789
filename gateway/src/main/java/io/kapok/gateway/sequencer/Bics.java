package io.kapok.gateway.sequencer;

/** BIC spelling: the 8-character form of a head office and its "XXX" 11-character form are one party. */
public final class Bics {
    private Bics() {}

    /** The 11-character form, trimmed: {@code PRBKCNGZ} becomes {@code PRBKCNGZXXX}. */
    public static String normalise(CharSequence bic) {
        String s = bic.toString().trim();
        return s.length() == 8 ? s + "XXX" : s;
    }
}
