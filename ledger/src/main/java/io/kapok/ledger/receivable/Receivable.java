package io.kapok.ledger.receivable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A receivable: {@link #debtorId()} (a core enterprise) owes its holder {@link #faceMinor()} of
 * {@link #currency()} on {@link #dueDay()}. A split moves part of it to a child receivable with a
 * new holder; the parent keeps the rest as its {@link #outstandingMinor()}, and always
 * {@code outstanding + Σ children's face = face}. Owned by the ledger thread.
 *
 * <p>A pooled slot: {@link Receivables} makes these in bulk when its pool grows and fills one in
 * ({@link #init}) for each receivable registered or split off, so creating a receivable allocates
 * nothing. Its history lives in the shared {@link HistoryLog}, its children are chained through
 * {@link #nextSibling}, and it stays the same object for the ledger's life (or until a snapshot is
 * read into the ledger).
 */
public final class Receivable {
    /** Index in the pool: creation (journal) order. */
    final int handle;

    private final HistoryLog log;
    String id;
    String documentNumber;
    String debtorId;
    String creditorId;
    /** The receivable this one was split from, or null for an original. */
    String parentId;

    int currency;
    long faceMinor;
    int issueDay;
    int dueDay;
    String holderId;
    long outstandingMinor;
    /** Sum of the children's face amounts. */
    long splitMinor;

    ReceivableState state;
    /** The active financing's id, or null. */
    String financingId;

    /** The latest financing ever requested for it (active or not), or null. */
    String lastFinancingId;

    /**
     * What a bank took over when it was assigned to one (factoring), minor units, 0 if never: while
     * it is unpaid (ASSIGNED or OVERDUE) this much is held on the credit line of its holder (the
     * bank) to its debtor; settlement or withdrawal releases it.
     */
    long factoredMinor;

    /** The first and last receivables split from this one, null until the first split. */
    Receivable firstChild;

    Receivable lastChild;
    /** The next receivable split from the same parent, in split order, or null. */
    Receivable nextSibling;

    int childCount;

    /** Index in {@link #log} of the first and the latest change, -1 before the first. */
    int historyFirst = -1;

    int historyLast = -1;
    int historySize;

    Receivable(int handle, HistoryLog log) {
        this.handle = handle;
        this.log = log;
    }

    /** Fills this slot in as a new receivable with no history, no children and no financing. */
    void init(
            String id,
            String documentNumber,
            String debtorId,
            String creditorId,
            String parentId,
            int currency,
            long faceMinor,
            int issueDay,
            int dueDay) {
        this.id = id;
        this.documentNumber = documentNumber;
        this.debtorId = debtorId;
        this.creditorId = creditorId;
        this.parentId = parentId;
        this.currency = currency;
        this.faceMinor = faceMinor;
        this.issueDay = issueDay;
        this.dueDay = dueDay;
        this.holderId = creditorId;
        this.outstandingMinor = faceMinor;
        this.splitMinor = 0;
        this.state = null;
        this.financingId = null;
        this.lastFinancingId = null;
        this.factoredMinor = 0;
        this.firstChild = null;
        this.lastChild = null;
        this.nextSibling = null;
        this.childCount = 0;
        this.historyFirst = -1;
        this.historyLast = -1;
        this.historySize = 0;
    }

    public String id() {
        return id;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public String debtorId() {
        return debtorId;
    }

    public String creditorId() {
        return creditorId;
    }

    /** The party that holds the claim now. */
    public String holderId() {
        return holderId;
    }

    public String parentId() {
        return parentId;
    }

    public int currency() {
        return currency;
    }

    /** The amount registered (or split off, for a child), minor units. */
    public long faceMinor() {
        return faceMinor;
    }

    /** What the debtor still owes the holder of this receivable: face minus what was split off. */
    public long outstandingMinor() {
        return outstandingMinor;
    }

    public int issueDay() {
        return issueDay;
    }

    public int dueDay() {
        return dueDay;
    }

    public ReceivableState state() {
        return state;
    }

    /** The active (requested, accepted or disbursed) financing, or null. */
    public String financingId() {
        return financingId;
    }

    /** Ids of the receivables split from this one, in split order; a read-only copy. O(children). */
    public List<String> childIds() {
        List<String> ids = new ArrayList<>(childCount);
        for (Receivable child = firstChild; child != null; child = child.nextSibling) {
            ids.add(child.id);
        }
        return Collections.unmodifiableList(ids);
    }

    /** The financing asked for last (it may be over), or null if none ever was. */
    public String lastFinancingId() {
        return lastFinancingId;
    }

    /**
     * What the bank holding it took over by assignment (factoring), minor units; 0 when it was never
     * assigned to a bank.
     */
    public long factoredMinor() {
        return factoredMinor;
    }

    /** Number of changes in its history. */
    public int historySize() {
        return historySize;
    }

    /** Journal sequence of the command that made the {@code i}-th change (0 = the first). O(i). */
    public long historySequence(int i) {
        return log.sequenceAt(historyIndex(i));
    }

    /** The {@code i}-th change (0 = the first). O(i). */
    public ReceivableChange historyChange(int i) {
        return log.changeAt(historyIndex(i));
    }

    /** Index in the log of the {@code i}-th change. */
    private int historyIndex(int i) {
        if (i < 0 || i >= historySize) {
            throw new IndexOutOfBoundsException("history index " + i + " of " + historySize);
        }
        int index = historyFirst;
        for (int n = 0; n < i; n++) {
            index = log.nextAt(index);
        }
        return index;
    }

    void record(long sequence, ReceivableChange change) {
        appendHistory(log.append(historyLast, sequence, change));
    }

    /** Appends a change as the log stores it (a snapshot being read). */
    void recordPacked(long packed) {
        appendHistory(log.appendPacked(historyLast, packed));
    }

    private void appendHistory(int index) {
        if (historyFirst < 0) {
            historyFirst = index;
        }
        historyLast = index;
        historySize++;
    }

    /** Chains {@code child} after the children split from this one so far. */
    void addChild(Receivable child) {
        if (lastChild == null) {
            firstChild = child;
        } else {
            lastChild.nextSibling = child;
        }
        lastChild = child;
        childCount++;
    }

    int childCount() {
        return childCount;
    }
}
