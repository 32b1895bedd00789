package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.xml.TextBuffer;

/**
 * One list of invoices whose claim moves from a supplier (assignor) to a bank (assignee), as the
 * factoring messages carry it: tsin.006 InvoiceAssignmentRequest, tsin.007 InvoiceAssignmentStatus
 * (validation status per list and per invoice), tsin.008 InvoiceAssignmentNotification (tells the
 * debtor whom to pay: the assignee, into {@link FinancialItem#creditAccount}) and tsin.013
 * InvoiceAssignmentAcknowledgement (the debtor confirms what it owes). All four share the
 * FinancingItemList1 layout, so one value serves them; the encoders derive item count and control
 * sum. Parties are named by IDREF to the {@link #letter}'s parties. Reusable; owned by one thread at
 * a time.
 */
public final class InvoiceAssignment {
    /** Invoices one list carries. */
    public static final int ITEMS_MAX = 64;

    /** The letter header and its parties. */
    public final BusinessLetter letter = new BusinessLetter();
    /** {@code Idr}: the list's identifier. */
    public final TextBuffer listId = new TextBuffer();
    /** {@code IsseDt}, epoch day. */
    public long issueDateEpochDay;
    /** {@code Assgne}: IDREF of the bank that takes the claim. */
    public final TextBuffer assigneeRef = new TextBuffer(16);
    /** {@code Assgnr}: IDREF of the supplier that gives it. */
    public final TextBuffer assignorRef = new TextBuffer(16);
    /** {@code NtfctnInf/NtifngPty}: IDREF of who notifies the debtor; written with the receiver when both are set. */
    public final TextBuffer notifyingPartyRef = new TextBuffer(16);
    /** {@code NtfctnInf/NtfctnRcvr}: IDREF of the debtor to notify. */
    public final TextBuffer notificationReceiverRef = new TextBuffer(16);
    /** Currency of every item (packed ISO 4217). */
    public int currency;
    /** {@code FinItm}. */
    public final BoundedItems<FinancialItem> items =
            new BoundedItems<>("invoice assignment items", ITEMS_MAX, FinancialItem::new);
    /** {@code VldtnStsInf/Sts} of the whole list in an answer, or null. */
    public String validationStatus;
    /** {@code VldtnStsInf/StsRsn/Cd}, or null. */
    public String validationReason;

    public void clear() {
        letter.clear();
        listId.clear();
        issueDateEpochDay = 0;
        assigneeRef.clear();
        assignorRef.clear();
        notifyingPartyRef.clear();
        notificationReceiverRef.clear();
        currency = 0;
        items.clear();
        validationStatus = null;
        validationReason = null;
    }
}
