package io.kapok.codecs.camt;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.CommonRules;
import io.kapok.codecs.stream.MessageRule;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.RepeatedGroup;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * What camt.053 (statement, {@code Stmt}) and camt.054 (debit/credit notification,
 * {@code Ntfctn}) share as Kapok reads them: one account report per message, its account (IBAN or
 * other id, currency, servicing bank), and every entry ({@code Ntry}, up to {@value #ENTRIES_MAX})
 * with its amount, credit or debit, status, booking and value dates, and the first transaction's
 * references (message id, end-to-end id, UETR). When the report gives {@code TxsSummry/TtlNtries},
 * its count and sum match the entries ({@code ITEM_COUNT}, {@code ITEM_CONTROL_SUM}). Field indexes
 * are the same in both messages.
 */
public final class CamtReport {
    /** Most entries in one report; one more is refused with {@code ITEM_LIMIT}. */
    public static final int ENTRIES_MAX = 1_000;

    public static final int MSG_ID = 0;
    public static final int CREATION_DATE_TIME = 1;
    public static final int REPORT_ID = 2;
    public static final int REPORT_CREATION_DATE_TIME = 3;
    public static final int FROM_DATE_TIME = 4;
    public static final int TO_DATE_TIME = 5;
    public static final int ACCOUNT_IBAN = 6;
    public static final int ACCOUNT_OTHER_ID = 7;
    public static final int ACCOUNT_CURRENCY = 8;
    public static final int ACCOUNT_SERVICER_BIC = 9;
    public static final int NUMBER_OF_ENTRIES = 10;
    public static final int SUM_OF_ENTRIES = 11;

    /** Entry fields: {@link io.kapok.codecs.stream.MessageView#itemText(int, int)}. */
    public static final int ENTRY_REFERENCE = 0;

    public static final int ENTRY_AMOUNT = 1;
    public static final int ENTRY_CREDIT_DEBIT = 2;
    public static final int ENTRY_STATUS = 3;
    public static final int ENTRY_BOOKING_DATE = 4;
    public static final int ENTRY_VALUE_DATE = 5;
    public static final int ENTRY_SERVICER_REFERENCE = 6;
    public static final int ENTRY_MSG_ID = 7;
    public static final int ENTRY_END_TO_END_ID = 8;
    public static final int ENTRY_UETR = 9;
    public static final int ENTRY_REMITTANCE = 10;

    private static final String TX = "NtryDtls";

    private CamtReport() {}

    /**
     * The schema of {@code type}, whose account report element under {@code root} is {@code report};
     * {@code balances}, when given, is its second repeated group (a statement's {@code Bal}).
     */
    static MessageSchema schema(
            MessageType type, String root, String report, RepeatedGroup balances, MessageRule... moreRules) {
        MessageSchema schema = new MessageSchema(
                type,
                root,
                List.of(
                        required(ValueKind.ID_MAX35, "GrpHdr", "MsgId"),
                        required(ValueKind.DATE_TIME, "GrpHdr", "CreDtTm"),
                        required(ValueKind.ID_MAX35, report, "Id"),
                        optional(ValueKind.DATE_TIME, report, "CreDtTm"),
                        optional(ValueKind.DATE_TIME, report, "FrToDt", "FrDtTm"),
                        optional(ValueKind.DATE_TIME, report, "FrToDt", "ToDtTm"),
                        optional(ValueKind.TEXT_MAX35, report, "Acct", "Id", "IBAN"),
                        optional(ValueKind.TEXT_MAX35, report, "Acct", "Id", "Othr", "Id"),
                        optional(ValueKind.CURRENCY, report, "Acct", "Ccy"),
                        optional(ValueKind.BIC, report, "Acct", "Svcr", "FinInstnId", "BICFI"),
                        optional(ValueKind.COUNT, report, "TxsSummry", "TtlNtries", "NbOfNtries"),
                        optional(ValueKind.DECIMAL, report, "TxsSummry", "TtlNtries", "Sum")),
                new RepeatedGroup(
                        new String[] {report, "Ntry"},
                        "entry",
                        List.of(
                                optional(ValueKind.TEXT_MAX35, "NtryRef"),
                                required(ValueKind.AMOUNT, "Amt"),
                                requiredCode(Set.of("CRDT", "DBIT"), "CdtDbtInd"),
                                required(ValueKind.EXTERNAL_CODE, "Sts", "Cd"),
                                optional(ValueKind.DATE, "BookgDt", "Dt"),
                                optional(ValueKind.DATE, "ValDt", "Dt"),
                                optional(ValueKind.TEXT_MAX35, "AcctSvcrRef"),
                                optional(ValueKind.TEXT_MAX35, TX, "TxDtls", "Refs", "MsgId")
                                        .orRepeated(),
                                optional(ValueKind.TEXT_MAX35, TX, "TxDtls", "Refs", "EndToEndId")
                                        .orRepeated(),
                                optional(ValueKind.UUID_V4, TX, "TxDtls", "Refs", "UETR")
                                        .orRepeated(),
                                optional(ValueKind.TEXT_MAX140, TX, "TxDtls", "RmtInf", "Ustrd")
                                        .orRepeated()),
                        ENTRIES_MAX),
                balances,
                MSG_ID,
                DecimalAmounts.CBPR_TOTAL_DIGITS_MAX,
                rules(
                        moreRules,
                        accountNamed("/Document/" + root + "/" + report + "/Acct/Id"),
                        CommonRules.itemCountMatches(
                                NUMBER_OF_ENTRIES,
                                "/Document/" + root + "/" + report + "/TxsSummry/TtlNtries/NbOfNtries"),
                        CommonRules.decimalSumMatches(
                                SUM_OF_ENTRIES,
                                "/Document/" + root + "/" + report + "/TxsSummry/TtlNtries/Sum",
                                ENTRY_AMOUNT)));
        SchemaConstants.check(schema, SUM_OF_ENTRIES, report, "TxsSummry", "TtlNtries", "Sum");
        SchemaConstants.checkItem(schema, ENTRY_REMITTANCE, TX, "TxDtls", "RmtInf", "Ustrd");
        return schema;
    }

    private static List<MessageRule> rules(MessageRule[] more, MessageRule... common) {
        List<MessageRule> all = new java.util.ArrayList<>(List.of(common));
        all.addAll(List.of(more));
        return all;
    }

    private static MessageRule accountNamed(String path) {
        return (v, verdict) -> {
            if (v.text(ACCOUNT_IBAN).isPresent() || v.text(ACCOUNT_OTHER_ID).isPresent()) {
                return true;
            }
            verdict.reject(RejectCode.MISSING_ELEMENT, path).append("the account must be named by IBAN or Othr/Id");
            return false;
        };
    }
}
