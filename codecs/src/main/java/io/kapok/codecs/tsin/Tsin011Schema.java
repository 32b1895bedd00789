package io.kapok.codecs.tsin;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.MessageSchema;

/**
 * tsin.011.001.01 PartyRegistrationAndGuaranteeNotification: tells the parties concerned of a registration. Read as {@link FinancingAgreementListSchema} describes (its field indexes).
 */
public final class Tsin011Schema {
    public static final MessageSchema SCHEMA =
            FinancingAgreementListSchema.schema(MessageType.TSIN_011_001_01, "PtyRegnAndGrntNtfctn", "NtfctnList");

    private Tsin011Schema() {}
}
