package io.kapok.codecs.xml;

/**
 * Bounds on what the XML parser will read from one message. Each limit, when hit, makes the
 * message fail with a reject that names the limit; none of them is ever silently truncated.
 *
 * @param depthMax          deepest element nesting accepted (ISO 20022 messages need about 12)
 * @param elementCountMax   elements per message
 * @param attributeCountMax attributes per element
 * @param textLengthMax     characters in one text node or attribute value
 */
public record XmlLimits(int depthMax, int elementCountMax, int attributeCountMax, int textLengthMax) {
    /** Defaults sized for one CBPR+ payment or tsin request with room to spare. */
    public static final XmlLimits DEFAULTS = new XmlLimits(32, 10_000, 16, 20_000);

    public XmlLimits {
        requirePositive("depthMax", depthMax);
        requirePositive("elementCountMax", elementCountMax);
        requirePositive("attributeCountMax", attributeCountMax);
        requirePositive("textLengthMax", textLengthMax);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
