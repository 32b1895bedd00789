package io.kapok.codecs;

/**
 * Every reason Kapok refuses a message, with a stable number and the ISO 20022 reason code the
 * answer carries. Numbers are grouped by range and never reused:
 *
 * <pre>
 *  range  answer                  meaning
 *  1xx    admi.002 MessageReject  cannot be parsed or routed at all (no usable ISO 20022 message)
 *  2xx    the family's negative   a recognised message that breaks a schema, CBPR+ or tsin rule
 *         status (see MessageType#rejectAnswer: pacs.002 RJCT, tsin.002 RCER, camt.029 RJCR...)
 *  3xx    pacs.002 RJCT           a valid payment refused by the ledger (business rule)
 *  9xx    HTTP 503 + admi.002     the gateway cannot take it now: retry later
 * </pre>
 *
 * The one table of codes, numbers and meanings is in the README ("Reject codes").
 */
public enum RejectCode {
    // 1xx: not parseable or not routable -> admi.002
    MALFORMED_XML(101, "FF01", Answer.MESSAGE_REJECT, "body is not well-formed XML"),
    UNSUPPORTED_MESSAGE(102, "FF01", Answer.MESSAGE_REJECT, "message type is not accepted on this endpoint"),
    BODY_TOO_LARGE(103, "FF01", Answer.MESSAGE_REJECT, "body exceeds the size limit"),
    XML_LIMIT_EXCEEDED(104, "FF01", Answer.MESSAGE_REJECT, "XML exceeds a depth, count or length limit"),
    FORBIDDEN_XML_CONSTRUCT(105, "FF01", Answer.MESSAGE_REJECT, "DTDs and entity declarations are not allowed"),
    BAD_ENVELOPE(106, "FF01", Answer.MESSAGE_REJECT, "envelope must hold one AppHdr and one Document"),

    // 2xx: recognised payment, invalid content -> pacs.002 RJCT
    MISSING_ELEMENT(201, "FF01", Answer.STATUS_REJECT, "a mandatory element is missing"),
    INVALID_FORMAT(202, "FF01", Answer.STATUS_REJECT, "an element breaks its schema type"),
    INVALID_UETR(203, "FF01", Answer.STATUS_REJECT, "UETR must be a lowercase UUID version 4"),
    INVALID_BIC(204, "RC01", Answer.STATUS_REJECT, "BIC has an invalid format"),
    INVALID_CURRENCY(205, "AM11", Answer.STATUS_REJECT, "currency is not an active ISO 4217 code"),
    INVALID_AMOUNT(206, "AM12", Answer.STATUS_REJECT, "amount is malformed or has too many decimals"),
    ZERO_AMOUNT(207, "AM01", Answer.STATUS_REJECT, "amount must be greater than zero"),
    TRANSACTION_COUNT(208, "AM18", Answer.STATUS_REJECT, "NbOfTxs does not match the transactions"),
    HEADER_MISMATCH(209, "FF01", Answer.STATUS_REJECT, "Business Application Header disagrees with the Document"),
    INVALID_CHARGE_BEARER(210, "FF01", Answer.STATUS_REJECT, "ChrgBr must be CRED, DEBT or SHAR"),
    CONTROL_SUM(211, "AM10", Answer.STATUS_REJECT, "CtrlSum or TtlIntrBkSttlmAmt does not match the transactions"),
    ITEM_LIMIT(212, "NA01", Answer.STATUS_REJECT, "more items in one message than the limit allows"),
    ITEM_COUNT(213, "NA01", Answer.STATUS_REJECT, "the declared number of items does not match the items"),
    ITEM_CONTROL_SUM(214, "NA01", Answer.STATUS_REJECT, "the declared total amount does not match the items"),
    DUE_BEFORE_ISSUE(215, "DT02", Answer.STATUS_REJECT, "the payment due date is before the issue date"),
    DUPLICATE_DOCUMENT(216, "ID01", Answer.STATUS_REJECT, "a document number appears twice in one request"),
    MIXED_CURRENCY(217, "NA01", Answer.STATUS_REJECT, "the items of one request are in more than one currency"),
    PAYMENT_TERM_TOO_LONG(218, "DT02", Answer.STATUS_REJECT, "the payment term is longer than one year"),
    INVALID_ORGANISATION_ID(
            219,
            "FF01",
            Answer.STATUS_REJECT,
            "organisation id must be a unified social credit code (scheme USCC) or an ISO 17442 LEI"),

