package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the load generator reads of the gateway's health, and what it says before and after a run. */
class GatewayRoomProbeTest {
    private static final String HEALTH =
            "{\"status\": \"UP\", \"messageWindow\": {\"messages\": 1000, \"capacity\": 4096,"
                    + " \"outcomes\": 5000, \"outcomeCapacity\": 16384, \"full\": false},"
                    + " \"paymentWindow\": {\"decisions\": 980, \"room\": 262144, \"capacity\": 4194304, \"full\": false},"
                    + " \"mailboxes\": {\"capacityPerParty\": 1000000, \"undeliveredMax\": 400000,"
                    + " \"fullestParty\": \"VHBKHKHHXXX\", \"full\": false, \"postingNotices\": true}}";

    @Test
    void readsThePaymentWindowAndTheFullestMailboxAndNotAnotherObjectsFields() {
        GatewayRoomProbe.Room room = GatewayRoomProbe.parse(HEALTH);
        assertEquals(980, room.windowDecisions());
        assertEquals(262_144, room.windowRoom());
        assertEquals(4_194_304, room.windowCapacity());
        assertEquals(4_194_304 - 980, room.windowFree());
        assertEquals(400_000, room.mailboxUndeliveredMax());
        assertEquals(1_000_000, room.mailboxCapacity());
        assertEquals(600_000, room.mailboxFree());
        assertEquals("VHBKHKHHXXX", room.fullestParty());
        assertEquals(1, room.postingNotices());
        assertEquals(1000, room.financingMessages());
        assertEquals(4096, room.financingMessageCapacity());
        assertEquals(3096, room.financingMessagesFree());
        assertEquals(0, room.financingWindowFull());
    }

    @Test
    void whatTheHealthDoesNotSayIsUnknownNotZero() {
        GatewayRoomProbe.Room older =
                GatewayRoomProbe.parse("{\"paymentWindow\": {\"decisions\": 3, \"capacity\": 9}}");
        assertEquals(-1, older.windowRoom());
        assertEquals(6, older.windowFree());
        assertEquals(-1, older.mailboxFree(), "a build without mailboxes in its health");
        assertNull(older.fullestParty());
        assertEquals(-1, older.postingNotices());
        assertEquals(1.5, older.mailboxMessagesPerPayment(), "unknown: as with notifications on, the default");
        assertEquals(GatewayRoomProbe.Room.UNKNOWN, GatewayRoomProbe.parse("not json"));
        assertEquals(GatewayRoomProbe.Room.UNKNOWN, GatewayRoomProbe.parse("[1, 2]"));
        assertEquals(
                "",
                GatewayRoomProbe.shortfall(GatewayRoomProbe.Room.UNKNOWN, 1_000_000_000L),
                "nothing known, nothing said");
    }

    @Test
    void aRunThatFitsSaysNothingAndOneThatDoesNotNamesWhatFillsAndWhatToChange() {
        GatewayRoomProbe.Room room = GatewayRoomProbe.parse(HEALTH);
        // 600,000 free places in the fullest mailbox take 400,000 payments at 1.5 messages each.
        assertEquals("", GatewayRoomProbe.shortfall(room, 400_000));
        String mailbox = GatewayRoomProbe.shortfall(room, 400_001);
        assertTrue(mailbox.contains("take at most 600,000 more messages each"), mailbox);
        assertTrue(mailbox.contains("the fullest, VHBKHKHHXXX, holds 400,000 undelivered"), mailbox);
        assertTrue(mailbox.contains("after about 400,000 payments"), mailbox);
        assertTrue(mailbox.contains("mailbox.capacityPerParty"), mailbox);
        assertTrue(mailbox.contains("X-Kapok-Party: PRBKCNGZXXX, then VHBKHKHHXXX"), mailbox);
        assertTrue(!mailbox.contains("payment window"), mailbox);

        // With posting notifications off a payment leaves only its relay: a third as many messages.
        GatewayRoomProbe.Room withoutNotices =
                GatewayRoomProbe.parse(HEALTH.replace("\"postingNotices\": true", "\"postingNotices\": false"));
        assertEquals(0, withoutNotices.postingNotices());
        assertEquals("", GatewayRoomProbe.shortfall(withoutNotices, 1_200_000));
        String off = GatewayRoomProbe.shortfall(withoutNotices, 1_200_001);
        assertTrue(off.contains("(0.5 a payment with posting notifications off)"), off);
        assertTrue(!off.contains("notifications.postings: false"), "already off: " + off);

        String full = GatewayRoomProbe.shortfall(
                new GatewayRoomProbe.Room(0, 1024, 4_194_304, 1_000_000, 1_000_000, "VHBKHKHHXXX", 1, 0, 1_048_576, 0),
                1);
        assertTrue(full.startsWith("the mailbox of VHBKHKHHXXX is already full (1,000,000 undelivered"), full);
        assertTrue(full.contains("Raise mailbox.capacityPerParty"), full);

        GatewayRoomProbe.Room nearlyFull = new GatewayRoomProbe.Room(
                4_194_000, 4_194_304, 4_194_304, 0, 1_000_000_000, "PRBKCNGZXXX", 1, 0, 1_048_576, 0);
        String window = GatewayRoomProbe.shortfall(nearlyFull, 305);
        assertTrue(window.contains("room for 304 more payments (4,194,000 of 4,194,304 kept)"), window);
        assertTrue(window.contains("ledger.paymentWindow.capacity"), window);
        assertEquals("", GatewayRoomProbe.shortfall(nearlyFull, 304));
    }

