package io.kapok.ledger.payment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.LedgerRejection;
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

/** The open-addressing window against a plain map and queue doing the same, step by step. */
class DecidedPaymentsTest {
    private record Decision(String sender, String messageId, String uetr, long sequence, long timeMs) {}

    @Test
    void findsWhatAPlainMapFindsThroughGrowthAndForgetting() throws IOException {
        findsWhatAPlainMapFinds(false);
    }

    /**
     * A compact window (ids as bytes where they fit) finds exactly what the plain map finds, ids
     * that do not fit (too long, a character above U+00FF) included, and writes the same bytes as
     * a window of Strings given the same decisions.
     */
    @Test
    void aCompactWindowFindsAndWritesWhatAWindowOfStringsDoes() throws IOException {
        findsWhatAPlainMapFinds(true);
    }

    private static void findsWhatAPlainMapFinds(boolean compactIds) throws IOException {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        DecidedPayments window = new DecidedPayments(5_000, 1_000, compactIds);
        DecidedPayments strings = compactIds ? new DecidedPayments(5_000, 1_000) : null;
        Map<String, Decision> byMessage = new HashMap<>();
        Map<String, Decision> byUetr = new HashMap<>();
        ArrayDeque<Decision> order = new ArrayDeque<>();
        long timeMs = 0;
        for (long sequence = 1; sequence <= 200_000; sequence++) {
            timeMs += random.nextInt(1, 4); // ~2 ms a step: about 500 decisions in the window
            if (random.nextInt(2_000) == 0) {
                timeMs += 5_000; // a quiet spell: everything is forgotten
            }
            int forgotten = window.forget(timeMs);
            int expected = 0;
            while (!order.isEmpty() && order.peekFirst().timeMs() <= timeMs - 1_000) {
                Decision d = order.removeFirst();
                byMessage.remove(d.sender() + "/" + d.messageId());
                byUetr.remove(d.uetr());
                expected++;
            }
            assertEquals(expected, forgotten, "seed " + seed);
            String sender = "BANK" + random.nextInt(7);
            String messageId = "M" + random.nextInt(3_000);
            String uetr = "u" + random.nextInt(3_000);
            if (compactIds && random.nextInt(10) == 0) {
                // Ids a compact window keeps as Strings: longer than its bytes hold, or not Latin-1.
                messageId = random.nextBoolean() ? messageId + "-".repeat(40) : messageId + "\u4e2d";
                uetr = random.nextBoolean() ? uetr + "-".repeat(40) : uetr + "\u00e9\u4e2d";
            }
            Decision known = byMessage.get(sender + "/" + messageId);
            int slot = window.findByMessage(sender, messageId);
            assertEquals(known != null, slot >= 0, "seed " + seed);
            if (known != null) {
                assertEquals(known.sequence(), window.sequenceAt(slot), "seed " + seed);
            }
            Decision knownUetr = byUetr.get(uetr);
            int uetrSlot = window.findByUetr(uetr);
            assertEquals(knownUetr != null, uetrSlot >= 0, "seed " + seed);
            if (knownUetr != null) {
                assertEquals(knownUetr.sequence(), window.sequenceAt(uetrSlot), "seed " + seed);
            }
            if (known == null && knownUetr == null && !window.full()) {
                // new String: the window must compare contents, not identities
                window.remember(new String(sender), new String(messageId), uetr, sequence, timeMs, null, sequence * 31);
                if (strings != null) {
                    strings.forget(timeMs);
                    strings.remember(sender, messageId, uetr, sequence, timeMs, null, sequence * 31);
                }
                Decision d = new Decision(sender, messageId, uetr, sequence, timeMs);
                byMessage.put(sender + "/" + messageId, d);
                byUetr.put(uetr, d);
                order.addLast(d);
            }
            assertEquals(order.size(), window.size(), "seed " + seed);
        }
        assertTrue(window.clearsForgottenSlots(), "seed " + seed);
        assertTrue(window.longestProbe() < 64, "probe sequences stay short: " + window.longestProbe());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        window.write(new DataOutputStream(bytes));
        if (strings != null) {
            strings.forget(timeMs);
            ByteArrayOutputStream stringBytes = new ByteArrayOutputStream();
            strings.write(new DataOutputStream(stringBytes));
            assertArrayEquals(stringBytes.toByteArray(), bytes.toByteArray(), "seed " + seed);
            ByteArrayOutputStream compactedBytes = new ByteArrayOutputStream();
            strings.compacted().write(new DataOutputStream(compactedBytes));
            assertArrayEquals(stringBytes.toByteArray(), compactedBytes.toByteArray(), "seed " + seed);
        }
        DecidedPayments read = DecidedPayments.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(window.size(), read.size());
        for (Decision d : order) {
            int slot = read.findByMessage(d.sender(), d.messageId());
            assertEquals(d.sequence(), read.sequenceAt(slot));
            assertEquals(d.timeMs(), read.timeMsAt(slot));
            assertEquals(d.sequence() * 31, read.fingerprintAt(slot));
        }
    }

