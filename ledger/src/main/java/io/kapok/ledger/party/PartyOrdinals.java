package io.kapok.ledger.party;

import java.util.Arrays;

/**
 * Party ids by {@link Party#ordinal() ordinal}, each as it was first given with its ordinal (the
 * ledger's own instance): lets a long-lived array name a party by a number rather than by a
 * reference, whose store into such an array costs the collector's write barrier (under G1 a memory
 * fence per store). Grows with the parties it is given, never shrinks. One owner thread.
 */
public final class PartyOrdinals {
    private String[] ids = new String[16];

    /**
     * True when {@code ordinal} names {@code id} here: it is a party's ordinal (not negative) and
     * names this very String, or named nothing and now does. False otherwise (an ordinal of -1, or
     * one that names another String here): the caller then keeps the String itself, so whatever
     * ordinals it is given, every id reads back as it was given.
     */
    public boolean names(String id, int ordinal) {
        if (ordinal < 0) {
            return false;
        }
        if (ordinal >= ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ordinal + 1, 2 * ids.length));
        }
        String named = ids[ordinal];
        if (named == id) {
            return true;
        }
        if (named == null) {
            ids[ordinal] = id;
            return true;
        }
        return false;
    }

    /** The id that {@code ordinal} names, after {@link #names} returned true for it. */
    public String id(int ordinal) {
        return ids[ordinal];
    }

    /** A copy that names what this one names. */
    public PartyOrdinals copy() {
        PartyOrdinals copy = new PartyOrdinals();
        copy.ids = ids.clone();
        return copy;
    }
}
