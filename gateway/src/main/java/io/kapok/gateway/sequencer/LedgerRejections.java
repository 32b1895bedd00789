package io.kapok.gateway.sequencer;

import io.kapok.codecs.RejectCode;
import io.kapok.ledger.LedgerRejection;

/**
 * The one mapping from the ledger's refusals to the ISO 20022 reject codes answers carry. Only
 * payments reach the ledger over HTTP today; the receivable and financing refusals (3xx, 4xx) map
 * to the nearest payment code until the tsin answers carry their own reason codes (named in each
 * {@link LedgerRejection}'s javadoc).
 */
public final class LedgerRejections {
    private LedgerRejections() {}

    public static RejectCode toRejectCode(LedgerRejection rejection) {
        return switch (rejection) {
            case INSUFFICIENT_FUNDS -> RejectCode.INSUFFICIENT_FUNDS;
            case DUPLICATE,
                    RECEIVABLE_EXISTS,
                    DOCUMENT_ALREADY_REGISTERED,
                    ALREADY_FINANCED,
                    FINANCING_EXISTS,
                    PROGRAMME_EXISTS,
                    ALREADY_ONBOARDED -> RejectCode.DUPLICATE;
            case UNKNOWN_DEBIT_ACCOUNT, UNKNOWN_PARTY -> RejectCode.UNKNOWN_DEBTOR_AGENT;
            case UNKNOWN_CREDIT_ACCOUNT, WRONG_PAYEE -> RejectCode.UNKNOWN_CREDITOR_AGENT;
            case SAME_PARTY -> RejectCode.SAME_AGENT;
            case NOT_ENTITLED,
                    PARTY_EXISTS,
                    ACCOUNT_EXISTS,
                    UNKNOWN_RECEIVABLE,
                    DUE_BEFORE_ISSUE,
                    TERM_OVER_LIMIT,
                    TERM_OVER_ONE_YEAR,
                    DEBTOR_NOT_CORE,
                    CREDITOR_NOT_SUPPLIER,
                    NOT_ENTITLED_TO_ACT,
                    RECEIVABLE_STATE_FORBIDS,
                    OVER_ADVANCE_RATE,
                    OVER_CREDIT_LINE,
                    NO_CREDIT_LINE,
                    SPLIT_OVER_AVAILABLE,
                    INVALID_AMOUNT,
                    MISSING_REGISTRATION_REFERENCE,
                    UNKNOWN_FINANCING,
                    FINANCING_STATE_FORBIDS,
                    RECEIVABLE_OVERDUE,
                    AMOUNT_MISMATCH,
                    NOT_ONBOARDED,
                    PROGRAMME_MISMATCH,
                    HAS_CHILDREN,
                    UNKNOWN_PROGRAMME,
                    INVALID_TERMS,
                    LINE_BELOW_EXPOSURE,
                    WRONG_PARTY_ROLE,
                    INVALID_FX_RATE -> RejectCode.NOT_ENTITLED;
        };
    }
}