    // 3xx: business rejects from the ledger -> pacs.002 RJCT
    INSUFFICIENT_FUNDS(
            301, "AM04", Answer.STATUS_REJECT, "insufficient funds on the instructing agent's settlement account"),
    DUPLICATE(
            302,
            "DUPL",
            Answer.STATUS_REJECT,
            "duplicate: this MsgId or UETR was already used for a different payment"),
    UNKNOWN_DEBTOR_AGENT(
            303, "AC01", Answer.STATUS_REJECT, "instructing agent has no settlement account in this currency"),
    UNKNOWN_CREDITOR_AGENT(
            304, "AC01", Answer.STATUS_REJECT, "instructed agent has no settlement account in this currency"),
    SAME_AGENT(305, "AG01", Answer.STATUS_REJECT, "instructing and instructed agent are the same"),
    NOT_ENTITLED(306, "AG01", Answer.STATUS_REJECT, "the sender may not instruct a debit of this account"),
    UNKNOWN_ORIGINAL(
            307,
            "NOOR",
            Answer.STATUS_REJECT,
            "the original payment is not known here (never settled, or older than the payment window)"),
    OVER_RETURN(308, "AM02", Answer.STATUS_REJECT, "the returns would exceed the original payment's amount"),
    ALREADY_RETURNED(309, "ARDT", Answer.STATUS_REJECT, "the original payment was already returned in full"),
    RECALL_ALREADY_OPEN(310, "DUPL", Answer.STATUS_REJECT, "a recall of this payment is already open"),
    NO_OPEN_RECALL(311, "NOOR", Answer.STATUS_REJECT, "there is no open recall of this payment to resolve"),
    INVALID_PAYMENT_AMOUNT(312, "AM12", Answer.STATUS_REJECT, "the amount must be greater than zero"),
    CURRENCY_MISMATCH(313, "AM11", Answer.STATUS_REJECT, "the currency is not the original payment's"),
    INVALID_REASON_CODE(314, "NARR", Answer.STATUS_REJECT, "the reason code must be four letters or digits"),
    FX_RATE_UNKNOWN(315, "AM03", Answer.STATUS_REJECT, "no exchange rate is known for the currency pair"),
    FX_RATE_MISMATCH(
            316, "AM09", Answer.STATUS_REJECT, "XchgRate is further from the platform's rate than the tolerance"),
    FX_LIQUIDITY_SHORT(
            317,
            "NARR",
            Answer.STATUS_REJECT,
            "the platform's FX account holds less of the settlement currency than the amount"),
    CROSS_CURRENCY_NOT_RETURNABLE(
            318, "AG01", Answer.STATUS_REJECT, "a cross-currency payment cannot be returned or recalled"),
    PAYMENT_WINDOW_FULL(
            319,
            "NARR",
            Answer.STATUS_REJECT,
            "payment window is full (ledger.paymentWindow.capacity): send again once its oldest decisions leave it"),

    // 9xx: retry later -> HTTP 503
    BUSY(901, "NARR", Answer.RETRY_LATER, "gateway is at capacity: retry later"),
    UNAVAILABLE(902, "NARR", Answer.RETRY_LATER, "journal is unavailable: retry later");

    /** Which message carries the reject. */
    public enum Answer {
        /** admi.002: the body could not be read as an ISO 20022 message Kapok accepts. */
        MESSAGE_REJECT,
        /**
         * The negative status of the message's family: pacs.002 RJCT for payments, tsin.002 RCER
         * for financing requests, camt.029 RJCR for recalls... ({@link MessageType#rejectAnswer()}).
         */
        STATUS_REJECT,
        /** HTTP 503 with an admi.002: nothing was taken, the sender should retry. */
        RETRY_LATER
    }

    private final int number;
    private final String isoCode;
    private final Answer answer;
    private final String meaning;

    RejectCode(int number, String isoCode, Answer answer, String meaning) {
        this.number = number;
        this.isoCode = isoCode;
        this.answer = answer;
        this.meaning = meaning;
    }

    /** Stable number, never reused; grouped by range as in the class doc. */
    public int number() {
        return number;
    }

    /** The ISO 20022 reason code carried in the answer (ExternalStatusReason1Code). */
    public String isoCode() {
        return isoCode;
    }

    public Answer answer() {
        return answer;
    }

    /** One-line meaning, used when no more specific detail is known. */
    public String meaning() {
        return meaning;
    }
}
