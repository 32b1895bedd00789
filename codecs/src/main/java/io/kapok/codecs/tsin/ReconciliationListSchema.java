package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.optionalCode;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.CommonRules;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.RepeatedGroup;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * What tsmt.053 (invoice payment reconciliation advice) and tsmt.054 (its status) share as Kapok
 * reads them: the business letter header ({@link BusinessLetterFields}), one reconciliation list (which
 * payment: its end-to-end and instruction ids, date, amount and the terms' due date; recipient and
 * adviser references; item count and control sum; validation status) and every receivable it
 * settles (item id, issue date, credit or debit, total invoice amount, due date, due amount), up to
 * {@value #ITEMS_MAX}. Rules: the item count and the control sum match the items; no item id
 * twice. Under a header, {@code BizMsgIdr} equals {@code Hdr/LttrIdr/Id}.
 */
public final class ReconciliationListSchema {
    /** Most items in one reconciliation list; one more is refused with {@code ITEM_LIMIT}. */
    public static final int ITEMS_MAX = 1_000;

    /** The header's fields come first, at {@link BusinessLetterFields}'s indexes. */
    public static final int LIST_DATE = BusinessLetterFields.FIELDS;

    public static final int RECIPIENT_REFERENCE = LIST_DATE + 1;
    public static final int ADVISER_REFERENCE = LIST_DATE + 2;
    public static final int PAYMENT_INSTRUCTION_ID = LIST_DATE + 3;
    public static final int PAYMENT_END_TO_END_ID = LIST_DATE + 4;
    public static final int PAYMENT_METHOD = LIST_DATE + 5;
    public static final int PAYMENT_DATE = LIST_DATE + 6;
    public static final int PAYMENT_DUE_DATE = LIST_DATE + 7;
    public static final int PAYMENT_AMOUNT = LIST_DATE + 8;
    public static final int ITEM_COUNT = LIST_DATE + 9;
    public static final int CONTROL_SUM = LIST_DATE + 10;
    public static final int LIST_STATUS = LIST_DATE + 11;

    /** Item fields: {@link io.kapok.codecs.stream.MessageView#itemText(int, int)}. */
    public static final int ITEM_ID = 0;

    public static final int ITEM_ISSUE_DATE = 1;
    public static final int ITEM_CREDIT_DEBIT = 2;
    public static final int ITEM_TOTAL_AMOUNT = 3;
    public static final int ITEM_DUE_DATE = 4;
    public static final int ITEM_DUE_AMOUNT = 5;

    private ReconciliationListSchema() {}

    /** The schema of {@code type}: message element {@code root}, one {@code RcncltnList}. */
    public static MessageSchema schema(MessageType type, String root) {
        String list = "RcncltnList";
        String listPath = "/Document/" + root + "/" + list;
        MessageSchema schema = new MessageSchema(
                type,
                root,
                FinancingItemListSchema.concat(
                        BusinessLetterFields.header(),
                        required(ValueKind.DATE, list, "Dt"),
                        required(ValueKind.TEXT_MAX35, list, "Rcpt"),
                        required(ValueKind.TEXT_MAX35, list, "Advsr"),
                        optional(ValueKind.TEXT_MAX35, list, "PmtRef", "InstrId"),
                        required(ValueKind.TEXT_MAX35, list, "PmtRef", "EndToEndId"),
                        requiredCode(Set.of("CHK", "TRF", "DD", "TRA"), list, "PmtMeans", "PmtMtdCd"),
                        required(ValueKind.DATE, list, "PmtDt"),
                        optional(ValueKind.DATE, list, "PmtTerms", "DueDt"),
                        required(ValueKind.AMOUNT, list, "PmtAmt"),
                        required(ValueKind.COUNT, list, "ItmCnt"),
                        optional(ValueKind.DECIMAL, list, "CtrlSum"),
                        optionalCode(Set.of("RCCF", "RCER"), list, "VldtnStsInf", "Sts")),
                new RepeatedGroup(
                        new String[] {list, "Itm"},
                        "reconciled item",
                        List.of(
                                required(ValueKind.TEXT_MAX35, "ItmCntxt", "Idr"),
                                required(ValueKind.DATE, "ItmCntxt", "IsseDt"),
                                requiredCode(Set.of("CRDT", "DBIT"), "CdtDbtInd"),
                                required(ValueKind.AMOUNT, "TtlAmt", "TtlInvcAmt"),
                                required(ValueKind.DATE, "TtlAmt", "PmtDueDt"),
                                optional(ValueKind.AMOUNT, "DueAmt")),
                        ITEMS_MAX),
                BusinessLetterFields.LETTER_ID,
                DecimalAmounts.TOTAL_DIGITS_MAX,
                List.of(
                        CommonRules.itemCountMatches(ITEM_COUNT, listPath + "/ItmCnt"),
                        CommonRules.decimalSumMatches(CONTROL_SUM, listPath + "/CtrlSum", ITEM_TOTAL_AMOUNT),
                        TsinRules.uniqueDocumentNumbers(ITEM_ID)));
        SchemaConstants.check(schema, LIST_STATUS, list, "VldtnStsInf", "Sts");
        SchemaConstants.checkItem(schema, ITEM_DUE_AMOUNT, "DueAmt");
        return schema;
    }
}
