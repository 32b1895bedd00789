package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.012.001.01 PartyRegistrationAndGuaranteeAcknowledgement: a party acknowledges a registration. Read as {@link FinancingAgreementListSchema} describes (its field indexes).
 */
public final class Tsin012Schema {
    public static final MessageSchema SCHEMA =
            FinancingAgreementListSchema.schema(MessageType.TSIN_012_001_01, "PtyRegnAndGrntAck", "AckList");

    private Tsin012Schema() {}
}