    @Test
    void growsFromAWrappedRingAndStillFindsEveryDecisionByBothKeys() {
        DecidedPayments window = new DecidedPayments(1 << 16, 1_000);
        // 1,000 decisions one ms apart, the first 600 forgotten: the ring's oldest decision is at
        // slot 600, and the next 624 wrap round to slot 0 before the ring of 1,024 is full.
        for (int i = 0; i < 1_000; i++) {
            window.remember("BANK" + (i % 3), "M" + i, "u" + i, i + 1, i, null, i);
        }
        assertEquals(600, window.forget(1_599));
        // Then a burst without forgetting: the ring doubles from that wrapped state, then again.
        for (int i = 1_000; i < 5_000; i++) {
            window.remember("BANK" + (i % 3), "M" + i, i % 5 == 0 ? null : "u" + i, i + 1, 1_599, null, i);
        }
        assertEquals(4_400, window.size());
        for (int i = 0; i < 5_000; i++) {
            int bySender = window.findByMessage("BANK" + (i % 3), "M" + i);
            int byUetr = window.findByUetr("u" + i);
            if (i < 600) {
                assertEquals(-1, bySender, "forgotten M" + i);
                assertEquals(-1, byUetr, "forgotten u" + i);
                continue;
            }
            assertEquals(i + 1, window.sequenceAt(bySender), "M" + i);
            if (i >= 1_000 && i % 5 == 0) {
                assertEquals(-1, byUetr, "M" + i + " claimed no UETR");
            } else {
                assertEquals(bySender, byUetr, "u" + i);
            }
        }
        // Forgetting after the growth removes from the moved tables too.
        assertEquals(400, window.forget(1_000 + 1_000));
        assertEquals(-1, window.findByMessage("BANK" + (999 % 3), "M999"));
        assertEquals(-1, window.findByUetr("u999"));
        assertEquals(1_001, window.sequenceAt(window.findByMessage("BANK" + (1_000 % 3), "M1000")));
        assertEquals(1_002, window.sequenceAt(window.findByUetr("u1001")));
        assertTrue(window.longestProbe() < 64, "probe sequences stay short: " + window.longestProbe());
    }

    @Test
    void growsIntoArraysMadeElsewhereAndWritesWhatAWindowThatAllocatedItsOwnWrites() throws IOException {
        for (boolean compactIds : new boolean[] {false, true}) {
            DecidedPayments own = new DecidedPayments(10_000, 1_000, compactIds);
            DecidedPayments offered = new DecidedPayments(10_000, 1_000, compactIds);
            int grownIntoOffers = 0;
            for (int i = 0; i < 9_000; i++) {
                if (i == 2_000) {
                    // The wrong size (what the growth after next needs) is dropped: the window
                    // allocates its own as it would have.
                    offered.offer(new DecidedPayments.WindowArrays(offered.nextRoom() * 2, compactIds));
                } else if (i % 700 == 0 && offered.nextRoom() > 0) {
                    offered.offer(new DecidedPayments.WindowArrays(offered.nextRoom(), compactIds));
                }
                int roomBefore = offered.room();
                for (DecidedPayments w : new DecidedPayments[] {own, offered}) {
                    w.remember("BANK" + (i % 3), "M" + i, i % 7 == 0 ? null : "u" + i, i + 1, i / 10, null, i);
                    w.forget(i / 10);
                }
                if (offered.room() != roomBefore && offered.grewIntoOffer()) {
                    grownIntoOffers++;
                }
            }
            assertEquals(own.room(), offered.room());
            assertEquals(own.nextRoom(), offered.nextRoom());
            assertTrue(grownIntoOffers >= 2, "grew into offered arrays " + grownIntoOffers + " times");
            assertArrayEquals(written(own), written(offered), "compactIds " + compactIds);
            for (int i = 0; i < 9_000; i += 97) {
                assertEquals(
                        own.findByMessage("BANK" + (i % 3), "M" + i), offered.findByMessage("BANK" + (i % 3), "M" + i));
                assertEquals(own.findByUetr("u" + i), offered.findByUetr("u" + i));
            }
        }
    }

