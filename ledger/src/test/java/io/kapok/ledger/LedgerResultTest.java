package io.kapok.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kapok.ledger.party.Party;
import org.junit.jupiter.api.Test;

/** The result's events read back as they were given, however the result keeps them. */
class LedgerResultTest {
    @Test
    void aPartysEventReadsBackItsIdAndARepeatedPartyColumnReadsBackEachTime() {
        Party bank = new Party("PRBKCNGZXXX", "Pearl River Bank", 0, 0);
        Party other = new Party("VHBKHKHHXXX", "Victoria Harbour Bank", 0, 1);
        String uetr = "eb6305c9-1f7f-49de-aed0-16487c27b42d";
        LedgerResult result = new LedgerResult();
        result.partyEvent(LedgerEventType.POSTED, bank, uetr, 1, -500, 0);
        result.partyEvent(LedgerEventType.POSTED, other, uetr, 1, 500, 0);
        result.event(LedgerEventType.RECEIVABLE_STATE, "INV-1", uetr, 1, 7, 3);
        result.event(LedgerEventType.RECEIVABLE_STATE, "INV-2", "SUPPLIER", 1, 8, 4);
        result.event(LedgerEventType.FX_RATE_SET, null, null, 2, 9, 5);

        assertEquals(5, result.eventCount());
        assertEquals("PRBKCNGZXXX", result.eventSubject(0));
        assertEquals("VHBKHKHHXXX", result.eventSubject(1));
        assertEquals("INV-1", result.eventSubject(2));
        assertEquals("INV-2", result.eventSubject(3));
        assertNull(result.eventSubject(4));
        assertEquals(uetr, result.eventParty(0));
        assertEquals(uetr, result.eventParty(1));
        assertEquals(uetr, result.eventParty(2));
        assertEquals("SUPPLIER", result.eventParty(3));
        assertNull(result.eventParty(4));
        assertEquals(-500, result.eventAmountMinor(0));
        assertEquals(LedgerEventType.FX_RATE_SET, result.eventType(4));

        result.clear();
        result.event(LedgerEventType.POSTED, "OTHER", null, 1, 1, 0);
        result.partyEvent(LedgerEventType.POSTED, other, null, 1, 2, 0);
        assertEquals(2, result.eventCount());
        assertEquals("OTHER", result.eventSubject(0));
        assertEquals("VHBKHKHHXXX", result.eventSubject(1));
        assertNull(result.eventParty(0));
        assertNull(result.eventParty(1));
    }

    /**
     * Two parties of two ledgers with the same ordinal in one result: the second keeps its id as a
     * String, and each event still reads back its own party.
     */
    @Test
    void anOrdinalThatNamesAnotherPartyKeepsTheIdItself() {
        Party first = new Party("PRBKCNGZXXX", "Pearl River Bank", 0, 3);
        Party sameOrdinal = new Party("VHBKHKHHXXX", "Victoria Harbour Bank", 0, 3);
        Party copyOfFirst = new Party(new String("PRBKCNGZXXX"), "Pearl River Bank", 0, 3);
        LedgerResult result = new LedgerResult();
        for (int round = 0; round < 3; round++) {
            result.clear();
            result.partyEvent(LedgerEventType.POSTED, first, null, 1, 1, 0);
            result.partyEvent(LedgerEventType.POSTED, sameOrdinal, null, 1, 2, 0);
            result.partyEvent(LedgerEventType.POSTED, copyOfFirst, null, 1, 3, 0);
            assertEquals("PRBKCNGZXXX", result.eventSubject(0));
            assertEquals("VHBKHKHHXXX", result.eventSubject(1));
            assertEquals("PRBKCNGZXXX", result.eventSubject(2));
        }
    }
}
