package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * Registers a receivable (tsin.004, or an item of a tsin.006): {@link #debtorId} owes {@link
 * #creditorId}. Sent by the creditor, or pushed by the debtor (core enterprise). The receivable
 * starts REGISTERED.
 */
public final class RegisterReceivableCommand extends LedgerCommand {
    /** Who sent it, as authenticated: the debtor or the creditor. */
    public String senderId;
    /** Unique across the ledger. */
    public String receivableId;
    /** Invoice number; unique per creditor. */
    public String documentNumber;
    /** The core enterprise that owes. */
    public String debtorId;
    /** The supplier owed; the first holder. */
    public String creditorId;
    /** Packed ISO 4217 code. */
    public int currency;
    /** Face amount, minor units, 1..{@link Receivables#AMOUNT_MINOR_MAX}. */
    public long amountMinor;
    /** Issue date, days since 1970-01-01. */
    public int issueDay;
    /** Due date, days since 1970-01-01; not before {@link #issueDay}. */
    public int dueDay;

    @Override
    public CommandType type() {
        return CommandType.REGISTER_RECEIVABLE;
    }
}
