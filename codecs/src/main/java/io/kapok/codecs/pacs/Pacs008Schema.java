package io.kapok.codecs.pacs;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;
import static io.kapok.codecs.stream.FieldSpec.requiredCode;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.stream.CommonRules;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.stream.ValueKind;
import io.kapok.codecs.xml.TextBuffer;
import java.util.List;
import java.util.Set;

/**
 * pacs.008.001.08 FIToFICustomerCreditTransfer as Kapok reads it, under the CBPR+ usage rules:
 * one transaction, UETR, instructing and instructed agents, a charge bearer of CRED/DEBT/SHAR,
 * 14-digit amounts, {@code CtrlSum} and {@code TtlIntrBkSttlmAmt} matching, remittance either
 * unstructured or structured, and a header whose {@code Fr}/{@code To} are the instructing and
 * instructed agents. Field indexes are constants (see {@link Pacs008View} for typed access).
 *
 * <p>A cross-currency transfer carries {@code InstdAmt} (the amount the debtor instructed, in its
 * currency) and {@code XchgRate} (settlement currency units per instructed unit, a BaseOneRate: at
 * most 11 digits, 10 after the point, greater than zero; read into {@link #exchangeRateScaled} ×
 * 10^8, rounded half-even). CBPR+ makes {@code XchgRate} mandatory when {@code InstdAmt}'s currency
 * differs from {@code IntrBkSttlmAmt}'s: without it the message is refused {@link
 * RejectCode#MISSING_ELEMENT} naming {@code XchgRate}'s path. {@code XchgRate} without an {@code
 * InstdAmt} in another currency than {@code IntrBkSttlmAmt} converts nothing and is refused.
 */
public final class Pacs008Schema {
    static final int MSG_ID = 0;
    static final int CREATION_DATE_TIME = 1;
    static final int NUMBER_OF_TXS = 2;
    static final int CONTROL_SUM = 3;
    static final int SETTLEMENT_METHOD = 4;
    static final int TOTAL_AMOUNT = 5;
    static final int TX = 6;
    static final int INSTRUCTION_ID = 7;
    static final int END_TO_END_ID = 8;
    static final int TX_ID = 9;
    static final int UETR = 10;
    static final int AMOUNT = 11;
    static final int SETTLEMENT_DATE = 12;
    static final int CHARGE_BEARER = 13;
    static final int INSTRUCTING_AGENT_BIC = 14;
    static final int INSTRUCTED_AGENT_BIC = 15;
    static final int DEBTOR = 16;
    static final int DEBTOR_NAME = 17;
    static final int DEBTOR_AGENT = 18;
    static final int DEBTOR_AGENT_BIC = 19;
    static final int CREDITOR_AGENT = 20;
    static final int CREDITOR_AGENT_BIC = 21;
    static final int CREDITOR = 22;
    static final int CREDITOR_NAME = 23;
    static final int REMITTANCE_UNSTRUCTURED = 24;
    static final int REMITTANCE_REFERENCE = 25;
    static final int INSTRUCTED_AMOUNT = 26;
    static final int EXCHANGE_RATE = 27;

    /** What {@link #exchangeRateScaled} returns for text that is not a BaseOneRate greater than zero. */
    public static final long INVALID_RATE = -1;

