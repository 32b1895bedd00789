package io.kapok.codecs.admi;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.SchemaConstants;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;

/**
 * admi.002.001.01 MessageReject as Kapok reads it (a partner refusing a message Kapok sent): the
 * reference of the refused message, the rejecting party's reason, when and where. It has no
 * message id of its own, so the header's {@code BizMsgIdr} is not cross-checked. Field indexes are
 * constants for {@link io.kapok.codecs.stream.MessageView#text}.
 */
public final class Admi002Schema {
    public static final int RELATED_REFERENCE = 0;
    public static final int REJECTING_PARTY_REASON = 1;
    public static final int REJECTION_DATE_TIME = 2;
    public static final int ERROR_LOCATION = 3;
    public static final int REASON_DESCRIPTION = 4;

    public static final MessageSchema SCHEMA = new MessageSchema(
            MessageType.ADMI_002_001_01,
            "admi.002.001.01",
            List.of(
                    required(ValueKind.TEXT_MAX35, "RltdRef", "Ref"),
                    required(ValueKind.TEXT_MAX35, "Rsn", "RjctgPtyRsn"),
                    optional(ValueKind.ISO_DATE_TIME, "Rsn", "RjctnDtTm"),
                    optional(ValueKind.TEXT_MAX350, "Rsn", "ErrLctn"),
                    optional(ValueKind.TEXT_MAX350, "Rsn", "RsnDesc")),
            (String[]) null,
            -1,
            DecimalAmounts.TOTAL_DIGITS_MAX,
            List.of());

    private Admi002Schema() {}

    static {
        SchemaConstants.check(SCHEMA, REASON_DESCRIPTION, "Rsn", "RsnDesc");
    }
}
