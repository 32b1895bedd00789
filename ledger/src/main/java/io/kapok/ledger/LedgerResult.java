package io.kapok.ledger;

import java.util.Arrays;

/**
 * What applying (or looking up) a command gave, and the events describing what changed.
 * Reusable: one instance per caller, overwritten by each call. Events are kept in parallel arrays
 * that grow once and are then reused, so a warmed-up result allocates nothing.
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
        if (eventCount == eventTypes.length) {
            int n = eventCount * 2;
            eventTypes = Arrays.copyOf(eventTypes, n);
            eventSubjects = Arrays.copyOf(eventSubjects, n);
            eventParties = Arrays.copyOf(eventParties, n);
            eventCurrencies = Arrays.copyOf(eventCurrencies, n);
            eventAmountsMinor = Arrays.copyOf(eventAmountsMinor, n);
            eventCodes = Arrays.copyOf(eventCodes, n);
        }
        if (eventTypes[eventCount] != type) {
            // Types repeat from command to command; a reference store costs the collector's
            // write barrier, a load and compare almost nothing.
            eventTypes[eventCount] = type;
        }
        eventSubjects[eventCount] = subject;
        eventParties[eventCount] = party;
        eventCurrencies[eventCount] = currency;
        eventAmountsMinor[eventCount] = amountMinor;
        eventCodes[eventCount] = code;
        eventCount++;
    }

    /** Number of events the last command produced, in the order they happened. */
    public int eventCount() {
        return eventCount;
    }

    public LedgerEventType eventType(int i) {
        return eventTypes[i];
    }

    public String eventSubject(int i) {
        return eventSubjects[i];
    }

    public String eventParty(int i) {
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
