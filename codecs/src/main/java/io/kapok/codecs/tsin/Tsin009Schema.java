package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.009.001.01 PartyRegistrationAndGuaranteeRequest: onboard a party (core enterprise, supplier, bank) under a programme, with the guarantee asked for; the answer is a tsin.010. Read as {@link FinancingAgreementListSchema} describes (its field indexes).
 */
public final class Tsin009Schema {
    public static final MessageSchema SCHEMA =
            FinancingAgreementListSchema.schema(MessageType.TSIN_009_001_01, "PtyRegnAndGrntReq", "AgrmtList");

    private Tsin009Schema() {}
}
