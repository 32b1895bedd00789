package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.lmax.disruptor.EventFactory;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.ledger.payment.TransferCommand;
import org.junit.jupiter.api.Test;

/** Slots whose references live in arrays shared by the ring each hold only what was put in them. */
class InboundEventTest {
    @Test
    void slotsSharingTheRingsArraysEachKeepTheirOwnReferences() {
        EventFactory<InboundEvent> factory = InboundEvent.factory(3);
        InboundEvent[] slots = new InboundEvent[4]; // the fourth is past the ring: arrays of its own
        for (int i = 0; i < slots.length; i++) {
            slots[i] = factory.newInstance();
            assertNull(slots[i].kind());
        }
        for (int i = 0; i < slots.length; i++) {
            InboundEvent e = slots[i];
            e.kind(i % 2 == 0 ? InboundEvent.Kind.PAYMENT : InboundEvent.Kind.QUERY_ACCOUNTS);
            e.senderId("BANK" + i);
            e.queryId("Q" + i);
            TransferCommand c = new TransferCommand();
            c.messageId = "M" + i;
            e.transfer(c);
            e.response(new PendingResponse(r -> {}));
            byte[] raw = new byte[] {(byte) i};
            byte[] previous = e.swapRaw(raw, 1);
            assertEquals(4096, previous.length, "each slot starts with a buffer of its own");
            Pacs008View view = new Pacs008View();
            Pacs008View previousView = e.swapPayment(view);
            assertNotSame(view, previousView);
        }
        for (int i = 0; i < slots.length; i++) {
            InboundEvent e = slots[i];
            assertEquals(i % 2 == 0 ? InboundEvent.Kind.PAYMENT : InboundEvent.Kind.QUERY_ACCOUNTS, e.kind());
            assertEquals("BANK" + i, e.senderId());
            assertEquals("Q" + i, e.queryId());
            assertEquals("M" + i, e.transfer().messageId);
            assertEquals(i, e.raw()[0]);
            assertEquals(1, e.rawLength);
            for (int j = 0; j < slots.length; j++) {
                if (j != i) {
                    assertNotSame(e.response(), slots[j].response());
                    assertNotSame(e.payment(), slots[j].payment());
                    assertNotSame(e.message(), slots[j].message());
                }
            }
        }
        PendingResponse kept = slots[1].response();
        slots[0].response(null);
        assertNull(slots[0].response());
        assertSame(kept, slots[1].response());
    }
}
