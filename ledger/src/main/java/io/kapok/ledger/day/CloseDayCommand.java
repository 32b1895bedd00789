package io.kapok.ledger.day;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Closes a business day (UTC): the journaled trigger of the end-of-day statements. The gateway owns
 * the clock and writes it, before the first entry of a later day, for the day the ledger has open
 * ({@link io.kapok.ledger.Ledger#openDayEpoch()}); its receive time is in the later day. Applied,
 * it names every account with its balance at the day's end ({@link
 * io.kapok.ledger.LedgerEventType#DAY_CLOSED} events), so a replay closes the same day with the
 * same balances, and the day can be closed only once.
 */
public final class CloseDayCommand extends LedgerCommand {
    /** The day closed, days since 1970-01-01 (UTC). */
    public int businessDay;

    @Override
    public CommandType type() {
        return CommandType.CLOSE_DAY;
    }
}
