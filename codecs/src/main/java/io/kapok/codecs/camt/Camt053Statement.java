package io.kapok.codecs.camt;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.xml.TextBuffer;

/**
 * What a camt.053.001.08 BankToCustomerStatement reports on one account for one period: the opening
 * booked balance and the entries booked since. The closing balance and the totals are derived from
 * them by {@link Camt053Encoder}, so they always reconcile: closing = opening + credits - debits.
 * Reusable; owned by one thread at a time.
 */
public final class Camt053Statement {
    /** Entries one statement carries; a longer period is reported in several statements. */
    public static final int ENTRIES_MAX = 500;

    /** BAH: from the platform to the account owner; {@code messageId} is also {@code GrpHdr/MsgId}. */
    public final MessageHeader header = new MessageHeader();
    /** {@code Stmt/Id}. */
    public final TextBuffer statementId = new TextBuffer();
    /** {@code Stmt/Acct}. */
    public final CashAccount account = new CashAccount();
    /** Opening booked balance (OPBD), minor units of the account's currency; negative when overdrawn. */
    public long openingBalanceMinor;
    /** Date of the opening balance, epoch day. */
    public long openingDateEpochDay;
    /** Date of the closing balance (CLBD), epoch day. */
    public long closingDateEpochDay;
    /** {@code Stmt/Ntry}, in booking order. */
    public final BoundedItems<CashEntry> entries = new BoundedItems<>("camt.053 entries", ENTRIES_MAX, CashEntry::new);

    /** Opening balance plus credits minus debits: the closing booked balance. */
    public long closingBalanceMinor() {
        long balance = openingBalanceMinor;
        for (int i = 0; i < entries.count(); i++) {
            balance = Math.addExact(balance, entries.get(i).signedAmountMinor());
        }
        return balance;
    }

    public void clear() {
        header.clear();
        statementId.clear();
        account.clear();
        openingBalanceMinor = 0;
        openingDateEpochDay = 0;
        closingDateEpochDay = 0;
        entries.clear();
    }
}
