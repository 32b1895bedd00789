package io.kapok.ledger.party;

/** What a party may do, as bits of a mask. The bit values are stable: the journal stores them. */
public enum PartyRole {
    /** The platform operator. */
    OPERATOR(1),
    /** A partner bank: holds settlement accounts, finances, disburses, pays. */
    BANK(2),
    /** A core enterprise (the "1"): confirms what it owes its suppliers. */
    CORE(4),
    /** A supplier (the "N"), any tier. */
    SUPPLIER(8);

    private final int bit;

    PartyRole(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** True when {@code mask} includes this role. */
    public boolean in(int mask) {
        return (mask & bit) != 0;
    }
}
