package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The holder asks the programme's bank to finance a confirmed receivable (tsin.001): the receivable
 * becomes FINANCING_REQUESTED and the financing REQUESTED.
 */
public final class RequestFinancingCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the holder, onboarded into the programme. */
    public String senderId;
    /** Unique across the ledger (e.g. the tsin.001 request id). */
    public String financingId;

    public String receivableId;
    public String programmeId;
    /** Amount asked for, minor units, 1..outstanding × advance rate. */
    public long amountMinor;

    @Override
    public CommandType type() {
        return CommandType.REQUEST_FINANCING;
    }
}
