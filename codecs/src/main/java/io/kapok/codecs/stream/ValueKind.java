package io.kapok.codecs.stream;

/** The schema type of a leaf element, which decides how its text is checked. */
public enum ValueKind {
    /** Element presence only (a container whose children are read separately). */
    PRESENCE,
    /** Max35Text restricted to the CBPR+ character set (identifiers). */
    ID_MAX35,
    /** Free text of 1 to 140 characters (names). */
    TEXT_MAX140,
    /** Free text of 1 to 105 characters (additional information). */
    TEXT_MAX105,
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
    /** An amount with a {@code Ccy} attribute, read into minor units. */
    AMOUNT,
    /** A count (Max15NumericText). */
    COUNT,
    /** A decimal number without a currency (e.g. CtrlSum), checked by a rule. */
    DECIMAL
}
