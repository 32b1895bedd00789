package io.kapok.codecs.pacs;

import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Element groups shared by the payment messages (pacs.008, pacs.004) and the investigations about
 * them (camt.056, camt.029). Stateless and thread-safe.
 */
public final class PaymentElements {
    /** AddtlInf lines of a reason, at most. */
    public static final int ADDITIONAL_INFO_LINES_MAX = 2;

    private PaymentElements() {}

    /**
     * {@code <GrpHdr>} of a GroupHeader93 / GroupHeader90 carrying one transaction: MsgId, CreDtTm,
     * NbOfTxs = 1, SttlmInf/SttlmMtd.
     */
    public static void groupHeader(Utf8XmlWriter out, MessageHeader header, String settlementMethod) {
        out.start("GrpHdr");
        out.element("MsgId", header.messageId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "CreDtTm", header.creationTimeMs);
        out.element("NbOfTxs", 1);
        out.start("SttlmInf").element("SttlmMtd", settlementMethod).end("SttlmInf");
        out.end("GrpHdr");
    }

    /**
     * The original payment's identifiers as an OriginalGroupInformation29 followed by OrgnlInstrId?,
     * OrgnlEndToEndId?, OrgnlTxId? and OrgnlUETR?.
     */
    public static void originalReferences(Utf8XmlWriter out, OriginalPayment original) {
        out.start("OrgnlGrpInf");
        out.element("OrgnlMsgId", original.messageId, IsoElements.MAX_35);
        out.element("OrgnlMsgNmId", original.messageNameId);
        out.end("OrgnlGrpInf");
        IsoElements.optional(out, "OrgnlInstrId", original.instructionId, IsoElements.MAX_35);
        IsoElements.optional(out, "OrgnlEndToEndId", original.endToEndId, IsoElements.MAX_35);
        IsoElements.optional(out, "OrgnlTxId", original.transactionId, IsoElements.MAX_35);
        IsoElements.optional(out, "OrgnlUETR", original.uetr, 36);
    }

    /** {@code OrgnlIntrBkSttlmAmt} and {@code OrgnlIntrBkSttlmDt} of the original payment. */
    public static void originalAmountAndDate(Utf8XmlWriter out, OriginalPayment original) {
        IsoElements.amount(out, "OrgnlIntrBkSttlmAmt", original.amountMinor, original.currency);
        IsoElements.date(out, "OrgnlIntrBkSttlmDt", original.settlementDateEpochDay);
    }

    /**
     * {@code <name>} with an optional originator (PartyIdentification135), then {@code Rsn/Cd} and
     * the free text as AddtlInf lines of 105 characters: the shape of a return, cancellation or
     * cancellation-status reason.
     */
    public static void reason(
            Utf8XmlWriter out, String name, PartyIdentity originator, String code, CharSequence additionalInfo) {
        out.start(name);
        if (originator != null && originator.isPresent()) {
            out.start("Orgtr");
            IsoElements.partyIdentification(out, originator);
            out.end("Orgtr");
        }
        if (code != null) {
            out.start("Rsn").element("Cd", code).end("Rsn");
        }
        IsoElements.lines(out, "AddtlInf", additionalInfo, IsoElements.MAX_105, ADDITIONAL_INFO_LINES_MAX);
        out.end(name);
    }

    /** A case assignment (CaseAssignment5): Id = the message id, Assgnr = Fr, Assgne = To, CreDtTm. */
    public static void caseAssignment(Utf8XmlWriter out, MessageHeader header) {
        out.start("Assgnmt");
        out.element("Id", header.messageId, IsoElements.MAX_35);
        party40(out, "Assgnr", header.from);
        party40(out, "Assgne", header.to);
        IsoElements.dateTime(out, "CreDtTm", header.creationTimeMs);
        out.end("Assgnmt");
    }

    /** {@code <name>} as a Case5 (Id, Cretr), written only when the case id is not empty. */
    public static void caseReference(Utf8XmlWriter out, String name, CharSequence caseId, PartyIdentity creator) {
        if (caseId.length() == 0) {
            return;
        }
        out.start(name);
        out.element("Id", caseId, IsoElements.MAX_35);
        party40(out, "Cretr", creator);
        out.end(name);
    }

    /** {@code <name>} as a Party40Choice: {@code Agt/FinInstnId/BICFI} for a bank, else {@code Pty}. */
    public static void party40(Utf8XmlWriter out, String name, PartyIdentity party) {
        IsoElements.partyChoice(out, name, "Agt", "Pty", party);
    }
}
