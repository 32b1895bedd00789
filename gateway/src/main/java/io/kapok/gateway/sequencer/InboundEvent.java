package io.kapok.gateway.sequencer;

import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.gateway.http.PendingResponse;

/**
 * One slot of the ring between the event loops (many producers) and the sequencer/ledger thread
 * (one consumer). Preallocated and reused: a producer claims a slot, copies the decoded message and
 * its original bytes in, and publishes; the sequencer reads it and hands the answer back through
 * {@link #response}. Nothing in a slot is touched by two threads at once.
 */
public final class InboundEvent {
    /** What the slot asks of the sequencer. */
    public enum Kind {
        /** A decoded, validated pacs.008 to journal and apply. */
        PAYMENT,
        /** Any other decoded, validated message of the map (receivable financing): in {@link #message}. */
        MESSAGE,
        /** GET /v1/ledger/hash. */
        QUERY_STATE_HASH,
        /** GET /v1/ledger/accounts/{partyId}. */
        QUERY_ACCOUNTS,
        /** GET /v1/ledger/receivables/{receivableId}. */
        QUERY_RECEIVABLE,
        /** GET /v1/ledger/exposure/{bankId}. */
        QUERY_EXPOSURE
    }

    public Kind kind;
    public final Pacs008View payment = new Pacs008View();
    /** The decoded message of a {@link Kind#MESSAGE} slot; its buffers grow to the largest seen. */
    public final io.kapok.codecs.stream.MessageView message = new io.kapok.codecs.stream.MessageView();
    /** Authenticated sender (dev profile: the BAH Fr, normalised to 11 characters). */
    public String senderId;
    /** The original message bytes, journaled as received. Grows to the largest message seen. */
    public byte[] raw = new byte[4096];

    public int rawLength;
    /**
     * H(raw[0..rawLength)) with the journal's digest algorithm, computed by the event loop before
     * publishing, so the sequencer chains the entry without hashing the message itself.
     */
    public final byte[] messageDigest = new byte[io.kapok.gateway.journal.JournalDigest.LENGTH_BYTES];
    /** Epoch ms at which the event loop received the message: the only clock the ledger sees. */
    public long receiveTimeMs;
    /** The id a query names: the party, the receivable or the bank. */
    public String queryId;
    /** Where the answer goes; cleared by the sequencer once handed back. */
    public PendingResponse response;

    /** Copies {@code length} bytes of the original message in, growing the slot's buffer if needed. */
    public void setRaw(byte[] source, int length) {
        if (raw.length < length) {
            raw = new byte[Math.max(length, raw.length * 2)];
        }
        System.arraycopy(source, 0, raw, 0, length);
        rawLength = length;
    }
}
