package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Factoring: the holder of a confirmed receivable assigns {@link #amountMinor} of it to {@link
 * #bankId}, the bank of {@link #programmeId} (a programme in which that bank finances the
 * receivable's debtor in its currency, and into which the holder is onboarded). The whole
 * outstanding amount moves the receivable itself to the bank; less splits off a child {@link
 * #childReceivableId}, held by the bank, as a split does (same debtor, currency and dates,
 * provenance kept). Either way the part assigned turns ASSIGNED, its amount is held on the bank's
 * credit line to the debtor until it is repaid (or withdrawn), and the debtor must now pay the bank.
 */
public final class AssignReceivableCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the holder. */
    public String senderId;
    /** The receivable assigned (the parent, when a part is). */
    public String receivableId;
    /**
     * Id of the bank's part when less than the outstanding amount is assigned; unique across the
     * ledger. Not used when the whole outstanding amount is.
     */
    public String childReceivableId;
    /** The bank that takes the claim over. */
    public String bankId;
    /** The programme in which that bank finances the debtor's suppliers. */
    public String programmeId;
    /** 1..outstanding minor units. */
    public long amountMinor;

    @Override
    public CommandType type() {
        return CommandType.ASSIGN_RECEIVABLE;
    }
}
