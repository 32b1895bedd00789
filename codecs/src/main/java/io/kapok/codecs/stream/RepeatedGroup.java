package io.kapok.codecs.stream;

import java.util.List;

/**
 * An element that repeats in a message and whose every occurrence {@link Iso20022Decoder} keeps,
 * each with its own fields (e.g. the invoice items of a tsin.001 request), up to {@code itemsMax}
 * occurrences, or the decoder's configured {@link io.kapok.codecs.xml.XmlLimits#itemsMax()} when that
 * is lower; one more is refused with {@link io.kapok.codecs.RejectCode#ITEM_LIMIT}.
 *
 * @param path     element names from the Document's message element down to the repeated element,
 *                 e.g. {@code {"InvcReqInf"}}
 * @param name     what one item is, for reject texts (e.g. "invoice request")
 * @param fields   the fields of one item, as paths below the repeated element
 * @param itemsMax the most items a message may carry by this schema (at least 1)
 */
public record RepeatedGroup(String[] path, String name, List<FieldSpec> fields, int itemsMax) {
    public RepeatedGroup {
        if (path.length == 0) {
            throw new IllegalArgumentException("a repeated group needs a path");
        }
        if (itemsMax < 1) {
            throw new IllegalArgumentException("itemsMax must be at least 1, was " + itemsMax);
        }
        String[] interned = new String[path.length];
        for (int i = 0; i < path.length; i++) {
            interned[i] = path[i].intern();
        }
        path = interned;
        fields = List.copyOf(fields);
    }

    /** The item's path as XPath-like text, 1-based as XPath counts: {@code /Document/Root/Item[3]}. */
    public String itemPathText(String root, int item) {
        return "/Document/" + root + "/" + String.join("/", path) + "[" + (item + 1) + "]";
    }
}
