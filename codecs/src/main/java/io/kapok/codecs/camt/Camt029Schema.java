package io.kapok.codecs.camt;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.optionalCode;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * camt.029.001.09 ResolutionOfInvestigation, the answer to a camt.056 recall, as Kapok reads it
 * (CBPR+ profile): the assignment, the resolution ({@code Sts/Conf}: CNCL cancelled, RJCR
 * refused, PDCR pending) and the one recalled payment with its original identifiers and first
 * reason. Under a header, {@code BizMsgIdr} equals {@code Assgnmt/Id}. Field indexes are constants
 * for {@link io.kapok.codecs.stream.MessageView#text}.
 */
public final class Camt029Schema {
    public static final int ASSIGNMENT_ID = 0;
    public static final int ASSIGNER_BIC = 1;
    public static final int ASSIGNEE_BIC = 2;
    public static final int CREATION_DATE_TIME = 3;
    public static final int RESOLVED_CASE_ID = 4;
    public static final int CONFIRMATION = 5;
    public static final int TX = 6;
    public static final int CANCELLATION_STATUS_ID = 7;
    public static final int ORIGINAL_MSG_ID = 8;
    public static final int ORIGINAL_MSG_NAME_ID = 9;
    public static final int ORIGINAL_INSTRUCTION_ID = 10;
    public static final int ORIGINAL_END_TO_END_ID = 11;
    public static final int ORIGINAL_UETR = 12;
    public static final int TX_CANCELLATION_STATUS = 13;
    public static final int REASON_CODE = 14;
    public static final int REASON_INFO = 15;
    public static final int ORIGINAL_AMOUNT = 16;
    public static final int ORIGINAL_SETTLEMENT_DATE = 17;

    private static final String TXP = "CxlDtls";

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.CAMT_029_001_09,
            "RsltnOfInvstgtn",
            List.of(
                    required(ValueKind.ID_MAX35, "Assgnmt", "Id"),
                    required(ValueKind.BIC, "Assgnmt", "Assgnr", "Agt", "FinInstnId", "BICFI"),
                    required(ValueKind.BIC, "Assgnmt", "Assgne", "Agt", "FinInstnId", "BICFI"),
                    required(ValueKind.DATE_TIME, "Assgnmt", "CreDtTm"),
                    optional(ValueKind.ID_MAX35, "RslvdCase", "Id"),
                    requiredCode(Set.of("CNCL", "RJCR", "PDCR"), "Sts", "Conf"),
                    required(ValueKind.PRESENCE, TXP, "TxInfAndSts"),
                    optional(ValueKind.ID_MAX35, TXP, "TxInfAndSts", "CxlStsId"),
                    required(ValueKind.ID_MAX35, TXP, "TxInfAndSts", "OrgnlGrpInf", "OrgnlMsgId"),
                    required(ValueKind.ID_MAX35, TXP, "TxInfAndSts", "OrgnlGrpInf", "OrgnlMsgNmId"),
                    optional(ValueKind.ID_MAX35, TXP, "TxInfAndSts", "OrgnlInstrId"),
                    optional(ValueKind.ID_MAX35, TXP, "TxInfAndSts", "OrgnlEndToEndId"),
                    required(ValueKind.UUID_V4, TXP, "TxInfAndSts", "OrgnlUETR"),
                    optionalCode(Set.of("RJCR", "ACCR", "PDCR"), TXP, "TxInfAndSts", "TxCxlSts"),
                    optional(ValueKind.EXTERNAL_CODE, TXP, "TxInfAndSts", "CxlStsRsnInf", "Rsn", "Cd")
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX105, TXP, "TxInfAndSts", "CxlStsRsnInf", "AddtlInf")
                            .orRepeated(),
                    optional(ValueKind.AMOUNT, TXP, "TxInfAndSts", "OrgnlIntrBkSttlmAmt"),
                    optional(ValueKind.DATE, TXP, "TxInfAndSts", "OrgnlIntrBkSttlmDt")),
            new String[] {TXP, "TxInfAndSts"},
            ASSIGNMENT_ID,
            DecimalAmounts.CBPR_TOTAL_DIGITS_MAX,
            List.of((v, verdict) -> {
                if (v.transactionCount() == 1) {
                    return true;
                }
                verdict.reject(RejectCode.TRANSACTION_COUNT, "/Document/RsltnOfInvstgtn/CxlDtls/TxInfAndSts")
                        .append("CBPR+ resolves one recalled payment per camt.029, the message has ")
                        .append(v.transactionCount());
                return false;
            }));

    private Camt029Schema() {}

    static {
        SchemaConstants.check(SCHEMA, CONFIRMATION, "Sts", "Conf");
        SchemaConstants.check(SCHEMA, ORIGINAL_SETTLEMENT_DATE, TXP, "TxInfAndSts", "OrgnlIntrBkSttlmDt");
    }
}
