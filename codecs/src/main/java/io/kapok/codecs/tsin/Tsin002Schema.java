package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.optionalCode;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.RepeatedGroup;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * tsin.002.001.01 InvoiceFinancingRequestStatus as Kapok reads it: the bank's answer to a
 * tsin.001 (validation RCCF/RCER) or to a tsin.003 cancellation (PACK/REJT), with its reason
 * code, and, when it finances, the financed summary and every invoice's result (FNCD/PDNG/NTFD,
 * financed amount), up to {@value Tsin001Schema#INVOICE_REQUESTS_MAX} invoices. Under a header,
 * {@code BizMsgIdr} equals {@code StsId/Id}. A refusal (RCER or REJT) must give its reason.
 */
public final class Tsin002Schema {
    /** FinancingStatusReason1Code. */
    public static final Set<String> REASONS = Set.of(
            "CA01", "CA02", "CA03", "AC01", "AC04", "AC06", "BE08", "BE09", "BE10", "BE11", "DT02", "ID01", "ID02",
            "ID03", "MI01", "NA01");

    public static final int STATUS_ID = 0;
    public static final int CREATION_DATE_TIME = 1;
    public static final int ORIGINAL_REQUEST_ID = 2;
    public static final int ORIGINAL_CREATION_DATE_TIME = 3;
    public static final int REQUESTER_ID = 4;
    public static final int REQUESTER_ID_SCHEME = 5;
    public static final int FIRST_AGENT_BIC = 6;
    public static final int VALIDATION_STATUS = 7;
    public static final int VALIDATION_REASON = 8;
    public static final int VALIDATION_REASON_INFO = 9;
    public static final int CANCELLATION_STATUS = 10;
    public static final int CANCELLATION_REASON = 11;
    public static final int FINANCED_ITEMS = 12;
    public static final int TOTAL_ACCEPTED_AMOUNT = 13;
    public static final int TOTAL_FINANCED_AMOUNT = 14;
    public static final int CREDIT_DATE = 15;

    /** Item fields of {@link #INVOICE_RESULTS}. */
    public static final int DOCUMENT_NUMBER = 0;

    public static final int INVOICE_AMOUNT = 1;
    public static final int ISSUE_DATE = 2;
    public static final int DUE_DATE = 3;
    public static final int FINANCING_STATUS = 4;
    public static final int FINANCING_REASON = 5;
    public static final int FINANCED_AMOUNT = 6;

    private static final String ORIGINAL = "OrgnlReqInfAndSts";

    public static final RepeatedGroup INVOICE_RESULTS = new RepeatedGroup(
            new String[] {"FincgInfAndSts", "InvcFincgDtls"},
            "invoice financing result",
            List.of(
                    required(ValueKind.TEXT_MAX35, "OrgnlInvcInf", "DocNb"),
                    required(ValueKind.AMOUNT, "OrgnlInvcInf", "TtlInvcAmt"),
                    required(ValueKind.DATE, "OrgnlInvcInf", "IsseDt"),
                    required(ValueKind.DATE, "OrgnlInvcInf", "PmtDueDt"),
                    requiredCode(Set.of("FNCD", "PDNG", "NTFD"), "InvcFincgRslt", "FincgReqSts"),
                    optionalCode(REASONS, "InvcFincgRslt", "StsRsn", "Cd"),
                    optional(ValueKind.AMOUNT, "InvcFincgRslt", "FincdAmt", "Amt")),
            Tsin001Schema.INVOICE_REQUESTS_MAX);

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.TSIN_002_001_01,
            "InvcFincgReqSts",
            List.of(
                    required(ValueKind.TEXT_MAX35, "StsId", "Id"),
                    required(ValueKind.ISO_DATE_TIME, "StsId", "CreDtTm"),
                    required(ValueKind.TEXT_MAX35, ORIGINAL, "Id"),
                    required(ValueKind.ISO_DATE_TIME, ORIGINAL, "CreDtTm"),
                    optional(ValueKind.TEXT_MAX35, ORIGINAL, "FincgRqstr", "PtyId", "PrtryId", "Id"),
                    optional(ValueKind.TEXT_MAX35, ORIGINAL, "FincgRqstr", "PtyId", "PrtryId", "IdTp"),
                    optional(ValueKind.BIC, ORIGINAL, "FrstAgt", "BIC"),
                    requiredCode(Set.of("RCCF", "RCER"), ORIGINAL, "VldtnStsInf", "Sts"),
                    optionalCode(REASONS, ORIGINAL, "VldtnStsInf", "StsRsn", "Cd"),
                    optional(ValueKind.TEXT_MAX105, ORIGINAL, "VldtnStsInf", "AddtlStsRsnInf")
                            .orRepeated(),
                    optionalCode(Set.of("PACK", "REJT"), ORIGINAL, "CxlStsInf", "Sts"),
                    optionalCode(REASONS, ORIGINAL, "CxlStsInf", "StsRsn", "Cd"),
                    optional(ValueKind.DECIMAL, "FincgInfAndSts", "FincgAllwdSummry", "FincdItmNb"),
                    optional(ValueKind.AMOUNT, "FincgInfAndSts", "FincgAllwdSummry", "TtlAccptdItmsAmt"),
                    optional(ValueKind.AMOUNT, "FincgInfAndSts", "FincgAllwdSummry", "TtlFincdAmt"),
                    optional(ValueKind.DATE, "FincgInfAndSts", "FincgAllwdSummry", "FincgDtDtls", "CdtDt")),
            INVOICE_RESULTS,
            STATUS_ID,
            DecimalAmounts.TOTAL_DIGITS_MAX,
            List.of(
                    (v, verdict) -> {
                        boolean refused = v.text(VALIDATION_STATUS).contentEquals("RCER")
                                && !v.text(VALIDATION_REASON).isPresent();
                        if (!refused) {
                            return true;
                        }
                        verdict.reject(
                                        RejectCode.MISSING_ELEMENT,
                                        "/Document/InvcFincgReqSts/" + ORIGINAL + "/VldtnStsInf/StsRsn/Cd")
                                .append("a validation status RCER must give its reason code");
                        return false;
                    },
                    (v, verdict) -> {
                        boolean refused = v.text(CANCELLATION_STATUS).contentEquals("REJT")
                                && !v.text(CANCELLATION_REASON).isPresent();
                        if (!refused) {
                            return true;
                        }
                        verdict.reject(
                                        RejectCode.MISSING_ELEMENT,
                                        "/Document/InvcFincgReqSts/" + ORIGINAL + "/CxlStsInf/StsRsn/Cd")
                                .append("a cancellation status REJT must give its reason code");
                        return false;
                    },
                    TsinRules.organisationId(REQUESTER_ID, REQUESTER_ID_SCHEME)));

    private Tsin002Schema() {}

    static {
        SchemaConstants.check(SCHEMA, CREDIT_DATE, "FincgInfAndSts", "FincgAllwdSummry", "FincgDtDtls", "CdtDt");
        SchemaConstants.checkItem(SCHEMA, FINANCED_AMOUNT, "InvcFincgRslt", "FincdAmt", "Amt");
    }
}
