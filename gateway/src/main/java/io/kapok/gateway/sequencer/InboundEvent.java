package io.kapok.gateway.sequencer;

import com.lmax.disruptor.EventFactory;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.stream.MessageView;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.ledger.payment.TransferCommand;

/**
 * One slot of the ring between the event loops (many producers) and the sequencer
 * (one consumer). Preallocated and reused: a producer claims a slot, hands the decoded message and
 * its original bytes over (swapping its own buffers for the slot's, so nothing is copied), and
 * publishes; the sequencer reads it and hands the answer back through {@link #response}. Nothing in
 * a slot is touched by two threads at once: a producer can claim a slot only once the sequencer is
 * done with what the slot held, which is what makes the slot's old buffers the producer's to reuse.
 *
 * <p><b>References in arrays shared by the ring.</b> What a message puts in its slot by reference
 * (its sender, command, pending response, bytes and decoded views) is kept in arrays shared by the
 * ring's slots ({@link #factory}), one element per slot, not in the slot object: under G1 every
 * reference stored into an old object dirties the 512-byte card it lies in, and the next young
 * collection scans every dirty card. A slot object lies among its own buffers, a card of its own
 * (shared with the decode views first made beside it, which no longer store a reference per message
 * either: {@code MessageView}); slots and views together left ~4,000 of ~6,200 dirty cards at each
 * collection at 18,000 payments/s. In the arrays 128 slots share a card. The kind is a byte in the
 * slot (a primitive store dirties nothing).
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

    private static final Kind[] KINDS = Kind.values();

    /**
     * The references of a ring's slots, one element per slot ({@link InboundEvent#factory}). Written
     * by the producer of a claimed slot and read by the sequencer once it is published, exactly as
     * the slot's own fields would be.
     */
    private static final class Slots {
        final Pacs008View[] payments;
        final TransferCommand[] transfers;
        final MessageView[] messages;
        final String[] senderIds;
        final byte[][] raws;
        final String[] queryIds;
        final PendingResponse[] responses;

        Slots(int count) {
            payments = new Pacs008View[count];
            transfers = new TransferCommand[count];
            messages = new MessageView[count];
            senderIds = new String[count];
            raws = new byte[count][];
            queryIds = new String[count];
            responses = new PendingResponse[count];
        }
    }

    private final Slots slots;
    /** This slot's element in {@link #slots}. */
    private final int at;
    /** {@link Kind} ordinal + 1; 0 before the first message. */
    private byte kindCode;

    /** A slot with arrays of its own (one element each), for a ring not made by {@link #factory}. */
    public InboundEvent() {
        this(new Slots(1), 0);
    }

    private InboundEvent(Slots slots, int at) {
        this.slots = slots;
        this.at = at;
        slots.payments[at] = new Pacs008View();
        slots.messages[at] = new MessageView();
        slots.raws[at] = new byte[4096];
    }

    /**
     * The slots of a ring of {@code slots} entries, sharing one set of arrays (see the class doc);
     * asked for more slots than that, it makes them with arrays of their own.
     */
    public static EventFactory<InboundEvent> factory(int slots) {
        Slots shared = new Slots(slots);
        return new EventFactory<>() {
            private int made;

            @Override
            public InboundEvent newInstance() {
                return made < slots ? new InboundEvent(shared, made++) : new InboundEvent();
            }
        };
    }

    /** What the slot asks of the sequencer; null before its first message. */
    public Kind kind() {
        return kindCode == 0 ? null : KINDS[kindCode - 1];
    }

    public void kind(Kind kind) {
        kindCode = (byte) (kind.ordinal() + 1);
    }

    /** The decoded payment of a {@link Kind#PAYMENT} slot. */
    public Pacs008View payment() {
        return slots.payments[at];
    }

    /**
     * The ledger's command for {@link #payment()}, made by the event loop with its keys computed
     * ({@link PaymentCommands#newCommand}); the sequencer numbers and applies it, then drops it.
     */
    public TransferCommand transfer() {
        return slots.transfers[at];
    }

    public void transfer(TransferCommand transfer) {
        slots.transfers[at] = transfer;
    }

    /** The decoded message of a {@link Kind#MESSAGE} slot; its buffers grow to the largest seen. */
    public MessageView message() {
        return slots.messages[at];
    }

    /** Authenticated sender (dev profile: the BAH Fr, normalised to 11 characters). */
    public String senderId() {
        return slots.senderIds[at];
    }

    public void senderId(String senderId) {
        slots.senderIds[at] = senderId;
    }

    /** The original message bytes, journaled as received. Grows to the largest message seen. */
    public byte[] raw() {
        return slots.raws[at];
    }

    public void raw(byte[] raw) {
        slots.raws[at] = raw;
    }

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
    public String queryId() {
        return slots.queryIds[at];
    }

    public void queryId(String queryId) {
        slots.queryIds[at] = queryId;
    }

    /** Where the answer goes; cleared by the sequencer once handed back. */
    public PendingResponse response() {
        return slots.responses[at];
    }

    public void response(PendingResponse response) {
        slots.responses[at] = response;
    }

    /**
     * Producer, on a claimed slot: takes {@code bytes[0..length)} as the original message without
     * copying, and returns the slot's previous buffer for the producer to read its next message into.
     */
    public byte[] swapRaw(byte[] bytes, int length) {
        byte[] previous = slots.raws[at];
        slots.raws[at] = bytes;
        rawLength = length;
        return previous;
    }

    /** Producer, on a claimed slot: takes {@code decoded} as the payment; returns the slot's previous view for reuse. */
    public Pacs008View swapPayment(Pacs008View decoded) {
        Pacs008View previous = slots.payments[at];
        slots.payments[at] = decoded;
        return previous;
    }

    /** Producer, on a claimed slot: takes {@code decoded} as the message; returns the slot's previous view for reuse. */
    public MessageView swapMessage(MessageView decoded) {
        MessageView previous = slots.messages[at];
        slots.messages[at] = decoded;
        return previous;
    }
}
