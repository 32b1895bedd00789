package io.kapok.codecs.xml;

import com.ctc.wstx.exc.WstxLazyException;
import io.kapok.codecs.RejectCode;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * The way in for a message that is not UTF-8 (UTF-16 with its byte order mark, or an XML
 * declaration naming ISO-8859-1 or another encoding), which {@link Utf8XmlScanner} does not read:
 * the hardened Woodstox reader ({@link HardenedXmlInputFactory}, same {@link XmlLimits}) reads it
 * and the same elements, namespace declarations, attributes and text are written back as UTF-8,
 * without declaration, comments or processing instructions, for the scanner to read like any
 * other message.
 *
 * <p>Such messages are rare; this path allocates per message. A message Woodstox refuses gets
 * {@link RejectCode#MALFORMED_XML} or {@link RejectCode#XML_LIMIT_EXCEEDED}, a DTD or an entity
 * reference {@link RejectCode#FORBIDDEN_XML_CONSTRUCT}, with Woodstox's explanation. Not
 * thread-safe: one per thread, like the scanner it feeds.
 */
public final class Utf8Transcoder {
    private static final int FAILURE_MESSAGE_LENGTH_MAX = 300;

    private final XMLInputFactory2 factory;
    private final Utf8XmlWriter out = new Utf8XmlWriter(1_024);

    private RejectCode failureCode;
    private String failureMessage;

    /** @param limits the limits Woodstox enforces while reading */
    public Utf8Transcoder(XmlLimits limits) {
        this.factory = HardenedXmlInputFactory.create(limits);
    }

    /**
     * Reads {@code length} bytes at {@code offset} in whatever encoding they signal or declare and
     * writes them as UTF-8 into {@link #buffer()}.
     *
     * @return true when done; false when the message is refused ({@link #failureCode()}, {@link
     *     #failureMessage()})
     */
    public boolean transcode(byte[] bytes, int offset, int length) {
        out.reset();
        failureCode = null;
        failureMessage = null;
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new Stax2ByteArraySource(bytes, offset, length));
            return copy(reader);
        } catch (XMLStreamException | WstxLazyException e) {
            String message = String.valueOf(e.getMessage())
                    .replace(" {unknown-source}", "")
                    .replace('\n', ' ');
            failureCode = message.contains("limit") || message.contains("Maximum")
                    ? RejectCode.XML_LIMIT_EXCEEDED
                    : RejectCode.MALFORMED_XML;
            failureMessage = message.length() > FAILURE_MESSAGE_LENGTH_MAX
                    ? message.substring(0, FAILURE_MESSAGE_LENGTH_MAX)
                    : message;
            return false;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // a reader over a byte array holds nothing that can leak
                }
            }
        }
    }

    /** The message as UTF-8 after a successful {@link #transcode}; valid up to {@link #length()}. */
    public byte[] buffer() {
        return out.buffer();
    }

    /** Bytes of the UTF-8 message in {@link #buffer()}. */
    public int length() {
        return out.length();
    }

    /** Why the last {@link #transcode} failed, or null. */
    public RejectCode failureCode() {
        return failureCode;
    }

    /** Woodstox's explanation of the last failure, or null. */
    public String failureMessage() {
        return failureMessage;
    }

    private boolean copy(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> writeStartTag(r);
                case XMLStreamConstants.END_ELEMENT -> {
                    out.raw('<').raw('/');
                    writeName(r.getPrefix(), r.getLocalName());
                    out.raw('>');
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    String text = r.getText();
                    out.text(text, 0, text.length());
                }
                case XMLStreamConstants.DTD,
                        XMLStreamConstants.ENTITY_REFERENCE,
                        XMLStreamConstants.ENTITY_DECLARATION -> {
                    failureCode = RejectCode.FORBIDDEN_XML_CONSTRUCT;
                    failureMessage = "DTDs and entity references are not allowed in ISO 20022 messages";
                    return false;
                }
                default -> {
                    // comments, processing instructions, document start and end carry nothing the
                    // decoders read
                }
            }
        }
        return true;
    }

    private void writeStartTag(XMLStreamReader r) {
        out.raw('<');
        writeName(r.getPrefix(), r.getLocalName());
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String prefix = r.getNamespacePrefix(i);
            String uri = r.getNamespaceURI(i);
            out.raw(' ');
            writeName(
                    prefix == null || prefix.isEmpty() ? null : "xmlns",
                    prefix == null || prefix.isEmpty() ? "xmlns" : prefix);
            writeValue(uri == null ? "" : uri);
        }
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            out.raw(' ');
            writeName(r.getAttributePrefix(i), r.getAttributeLocalName(i));
            writeValue(r.getAttributeValue(i));
        }
        out.raw('>');
    }

    /** A name as written: its characters never need escaping, so the text encoder writes them as UTF-8. */
    private void writeName(String prefix, String local) {
        if (prefix != null && !prefix.isEmpty()) {
            out.text(prefix).raw(':');
        }
        out.text(local);
    }

    private void writeValue(String value) {
        out.raw('=').raw('"');
        out.text(value);
        out.raw('"');
    }
}
