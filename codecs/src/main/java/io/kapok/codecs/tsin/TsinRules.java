package io.kapok.codecs.tsin;

import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.stream.MessageRule;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.TextBuffer;

/**
 * Cross-field rules of the trade services initiation (tsin) requests, over the items of a
 * schema's repeated group. Each refuses with its own {@link RejectCode} and names the element
 * path (the item's, 1-based: {@code /Document/InvcFincgReq/InvcReqInf[3]/InvcTtlsInf/PmtDueDt}).
 * Stateless; nothing is allocated unless a message is refused.
 */
public final class TsinRules {
    /** The longest payment term allowed (PBoC 2025 rules on supply-chain receivables). */
    public static final int PAYMENT_TERM_YEARS_MAX = 1;

    private TsinRules() {}

    /**
     * The declared total (amount field {@code totalField}, optional) equals the sum of item amount
     * field {@code itemAmountField}, in minor units.
     */
    public static MessageRule controlSumMatches(int totalField, String totalPath, int itemAmountField) {
        return (v, verdict) -> {
            if (!v.text(totalField).isPresent()) {
                return true;
            }
            long total = v.amountMinor(totalField);
            long sum = 0;
            for (int i = 0, n = v.itemCount(); i < n; i++) {
                long amount = v.itemAmountMinor(i, itemAmountField);
                sum = amount > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + amount;
            }
            if (sum == total) {
                return true;
            }
            StringBuilder d = verdict.reject(RejectCode.ITEM_CONTROL_SUM, totalPath)
                    .append("the total '")
                    .append(v.text(totalField))
                    .append("' does not equal the sum of the items, ");
            if (sum == Long.MAX_VALUE) {
                d.append("which exceeds any amount");
            } else {
                DecimalAmounts.appendDecimal(d, sum, Iso4217.minorUnits(v.currency(totalField)));
            }
            return false;
        };
    }

    /**
     * Every amount of the request is in the currency of field {@code currencyField} (when that is
     * given): the message amounts {@code amountFields} and the item amounts {@code itemAmountFields}
     * that are present.
     */
    public static MessageRule oneCurrency(int currencyField, int[] amountFields, int[] itemAmountFields) {
        return (v, verdict) -> {
            if (!v.text(currencyField).isPresent()) {
                return true;
            }
            MessageSchema schema = v.schema();
            int currency = Iso4217.pack(v.text(currencyField));
            for (int field : amountFields) {
                if (v.text(field).isPresent() && v.currency(field) != currency) {
                    return mixed(
                            verdict,
                            schema.field(field).pathText(schema.rootElement()),
                            v.currency(field),
                            v,
                            currencyField);
                }
            }
            for (int i = 0, n = v.itemCount(); i < n; i++) {
                for (int field : itemAmountFields) {
                    if (v.itemText(i, field).isPresent() && v.itemCurrency(i, field) != currency) {
                        String path = schema.group().itemPathText(schema.rootElement(), i) + "/"
                                + String.join(
                                        "/", schema.group().fields().get(field).path());
                        return mixed(verdict, path, v.itemCurrency(i, field), v, currencyField);
                    }
                }
            }
            return true;
        };
    }

    private static boolean mixed(
            io.kapok.codecs.DecodeVerdict verdict, String path, int found, MessageView v, int currencyField) {
        verdict.reject(RejectCode.MIXED_CURRENCY, path + "/@Ccy")
                .append("amount in ")
                .append(Iso4217.unpack(found))
                .append(" in a request in ")
                .append(v.text(currencyField))
                .append(": one request, one currency");
        return false;
    }

