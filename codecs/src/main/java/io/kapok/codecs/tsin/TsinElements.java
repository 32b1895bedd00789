package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;

/** Element groups the tsin encoders share. Stateless. */
final class TsinElements {
    /** AddtlStsRsnInf lines written at most. */
    static final int ADDITIONAL_INFO_LINES_MAX = 4;

    private TsinElements() {}

    /** {@code <name><Id>messageId</Id><CreDtTm>...</CreDtTm></name>}: a MessageIdentification1. */
    static void messageIdentification(Utf8XmlWriter out, String name, MessageHeader header) {
        out.start(name);
        out.element("Id", header.messageId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "CreDtTm", header.creationTimeMs);
        out.end(name);
    }

    /**
     * {@code <name>} as a PartyIdentification25: {@code Nm} (the name, or the identifier when no
     * name is known), then the BIC as {@code BEI} or the USCC / LEI as {@code PrtryId} (Id, IdTp).
     */
    static void partyIdentification25(Utf8XmlWriter out, String name, PartyIdentity party) {
        party.requirePresent(name);
        out.start(name);
        out.element("Nm", party.name.length() > 0 ? party.name : party.id, IsoElements.MAX_70);
        if (party.isFinancialInstitution()) {
            out.element("BEI", party.id, 11);
        } else {
            out.start("PrtryId")
                    .element("Id", party.id, IsoElements.MAX_35)
                    .element("IdTp", party.scheme.name())
                    .end("PrtryId");
        }
        out.end(name);
    }

    /**
     * {@code <name>} as a PartyIdentification8: {@code Nm} when known, then {@code Id/OrgId} with
     * the BIC as {@code BIC}, or the USCC / LEI as {@code PrtryId} (Id, Issr = the scheme).
     */
    static void partyIdentification8(Utf8XmlWriter out, String name, PartyIdentity party) {
        party.requirePresent(name);
        out.start(name);
        IsoElements.optional(out, "Nm", party.name, IsoElements.MAX_70);
        out.start("Id").start("OrgId");
        if (party.isFinancialInstitution()) {
            out.element("BIC", party.id, 11);
        } else {
            out.start("PrtryId")
                    .element("Id", party.id, IsoElements.MAX_35)
                    .element("Issr", party.scheme.name())
                    .end("PrtryId");
        }
        out.end("OrgId").end("Id");
        out.end(name);
    }

    /** {@code <name>} as an InvoiceTotals1: TtlTaxblAmt, TtlTaxAmt, TtlInvcAmt (their sum), PmtDueDt. */
    static void invoiceTotals(
            Utf8XmlWriter out, String name, long taxableMinor, long taxMinor, long dueDateEpochDay, int currency) {
        out.start(name);
        IsoElements.amount(out, "TtlTaxblAmt", taxableMinor, currency);
        IsoElements.amount(out, "TtlTaxAmt", taxMinor, currency);
        IsoElements.amount(out, "TtlInvcAmt", Math.addExact(taxableMinor, taxMinor), currency);
        IsoElements.date(out, "PmtDueDt", dueDateEpochDay);
        out.end(name);
    }

    /** {@code <FincgRqstr><PtyId>...</PtyId></FincgRqstr>}: a PartyIdentificationAndAccount6 without accounts. */
    static void financingRequester(Utf8XmlWriter out, PartyIdentity requester) {
        out.start("FincgRqstr");
        partyIdentification25(out, "PtyId", requester);
        out.end("FincgRqstr");
    }

    /** {@code <name><BIC>bic</BIC></name>}: a FinancialInstitutionIdentification6 by BIC. */
    static void financialInstitution6(Utf8XmlWriter out, String name, CharSequence bic) {
        out.start(name).element("BIC", bic, 11).end(name);
    }

    /** {@code <name><Sts>status</Sts><StsRsn><Cd>reason</Cd></StsRsn>?<AddtlStsRsnInf>*</name>} */
    static void statusInformation(Utf8XmlWriter out, String name, String status, String reason, CharSequence info) {
        out.start(name);
        out.element("Sts", status);
        reason(out, reason);
        IsoElements.lines(out, "AddtlStsRsnInf", info, IsoElements.MAX_105, ADDITIONAL_INFO_LINES_MAX);
        out.end(name);
    }

    /** {@code <StsRsn><Cd>reason</Cd></StsRsn>} when a reason is given. */
    static void reason(Utf8XmlWriter out, String reason) {
        if (reason != null) {
            out.start("StsRsn").element("Cd", reason).end("StsRsn");
        }
    }
}
