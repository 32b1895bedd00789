package io.kapok.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.iso.Iso4217;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.party.RegisterPartyCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Loading a snapshot and checking the state hash it records, in this build's layout and an older one. */
class LedgerRecoveryTest {
    /** Two banks with an account each: a ledger whose bytes are nearly the same in layouts 4 and 5. */
    static Ledger banks() {
        Ledger ledger = new Ledger();
        LedgerResult r = new LedgerResult();
        long sequence = 0;
        for (String bank : new String[] {"PRBKCNGZXXX", "VHBKHKHHXXX"}) {
            RegisterPartyCommand p = new RegisterPartyCommand();
            p.partyId = bank;
            p.name = bank;
            p.roles = PartyRole.BANK.bit();
            p.sequence = ++sequence;
            ledger.apply(p, r);
            OpenAccountCommand a = new OpenAccountCommand();
            a.partyId = bank;
            a.currency = Iso4217.pack("CNY");
            a.openingBalanceMinor = 1_000_00;
            a.sequence = ++sequence;
            ledger.apply(a, r);
            assertTrue(r.applied, r.toString());
        }
        return ledger;
    }

    private static SnapshotStore.Snapshot snapshot(Ledger ledger, byte[] bytes, byte[] recordedHash) {
        return new SnapshotStore.Snapshot(
                Path.of("snapshot-test"), ledger.lastSequence(), 0, new byte[32], recordedHash, bytes);
    }

    @Test
    void aSnapshotInThisLayoutIsCheckedByRecomputingTheStateHash() {
        Ledger ledger = banks();
        byte[] bytes = ledger.snapshot();
        assertTrue(Ledger.inCurrentLayout(bytes));
        Ledger loaded = LedgerRecovery.load(snapshot(ledger, bytes, ledger.stateHash()), true);
        assertArrayEquals(ledger.stateHash(), loaded.stateHash());

        byte[] wrong = ledger.stateHash();
        wrong[31] ^= 1;
        SnapshotCorruptException e = assertThrows(
                SnapshotCorruptException.class, () -> LedgerRecovery.load(snapshot(ledger, bytes, wrong), true));
        assertTrue(e.getMessage().contains("state hash is not the recorded one"), e.getMessage());
    }

    @Test
    void aSnapshotAnEarlierBuildWroteLoadsAndItsRecordedHashIsTheHashOfItsBytes() {
        Ledger ledger = banks();
        byte[] current = ledger.snapshot();
        assertEquals(5, current[7]);
        // The layout before assignments, acknowledged onboardings and the open day: with no
        // receivable and no programme, the same bytes but for the version and the open day at the end.
        byte[] older = java.util.Arrays.copyOf(current, current.length - 8);
        older[7] = 4;
        byte[] recordedByThatBuild = Ledger.stateHashOf(older);
        assertTrue(!Ledger.inCurrentLayout(older));

        Ledger loaded = LedgerRecovery.load(snapshot(ledger, older, recordedByThatBuild), true);
        assertArrayEquals(ledger.stateHash(), loaded.stateHash(), "the same state, hashed in this build's layout");

        byte[] wrong = recordedByThatBuild.clone();
        wrong[0] ^= 1;
        assertThrows(SnapshotCorruptException.class, () -> LedgerRecovery.load(snapshot(ledger, older, wrong), true));
    }
}
