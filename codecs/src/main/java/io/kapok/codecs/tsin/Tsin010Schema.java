package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.010.001.01 PartyRegistrationAndGuaranteeStatus: the answer to a tsin.009 (RCCF/RCER). Read as {@link FinancingAgreementListSchema} describes (its field indexes).
 */
public final class Tsin010Schema {
    public static final MessageSchema SCHEMA =
            FinancingAgreementListSchema.schema(MessageType.TSIN_010_001_01, "PtyRegnAndGrntSts", "AgrmtList");

    private Tsin010Schema() {}
}
