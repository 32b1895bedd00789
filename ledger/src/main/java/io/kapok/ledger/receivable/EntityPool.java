package io.kapok.ledger.receivable;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Entities made ahead of need and handed out in creation order, so that creating one on the hot
 * path fills in an existing object instead of allocating. The slot at handle {@code h} is the
 * {@code h}-th entity created; when every slot is in use the pool doubles, making the new half's
 * objects at once (the only time it allocates). Seen from outside the package it is a read-only,
 * live collection of the entities in use, in creation order. Owned by the ledger thread.
 *
 * @param <T> the pooled entity
 */
final class EntityPool<T> extends AbstractCollection<T> {
    private final IntFunction<T> factory;
    private Object[] slots;
    private int count;

    /**
     * @param capacity entities held before the first growth, &gt; 0
     * @param factory  makes the empty entity for a handle
     */
    EntityPool(int capacity, IntFunction<T> factory) {
        if (capacity < 1) {
            throw new IllegalArgumentException("pool capacity must be positive: " + capacity);
        }
        this.factory = factory;
        this.slots = new Object[capacity];
        fill(0);
    }

    /** The next unused entity (its handle is the count before the call), to be filled in by the caller. */
    T claim() {
        if (count == slots.length) {
            slots = Arrays.copyOf(slots, Math.multiplyExact(count, 2));
            fill(count);
        }
        return get(count++);
    }

    /** The entity with this handle; the caller keeps handles below {@link #size()}. */
    @SuppressWarnings("unchecked")
    T get(int handle) {
        return (T) slots[handle];
    }

    /** Entities in use. */
    @Override
    public int size() {
        return count;
    }

    /** Entities made so far, in use or not. */
    int capacity() {
        return slots.length;
    }

    /** Puts every entity out of use; keeps the objects for reuse. */
    void reset() {
        count = 0;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public T next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }

    private void fill(int from) {
        for (int h = from; h < slots.length; h++) {
            slots[h] = factory.apply(h);
        }
    }
}
