package io.kapok.ledger;

import io.kapok.ledger.party.Party;
import io.kapok.ledger.party.PartyOrdinals;
import java.util.Arrays;

/**
 * What applying (or looking up) a command gave, and the events describing what changed.
 * Reusable: one instance per caller, overwritten by each call. Events are kept in parallel arrays
 * that grow once and are then reused, so a warmed-up result allocates nothing. An event's subject
 * that is a party the ledger knows is kept as the party's ordinal, and a {@code party} column that
 * repeats the previous event's is not stored again: a reference stored into these long-lived arrays
 * costs the collector's write barrier (under G1 a memory fence), and a transfer's two postings
 * stored four of them.
 *
 * <p>A rejected command changes nothing, with one exception: a command that finds a receivable
 * past its due date and unpaid marks it {@code OVERDUE} (time moved on, whatever the command asked),
 * and that change is reported as an event even when the command itself is refused.
 */
public final class LedgerResult {
    /** The command took effect. */
    public boolean applied;
    /** Why not, when {@link #applied} is false. */
    public LedgerRejection rejection;
    /**
     * True when this answer is the original outcome of an earlier identical message (a retry):
     * nothing changed now, and {@link #sequence} and {@link #timeMs} are the original's.
     */
    public boolean retry;
    /** Journal sequence of the entry that decided the outcome (0 if none was journaled). */
    public long sequence;
    /** Receive time of that entry, epoch milliseconds. */
    public long timeMs;

    /**
     * The rate a cross-currency transfer settled at: the journal sequence of the command that set
     * it, 0 when the command converted nothing. With {@link #fxBaseCurrency}, {@link
     * #fxQuoteCurrency} and {@link #fxRateScaled} (one base buys rate ÷ 10^8 quote).
     */
    public long fxRateSequence;

    public int fxBaseCurrency;
    public int fxQuoteCurrency;
    public long fxRateScaled;

    private int eventCount;
    private LedgerEventType[] eventTypes = new LedgerEventType[8];
    private String[] eventSubjects = new String[8];
    private String[] eventParties = new String[8];
    /** The subject's party ordinal + 1, or 0 when the subject is in {@link #eventSubjects}. */
    private int[] eventSubjectOrdinals = new int[8];
    /** True when the party column is the previous event's (and not stored in {@link #eventParties}). */
    private boolean[] eventPartyAsBefore = new boolean[8];

    private final PartyOrdinals partyIds = new PartyOrdinals();
    private int[] eventCurrencies = new int[8];
    private long[] eventAmountsMinor = new long[8];
    private int[] eventCodes = new int[8];

    public void clear() {
        applied = false;
        rejection = null;
        retry = false;
        sequence = 0;
        timeMs = 0;
        fxRateSequence = 0;
        fxBaseCurrency = 0;
        fxQuoteCurrency = 0;
        fxRateScaled = 0;
        for (int i = 0; i < eventCount; i++) {
            eventSubjects[i] = null;
            eventParties[i] = null;
        }
        eventCount = 0;
    }

    void accept(long sequence, long timeMs) {
        this.applied = true;
        this.rejection = null;
        this.retry = false;
        this.sequence = sequence;
        this.timeMs = timeMs;
    }

    void reject(LedgerRejection rejection, long sequence, long timeMs) {
        this.applied = false;
        this.rejection = rejection;
        this.retry = false;
        this.sequence = sequence;
        this.timeMs = timeMs;
    }

    /**
     * Appends an event; called by the ledger while applying a command. See {@link LedgerEventType}
     * for what each field means per type.
     */
    public void event(LedgerEventType type, String subject, String party, int currency, long amountMinor, int code) {
        int n = append(type, party, currency, amountMinor, code);
        eventSubjects[n] = subject;
        eventSubjectOrdinals[n] = 0;
    }

    /**
     * {@link #event(LedgerEventType, String, String, int, long, int)} whose subject is a party of the
     * ledger: kept as its {@link Party#ordinal() ordinal}, read back as its id.
     */
    public void partyEvent(
            LedgerEventType type, Party subject, String party, int currency, long amountMinor, int code) {
        int n = append(type, party, currency, amountMinor, code);
        String id = subject.id();
        int ordinal = subject.ordinal();
        if (partyIds.names(id, ordinal)) {
            eventSubjectOrdinals[n] = ordinal + 1;
        } else {
            eventSubjects[n] = id;
            eventSubjectOrdinals[n] = 0;
        }
    }

    /** Appends an event without its subject; returns its index. */
    private int append(LedgerEventType type, String party, int currency, long amountMinor, int code) {
        int n = eventCount;
        if (n == eventTypes.length) {
            grow(n * 2);
        }
        if (eventTypes[n] != type) {
            // Types repeat from command to command; a reference store costs the collector's
            // write barrier, a load and compare almost nothing.
            eventTypes[n] = type;
        }
        boolean asBefore = n > 0 && party != null && party == eventParty(n - 1);
        eventPartyAsBefore[n] = asBefore;
        if (!asBefore) {
            eventParties[n] = party;
        }
        eventCurrencies[n] = currency;
        eventAmountsMinor[n] = amountMinor;
        eventCodes[n] = code;
        eventCount = n + 1;
        return n;
    }

    private void grow(int length) {
        eventTypes = Arrays.copyOf(eventTypes, length);
        eventSubjects = Arrays.copyOf(eventSubjects, length);
        eventParties = Arrays.copyOf(eventParties, length);
        eventSubjectOrdinals = Arrays.copyOf(eventSubjectOrdinals, length);
        eventPartyAsBefore = Arrays.copyOf(eventPartyAsBefore, length);
        eventCurrencies = Arrays.copyOf(eventCurrencies, length);
        eventAmountsMinor = Arrays.copyOf(eventAmountsMinor, length);
        eventCodes = Arrays.copyOf(eventCodes, length);
    }

    /** Number of events the last command produced, in the order they happened. */
    public int eventCount() {
        return eventCount;
    }

    public LedgerEventType eventType(int i) {
        return eventTypes[i];
    }

    public String eventSubject(int i) {
        int ordinal = eventSubjectOrdinals[i];
        return ordinal != 0 ? partyIds.id(ordinal - 1) : eventSubjects[i];
    }

    public String eventParty(int i) {
        while (eventPartyAsBefore[i]) {
            i--;
        }
        return eventParties[i];
    }

    /** Packed ISO 4217 code, or 0 when the event has no currency. */
    public int eventCurrency(int i) {
        return eventCurrencies[i];
    }

    public long eventAmountMinor(int i) {
        return eventAmountsMinor[i];
    }

    public int eventCode(int i) {
        return eventCodes[i];
    }

    @Override
    public String toString() {
        return (applied ? "APPLIED" : "REJECTED " + rejection) + (retry ? " (retry)" : "") + " seq=" + sequence
                + (eventCount > 0 ? " events=" + eventCount : "");
    }
}
