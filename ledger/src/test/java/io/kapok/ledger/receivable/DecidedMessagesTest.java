package io.kapok.ledger.receivable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The window of decided receivable-financing messages: against a plain map, bounded, in the snapshot. */
class DecidedMessagesTest {
    private record Kept(String key, long firstSequence, long timeMs, int commands) {}

    private static RecordMessageCommand record(String sender, String messageId, long firstSequence, int commands) {
        RecordMessageCommand c = new RecordMessageCommand();
        c.senderId = sender;
        c.messageId = messageId;
        c.messageType = "tsin.001.001.01";
        c.fingerprint = messageId.hashCode() * 31L + commands;
        c.firstSequence = firstSequence;
        for (int i = 0; i < commands; i++) {
            c.add(
                    CommandType.REQUEST_FINANCING,
                    true,
                    i % 2 == 0 ? null : LedgerRejection.ALREADY_FINANCED,
                    messageId + "/" + i,
                    false,
                    0);
        }
        return c;
    }

    @Test
    void findsWhatAPlainMapFindsThroughGrowthAndForgettingAndKeepsEachOutcome() throws IOException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        DecidedMessages window = new DecidedMessages(4_000, 1 << 14, 1_000);
        Map<String, Kept> byKey = new HashMap<>();
        ArrayDeque<Kept> order = new ArrayDeque<>();
        long timeMs = 0;
        for (long sequence = 1; sequence <= 100_000; sequence++) {
            timeMs += random.nextInt(1, 4);
            if (random.nextInt(2_000) == 0) {
                timeMs += 5_000; // a quiet spell: everything is forgotten
            }
            int expected = 0;
            while (!order.isEmpty() && order.peekFirst().timeMs() <= timeMs - 1_000) {
                byKey.remove(order.removeFirst().key());
                expected++;
            }
            assertEquals(expected, window.forget(timeMs), "seed " + seed);
            String sender = "SUPPLIER" + random.nextInt(5);
            String messageId = "G" + random.nextInt(2_000);
            String key = sender + "/" + messageId;
            Kept known = byKey.get(key);
            int slot = window.find(sender, messageId);
            assertEquals(known != null, slot >= 0, "seed " + seed);
            if (known != null) {
                assertEquals(known.firstSequence(), window.firstSequenceAt(slot), "seed " + seed);
                assertEquals(known.commands(), window.commandCountAt(slot), "seed " + seed);
                int last = known.commands() - 1;
                assertEquals(messageId + "/" + last, window.subjectAt(slot, last), "seed " + seed);
                assertEquals(last % 2 == 0, RecordMessageCommand.applied(window.outcomeAt(slot, last)));
                continue;
            }
            int commands = random.nextInt(1, 8);
            assertTrue(window.hasRoom(timeMs, commands), "seed " + seed);
            RecordMessageCommand c = record(sender, messageId, sequence, commands);
            c.timeMs = timeMs;
            window.remember(c);
            Kept kept = new Kept(key, sequence, timeMs, commands);
            byKey.put(key, kept);
            order.addLast(kept);
            assertEquals(byKey.size(), window.size(), "seed " + seed);
        }
        assertTrue(window.clearsForgottenSlots(), "forgotten messages hold no reference");
        assertArrayEquals(bytes(window), bytes(DecidedMessages.read(in(bytes(window)))), "snapshot round trip");
    }

    @Test
    void refusesRoomBeyondItsCapacityUntilTimeFreesIt() {
        DecidedMessages window = new DecidedMessages(2, 4, 1_000);
        RecordMessageCommand first = record("S", "M1", 1, 3);
        first.timeMs = 10;
        window.remember(first);
        assertFalse(window.hasRoom(20, 2), "3 + 2 outcomes over 4");
        assertTrue(window.hasRoom(20, 1));
        RecordMessageCommand second = record("S", "M2", 5, 1);
        second.timeMs = 20;
        window.remember(second);
        assertFalse(window.hasRoom(30, 1), "two messages: full");
        assertThrows(IllegalStateException.class, () -> window.remember(record("S", "M3", 7, 1)));
        assertFalse(window.hasRoom(5_000, 5), "never more outcomes than the capacity");
        assertTrue(window.hasRoom(1_010, 3), "the first is out of the window at 1,010 ms: its room comes back");
        assertEquals(1, window.forget(1_010));
        assertEquals(-1, window.find("S", "M1"));
        assertTrue(window.find("S", "M2") >= 0);
    }

    @Test
    void aDecidedMessageIsInTheStateHashAndSurvivesASnapshot() {
        Ledger ledger = new Ledger();
        LedgerResult result = new LedgerResult();
        byte[] empty = ledger.stateHash();
        RecordMessageCommand c = record("91440604MA9KAPK002", "FSPP-F-1", 0, 2);
        c.sequence = 1;
        c.timeMs = 1_000;
        ledger.apply(c, result);
        assertTrue(result.applied);
        assertNotEquals(java.util.Arrays.toString(empty), java.util.Arrays.toString(ledger.stateHash()));

        Ledger restored = Ledger.fromSnapshot(ledger.snapshot());
        assertArrayEquals(ledger.stateHash(), restored.stateHash());
        int slot = restored.decidedMessages().find("91440604MA9KAPK002", "FSPP-F-1");
        assertTrue(slot >= 0);
        assertEquals(c.fingerprint, restored.decidedMessages().fingerprintAt(slot));
        assertEquals(
                LedgerRejection.ALREADY_FINANCED,
                RecordMessageCommand.rejection(restored.decidedMessages().outcomeAt(slot, 1)));
        assertNull(RecordMessageCommand.rejection(restored.decidedMessages().outcomeAt(slot, 0)));

        RecordMessageCommand again = record("91440604MA9KAPK002", "FSPP-F-1", 0, 1);
        again.sequence = 2;
        again.timeMs = 2_000;
        restored.apply(again, result);
        assertEquals(LedgerRejection.DUPLICATE, result.rejection, "one record per (sender, MsgId)");
    }

    private static byte[] bytes(DecidedMessages window) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        window.write(new DataOutputStream(out));
        return out.toByteArray();
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
