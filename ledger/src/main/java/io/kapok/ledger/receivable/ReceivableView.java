package io.kapok.ledger.receivable;

import java.time.LocalDate;
import java.util.List;

/**
 * A receivable as the ops API shows it: a read-only copy, made on request (off the hot path), that
 * stays as it was when made. Amounts in minor units of {@link #currency}.
 *
 * @param id               the receivable's id
 * @param state            where it is in its life cycle
 * @param holderId         who holds the claim now
 * @param debtorId         the core enterprise that owes it
 * @param creditorId       the supplier it was first owed to (for a child: the lower-tier supplier)
 * @param documentNumber   the invoice number, or null
 * @param currency         ISO 4217 code, e.g. {@code "CNY"}
 * @param faceMinor        the amount registered (or split off, for a child)
 * @param outstandingMinor what the debtor still owes its holder: face minus what was split off
 * @param financedMinor    the principal of its active accepted or disbursed financing, else 0
 * @param factoredMinor    what a bank took over by assignment (factoring; the bank is then the
 *                         holder and the debtor pays it at maturity), else 0
 * @param issueDate        issue date
 * @param dueDate          due date
 * @param financing        its active financing, else the latest one it had, else null
 * @param parentId         the receivable it was split from, or null for an original
 * @param childIds         the receivables split from it, in split order
 * @param history          every change, in journal order
 */
public record ReceivableView(
        String id,
        ReceivableState state,
        String holderId,
        String debtorId,
        String creditorId,
        String documentNumber,
        String currency,
        long faceMinor,
        long outstandingMinor,
        long financedMinor,
        long factoredMinor,
        LocalDate issueDate,
        LocalDate dueDate,
        FinancingView financing,
        String parentId,
        List<String> childIds,
        List<Change> history) {

    /**
     * A financing of the receivable.
     *
     * @param id             the financing's id
     * @param bankId         the programme's bank
     * @param requestedMinor what the holder asked for
     * @param financedMinor  the principal granted; 0 until accepted
     * @param state          where it is in its life cycle
     * @param active         true while it holds the receivable (requested, accepted or disbursed)
     */
    public record FinancingView(
            String id, String bankId, long requestedMinor, long financedMinor, FinancingState state, boolean active) {}

    /**
     * One change of the receivable.
     *
     * @param sequence journal sequence of the command that made it
     * @param change   what happened
     */
    public record Change(long sequence, ReceivableChange change) {}
}
