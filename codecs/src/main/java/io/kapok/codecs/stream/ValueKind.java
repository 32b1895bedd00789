package io.kapok.codecs.stream;

/** The schema type of a leaf element, which decides how its text is checked. */
public enum ValueKind {
    /** Element presence only (a container whose children are read separately). */
    PRESENCE,
    /** Max35Text restricted to the CBPR+ character set (identifiers). */
    ID_MAX35,
    /** Max35Text: free text of 1 to 35 characters (identifiers outside CBPR+, e.g. in tsin). */
    TEXT_MAX35(35),
    /** Max70Text: free text of 1 to 70 characters (names in tsin). */
    TEXT_MAX70(70),
    /** Free text of 1 to 105 characters (additional information). */
    TEXT_MAX105(105),
    /** Free text of 1 to 140 characters (names). */
    TEXT_MAX140(140),
    /** Max350Text: free text of 1 to 350 characters. */
    TEXT_MAX350(350),
    /** BICFI / AnyBIC. */
    BIC,
    /** UUIDv4Identifier, lowercase. */
    UUID_V4,
    /** A code from a closed list given in the field spec. */
    CODE,
    /** An external code: 1 to 4 characters, upper case letters and digits. */
    EXTERNAL_CODE,
    /** ISODate. */
    DATE,
    /** ISODateTime with a numeric offset (CBPR_DateTime). */
    DATE_TIME,
    /** ISODateTime as the XML Schema has it: the offset ({@code Z} or {@code ±hh:mm}) optional. */
    ISO_DATE_TIME,
    /** ActiveCurrencyCode: an active ISO 4217 code (CNH refused). */
    CURRENCY,
    /** An amount with a {@code Ccy} attribute, read into minor units. */
    AMOUNT,
    /** A count (Max15NumericText). */
    COUNT,
    /** A decimal number without a currency (e.g. CtrlSum), checked by a rule. */
    DECIMAL;

    private final int lengthMax;
    private final String lengthRule;

    ValueKind() {
        this(0);
    }

    ValueKind(int lengthMax) {
        this.lengthMax = lengthMax;
        this.lengthRule = "must be 1 to " + lengthMax + " characters";
    }

    /** For the free-text kinds: the most characters allowed; 0 for the others. */
    public int lengthMax() {
        return lengthMax;
    }

    /** For the free-text kinds: the rule as a reject names it (a constant: nothing built per message). */
    String lengthRule() {
        return lengthRule;
    }
}
