package io.kapok.gateway.sequencer;

import io.kapok.ledger.party.Party;

/**
 * The ledger's party ids as the ledger holds them, for the event loops that make its commands: a
 * BIC decoded from a message becomes the ledger's own String of that party ({@link #bic}), not a
 * new one. The ledger finds a party by its id in a hash map; with its own instance the look-up's
 * hash code is already cached and the key matches by identity, where a new String has its hash
 * computed and its characters compared on the one sequencer thread every payment goes through
 * (measured in {@code LedgerApplyBenchmark.transferBatched}, {@code -p partyIds=ledger,copies}),
 * and the event loop allocates nothing for the id.
 *
 * <p>The sequencer publishes the ids ({@link #publish}) after recovery and whenever the ledger
 * registers a party; the event loops read the newest table through one volatile read. An id the
 * table does not know (a party registered a moment ago, or none at all) is returned as a new
 * String, exactly as {@link Bics#normalise} spells it: the answer is always equal, only its
 * identity differs, so the ledger decides exactly as before. Only the ledger's ids are ever held:
 * a message cannot add to the table.
 */
public final class PartyIds {
    /** Ids longer than this are never looked up (a BIC has 11 characters, an LEI 20, a USCC 18). */
    static final int LENGTH_MAX = 64;

    /** Open addressing, linear probing, at most half full; null = empty. Never changed once published. */
    private volatile String[] table = new String[2];

    /** Sequencer thread: from now on {@link #bic} gives these parties' ids as these instances. */
    public void publish(Iterable<Party> parties) {
        int count = 0;
        for (Party ignored : parties) {
            count++;
        }
        String[] next = new String[Math.max(2, Integer.highestOneBit(Math.max(1, count)) << 2)];
        int mask = next.length - 1;
        for (Party party : parties) {
            String id = party.id();
            if (id.length() > LENGTH_MAX) {
                continue;
            }
            int i = spread(id.hashCode()) & mask;
            while (next[i] != null && !next[i].equals(id)) {
                i = (i + 1) & mask;
            }
            next[i] = id;
        }
        table = next;
    }

    /** How many ids {@link #bic} now knows. */
    public int size() {
        int n = 0;
        for (String id : table) {
            if (id != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code bic} trimmed, an 8-character BIC in its 11-character form ({@link Bics#normalise}): the
     * ledger's own instance when that is a known party's id, otherwise a new String. Any thread.
     */
    public String bic(CharSequence bic) {
        int from = 0;
        int to = bic.length();
        while (from < to && bic.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && bic.charAt(to - 1) <= ' ') {
            to--;
        }
        int length = to - from;
        boolean headOffice = length == 8;
        if (length > LENGTH_MAX) {
            return Bics.normalise(bic);
        }
        // String.hashCode of the 11-character form, so a candidate's cached hash is compared first.
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bic.charAt(i);
        }
        if (headOffice) {
            hash = 31 * (31 * (31 * hash + 'X') + 'X') + 'X';
        }
        String[] t = table;
        int mask = t.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            String id = t[i];
            if (id == null) {
                return Bics.normalise(bic);
            }
            if (id.hashCode() == hash && sameId(id, bic, from, length, headOffice)) {
                return id;
            }
        }
    }

    private static boolean sameId(String id, CharSequence bic, int from, int length, boolean headOffice) {
        if (id.length() != (headOffice ? 11 : length)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.charAt(i) != bic.charAt(from + i)) {
                return false;
            }
        }
        return !headOffice || id.endsWith("XXX");
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
