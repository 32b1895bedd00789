package io.kapok.codecs.xml;

/**
 * Events written as text for the scanner tests to compare: {@code <{ns}local {ns}attr=value>},
 * {@code </{ns}local>}; the same form for the scanner and for Woodstox.
 */
final class ScannerEvents {
    private ScannerEvents() {}

    /** The start tag the scanner is at. */
    static String startTag(Utf8XmlScanner s) {
        StringBuilder tag = open(s.namespaceUri(), s.localName());
        for (int i = 0; i < s.attributeCount(); i++) {
            attribute(tag, s.attributeNamespace(i), s.attributeLocalName(i))
                    .append(s.attributeValueChars(), s.attributeValueStart(i), s.attributeValueLength(i));
        }
        return tag.append('>').toString();
    }

    /** {@code <{ns}local}: attributes may follow, then {@code >}. */
    static StringBuilder open(String namespace, String local) {
        return new StringBuilder("<{").append(namespace).append('}').append(local);
    }

    /** {@code  {ns}local=}: the value follows. */
    static StringBuilder attribute(StringBuilder tag, String namespace, String local) {
        return tag.append(" {").append(namespace).append('}').append(local).append('=');
    }

    static String endTag(String namespace, String local) {
        return "</{" + namespace + "}" + local + ">";
    }
}
