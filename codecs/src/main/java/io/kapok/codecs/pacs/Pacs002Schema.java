package io.kapok.codecs.pacs;

import static io.kapok.codecs.stream.FieldSpec.optional;
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
 * pacs.002.001.10 FIToFIPaymentStatusReport as Kapok reads it (CBPR+ profile: one transaction):
 * the original message and payment identifiers (UETR mandatory), the transaction status and its
 * first reason. A status of RJCT must give a reason code. Field indexes are constants for
 * {@link io.kapok.codecs.stream.MessageView#text}.
 */
public final class Pacs002Schema {
    public static final int MSG_ID = 0;
    public static final int CREATION_DATE_TIME = 1;
    public static final int TX = 2;
    public static final int STATUS_ID = 3;
    public static final int ORIGINAL_MSG_ID = 4;
    public static final int ORIGINAL_MSG_NAME_ID = 5;
    public static final int ORIGINAL_INSTRUCTION_ID = 6;
    public static final int ORIGINAL_END_TO_END_ID = 7;
    public static final int ORIGINAL_TX_ID = 8;
    public static final int ORIGINAL_UETR = 9;
    public static final int TX_STATUS = 10;
    public static final int REASON_CODE = 11;
    public static final int REASON_INFO = 12;
    public static final int ACCEPTANCE_DATE_TIME = 13;
    public static final int INSTRUCTING_AGENT_BIC = 14;
    public static final int INSTRUCTED_AGENT_BIC = 15;

    /** ExternalPaymentTransactionStatus1Code values a pacs.002 may carry. */
    public static final Set<String> TRANSACTION_STATUSES =
            Set.of("ACCC", "ACCP", "ACSC", "ACSP", "ACTC", "ACWC", "ACWP", "BLCK", "PART", "PDNG", "RCVD", "RJCT");

    private static final String TXP = "TxInfAndSts";

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.PACS_002_001_10,
            "FIToFIPmtStsRpt",
            List.of(
                    required(ValueKind.ID_MAX35, "GrpHdr", "MsgId"),
                    required(ValueKind.DATE_TIME, "GrpHdr", "CreDtTm"),
                    required(ValueKind.PRESENCE, TXP),
                    optional(ValueKind.ID_MAX35, TXP, "StsId"),
                    required(ValueKind.ID_MAX35, TXP, "OrgnlGrpInf", "OrgnlMsgId"),
                    required(ValueKind.ID_MAX35, TXP, "OrgnlGrpInf", "OrgnlMsgNmId"),
                    optional(ValueKind.ID_MAX35, TXP, "OrgnlInstrId"),
                    optional(ValueKind.ID_MAX35, TXP, "OrgnlEndToEndId"),
                    optional(ValueKind.ID_MAX35, TXP, "OrgnlTxId"),
                    required(ValueKind.UUID_V4, TXP, "OrgnlUETR"),
                    requiredCode(TRANSACTION_STATUSES, TXP, "TxSts"),
                    optional(ValueKind.EXTERNAL_CODE, TXP, "StsRsnInf", "Rsn", "Cd")
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX105, TXP, "StsRsnInf", "AddtlInf")
                            .orRepeated(),
                    optional(ValueKind.DATE_TIME, TXP, "AccptncDtTm"),
                    optional(ValueKind.BIC, TXP, "InstgAgt", "FinInstnId", "BICFI"),
                    optional(ValueKind.BIC, TXP, "InstdAgt", "FinInstnId", "BICFI")),
            new String[] {TXP},
            MSG_ID,
            DecimalAmounts.CBPR_TOTAL_DIGITS_MAX,
            List.of(
                    (v, verdict) -> {
                        if (v.transactionCount() == 1) {
                            return true;
                        }
                        verdict.reject(RejectCode.TRANSACTION_COUNT, "/Document/FIToFIPmtStsRpt/" + TXP)
                                .append("CBPR+ reports the status of one payment per pacs.002, the message has ")
                                .append(v.transactionCount());
                        return false;
                    },
                    (v, verdict) -> {
                        if (!v.text(TX_STATUS).contentEquals("RJCT")
                                || v.text(REASON_CODE).isPresent()) {
                            return true;
                        }
                        verdict.reject(
                                        RejectCode.MISSING_ELEMENT,
                                        "/Document/FIToFIPmtStsRpt/" + TXP + "/StsRsnInf/Rsn/Cd")
                                .append("a pacs.002 with TxSts RJCT must give its reason code");
                        return false;
                    }));

    private Pacs002Schema() {}

    static {
        SchemaConstants.check(SCHEMA, ORIGINAL_UETR, TXP, "OrgnlUETR");
        SchemaConstants.check(SCHEMA, INSTRUCTED_AGENT_BIC, TXP, "InstdAgt", "FinInstnId", "BICFI");
    }
}
