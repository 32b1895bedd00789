package io.kapok.codecs.admi;

import io.kapok.codecs.iso.IsoDateTimes;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes an admi.002.001.01 MessageReject: the answer to a body that cannot be read as an ISO
 * 20022 message Kapok accepts (not XML, wrong namespace, over a limit), or that the gateway cannot
 * take right now. The Document stands alone, without a Business Application Header, because the
 * sender of an unreadable message is not known.
 *
 * <pre>
 * Document (admi.002.001.01)/admi.002.001.01
 * ├─ RltdRef/Ref            the rejected message's MsgId when known, else "NONREF"
 * └─ Rsn: RjctgPtyRsn (ISO reason code), RjctnDtTm, ErrLctn?, RsnDesc
 * </pre>
 *
 * Not thread-safe: one encoder per thread.
 */
public final class Admi002Encoder {
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:admi.002.001.01";
    private static final int MAX_35 = 35;
    private static final int MAX_350 = 350;

    /**
     * @param relatedReference MsgId of the rejected message, or null when it could not be read
     * @param reasonCode       ISO reason code, e.g. FF01
     * @param errorLocation    element path, or null
     * @param description      what is wrong, in one sentence
     */
    public void encode(
            CharSequence relatedReference,
            String reasonCode,
            CharSequence errorLocation,
            CharSequence description,
            long rejectionTimeMs,
            Utf8XmlWriter out) {
        out.reset().declaration();
        out.open("Document").attribute("xmlns", NAMESPACE).endStart();
        out.start("admi.002.001.01");
        out.start("RltdRef");
        out.element(
                "Ref",
                clip(relatedReference == null || relatedReference.length() == 0 ? "NONREF" : relatedReference, MAX_35));
        out.end("RltdRef");
        out.start("Rsn");
        out.element("RjctgPtyRsn", reasonCode);
        out.start("RjctnDtTm");
        IsoDateTimes.writeDateTime(out, rejectionTimeMs);
        out.end("RjctnDtTm");
        if (errorLocation != null && errorLocation.length() > 0) {
            out.element("ErrLctn", clip(errorLocation, MAX_350));
        }
        out.element("RsnDesc", clip(description, MAX_350));
        out.end("Rsn");
        out.end("admi.002.001.01");
        out.end("Document");
    }

    private static CharSequence clip(CharSequence s, int max) {
        return s.length() <= max ? s : s.subSequence(0, max);
    }
}
