package io.kapok.codecs.camt;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;

/**
 * camt.056.001.08 FIToFIPaymentCancellationRequest (a recall of a pacs.008) as Kapok reads it:
 * the assignment (who asks whom), and the first underlying transaction with its original
 * identifiers, amount and cancellation reason. Under CBPR+ the BAH {@code BizMsgIdr} equals
 * {@code Assgnmt/Id}. Field indexes are constants for {@link io.kapok.codecs.stream.MessageView#text}.
 */
public final class Camt056Schema {
    public static final int ASSIGNMENT_ID = 0;
    public static final int ASSIGNER_BIC = 1;
    public static final int ASSIGNEE_BIC = 2;
    public static final int CREATION_DATE_TIME = 3;
    public static final int UNDERLYING = 4;
    public static final int CANCELLATION_ID = 5;
    public static final int CASE_ID = 6;
    public static final int ORIGINAL_MSG_ID = 7;
    public static final int ORIGINAL_MSG_NAME_ID = 8;
    public static final int ORIGINAL_INSTRUCTION_ID = 9;
    public static final int ORIGINAL_END_TO_END_ID = 10;
    public static final int ORIGINAL_TX_ID = 11;
    public static final int ORIGINAL_UETR = 12;
    public static final int ORIGINAL_AMOUNT = 13;
    public static final int ORIGINAL_SETTLEMENT_DATE = 14;
    public static final int REASON_CODE = 15;
    public static final int REASON_INFO = 16;

    private static final String TX = "Undrlyg";

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.CAMT_056_001_08,
            "FIToFIPmtCxlReq",
            List.of(
                    required(ValueKind.ID_MAX35, "Assgnmt", "Id"),
                    required(ValueKind.BIC, "Assgnmt", "Assgnr", "Agt", "FinInstnId", "BICFI"),
                    required(ValueKind.BIC, "Assgnmt", "Assgne", "Agt", "FinInstnId", "BICFI"),
                    required(ValueKind.DATE_TIME, "Assgnmt", "CreDtTm"),
                    required(ValueKind.PRESENCE, TX, "TxInf"),
                    optional(ValueKind.ID_MAX35, TX, "TxInf", "CxlId"),
                    optional(ValueKind.ID_MAX35, TX, "TxInf", "Case", "Id"),
                    required(ValueKind.ID_MAX35, TX, "TxInf", "OrgnlGrpInf", "OrgnlMsgId"),
                    required(ValueKind.ID_MAX35, TX, "TxInf", "OrgnlGrpInf", "OrgnlMsgNmId"),
                    optional(ValueKind.ID_MAX35, TX, "TxInf", "OrgnlInstrId"),
                    required(ValueKind.ID_MAX35, TX, "TxInf", "OrgnlEndToEndId"),
                    optional(ValueKind.ID_MAX35, TX, "TxInf", "OrgnlTxId"),
                    required(ValueKind.UUID_V4, TX, "TxInf", "OrgnlUETR"),
                    required(ValueKind.AMOUNT, TX, "TxInf", "OrgnlIntrBkSttlmAmt"),
                    required(ValueKind.DATE, TX, "TxInf", "OrgnlIntrBkSttlmDt"),
                    required(ValueKind.EXTERNAL_CODE, TX, "TxInf", "CxlRsnInf", "Rsn", "Cd")
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX105, TX, "TxInf", "CxlRsnInf", "AddtlInf")
                            .orRepeated()),
            new String[] {TX, "TxInf"},
            ASSIGNMENT_ID,
            DecimalAmounts.CBPR_TOTAL_DIGITS_MAX,
            List.of((view, verdict) -> {
                if (view.transactionCount() == 1) {
                    return true;
                }
                verdict.reject(io.kapok.codecs.RejectCode.TRANSACTION_COUNT, "/Document/FIToFIPmtCxlReq/Undrlyg/TxInf")
                        .append("CBPR+ recalls one payment per camt.056, the message has ")
                        .append(view.transactionCount());
                return false;
            }));

    private Camt056Schema() {}

    static {
        if (SCHEMA.indexOf(TX, "TxInf", "CxlRsnInf", "AddtlInf") != REASON_INFO
                || SCHEMA.indexOf(TX, "TxInf", "OrgnlUETR") != ORIGINAL_UETR) {
            throw new IllegalStateException("Camt056Schema field constants do not match its fields");
        }
    }
}
