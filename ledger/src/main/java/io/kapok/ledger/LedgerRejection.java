package io.kapok.ledger;

/**
 * Why the ledger refused a command. Numbers are stable and never reused; the gateway maps each to
 * an ISO 20022 reason code in one place. Ranges: 1xx payments, 2xx parties and accounts, 3xx
 * receivables and financing, 4xx programmes, credit lines and rates.
 *
 * <p>For 3xx and 4xx the javadoc names the ISO 20022 code the answer should carry (tsin.002
 * FinancingStatusReason1Code where one fits, else the external status reason code), as the
 * design's code list gives it.
 */
public enum LedgerRejection {
    /** The debited account holds less than the amount. ISO: AM04. */
    INSUFFICIENT_FUNDS(101),
    /** The same (sender, message id) or the same UETR was already used for a different payment. ISO: DUPL. */
    DUPLICATE(102),
    /** The party to debit has no account in the currency (or is unknown). ISO: AC01. */
    UNKNOWN_DEBIT_ACCOUNT(103),
    /** The party to credit has no account in the currency (or is unknown). ISO: AC01. */
    UNKNOWN_CREDIT_ACCOUNT(104),
    /** Debit and credit party are the same. ISO: AG01. */
    SAME_PARTY(105),
    /** The sender is not the party entitled to instruct this debit. ISO: AG01. */
    NOT_ENTITLED(106),

    /** A party with this id is already registered. */
    PARTY_EXISTS(201),
    /** The party named is not registered. ISO: BE08 for a debtor, BE09 for a creditor, else ID03. */
    UNKNOWN_PARTY(202),
    /** The party already has an account in this currency. */
    ACCOUNT_EXISTS(203),

    /** A receivable with this id already exists. ISO: ID01 (duplicate). */
    RECEIVABLE_EXISTS(301),
    /** The creditor already registered a receivable with this document number. ISO: ID01. */
    DOCUMENT_ALREADY_REGISTERED(302),
    /** No receivable has this id. ISO: ID02. */
    UNKNOWN_RECEIVABLE(303),
    /** The due date is before the issue date. ISO: DT02. */
    DUE_BEFORE_ISSUE(304),
    /** The payment term exceeds the debtor's limit (6 months unless a programme allows more). ISO: NA01. */
    TERM_OVER_LIMIT(305),
    /** The payment term exceeds one year, which no programme may allow. ISO: NA01. */
    TERM_OVER_ONE_YEAR(306),
    /** The debtor is not a registered core enterprise. ISO: BE08. */
    DEBTOR_NOT_CORE(307),
    /** The creditor or new holder is not a registered supplier. ISO: BE09. */
    CREDITOR_NOT_SUPPLIER(308),
    /**
     * The sender is not the party entitled to this action: the debtor confirms; the holder splits,
     * asks for financing and cancels its request; the programme's bank decides and disburses.
     * ISO: NA01.
     */
    NOT_ENTITLED_TO_ACT(309),
    /** The receivable's state does not allow this action (e.g. financing an unconfirmed one). ISO: NA01. */
    RECEIVABLE_STATE_FORBIDS(310),
    /** The receivable already has a financing requested or granted: no double financing. ISO: ID01. */
    ALREADY_FINANCED(311),
    /** The amount exceeds the outstanding amount times the programme's advance rate. ISO: CA01. */
    OVER_ADVANCE_RATE(312),
    /** Accepting would take the bank's exposure to the core enterprise over the credit line. ISO: CA02. */
    OVER_CREDIT_LINE(313),
    /** The bank has no credit line to the core enterprise in this currency. ISO: CA03. */
    NO_CREDIT_LINE(314),
    /** A split must leave the parent a positive outstanding amount. ISO: CA01. */
    SPLIT_OVER_AVAILABLE(315),
    /** An amount is zero, negative or over {@code Receivables.AMOUNT_MINOR_MAX}. ISO: AM01 / AM02. */
    INVALID_AMOUNT(316),
    /** Disbursement without a registration reference (movable-property registry). ISO: MI01. */
    MISSING_REGISTRATION_REFERENCE(317),
    /** No financing has this id. ISO: ID02. */
    UNKNOWN_FINANCING(318),
    /** A financing with this id already exists. ISO: ID01. */
    FINANCING_EXISTS(319),
    /** The financing's state does not allow this action (e.g. disbursing before acceptance). ISO: NA01. */
    FINANCING_STATE_FORBIDS(320),
    /** The due date has passed (or is today): the receivable can no longer be financed. ISO: AC06. */
    RECEIVABLE_OVERDUE(321),
    /** A settlement amount differs from the receivable's outstanding amount. ISO: AM09. */
    AMOUNT_MISMATCH(322),
    /** Repayment of a financed receivable must go to the financing bank. ISO: AC01. */
    WRONG_PAYEE(323),
    /** The holder is not onboarded into the programme. ISO: BE11. */
    NOT_ONBOARDED(324),
    /** The programme's core enterprise or currency differs from the receivable's. ISO: BE10. */
    PROGRAMME_MISMATCH(325),
    /** The receivable has been split; a parent with children cannot be withdrawn. ISO: NA01. */
    HAS_CHILDREN(326),

    /** No programme has this id. ISO: ID02. */
    UNKNOWN_PROGRAMME(401),
    /** A programme with this id already exists. ISO: ID01. */
    PROGRAMME_EXISTS(402),
    /** The party is already onboarded into the programme. ISO: ID01. */
    ALREADY_ONBOARDED(403),
    /** A rate or term is out of range (advance rate over 100 %, negative rate, term over a year). ISO: NA01. */
    INVALID_TERMS(404),
    /** A credit line may not be set below what is already reserved and used on it. ISO: CA02. */
    LINE_BELOW_EXPOSURE(405),
    /** The named bank is not a bank, or the core enterprise not a core enterprise. ISO: BE10. */
    WRONG_PARTY_ROLE(406),
    /** An FX rate is not positive, or names the same currency twice. ISO: NA01. */
    INVALID_FX_RATE(407);

    private static final LedgerRejection[] VALUES = values();

    private final int number;

    LedgerRejection(int number) {
        this.number = number;
    }

    /** Stable number, used in the state hash, snapshots and the journal. */
    public int number() {
        return number;
    }

    /** The rejection with this number; throws for a number no version of Kapok wrote. */
    public static LedgerRejection ofNumber(int number) {
        for (LedgerRejection r : VALUES) {
            if (r.number == number) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown ledger rejection number " + number);
    }
}
