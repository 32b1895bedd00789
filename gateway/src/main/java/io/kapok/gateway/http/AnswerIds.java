package io.kapok.gateway.http;

import io.kapok.codecs.xml.TextBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids of Kapok's own answers, unique and within CBPR+'s 35 restricted characters.
 *
 * <pre>
 *  KPK0000000000000042               the answer to journal entry 42: the same on every retry
 *  KPKR1763893020123-000000000007    an answer to a message that was never journaled
 *                                    (refused before the ledger): start time ms + counter
 * </pre>
 * Thread-safe.
 */
public final class AnswerIds {
    private final String unjournaledPrefix;
    private final AtomicLong counter = new AtomicLong();

    public AnswerIds(long startTimeMs) {
        this.unjournaledPrefix = "KPKR" + startTimeMs + "-";
    }

    /** Writes the id of the answer to journal entry {@code sequence} into {@code out}. */
    public void journaled(TextBuffer out, long sequence) {
        out.set("KPK");
        appendPadded(out, sequence, 16);
    }

    /** Writes a fresh id for an answer that has no journal entry. */
    public void unjournaled(TextBuffer out) {
        out.set(unjournaledPrefix);
        appendPadded(out, counter.incrementAndGet(), 12);
    }

    private static final char[] DIGITS = "0123456789".toCharArray();

    /** {@code value} in {@code width} digits, zero-padded, one digit at a time: no array per answer. */
    private static void appendPadded(TextBuffer out, long value, int width) {
        long scale = 1;
        for (int i = 1; i < width; i++) {
            scale *= 10;
        }
        for (int i = 0; i < width; i++) {
            out.append(DIGITS, (int) ((value / scale) % 10), 1);
            scale /= 10;
        }
    }
}
