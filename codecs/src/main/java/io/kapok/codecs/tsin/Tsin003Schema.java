package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;

/**
 * tsin.003.001.01 InvoiceFinancingCancellationRequest as Kapok reads it: the supplier cancels a
 * whole bulk financing request, named by its original {@code GrpId} and creation time, with a
 * reason. The requester id, when given, is a unified social credit code or an LEI. Under a header,
 * {@code BizMsgIdr} equals {@code CxlReqId/Id}. The answer is a tsin.002 (PACK or REJT).
 */
public final class Tsin003Schema {
    public static final int CANCELLATION_ID = 0;
    public static final int CREATION_DATE_TIME = 1;
    public static final int ORIGINAL_GROUP_ID = 2;
    public static final int ORIGINAL_CREATION_DATE_TIME = 3;
    public static final int NUMBER_OF_REQUESTS = 4;
    public static final int TOTAL_AMOUNT = 5;
    public static final int REASON = 6;
    public static final int REQUESTER_NAME = 7;
    public static final int REQUESTER_ID = 8;
    public static final int REQUESTER_ID_SCHEME = 9;
    public static final int FIRST_AGENT_BIC = 10;

    private static final String INFO = "CxlReqInf";

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.TSIN_003_001_01,
            "InvcFincgCxlReq",
            List.of(
                    required(ValueKind.TEXT_MAX35, "CxlReqId", "Id"),
                    required(ValueKind.ISO_DATE_TIME, "CxlReqId", "CreDtTm"),
                    required(ValueKind.TEXT_MAX35, INFO, "OrgnlGrpId"),
                    required(ValueKind.ISO_DATE_TIME, INFO, "OrgnlCreDtTm"),
                    optional(ValueKind.COUNT, INFO, "NbOfInvcReqs"),
                    optional(ValueKind.AMOUNT, INFO, "TtlBlkInvcAmt"),
                    required(ValueKind.TEXT_MAX350, INFO, "CxlRsn"),
                    optional(ValueKind.TEXT_MAX70, INFO, "FincgRqstr", "PtyId", "Nm"),
                    optional(ValueKind.TEXT_MAX35, INFO, "FincgRqstr", "PtyId", "PrtryId", "Id"),
                    optional(ValueKind.TEXT_MAX35, INFO, "FincgRqstr", "PtyId", "PrtryId", "IdTp"),
                    optional(ValueKind.BIC, INFO, "FrstAgt", "BIC")),
            (String[]) null,
            CANCELLATION_ID,
            DecimalAmounts.TOTAL_DIGITS_MAX,
            List.of(TsinRules.organisationId(REQUESTER_ID, REQUESTER_ID_SCHEME)));

    private Tsin003Schema() {}

    static {
        SchemaConstants.check(SCHEMA, FIRST_AGENT_BIC, INFO, "FrstAgt", "BIC");
    }
}
