package io.kapok.ledger.receivable;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.DemoWorld.CANTON;
import static io.kapok.ledger.DemoWorld.FOSHAN;
import static io.kapok.ledger.DemoWorld.PRBK;
import static io.kapok.ledger.DemoWorld.PRBK_CNY;
import static io.kapok.ledger.DemoWorld.VHBK_USD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.DemoWorld;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.PartyRole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The last step of the programme exchange (tsin.009 → tsin.010 → tsin.011 → tsin.012): the party the
 * platform told of its onboarding acknowledges it, or rejects it and leaves the programme.
 */
class OnboardingAcknowledgementTest {
    private static final String ZHUHAI = "91440400MA9KAPK005";
    /** "NA01" packed big-endian. */
    private static final int NA01 = 0x4E413031;

    private final DemoWorld w = DemoWorld.create();

    @AfterEach
    void invariantsHold() {
        assertNull(w.ledger.checkInvariants());
    }

    private Programme programme(String id) {
        return w.ledger.receivables().programme(id);
    }

    private void onboardZhuhai() {
        w.party(ZHUHAI, PartyRole.SUPPLIER);
        w.must(w.onboard(PRBK, PRBK_CNY, ZHUHAI));
    }

    @Test
    void theOnboardedPartyAcknowledgesAndTheProgrammesBankIsNamed() {
        onboardZhuhai();
        LedgerResult r = w.must(w.acknowledge(ZHUHAI, PRBK_CNY, true, 0));
        assertEquals(List.of(ZHUHAI), List.copyOf(programme(PRBK_CNY).acknowledged()));
        assertTrue(programme(PRBK_CNY).members().contains(ZHUHAI));
        assertEquals(1, r.eventCount());
        assertEquals(LedgerEventType.PARTY_ONBOARDED, r.eventType(0));
        assertEquals(PRBK_CNY, r.eventSubject(0));
        assertEquals(PRBK, r.eventParty(0), "the bank of the programme is told");
        assertEquals(1, r.eventCode(0), "acknowledged");
    }

    @Test
    void aRejectionLeavesTheProgrammeAndNoFinancingIsAskedThere() {
        onboardZhuhai();
        LedgerResult r = w.must(w.acknowledge(ZHUHAI, PRBK_CNY, false, NA01));
        assertEquals(2, r.eventCode(0), "left the programme");
        assertFalse(programme(PRBK_CNY).members().contains(ZHUHAI));
        w.must(w.register("91440400MA9KAPK005", "R1", "INV-1", CANTON, ZHUHAI, CNY, 100_000_00L, w.day, w.day + 30));
        w.must(w.confirm(CANTON, "R1", true));
        assertEquals(LedgerRejection.NOT_ONBOARDED, w.requestFinancing(ZHUHAI, "F1", "R1", PRBK_CNY, 1_00L).rejection);
        // A new onboarding brings it back; it answers that one afresh.
        w.must(w.onboard(PRBK, PRBK_CNY, ZHUHAI));
        w.must(w.acknowledge(ZHUHAI, PRBK_CNY, true, 0));
    }

    @Test
    void refusesAnUnknownProgrammeAPartyNotOnboardedAndASecondAcknowledgement() {
        onboardZhuhai();
        w.refusedUnchanged(LedgerRejection.UNKNOWN_PROGRAMME, () -> w.acknowledge(ZHUHAI, "P-NONE", true, 0));
        w.refusedUnchanged(LedgerRejection.NOT_ONBOARDED, () -> w.acknowledge(ZHUHAI, VHBK_USD, true, 0));
        w.refusedUnchanged(LedgerRejection.NOT_ONBOARDED, () -> w.acknowledge(PRBK, PRBK_CNY, true, 0));
        w.must(w.acknowledge(ZHUHAI, PRBK_CNY, true, 0));
        w.refusedUnchanged(LedgerRejection.ALREADY_ACKNOWLEDGED, () -> w.acknowledge(ZHUHAI, PRBK_CNY, true, 0));
        w.refusedUnchanged(LedgerRejection.ALREADY_ACKNOWLEDGED, () -> w.acknowledge(ZHUHAI, PRBK_CNY, false, NA01));
        assertEquals("ID01", LedgerRejection.ALREADY_ACKNOWLEDGED.isoCode());
        assertTrue(LedgerRejection.FINANCING_REASON_CODES.contains("ID01"));
    }

    @Test
    void snapshotKeepsWhoAcknowledged() {
        onboardZhuhai();
        w.must(w.acknowledge(ZHUHAI, PRBK_CNY, true, 0));
        w.must(w.acknowledge(FOSHAN, PRBK_CNY, true, 0));
        Ledger restored = Ledger.fromSnapshot(w.ledger.snapshot());
        assertArrayEquals(w.ledger.stateHash(), restored.stateHash());
        assertEquals(
                List.of(ZHUHAI, FOSHAN),
                List.copyOf(restored.receivables().programme(PRBK_CNY).acknowledged()));
    }
}
