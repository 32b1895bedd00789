package io.kapok.codecs.xml;

/**
 * Bounds on what the XML parser and the decoder will read from one message. Each limit, when hit,
 * makes the message fail with a reject that names the limit; none of them is ever silently
 * truncated.
 *
 * <p>The item limit and the element budget are kept consistent: every item of a list (an invoice
 * of a tsin.001, an entry of a camt.053...) is given {@value #ELEMENTS_PER_ITEM} elements of the
 * budget, so {@code elementCountMax} must be at least {@code itemsMax × }{@value
 * #ELEMENTS_PER_ITEM} (one item is always allowed). Then a list one item too long is refused as such ({@code ITEM_LIMIT}, with
 * the path of the item) rather than by the element count (an XML limit), as long as its items are
 * of ordinary size (a tsin.001 invoice as Prowide writes it has about 30 elements).
 *
 * <p>Defaults ({@link #DEFAULTS}): depth 32, 50,000 elements, 16 attributes per element, 20,000
 * characters per text, 1,000 items per list (1,000 × 40 = 40,000 elements, the rest for the
 * message around the list).
 *
 * @param depthMax          deepest element nesting accepted (ISO 20022 messages need about 12)
 * @param elementCountMax   elements per message
 * @param attributeCountMax attributes per element
 * @param textLengthMax     characters in one text node or attribute value
 * @param itemsMax          items per repeated list of a message (each list's schema may allow
 *                          fewer); one more is refused with {@code ITEM_LIMIT}
 */
public record XmlLimits(int depthMax, int elementCountMax, int attributeCountMax, int textLengthMax, int itemsMax) {
    /** Elements of the budget that each item of a list is given. */
    public static final int ELEMENTS_PER_ITEM = 40;

    /** The item limit when none is configured (further bounded by the element budget). */
    public static final int ITEMS_MAX_DEFAULT = 1_000;

    /** Defaults sized for one CBPR+ payment or a tsin request of 1,000 invoices. */
    public static final XmlLimits DEFAULTS = new XmlLimits(32, 50_000, 16, 20_000, ITEMS_MAX_DEFAULT);

    public XmlLimits {
        requirePositive("depthMax", depthMax);
        requirePositive("elementCountMax", elementCountMax);
        requirePositive("attributeCountMax", attributeCountMax);
        requirePositive("textLengthMax", textLengthMax);
        requirePositive("itemsMax", itemsMax);
        if (itemsMax > 1 && (long) itemsMax * ELEMENTS_PER_ITEM > elementCountMax) {
            throw new IllegalArgumentException("itemsMax " + itemsMax + " needs elementCountMax of at least "
                    + (long) itemsMax * ELEMENTS_PER_ITEM + " (" + ELEMENTS_PER_ITEM + " elements per item), was "
                    + elementCountMax);
        }
    }

    /**
     * Limits without an item limit of their own: {@value #ITEMS_MAX_DEFAULT} items, or as many as
     * the element budget holds at {@value #ELEMENTS_PER_ITEM} elements each when that is fewer
     * (e.g. 250 with 10,000 elements).
     */
    public XmlLimits(int depthMax, int elementCountMax, int attributeCountMax, int textLengthMax) {
        this(
                depthMax,
                elementCountMax,
                attributeCountMax,
                textLengthMax,
                Math.max(1, Math.min(ITEMS_MAX_DEFAULT, elementCountMax / ELEMENTS_PER_ITEM)));
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
