package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The debtor confirms (确权) or refuses a registered receivable (tsin.013). Confirmed: CONFIRMED;
 * refused: REJECTED.
 */
public final class ConfirmReceivableCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the debtor. */
    public String senderId;

    public String receivableId;
    /** True to confirm, false to refuse. */
    public boolean accept;

    @Override
    public CommandType type() {
        return CommandType.CONFIRM_RECEIVABLE;
    }
}
