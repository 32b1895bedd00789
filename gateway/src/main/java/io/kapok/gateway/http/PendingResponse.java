package io.kapok.gateway.http;

import io.kapok.codecs.pacs.Pacs002Status;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One request's answer on its way back: created on the event loop, filled in by the sequencer (the
 * ledger's decision, or a JSON body; on the first event loop or on its own thread, {@code
 * sequencer.runsOn}), and then run on the connection's event loop again, which encodes the ISO 20022
 * answer and writes it in request order. The hand-off through the event loop's task queue orders the
 * sequencer's writes before the event loop's reads (and costs no wake-up when both are one loop).
 */
public final class PendingResponse implements Runnable {
    /** The connection it answers; null for one made by {@link #PendingResponse(Consumer)}. */
    final GatewayHttpHandler owner;
    /** Called by {@link #dispatch()} when there is no connection (benchmarks). */
    private final Consumer<PendingResponse> answered;

    boolean keepAlive;
    /** The original identifiers and the answer's parties, prepared by the event loop. */
    final Pacs002Status status = new Pacs002Status();

    // Written by the sequencer's thread, read by the event loop after dispatch().
    boolean decided;
    boolean applied;
    boolean retry;
    LedgerRejection rejection;
    long decisionSequence;
    long decisionTimeMs;
    int jsonStatus;
    String json;
    String unavailableReason;
    /** An ISO 20022 answer the sequencer encoded itself (receivable-financing flows), with its HTTP status. */
    byte[] xml;

    int xmlStatus;

    // Event loop only: the encoded answer, once there is one.
    FullHttpResponse http;

    /** The next answer of the same {@link AnswerBatch}; set by the sequencer before the hand-off. */
    PendingResponse nextInBatch;

    PendingResponse(GatewayHttpHandler owner) {
        this.owner = owner;
        this.answered = null;
    }

    /**
     * For benchmarks that drive the sequencer without Netty (bench's {@code PipelineBenchmark}): a
     * response that belongs to no connection; {@link #dispatch()} calls {@code answered} on the
     * sequencer thread instead of handing it to an event loop, and the decision is read with the
     * accessors below.
     */
    public PendingResponse(Consumer<PendingResponse> answered) {
        this.owner = null;
        this.answered = java.util.Objects.requireNonNull(answered, "answered");
    }

    /** The ledger applied the message (after {@link #dispatch()}). */
    public boolean applied() {
        return applied;
    }

    /** Why the ledger refused it, or null. */
    public LedgerRejection rejection() {
        return rejection;
    }

    /** The journal entry that decided it, 0 when none did. */
    public long decisionSequence() {
        return decisionSequence;
    }

    /** Receive time of the deciding entry, epoch ms. */
    public long decisionTimeMs() {
        return decisionTimeMs;
    }

    /** Why nothing was taken ("retry later", HTTP 503), or null. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** Event loop: readies a pooled instance for the next request on its connection. */
    void reset(boolean keepAlive) {
        this.keepAlive = keepAlive;
        status.clear();
        decided = false;
        applied = false;
        retry = false;
        rejection = null;
        decisionSequence = 0;
        decisionTimeMs = 0;
        jsonStatus = 0;
        json = null;
        unavailableReason = null;
        xml = null;
        xmlStatus = 0;
        http = null;
    }

    /** Sequencer thread: the ledger decided (or found the original decision of a retry). */
    public void answerDecision(LedgerResult result) {
        decided = true;
        applied = result.applied;
        retry = result.retry;
        rejection = result.rejection;
        decisionSequence = result.sequence;
        decisionTimeMs = result.timeMs;
    }

    /**
     * Sequencer thread: the outcome of a payment that became several ledger commands (a disbursement
     * or a settlement): applied, or the refusal, with the entry that decided it.
     */
    public void answerOutcome(boolean applied, LedgerRejection rejection, long sequence, long timeMs) {
        decided = true;
        this.applied = applied;
        retry = false;
        this.rejection = rejection;
        decisionSequence = sequence;
        decisionTimeMs = timeMs;
    }

    /** Sequencer thread: an ISO 20022 answer already encoded ({@code bytes[0..length)} is copied). */
    public void answerXml(int httpStatus, byte[] bytes, int length) {
        xmlStatus = httpStatus;
        xml = java.util.Arrays.copyOf(bytes, length);
    }

    /** Sequencer thread: an ops query's JSON answer. */
    public void answerJson(int httpStatus, String body) {
        jsonStatus = httpStatus;
        json = body;
    }

    /** Sequencer thread: nothing was taken; the sender should retry later (HTTP 503). */
    public void answerUnavailable(String reason) {
        decided = false;
        json = null;
        xml = null;
        unavailableReason = reason;
    }

    /**
     * Sequencer thread: hands a batch's answers back to their connections' event loops, one task
     * per event loop ({@link AnswerBatch}), and each connection flushed once per batch.
     */
    public static void dispatchAll(java.util.List<PendingResponse> batch) {
        AnswerBatch.dispatchAll(batch);
    }

    /** Sequencer thread: hands the answer back to the connection's event loop. */
    public void dispatch() {
        if (owner == null) {
            answered.accept(this);
            return;
        }
        try {
            owner.executor().execute(this);
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down: the connection is gone, and with it the answer. A
            // decided payment is journaled; the sender's retry gets the original answer.
        }
    }

    @Override
    public void run() {
        owner.onAnswered(this);
    }
}
