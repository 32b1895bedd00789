package io.kapok.gateway.fx;

/** What {@code /v1/health} shows of the FX feed. Implementations are read from any thread. */
public interface FxFeedHealth {
    /**
     * Appends the feed's state as one JSON object.
     *
     * @param nowMs the wall clock, epoch ms, for ages
     */
    void appendJson(StringBuilder json, long nowMs);
}
