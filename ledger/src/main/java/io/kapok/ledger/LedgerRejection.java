package io.kapok.ledger;

import java.util.Set;

/**
 * Why the ledger refused a command, with the ISO 20022 reason code the answer carries. Numbers are
 * stable and never reused. Ranges: 1xx payments, 2xx parties and accounts, 3xx receivables and
 * financing, 4xx programmes, credit lines and rates, 46x the gateway's own commands (day close, ledger
 * settings).
 *
 * <p>Codes come from two ISO 20022 lists: payments (1xx) are answered with a pacs.002, whose
 * {@code StsRsnInf/Rsn/Cd} is an ExternalStatusReason1Code ({@link #PAYMENT_REASON_CODES}); the
 * 1+N refusals are answered with a tsin.002, whose reason is a FinancingStatusReason1Code (CA01
 * cancellation request out of time, CA02 no matching financing request, CA03 financing process
 * already initiated, AC01/AC04/AC06 incorrect/closed/blocked account, BE08 unrecognised financing
 * requestor, BE09 unrecognised intermediary agent, BE10 unexpected intermediary agent, BE11
 * unrecognised party, DT02 invalid payment due date, ID01 duplicated request, ID02 wrong
 * identification, ID03 invalid document number, MI01 missing mandatory information, NA01
 * narrative) or, where none fits, an ExternalStatusReason1Code ({@link #FINANCING_REASON_CODES}).
 *
 * <p>Returns (pacs.004), recalls (camt.056) and their resolutions (camt.029) are payments too (1xx,
 * answered with a pacs.002 or a camt.029). Where ExternalStatusReason1Code has no code for the
 * refusal, the code comes from ExternalPaymentCancellationRejection1Code, the list a camt.029 answers
 * a recall with: NOOR (no original transaction received) when the UETR names no settled transfer in
 * the window, or no open recall is there to resolve; ARDT (already returned) for a recall of a
 * transfer returned in full. An over-return is AM02 (amount over what is allowed, here what remains
 * unreturned) rather than AM09 (wrong amount), which ISO keeps for a return reason. A second recall
 * while one is pending is DUPL (the request duplicates the pending one).
 *
 * <p>Cross-currency transfers: with no rate known for the pair the platform cannot process the
 * currency, AM03 (not allowed currency); an {@code XchgRate} that differs from the platform's rate
 * by more than the tolerance would settle another amount than the sender expects, AM09 (wrong
 * amount); the platform's own FX account short of the settlement currency is no fault of the sender,
 * NARR (as a full payment window is). Returns and recalls of a cross-currency transfer are not
 * supported (they would need a rate for the way back): AG01 (transaction forbidden).
 *
 * <pre>
 *  #    rejection                       ISO   why that code
 *  101  INSUFFICIENT_FUNDS              AM04  insufficient funds
 *  102  DUPLICATE                       DUPL  duplicate payment
 *  103  UNKNOWN_DEBIT_ACCOUNT           AC01  incorrect account number
 *  104  UNKNOWN_CREDIT_ACCOUNT          AC01  incorrect account number
 *  105  SAME_PARTY                      AG01  transaction forbidden
 *  106  NOT_ENTITLED                    AG01  transaction forbidden
 *  107  PAYMENT_WINDOW_FULL             NARR  narrative: the window is full
 *  108  UNKNOWN_ORIGINAL                NOOR  no original transaction received (camt.029 list)
 *  109  OVER_RETURN                     AM02  amount not allowed: more than remains unreturned
 *  110  ALREADY_RETURNED                ARDT  already returned (camt.029 list)
 *  111  RECALL_ALREADY_OPEN             DUPL  duplicate: a recall of this payment is pending
 *  112  NO_OPEN_RECALL                  NOOR  no original (recall) to resolve (camt.029 list)
 *  113  INVALID_PAYMENT_AMOUNT          AM12  invalid amount
 *  114  CURRENCY_MISMATCH               AM11  invalid currency: not the original's
 *  115  INVALID_REASON_CODE             NARR  narrative: the reason is not four letters/digits
 *  116  FX_RATE_UNKNOWN                 AM03  not allowed currency: no rate for the pair
 *  117  FX_RATE_MISMATCH                AM09  wrong amount: XchgRate is not the platform's rate
 *  118  FX_LIQUIDITY_SHORT              NARR  narrative: the platform's FX account is short
 *  119  CROSS_CURRENCY_NOT_RETURNABLE   AG01  transaction forbidden: return/recall of an FX payment
 *  201  PARTY_EXISTS                    ID01  duplicated request
 *  202  UNKNOWN_PARTY                   BE11  unrecognised party
 *  203  ACCOUNT_EXISTS                  ID01  duplicated request
 *  301  RECEIVABLE_EXISTS               ID01  duplicated request
 *  302  DOCUMENT_ALREADY_REGISTERED     ID03  invalid document number
 *  303  UNKNOWN_RECEIVABLE              ID02  wrong identification
 *  304  DUE_BEFORE_ISSUE                DT02  invalid payment due date
 *  305  TERM_OVER_LIMIT                 DT02  invalid payment due date
 *  306  TERM_OVER_ONE_YEAR              RR04  regulatory reason (PBoC: never over one year)
 *  307  DEBTOR_NOT_CORE                 BE11  unrecognised party
 *  308  CREDITOR_NOT_SUPPLIER           BE11  unrecognised party
 *  309  NOT_ENTITLED_TO_ACT             AG01  transaction forbidden
 *  310  RECEIVABLE_STATE_FORBIDS        NA01  narrative: the state is named
 *  311  ALREADY_FINANCED                CA03  financing process already initiated
 *  312  OVER_ADVANCE_RATE               AM02  amount not allowed
 *  313  OVER_CREDIT_LINE                AM02  amount not allowed
 *  314  NO_CREDIT_LINE                  AC01  incorrect account (no line to draw on)
 *  315  SPLIT_OVER_AVAILABLE            AM02  amount not allowed
 *  316  INVALID_AMOUNT                  AM12  invalid amount
 *  317  MISSING_REGISTRATION_REFERENCE  MI01  missing mandatory information
 *  318  UNKNOWN_FINANCING               CA02  no matching financing request
 *  319  FINANCING_EXISTS                ID01  duplicated request
 *  320  FINANCING_STATE_FORBIDS         NA01  narrative: the state is named
 *  321  RECEIVABLE_OVERDUE              DT02  invalid payment due date
 *  322  AMOUNT_MISMATCH                 AM09  wrong amount
 *  323  WRONG_PAYEE                     AC01  incorrect account number
 *  324  NOT_ONBOARDED                   BE08  unrecognised financing requestor
 *  325  PROGRAMME_MISMATCH              BE10  unexpected intermediary agent
 *  326  HAS_CHILDREN                    NA01  narrative
 *  401  UNKNOWN_PROGRAMME               ID02  wrong identification
 *  402  PROGRAMME_EXISTS                ID01  duplicated request
 *  403  ALREADY_ONBOARDED               ID01  duplicated request
 *  404  INVALID_TERMS                   NA01  narrative
 *  405  LINE_BELOW_EXPOSURE             AM02  amount not allowed
 *  406  WRONG_PARTY_ROLE                BE09  unrecognised intermediary agent
 *  407  INVALID_FX_RATE                 NA01  narrative
 *  408  ALREADY_ACKNOWLEDGED            ID01  duplicated request: the onboarding was acknowledged
 *  460  DAY_NOT_OPEN                    NA01  narrative: a day close for a day not open, or too early
 *  461  SETTINGS_REFUSED                NA01  narrative: ledger settings after the first entry, or out of range
 * </pre>
 */
