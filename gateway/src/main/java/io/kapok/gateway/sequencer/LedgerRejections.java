package io.kapok.gateway.sequencer;

import io.kapok.codecs.RejectCode;
import io.kapok.ledger.LedgerRejection;
import java.util.Locale;

/**
 * The one mapping from the ledger's refusals to what the answers carry. The ISO 20022 reason code
 * is the ledger's own ({@link LedgerRejection#isoCode()}, table in its class doc); this class adds
 * the gateway's reject code and text for the refusals a pacs.002 answers (the payments, 1xx).
 */
public final class LedgerRejections {
    private static final String[] MEANINGS = new String[LedgerRejection.values().length];

    static {
        for (LedgerRejection r : LedgerRejection.values()) {
            RejectCode code = toRejectCode(r);
            MEANINGS[r.ordinal()] = code != null
                    ? code.meaning()
                    : "refused by the ledger: "
                            + r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private LedgerRejections() {}

    /** The ISO 20022 reason code the answer to this refusal carries. */
    public static String reasonCode(LedgerRejection rejection) {
        return rejection.isoCode();
    }

    /**
     * One line saying why, for the answer's additional information: the reject code's text for a
     * payment, else the refusal's name in words. Allocates nothing.
     */
    public static String meaning(LedgerRejection rejection) {
        return MEANINGS[rejection.ordinal()];
    }

    /**
     * The gateway's reject code of a payment refusal (1xx), whose ISO code is the ledger's; null for
     * the refusals of party, receivable, financing, programme and rate commands, which a pacs.002
     * never answers (their tsin answers carry {@link #reasonCode}).
     */
    public static RejectCode toRejectCode(LedgerRejection rejection) {
        return switch (rejection) {
            case INSUFFICIENT_FUNDS -> RejectCode.INSUFFICIENT_FUNDS;
            case DUPLICATE -> RejectCode.DUPLICATE;
            case UNKNOWN_DEBIT_ACCOUNT -> RejectCode.UNKNOWN_DEBTOR_AGENT;
            case UNKNOWN_CREDIT_ACCOUNT -> RejectCode.UNKNOWN_CREDITOR_AGENT;
            case SAME_PARTY -> RejectCode.SAME_AGENT;
            case NOT_ENTITLED -> RejectCode.NOT_ENTITLED;
            case PAYMENT_WINDOW_FULL -> RejectCode.PAYMENT_WINDOW_FULL;
            case UNKNOWN_ORIGINAL -> RejectCode.UNKNOWN_ORIGINAL;
            case OVER_RETURN -> RejectCode.OVER_RETURN;
            case ALREADY_RETURNED -> RejectCode.ALREADY_RETURNED;
            case RECALL_ALREADY_OPEN -> RejectCode.RECALL_ALREADY_OPEN;
            case NO_OPEN_RECALL -> RejectCode.NO_OPEN_RECALL;
            case INVALID_PAYMENT_AMOUNT -> RejectCode.INVALID_PAYMENT_AMOUNT;
            case CURRENCY_MISMATCH -> RejectCode.CURRENCY_MISMATCH;
            case INVALID_REASON_CODE -> RejectCode.INVALID_REASON_CODE;
            case FX_RATE_UNKNOWN -> RejectCode.FX_RATE_UNKNOWN;
            case FX_RATE_MISMATCH -> RejectCode.FX_RATE_MISMATCH;
            case FX_LIQUIDITY_SHORT -> RejectCode.FX_LIQUIDITY_SHORT;
            case CROSS_CURRENCY_NOT_RETURNABLE -> RejectCode.CROSS_CURRENCY_NOT_RETURNABLE;
            default -> null;
        };
    }
}
