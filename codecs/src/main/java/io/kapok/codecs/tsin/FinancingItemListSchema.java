package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.optionalCode;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.CommonRules;
import io.kapok.codecs.stream.FieldSpec;
import io.kapok.codecs.stream.MessageRule;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.RepeatedGroup;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the invoice assignment messages share as Kapok reads them (tsin.006 request, tsin.007
 * status, tsin.008 notification, tsin.013 acknowledgement): a business letter header (letter id,
 * date, originator with its organisation id), one financing item list (its id, issue date,
 * assignee and assigner references, item count, control sum, total, validation status) and every
 * financial item (invoice id, issue date, currency, credit or debit, total invoice amount, due
 * date, due amount, validation status), up to {@value #ITEMS_MAX}. Rules: the item count and the
 * control sum match the items; due date not before issue and at most one year after; no invoice
 * id twice; the originator's id, when given, of scheme USCC or LEI. Under a header,
 * {@code BizMsgIdr} equals {@code Hdr/LttrIdr/Id}. Field indexes are the same in the four messages.
 */
public final class FinancingItemListSchema {
    /** Most financial items in one list; one more is refused with {@code ITEM_LIMIT}. */
    public static final int ITEMS_MAX = 1_000;

    /** The header's fields come first, at {@link BusinessLetterFields}'s indexes. */
    public static final int LIST_ID = BusinessLetterFields.FIELDS;

    public static final int LIST_ISSUE_DATE = LIST_ID + 1;
    public static final int ASSIGNEE_REFERENCE = LIST_ID + 2;
    public static final int ASSIGNER_REFERENCE = LIST_ID + 3;
    public static final int ITEM_COUNT = LIST_ID + 4;
    public static final int CONTROL_SUM = LIST_ID + 5;
    public static final int TOTAL_REQUESTED_AMOUNT = LIST_ID + 6;
    public static final int LIST_STATUS = LIST_ID + 7;
    public static final int LIST_STATUS_REASON = LIST_ID + 8;

    /** Item fields: {@link io.kapok.codecs.stream.MessageView#itemText(int, int)}. */
    public static final int ITEM_ID = 0;

    public static final int ITEM_ISSUE_DATE = 1;
    public static final int ITEM_CURRENCY = 2;
    public static final int ITEM_CREDIT_DEBIT = 3;
    public static final int ITEM_TOTAL_AMOUNT = 4;
    public static final int ITEM_DUE_DATE = 5;
    public static final int ITEM_DUE_AMOUNT = 6;
    public static final int ITEM_STATUS = 7;

    private FinancingItemListSchema() {}

    /**
     * The schema of {@code type}: message element {@code root}, item list element {@code list};
     * {@code extraRules} run after the shared ones.
     */
    static MessageSchema schema(MessageType type, String root, String list, MessageRule... extraRules) {
        String listPath = "/Document/" + root + "/" + list;
        List<MessageRule> rules = new ArrayList<>(List.of(
                CommonRules.itemCountMatches(ITEM_COUNT, listPath + "/ItmCnt"),
                CommonRules.decimalSumMatches(CONTROL_SUM, listPath + "/CtrlSum", ITEM_TOTAL_AMOUNT),
                TsinRules.paymentTerm(ITEM_ISSUE_DATE, ITEM_DUE_DATE),
                TsinRules.uniqueDocumentNumbers(ITEM_ID),
                TsinRules.organisationId(
                        BusinessLetterFields.ORIGINATOR_ID, BusinessLetterFields.ORIGINATOR_ID_SCHEME)));
        rules.addAll(List.of(extraRules));
        MessageSchema schema = new MessageSchema(
                type,
                root,
                concat(
                        BusinessLetterFields.header(),
                        required(ValueKind.TEXT_MAX35, list, "Idr"),
                        required(ValueKind.DATE, list, "IsseDt"),
                        required(ValueKind.TEXT_MAX35, list, "Assgne"),
                        required(ValueKind.TEXT_MAX35, list, "Assgnr"),
                        required(ValueKind.COUNT, list, "ItmCnt"),
                        optional(ValueKind.DECIMAL, list, "CtrlSum"),
                        optional(ValueKind.AMOUNT, list, "TtlReqAmt"),
                        optionalCode(Set.of("RCCF", "RCER"), list, "VldtnStsInf", "Sts"),
                        optionalCode(Tsin002Schema.REASONS, list, "VldtnStsInf", "StsRsn", "Cd")),
                new RepeatedGroup(
                        new String[] {list, "FinItm"},
                        "financial item",
                        List.of(
                                required(ValueKind.TEXT_MAX35, "ItmCntxt", "Idr"),
                                required(ValueKind.DATE, "ItmCntxt", "IsseDt"),
                                optional(ValueKind.CURRENCY, "ItmCntxt", "Ccy"),
                                requiredCode(Set.of("CRDT", "DBIT"), "CdtDbtInd"),
                                required(ValueKind.AMOUNT, "TtlAmt", "TtlInvcAmt"),
                                required(ValueKind.DATE, "TtlAmt", "PmtDueDt"),
                                optional(ValueKind.AMOUNT, "DueAmt"),
                                optionalCode(Set.of("RCCF", "RCER"), "VldtnStsInf", "Sts")),
                        ITEMS_MAX),
                BusinessLetterFields.LETTER_ID,
                DecimalAmounts.TOTAL_DIGITS_MAX,
                rules);
        SchemaConstants.check(schema, LIST_STATUS_REASON, list, "VldtnStsInf", "StsRsn", "Cd");
        SchemaConstants.check(schema, BusinessLetterFields.ORIGINATOR_ROLE, "Hdr", "Orgtr", "Role", "Id");
        SchemaConstants.checkItem(schema, ITEM_STATUS, "VldtnStsInf", "Sts");
        return schema;
    }

    /** The header's fields, then {@code more}. */
    static List<FieldSpec> concat(List<FieldSpec> header, FieldSpec... more) {
        List<FieldSpec> all = new ArrayList<>(header);
        all.addAll(List.of(more));
        return all;
    }
}
