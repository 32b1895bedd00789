package io.kapok.codecs.pacs;

import io.kapok.codecs.iso.IsoDateTimes;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a pacs.002.001.10 FIToFIPaymentStatusReport, with its head.001.001.02 Business
 * Application Header, both in one {@code <Envelope>} element:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr (head.001.001.02): Fr, To, BizMsgIdr = MsgId, MsgDefIdr = pacs.002.001.10, CreDt
 * └─ Document (pacs.002.001.10)/FIToFIPmtStsRpt
 *    ├─ GrpHdr: MsgId, CreDtTm
 *    ├─ OrgnlGrpInfAndSts: OrgnlMsgId, OrgnlMsgNmId
 *    └─ TxInfAndSts: OrgnlInstrId?, OrgnlEndToEndId, OrgnlTxId?, OrgnlUETR, TxSts,
 *       StsRsnInf (Rsn/Cd, AddtlInf*)?
 * </pre>
 *
 * The output depends only on the {@link Pacs002Status} given, so the same status always yields
 * the same bytes (a retry gets the original answer). Not thread-safe: one encoder per thread.
 */
public final class Pacs002Encoder {
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10";
    public static final String MESSAGE_DEFINITION = "pacs.002.001.10";
    private static final int ADDITIONAL_INFO_LENGTH_MAX = 105;
    private static final int ADDITIONAL_INFO_COUNT_MAX = 4;

    /** Encodes {@code status} into {@code out} (which is reset first). */
    public void encode(Pacs002Status status, Utf8XmlWriter out) {
        out.reset().declaration();
        boolean withHeader = status.toBic.isPresent() && status.toBic.length() > 0;
        if (withHeader) {
            out.start("Envelope");
            AppHdrWriter.write(
                    out, status.fromBic, status.toBic, status.messageId, MESSAGE_DEFINITION, status.creationTimeMs);
        }
        out.open("Document").attribute("xmlns", NAMESPACE).endStart();
        out.start("FIToFIPmtStsRpt");

        out.start("GrpHdr");
        out.element("MsgId", status.messageId);
        out.start("CreDtTm");
        IsoDateTimes.writeDateTime(out, status.creationTimeMs);
        out.end("CreDtTm");
        out.end("GrpHdr");

        out.start("OrgnlGrpInfAndSts");
        out.element("OrgnlMsgId", max35(status.originalMessageId));
        out.element("OrgnlMsgNmId", status.originalMessageNameId);
        out.end("OrgnlGrpInfAndSts");

        out.start("TxInfAndSts");
        if (status.originalInstructionId.isPresent()) {
            out.element("OrgnlInstrId", max35(status.originalInstructionId));
        }
        if (status.originalEndToEndId.isPresent()) {
            out.element("OrgnlEndToEndId", max35(status.originalEndToEndId));
        }
        if (status.originalTransactionId.isPresent()) {
            out.element("OrgnlTxId", max35(status.originalTransactionId));
        }
        // An answer to an invalid message must still be a valid pacs.002: echo what fits the schema.
        if (status.originalUetr.isPresent() && IsoIdentifiers.isUuidV4(status.originalUetr)) {
            out.element("OrgnlUETR", status.originalUetr);
        }
        out.element("TxSts", status.transactionStatus);
        if (status.reasonCode != null) {
            out.start("StsRsnInf");
            out.start("Rsn").element("Cd", status.reasonCode).end("Rsn");
            writeAdditionalInfo(out, status.additionalInfo);
            out.end("StsRsnInf");
        }
        out.end("TxInfAndSts");

        out.end("FIToFIPmtStsRpt");
        out.end("Document");
        if (withHeader) {
            out.end("Envelope");
        }
    }

    private static CharSequence max35(CharSequence s) {
        return s.length() <= 35 ? s : s.subSequence(0, 35);
    }

    private static void writeAdditionalInfo(Utf8XmlWriter out, CharSequence info) {
        int n = info.length();
        for (int start = 0, count = 0; start < n && count < ADDITIONAL_INFO_COUNT_MAX; count++) {
            int end = Math.min(n, start + ADDITIONAL_INFO_LENGTH_MAX);
            out.element("AddtlInf", info.subSequence(start, end));
            start = end;
        }
    }
}
