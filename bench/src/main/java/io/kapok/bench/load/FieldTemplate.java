package io.kapok.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * A complete message whose variable fields are placeholders of the same width as their values,
 * found once at construction: a request is the template copied and each placeholder's every
 * occurrence overwritten, with no XML work. Immutable and thread-safe.
 */
final class FieldTemplate {
    private final byte[] bytes;
    private final int[][] offsets;

    /**
     * @param what         the message, for errors ("the tsin.004 template")
     * @param message      the encoded message, placeholders included
     * @param placeholders ASCII placeholders; each must occur at least once, and none inside another
     */
    FieldTemplate(String what, byte[] message, String... placeholders) {
        this.bytes = message.clone();
        this.offsets = new int[placeholders.length][];
        for (int p = 0; p < placeholders.length; p++) {
            byte[] needle = placeholders[p].getBytes(StandardCharsets.US_ASCII);
            int count = 0;
            for (int at = indexOf(bytes, needle, 0); at >= 0; at = indexOf(bytes, needle, at + needle.length)) {
                count++;
            }
            if (count == 0) {
                throw new IllegalStateException(what + " does not contain its placeholder " + placeholders[p]);
            }
            offsets[p] = new int[count];
            int i = 0;
            for (int at = indexOf(bytes, needle, 0); at >= 0; at = indexOf(bytes, needle, at + needle.length)) {
                offsets[p][i++] = at;
            }
        }
    }

    /** Length of the message, bytes. */
    int length() {
        return bytes.length;
    }

    /** Copies the template to {@code dst[offset]}; allocates nothing. */
    void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    /** Where placeholder {@code placeholder} (its index in the constructor's list) occurs; do not modify. */
    int[] offsets(int placeholder) {
        return offsets[placeholder];
    }

    /** Index of the first {@code needle} in {@code haystack} at or after {@code from}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
