package io.kapok.codecs.stream;

import io.kapok.codecs.RejectCode;
import java.util.Set;

/**
 * One leaf (or container) element a {@link MessageSchema} reads.
 *
 * @param path      element names from the Document's message element down, e.g.
 *                  {@code {"TxInf", "OrgnlUETR"}}
 * @param kind      how the text is checked
 * @param mandatory whether a message without it is refused
 * @param codes     for {@link ValueKind#CODE}: the allowed codes; otherwise empty
 * @param invalidCode the reject for an invalid value, or null for the kind's usual one
 * @param repeatable whether the element may occur more than once (the first is kept); a second
 *                  occurrence of any other field is refused
 */
public record FieldSpec(
        String[] path,
        ValueKind kind,
        boolean mandatory,
        Set<String> codes,
        boolean repeatable,
        RejectCode invalidCode) {
    /** A mandatory field. */
    public static FieldSpec required(ValueKind kind, String... path) {
        return new FieldSpec(intern(path), kind, true, Set.of(), false, null);
    }

    /** An optional field. */
    public static FieldSpec optional(ValueKind kind, String... path) {
        return new FieldSpec(intern(path), kind, false, Set.of(), false, null);
    }

    /** A mandatory code from a closed list. */
    public static FieldSpec requiredCode(Set<String> codes, String... path) {
        return new FieldSpec(intern(path), ValueKind.CODE, true, codes, false, null);
    }

    /** An optional code from a closed list. */
    public static FieldSpec optionalCode(Set<String> codes, String... path) {
        return new FieldSpec(intern(path), ValueKind.CODE, false, codes, false, null);
    }

    /** This field, allowed to repeat (the first occurrence is kept). */
    public FieldSpec orRepeated() {
        return new FieldSpec(path, kind, mandatory, codes, true, invalidCode);
    }

    /** This field, refused with {@code code} (instead of its kind's usual code) when its value is invalid. */
    public FieldSpec invalidAs(RejectCode code) {
        return new FieldSpec(path, kind, mandatory, codes, repeatable, code);
    }

    /** The path as XPath-like text below {@code /Document/<root>}. */
    public String pathText(String root) {
        return "/Document/" + root + "/" + String.join("/", path);
    }

    private static String[] intern(String[] path) {
        String[] interned = new String[path.length];
        for (int i = 0; i < path.length; i++) {
            interned[i] = path[i].intern(); // the parser interns names: compare by identity
        }
        return interned;
    }
}
