package io.kapok.codecs.stream;

import io.kapok.codecs.xml.TextBuffer;
import java.util.Arrays;

/**
 * The reused slots of one {@link RepeatedGroup}'s items in a {@link MessageView}, flattened: item
 * {@code i}, field {@code f} at {@code i * width + f}. They grow to the most items seen and are
 * overwritten by each decode. Owned by one thread at a time.
 */
final class ItemSlots {
    TextBuffer[] text = new TextBuffer[0];
    TextBuffer[] currencyText = new TextBuffer[0];
    long[] amountMinor = new long[0];
    int[] currency = new int[0];
    /** Fields per item: the group's field count, 0 when the schema has no such group. */
    int width;
    /** Items begun so far. */
    int count;

    /** Forgets every item, for a group of {@code width} fields. */
    void reset(int width) {
        this.width = width;
        count = 0;
    }

    /** Clears the slots of item {@code item} (0-based) before it is read, growing them the first time. */
    void begin(int item) {
        int end = (item + 1) * width;
        if (text.length < end) {
            grow(Math.max(end, text.length * 2));
        }
        for (int i = item * width; i < end; i++) {
            text[i].clear();
            currencyText[i].clear();
            amountMinor[i] = 0;
            currency[i] = 0;
        }
        count = Math.max(count, item + 1);
    }

    private void grow(int slots) {
        int old = text.length;
        text = Arrays.copyOf(text, slots);
        currencyText = Arrays.copyOf(currencyText, slots);
        amountMinor = Arrays.copyOf(amountMinor, slots);
        currency = Arrays.copyOf(currency, slots);
        for (int i = old; i < slots; i++) {
            text[i] = new TextBuffer(16);
            currencyText[i] = new TextBuffer(4);
        }
    }

    /** Copies {@code items} items of {@code other} (no allocation once these slots have grown). */
    void copyFrom(ItemSlots other, int items) {
        width = other.width;
        count = 0;
        for (int item = 0; item < items; item++) {
            begin(item);
        }
        for (int i = 0, slots = items * width; i < slots; i++) {
            text[i].copyFrom(other.text[i]);
            currencyText[i].copyFrom(other.currencyText[i]);
            amountMinor[i] = other.amountMinor[i];
            currency[i] = other.currency[i];
        }
        count = other.count;
    }

    /** The flat index of field {@code field} of item {@code item}, checked against {@code items}. */
    int slot(int item, int field, int items) {
        if (item < 0 || item >= items || field < 0 || field >= width) {
            throw new IndexOutOfBoundsException("item " + item + " field " + field + " of " + items + " items");
        }
        return item * width + field;
    }
}