    /**
     * In every item, the due date (item field {@code dueField}) is not before the issue date
     * ({@code issueField}) and at most {@link #PAYMENT_TERM_YEARS_MAX} year after it.
     */
    public static MessageRule paymentTerm(int issueField, int dueField) {
        return (v, verdict) -> {
            for (int i = 0, n = v.itemCount(); i < n; i++) {
                MessageSchema schema = v.schema();
                TextBuffer issue = v.itemText(i, issueField);
                TextBuffer due = v.itemText(i, dueField);
                if (!issue.isPresent() || !due.isPresent()) {
                    continue;
                }
                if (!termWithinLimits(issue, due, schema, i, dueField, verdict)) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * The due date (field {@code dueField}) is not before the issue date or date-time
     * ({@code issueField}) and at most {@link #PAYMENT_TERM_YEARS_MAX} year after it.
     */
    public static MessageRule invoiceTerm(int issueField, int dueField) {
        return (v, verdict) -> {
            TextBuffer issue = v.text(issueField);
            TextBuffer due = v.text(dueField);
            if (!issue.isPresent() || !due.isPresent()) {
                return true;
            }
            MessageSchema schema = v.schema();
            return termWithinLimits(issue, due, schema, -1, dueField, verdict);
        };
    }

    /** The path (of item {@code item}'s field, or the message's when -1) is only built for a reject. */
    private static boolean termWithinLimits(
            TextBuffer issue,
            TextBuffer due,
            MessageSchema schema,
            int item,
            int dueField,
            io.kapok.codecs.DecodeVerdict verdict) {
        long dueDay = IsoIdentifiers.epochDay(due);
        if (dueDay < IsoIdentifiers.epochDay(issue)) {
            verdict.reject(RejectCode.DUE_BEFORE_ISSUE, pathOf(schema, item, dueField))
                    .append("due date ")
                    .append(due)
                    .append(" is before the issue date ")
                    .append(issue);
            return false;
        }
        if (dueDay > IsoIdentifiers.epochDayYearsLater(issue, PAYMENT_TERM_YEARS_MAX)) {
            verdict.reject(RejectCode.PAYMENT_TERM_TOO_LONG, pathOf(schema, item, dueField))
                    .append("due date ")
                    .append(due)
                    .append(" is more than one year after the issue date ")
                    .append(issue)
                    .append(" (a receivable's payment term is at most one year)");
            return false;
        }
        return true;
    }

    /** No two items carry the same document number (item field {@code numberField}). */
    public static MessageRule uniqueDocumentNumbers(int numberField) {
        return (v, verdict) -> {
            // Quadratic, but bounded by the group's item limit and free of allocation.
            for (int i = 1, n = v.itemCount(); i < n; i++) {
                TextBuffer number = v.itemText(i, numberField);
                for (int j = 0; j < i; j++) {
                    if (number.contentEquals(v.itemText(j, numberField))) {
                        verdict.reject(RejectCode.DUPLICATE_DOCUMENT, itemPath(v.schema(), i, numberField))
                                .append("document number '")
                                .append(number)
                                .append("' is also item ")
                                .append(j + 1)
                                .append("'s");
                        return false;
                    }
                }
            }
            return true;
        };
    }

    /**
     * An organisation id (field {@code idField}) whose scheme (field {@code schemeField}) is
     * {@code USCC} (unified social credit code) or {@code LEI} (ISO 17442, checksum verified).
     */
    public static MessageRule organisationId(int idField, int schemeField) {
        return (v, verdict) -> {
            if (!v.text(idField).isPresent()) {
                return true;
            }
            String reason = organisationIdProblem(v.text(idField), v.text(schemeField));
            if (reason == null) {
                return true;
            }
            MessageSchema schema = v.schema();
            verdict.reject(
                            RejectCode.INVALID_ORGANISATION_ID,
                            schema.field(idField).pathText(schema.rootElement()))
                    .append(reason);
            return false;
        };
    }

    /** {@link #organisationId} for an id and scheme in every item of the group. */
    public static MessageRule itemOrganisationId(int idField, int schemeField) {
        return (v, verdict) -> {
            for (int i = 0, n = v.itemCount(); i < n; i++) {
                if (!v.itemText(i, idField).isPresent()) {
                    continue;
                }
                String reason = organisationIdProblem(v.itemText(i, idField), v.itemText(i, schemeField));
                if (reason != null) {
                    verdict.reject(RejectCode.INVALID_ORGANISATION_ID, itemPath(v.schema(), i, idField))
                            .append(reason);
                    return false;
                }
            }
            return true;
        };
    }

    /** Null when the id is a valid id of its scheme, else a sentence (only built when refused). */
    static String organisationIdProblem(TextBuffer id, TextBuffer scheme) {
        if (scheme.contentEquals("USCC")) {
            return IsoIdentifiers.isUnifiedSocialCreditCode(id)
                    ? null
                    : "'" + id
                            + "' is not a unified social credit code (18 digits or letters other than I, O, S, V, Z)";
        }
        if (scheme.contentEquals("LEI")) {
            return IsoIdentifiers.isLei(id)
                    ? null
                    : "'" + id + "' is not an ISO 17442 LEI (18 letters or digits and two check digits, MOD 97-10)";
        }
        return "organisation id '" + id + "' must name its scheme USCC (unified social credit code) or LEI, not '"
                + scheme + "'";
    }

    private static String pathOf(MessageSchema schema, int item, int field) {
        return item < 0 ? schema.field(field).pathText(schema.rootElement()) : itemPath(schema, item, field);
    }

    private static String itemPath(MessageSchema schema, int item, int field) {
        return schema.group().itemPathText(schema.rootElement(), item) + "/"
                + String.join("/", schema.group().fields().get(field).path());
    }
}
