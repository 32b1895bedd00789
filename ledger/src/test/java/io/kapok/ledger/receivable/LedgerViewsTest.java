package io.kapok.ledger.receivable;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.DemoWorld.CANTON;
import static io.kapok.ledger.DemoWorld.FOSHAN;
import static io.kapok.ledger.DemoWorld.NANSHA;
import static io.kapok.ledger.DemoWorld.PRBK;
import static io.kapok.ledger.DemoWorld.PRBK_CNY;
import static io.kapok.ledger.DemoWorld.VHBK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.DemoWorld;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.receivable.ReceivableView.Change;
import io.kapok.ledger.receivable.ReceivableView.FinancingView;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ops API's views, on the demo world: Foshan Precision's invoice to Canton Auto Group, split
 * to its tier-2 supplier and financed by Pearl River Bank; and Pearl River Bank's exposure.
 */
class LedgerViewsTest {
    /** CNY 1,000,000.00. */
    private static final long MILLION = 100_000_000L;

    private static final LocalDate NOV_23 = LocalDate.of(2026, 11, 23);

    private final DemoWorld w = DemoWorld.create();

    @Test
    void receivableViewTellsStateAmountsDatesFinancingProvenanceAndHistory() {
        long registered = w.must(w.register("INV-7", FOSHAN, CNY, MILLION, 90)).sequence;
        long confirmed = w.must(w.confirm(CANTON, "INV-7", true)).sequence;
        // Foshan Precision passes CNY 300,000.00 of it on to Nansha Wire & Cable.
        long split = w.must(w.split(FOSHAN, "INV-7", "INV-7/1", NANSHA, 30_000_000L)).sequence;
        long requested = w.must(w.requestFinancing(FOSHAN, "F-7", "INV-7", PRBK_CNY, 50_000_000L)).sequence;
        long financed = w.must(w.accept(PRBK, "F-7", 50_000_000L)).sequence;

        ReceivableView parent = w.ledger.receivableView("INV-7");
        assertEquals(ReceivableState.FINANCED, parent.state());
        assertEquals(FOSHAN, parent.holderId());
        assertEquals(CANTON, parent.debtorId());
        assertEquals("CNY", parent.currency());
        assertEquals(MILLION, parent.faceMinor());
        assertEquals(70_000_000L, parent.outstandingMinor());
        assertEquals(50_000_000L, parent.financedMinor());
        assertEquals(NOV_23, parent.issueDate());
        assertEquals(NOV_23.plusDays(90), parent.dueDate());
        assertEquals(
                new FinancingView("F-7", PRBK, 50_000_000L, 50_000_000L, FinancingState.ACCEPTED, true),
                parent.financing());
        assertNull(parent.parentId());
        assertEquals(List.of("INV-7/1"), parent.childIds());
        assertEquals(
                List.of(
                        new Change(registered, ReceivableChange.REGISTERED),
                        new Change(confirmed, ReceivableChange.CONFIRMED),
                        new Change(split, ReceivableChange.SPLIT),
                        new Change(requested, ReceivableChange.FINANCING_REQUESTED),
                        new Change(financed, ReceivableChange.FINANCED)),
                parent.history());

        ReceivableView child = w.ledger.receivableView("INV-7/1");
        assertEquals(ReceivableState.CONFIRMED, child.state());
        assertEquals(NANSHA, child.holderId());
        assertEquals(CANTON, child.debtorId());
        assertEquals(30_000_000L, child.faceMinor());
        assertEquals(0, child.financedMinor());
        assertNull(child.financing());
        assertEquals("INV-7", child.parentId());
        assertEquals(List.of(new Change(split, ReceivableChange.SPLIT_FROM_PARENT)), child.history());
    }

    @Test
    void receivableViewKeepsTheLastFinancingAfterItEnds() {
        w.confirmed("INV-8", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F-8", "INV-8", PRBK_CNY, 50_000_000L));
        long refused = w.must(w.refuse(PRBK, "F-8", 0)).sequence;

        ReceivableView view = w.ledger.receivableView("INV-8");
        assertEquals(ReceivableState.CONFIRMED, view.state());
        assertEquals(0, view.financedMinor());
        assertEquals(FinancingState.REJECTED, view.financing().state());
        assertFalse(view.financing().active());
        assertEquals(
                new Change(refused, ReceivableChange.FINANCING_REFUSED),
                view.history().get(3));
    }

    @Test
    void receivableViewOfAnUnknownIdIsNull() {
        assertNull(w.ledger.receivableView("NO-SUCH-INVOICE"));
    }

    @Test
    void exposureViewShowsLineReservedAndUsedPerCoreEnterpriseAndCurrency() {
        w.confirmed("INV-1", FOSHAN, CNY, MILLION, 90);
        w.confirmed("INV-2", FOSHAN, CNY, MILLION, 90);
        w.must(w.requestFinancing(FOSHAN, "F-1", "INV-1", PRBK_CNY, 80_000_000L));
        w.must(w.accept(PRBK, "F-1", 80_000_000L)); // reserved: accepted, not yet disbursed
        w.must(w.requestFinancing(FOSHAN, "F-2", "INV-2", PRBK_CNY, 60_000_000L));
        w.must(w.accept(PRBK, "F-2", 60_000_000L));
        w.must(w.disburse(PRBK, "F-2", "PBOC-REG-2026-000002")); // used: disbursed

        // Pearl River Bank's line to Canton Auto Group is CNY 20,000,000.00.
        assertEquals(
                List.of(new ExposureView(CANTON, "CNY", 2_000_000_000L, 80_000_000L, 60_000_000L, 1_860_000_000L)),
                w.ledger.exposureView(PRBK));
        assertEquals(
                List.of(new ExposureView(CANTON, "USD", 200_000_000L, 0, 0, 200_000_000L)),
                w.ledger.exposureView(VHBK));
        assertTrue(w.ledger.exposureView(FOSHAN).isEmpty(), "a supplier has no credit lines");
    }

    @Test
    void historySurvivesASnapshotAndAReplay() {
        w.confirmed("INV-9", FOSHAN, CNY, MILLION, 90);
        w.must(w.split(FOSHAN, "INV-9", "INV-9/1", NANSHA, 10_000_000L));

        Ledger loaded = Ledger.fromSnapshot(w.ledger.snapshot());
        assertEquals(w.ledger.receivableView("INV-9"), loaded.receivableView("INV-9"));
        assertArrayEquals(w.ledger.stateHash(), loaded.stateHash());

        Ledger replayed = new Ledger();
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : w.history) {
            replayed.apply(c, r);
        }
        assertEquals(w.ledger.receivableView("INV-9"), replayed.receivableView("INV-9"));
        assertEquals(w.ledger.receivableView("INV-9/1"), replayed.receivableView("INV-9/1"));
        assertArrayEquals(w.ledger.stateHash(), replayed.stateHash());
    }
}
