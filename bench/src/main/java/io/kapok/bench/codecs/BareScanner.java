package io.kapok.bench.codecs;

import io.kapok.codecs.xml.Utf8XmlScanner;

/**
 * The ceiling of a decoder built on Kapok's own scanner: {@link Utf8XmlScanner} reads every event
 * of the message, with each text's length, and nothing is kept. Stateless; the scanner is the
 * caller's, one per thread.
 */
final class BareScanner {
    private BareScanner() {}

    /** Every event of {@code bytes}; returns a checksum so nothing is dead code. */
    static int pass(Utf8XmlScanner scanner, byte[] bytes) {
        if (!scanner.reset(bytes, 0, bytes.length)) {
            throw new IllegalStateException("the sample is not UTF-8");
        }
        int checksum = 0;
        while (true) {
            int event = scanner.next();
            checksum += event;
            if (event == Utf8XmlScanner.CHARACTERS) {
                checksum += scanner.textLength();
            } else if (event == Utf8XmlScanner.END_DOCUMENT) {
                return checksum;
            } else if (event == Utf8XmlScanner.FAILED) {
                throw new IllegalStateException(scanner.failureMessage());
            }
        }
    }
}