    private static byte[] written(DecidedPayments window) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        window.write(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    @Test
    void preallocatesFromAWrappedRingThenHoldsItsCapacityWithoutGrowing() {
        DecidedPayments window = new DecidedPayments(3_000, 1_000);
        for (int i = 0; i < 1_000; i++) {
            window.remember("BANK" + (i % 3), "M" + i, "u" + i, i + 1, i, null, i);
        }
        assertEquals(600, window.forget(1_599));
        for (int i = 1_000; i < 1_300; i++) { // wraps round the ring of 1,024
            window.remember("BANK" + (i % 3), "M" + i, "u" + i, i + 1, 1_599, null, i);
        }
        window.preallocate();
        assertEquals(3_000, window.slots());
        assertTrue(window.longestProbe() < 64, "probe sequences stay short: " + window.longestProbe());
        for (int i = 600; i < 1_300; i++) {
            assertEquals(i + 1, window.sequenceAt(window.findByMessage("BANK" + (i % 3), "M" + i)), "M" + i);
            assertEquals(i + 1, window.sequenceAt(window.findByUetr("u" + i)), "u" + i);
        }
        for (int i = 1_300; i < 3_600; i++) {
            window.remember("BANK" + (i % 3), "M" + i, "u" + i, i + 1, 1_599, null, i);
        }
        assertTrue(window.full());
        assertEquals(3_000, window.slots(), "never grew");
        assertEquals(3_600, window.sequenceAt(window.findByUetr("u3599")));
        assertEquals(601, window.sequenceAt(window.findByMessage("BANK0", "M600")));
    }

    /**
     * Parties given by ordinal (the ledger's settled transfers) are read back as the ids they name,
     * found, returned and written exactly as a window given only Strings keeps them; an ordinal
     * that names another String (or -1) keeps the String given, so no ordinal can change an
     * answer. Both layouts, through growth, forgetting and a compact copy.
     */
    @Test
    void partiesKeptByOrdinalReadBackAsTheIdsAWindowOfStringsKeeps() throws IOException {
        for (boolean compactIds : new boolean[] {false, true}) {
            long seed = System.nanoTime();
            SplittableRandom random = new SplittableRandom(seed);
            String[] parties = new String[40];
            for (int i = 0; i < parties.length; i++) {
                parties[i] = "BANK" + i + "XXX";
            }
            DecidedPayments byOrdinal = new DecidedPayments(3_000, 1_000, compactIds);
            DecidedPayments byString = new DecidedPayments(3_000, 1_000, compactIds);
            long timeMs = 0;
            for (long sequence = 1; sequence <= 30_000; sequence++) {
                timeMs += random.nextInt(1, 3);
                assertEquals(byString.forget(timeMs), byOrdinal.forget(timeMs), "seed " + seed);
                int from = random.nextInt(parties.length);
                int to = (from + 1 + random.nextInt(parties.length - 1)) % parties.length;
                String messageId = "M" + sequence;
                String uetr = "u" + sequence;
                // Mostly the party's own String with its ordinal; sometimes another ordinal (which
                // names another id), a copy of the id (not the String the ordinal names) or none.
                int choice = random.nextInt(20);
                int senderOrdinal = choice == 0 ? to : choice == 1 ? -1 : from;
                String sender = choice == 2 ? new String(parties[from]) : parties[from];
                int creditOrdinal = choice == 3 ? from : choice == 4 ? -1 : to;
                boolean settles = random.nextInt(4) != 0;
                LedgerRejection rejection = settles ? null : LedgerRejection.INSUFFICIENT_FUNDS;
                int slot = byOrdinal.remember(
                        DecidedPayments.messageHash(sender, messageId),
                        DecidedPayments.uetrHash(uetr),
                        sender,
                        senderOrdinal,
                        messageId,
                        uetr,
                        sequence,
                        timeMs,
                        rejection,
                        sequence,
                        null);
                int stringSlot = byString.remember(sender, messageId, uetr, sequence, timeMs, rejection, sequence);
                if (settles) {
                    byOrdinal.settled(slot, parties[to], creditOrdinal, 392, sequence);
                    byString.settled(stringSlot, parties[to], 392, sequence);
                }
                int found = byOrdinal.findByMessage(new String(parties[from]), messageId);
                assertEquals(slot, found, "seed " + seed);
                assertEquals(settles ? parties[from] : null, byOrdinal.debitPartyIdAt(found), "seed " + seed);
                assertEquals(settles ? parties[to] : null, byOrdinal.creditPartyIdAt(found), "seed " + seed);
                assertEquals(-1, byOrdinal.findByMessage(parties[to], messageId), "seed " + seed);
                assertEquals(settles ? slot : -1, byOrdinal.findSettled(uetr), "seed " + seed);
            }
            byte[] expected = written(byString);
            assertArrayEquals(expected, written(byOrdinal), "seed " + seed);
            assertArrayEquals(expected, written(byOrdinal.compacted()), "seed " + seed);
            assertTrue(byOrdinal.clearsForgottenSlots(), "seed " + seed);
        }
    }

    @Test
    void forgetsInJournalOrderSoALaterDecisionWithAnEarlierTimeWaits() {
        DecidedPayments window = new DecidedPayments(10, 100);
        window.remember("S", "M1", "u1", 1, 1_000, null, 1);
        window.remember("S", "M2", "u2", 2, 900, LedgerRejection.INSUFFICIENT_FUNDS, 2);
        assertEquals(0, window.forget(1_050), "M2 is old enough, but M1 before it is not");
        assertEquals(2, window.forget(1_100));
        assertFalse(window.findByUetr("u2") >= 0);
    }

    @Test
    void keepsTheRejectionOfARefusedPayment() {
        DecidedPayments window = new DecidedPayments(10, 100);
        window.remember("S", "M1", "u1", 7, 1_000, LedgerRejection.INSUFFICIENT_FUNDS, 1);
        int slot = window.findByMessage("S", "M1");
        assertEquals(LedgerRejection.INSUFFICIENT_FUNDS, window.rejectionAt(slot));
        assertEquals(7, window.sequenceAt(slot));
        assertEquals(-1, window.findByMessage("T", "M1"));
    }

    @Test
    void readsTheWindowOfTheVersionBeforeReturnsAsTransfersThatCannotBeReturned() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(100); // capacity
        out.writeLong(1_000); // retention ms
        out.writeInt(2);
        for (int i = 1;
                i <= 2;
                i++) { // version 2: senderId · messageId · uetr · sequence · time · rejection · fingerprint
            out.writeUTF("PRBKCNGZXXX");
            out.writeUTF("M" + i);
            out.writeUTF("u-" + i);
            out.writeLong(i);
            out.writeLong(10 * i);
            out.writeInt(i == 1 ? 0 : LedgerRejection.INSUFFICIENT_FUNDS.number());
            out.writeLong(1_000 + i);
        }
        DecidedPayments window =
                DecidedPayments.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), true);

        assertEquals(2, window.size());
        int applied = window.findByUetr("u-1");
        assertEquals(applied, window.findByMessage("PRBKCNGZXXX", "M1"));
        assertEquals(1_001, window.fingerprintAt(applied));
        assertEquals(LedgerRejection.INSUFFICIENT_FUNDS, window.rejectionAt(window.findByUetr("u-2")));
        assertEquals(-1, window.findSettled("u-1"), "no settlement details: it cannot be returned");
        assertEquals(null, window.checkInvariants());
    }
}
