package io.kapok.codecs.stream;

import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.TextBuffer;

/** Cross-field rules several messages share. Stateless. */
public final class CommonRules {
    private CommonRules() {}

    /**
     * {@code NbOfTxs} (field {@code countField}) equals the transactions in the message, and, under
     * CBPR+, there is exactly one.
     */
    public static MessageRule transactionCountMatches(int countField, String countPath, boolean exactlyOne) {
        return (view, verdict) -> {
            io.kapok.codecs.xml.TextBuffer declared = view.text(countField);
            long n = count(declared);
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
    /** The message carries at least one item of its group. */
    public static MessageRule atLeastOneItem() {
        return (v, verdict) -> {
            if (v.itemCount() > 0) {
                return true;
            }
            MessageSchema schema = v.schema();
            verdict.reject(
                            RejectCode.MISSING_ELEMENT,
                            "/Document/" + schema.rootElement() + "/"
                                    + String.join("/", schema.group().path()))
                    .append("the message has no ")
                    .append(schema.group().name())
                    .append(" item");
            return false;
        };
    }

    /** The declared count (field {@code countField}, optional) equals the number of items. */
    public static MessageRule itemCountMatches(int countField, String countPath) {
        return (v, verdict) -> {
            TextBuffer declared = v.text(countField);
            if (!declared.isPresent()) {
                return true;
            }
            long n = count(declared);
            if (n == v.itemCount()) {
                return true;
            }
            verdict.reject(RejectCode.ITEM_COUNT, countPath)
                    .append("the count is ")
                    .append(declared)
                    .append(" but the message has ")
                    .append(v.itemCount())
                    .append(" items");
            return false;
        };
    }

    /**
     * The declared decimal sum (field {@code sumField}, optional, no currency of its own) equals the
     * sum of item amount field {@code itemAmountField}, read in the minor units of the first item's
     * currency.
     */
    public static MessageRule decimalSumMatches(int sumField, String sumPath, int itemAmountField) {
        return (v, verdict) -> {
            TextBuffer declared = v.text(sumField);
            if (!declared.isPresent() || v.itemCount() == 0) {
                return true;
            }
            int minorUnits = Iso4217.minorUnits(v.itemCurrency(0, itemAmountField));
            long sum = 0;
            for (int i = 0, n = v.itemCount(); i < n; i++) {
                long amount = v.itemAmountMinor(i, itemAmountField);
                sum = amount > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + amount;
            }
            if (DecimalAmounts.parseMinor(declared, minorUnits) == sum) {
                return true;
            }
            verdict.reject(RejectCode.ITEM_CONTROL_SUM, sumPath)
                    .append("the sum '")
                    .append(declared)
                    .append("' is not the sum of the items' amounts");
            return false;
        };
    }

    /** The value of a count the COUNT field check has made 1 to 15 digits (surrounding spaces allowed). */
    private static long count(TextBuffer declared) {
        long n = 0;
        for (int i = 0; i < declared.length(); i++) {
            char c = declared.charAt(i);
            if (c >= '0' && c <= '9') {
                n = n * 10 + (c - '0');
            }
        }
        return n;
    }
}
