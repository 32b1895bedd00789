package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * The layout tsin.009, tsin.010, tsin.011 and tsin.012 share:
 *
 * <pre>
 * Document/{root}
 * ├─ Hdr (BusinessLetter1)
 * ├─ {list}: Idr, Dt, AgrmtRqstr, AgrmtRspndr, GrntApplcnt, GrntNbfcry, GrntIssr,
 * │  Itm+ (ItmCntxt, ItmActn?, VldtnStsInf?, Ratg, ReopIndctn, Grnt? (Issr?, GrntedAmt/Amt)), ItmCnt, CtrlSum,
 * │  VldtnStsInf?
 * └─ {count} (= 1), ItmCnt, CtrlSum
 * </pre>
 *
 * Stateless.
 */
final class PartyRegistrationWriter {
    private PartyRegistrationWriter() {}

    static void write(
            Utf8XmlWriter out,
            PartyRegistration registration,
            MessageType type,
            String root,
            String list,
            String count) {
        int itemCount = registration.items.count();
        TradeLetterWriter.startLetterAndList(out, registration.letter, type, root, list, itemCount);
        out.element("Idr", registration.listId, IsoElements.MAX_35);
        IsoElements.date(out, "Dt", registration.dateEpochDay);
        out.element("AgrmtRqstr", registration.requesterRef, IsoElements.MAX_35);
        out.element("AgrmtRspndr", registration.responderRef, IsoElements.MAX_35);
        out.element("GrntApplcnt", registration.applicantRef, IsoElements.MAX_35);
        out.element("GrntNbfcry", registration.beneficiaryRef, IsoElements.MAX_35);
        out.element("GrntIssr", registration.issuerRef, IsoElements.MAX_35);
        long sumMinor = 0;
        for (int i = 0; i < itemCount; i++) {
            PartyRegistration.Item item = registration.items.get(i);
            writeItem(out, item, registration.currency);
            if (item.guaranteedAmountMinor >= 0) {
                sumMinor = Math.addExact(sumMinor, item.guaranteedAmountMinor);
            }
        }
        TradeLetterWriter.endListAndLetter(
                out,
                root,
                list,
                count,
                itemCount,
                sumMinor,
                registration.currency,
                registration.validationStatus,
                registration.validationReason);
    }

    private static void writeItem(Utf8XmlWriter out, PartyRegistration.Item item, int currency) {
        out.start("Itm");
        TradeLetterWriter.itemParameters(
                out, "ItmCntxt", item.identifier, item.issueDateEpochDay, item.buyerRef, item.sellerRef, currency, "");
        if (item.action != null) {
            out.element("ItmActn", item.action);
        }
        TradeLetterWriter.validation(out, item.validationStatus, item.validationReason);
        // Optional in the schema, but written explicitly: readers that model them as plain booleans
        // (Prowide does) write them back, and false is what their absence means.
        out.element("Ratg", "false").element("ReopIndctn", "false");
        if (item.guaranteedAmountMinor >= 0) {
            out.start("Grnt");
            TradeLetterWriter.reference(out, "Issr", item.guarantorRef);
            out.start("GrntedAmt");
            IsoElements.amount(out, "Amt", item.guaranteedAmountMinor, currency);
            out.end("GrntedAmt");
            out.end("Grnt");
        }
        out.end("Itm");
    }
}
