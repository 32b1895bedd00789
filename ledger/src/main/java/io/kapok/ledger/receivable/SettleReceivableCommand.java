package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * The debtor's bank pays a receivable at maturity (a pacs.008 matched to it by EndToEndId or
 * remittance reference): {@link #amountMinor} moves from the sender's settlement account to {@link
 * #payeeBankId}'s, the receivable is SETTLED, and a disbursed financing is REPAID and its
 * credit-line exposure released (an accepted, undisbursed one is cancelled and its hold voided).
 * A receivable with a disbursed financing must be paid to the financing bank.
 */
public final class SettleReceivableCommand extends LedgerCommand {
    /** Who sent it, as authenticated: the paying bank, whose settlement account is debited. */
    public String senderId;

    public String receivableId;
    /** The bank credited: the financing bank when financed, else the holder's bank. */
    public String payeeBankId;
    /** Must equal the receivable's outstanding amount, minor units. */
    public long amountMinor;

    @Override
    public CommandType type() {
        return CommandType.SETTLE_RECEIVABLE;
    }
}
