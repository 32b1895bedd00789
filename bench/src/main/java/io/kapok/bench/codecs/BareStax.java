package io.kapok.bench.codecs;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * The ceiling the decode benchmarks measure Kapok against: the same hardened Woodstox factory
 * reads every event of the message and keeps nothing. Stateless.
 */
final class BareStax {
    private BareStax() {}

    /** Every StAX event of {@code bytes}, with each text's length; returns a checksum so nothing is dead code. */
    static int pass(XMLInputFactory2 factory, byte[] bytes) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(new Stax2ByteArraySource(bytes, 0, bytes.length));
        int checksum = 0;
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                checksum += event;
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) {
                    checksum += reader.getTextLength();
                }
            }
        } finally {
            reader.close();
        }
        return checksum;
    }
}
