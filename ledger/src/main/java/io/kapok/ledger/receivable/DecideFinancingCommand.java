package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The programme's bank decides a requested financing (its tsin.002). Accepted: the financing is
 * ACCEPTED, the receivable FINANCED, the price fixed (see {@link DiscountPricing}) and {@link
 * #financedAmountMinor} reserved on the bank's credit line to the debtor. Refused: the financing is
 * REJECTED and the receivable CONFIRMED again.
 */
public final class DecideFinancingCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the programme's bank. */
    public String senderId;

    public String financingId;
    public boolean accept;
    /** When accepted: 1..min(asked, outstanding × advance rate) minor units. */
    public long financedAmountMinor;
    /** When refused: the bank's reason as given (e.g. a reason code number); 0 if none. */
    public int reasonCode;

    @Override
    public CommandType type() {
        return CommandType.DECIDE_FINANCING;
    }
}
