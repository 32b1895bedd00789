package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The holder of a confirmed receivable splits off {@link #amountMinor} and transfers it to its own
 * supplier {@link #newHolderId}: a child receivable with the same debtor, currency and dates,
 * CONFIRMED, its provenance pointing at the parent, whose outstanding amount shrinks by as much.
 */
public final class SplitReceivableCommand extends LedgerCommand {
    /** Who sent it, as authenticated: must be the holder. */
    public String senderId;
    /** The parent. */
    public String receivableId;
    /** Id of the child; unique across the ledger. */
    public String childReceivableId;
    /** The lower-tier supplier who will hold the child. */
    public String newHolderId;
    /** 1..(outstanding - 1) minor units: the parent keeps a positive amount. */
    public long amountMinor;

    @Override
    public CommandType type() {
        return CommandType.SPLIT_RECEIVABLE;
    }
}
