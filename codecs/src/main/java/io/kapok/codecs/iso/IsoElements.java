package io.kapok.codecs.iso;

import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writers for the ISO 20022 building blocks the encoders share: amounts in a currency's minor
 * units, dates, clipped free text, and the ways a party is identified (a bank by BICFI, an
 * organisation by USCC or LEI). Everything goes through {@link Utf8XmlWriter}, so text is escaped
 * and nothing allocates. Stateless and thread-safe.
 */
public final class IsoElements {
    /** Max35Text: identifiers. */
    public static final int MAX_35 = 35;
    /** Max70Text: names. */
    public static final int MAX_70 = 70;
    /** Max105Text: one line of additional information. */
    public static final int MAX_105 = 105;
    /** Max140Text: one line of unstructured remittance information. */
    public static final int MAX_140 = 140;

    private static final long MS_PER_DAY = 86_400_000L;

    private IsoElements() {}

    /**
     * {@code <name Ccy="CNY">1250000.00</name>}: an amount with exactly the currency's minor units.
     *
     * @throws IllegalArgumentException for a negative amount or a packed code that is not an active
     *     ISO 4217 currency (both are bugs of the caller: the ledger never holds either)
     */
    public static void amount(Utf8XmlWriter out, String name, long amountMinor, int currency) {
        int minorUnits = minorUnitsOf(currency);
        if (amountMinor < 0) {
            throw new IllegalArgumentException(
                    name + " is " + amountMinor + " minor units; ISO 20022 amounts are never negative");
        }
        out.open(name).ascii(" Ccy=\"");
        currencyCode(out, currency);
        out.raw('"').endStart();
        out.decimal(amountMinor, minorUnits);
        out.end(name);
    }

    /** {@code <name>1250000.00</name>}: a decimal (a sum without its own currency) in the currency's minor units. */
    public static void decimal(Utf8XmlWriter out, String name, long amountMinor, int currency) {
        out.start(name).decimal(amountMinor, minorUnitsOf(currency)).end(name);
    }

    /** {@code <name>CNY</name>} */
    public static void currency(Utf8XmlWriter out, String name, int currency) {
        minorUnitsOf(currency);
        out.start(name);
        currencyCode(out, currency);
        out.end(name);
    }

    /** Minor units of a packed currency; throws for one that is not active ISO 4217. */
    public static int minorUnitsOf(int currency) {
        int minorUnits = Iso4217.minorUnits(currency);
        if (minorUnits == Iso4217.UNKNOWN) {
            throw new IllegalArgumentException(
                    "currency 0x" + Integer.toHexString(currency) + " is not an active ISO 4217 code");
        }
        return minorUnits;
    }

    private static void currencyCode(Utf8XmlWriter out, int currency) {
        out.raw((char) ((currency >>> 16) & 0xFF))
                .raw((char) ((currency >>> 8) & 0xFF))
                .raw((char) (currency & 0xFF));
    }

    /** {@code <name>YYYY-MM-DD</name>} of a day counted from 1970-01-01. */
    public static void date(Utf8XmlWriter out, String name, long epochDay) {
        out.start(name);
        IsoDateTimes.writeDateOf(out, epochDay * MS_PER_DAY);
        out.end(name);
    }

    /** {@code <name>YYYY-MM-DDThh:mm:ss.sss+00:00</name>} */
    public static void dateTime(Utf8XmlWriter out, String name, long epochMs) {
        out.start(name);
        IsoDateTimes.writeDateTime(out, epochMs);
        out.end(name);
    }

    /** {@code <name>text</name>} clipped to {@code lengthMax}, only when the field is present and not empty. */
    public static void optional(Utf8XmlWriter out, String name, TextBuffer text, int lengthMax) {
        if (text.isPresent() && text.length() > 0) {
            out.element(name, text, lengthMax);
        }
    }

    /**
     * Free text as repeated {@code <name>} lines of at most {@code lineLengthMax} characters, at most
     * {@code linesMax} of them; what does not fit is left out. Nothing is written for empty text.
     */
    public static void lines(Utf8XmlWriter out, String name, CharSequence text, int lineLengthMax, int linesMax) {
        int n = text.length();
        for (int start = 0, count = 0; start < n && count < linesMax; count++) {
            int end = Math.min(n, start + lineLengthMax);
            out.start(name).text(text, start, end).end(name);
            start = end;
        }
    }

    /** {@code <RmtInf><Ustrd>text</Ustrd></RmtInf>} (one line of 140), only when the text is present and not empty. */
    public static void remittance(Utf8XmlWriter out, TextBuffer unstructured) {
        if (unstructured.isPresent() && unstructured.length() > 0) {
            out.start("RmtInf").element("Ustrd", unstructured, MAX_140).end("RmtInf");
        }
    }

    /** {@code <FinInstnId><BICFI>bic</BICFI></FinInstnId>} */
    public static void financialInstitution(Utf8XmlWriter out, CharSequence bic) {
        out.start("FinInstnId").element("BICFI", bic, 11).end("FinInstnId");
    }

    /** {@code <name><FinInstnId><BICFI>bic</BICFI></FinInstnId></name>}: a BranchAndFinancialInstitutionIdentification6. */
    public static void agent(Utf8XmlWriter out, String name, CharSequence bic) {
        out.start(name);
        financialInstitution(out, bic);
        out.end(name);
    }

    /**
     * A choice between a financial institution and an organisation (Party44Choice of the BAH,
     * Party40Choice of the payments messages): {@code <wrapper><fiElement><FinInstnId><BICFI>} for a
     * bank, else {@code <wrapper><organisationElement>} followed by a PartyIdentification135.
     *
     * @throws IllegalArgumentException when the party has no identifier
     */
    public static void partyChoice(
            Utf8XmlWriter out, String wrapper, String fiElement, String organisationElement, PartyIdentity party) {
        party.requirePresent(wrapper);
        out.start(wrapper);
        if (party.isFinancialInstitution()) {
            agent(out, fiElement, party.id);
        } else {
            out.start(organisationElement);
            partyIdentification(out, party);
            out.end(organisationElement);
        }
        out.end(wrapper);
    }

    /**
     * The content of a PartyIdentification135 (or any type with {@code Nm?} then
     * {@code Id/OrgId}): the name when known, then, when the party has an identifier,
     * {@code Id/OrgId} holding the BIC as AnyBIC, the LEI, or the USCC as {@code Othr/Id} with
     * {@code SchmeNm/Prtry} = USCC.
     */
    public static void partyIdentification(Utf8XmlWriter out, PartyIdentity party) {
        optional(out, "Nm", party.name, MAX_140);
        if (party.scheme == null || party.id.length() == 0) {
            return; // known by name only
        }
        out.start("Id");
        organisationIdentification(out, "OrgId", party);
        out.end("Id");
    }

    /** {@code <element>} as an OrganisationIdentification29: AnyBIC, LEI or Othr (Id, SchmeNm/Prtry). */
    public static void organisationIdentification(Utf8XmlWriter out, String element, PartyIdentity party) {
        party.requirePresent(element);
        out.start(element);
        switch (party.scheme) {
            case BIC -> out.element("AnyBIC", party.id, 11);
            case LEI -> out.element("LEI", party.id, 20);
            case USCC ->
                out.start("Othr")
                        .element("Id", party.id, MAX_35)
                        .start("SchmeNm")
                        .element("Prtry", PartyIdentity.USCC_SCHEME)
                        .end("SchmeNm")
                        .end("Othr");
        }
        out.end(element);
    }
}