public enum LedgerRejection {
    /** The debited account holds less than the amount. */
    INSUFFICIENT_FUNDS(101, "AM04"),
    /** The same (sender, message id) or the same UETR was already used for a different payment. */
    DUPLICATE(102, "DUPL"),
    /** The party to debit has no account in the currency (or is unknown). */
    UNKNOWN_DEBIT_ACCOUNT(103, "AC01"),
    /** The party to credit has no account in the currency (or is unknown). */
    UNKNOWN_CREDIT_ACCOUNT(104, "AC01"),
    /** Debit and credit party are the same. */
    SAME_PARTY(105, "AG01"),
    /** The sender is not the party entitled to instruct this debit. */
    NOT_ENTITLED(106, "AG01"),
    /**
     * The payment dedupe window already holds its capacity of decisions younger than the retention
     * period, so this payment could not be remembered: refused, nothing changed.
     */
    PAYMENT_WINDOW_FULL(107, "NARR"),
    /**
     * A return, recall or resolution names a UETR (and original MsgId) that is no transfer the ledger
     * settled within its payment window: unknown, refused, or already forgotten.
     */
    UNKNOWN_ORIGINAL(108, "NOOR"),
    /** A return's amount exceeds what remains unreturned of the original (returns add up). */
    OVER_RETURN(109, "AM02"),
    /** A recall of a transfer already returned in full. */
    ALREADY_RETURNED(110, "ARDT"),
    /** A recall of a transfer that already has an open recall: one at a time. */
    RECALL_ALREADY_OPEN(111, "DUPL"),
    /** A resolution of a transfer with no open recall, or naming another recall than the open one. */
    NO_OPEN_RECALL(112, "NOOR"),
    /** A return's amount is zero or negative. */
    INVALID_PAYMENT_AMOUNT(113, "AM12"),
    /** A return's currency is not the original's. */
    CURRENCY_MISMATCH(114, "AM11"),
    /**
     * A return's or recall's reason, or a recall rejection's, is missing or not four ASCII letters or
     * digits (an ISO 20022 external code).
     */
    INVALID_REASON_CODE(115, "NARR"),
    /** A cross-currency transfer names a pair no rate was ever set for, in either direction. */
    FX_RATE_UNKNOWN(116, "AM03"),
    /**
     * A cross-currency transfer states an {@code XchgRate} more than {@code
     * Ledger.FX_RATE_TOLERANCE_PPM} away from the ledger's latest rate for the pair.
     */
    FX_RATE_MISMATCH(117, "AM09"),
    /** The platform's FX account in the settlement currency holds less than the amount to credit. */
    FX_LIQUIDITY_SHORT(118, "NARR"),
    /** A return or recall of a cross-currency transfer: not supported, refused. */
    CROSS_CURRENCY_NOT_RETURNABLE(119, "AG01"),

