package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
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
 * tsin.001.001.01 InvoiceFinancingRequest as Kapok reads it: a supplier (the financing
 * requester, named by its unified social credit code or LEI) asks a bank (the first agent, by
 * BIC) to finance a bulk of invoices, every one kept with its number, dates, amounts and buyer
 * (the debtor), up to {@value #INVOICE_REQUESTS_MAX} per request.
 *
 * <p>Rules beyond the XML Schema: at least one invoice; {@code NbOfInvcReqs} and
 * {@code TtlBlkInvcAmt}, when given, match the invoices ({@code ITEM_COUNT},
 * {@code ITEM_CONTROL_SUM}); every amount in the request's {@code Ccy} ({@code MIXED_CURRENCY});
 * due date not before the issue date ({@code DUE_BEFORE_ISSUE}, DT02) and at most one year after
 * it ({@code PAYMENT_TERM_TOO_LONG}); no document number twice ({@code DUPLICATE_DOCUMENT}, ID01);
 * organisation ids of scheme USCC or LEI ({@code INVALID_ORGANISATION_ID}). Amounts: at most 18
 * digits, not negative (zero is allowed), and no more decimals than the currency's minor units,
 * which also keeps them within the schema's 5 fraction digits ({@code INVALID_AMOUNT}, AM12).
 * Under a header, {@code BizMsgIdr} equals {@code GrpId}.
 *
 * <p>Field indexes are constants for {@link io.kapok.codecs.stream.MessageView#text} and, for the
 * invoices, {@link io.kapok.codecs.stream.MessageView#itemText}.
 */
public final class Tsin001Schema {
    /** Most invoice requests in one message; one more is refused with {@code ITEM_LIMIT}. */
    public static final int INVOICE_REQUESTS_MAX = 1_000;

    public static final int GROUP_ID = 0;
    public static final int CREATION_DATE_TIME = 1;
    public static final int NUMBER_OF_REQUESTS = 2;
    public static final int TOTAL_AMOUNT = 3;
    public static final int CURRENCY = 4;
    public static final int FINANCING_AGREEMENT = 5;
    public static final int REQUESTER_NAME = 6;
    public static final int REQUESTER_ID = 7;
    public static final int REQUESTER_ID_SCHEME = 8;
    public static final int INTERMEDIARY_AGENT_BIC = 9;
    public static final int FIRST_AGENT_BIC = 10;

    /** Item fields: {@link io.kapok.codecs.stream.MessageView#itemText(int, int)}. */
    public static final int DOCUMENT_TYPE = 0;

    public static final int DOCUMENT_NUMBER = 1;
    public static final int ISSUE_DATE = 2;
    public static final int TOTAL_TAXABLE_AMOUNT = 3;
    public static final int TOTAL_TAX_AMOUNT = 4;
    public static final int INVOICE_AMOUNT = 5;
    public static final int DUE_DATE = 6;
    public static final int REQUESTED_AMOUNT = 7;
    public static final int SUPPLIER_NAME = 8;
    public static final int SUPPLIER_ID = 9;
    public static final int SUPPLIER_ID_SCHEME = 10;
    public static final int BUYER_NAME = 11;
    public static final int BUYER_ID = 12;
    public static final int BUYER_ID_SCHEME = 13;
    public static final int PAYMENT_METHOD = 14;

    private static final String ROOT = "/Document/InvcFincgReq";
    private static final String HDR = "ReqGrpInf";

    public static final RepeatedGroup INVOICE_REQUESTS = new RepeatedGroup(
            new String[] {"InvcReqInf"},
            "invoice request",
            List.of(
                    requiredCode(Set.of("CINV"), "InvcGnlInf", "DocTp"),
                    required(ValueKind.TEXT_MAX35, "InvcGnlInf", "DocNb"),
                    required(ValueKind.DATE, "InvcGnlInf", "IsseDt"),
                    required(ValueKind.AMOUNT, "InvcTtlsInf", "TtlTaxblAmt"),
                    required(ValueKind.AMOUNT, "InvcTtlsInf", "TtlTaxAmt"),
                    required(ValueKind.AMOUNT, "InvcTtlsInf", "TtlInvcAmt"),
                    required(ValueKind.DATE, "InvcTtlsInf", "PmtDueDt"),
                    optional(ValueKind.AMOUNT, "ReqdAmt", "Amt"),
                    optional(ValueKind.TEXT_MAX70, "Spplr", "PtyId", "Nm"),
                    optional(ValueKind.TEXT_MAX35, "Spplr", "PtyId", "Id", "OrgId", "PrtryId", "Id"),
                    optional(ValueKind.TEXT_MAX35, "Spplr", "PtyId", "Id", "OrgId", "PrtryId", "Issr"),
                    optional(ValueKind.TEXT_MAX70, "Buyr", "PtyId", "Nm"),
                    required(ValueKind.TEXT_MAX35, "Buyr", "PtyId", "Id", "OrgId", "PrtryId", "Id"),
                    optional(ValueKind.TEXT_MAX35, "Buyr", "PtyId", "Id", "OrgId", "PrtryId", "Issr"),
                    requiredCode(Set.of("CHK", "TRF", "DD", "TRA"), "InvcPmtInf", "PmtMtd")),
            INVOICE_REQUESTS_MAX);

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.TSIN_001_001_01,
            "InvcFincgReq",
            List.of(
                    required(ValueKind.TEXT_MAX35, HDR, "GrpId"),
                    required(ValueKind.ISO_DATE_TIME, HDR, "CreDtTm"),
                    optional(ValueKind.COUNT, HDR, "NbOfInvcReqs"),
                    optional(ValueKind.AMOUNT, HDR, "TtlBlkInvcAmt"),
                    required(ValueKind.CURRENCY, HDR, "Ccy"),
                    optional(ValueKind.TEXT_MAX35, HDR, "FincgAgrmt"),
                    required(ValueKind.TEXT_MAX70, HDR, "FincgRqstr", "PtyId", "Nm"),
                    required(ValueKind.TEXT_MAX35, HDR, "FincgRqstr", "PtyId", "PrtryId", "Id"),
                    required(ValueKind.TEXT_MAX35, HDR, "FincgRqstr", "PtyId", "PrtryId", "IdTp"),
                    optional(ValueKind.BIC, HDR, "IntrmyAgt", "BIC"),
                    required(ValueKind.BIC, HDR, "FrstAgt", "BIC")),
            INVOICE_REQUESTS,
            GROUP_ID,
            DecimalAmounts.TOTAL_DIGITS_MAX,
            List.of(
                    CommonRules.atLeastOneItem(),
                    CommonRules.itemCountMatches(NUMBER_OF_REQUESTS, ROOT + "/" + HDR + "/NbOfInvcReqs"),
                    TsinRules.oneCurrency(CURRENCY, new int[] {TOTAL_AMOUNT}, new int[] {
                        TOTAL_TAXABLE_AMOUNT, TOTAL_TAX_AMOUNT, INVOICE_AMOUNT, REQUESTED_AMOUNT
                    }),
                    TsinRules.controlSumMatches(TOTAL_AMOUNT, ROOT + "/" + HDR + "/TtlBlkInvcAmt", INVOICE_AMOUNT),
                    TsinRules.paymentTerm(ISSUE_DATE, DUE_DATE),
                    TsinRules.uniqueDocumentNumbers(DOCUMENT_NUMBER),
                    TsinRules.organisationId(REQUESTER_ID, REQUESTER_ID_SCHEME),
                    TsinRules.itemOrganisationId(SUPPLIER_ID, SUPPLIER_ID_SCHEME),
                    TsinRules.itemOrganisationId(BUYER_ID, BUYER_ID_SCHEME)));

    private Tsin001Schema() {}

    static {
        SchemaConstants.check(SCHEMA, FIRST_AGENT_BIC, HDR, "FrstAgt", "BIC");
        SchemaConstants.check(SCHEMA, REQUESTER_ID_SCHEME, HDR, "FincgRqstr", "PtyId", "PrtryId", "IdTp");
        SchemaConstants.checkItem(SCHEMA, PAYMENT_METHOD, "InvcPmtInf", "PmtMtd");
        SchemaConstants.checkItem(SCHEMA, BUYER_ID_SCHEME, "Buyr", "PtyId", "Id", "OrgId", "PrtryId", "Issr");
        SchemaConstants.checkItem(SCHEMA, DUE_DATE, "InvcTtlsInf", "PmtDueDt");
    }
}
