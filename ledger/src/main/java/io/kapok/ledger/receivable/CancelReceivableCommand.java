package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The holder withdraws a receivable that is REGISTERED or CONFIRMED, has no financing and has not
 * been split: CANCELLED.
 */
public final class CancelReceivableCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the holder. */
    public String senderId;

    public String receivableId;

    @Override
    public CommandType type() {
        return CommandType.CANCEL_RECEIVABLE;
    }
}
