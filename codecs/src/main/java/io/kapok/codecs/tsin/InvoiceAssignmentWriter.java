package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * The layout tsin.006, tsin.007, tsin.008 and tsin.013 share:
 *
 * <pre>
 * Document/{root}
 * ├─ Hdr (BusinessLetter1)
 * ├─ {list}: Idr, IsseDt, Assgne, Assgnr, NtfctnInf? (NtifngPty, NtfctnRcvr), FinItm*, ItmCnt, CtrlSum,
 * │  VldtnStsInf?
 * └─ {count} (= 1), ItmCnt, CtrlSum
 * </pre>
 *
 * Stateless.
 */
final class InvoiceAssignmentWriter {
    private InvoiceAssignmentWriter() {}

    static void write(
            Utf8XmlWriter out, InvoiceAssignment assignment, MessageType type, String root, String list, String count) {
        TradeLetterWriter.startLetterAndList(out, assignment.letter, type, root, list, assignment.items.count());
        out.element("Idr", assignment.listId, IsoElements.MAX_35);
        IsoElements.date(out, "IsseDt", assignment.issueDateEpochDay);
        out.element("Assgne", assignment.assigneeRef, IsoElements.MAX_35);
        out.element("Assgnr", assignment.assignorRef, IsoElements.MAX_35);
        if (assignment.notifyingPartyRef.length() > 0 && assignment.notificationReceiverRef.length() > 0) {
            out.start("NtfctnInf");
            out.element("NtifngPty", assignment.notifyingPartyRef, IsoElements.MAX_35);
            out.element("NtfctnRcvr", assignment.notificationReceiverRef, IsoElements.MAX_35);
            out.end("NtfctnInf");
        }
        long sumMinor = TradeLetterWriter.items(out, "FinItm", assignment.items, assignment.currency);
        TradeLetterWriter.endListAndLetter(
                out,
                root,
                list,
                count,
                assignment.items.count(),
                sumMinor,
                assignment.currency,
                assignment.validationStatus,
                assignment.validationReason);
    }
}
