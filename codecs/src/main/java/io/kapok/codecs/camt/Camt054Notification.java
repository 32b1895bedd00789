package io.kapok.codecs.camt;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.xml.TextBuffer;

/**
 * What a camt.054.001.08 BankToCustomerDebitCreditNotification tells an account owner: the postings
 * one message made on its account (usually one). Filled by the caller, written by
 * {@link Camt054Encoder}. Reusable; owned by one thread at a time.
 */
public final class Camt054Notification {
    /** Entries one notification carries. */
    public static final int ENTRIES_MAX = 16;

    /** BAH: from the platform to the account owner; {@code messageId} is also {@code GrpHdr/MsgId}. */
    public final MessageHeader header = new MessageHeader();
    /** {@code Ntfctn/Id}. */
    public final TextBuffer notificationId = new TextBuffer();
    /** {@code Ntfctn/Acct}: the account the entries were booked on. */
    public final CashAccount account = new CashAccount();
    /** {@code Ntfctn/Ntry}, amounts in the account's currency. */
    public final BoundedItems<CashEntry> entries = new BoundedItems<>("camt.054 entries", ENTRIES_MAX, CashEntry::new);

    public void clear() {
        header.clear();
        notificationId.clear();
        account.clear();
        entries.clear();
    }
}
