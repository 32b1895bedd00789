package io.kapok.ledger;

import static io.kapok.ledger.Currencies.CNY;
import static io.kapok.ledger.Currencies.HKD;
import static io.kapok.ledger.Currencies.MOP;
import static io.kapok.ledger.Currencies.USD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kapok.ledger.fx.SetFxRateCommand;
import io.kapok.ledger.party.PartyRole;
import io.kapok.ledger.payment.PaymentMessage;
import io.kapok.ledger.payment.PaymentPrefetch;
import io.kapok.ledger.payment.RecallPaymentCommand;
import io.kapok.ledger.payment.ResolveRecallCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.CreditLine;
import io.kapok.ledger.receivable.DiscountPricing;
import io.kapok.ledger.receivable.Financing;
import io.kapok.ledger.receivable.FinancingState;
import io.kapok.ledger.receivable.Programme;
import io.kapok.ledger.receivable.Receivable;
import io.kapok.ledger.receivable.ReceivableState;
import io.kapok.ledger.receivable.Receivables;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A randomized simulation of the ledger: payments (some debited in another currency than they
 * credit, at the latest FX rate), their returns, recalls and recall resolutions, FX rate updates,
 * registrations, confirmations, splits, assignments to banks (factoring), onboardings and their
 * acknowledgements or rejections, financing
 * requests, decisions, disbursements, cancellations and settlements, valid and invalid mixed, with
 * time moving on so that receivables mature and go overdue. Cheap invariants are checked after
 * every step, the full set every {@link #FULL_CHECK_EVERY} steps; at the end, replaying every
 * command into a fresh ledger, and replaying the tail onto a mid-run snapshot, give the same state
 * hash. A third of the transfers are preceded by a prefetch hint ({@link Ledger#prefetch}); the
 * replays get none.
 *
 * <p>Reproduce a failure with {@code -Dkapok.sim.seed=SEED}; {@code -Dkapok.sim.ops=N} changes the
 * length (default 1,000,000).
 */
@Tag("slow")
class LedgerSimulationTest {
    private static final int FULL_CHECK_EVERY = Integer.getInteger("kapok.sim.fullCheckEvery", 5_000);
    private static final String LTBK = "LTBKMOMXXXX";
    /** The platform operator: the FX counterparty of cross-currency transfers. */
    private static final String PLATFORM = "KAPKCNGZXXX";

    private static final String CORE2 = "91440300MA9KAPK020";
    private static final String[] BANKS = {DemoWorld.PRBK, DemoWorld.VHBK, LTBK};
    private static final int[] CURRENCIES = {CNY, USD, HKD, MOP};
    private static final String[] CORES = {DemoWorld.CANTON, CORE2};
    private static final String[] PROGRAMMES = {
        "P-PRBK-CANTON-CNY", "P-VHBK-CANTON-USD", "P-PRBK-CORE2-CNY", "P-LTBK-CORE2-MOP"
    };

    private final long seed = Long.getLong("kapok.sim.seed", System.nanoTime());
    private final int ops = Integer.getInteger("kapok.sim.ops", 1_000_000);
    private final SplittableRandom random = new SplittableRandom(seed);
    private final DemoWorld w = new DemoWorld();
    private final String[] suppliers = new String[12];
    private final String[] everyone;
    private final List<String> receivableIds = new ArrayList<>();
    private final List<String> financingIds = new ArrayList<>();
    private final Map<String, Integer> currencyOf = new HashMap<>();
    private final EnumMap<LedgerRejection, Integer> refusals = new EnumMap<>(LedgerRejection.class);
    /** The hint given before some transfers ({@link #hintBefore}). */
    private final PaymentPrefetch prefetch = new PaymentPrefetch();
    /** The most recently settled transfers, for returns and recalls to name. */
    private final TransferCommand[] recentlySettled = new TransferCommand[256];
    /** Of those, the latest settled with each UETR (a UETR comes back once the window forgot it). */
    private final Map<String, TransferCommand> settled = new HashMap<>();
    /** What the events said was returned of each transfer in {@link #settled}, minor units. */
    private final Map<String, Long> returnedOf = new HashMap<>();

    private int settledCount;
    private int step;
    private int applied;
    private long nextId;

    LedgerSimulationTest() {
        for (int i = 0; i < suppliers.length; i++) {
            suppliers[i] = String.format("9144%014d", i);
        }
        List<String> all = new ArrayList<>(List.of(BANKS));
        all.addAll(List.of(CORES));
        all.addAll(List.of(suppliers));
        everyone = all.toArray(new String[0]);
    }

    @Test
    void millionRandomOperationsKeepEveryInvariantAndReplayToTheSameStateHash() {
        System.out.println("LedgerSimulationTest seed " + seed + " ops " + ops);
        long started = System.nanoTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedCpu = threads.getCurrentThreadCpuTime();
        try {
            setUpWorld();
            byte[] midSnapshot = null;
            int midHistory = 0;
            for (step = 0; step < ops; step++) {
                if (random.nextInt(800) == 0) {
                    w.day++;
                }
                randomOperation();
                checkCheapInvariants();
                if (step % FULL_CHECK_EVERY == 0) {
                    checkFullInvariants();
                }
                if (step == ops / 2) {
                    midSnapshot = w.ledger.snapshot();
                    midHistory = w.history.size();
                }
            }
            checkFullInvariants();
            long ranNs = System.nanoTime() - started;
            long ranCpuNs = threads.getCurrentThreadCpuTime() - startedCpu;
            long gcMs = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcMs += gc.getCollectionTime();
            }

            byte[] hash = w.ledger.stateHash();
            Ledger replayed = new Ledger();
            LedgerResult r = new LedgerResult();
            for (LedgerCommand c : w.history) {
                replayed.apply(c, r);
            }
            assertArrayEquals(hash, replayed.stateHash(), "replay differs; seed " + seed);
            // As the snapshot thread's replica: its payment window keeps the ids compact.
            Ledger resumed = Ledger.fromSnapshot(midSnapshot, true);
            for (LedgerCommand c : w.history.subList(midHistory, w.history.size())) {
                resumed.apply(c, r);
            }
            assertArrayEquals(hash, resumed.stateHash(), "snapshot + tail (compact ids) differs; seed " + seed);
            System.out.printf(
                    "LedgerSimulationTest: %,d operations (%,d applied, %,d commands journaled) in %,d ms (%,d ms CPU, %,d ms GC),"
                            + " %,d receivables (%,d assigned to a bank), %,d financings, %,d days; refusals %s%n",
                    ops,
                    applied,
                    w.history.size(),
                    ranNs / 1_000_000,
                    ranCpuNs / 1_000_000,
                    gcMs,
                    w.ledger.receivables().receivables().size(),
                    w.ledger.receivables().receivables().stream()
                            .filter(rec -> rec.factoredMinor() != 0)
                            .count(),
                    w.ledger.receivables().financings().size(),
                    w.day - DemoWorld.TODAY,
                    refusals);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + " step " + step + ": " + e.getMessage(), e);
        }
    }

    private void setUpWorld() {
        w.party(PLATFORM, PartyRole.OPERATOR);
        for (int currency : CURRENCIES) {
            w.account(PLATFORM, currency, 100_000_000_000L);
        }
        for (String bank : BANKS) {
            w.party(bank, PartyRole.BANK);
            for (int currency : CURRENCIES) {
                w.account(bank, currency, 100_000_000_000L);
            }
        }
        for (String core : CORES) {
            w.party(core, PartyRole.CORE);
        }
        for (String s : suppliers) {
            w.party(s, PartyRole.SUPPLIER);
        }
        w.must(w.creditLine(DemoWorld.PRBK, DemoWorld.CANTON, CNY, 2_000_000_000L));
        w.must(w.creditLine(DemoWorld.VHBK, DemoWorld.CANTON, USD, 200_000_000L));
        w.must(w.creditLine(DemoWorld.PRBK, CORE2, CNY, 500_000_000L));
        w.must(w.creditLine(LTBK, CORE2, MOP, 300_000_000L));
        w.must(w.programme(PROGRAMMES[0], DemoWorld.PRBK, DemoWorld.CANTON, CNY));
        w.must(w.programme(PROGRAMMES[1], DemoWorld.VHBK, DemoWorld.CANTON, USD, 800_000, 52_500, 5_000, 270));
        w.must(w.programme(PROGRAMMES[2], DemoWorld.PRBK, CORE2, CNY, 850_000, 40_000, 0, 0));
        w.must(w.programme(PROGRAMMES[3], LTBK, CORE2, MOP, 900_000, 45_000, 20_000, 120));
        for (String programme : PROGRAMMES) {
            Programme p = w.ledger.receivables().programme(programme);
            for (int i = 0; i < suppliers.length - 2; i++) { // the last two are never onboarded
                w.must(w.onboard(p.bankId(), programme, suppliers[i]));
            }
        }
    }

    // ------------------------------------------------------------------ operations

    private void randomOperation() {
        int dice = random.nextInt(100);
        LedgerResult r;
        if (dice < 16) {
            r = transfer();
        } else if (dice < 20) {
            r = returnOrRecall();
        } else if (dice < 33) {
            r = register();
        } else if (dice < 35) {
            r = fxRate();
        } else if (dice < 36) {
            r = random.nextBoolean() ? creditLine() : membership();
        } else if (dice < 86) {
            r = advance(receivable());
        } else {
            r = anyReceivableOperation(random.nextInt(10));
        }
        if (r == null) {
            return;
        }
        if (r.applied) {
            applied++;
        } else {
            refusals.merge(r.rejection, 1, Integer::sum);
        }
    }

    /** Mostly the step that moves a receivable on in its life cycle; sometimes anything. */
    private LedgerResult advance(String id) {
        Receivable rec = w.ledger.receivables().receivable(id);
        if (rec == null || random.nextInt(8) == 0) {
            return anyReceivableOperation(random.nextInt(10));
        }
        int dice = random.nextInt(100);
        Financing f = rec.financingId() == null ? null : w.ledger.receivables().financing(rec.financingId());
        return switch (rec.state()) {
            case REGISTERED -> confirm(id);
            case CONFIRMED ->
                dice < 20
                        ? split(id)
                        : dice < 32
                                ? assign(id)
                                : dice < 80 ? requestFinancing(id) : dice < 92 ? settle(id) : cancelReceivable(id);
            case FINANCING_REQUESTED -> dice < 88 ? decide(f.id()) : cancelFinancing(f.id());
            case FINANCED ->
                f.state() == FinancingState.ACCEPTED
                        ? (dice < 85 ? disburse(f.id()) : cancelFinancing(f.id()))
                        : (dice < 40 ? settle(id) : anyReceivableOperation(random.nextInt(10)));
            case ASSIGNED -> dice < 30 ? settle(id) : dice < 33 ? cancelReceivable(id) : anyReceivableOperation(9);
            case OVERDUE -> settle(id);
            default -> anyReceivableOperation(random.nextInt(10));
        };
    }

    private LedgerResult anyReceivableOperation(int which) {
        return switch (which) {
            case 0 -> confirm(receivableIdOrUnknown());
            case 1 -> split(receivableIdOrUnknown());
            case 2 -> requestFinancing(receivableIdOrUnknown());
            case 3 -> decide(financing());
            case 4 -> disburse(financing());
            case 5 -> cancelFinancing(financing());
            case 6 -> cancelReceivable(receivableIdOrUnknown());
            case 7 -> settle(receivableIdOrUnknown());
            case 8 -> assign(receivableIdOrUnknown());
            default -> register();
        };
    }

    private LedgerResult cancelReceivable(String id) {
        return w.cancelReceivable(maybeWrong(holder(w.ledger.receivables().receivable(id))), id);
    }

    /**
     * A prefetch hint before the transfer, as a sequencer gives one per batch: its keys among others,
     * some that no command will carry, up to more than a batch holds. The replays at the end give
     * none, so their state hash proves that hints change nothing.
     */
    private void hintBefore(TransferCommand c) {
        prefetch.clear();
        int others = random.nextInt(PaymentPrefetch.PAYMENTS_MAX + 8);
        int at = random.nextInt(others + 1);
        for (int i = 0; i < others; i++) {
            if (i == at) {
                prefetch.add(c);
            }
            prefetch.add(pick(BANKS), "M" + random.nextInt(1_000_000), random.nextBoolean() ? null : "u-" + i);
        }
        if (at == others) {
            prefetch.add(c);
        }
        w.ledger.prefetch(prefetch);
    }

    private LedgerResult transfer() {
        String from = pick(BANKS);
        String to = random.nextInt(50) == 0 ? from : otherBank(from);
        int currency = pick(CURRENCIES);
        // Message ids repeat on purpose: a retry takes effect at most once, a reuse is refused.
        String msgId = "M" + random.nextInt(Math.max(1, step / 2 + 1));
        TransferCommand c = new TransferCommand();
        c.senderId = random.nextInt(100) == 0 ? to : from;
        c.messageId = msgId;
        c.uetr = "u-" + msgId + (random.nextInt(20) == 0 ? "x" : "");
        c.endToEndId = "E" + msgId;
        c.debitPartyId = from;
        c.creditPartyId = to;
        c.currency = currency;
        c.amountMinor = random.nextInt(200) == 0 ? 1_000_000_000_000L : 1 + random.nextLong(100_000_000L);
        if (random.nextInt(4) == 0) { // cross-currency: debited in the instructed currency
            c.instructedCurrency = pick(CURRENCIES);
            c.instructedAmountMinor = 1 + random.nextLong(100_000_000L);
            var rate = w.ledger.fxRates().latest(c.instructedCurrency, c.currency);
            int which = random.nextInt(3);
            if (which == 1 && rate != null && rate == w.ledger.fxRates().rate(c.instructedCurrency, c.currency)) {
                c.exchangeRateScaled = rate.rateScaled(); // the ledger's own rate, stated
            } else if (which == 2) {
                c.exchangeRateScaled = 1 + random.nextLong(1_000_000_000L); // mostly far off
            }
        }
        if (random.nextInt(10) != 0 && w.ledger.findDecided(c, w.result)) {
            return null; // what the sequencer does: a decided message never reaches the journal
        }
        if (random.nextInt(3) == 0) {
            hintBefore(c);
        }
        LedgerResult r = w.apply(c);
        if (r.retry || r.rejection == LedgerRejection.DUPLICATE) {
            assertEquals(0, r.eventCount(), "a duplicate payment changed something");
        } else if (r.applied) {
            int at = settledCount++ % recentlySettled.length;
            TransferCommand evicted = recentlySettled[at];
            if (evicted != null && settled.remove(evicted.uetr, evicted)) {
                returnedOf.remove(evicted.uetr);
            }
            recentlySettled[at] = c;
            settled.put(c.uetr, c);
            returnedOf.put(c.uetr, 0L);
        }
        return r;
    }

    /**
     * A pacs.004 return (half the time), a camt.056 recall or a camt.029 resolution of a recently
     * settled transfer (now and then of an unknown one), mostly from the entitled bank, with amounts
     * that now and then exceed what remains, and ids that repeat (retries and conflicting reuses).
     */
    private LedgerResult returnOrRecall() {
        if (settledCount == 0) {
            return null;
        }
        TransferCommand original = recentlySettled[random.nextInt(Math.min(settledCount, recentlySettled.length))];
        String uetr = original.uetr;
        if (random.nextInt(30) == 0) {
            uetr = "u-unknown-" + random.nextInt(1000);
        }
        String id = (random.nextInt(50) == 0 ? "M" : "X") + random.nextInt(Math.max(1, step / 4 + 1));
        int which = random.nextInt(4);
        LedgerCommand command;
        if (which < 2) {
            ReturnPaymentCommand c = new ReturnPaymentCommand();
            c.senderId = maybeWrong(original.creditPartyId);
            c.returnId = id;
            c.originalUetr = uetr;
            c.originalMessageId = random.nextInt(3) == 0 ? original.messageId : null;
            c.currency = random.nextInt(100) == 0 ? pick(CURRENCIES) : original.currency;
            long remaining = original.amountMinor - returnedOf.getOrDefault(original.uetr, 0L);
            c.amountMinor = random.nextInt(10) == 0 ? remaining + 1 : 1 + random.nextLong(Math.max(1, remaining));
            c.reasonCode = random.nextInt(100) == 0 ? "ac04" : "AC04";
            command = c;
        } else if (which == 2) {
            RecallPaymentCommand c = new RecallPaymentCommand();
            c.senderId = maybeWrong(original.debitPartyId);
            c.recallId = id;
            c.originalUetr = uetr;
            c.reasonCode = random.nextInt(2) == 0 ? "DUPL" : "FRAD";
            command = c;
        } else {
            ResolveRecallCommand c = new ResolveRecallCommand();
            c.senderId = maybeWrong(original.creditPartyId);
            c.resolutionId = id;
            c.originalUetr = uetr;
            c.accept = random.nextBoolean();
            c.reasonCode = c.accept ? null : random.nextInt(50) == 0 ? null : "LEGL";
            command = c;
        }
        PaymentMessage message = (PaymentMessage) command;
        if (random.nextInt(10) != 0 && w.ledger.findDecided(message, w.result)) {
            return null;
        }
        LedgerResult r = w.apply(command);
        if (r.retry || r.rejection == LedgerRejection.DUPLICATE) {
            assertEquals(0, r.eventCount(), "a duplicate return or recall changed something");
        }
        for (int i = 0; i < r.eventCount(); i++) {
            if (r.eventType(i) == LedgerEventType.POSTED && r.eventAmountMinor(i) > 0) {
                String returnedUetr = r.eventParty(i);
                TransferCommand returnedOriginal = settled.get(returnedUetr);
                if (returnedOriginal == null) {
                    continue; // one the simulation no longer follows; the ledger's own invariants still hold it
                }
                long returned = returnedOf.merge(returnedUetr, r.eventAmountMinor(i), Long::sum);
                if (returned > returnedOriginal.amountMinor) {
                    throw new AssertionError("transfer " + returnedUetr + " returned beyond its amount: " + returned);
                }
            }
        }
        return r;
    }

    private LedgerResult register() {
        String creditor = random.nextInt(40) == 0 ? pick(BANKS) : pick(suppliers);
        String debtor = random.nextInt(40) == 0 ? pick(suppliers) : pick(CORES);
        String sender = random.nextInt(3) == 0 ? debtor : maybeWrong(creditor);
        int currency = debtor.equals(DemoWorld.CANTON)
                ? (random.nextInt(3) == 0 ? USD : CNY)
                : (random.nextInt(3) == 0 ? MOP : CNY);
        String id = random.nextInt(100) == 0 && !receivableIds.isEmpty() ? receivable() : "R" + nextId++;
        int term = random.nextInt(30) == 0 ? 180 + random.nextInt(200) : 1 + random.nextInt(150);
        // Mostly issued in the last few weeks; now and then dated ahead, so a financing could outrun a year.
        int issue = random.nextInt(100) == 0 ? w.day + random.nextInt(150) : w.day - random.nextInt(20);
        int due = random.nextInt(100) == 0 ? issue - 1 : issue + term;
        long amount = random.nextInt(200) == 0 ? 0 : 1_000 + random.nextLong(200_000_000L);
        String document = random.nextInt(200) == 0 ? "DOC" : "DOC-" + id;
        LedgerResult r = w.register(sender, id, document, debtor, creditor, currency, amount, issue, due);
        if (r.applied) {
            receivableIds.add(id);
            currencyOf.put(id, currency);
        }
        return r;
    }

    private LedgerResult confirm(String id) {
        Receivable rec = w.ledger.receivables().receivable(id);
        String debtor = rec == null ? pick(CORES) : rec.debtorId();
        return w.confirm(maybeWrong(debtor), id, random.nextInt(10) != 0);
    }

    private LedgerResult split(String id) {
        Receivable rec = w.ledger.receivables().receivable(id);
        long outstanding = rec == null ? 1_000 : rec.outstandingMinor();
        long amount = random.nextInt(20) == 0 ? outstanding : 1 + random.nextLong(Math.max(1, outstanding));
        String child = "R" + nextId++;
        LedgerResult r = w.split(maybeWrong(holder(rec)), id, child, pick(suppliers), amount);
        if (r.applied) {
            receivableIds.add(child);
        }
        return r;
    }

    /**
     * Factoring: mostly the holder assigning part or all of it to the bank of the programme of its
     * debtor and currency; now and then to another bank or programme, beyond the outstanding amount,
     * or under a child id already taken.
     */
    private LedgerResult assign(String id) {
        Receivable rec = w.ledger.receivables().receivable(id);
        String programme = programmeFor(rec);
        Programme p = w.ledger.receivables().programme(programme);
        String bank = p == null || random.nextInt(30) == 0 ? pick(BANKS) : p.bankId();
        long outstanding = rec == null ? 1_000 : rec.outstandingMinor();
        int dice = random.nextInt(20);
        long amount =
                dice == 0 ? outstanding + 1 : dice < 6 ? outstanding : 1 + random.nextLong(Math.max(1, outstanding));
        String child = random.nextInt(100) == 0 && !receivableIds.isEmpty() ? receivable() : "R" + nextId++;
        boolean part = amount < outstanding; // the whole outstanding amount moves the receivable itself
        LedgerResult r = w.assign(maybeWrong(holder(rec)), id, child, bank, programme, amount);
        if (r.applied && part) {
            receivableIds.add(child);
        }
        return r;
    }

    private LedgerResult requestFinancing(String id) {
        Receivable rec = w.ledger.receivables().receivable(id);
        String programme = programmeFor(rec);
        Programme p = w.ledger.receivables().programme(programme);
        long cap = rec == null || p == null
                ? 1_000
                : DiscountPricing.advanceCapMinor(rec.outstandingMinor(), p.advanceRatePpm());
        long amount = random.nextInt(15) == 0 ? cap + 1 : 1 + random.nextLong(Math.max(1, cap));
        String financingId = random.nextInt(100) == 0 && !financingIds.isEmpty() ? financing() : "F" + nextId++;
        LedgerResult r = w.requestFinancing(maybeWrong(holder(rec)), financingId, id, programme, amount);
        if (r.applied) {
            financingIds.add(financingId);
        }
        return r;
    }

    private LedgerResult decide(String id) {
        Financing f = id == null ? null : w.ledger.receivables().financing(id);
        if (f == null) {
            return w.accept(pick(BANKS), "F-unknown", 1);
        }
        if (random.nextInt(4) == 0) {
            return w.refuse(maybeWrong(f.bankId()), id, random.nextInt(100));
        }
        long amount = random.nextInt(10) == 0 ? f.requestedMinor() + 1 : 1 + random.nextLong(f.requestedMinor());
        return w.accept(maybeWrong(f.bankId()), id, amount);
    }

    private LedgerResult disburse(String id) {
        Financing f = id == null ? null : w.ledger.receivables().financing(id);
        String bank = f == null ? pick(BANKS) : f.bankId();
        String reference = random.nextInt(20) == 0 ? null : "REG-" + id;
        return w.disburse(maybeWrong(bank), id == null ? "F-unknown" : id, reference);
    }

    private LedgerResult cancelFinancing(String id) {
        Financing f = id == null ? null : w.ledger.receivables().financing(id);
        String requester = f == null ? pick(suppliers) : f.requesterId();
        return w.cancelFinancing(maybeWrong(requester), id == null ? "F-unknown" : id);
    }

    private LedgerResult settle(String id) {
        Receivable rec = w.ledger.receivables().receivable(id);
        String payee = pick(BANKS);
        if (rec != null && rec.financingId() != null && random.nextInt(10) != 0) {
            payee = w.ledger.receivables().financing(rec.financingId()).bankId();
        } else if (rec != null && rec.factoredMinor() != 0 && random.nextInt(10) != 0) {
            payee = rec.holderId(); // assigned to a bank: repaid to it
        }
        String payer = random.nextInt(50) == 0 ? payee : otherBank(payee);
        long amount = rec == null ? 1 : rec.outstandingMinor() + (random.nextInt(20) == 0 ? 1 : 0);
        return w.settle(payer, id, payee, amount);
    }

    private LedgerResult fxRate() {
        SetFxRateCommand c = new SetFxRateCommand();
        c.baseCurrency = pick(CURRENCIES);
        c.quoteCurrency = pick(CURRENCIES);
        c.rateScaled = random.nextInt(50) == 0 ? 0 : 10_000_000L + random.nextLong(800_000_000L);
        c.sourceSequence = step;
        return w.apply(c);
    }

    /**
     * A programme's membership moves: its bank onboards a supplier (again), or a supplier answers its
     * onboarding (tsin.012), mostly acknowledging it, now and then rejecting it and leaving.
     */
    private LedgerResult membership() {
        String programme = random.nextInt(50) == 0 ? "P-unknown" : pick(PROGRAMMES);
        String supplier = pick(suppliers);
        Programme p = w.ledger.receivables().programme(programme);
        if (p != null && random.nextInt(3) == 0) {
            return w.onboard(maybeWrong(p.bankId()), programme, supplier);
        }
        boolean accept = random.nextInt(5) != 0;
        return w.acknowledge(maybeWrong(supplier), programme, accept, accept ? 0 : 0x4E413031);
    }

    private LedgerResult creditLine() {
        int i = random.nextInt(4);
        String bank = i == 1 ? DemoWorld.VHBK : i == 3 ? LTBK : DemoWorld.PRBK;
        String core = i < 2 ? DemoWorld.CANTON : CORE2;
        int currency = i == 1 ? USD : i == 3 ? MOP : CNY;
        CreditLine line = w.ledger.receivables().creditLine(bank, core, currency);
        long exposure = line.reservedMinor() + line.usedMinor();
        long limit = Math.max(0, exposure + random.nextLong(1_000_000_000L) - 100_000_000L);
        return w.creditLine(bank, core, currency, limit);
    }

    // ------------------------------------------------------------------ choices

    /** Mostly a recent receivable (still active), sometimes any, rarely one that does not exist. */
    private String receivable() {
        if (receivableIds.isEmpty()) {
            return "R-unknown";
        }
        int n = receivableIds.size();
        int index = random.nextInt(4) == 0 ? random.nextInt(n) : n - 1 - random.nextInt(Math.min(n, 64));
        return receivableIds.get(index);
    }

    private String receivableIdOrUnknown() {
        return random.nextInt(200) == 0 ? "R-unknown" : receivable();
    }

    private String financing() {
        if (financingIds.isEmpty()) {
            return null;
        }
        int n = financingIds.size();
        int index = random.nextInt(5) == 0 ? random.nextInt(n) : n - 1 - random.nextInt(Math.min(n, 32));
        return financingIds.get(index);
    }

    private String programmeFor(Receivable rec) {
        if (rec == null || random.nextInt(30) == 0) {
            return random.nextInt(10) == 0 ? "P-unknown" : pick(PROGRAMMES);
        }
        for (String programme : PROGRAMMES) {
            Programme p = w.ledger.receivables().programme(programme);
            if (p.coreId().equals(rec.debtorId()) && p.currency() == rec.currency()) {
                return programme;
            }
        }
        return pick(PROGRAMMES);
    }

    private String otherBank(String bank) {
        String other = pick(BANKS);
        return other.equals(bank) ? BANKS[(List.of(BANKS).indexOf(bank) + 1) % BANKS.length] : other;
    }

    private String holder(Receivable rec) {
        return rec == null ? pick(suppliers) : rec.holderId();
    }

    /** The entitled party 95 % of the time, else anyone. */
    private String maybeWrong(String entitled) {
        return random.nextInt(20) == 0 ? pick(everyone) : entitled;
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private int pick(int[] from) {
        return from[random.nextInt(from.length)];
    }

    // ------------------------------------------------------------------ invariants

    /** O(events of the step): what the last command touched is consistent. */
    private void checkCheapInvariants() {
        LedgerResult r = w.result;
        Receivables book = w.ledger.receivables();
        long[] postedByCurrency = new long[CURRENCIES.length];
        for (int i = 0; i < r.eventCount(); i++) {
            LedgerEventType type = r.eventType(i);
            if (!r.applied
                    && !(type == LedgerEventType.RECEIVABLE_STATE
                            && r.eventCode(i) == ReceivableState.OVERDUE.code())) {
                throw new AssertionError("refused command " + r.rejection + " changed something: " + type);
            }
            switch (type) {
                case POSTED -> {
                    for (int c = 0; c < CURRENCIES.length; c++) {
                        if (CURRENCIES[c] == r.eventCurrency(i)) {
                            postedByCurrency[c] += r.eventAmountMinor(i);
                        }
                    }
                }
                case RECEIVABLE_STATE -> checkReceivable(book.receivable(r.eventSubject(i)));
                case CREDIT_RESERVED, CREDIT_POSTED, CREDIT_RELEASED -> {
                    CreditLine line = book.creditLine(r.eventSubject(i), r.eventParty(i), r.eventCurrency(i));
                    if (line.reservedMinor() < 0 || line.usedMinor() < 0 || line.availableMinor() < 0) {
                        throw new AssertionError("credit line out of bounds: " + line.bankId() + " "
                                + line.reservedMinor() + "/" + line.usedMinor() + "/" + line.limitMinor());
                    }
                }
                default -> {}
            }
        }
        for (long sum : postedByCurrency) {
            assertEquals(0L, sum, "postings of one command do not balance");
        }
    }

    private void checkReceivable(Receivable rec) {
        if (rec.state() == ReceivableState.ASSIGNED
                && (rec.factoredMinor() != rec.outstandingMinor()
                        || rec.financingId() != null
                        || !List.of(BANKS).contains(rec.holderId()))) {
            throw new AssertionError("receivable " + rec.id() + " ASSIGNED but held by " + rec.holderId()
                    + ", factored " + rec.factoredMinor() + " of " + rec.outstandingMinor());
        }
        long children = 0;
        for (String child : rec.childIds()) {
            children += w.ledger.receivables().receivable(child).faceMinor();
        }
        assertEquals(
                rec.faceMinor(), rec.outstandingMinor() + children, "children + outstanding != face of " + rec.id());
        if (rec.financingId() != null) {
            Financing f = w.ledger.receivables().financing(rec.financingId());
            if (f.state().active()) {
                Programme p = w.ledger.receivables().programme(f.programmeId());
                long cap = DiscountPricing.advanceCapMinor(rec.outstandingMinor(), p.advanceRatePpm());
                if (f.financedMinor() > cap) {
                    throw new AssertionError(
                            "receivable " + rec.id() + " over-financed: " + f.financedMinor() + " > " + cap);
                }
            }
            if (rec.state() == ReceivableState.FINANCED
                    && f.state() != FinancingState.ACCEPTED
                    && f.state() != FinancingState.DISBURSED) {
                throw new AssertionError("receivable " + rec.id() + " FINANCED but its financing is " + f.state());
            }
        }
    }

    private void checkFullInvariants() {
        String breach = w.ledger.checkInvariants();
        if (breach != null) {
            throw new AssertionError(breach);
        }
    }
}
