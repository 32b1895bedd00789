package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.optionalCode;
import static io.kapok.codecs.stream.FieldSpec.required;

import io.kapok.codecs.MessageType;
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
 * What the party registration and guarantee messages share as Kapok reads them (tsin.009
 * request, tsin.010 status, tsin.011 notification, tsin.012 acknowledgement): the business letter
 * header ({@link BusinessLetterFields}: the registering party, its role and organisation id), one
 * agreement list (its id, date, the references of the requester, the responding bank, the guarantee
 * applicant, beneficiary and issuer, item count, validation status) and every agreement item (its
 * id, date, currency, action, first guaranteed amount, status), up to {@value #ITEMS_MAX}. Rules:
 * the item count matches; no item id twice; the originator's id, when given, of scheme USCC or LEI.
 * Under a header, {@code BizMsgIdr} equals {@code Hdr/LttrIdr/Id}.
 */
public final class FinancingAgreementListSchema {
    /** Most agreement items in one list; one more is refused with {@code ITEM_LIMIT}. */
    public static final int ITEMS_MAX = 1_000;

    /** The header's fields come first, at {@link BusinessLetterFields}'s indexes. */
    public static final int LIST_ID = BusinessLetterFields.FIELDS;

    public static final int LIST_DATE = LIST_ID + 1;
    public static final int REQUESTER_REFERENCE = LIST_ID + 2;
    public static final int RESPONDER_REFERENCE = LIST_ID + 3;
    public static final int GUARANTEE_APPLICANT_REFERENCE = LIST_ID + 4;
    public static final int GUARANTEE_BENEFICIARY_REFERENCE = LIST_ID + 5;
    public static final int GUARANTEE_ISSUER_REFERENCE = LIST_ID + 6;
    public static final int ITEM_COUNT = LIST_ID + 7;
    public static final int LIST_STATUS = LIST_ID + 8;
    public static final int LIST_STATUS_REASON = LIST_ID + 9;

    /** Item fields: {@link io.kapok.codecs.stream.MessageView#itemText(int, int)}. */
    public static final int ITEM_ID = 0;

    public static final int ITEM_ISSUE_DATE = 1;
    public static final int ITEM_CURRENCY = 2;
    public static final int ITEM_ACTION = 3;
    public static final int ITEM_GUARANTEED_AMOUNT = 4;
    public static final int ITEM_STATUS = 5;

    private FinancingAgreementListSchema() {}

    /** The schema of {@code type}: message element {@code root}, agreement list element {@code list}. */
    static MessageSchema schema(MessageType type, String root, String list, MessageRule... extraRules) {
        List<MessageRule> rules = new java.util.ArrayList<>(List.of(
                CommonRules.itemCountMatches(ITEM_COUNT, "/Document/" + root + "/" + list + "/ItmCnt"),
                TsinRules.uniqueDocumentNumbers(ITEM_ID),
                TsinRules.organisationId(
                        BusinessLetterFields.ORIGINATOR_ID, BusinessLetterFields.ORIGINATOR_ID_SCHEME)));
        rules.addAll(List.of(extraRules));
        MessageSchema schema = new MessageSchema(
                type,
                root,
                FinancingItemListSchema.concat(
                        BusinessLetterFields.header(),
                        required(ValueKind.TEXT_MAX35, list, "Idr"),
                        required(ValueKind.DATE, list, "Dt"),
                        required(ValueKind.TEXT_MAX35, list, "AgrmtRqstr"),
                        required(ValueKind.TEXT_MAX35, list, "AgrmtRspndr"),
                        required(ValueKind.TEXT_MAX35, list, "GrntApplcnt"),
                        required(ValueKind.TEXT_MAX35, list, "GrntNbfcry"),
                        required(ValueKind.TEXT_MAX35, list, "GrntIssr"),
                        required(ValueKind.COUNT, list, "ItmCnt"),
                        optionalCode(Set.of("RCCF", "RCER"), list, "VldtnStsInf", "Sts"),
                        optionalCode(Tsin002Schema.REASONS, list, "VldtnStsInf", "StsRsn", "Cd")),
                new RepeatedGroup(
                        new String[] {list, "Itm"},
                        "agreement item",
                        List.of(
                                required(ValueKind.TEXT_MAX35, "ItmCntxt", "Idr"),
                                required(ValueKind.DATE, "ItmCntxt", "IsseDt"),
                                optional(ValueKind.CURRENCY, "ItmCntxt", "Ccy"),
                                optionalCode(Set.of("DEAC", "HOLD", "MDFY", "REAC", "OPEN", "SYNC", "VRFY"), "ItmActn"),
                                optional(ValueKind.AMOUNT, "Grnt", "GrntedAmt", "Amt")
                                        .orRepeated(),
                                optionalCode(Set.of("RCCF", "RCER"), "VldtnStsInf", "Sts")),
                        ITEMS_MAX),
                BusinessLetterFields.LETTER_ID,
                DecimalAmounts.TOTAL_DIGITS_MAX,
                rules);
        SchemaConstants.check(schema, LIST_STATUS_REASON, list, "VldtnStsInf", "StsRsn", "Cd");
        SchemaConstants.checkItem(schema, ITEM_STATUS, "VldtnStsInf", "Sts");
        return schema;
    }
}
