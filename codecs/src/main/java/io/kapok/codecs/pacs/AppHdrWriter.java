package io.kapok.codecs.pacs;

import io.kapok.codecs.iso.IsoDateTimes;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a head.001.001.02 Business Application Header whose parties are financial institutions
 * identified by BICFI. Shared by the encoders; stateless.
 */
public final class AppHdrWriter {
    /** The CBPR+ business service Kapok's answers declare (AppHdr/BizSvc, mandatory in CBPR+). */
    public static final String CBPR_BUSINESS_SERVICE = "swift.cbprplus.02";

    private AppHdrWriter() {}

    public static void write(
            Utf8XmlWriter out,
            CharSequence fromBic,
            CharSequence toBic,
            CharSequence businessMessageId,
            String messageDefinition,
            long creationTimeMs) {
        out.open("AppHdr").attribute("xmlns", Pacs008Decoder.HEAD_001_NAMESPACE).endStart();
        out.start("Fr")
                .start("FIId")
                .start("FinInstnId")
                .element("BICFI", fromBic)
                .end("FinInstnId")
                .end("FIId")
                .end("Fr");
        out.start("To")
                .start("FIId")
                .start("FinInstnId")
                .element("BICFI", toBic)
                .end("FinInstnId")
                .end("FIId")
                .end("To");
        out.element("BizMsgIdr", businessMessageId);
        out.element("MsgDefIdr", messageDefinition);
        out.element("BizSvc", CBPR_BUSINESS_SERVICE);
        out.start("CreDt");
        IsoDateTimes.writeDateTime(out, creationTimeMs);
        out.end("CreDt");
        out.end("AppHdr");
    }
}
