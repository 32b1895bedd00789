package io.kapok.ledger.party;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/** Registers a party with its roles. Comes from the genesis of a new journal (the configured world). */
public final class RegisterPartyCommand extends LedgerCommand {
    public String partyId;
    public String name;
    /** Bit mask of {@link PartyRole}s. */
    public int roles;

    @Override
    public CommandType type() {
        return CommandType.REGISTER_PARTY;
    }
}
