package io.kapok.codecs.tsin;

import static io.kapok.codecs.stream.FieldSpec.optional;
import static io.kapok.codecs.stream.FieldSpec.required;

import io.kapok.codecs.stream.FieldSpec;
import io.kapok.codecs.stream.ValueKind;
import java.util.List;

/**
 * The business letter header ({@code Hdr}, BusinessLetter1) of the tsin.006 to tsin.013 and
 * tsmt.053/054 messages as Kapok reads it: the letter id (the message id the AppHdr's
 * {@code BizMsgIdr} equals), its date, and the originator: its reference (the XML id other elements
 * point to), role, name and organisation id with its scheme. These are the first
 * {@value #FIELDS} fields of each such schema, at the indexes below.
 */
public final class BusinessLetterFields {
    public static final int LETTER_ID = 0;
    public static final int LETTER_DATE = 1;
    public static final int ORIGINATOR_REFERENCE = 2;
    public static final int ORIGINATOR_ROLE = 3;
    public static final int ORIGINATOR_NAME = 4;
    public static final int ORIGINATOR_ID = 5;
    public static final int ORIGINATOR_ID_SCHEME = 6;
    /** Header fields at the start of every business letter schema. */
    public static final int FIELDS = 7;

    private static final String ORIGINATOR = "Hdr/Orgtr/Pty/BasePty/PtyId";

    private BusinessLetterFields() {}

    /** The header fields, to come first in the schema's field list. */
    static List<FieldSpec> header() {
        return List.of(
                required(ValueKind.TEXT_MAX35, "Hdr", "LttrIdr", "Id"),
                required(ValueKind.DATE, "Hdr", "Dt"),
                required(ValueKind.TEXT_MAX35, "Hdr", "Orgtr", "Id"),
                optional(ValueKind.TEXT_MAX35, "Hdr", "Orgtr", "Role", "Id"),
                optional(ValueKind.TEXT_MAX140, path("Nm")).orRepeated(),
                optional(ValueKind.TEXT_MAX35, path("Id/OrgId/Othr/Id")).orRepeated(),
                optional(ValueKind.TEXT_MAX35, path("Id/OrgId/Othr/SchmeNm/Prtry"))
                        .orRepeated());
    }

    private static String[] path(String rest) {
        return (ORIGINATOR + "/" + rest).split("/");
    }
}
