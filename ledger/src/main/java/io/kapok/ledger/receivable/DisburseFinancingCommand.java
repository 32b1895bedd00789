package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The bank disburses an accepted financing (its pacs.008 to the supplier): the credit-line hold is
 * posted (reserved becomes used) and the financing DISBURSED. Requires the movable-property
 * registration reference.
 */
public final class DisburseFinancingCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the financing bank. */
    public String senderId;

    public String financingId;
    /** Registration reference in the PBoC movable-property registry; required, not blank. */
    public String registrationReference;

    @Override
    public CommandType type() {
        return CommandType.DISBURSE_FINANCING;
    }
}
