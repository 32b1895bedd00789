package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Sets (creates or changes) a bank's credit line to a core enterprise in one currency. From
 * configuration or the bank's buyer limit (tsin.010). A line may not be set below what is reserved
 * and used on it.
 */
public final class SetCreditLineCommand extends LedgerCommand {
    public String bankId;
    public String coreId;
    /** Packed ISO 4217 code. */
    public int currency;
    /** Limit in minor units, 0..{@link Receivables#AMOUNT_MINOR_MAX}. */
    public long limitMinor;

    @Override
    public CommandType type() {
        return CommandType.SET_CREDIT_LINE;
    }
}
