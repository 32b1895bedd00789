package io.kapok.gateway.sequencer;

import io.kapok.codecs.RejectCode;
import io.kapok.ledger.LedgerRejection;

/** The one mapping from the ledger's refusals to the ISO 20022 reject codes answers carry. */
public final class LedgerRejections {
    private LedgerRejections() {}

    public static RejectCode toRejectCode(LedgerRejection rejection) {
        return switch (rejection) {
            case INSUFFICIENT_FUNDS -> RejectCode.INSUFFICIENT_FUNDS;
            case DUPLICATE -> RejectCode.DUPLICATE;
            case UNKNOWN_DEBIT_ACCOUNT, UNKNOWN_PARTY -> RejectCode.UNKNOWN_DEBTOR_AGENT;
            case UNKNOWN_CREDIT_ACCOUNT -> RejectCode.UNKNOWN_CREDITOR_AGENT;
            case SAME_PARTY -> RejectCode.SAME_AGENT;
            case NOT_ENTITLED, PARTY_EXISTS, ACCOUNT_EXISTS -> RejectCode.NOT_ENTITLED;
        };
    }
}
