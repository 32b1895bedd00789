package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.xml.TextBuffer;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import org.junit.jupiter.api.Test;

/** Decoded BICs named as the ledger's own party ids: the same instance when known, an equal new String otherwise. */
class PartyIdsTest {
    private final Ledger ledger = new Ledger();
    private final LedgerResult result = new LedgerResult();
    private final PartyIds ids = new PartyIds();

    private String register(String id) {
        RegisterPartyCommand c = new RegisterPartyCommand();
        c.partyId = new String(id);
        c.name = id;
        c.roles = PartyRole.BANK.bit();
        c.sequence = ledger.lastSequence() + 1;
        c.timeMs = 1_700_000_000_000L;
        ledger.apply(c, result);
        assertTrue(result.applied, result::toString);
        return ledger.party(id).id();
    }

    private static TextBuffer text(String s) {
        TextBuffer t = new TextBuffer();
        t.set(s);
        return t;
    }

    @Test
    void aKnownPartysBicComesAsTheLedgersOwnInstanceInEverySpellingNormaliseAccepts() {
        String prbk = register("PRBKCNGZXXX");
        String vhbk = register("VHBKHKHH123");
        ids.publish(ledger.parties());

        assertSame(prbk, ids.bic(text("PRBKCNGZXXX")));
        assertSame(prbk, ids.bic(text("PRBKCNGZ")), "the head office's 8-character form");
        assertSame(prbk, ids.bic(text("  PRBKCNGZ\n")), "trimmed as Bics.normalise trims");
        assertSame(vhbk, ids.bic("VHBKHKHH123"));
        assertEquals(2, ids.size());
    }

    @Test
    void anUnknownIdIsANewStringSpelledAsBicsNormaliseSpellsIt() {
        String prbk = register("PRBKCNGZXXX");
        ids.publish(ledger.parties());

        for (String unknown : new String[] {"PRBKCNGZXXY", "PRBKCNGY", "PRBKCNGZX", "", "  ", "VHBKHKHH", "ab\tcd"}) {
            String got = ids.bic(text(unknown));
            assertEquals(Bics.normalise(unknown), got, unknown);
            assertNotSame(prbk, got, unknown);
        }
        String branch = "PRBKCNGZ001";
        assertEquals(branch, ids.bic(text(branch)), "another branch of the same bank is another party");
        String tooLong = "X".repeat(PartyIds.LENGTH_MAX + 1);
        assertEquals(tooLong, ids.bic(tooLong));
    }

    @Test
    void idsWhoseHashCodesCollideAreToldApartByTheirCharacters() {
        // "Aa" and "BB" have the same String.hashCode, so these two ids do too.
        String a = register("AaAaCNGZXXX");
        String b = register("BBBBCNGZXXX");
        assertEquals(a.hashCode(), b.hashCode());
        ids.publish(ledger.parties());

        assertSame(a, ids.bic(text("AaAaCNGZXXX")));
        assertSame(b, ids.bic(text("BBBBCNGZXXX")));
        assertSame(b, ids.bic(text("BBBBCNGZ")));
        assertEquals("AaBBCNGZXXX", ids.bic(text("AaBBCNGZXXX")), "same hash, not a party");
    }

    @Test
    void aPartyRegisteredLaterIsKnownOnceTheSequencerPublishesAgain() {
        ids.publish(ledger.parties());
        assertEquals(0, ids.size());
        String before = ids.bic(text("LTBKMOMXXXX"));
        assertEquals("LTBKMOMXXXX", before);

        String ltbk = register("LTBKMOMXXXX");
        assertNotSame(ltbk, ids.bic(text("LTBKMOMXXXX")), "not published yet: still a new String");
        ids.publish(ledger.parties());
        assertSame(ltbk, ids.bic(text("LTBKMOMXXXX")));
    }

    @Test
    void manyPartiesAreAllFound() {
        String[] registered = new String[300];
        for (int i = 0; i < registered.length; i++) {
            registered[i] = register(String.format("P%03dCNGZXXX", i));
        }
        ids.publish(ledger.parties());
        assertEquals(registered.length, ids.size());
        for (int i = 0; i < registered.length; i++) {
            assertSame(registered[i], ids.bic(text(String.format("P%03dCNGZ", i))));
        }
    }
}
