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
