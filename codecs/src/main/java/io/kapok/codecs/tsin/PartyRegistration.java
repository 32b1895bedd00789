package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.xml.TextBuffer;

/**
 * One financing agreement list of a supply-chain programme, as the party registration and
 * guarantee messages carry it: tsin.009 PartyRegistrationAndGuaranteeRequest (onboard a core
 * enterprise, supplier or bank and set the buyer limit), tsin.010 ...Status (validation per list and
 * per item), tsin.011 ...Notification and tsin.012 ...Acknowledgement. All four share the
 * FinancingAgreementList1 layout, so one value serves them; the encoders derive the item count and
 * the control sum (the sum of the guaranteed amounts). Parties are named by IDREF to the
 * {@link #letter}'s parties. Reusable; owned by one thread at a time.
 */
public final class PartyRegistration {
    /** Agreement items one list carries. */
    public static final int ITEMS_MAX = 32;

    /** The letter header and its parties. */
    public final BusinessLetter letter = new BusinessLetter();
    /** {@code Idr}: the agreement list's identifier. */
    public final TextBuffer listId = new TextBuffer();
    /** {@code Dt}, epoch day. */
    public long dateEpochDay;
    /** {@code AgrmtRqstr}: IDREF of the party asking (a core enterprise, supplier or bank). */
    public final TextBuffer requesterRef = new TextBuffer(16);
    /** {@code AgrmtRspndr}: IDREF of the party answering (the platform or the bank). */
    public final TextBuffer responderRef = new TextBuffer(16);
    /** {@code GrntApplcnt}: IDREF of the party whose obligations are guaranteed (the core enterprise). */
    public final TextBuffer applicantRef = new TextBuffer(16);
    /** {@code GrntNbfcry}: IDREF of the beneficiary (the supplier). */
    public final TextBuffer beneficiaryRef = new TextBuffer(16);
    /** {@code GrntIssr}: IDREF of the guarantor (the bank granting the credit line). */
    public final TextBuffer issuerRef = new TextBuffer(16);
    /** Currency of every guaranteed amount (packed ISO 4217). */
    public int currency;
    /** {@code Itm}. */
    public final BoundedItems<Item> items = new BoundedItems<>("party registration items", ITEMS_MAX, Item::new);
    /** {@code VldtnStsInf/Sts} of the whole list in an answer, or null. */
    public String validationStatus;
    /** {@code VldtnStsInf/StsRsn/Cd}, or null. */
    public String validationReason;

    /** One agreement item: the relation between a buyer and a seller and the limit guaranteed on it. */
    public static final class Item {
        /** {@code ItmCntxt/Idr}. */
        public final TextBuffer identifier = new TextBuffer();

        public long issueDateEpochDay;
        /** {@code ItmCntxt/Buyr}: IDREF; written when not empty. */
        public final TextBuffer buyerRef = new TextBuffer(16);
        /** {@code ItmCntxt/Sellr}: IDREF; written when not empty. */
        public final TextBuffer sellerRef = new TextBuffer(16);
        /** {@code ItmActn}: AgreementItemAction1Code (OPEN, MDFY, HOLD, DEAC, REAC, SYNC, VRFY), or null. */
        public String action;
        /** {@code VldtnStsInf/Sts} in an answer, or null. */
        public String validationStatus;
        /** {@code VldtnStsInf/StsRsn/Cd}, or null. */
        public String validationReason;
        /** {@code Grnt/GrntedAmt/Amt}: the buyer limit, or -1 for no guarantee. */
        public long guaranteedAmountMinor = -1;
        /** {@code Grnt/Issr}: IDREF of the guarantor; written when not empty. */
        public final TextBuffer guarantorRef = new TextBuffer(16);

        public void clear() {
            identifier.clear();
            issueDateEpochDay = 0;
            buyerRef.clear();
            sellerRef.clear();
            action = null;
            validationStatus = null;
            validationReason = null;
            guaranteedAmountMinor = -1;
            guarantorRef.clear();
        }
    }

    public void clear() {
        letter.clear();
        listId.clear();
        dateEpochDay = 0;
        requesterRef.clear();
        responderRef.clear();
        applicantRef.clear();
        beneficiaryRef.clear();
        issuerRef.clear();
        currency = 0;
        items.clear();
        validationStatus = null;
        validationReason = null;
    }
}