    private static final String ROOT = "/Document/FIToFICstmrCdtTrf";
    private static final String TXP = "CdtTrfTxInf";

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.PACS_008_001_08,
            "FIToFICstmrCdtTrf",
            List.of(
                    required(ValueKind.ID_MAX35, "GrpHdr", "MsgId"),
                    required(ValueKind.DATE_TIME, "GrpHdr", "CreDtTm"),
                    required(ValueKind.COUNT, "GrpHdr", "NbOfTxs"),
                    optional(ValueKind.DECIMAL, "GrpHdr", "CtrlSum"),
                    requiredCode(Set.of("INDA", "INGA", "COVE", "CLRG"), "GrpHdr", "SttlmInf", "SttlmMtd"),
                    optional(ValueKind.AMOUNT, "GrpHdr", "TtlIntrBkSttlmAmt"),
                    required(ValueKind.PRESENCE, TXP),
                    optional(ValueKind.ID_MAX35, TXP, "PmtId", "InstrId"),
                    required(ValueKind.ID_MAX35, TXP, "PmtId", "EndToEndId"),
                    optional(ValueKind.ID_MAX35, TXP, "PmtId", "TxId"),
                    required(ValueKind.UUID_V4, TXP, "PmtId", "UETR"),
                    required(ValueKind.AMOUNT, TXP, "IntrBkSttlmAmt"),
                    required(ValueKind.DATE, TXP, "IntrBkSttlmDt"),
                    requiredCode(Set.of("CRED", "DEBT", "SHAR"), TXP, "ChrgBr")
                            .invalidAs(RejectCode.INVALID_CHARGE_BEARER),
                    required(ValueKind.BIC, TXP, "InstgAgt", "FinInstnId", "BICFI"),
                    required(ValueKind.BIC, TXP, "InstdAgt", "FinInstnId", "BICFI"),
                    required(ValueKind.PRESENCE, TXP, "Dbtr"),
                    optional(ValueKind.TEXT_MAX140, TXP, "Dbtr", "Nm"),
                    required(ValueKind.PRESENCE, TXP, "DbtrAgt"),
                    optional(ValueKind.BIC, TXP, "DbtrAgt", "FinInstnId", "BICFI"),
                    required(ValueKind.PRESENCE, TXP, "CdtrAgt"),
                    optional(ValueKind.BIC, TXP, "CdtrAgt", "FinInstnId", "BICFI"),
                    required(ValueKind.PRESENCE, TXP, "Cdtr"),
                    optional(ValueKind.TEXT_MAX140, TXP, "Cdtr", "Nm"),
                    optional(ValueKind.TEXT_MAX140, TXP, "RmtInf", "Ustrd").orRepeated(),
                    optional(ValueKind.TEXT_MAX140, TXP, "RmtInf", "Strd", "CdtrRefInf", "Ref")
                            .orRepeated(),
                    optional(ValueKind.AMOUNT, TXP, "InstdAmt"),
                    optional(ValueKind.DECIMAL, TXP, "XchgRate")),
            new String[] {TXP},
            MSG_ID,
            DecimalAmounts.CBPR_TOTAL_DIGITS_MAX,
            List.of(
                    CommonRules.transactionCountMatches(NUMBER_OF_TXS, ROOT + "/GrpHdr/NbOfTxs", true),
                    CommonRules.positive(AMOUNT, ROOT + "/" + TXP + "/IntrBkSttlmAmt"),
                    Pacs008Schema::controlSums,
                    Pacs008Schema::remittanceEitherOr,
                    Pacs008Schema::exchangeRate,
                    Pacs008Schema::headerNamesTheAgents));

    private Pacs008Schema() {}

    static {
        if (SCHEMA.indexOf(TXP, "RmtInf", "Strd", "CdtrRefInf", "Ref") != REMITTANCE_REFERENCE
                || SCHEMA.indexOf(TXP, "PmtId", "UETR") != UETR
                || SCHEMA.indexOf("GrpHdr", "TtlIntrBkSttlmAmt") != TOTAL_AMOUNT
                || SCHEMA.indexOf(TXP, "InstdAmt") != INSTRUCTED_AMOUNT
                || SCHEMA.indexOf(TXP, "XchgRate") != EXCHANGE_RATE) {
            throw new IllegalStateException("Pacs008Schema field constants do not match its fields");
        }
    }

    private static boolean controlSums(MessageView v, DecodeVerdict verdict) {
        int minorUnits = Iso4217.minorUnits(v.currency(AMOUNT));
        TextBuffer ctrlSum = v.text(CONTROL_SUM);
        if (ctrlSum.isPresent() && DecimalAmounts.parseMinor(ctrlSum, minorUnits) != v.amountMinor(AMOUNT)) {
            verdict.reject(RejectCode.CONTROL_SUM, ROOT + "/GrpHdr/CtrlSum")
                    .append("CtrlSum '")
                    .append(ctrlSum)
                    .append("' does not equal the sum of IntrBkSttlmAmt '")
                    .append(v.text(AMOUNT))
                    .append('\'');
            return false;
        }
        if (v.text(TOTAL_AMOUNT).isPresent()
                && (v.currency(TOTAL_AMOUNT) != v.currency(AMOUNT)
                        || v.amountMinor(TOTAL_AMOUNT) != v.amountMinor(AMOUNT))) {
            verdict.reject(RejectCode.CONTROL_SUM, ROOT + "/GrpHdr/TtlIntrBkSttlmAmt")
                    .append("TtlIntrBkSttlmAmt '")
                    .append(v.text(TOTAL_AMOUNT))
                    .append(' ')
                    .append(Iso4217.unpack(v.currency(TOTAL_AMOUNT)))
                    .append("' does not equal IntrBkSttlmAmt '")
                    .append(v.text(AMOUNT))
                    .append(' ')
                    .append(Iso4217.unpack(v.currency(AMOUNT)))
                    .append('\'');
            return false;
        }
        return true;
    }

    private static boolean remittanceEitherOr(MessageView v, DecodeVerdict verdict) {
        if (v.text(REMITTANCE_UNSTRUCTURED).isPresent()
                && v.text(REMITTANCE_REFERENCE).isPresent()) {
            verdict.reject(RejectCode.INVALID_FORMAT, ROOT + "/" + TXP + "/RmtInf")
                    .append("RmtInf may carry Ustrd or Strd, not both (CBPR+)");
            return false;
        }
        return true;
    }

    /**
     * {@code InstdAmt} greater than zero; {@code XchgRate} a BaseOneRate greater than zero, present
     * (CBPR+) when and only when {@code InstdAmt} is in another currency than {@code IntrBkSttlmAmt}.
     */
    private static boolean exchangeRate(MessageView v, DecodeVerdict verdict) {
        boolean instructed = v.text(INSTRUCTED_AMOUNT).isPresent();
        if (instructed && v.amountMinor(INSTRUCTED_AMOUNT) <= 0) {
            verdict.reject(RejectCode.ZERO_AMOUNT, ROOT + "/" + TXP + "/InstdAmt")
                    .append("the amount must be greater than zero");
            return false;
        }
        TextBuffer rate = v.text(EXCHANGE_RATE);
        if (!rate.isPresent()) {
            if (instructed && v.currency(INSTRUCTED_AMOUNT) != v.currency(AMOUNT)) {
                verdict.reject(RejectCode.MISSING_ELEMENT, ROOT + "/" + TXP + "/XchgRate")
                        .append("XchgRate is mandatory when InstdAmt's currency ")
                        .append(Iso4217.unpack(v.currency(INSTRUCTED_AMOUNT)))
                        .append(" differs from IntrBkSttlmAmt's ")
                        .append(Iso4217.unpack(v.currency(AMOUNT)))
                        .append(" (CBPR+)");
                return false;
            }
            return true;
        }
        if (exchangeRateScaled(rate) == INVALID_RATE) {
            verdict.reject(RejectCode.INVALID_FORMAT, ROOT + "/" + TXP + "/XchgRate")
                    .append("XchgRate '")
                    .append(rate)
                    .append("' must be a rate greater than zero of at most 11 digits, 10 after the point");
            return false;
        }
        if (!instructed || v.currency(INSTRUCTED_AMOUNT) == v.currency(AMOUNT)) {
            verdict.reject(RejectCode.INVALID_FORMAT, ROOT + "/" + TXP + "/XchgRate")
                    .append("XchgRate is allowed only with an InstdAmt in another currency than IntrBkSttlmAmt");
            return false;
        }
        return true;
    }

    /**
     * An {@code XchgRate} (BaseOneRate: at most 11 digits, 10 after the point) × 10^8, rounded
     * half-even to 8 decimals; {@link #INVALID_RATE} when it is not such a decimal or not greater
     * than zero (also when it rounds to zero). Integer arithmetic only.
     */
    public static long exchangeRateScaled(CharSequence text) {
        long tenDecimals = DecimalAmounts.parseMinor(text, 10, 11);
        if (tenDecimals <= 0) {
            return INVALID_RATE;
        }
        long scaled = tenDecimals / 100;
        long rest = tenDecimals % 100;
        if (rest > 50 || (rest == 50 && (scaled & 1) == 1)) {
            scaled++;
        }
        return scaled > 0 ? scaled : INVALID_RATE;
    }

    /** CBPR+: the header's parties are financial institutions, the instructing and instructed agents. */
    private static boolean headerNamesTheAgents(MessageView v, DecodeVerdict verdict) {
        if (!v.hasAppHdr()) {
            return true;
        }
        if (!v.fromBic().isPresent()) {
            verdict.reject(RejectCode.MISSING_ELEMENT, "/AppHdr/Fr/FIId/FinInstnId/BICFI")
                    .append("mandatory element BICFI is missing");
            return false;
        }
        if (!v.toBic().isPresent()) {
            verdict.reject(RejectCode.MISSING_ELEMENT, "/AppHdr/To/FIId/FinInstnId/BICFI")
                    .append("mandatory element BICFI is missing");
            return false;
        }
        if (!sameBic(v.fromBic(), v.text(INSTRUCTING_AGENT_BIC))) {
            verdict.reject(RejectCode.HEADER_MISMATCH, "/AppHdr/Fr/FIId/FinInstnId/BICFI")
                    .append("AppHdr Fr '")
                    .append(v.fromBic())
                    .append("' must be the instructing agent '")
                    .append(v.text(INSTRUCTING_AGENT_BIC))
                    .append("' (CBPR+)");
            return false;
        }
        if (!sameBic(v.toBic(), v.text(INSTRUCTED_AGENT_BIC))) {
            verdict.reject(RejectCode.HEADER_MISMATCH, "/AppHdr/To/FIId/FinInstnId/BICFI")
                    .append("AppHdr To '")
                    .append(v.toBic())
                    .append("' must be the instructed agent '")
                    .append(v.text(INSTRUCTED_AGENT_BIC))
                    .append("' (CBPR+)");
            return false;
        }
        return true;
    }

    /** BICs compare equal when one is the 8-character form of the other's "XXX" branch. */
    static boolean sameBic(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
        CharSequence shortOne = la < lb ? a : b;
        CharSequence longOne = la < lb ? b : a;
        if (shortOne.length() != 8 || longOne.length() != 11) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (shortOne.charAt(i) != longOne.charAt(i)) {
                return false;
            }
        }
        return longOne.charAt(8) == 'X' && longOne.charAt(9) == 'X' && longOne.charAt(10) == 'X';
    }
}
