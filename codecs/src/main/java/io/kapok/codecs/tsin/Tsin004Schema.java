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
 * tsin.004.001.01 FinancialInvoice as Kapok reads it to register a receivable: the invoice number,
 * type and issue date-time, the buyer (the debtor) and the seller (the creditor) each named by
 * {@code Id/OrgId/Othr/Id} with {@code SchmeNm/Prtry} USCC or LEI, the invoice currency, the
 * amount due, the first payment term's due date and the grand total. Rules: the due date is not
 * before the issue date and at most one year after it; the amounts are in the invoice currency
 * when one is given. Under a header, {@code BizMsgIdr} equals {@code InvcHdr/Id}. Where the schema
 * repeats an element (amounts per currency, payment terms, party ids), the first is read.
 */
public final class Tsin004Schema {
    public static final int INVOICE_ID = 0;
    public static final int TYPE_CODE = 1;
    public static final int ISSUE_DATE_TIME = 2;
    public static final int BUYER_NAME = 3;
    public static final int BUYER_ID = 4;
    public static final int BUYER_ID_SCHEME = 5;
    public static final int SELLER_NAME = 6;
    public static final int SELLER_ID = 7;
    public static final int SELLER_ID_SCHEME = 8;
    public static final int INVOICE_CURRENCY = 9;
    public static final int DUE_PAYABLE_AMOUNT = 10;
    public static final int DUE_DATE = 11;
    public static final int GRAND_TOTAL_AMOUNT = 12;
    public static final int TAX_TOTAL_AMOUNT = 13;

    private static final String BUYER = "TradAgrmt/Buyr/PtyId";
    private static final String SELLER = "TradAgrmt/Sellr/PtyId";
    private static final String SETTLEMENT = "TradSttlm";

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.TSIN_004_001_01,
            "FinInvc",
            List.of(
                    required(ValueKind.TEXT_MAX35, "InvcHdr", "Id"),
                    required(ValueKind.TEXT_MAX35, "InvcHdr", "TpCd"),
                    required(ValueKind.ISO_DATE_TIME, "InvcHdr", "IsseDtTm"),
                    optional(ValueKind.TEXT_MAX140, path(BUYER, "Nm")),
                    required(ValueKind.TEXT_MAX35, path(BUYER, "Id/OrgId/Othr/Id"))
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX35, path(BUYER, "Id/OrgId/Othr/SchmeNm/Prtry"))
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX140, path(SELLER, "Nm")),
                    required(ValueKind.TEXT_MAX35, path(SELLER, "Id/OrgId/Othr/Id"))
                            .orRepeated(),
                    optional(ValueKind.TEXT_MAX35, path(SELLER, "Id/OrgId/Othr/SchmeNm/Prtry"))
                            .orRepeated(),
                    optional(ValueKind.CURRENCY, SETTLEMENT, "InvcCcyCd"),
                    required(ValueKind.AMOUNT, SETTLEMENT, "DuePyblAmt").orRepeated(),
                    required(ValueKind.DATE, SETTLEMENT, "PmtTerms", "DueDt").orRepeated(),
                    optional(ValueKind.AMOUNT, SETTLEMENT, "MntrySummtn", "GrdTtlAmt")
                            .orRepeated(),
                    optional(ValueKind.AMOUNT, SETTLEMENT, "MntrySummtn", "TaxTtlAmt")
                            .orRepeated()),
            (String[]) null,
            INVOICE_ID,
            DecimalAmounts.TOTAL_DIGITS_MAX,
            List.of(
                    TsinRules.invoiceTerm(ISSUE_DATE_TIME, DUE_DATE),
                    TsinRules.oneCurrency(
                            INVOICE_CURRENCY,
                            new int[] {DUE_PAYABLE_AMOUNT, GRAND_TOTAL_AMOUNT, TAX_TOTAL_AMOUNT},
                            new int[0]),
                    TsinRules.organisationId(BUYER_ID, BUYER_ID_SCHEME),
                    TsinRules.organisationId(SELLER_ID, SELLER_ID_SCHEME)));

    private Tsin004Schema() {}

    private static String[] path(String prefix, String rest) {
        return (prefix + "/" + rest).split("/");
    }

    static {
        SchemaConstants.check(SCHEMA, SELLER_ID_SCHEME, path(SELLER, "Id/OrgId/Othr/SchmeNm/Prtry"));
        SchemaConstants.check(SCHEMA, TAX_TOTAL_AMOUNT, SETTLEMENT, "MntrySummtn", "TaxTtlAmt");
    }
}
