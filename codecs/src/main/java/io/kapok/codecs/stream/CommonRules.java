package io.kapok.codecs.stream;

import io.kapok.codecs.RejectCode;

/** Cross-field rules several messages share. Stateless. */
public final class CommonRules {
    private CommonRules() {}

    /**
     * {@code NbOfTxs} (field {@code countField}) equals the transactions in the message, and, under
     * CBPR+, there is exactly one.
     */
    public static MessageRule transactionCountMatches(int countField, String countPath, boolean exactlyOne) {
        return (view, verdict) -> {
            // The COUNT field check has already made it 1 to 15 digits (surrounding spaces allowed).
            long n = 0;
            io.kapok.codecs.xml.TextBuffer declared = view.text(countField);
            for (int i = 0; i < declared.length(); i++) {
                char c = declared.charAt(i);
                if (c >= '0' && c <= '9') {
                    n = n * 10 + (c - '0');
                }
            }
            if (n != view.transactionCount()) {
                verdict.reject(RejectCode.TRANSACTION_COUNT, countPath)
                        .append("NbOfTxs is ")
                        .append(declared)
                        .append(" but the message has ")
                        .append(view.transactionCount())
                        .append(" transactions");
                return false;
            }
            if (exactlyOne && n != 1) {
                verdict.reject(RejectCode.TRANSACTION_COUNT, countPath)
                        .append("CBPR+ allows exactly one transaction per message, the message has ")
                        .append(n);
                return false;
            }
            return true;
        };
    }

    /** The amount in {@code amountField} is greater than zero. */
    public static MessageRule positive(int amountField, String path) {
        return (view, verdict) -> {
            if (view.amountMinor(amountField) > 0) {
                return true;
            }
            verdict.reject(RejectCode.ZERO_AMOUNT, path).append("the amount must be greater than zero");
            return false;
        };
    }
}
