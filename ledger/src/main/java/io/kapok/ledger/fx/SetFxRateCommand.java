package io.kapok.ledger.fx;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A rate update from the market-data feed, journaled so that replay sees exactly the rates the live
 * run saw: one {@link #baseCurrency} buys {@link #rateScaled} ÷ 10^8 of {@link #quoteCurrency}.
 */
public final class SetFxRateCommand extends LedgerCommand {
    /** Packed ISO 4217 code. */
    public int baseCurrency;
    /** Packed ISO 4217 code; not the base. */
    public int quoteCurrency;
    /** Quote units per base unit × {@link FxRates#RATE_SCALE}, &gt; 0 (7.1234 = 712_340_000). */
    public long rateScaled;
    /** The feed's own sequence number of this quote (e.g. the FIX MsgSeqNum), kept as provenance. */
    public long sourceSequence;

    @Override
    public CommandType type() {
        return CommandType.SET_FX_RATE;
    }
}
