package io.kapok.codecs.camt;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.stream.RepeatedGroup;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;
import java.util.Set;

/**
 * camt.053.001.08 BankToCustomerStatement as Kapok reads it: one statement ({@code Stmt}) of one
 * account with every entry (field indexes are {@link CamtReport}'s) and every balance ({@code Bal},
 * up to {@value #BALANCES_MAX}, the schema's second repeated group: {@link
 * MessageView#secondItemText}): its type code ({@code OPBD}, {@code CLBD}, {@code CLAV}... or a
 * proprietary type), amount with currency, credit or debit, and date (or date and time). A balance
 * without a type or a date is refused ({@code MISSING_ELEMENT}).
 */
public final class Camt053Schema {
    /** Most balances in one statement; one more is refused with {@code ITEM_LIMIT}. */
    public static final int BALANCES_MAX = 32;

    /** Balance fields: {@link MessageView#secondItemText(int, int)}. {@code Tp/CdOrPrtry/Cd}. */
    public static final int BALANCE_TYPE = 0;
    /** {@code Tp/CdOrPrtry/Prtry}. */
    public static final int BALANCE_TYPE_PROPRIETARY = 1;
    /** {@code Amt} with its {@code Ccy}: {@link MessageView#secondItemAmountMinor}. */
    public static final int BALANCE_AMOUNT = 2;
    /** {@code CdtDbtInd}: CRDT or DBIT. */
    public static final int BALANCE_CREDIT_DEBIT = 3;
    /** {@code Dt/Dt}. */
    public static final int BALANCE_DATE = 4;
    /** {@code Dt/DtTm}. */
    public static final int BALANCE_DATE_TIME = 5;

    private static final RepeatedGroup BALANCES = new RepeatedGroup(
            new String[] {"Stmt", "Bal"},
            "balance",
            List.of(
                    optional(ValueKind.EXTERNAL_CODE, "Tp", "CdOrPrtry", "Cd"),
                    optional(ValueKind.TEXT_MAX35, "Tp", "CdOrPrtry", "Prtry"),
                    required(ValueKind.AMOUNT, "Amt"),
                    requiredCode(Set.of("CRDT", "DBIT"), "CdtDbtInd"),
                    optional(ValueKind.DATE, "Dt", "Dt"),
                    optional(ValueKind.ISO_DATE_TIME, "Dt", "DtTm")),
            BALANCES_MAX);

    public static final MessageSchema SCHEMA = CamtReport.schema(
            MessageType.CAMT_053_001_08, "BkToCstmrStmt", "Stmt", BALANCES, Camt053Schema::balancesTypedAndDated);

    private Camt053Schema() {}

    static {
        if (SCHEMA.secondItemIndexOf("Tp", "CdOrPrtry", "Cd") != BALANCE_TYPE
                || SCHEMA.secondItemIndexOf("Amt") != BALANCE_AMOUNT
                || SCHEMA.secondItemIndexOf("Dt", "DtTm") != BALANCE_DATE_TIME) {
            throw new IllegalStateException("Camt053Schema balance field constants do not match its fields");
        }
    }

    private static boolean balancesTypedAndDated(MessageView v, DecodeVerdict verdict) {
        for (int i = 0, n = v.secondItemCount(); i < n; i++) {
            String missing = null;
            if (!v.secondItemText(i, BALANCE_TYPE).isPresent()
                    && !v.secondItemText(i, BALANCE_TYPE_PROPRIETARY).isPresent()) {
                missing = "/Tp/CdOrPrtry";
            } else if (!v.secondItemText(i, BALANCE_DATE).isPresent()
                    && !v.secondItemText(i, BALANCE_DATE_TIME).isPresent()) {
                missing = "/Dt";
            }
            if (missing != null) {
                verdict.reject(RejectCode.MISSING_ELEMENT, BALANCES.itemPathText(SCHEMA.rootElement(), i) + missing)
                        .append("a balance needs its ")
                        .append(missing.equals("/Dt") ? "date (Dt/Dt or Dt/DtTm)" : "type (Cd or Prtry)");
                return false;
            }
        }
        return true;
    }
}
