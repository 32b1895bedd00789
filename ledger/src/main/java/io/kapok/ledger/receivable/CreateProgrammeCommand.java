package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Creates a programme: {@link #bankId} finances the suppliers of {@link #coreId} in {@link
 * #currency} on these terms. From configuration.
 */
public final class CreateProgrammeCommand extends LedgerCommand {
    public String programmeId;
    public String bankId;
    public String coreId;
    /** Packed ISO 4217 code. */
    public int currency;
    /** Advance rate, parts per million, 1..1_000_000 (90 % = 900_000). */
    public int advanceRatePpm;
    /** Annual discount rate, parts per million, 0..1_000_000 (3.6 % = 36_000). */
    public int discountRatePpm;
    /** Flat fee per financing, minor units, 0..{@link Receivables#AMOUNT_MINOR_MAX}. */
    public long feeMinor;
    /** True when the bank keeps recourse to the supplier if the debtor does not pay. */
    public boolean recourse;
    /**
     * Longest payment term the programme allows, days, 1..365; 0 means the default of {@link
     * Receivables#TERM_DAYS_DEFAULT_MAX} (6 months). A longer term raises the core enterprise's limit.
     */
    public int maxTermDays;

    @Override
    public CommandType type() {
        return CommandType.CREATE_PROGRAMME;
    }
}
