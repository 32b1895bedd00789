package io.kapok.codecs.iso;

import java.util.function.Supplier;

/**
 * A fixed number of reusable items of a repeated element (statement entries, invoices of a
 * request): all are created up front, {@link #add()} hands out the next one, {@link #clear()} makes
 * them all available again, so filling a message allocates nothing. Owned by one thread at a time.
 *
 * @param <T> the mutable value type of one item
 */
public final class BoundedItems<T> {
    private final Object[] items;
    private final String what;
    private int count;

    /**
     * @param what     the repeated element, for the message when the limit is hit
     * @param countMax how many items a message may carry
     * @param factory  creates each reusable item once
     */
    public BoundedItems(String what, int countMax, Supplier<T> factory) {
        if (countMax < 1) {
            throw new IllegalArgumentException(what + " limit must be at least 1, was " + countMax);
        }
        this.what = what;
        items = new Object[countMax];
        for (int i = 0; i < countMax; i++) {
            items[i] = factory.get();
        }
    }

    /**
     * The next item, not cleared: the caller sets every field it writes.
     *
     * @throws IllegalStateException when the message already holds {@link #countMax()} items; the
     *     caller checks {@link #isFull()} first (an inbound message over a limit is refused earlier)
     */
    public T add() {
        if (count == items.length) {
            throw new IllegalStateException(what + " limit reached: at most " + items.length + " per message");
        }
        return get(count++);
    }

    /** Item {@code index}, 0 to {@link #count()} - 1. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index >= count) {
            throw new IndexOutOfBoundsException(what + " " + index + " of " + count);
        }
        return (T) items[index];
    }

    public int count() {
        return count;
    }

    public int countMax() {
        return items.length;
    }

    public boolean isFull() {
        return count == items.length;
    }

    /** Forgets every item (their contents stay until overwritten). */
    public void clear() {
        count = 0;
    }
}
