package io.kapok.ledger.day;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.Currencies;
import io.kapok.ledger.DemoWorld;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The business day the ledger has open, closed once by a journaled command, with every balance at its end. */
class CloseDayTest {
    private final DemoWorld w = DemoWorld.create();

    private LedgerResult close(int businessDay) {
        CloseDayCommand c = new CloseDayCommand();
        c.businessDay = businessDay;
        return w.apply(c);
    }

    @Test
    void theOpenDayIsTheDayOfTheLatestReceiveTime() {
        assertEquals(DemoWorld.TODAY, w.ledger.openDayEpoch());
        assertEquals(0, new Ledger().openDayEpoch(), "no command yet: no day open");
    }

    @Test
    void closingTheOpenDayNamesEveryAccountWithItsBalanceAndOpensTheNext() {
        w.day = DemoWorld.TODAY + 1;
        LedgerResult r = close(DemoWorld.TODAY);

        assertTrue(r.applied, r::toString);
        assertEquals(DemoWorld.TODAY + 1, w.ledger.openDayEpoch());
        int accounts = 0;
        for (int i = 0; i < r.eventCount(); i++) {
            assertEquals(LedgerEventType.DAY_CLOSED, r.eventType(i));
            if (r.eventSubject(i).equals(DemoWorld.VHBK) && r.eventCurrency(i) == Currencies.CNY) {
                assertEquals(2_000_000_000L, r.eventAmountMinor(i));
            }
            accounts++;
        }
        assertEquals(5, accounts, "PRBK CNY and USD, VHBK HKD, USD and CNY");
    }

    @Test
    void aDayClosesOnceAndOnlyAfterItEnded() {
        LedgerResult early = close(DemoWorld.TODAY);
        assertFalse(early.applied, "the day has not ended yet");
        assertEquals(LedgerRejection.DAY_NOT_OPEN, early.rejection);
        assertEquals(0, early.eventCount());

        w.day = DemoWorld.TODAY + 1;
        assertTrue(close(DemoWorld.TODAY).applied);
        w.day = DemoWorld.TODAY + 2;
        LedgerResult again = close(DemoWorld.TODAY);
        assertFalse(again.applied, "closed already");
        assertEquals(LedgerRejection.DAY_NOT_OPEN, again.rejection);
        assertEquals(DemoWorld.TODAY + 2, w.ledger.openDayEpoch(), "the refused command's receive time opens its day");
    }

    @Test
    void theOpenDayIsInTheSnapshotAndTheStateHash() {
        byte[] before = w.ledger.stateHash();
        w.day = DemoWorld.TODAY + 1;
        assertTrue(close(DemoWorld.TODAY).applied);
        assertFalse(Arrays.equals(before, w.ledger.stateHash()), "the open day moved");

        Ledger restored = Ledger.fromSnapshot(w.ledger.snapshot());
        assertEquals(DemoWorld.TODAY + 1, restored.openDayEpoch());
        assertArrayEquals(w.ledger.stateHash(), restored.stateHash());
    }
}
