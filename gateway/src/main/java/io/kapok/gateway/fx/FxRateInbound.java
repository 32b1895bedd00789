package io.kapok.gateway.fx;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.sequencer.InboundEvent;
import java.util.Arrays;
import java.util.function.Consumer;
import org.bouncycastle.crypto.Digest;

/**
 * Hands rates from the FX feed to the sequencer through the same ring as the HTTP messages: a
 * {@link InboundEvent.Kind#FX_RATE} slot with the rate, the FIX message's bytes and their digest
 * (computed here, off the sequencer's thread, as the event loops do for HTTP), so the rate is
 * journaled and applied in order with everything else. Never blocks: a full ring refuses the rate
 * (the next quote follows). Thread-safe (one publisher at a time).
 */
public final class FxRateInbound {
    private final RingBuffer<InboundEvent> ring;
    private final Digest digest;

    /**
     * @param ring      the gateway's ring ({@code Gateway.inbound()})
     * @param algorithm the journal's message digest ({@code journal.digest})
     */
    public FxRateInbound(RingBuffer<InboundEvent> ring, JournalDigest algorithm) {
        this.ring = ring;
        this.digest = algorithm.newDigest();
    }

    /**
     * Publishes one rate.
     *
     * @param sourceId       the rate source's id, journaled as the entry's sender (its FIX CompID)
     * @param rateScaled     quote units per base unit × 10^8
     * @param sourceSequence the source's sequence number of the quote (the FIX MsgSeqNum)
     * @param message        the FIX message the rate came in, journaled as the entry's message
     * @param receiveTimeMs  when it arrived, epoch ms: the entry's receive time
     * @param decided        called on the sequencer's thread with the outcome (keep it short)
     * @return false when the ring is full: nothing was taken
     */
    public synchronized boolean publish(
            String sourceId,
            FxPair pair,
            long rateScaled,
            long sourceSequence,
            byte[] message,
            long receiveTimeMs,
            Consumer<PendingResponse> decided) {
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException e) {
            return false;
        }
        try {
            InboundEvent event = ring.get(slot);
            event.kind(InboundEvent.Kind.FX_RATE);
            event.senderId(sourceId);
            event.fxBaseCurrency = pair.base();
            event.fxQuoteCurrency = pair.quote();
            event.fxRateScaled = rateScaled;
            event.fxSourceSequence = sourceSequence;
            if (event.raw().length >= message.length) {
                // The slot's buffer is the producer's once claimed (see InboundEvent): reuse it, so
                // the HTTP producer that gets it next keeps a buffer of the size it had.
                System.arraycopy(message, 0, event.raw(), 0, message.length);
                event.rawLength = message.length;
            } else {
                event.swapRaw(Arrays.copyOf(message, message.length), message.length);
            }
            JournalDigest.digest(digest, message, 0, message.length, event.messageDigest);
            event.receiveTimeMs = receiveTimeMs;
            event.response(new PendingResponse(decided));
        } finally {
            ring.publish(slot);
        }
        return true;
    }
}
