package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.007.001.01 InvoiceAssignmentStatus: the bank's answer to a tsin.006, with the list's validation status (RCCF/RCER, a refusal with its reason). Read as {@link FinancingItemListSchema} describes (its field indexes).
 */
public final class Tsin007Schema {
    public static final MessageSchema SCHEMA = FinancingItemListSchema.schema(
            MessageType.TSIN_007_001_01, "InvcAssgnmtSts", "AssgnmtList", (v, verdict) -> {
                if (!v.text(FinancingItemListSchema.LIST_STATUS).contentEquals("RCER")
                        || v.text(FinancingItemListSchema.LIST_STATUS_REASON).isPresent()) {
                    return true;
                }
                verdict.reject(RejectCode.MISSING_ELEMENT, "/Document/InvcAssgnmtSts/AssgnmtList/VldtnStsInf/StsRsn/Cd")
                        .append("a validation status RCER must give its reason code");
                return false;
            });

    private Tsin007Schema() {}
}
