package io.kapok.ledger.receivable;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.DemoWorld.CANTON;
import static io.kapok.ledger.DemoWorld.FOSHAN;
import static io.kapok.ledger.DemoWorld.JIANGMEN;
import static io.kapok.ledger.DemoWorld.NANSHA;
import static io.kapok.ledger.DemoWorld.PRBK;
import static io.kapok.ledger.DemoWorld.PRBK_CNY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.ledger.DemoWorld;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.LedgerResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structures that let a command create a receivable or a financing without allocating: the id
 * index, the shared history log, the entity pools, and a ledger that outgrows its pools.
 */
class ReceivablePoolsTest {
    /** CNY 1,000,000.00. */
    private static final long MILLION = 100_000_000L;

    @Test
    void idIndexGrowsAndStillFindsEveryId() {
        IdIndex index = new IdIndex(2);
        int initialLength = index.tableLength();
        String[] ids = new String[20_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "INV-" + i;
            index.put(IdIndex.hash(ids[i]), i);
        }
        assertTrue(index.tableLength() > initialLength, "the table grew");
        assertTrue(2 * index.size() <= index.tableLength(), "at most half full");
        for (int i = 0; i < ids.length; i++) {
            assertEquals(i, find(index, ids, new String("INV-" + i)), "INV-" + i);
        }
        assertEquals(-1, find(index, ids, "INV-20000"));
        assertTrue(index.longestProbe() < 64, "probe sequences stay short: " + index.longestProbe());
    }

    @Test
    void idIndexVisitsEveryCandidateWithTheHashInProbeOrder() {
        IdIndex index = new IdIndex(4);
        int hash = IdIndex.hash(FOSHAN, "INV-1");
        index.put(hash, 7);
        index.put(IdIndex.hash(FOSHAN), 8);
        index.put(hash, 9); // another key with the same hash: the owner tells them apart
        List<Integer> candidates = new ArrayList<>();
        for (int p = index.first(hash); p >= 0; p = index.next(p, hash)) {
            candidates.add(index.handleAt(p));
        }
        assertEquals(List.of(7, 9), candidates);
        assertEquals(-1, index.first(IdIndex.hash(JIANGMEN, "INV-1")));
    }

    /** The handle of {@code id} in an index of {@code ids} by handle, checked on the key as the owner does. */
    private static int find(IdIndex index, String[] ids, String id) {
        int hash = IdIndex.hash(id);
        for (int p = index.first(hash); p >= 0; p = index.next(p, hash)) {
            if (ids[index.handleAt(p)].equals(id)) {
                return index.handleAt(p);
            }
        }
        return -1;
    }

    @Test
    void historyLogKeepsEachChainInJournalOrderWhenChangesInterleaveAndTheLogGrows() {
        HistoryLog log = new HistoryLog(1);
        int firstA = log.append(-1, 1, ReceivableChange.REGISTERED);
        int firstB = log.append(-1, 2, ReceivableChange.REGISTERED);
        int lastA = log.append(firstA, 3, ReceivableChange.CONFIRMED);
        log.append(firstB, 4, ReceivableChange.CANCELLED);
        log.append(lastA, 5, ReceivableChange.SPLIT);

        assertEquals(List.of(1L, 3L, 5L), sequences(log, firstA));
        assertEquals(List.of(2L, 4L), sequences(log, firstB));
        assertEquals(ReceivableChange.SPLIT, log.changeAt(log.nextAt(lastA)));
        assertEquals(5, log.size());
    }

