package io.kapok.ledger.party;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Opens a settlement account for a party in one currency, with an opening balance. The opening
 * balance is the other side of a double entry against the ledger's opening-equity account of that
 * currency, so debits still equal credits.
 */
public final class OpenAccountCommand extends LedgerCommand {
    public String partyId;
    /** Packed ISO 4217 code. */
    public int currency;
    /** Opening balance in minor units, &gt;= 0. */
    public long openingBalanceMinor;

    @Override
    public CommandType type() {
        return CommandType.OPEN_ACCOUNT;
    }
}