    /** A party with this id is already registered. */
    PARTY_EXISTS(201, "ID01"),
    /** The party named is not registered. */
    UNKNOWN_PARTY(202, "BE11"),
    /** The party already has an account in this currency. */
    ACCOUNT_EXISTS(203, "ID01"),

    /** A receivable with this id already exists. */
    RECEIVABLE_EXISTS(301, "ID01"),
    /** The creditor already registered a receivable with this document number. */
    DOCUMENT_ALREADY_REGISTERED(302, "ID03"),
    /** No receivable has this id. */
    UNKNOWN_RECEIVABLE(303, "ID02"),
    /** The due date is before the issue date. */
    DUE_BEFORE_ISSUE(304, "DT02"),
    /** The payment term exceeds the debtor's limit (6 months unless a programme allows more). */
    TERM_OVER_LIMIT(305, "DT02"),
    /** The payment term exceeds one year, which no programme may allow. */
    TERM_OVER_ONE_YEAR(306, "RR04"),
    /** The debtor is not a registered core enterprise. */
    DEBTOR_NOT_CORE(307, "BE11"),
    /** The creditor or new holder is not a registered supplier. */
    CREDITOR_NOT_SUPPLIER(308, "BE11"),
    /**
     * The sender is not the party entitled to this action: the debtor confirms; the holder splits,
     * asks for financing and cancels its request; the programme's bank decides and disburses.
     */
    NOT_ENTITLED_TO_ACT(309, "AG01"),
    /** The receivable's state does not allow this action (e.g. financing an unconfirmed one). */
    RECEIVABLE_STATE_FORBIDS(310, "NA01"),
    /** The receivable already has a financing requested or granted: no double financing. */
    ALREADY_FINANCED(311, "CA03"),
    /** The amount exceeds the outstanding amount times the programme's advance rate. */
    OVER_ADVANCE_RATE(312, "AM02"),
    /** Accepting would take the bank's exposure to the core enterprise over the credit line. */
    OVER_CREDIT_LINE(313, "AM02"),
    /** The bank has no credit line to the core enterprise in this currency. */
    NO_CREDIT_LINE(314, "AC01"),
    /** A split must leave the parent a positive outstanding amount. */
    SPLIT_OVER_AVAILABLE(315, "AM02"),
    /** An amount is zero, negative or over {@code Receivables.AMOUNT_MINOR_MAX}. */
    INVALID_AMOUNT(316, "AM12"),
    /** Disbursement without a registration reference (movable-property registry). */
    MISSING_REGISTRATION_REFERENCE(317, "MI01"),
    /** No financing has this id. */
    UNKNOWN_FINANCING(318, "CA02"),
    /** A financing with this id already exists. */
    FINANCING_EXISTS(319, "ID01"),
    /** The financing's state does not allow this action (e.g. disbursing before acceptance). */
    FINANCING_STATE_FORBIDS(320, "NA01"),
    /** The due date has passed (or is today): the receivable can no longer be financed. */
    RECEIVABLE_OVERDUE(321, "DT02"),
    /** A settlement amount differs from the receivable's outstanding amount. */
    AMOUNT_MISMATCH(322, "AM09"),
    /** Repayment of a financed receivable must go to the financing bank. */
    WRONG_PAYEE(323, "AC01"),
    /** The holder is not onboarded into the programme. */
    NOT_ONBOARDED(324, "BE08"),
    /** The programme's core enterprise or currency differs from the receivable's. */
    PROGRAMME_MISMATCH(325, "BE10"),
    /** The receivable has been split; a parent with children cannot be withdrawn. */
    HAS_CHILDREN(326, "NA01"),

