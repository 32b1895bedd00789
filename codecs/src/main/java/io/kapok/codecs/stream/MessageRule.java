package io.kapok.codecs.stream;

import io.kapok.codecs.DecodeVerdict;

/** A rule across fields of one message (e.g. NbOfTxs matches the transactions), run after the field checks. */
@FunctionalInterface
public interface MessageRule {
    /** @return false after recording a reject in {@code verdict} */
    boolean check(MessageView view, DecodeVerdict verdict);
}