    @Test
    void entityPoolGrowsKeepingEveryEntityItHandedOut() {
        EntityPool<Financing> pool = new EntityPool<>(2, Financing::new);
        List<Financing> handedOut = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            handedOut.add(pool.claim());
        }
        assertEquals(9, pool.size());
        assertTrue(pool.capacity() >= 9);
        for (int h = 0; h < 9; h++) {
            assertSame(handedOut.get(h), pool.get(h));
            assertEquals(h, pool.get(h).handle);
        }
        assertEquals(handedOut, new ArrayList<>(pool));
        assertThrows(UnsupportedOperationException.class, () -> pool.add(new Financing(99)));
        assertThrows(UnsupportedOperationException.class, pool::clear);
    }

    @Test
    void ledgerOutgrowsItsPoolsAndKeepsEveryReceivableThroughSnapshotAndReplay() {
        DemoWorld w =
                DemoWorld.create(new Ledger(Ledger.PAYMENT_RETENTION_DAYS_DEFAULT, Ledger.PAYMENT_CAPACITY_DEFAULT, 1));
        for (int i = 0; i < 40; i++) {
            w.confirmed("INV-" + i, FOSHAN, CNY, MILLION, 90);
        }
        for (int i = 0; i < 10; i++) {
            w.must(w.split(FOSHAN, "INV-0", "INV-0/" + i, NANSHA, 1_000_000L));
        }
        for (int i = 1; i < 30; i++) {
            w.must(w.requestFinancing(FOSHAN, "F-" + i, "INV-" + i, PRBK_CNY, 10_000_000L));
        }
        w.must(w.accept(PRBK, "F-1", 10_000_000L));
        w.must(w.cancelFinancing(FOSHAN, "F-2"));
        assertEquals(
                LedgerRejection.DOCUMENT_ALREADY_REGISTERED,
                w.register(FOSHAN, "INV-DUP", "INV-INV-7", CANTON, FOSHAN, CNY, MILLION, w.day, w.day + 90).rejection);
        assertNull(w.ledger.checkInvariants());

        Receivables book = w.ledger.receivables();
        assertEquals(50, book.receivables().size());
        assertEquals(29, book.financings().size());
        assertEquals(10, book.receivable("INV-0").childIds().size());
        assertEquals("INV-0/9", book.receivable("INV-0").childIds().get(9));
        assertEquals(12, book.receivable("INV-0").historySize(), "registered, confirmed, ten splits");
        assertEquals(ReceivableChange.SPLIT, book.receivable("INV-0").historyChange(11));

        Ledger loaded = Ledger.fromSnapshot(w.ledger.snapshot());
        assertArrayEquals(w.ledger.stateHash(), loaded.stateHash());
        Ledger replayed = new Ledger(); // pools of the default size: their size is not state
        LedgerResult r = new LedgerResult();
        for (LedgerCommand c : w.history) {
            replayed.apply(c, r);
        }
        assertArrayEquals(w.ledger.stateHash(), replayed.stateHash());
        for (String id : new String[] {"INV-0", "INV-0/9", "INV-1", "INV-2", "INV-39"}) {
            assertEquals(w.ledger.receivableView(id), loaded.receivableView(id), id);
            assertEquals(w.ledger.receivableView(id), replayed.receivableView(id), id);
        }
        // The loaded ledger carries on as the original would.
        DemoWorld next = new DemoWorld(loaded);
        next.day = w.day;
        next.must(next.split(FOSHAN, "INV-0", "INV-0/10", NANSHA, 1_000_000L));
        assertEquals(11, loaded.receivables().receivable("INV-0").childIds().size());
        assertNull(loaded.checkInvariants());
    }

    @Test
    void creatingReceivablesAndFinancingsAllocatesNothingWithinThePools() {
        int rounds = 2_000;
        DemoWorld w = DemoWorld.create(new Ledger(30, 1 << 10, 4 * rounds));
        w.confirmed("PARENT", FOSHAN, CNY, 1_000 * MILLION, 90);
        String[] ids = new String[rounds];
        String[] children = new String[rounds];
        String[] financings = new String[rounds];
        for (int i = 0; i < rounds; i++) {
            ids[i] = "INV-" + i;
            children[i] = "PARENT/" + i;
            financings[i] = "F-" + i;
        }
        CreateCommands commands = new CreateCommands(w);
        commands.apply(ids, children, financings, 0, rounds / 2); // warm-up, so that the code is compiled

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        commands.apply(ids, children, financings, rounds / 2, rounds);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // An entity or map entry per command would be ~100 B each; the compiler's own transitions
        // may leave a stray few dozen bytes in the whole run, hence less than a byte per command.
        int commandsApplied = rounds / 2 * 4;
        assertTrue(
                allocated < commandsApplied,
                allocated + " bytes allocated by " + commandsApplied + " commands that create entities");
        assertNull(w.ledger.checkInvariants());
    }

    private static List<Long> sequences(HistoryLog log, int first) {
        List<Long> sequences = new ArrayList<>();
        for (int i = first; i >= 0; i = log.nextAt(i)) {
            sequences.add(log.sequenceAt(i));
        }
        return sequences;
    }

    /** Register, confirm, split and financing-request commands, made once and refilled per round. */
    private static final class CreateCommands {
        private final DemoWorld w;
        private final LedgerResult result = new LedgerResult();
        private final RegisterReceivableCommand register = new RegisterReceivableCommand();
        private final ConfirmReceivableCommand confirm = new ConfirmReceivableCommand();
        private final SplitReceivableCommand split = new SplitReceivableCommand();
        private final RequestFinancingCommand request = new RequestFinancingCommand();

        CreateCommands(DemoWorld w) {
            this.w = w;
            register.senderId = FOSHAN;
            register.debtorId = CANTON;
            register.creditorId = FOSHAN;
            register.currency = CNY;
            register.amountMinor = MILLION;
            register.issueDay = w.day;
            register.dueDay = w.day + 90;
            confirm.senderId = CANTON;
            confirm.accept = true;
            split.senderId = FOSHAN;
            split.receivableId = "PARENT";
            split.newHolderId = NANSHA;
            split.amountMinor = 100;
            request.senderId = FOSHAN;
            request.programmeId = PRBK_CNY;
            request.amountMinor = 10_000_000L;
        }

        /** Applies the four commands for rounds {@code from} to {@code to} - 1; fails unless each applied. */
        void apply(String[] ids, String[] children, String[] financings, int from, int to) {
            for (int i = from; i < to; i++) {
                register.receivableId = ids[i];
                register.documentNumber = ids[i];
                run(register);
                confirm.receivableId = ids[i];
                run(confirm);
                split.childReceivableId = children[i];
                run(split);
                request.receivableId = ids[i];
                request.financingId = financings[i];
                run(request);
            }
        }

        private void run(LedgerCommand c) {
            c.sequence = w.ledger.lastSequence() + 1;
            c.timeMs = w.day * 86_400_000L + 43_200_000L;
            w.ledger.apply(c, result);
            if (!result.applied) {
                throw new AssertionError(c.type() + " refused: " + result);
            }
        }
    }
}
