package io.kapok.ledger.party;

import java.util.Arrays;

/**
 * A participant and its settlement accounts, one per currency, balances in minor units. Owned by
 * the ledger thread. Accounts are kept sorted by packed currency code, so iteration order (and
 * the state hash) does not depend on the order they were opened in.
 */
public final class Party {
    private final String id;
    private final String name;
    private final int roles;
    private final int ordinal;
    private int[] currencies = new int[4];
    private long[] balancesMinor = new long[4];
    private int accountCount;

    /**
     * @param ordinal the party's place in its ledger's registration order, from 0: the same in a
     *     replay and after a snapshot, which keeps parties in that order
     */
    public Party(String id, String name, int roles, int ordinal) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("party " + id + " has a negative ordinal " + ordinal);
        }
        this.id = id;
        this.name = name;
        this.roles = roles;
        this.ordinal = ordinal;
    }

    /** BIC, LEI or unified social credit code. */
    public String id() {
        return id;
    }

    /**
     * The party's place in its ledger's registration order, from 0. Not state (it follows from the
     * order); what refers to a party by it (the payment window, a result's events) keeps a number
     * instead of the id's reference, whose store into a long-lived array costs the collector's write
     * barrier.
     */
    public int ordinal() {
        return ordinal;
    }

    public String name() {
        return name;
    }

    /** Bit mask of {@link PartyRole}s. */
    public int roles() {
        return roles;
    }

    public int accountCount() {
        return accountCount;
    }

    /** Packed ISO 4217 code of the i-th account (in currency order). */
    public int currencyAt(int i) {
        return currencies[i];
    }

    /** Balance of the i-th account, minor units. */
    public long balanceAt(int i) {
        return balancesMinor[i];
    }

    /** Index of the account in {@code currency}, or -1 if the party has none. */
    public int accountIndex(int currency) {
        for (int i = 0; i < accountCount; i++) {
            if (currencies[i] == currency) {
                return i;
            }
        }
        return -1;
    }

    /** Opens an account; returns false if one already exists in that currency. */
    public boolean openAccount(int currency) {
        if (accountIndex(currency) >= 0) {
            return false;
        }
        if (accountCount == currencies.length) {
            currencies = Arrays.copyOf(currencies, accountCount * 2);
            balancesMinor = Arrays.copyOf(balancesMinor, accountCount * 2);
        }
        int at = 0;
        while (at < accountCount && currencies[at] < currency) {
            at++;
        }
        System.arraycopy(currencies, at, currencies, at + 1, accountCount - at);
        System.arraycopy(balancesMinor, at, balancesMinor, at + 1, accountCount - at);
        currencies[at] = currency;
        balancesMinor[at] = 0;
        accountCount++;
        return true;
    }

    /** Adds {@code deltaMinor} (negative to debit) to the account at {@code index}. */
    public void post(int index, long deltaMinor) {
        balancesMinor[index] = Math.addExact(balancesMinor[index], deltaMinor);
    }
}
