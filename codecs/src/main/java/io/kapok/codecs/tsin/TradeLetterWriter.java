package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes what the BusinessLetter1 messages (tsin.006 to tsin.013, tsmt.053/054) share: the envelope
 * with AppHdr, the letter header, financial items, and the count and control sum that close them.
 *
 * <pre>
 * Hdr: LttrIdr (Id, ElctrncOrgnl), Dt, RltdMsg (Id, ElctrncOrgnl)?, Orgtr, PmryRcpt, AuthstnUsr, OthrPty*, VldtnStsInf?
 *      each party: Id (xs:ID), Pty/BasePty/PtyId (Id/OrgId (BIC | Othr/Id + SchmeNm/Prtry), Nm?)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class TradeLetterWriter {
    private TradeLetterWriter() {}

    /** Resets {@code out}, writes envelope, AppHdr, Document, {@code <root>} and the letter's {@code Hdr}. */
    public static void startLetter(Utf8XmlWriter out, BusinessLetter letter, MessageType type, String root) {
        AppHdrWriter.startMessage(out, letter.header, type, null);
        out.start(root);
        out.start("Hdr");
        documentReference(out, "LttrIdr", letter.header.messageId);
        IsoElements.date(out, "Dt", Math.floorDiv(letter.header.creationTimeMs, 86_400_000L));
        if (letter.relatedMessageId.isPresent() && letter.relatedMessageId.length() > 0) {
            documentReference(out, "RltdMsg", letter.relatedMessageId);
        }
        qualifiedParty(out, "Orgtr", BusinessLetter.ORIGINATOR, letter.header.from);
        qualifiedParty(out, "PmryRcpt", BusinessLetter.PRIMARY_RECIPIENT, letter.header.to);
        qualifiedParty(out, "AuthstnUsr", BusinessLetter.AUTHORISING_USER, letter.header.from);
        for (int i = 0; i < letter.otherParties.count(); i++) {
            BusinessLetter.Party other = letter.otherParties.get(i);
            qualifiedParty(out, "OthrPty", other.xmlId, other.party);
        }
        validation(out, letter.validationStatus, letter.validationReason);
        out.end("Hdr");
    }

    /**
     * {@code <name><Id>id</Id><ElctrncOrgnl>true</ElctrncOrgnl></name>}: a QualifiedDocumentInformation1
     * naming a message, which is an electronic original.
     */
    private static void documentReference(Utf8XmlWriter out, String name, CharSequence id) {
        out.start(name)
                .element("Id", id, IsoElements.MAX_35)
                .element("ElctrncOrgnl", "true")
                .end(name);
    }

    /**
     * {@link #startLetter} followed by the opening of the letter's one list {@code <list>}.
     *
     * @throws IllegalArgumentException when the list would hold no item
     */
    public static void startLetterAndList(
            Utf8XmlWriter out, BusinessLetter letter, MessageType type, String root, String list, int itemCount) {
        if (itemCount == 0) {
            throw new IllegalArgumentException(type.messageDefinition() + " needs at least one item in " + list);
        }
        startLetter(out, letter, type, root);
        out.start(list);
    }

    /** Closes {@code <root>}, Document and envelope. */
    public static void endLetter(Utf8XmlWriter out, String root) {
        out.end(root);
        AppHdrWriter.endMessage(out);
    }

    /** {@code <name>} as a QualifiedPartyIdentification1 with XML identifier {@code xmlId}. */
    static void qualifiedParty(Utf8XmlWriter out, String name, CharSequence xmlId, PartyIdentity party) {
        out.start(name);
        out.element("Id", xmlId, IsoElements.MAX_35);
        out.start("Pty");
        tradeParty(out, "BasePty", party);
        out.end("Pty");
        out.end(name);
    }

    /**
     * {@code <name>} as a TradeParty1: {@code PtyId/Id/OrgId} holding the BIC, or the USCC / LEI as
     * {@code Othr/Id} with {@code SchmeNm/Prtry} = the scheme, then {@code PtyId/Nm} when known.
     */
    public static void tradeParty(Utf8XmlWriter out, String name, PartyIdentity party) {
        party.requirePresent(name);
        out.start(name).start("PtyId");
        out.start("Id").start("OrgId");
        if (party.isFinancialInstitution()) {
            out.element("BIC", party.id, 11);
        } else {
            out.start("Othr")
                    .element("Id", party.id, IsoElements.MAX_35)
                    .start("SchmeNm")
                    .element("Prtry", party.scheme.name())
                    .end("SchmeNm")
                    .end("Othr");
        }
        out.end("OrgId").end("Id");
        IsoElements.optional(out, "Nm", party.name, IsoElements.MAX_70);
        out.end("PtyId").end(name);
    }

    /** {@code <VldtnStsInf>} when {@code status} is not null. */
    public static void validation(Utf8XmlWriter out, String status, String reason) {
        if (status != null) {
            TsinElements.statusInformation(out, "VldtnStsInf", status, reason, "");
        }
    }

    /** {@code <name>ref</name>}: an IDREF to a party of the letter, when not empty. */
    public static void reference(Utf8XmlWriter out, String name, CharSequence ref) {
        if (ref.length() > 0) {
            out.element(name, ref, IsoElements.MAX_35);
        }
    }

    /** {@code <ItmCntxt>} / {@code <Params>} (FinancialItemParameters1): Idr, IsseDt, Buyr?, Sellr?, Ccy, CdtAcct?. */
    public static void itemParameters(
            Utf8XmlWriter out,
            String name,
            CharSequence identifier,
            long issueDateEpochDay,
            CharSequence buyerRef,
            CharSequence sellerRef,
            int currency,
            CharSequence creditAccount) {
        out.start(name);
        out.element("Idr", identifier, IsoElements.MAX_35);
        IsoElements.date(out, "IsseDt", issueDateEpochDay);
        reference(out, "Buyr", buyerRef);
        reference(out, "Sellr", sellerRef);
        IsoElements.currency(out, "Ccy", currency);
        if (creditAccount.length() > 0) {
            out.start("CdtAcct")
                    .start("Othr")
                    .element("Id", creditAccount, 34)
                    .end("Othr")
                    .end("CdtAcct");
        }
        out.end(name);
    }

    /**
     * {@code <name>} as a FinancialItem1: ItmCntxt, CdtDbtInd, TtlAmt (TtlTaxblAmt, TtlTaxAmt,
     * TtlInvcAmt, PmtDueDt), DueAmt?, VldtnStsInf?.
     */
    public static void item(Utf8XmlWriter out, String name, FinancialItem item, int currency) {
        out.start(name);
        itemParameters(
                out,
                "ItmCntxt",
                item.identifier,
                item.issueDateEpochDay,
                item.buyerRef,
                item.sellerRef,
                currency,
                item.creditAccount);
        out.element("CdtDbtInd", item.credit ? "CRDT" : "DBIT");
        TsinElements.invoiceTotals(
                out, "TtlAmt", item.taxableAmountMinor, item.taxAmountMinor, item.dueDateEpochDay, currency);
        if (item.dueAmountMinor >= 0) {
            IsoElements.amount(out, "DueAmt", item.dueAmountMinor, currency);
        }
        validation(out, item.validationStatus, item.validationReason);
        out.end(name);
    }

    /** Every item of {@code items} as {@code <name>}; returns the sum of their invoice totals (the control sum). */
    public static long items(Utf8XmlWriter out, String name, BoundedItems<FinancialItem> items, int currency) {
        long sumMinor = 0;
        for (int i = 0; i < items.count(); i++) {
            FinancialItem item = items.get(i);
            item(out, name, item, currency);
            sumMinor = Math.addExact(sumMinor, item.totalAmountMinor());
        }
        return sumMinor;
    }

    /**
     * Closes a letter's one list and the letter: the list's ItmCnt, CtrlSum and VldtnStsInf?, then
     * after the list {@code <countElement>1</countElement>}, ItmCnt and CtrlSum again, then the
     * Document and envelope.
     */
    public static void endListAndLetter(
            Utf8XmlWriter out,
            String root,
            String list,
            String countElement,
            int itemCount,
            long sumMinor,
            int currency,
            String validationStatus,
            String validationReason) {
        countAndSum(out, itemCount, sumMinor, currency);
        validation(out, validationStatus, validationReason);
        out.end(list);
        out.element(countElement, 1);
        countAndSum(out, itemCount, sumMinor, currency);
        endLetter(out, root);
    }

    /** {@code <ItmCnt>count</ItmCnt><CtrlSum>sum</CtrlSum>}, the sum in the currency's minor units. */
    public static void countAndSum(Utf8XmlWriter out, int count, long sumMinor, int currency) {
        out.element("ItmCnt", count);
        IsoElements.decimal(out, "CtrlSum", sumMinor, currency);
    }
}
