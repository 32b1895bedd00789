package io.kapok.codecs.pacs;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoDateTimes;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a head.001.001.02 Business Application Header, and the envelope that carries it with its
 * Document. A party is a financial institution ({@code FIId/FinInstnId/BICFI}) or an organisation
 * ({@code OrgId/Id/OrgId/Othr/Id} with {@code SchmeNm/Prtry} = USCC, or {@code OrgId/Id/OrgId/LEI}).
 * Shared by the encoders; stateless.
 *
 * <pre>
 * Envelope
 * ├─ AppHdr (head.001.001.02): Fr, To, BizMsgIdr, MsgDefIdr, BizSvc?, CreDt
 * └─ Document (the message's namespace)
 * </pre>
 */
public final class AppHdrWriter {
    /** The CBPR+ business service Kapok's answers declare (AppHdr/BizSvc, mandatory in CBPR+). */
    public static final String CBPR_BUSINESS_SERVICE = "swift.cbprplus.02";

    private AppHdrWriter() {}

    /** A header between two banks, both identified by BIC, for the CBPR+ business service. */
    public static void write(
            Utf8XmlWriter out,
            CharSequence fromBic,
            CharSequence toBic,
            CharSequence businessMessageId,
            String messageDefinition,
            long creationTimeMs) {
        out.open("AppHdr").attribute("xmlns", Pacs008Decoder.HEAD_001_NAMESPACE).endStart();
        out.start("Fr");
        IsoElements.agent(out, "FIId", fromBic);
        out.end("Fr");
        out.start("To");
        IsoElements.agent(out, "FIId", toBic);
        out.end("To");
        writeRest(out, businessMessageId, messageDefinition, CBPR_BUSINESS_SERVICE, creationTimeMs);
    }

    /**
     * A header whose parties may be banks or organisations.
     *
     * @param businessService BAH {@code BizSvc}, or null to leave it out
     */
    public static void write(
            Utf8XmlWriter out,
            PartyIdentity from,
            PartyIdentity to,
            CharSequence businessMessageId,
            String messageDefinition,
            String businessService,
            long creationTimeMs) {
        out.open("AppHdr").attribute("xmlns", Pacs008Decoder.HEAD_001_NAMESPACE).endStart();
        IsoElements.partyChoice(out, "Fr", "FIId", "OrgId", from);
        IsoElements.partyChoice(out, "To", "FIId", "OrgId", to);
        writeRest(out, businessMessageId, messageDefinition, businessService, creationTimeMs);
    }

    private static void writeRest(
            Utf8XmlWriter out,
            CharSequence businessMessageId,
            String messageDefinition,
            String businessService,
            long creationTimeMs) {
        out.element("BizMsgIdr", businessMessageId, IsoElements.MAX_35);
        out.element("MsgDefIdr", messageDefinition);
        if (businessService != null) {
            out.element("BizSvc", businessService);
        }
        out.start("CreDt");
        IsoDateTimes.writeDateTime(out, creationTimeMs);
        out.end("CreDt");
        out.end("AppHdr");
    }

    /**
     * Resets {@code out} and writes the XML declaration, {@code <Envelope>}, the AppHdr of
     * {@code header} for {@code type}, and the start of {@code <Document>} in the type's namespace.
     * The encoder then writes the Document's content and calls {@link #endMessage}.
     *
     * @param businessService BAH {@code BizSvc}, or null to leave it out
     */
    public static void startMessage(Utf8XmlWriter out, MessageHeader header, MessageType type, String businessService) {
        out.reset().declaration();
        out.start("Envelope");
        write(
                out,
                header.from,
                header.to,
                header.messageId,
                type.messageDefinition(),
                businessService,
                header.creationTimeMs);
        out.open("Document").attribute("xmlns", type.namespace()).endStart();
    }

    /** {@code </Document></Envelope>} */
    public static void endMessage(Utf8XmlWriter out) {
        out.end("Document").end("Envelope");
    }
}
