package io.kapok.codecs;

import io.kapok.codecs.admi.Admi002Schema;
import io.kapok.codecs.camt.Camt029Schema;
import io.kapok.codecs.camt.Camt053Schema;
import io.kapok.codecs.camt.Camt054Schema;
import io.kapok.codecs.camt.Camt056Schema;
import io.kapok.codecs.pacs.Pacs002Schema;
import io.kapok.codecs.pacs.Pacs004Schema;
import io.kapok.codecs.pacs.Pacs008Schema;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin002Schema;
import io.kapok.codecs.tsin.Tsin003Schema;
import io.kapok.codecs.tsin.Tsin004Schema;
import io.kapok.codecs.tsin.Tsin006Schema;
import io.kapok.codecs.tsin.Tsin007Schema;
import io.kapok.codecs.tsin.Tsin008Schema;
import io.kapok.codecs.tsin.Tsin009Schema;
import io.kapok.codecs.tsin.Tsin010Schema;
import io.kapok.codecs.tsin.Tsin011Schema;
import io.kapok.codecs.tsin.Tsin012Schema;
import io.kapok.codecs.tsin.Tsin013Schema;
import io.kapok.codecs.tsmt.Tsmt053Schema;
import io.kapok.codecs.tsmt.Tsmt054Schema;
import io.kapok.codecs.xml.XmlLimits;
import java.util.List;

/**
 * The decoding schemas of Kapok's message map, and the one decoder that reads any of them: it
 * tells the message type from the Document namespace, and refuses a namespace outside the map
 * with {@link RejectCode#UNSUPPORTED_MESSAGE} (an admi.002) naming it. Immutable; the decoders it
 * makes are not thread-safe (one per thread).
 */
public final class MessageMap {
    /** Every message Kapok decodes, one schema per {@link MessageType} that has one. */
    public static final List<MessageSchema> SCHEMAS = List.of(
            Pacs008Schema.SCHEMA,
            Pacs002Schema.SCHEMA,
            Pacs004Schema.SCHEMA,
            Camt056Schema.SCHEMA,
            Camt029Schema.SCHEMA,
            Camt053Schema.SCHEMA,
            Camt054Schema.SCHEMA,
            Admi002Schema.SCHEMA,
            Tsin001Schema.SCHEMA,
            Tsin002Schema.SCHEMA,
            Tsin003Schema.SCHEMA,
            Tsin004Schema.SCHEMA,
            Tsin006Schema.SCHEMA,
            Tsin007Schema.SCHEMA,
            Tsin008Schema.SCHEMA,
            Tsin009Schema.SCHEMA,
            Tsin010Schema.SCHEMA,
            Tsin011Schema.SCHEMA,
            Tsin012Schema.SCHEMA,
            Tsin013Schema.SCHEMA,
            Tsmt053Schema.SCHEMA,
            Tsmt054Schema.SCHEMA);

    private MessageMap() {}

    /** A decoder for every message of the map, within {@code limits}. */
    public static Iso20022Decoder newDecoder(XmlLimits limits) {
        return new Iso20022Decoder(limits, SCHEMAS.toArray(new MessageSchema[0]));
    }

    /** The schema of {@code type}, or null when Kapok does not decode it. */
    public static MessageSchema schemaOf(MessageType type) {
        for (MessageSchema schema : SCHEMAS) {
            if (schema.type() == type) {
                return schema;
            }
        }
        return null;
    }
}
