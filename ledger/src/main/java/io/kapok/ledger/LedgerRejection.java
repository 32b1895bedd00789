package io.kapok.ledger;

/**
 * Why the ledger refused a command. Numbers are stable and never reused; the gateway maps each to
 * an ISO 20022 reason code in one place. Ranges: 1xx payments, 2xx parties and accounts.
 */
public enum LedgerRejection {
    /** The debited account holds less than the amount. */
    INSUFFICIENT_FUNDS(101),
    /** The same (sender, message id) or the same UETR was already used for a different payment. */
    DUPLICATE(102),
    /** The party to debit has no account in the currency (or is unknown). */
    UNKNOWN_DEBIT_ACCOUNT(103),
    /** The party to credit has no account in the currency (or is unknown). */
    UNKNOWN_CREDIT_ACCOUNT(104),
    /** Debit and credit party are the same. */
    SAME_PARTY(105),
    /** The sender is not the party entitled to instruct this debit. */
    NOT_ENTITLED(106),

    /** A party with this id is already registered. */
    PARTY_EXISTS(201),
    /** The party named is not registered. */
    UNKNOWN_PARTY(202),
    /** The party already has an account in this currency. */
    ACCOUNT_EXISTS(203);

    private final int number;

    LedgerRejection(int number) {
        this.number = number;
    }

    /** Stable number, used in the state hash and the journal. */
    public int number() {
        return number;
    }
}
