package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The requester cancels its financing (tsin.003) before disbursement: the financing is CANCELLED,
 * any credit-line hold voided, and the receivable CONFIRMED again.
 */
public final class CancelFinancingCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the party that requested the financing. */
    public String senderId;

    public String financingId;

    @Override
    public CommandType type() {
        return CommandType.CANCEL_FINANCING;
    }
}
