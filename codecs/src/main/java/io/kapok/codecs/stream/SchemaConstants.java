package io.kapok.codecs.stream;

/**
 * Class-load checks that a schema's field-index constants name the fields they say: a mismatch
 * is a bug, and it fails the first use of the schema loudly.
 */
public final class SchemaConstants {
    private SchemaConstants() {}

    /** Field {@code index} of {@code schema} is the one at {@code path}. */
    public static void check(MessageSchema schema, int index, String... path) {
        if (schema.indexOf(path) != index) {
            throw new IllegalStateException(schema.type().messageDefinition() + ": " + String.join("/", path)
                    + " is field " + schema.indexOf(path) + ", not " + index);
        }
    }

    /** Item field {@code index} of {@code schema}'s repeated group is the one at {@code path}. */
    public static void checkItem(MessageSchema schema, int index, String... path) {
        if (schema.itemIndexOf(path) != index) {
            throw new IllegalStateException(schema.type().messageDefinition() + ": item " + String.join("/", path)
                    + " is field " + schema.itemIndexOf(path) + ", not " + index);
        }
    }
}
