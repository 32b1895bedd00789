package io.kapok.gateway.sequencer;

import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.gateway.http.PendingResponse;

/**
 * One slot of the ring between the event loops (many producers) and the sequencer
 * (one consumer). Preallocated and reused: a producer claims a slot, hands the decoded message and
 * its original bytes over (swapping its own buffers for the slot's, so nothing is copied), and
 * publishes; the sequencer reads it and hands the answer back through {@link #response}. Nothing in
 * a slot is touched by two threads at once: a producer can claim a slot only once the sequencer is
 * done with what the slot held, which is what makes the slot's old buffers the producer's to reuse.
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
        QUERY_EXPOSURE,
        /** GET /v1/statement?currency=CCY: {@link #queryId} is the party, a line feed, the currency. */
        QUERY_STATEMENT,
        /**
         * A rate from the FX feed (no HTTP request): the {@code fx*} fields; {@link #raw} holds the
         * FIX message it came in, {@link #senderId} the rate source's CompID.
         */
        FX_RATE,
        /**
         * The gateway's clock, with no message: {@link #receiveTimeMs} is now, and a day that has
         * ended is closed (end-of-day statements) even when no traffic comes.
         */
        DAY_END
    }

    public Kind kind;
    /** The decoded payment of a {@link Kind#PAYMENT} slot. */
    public Pacs008View payment = new Pacs008View();
    /**
     * The ledger's command for {@link #payment}, made by the event loop with its keys computed
     * ({@link PaymentCommands#newCommand}); the sequencer numbers and applies it, then drops it.
     */
    public io.kapok.ledger.payment.TransferCommand transfer;
    /** The decoded message of a {@link Kind#MESSAGE} slot; its buffers grow to the largest seen. */
    public io.kapok.codecs.stream.MessageView message = new io.kapok.codecs.stream.MessageView();
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
    /** {@link Kind#FX_RATE}: packed ISO 4217 code of the pair's base currency. */
    public int fxBaseCurrency;
    /** {@link Kind#FX_RATE}: packed ISO 4217 code of the pair's quote currency. */
    public int fxQuoteCurrency;
    /** {@link Kind#FX_RATE}: quote units per base unit × 10^8, as the feed read it. */
    public long fxRateScaled;
    /** {@link Kind#FX_RATE}: the feed's own sequence number of the quote (the FIX MsgSeqNum). */
    public long fxSourceSequence;

    /** The id a query names: the party, the receivable or the bank. */
    public String queryId;
    /** Where the answer goes; cleared by the sequencer once handed back. */
    public PendingResponse response;

    /**
     * Producer, on a claimed slot: takes {@code bytes[0..length)} as the original message without
     * copying, and returns the slot's previous buffer for the producer to read its next message into.
     */
    public byte[] swapRaw(byte[] bytes, int length) {
        byte[] previous = raw;
        raw = bytes;
        rawLength = length;
        return previous;
    }

    /** Producer, on a claimed slot: takes {@code decoded} as the payment; returns the slot's previous view for reuse. */
    public Pacs008View swapPayment(Pacs008View decoded) {
        Pacs008View previous = payment;
        payment = decoded;
        return previous;
    }

    /** Producer, on a claimed slot: takes {@code decoded} as the message; returns the slot's previous view for reuse. */
    public io.kapok.codecs.stream.MessageView swapMessage(io.kapok.codecs.stream.MessageView decoded) {
        io.kapok.codecs.stream.MessageView previous = message;
        message = decoded;
        return previous;
    }
}
