package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Onboards a supplier into a programme (tsin.009 → tsin.010/011/012). Sent by the programme's bank
 * or its core enterprise.
 */
public final class OnboardPartyCommand extends LedgerCommand {
    /** Who sent it, as authenticated: the programme's bank or core enterprise. */
    public String senderId;

    public String programmeId;
    /** The supplier to onboard. */
    public String partyId;

    @Override
    public CommandType type() {
        return CommandType.ONBOARD_PARTY;
    }
}
