package io.kapok.codecs.iso;

import io.kapok.codecs.xml.TextBuffer;

/**
 * Who a party is in an ISO 20022 message, the way Kapok identifies parties: a bank by its BIC, a
 * core enterprise or supplier by its unified social credit code (USCC, written as
 * {@code OrgId/Othr/Id} with {@code SchmeNm/Prtry} = {@code USCC}) or by its LEI. The optional
 * name goes where the schema has one. Reusable; owned by one thread at a time.
 */
public final class PartyIdentity {
    /** How {@link #id} identifies the party. */
    public enum Scheme {
        /** A financial institution's BIC (BICFI or AnyBIC). */
        BIC,
        /** China's 18-character unified social credit code, as a proprietary organisation id. */
        USCC,
        /** A Legal Entity Identifier (ISO 17442). */
        LEI
    }

    /** The proprietary scheme name Kapok writes for a unified social credit code. */
    public static final String USCC_SCHEME = "USCC";

    /** How {@link #id} is to be read; null when the party is absent. */
    public Scheme scheme;

    /** The BIC, USCC or LEI. */
    public final TextBuffer id = new TextBuffer(20);
    /** The party's name; absent when not known. */
    public final TextBuffer name = new TextBuffer(70);

    public PartyIdentity bic(CharSequence bic) {
        return set(Scheme.BIC, bic);
    }

    public PartyIdentity uscc(CharSequence uscc) {
        return set(Scheme.USCC, uscc);
    }

    public PartyIdentity lei(CharSequence lei) {
        return set(Scheme.LEI, lei);
    }

    /** Sets the scheme and the identifier; the name is left as it is. */
    public PartyIdentity set(Scheme scheme, CharSequence id) {
        this.scheme = scheme;
        this.id.set(id);
        return this;
    }

    /** True when a scheme and a non-empty identifier are set. */
    public boolean isPresent() {
        return scheme != null && id.length() > 0;
    }

    /**
     * This party, after checking it has a scheme and an identifier.
     *
     * @param role where the party goes, for the message ({@code "AppHdr/To"})
     * @throws IllegalArgumentException when it has none: an encoder cannot name a party it does not know
     */
    public PartyIdentity requirePresent(String role) {
        if (!isPresent()) {
            throw new IllegalArgumentException(role + " has no identifier (BIC, USCC or LEI)");
        }
        return this;
    }

    /** True for a bank (identified by BIC). */
    public boolean isFinancialInstitution() {
        return scheme == Scheme.BIC;
    }

    public void copyFrom(PartyIdentity other) {
        scheme = other.scheme;
        id.copyFrom(other.id);
        name.copyFrom(other.name);
    }

    public void clear() {
        scheme = null;
        id.clear();
        name.clear();
    }

    @Override
    public String toString() {
        return scheme + ":" + id;
    }
}