    /** No programme has this id. */
    UNKNOWN_PROGRAMME(401, "ID02"),
    /** A programme with this id already exists. */
    PROGRAMME_EXISTS(402, "ID01"),
    /** The party is already onboarded into the programme. */
    ALREADY_ONBOARDED(403, "ID01"),
    /** A rate or term is out of range (advance rate over 100 %, negative rate, term over a year). */
    INVALID_TERMS(404, "NA01"),
    /** A credit line may not be set below what is already reserved and used on it. */
    LINE_BELOW_EXPOSURE(405, "AM02"),
    /** The named bank is not a bank, or the core enterprise not a core enterprise. */
    WRONG_PARTY_ROLE(406, "BE09"),
    /** An FX rate is not positive, or names the same currency twice. */
    INVALID_FX_RATE(407, "NA01"),
    /** The party already acknowledged its onboarding into the programme (a tsin.012 again). */
    ALREADY_ACKNOWLEDGED(408, "ID01"),

    /**
     * A day close ({@link io.kapok.ledger.day.CloseDayCommand}) names another day than the one the
     * ledger has open, or arrives before that day has ended: nothing closes.
     */
    DAY_NOT_OPEN(460, "NA01"),

    /**
     * Ledger settings ({@link ConfigureLedgerCommand}) anywhere but in the journal's first entry, or
     * out of range: nothing changes.
     */
    SETTINGS_REFUSED(461, "NA01");

    /**
     * The codes a payment refusal (1xx) may carry in its pacs.002 or camt.029: ExternalStatusReason1Code
     * values, and NOOR and ARDT from ExternalPaymentCancellationRejection1Code.
     */
    public static final Set<String> PAYMENT_REASON_CODES = Set.of(
            "AM04", "DUPL", "AC01", "AC04", "AC06", "AG01", "NARR", "NOOR", "AM02", "ARDT", "AM12", "AM11", "AM03",
            "AM09");

    /**
     * The codes a party, account, receivable, financing, programme or rate refusal (2xx-4xx) may
     * carry: FinancingStatusReason1Code, and the ExternalStatusReason1Code values used where none
     * of those fits (amounts, forbidden actions, regulation).
     */
    public static final Set<String> FINANCING_REASON_CODES = Set.of(
            "CA01", "CA02", "CA03", "AC01", "AC04", "AC06", "BE08", "BE09", "BE10", "BE11", "DT02", "ID01", "ID02",
            "ID03", "MI01", "NA01", "AG01", "AM02", "AM09", "AM12", "RR04");

    private static final LedgerRejection[] VALUES = values();

    private final int number;
    private final String isoCode;

    LedgerRejection(int number, String isoCode) {
        this.number = number;
        this.isoCode = isoCode;
    }

    /** Stable number, used in the state hash, snapshots and the journal. */
    public int number() {
        return number;
    }

    /**
     * The ISO 20022 reason code the answer carries (four letters and digits; table in the class
     * doc): from {@link #PAYMENT_REASON_CODES} for 1xx, from {@link #FINANCING_REASON_CODES} else.
     */
    public String isoCode() {
        return isoCode;
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