    @Test
    void aMixWhoseFinancingMessagesWouldFillTheMessageWindowSaysSo() {
        GatewayRoomProbe.Room room = GatewayRoomProbe.parse(HEALTH);
        assertEquals("", GatewayRoomProbe.shortfall(room, 10, 3096));
        String why = GatewayRoomProbe.shortfall(room, 10, 3097);
        assertTrue(
                why.contains("message window has room for 3,096 more receivable-financing messages (1,000 of 4,096"),
                why);
        assertTrue(why.contains("ledger.messageWindow.capacity"), why);
        String both = GatewayRoomProbe.shortfall(room, 400_001, 3097);
        assertTrue(both.contains("; and the mailboxes of the two banks"), both);
    }

    @Test
    void saysWhatAFailedRunLeftFull() {
        assertEquals("", LoadGeneratorMain.filledNote(GatewayRoomProbe.parse(HEALTH)));
        String both = LoadGeneratorMain.filledNote(new GatewayRoomProbe.Room(
                4_194_304, 4_194_304, 4_194_304, 1_000_000, 1_000_000, "VHBKHKHHXXX", 1, 0, 1_048_576, 0));
        assertTrue(both.contains("payment window is full (4,194,304 decisions)"), both);
        assertTrue(both.contains("mailbox of VHBKHKHHXXX is full (1,000,000 undelivered)"), both);
        String financing = LoadGeneratorMain.filledNote(GatewayRoomProbe.parse(HEALTH.replace(
                "\"outcomeCapacity\": 16384, \"full\": false", "\"outcomeCapacity\": 16384, \"full\": true")));
        assertEquals(
                "the message window is full (1,000 receivable-financing messages): new ones answered 503", financing);
    }

    @Test
    void asksTheHostTheUrlNamedIpv6InBracketsOnce() {
        assertEquals(
                "http://127.0.0.1:8080/v1/health",
                GatewayRoomProbe.healthUri("127.0.0.1", 8080).toString());
        assertEquals(
                "http://[::1]:8080/v1/health",
                GatewayRoomProbe.healthUri("[::1]", 8080).toString());
        assertEquals(
                "http://[::1]:8080/v1/health",
                GatewayRoomProbe.healthUri("::1", 8080).toString());
    }

    @Test
    void saysTheWindowGrewOnlyWhenItsRoomChanged() {
        GatewayRoomProbe.Room before = GatewayRoomProbe.parse(HEALTH);
        GatewayRoomProbe.Room same = GatewayRoomProbe.parse(HEALTH);
        assertEquals("", GatewayRoomProbe.grewNote(before, same));
        GatewayRoomProbe.Room grown =
                new GatewayRoomProbe.Room(300_000, 524_288, 4_194_304, 0, 9, null, -1, -1, -1, -1);
        assertEquals(
                "", GatewayRoomProbe.grewNote(GatewayRoomProbe.Room.UNKNOWN, grown), "unknown before: nothing to say");
        String note = GatewayRoomProbe.grewNote(before, grown);
        assertTrue(note.contains("from 262,144 to 524,288 decisions"), note);
    }
}
