package io.kapok.codecs.pacs;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.CommonRules;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * pacs.004.001.09 PaymentReturn as Kapok reads it (CBPR+ profile: one transaction, UETR and both
 * agents present). Field indexes are constants for {@link io.kapok.codecs.stream.MessageView#text}.
 */
public final class Pacs004Schema {
    public static final int MSG_ID = 0;
    public static final int CREATION_DATE_TIME = 1;
    public static final int NUMBER_OF_TXS = 2;
    public static final int SETTLEMENT_METHOD = 3;
    public static final int TX = 4;
    public static final int RETURN_ID = 5;
    public static final int ORIGINAL_MSG_ID = 6;
    public static final int ORIGINAL_MSG_NAME_ID = 7;
    public static final int ORIGINAL_INSTRUCTION_ID = 8;
    public static final int ORIGINAL_END_TO_END_ID = 9;
    public static final int ORIGINAL_TX_ID = 10;
    public static final int ORIGINAL_UETR = 11;
    public static final int ORIGINAL_AMOUNT = 12;
    public static final int RETURNED_AMOUNT = 13;
    public static final int SETTLEMENT_DATE = 14;
    public static final int CHARGE_BEARER = 15;
    public static final int INSTRUCTING_AGENT_BIC = 16;
    public static final int INSTRUCTED_AGENT_BIC = 17;
    public static final int REASON_CODE = 18;
    public static final int REASON_INFO = 19;

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.PACS_004_001_09,
            "PmtRtr",
            List.of(
                    required(ValueKind.ID_MAX35, "GrpHdr", "MsgId"),
                    required(ValueKind.DATE_TIME, "GrpHdr", "CreDtTm"),
                    required(ValueKind.COUNT, "GrpHdr", "NbOfTxs"),
                    requiredCode(Set.of("INDA", "INGA", "COVE", "CLRG"), "GrpHdr", "SttlmInf", "SttlmMtd"),
                    required(ValueKind.PRESENCE, "TxInf"),
                    optional(ValueKind.ID_MAX35, "TxInf", "RtrId"),
                    required(ValueKind.ID_MAX35, "TxInf", "OrgnlGrpInf", "OrgnlMsgId"),
                    required(ValueKind.ID_MAX35, "TxInf", "OrgnlGrpInf", "OrgnlMsgNmId"),
                    optional(ValueKind.ID_MAX35, "TxInf", "OrgnlInstrId"),
                    required(ValueKind.ID_MAX35, "TxInf", "OrgnlEndToEndId"),
                    optional(ValueKind.ID_MAX35, "TxInf", "OrgnlTxId"),
                    required(ValueKind.UUID_V4, "TxInf", "OrgnlUETR"),
                    optional(ValueKind.AMOUNT, "TxInf", "OrgnlIntrBkSttlmAmt"),
                    required(ValueKind.AMOUNT, "TxInf", "RtrdIntrBkSttlmAmt"),
                    required(ValueKind.DATE, "TxInf", "IntrBkSttlmDt"),
                    requiredCode(Set.of("CRED", "DEBT", "SHAR"), "TxInf", "ChrgBr"),
                    required(ValueKind.BIC, "TxInf", "InstgAgt", "FinInstnId", "BICFI"),
                    required(ValueKind.BIC, "TxInf", "InstdAgt", "FinInstnId", "BICFI"),
                    required(ValueKind.EXTERNAL_CODE, "TxInf", "RtrRsnInf", "Rsn", "Cd")
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX105, "TxInf", "RtrRsnInf", "AddtlInf")
                            .orRepeated()),
            new String[] {"TxInf"},
            MSG_ID,
            DecimalAmounts.CBPR_TOTAL_DIGITS_MAX,
            List.of(
                    CommonRules.transactionCountMatches(NUMBER_OF_TXS, "/Document/PmtRtr/GrpHdr/NbOfTxs", true),
                    CommonRules.positive(RETURNED_AMOUNT, "/Document/PmtRtr/TxInf/RtrdIntrBkSttlmAmt")));

    private Pacs004Schema() {}

    static {
        check(MSG_ID, "GrpHdr", "MsgId");
        check(RETURNED_AMOUNT, "TxInf", "RtrdIntrBkSttlmAmt");
        check(REASON_INFO, "TxInf", "RtrRsnInf", "AddtlInf");
    }

    /** The constants above must name the fields they say; a mismatch is a bug caught at class load. */
    static void check(int index, String... path) {
        if (SCHEMA.indexOf(path) != index) {
            throw new IllegalStateException(
                    String.join("/", path) + " is field " + SCHEMA.indexOf(path) + ", not " + index);
        }
    }
}
