package io.kapok.ledger.receivable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A receivable: {@link #debtorId()} (a core enterprise) owes its holder {@link #faceMinor()} of
 * {@link #currency()} on {@link #dueDay()}. A split moves part of it to a child receivable with a
 * new holder; the parent keeps the rest as its {@link #outstandingMinor()}, and always
 * {@code outstanding + Σ children's face = face}. Owned by the ledger thread.
 */
public final class Receivable {
    final String id;
    final String documentNumber;
    final String debtorId;
    final String creditorId;
    /** The receivable this one was split from, or null for an original. */
    final String parentId;

    final int currency;
    final long faceMinor;
    final int issueDay;
    final int dueDay;
    String holderId;
    long outstandingMinor;
    /** Sum of the children's face amounts. */
    long splitMinor;

    ReceivableState state;
    /** The active financing's id, or null. */
    String financingId;

    /** The latest financing ever requested for it (active or not), or null. */
    String lastFinancingId;

    /** Null until the first split: most receivables are never split. */
    List<String> childIds;

    /**
     * What happened to it, in journal order: each entry is {@code sequence << 8 | change code}.
     * Sized at creation for the usual life (register, confirm, request, decide) so that those
     * commands add no allocation.
     */
    long[] history = new long[HISTORY_INITIAL];

    int historySize;

    private static final int HISTORY_INITIAL = 4;

    Receivable(
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

    /** Ids of the receivables split from this one, in split order; read-only view. */
    public List<String> childIds() {
        return childIds == null ? Collections.emptyList() : Collections.unmodifiableList(childIds);
    }

    /** The financing asked for last (it may be over), or null if none ever was. */
    public String lastFinancingId() {
        return lastFinancingId;
    }

    /** Number of changes in its history. */
    public int historySize() {
        return historySize;
    }

    /** Journal sequence of the command that made the {@code i}-th change (0 = the first). */
    public long historySequence(int i) {
        return history[checkHistoryIndex(i)] >>> 8;
    }

    /** The {@code i}-th change (0 = the first). */
    public ReceivableChange historyChange(int i) {
        return ReceivableChange.ofCode((int) (history[checkHistoryIndex(i)] & 0xFF));
    }

    private int checkHistoryIndex(int i) {
        if (i < 0 || i >= historySize) {
            throw new IndexOutOfBoundsException("history index " + i + " of " + historySize);
        }
        return i;
    }

    void record(long sequence, ReceivableChange change) {
        if (historySize == history.length) {
            history = Arrays.copyOf(history, historySize * 2);
        }
        history[historySize++] = sequence << 8 | change.code();
    }

    void addChild(String childId) {
        if (childIds == null) {
            childIds = new ArrayList<>(2);
        }
        childIds.add(childId);
    }

    int childCount() {
        return childIds == null ? 0 : childIds.size();
    }
}
