package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * What a tsin.002.001.01 InvoiceFinancingRequestStatus says about one tsin.001 financing request
 * (or one tsin.003 cancellation of it): whether it passed validation (RCCF / RCER with a reason),
 * whether the cancellation was accepted (PACK / REJT with CA01 to CA03), and, per invoice, the
 * financing result (FNCD / PDNG / NTFD) with the financed amount. Filled by the caller, written by
 * {@link Tsin002Encoder}, which derives the summary totals from the invoices. Reusable; owned by
 * one thread at a time.
 */
public final class Tsin002Status {
    /** TechnicalValidationStatus1Code: the request passed validation. */
    public static final String VALIDATION_ACCEPTED = "RCCF";
    /** TechnicalValidationStatus1Code: the request failed validation. */
    public static final String VALIDATION_REJECTED = "RCER";
    /** CancellationStatus4Code: the cancellation is accepted. */
    public static final String CANCELLATION_ACCEPTED = "PACK";
    /** CancellationStatus4Code: the cancellation is refused. */
    public static final String CANCELLATION_REJECTED = "REJT";
    /** RequestStatus1Code: the invoice is financed. */
    public static final String FINANCED = "FNCD";
    /** RequestStatus1Code: the financing decision is pending. */
    public static final String PENDING = "PDNG";
    /** RequestStatus1Code: the invoice is not financed. */
    public static final String NOT_FINANCED = "NTFD";

    /** Invoices one answer reports on. */
    public static final int INVOICES_MAX = 64;

    /** BAH parties; {@code messageId} and {@code creationTimeMs} are also {@code StsId}. */
    public final MessageHeader header = new MessageHeader();

    /** {@code OrgnlReqInfAndSts/Id}: the tsin.001 request's identifier. */
    public final TextBuffer originalRequestId = new TextBuffer();
    /** {@code OrgnlReqInfAndSts/CreDtTm}: the request's creation time, epoch milliseconds UTC. */
    public long originalCreationTimeMs;
    /** {@code FincgRqstr}: the supplier that asked; written when present. */
    public final PartyIdentity requester = new PartyIdentity();

    /** {@link #VALIDATION_ACCEPTED} or {@link #VALIDATION_REJECTED}. */
    public String validationStatus;
    /** FinancingStatusReason1Code (DT02, ID01, AC01...) or null. */
    public String validationReason;
    /** Free text about the validation, split into 105-character lines. */
    public final StringBuilder validationInfo = new StringBuilder(128);

    /** {@link #CANCELLATION_ACCEPTED}, {@link #CANCELLATION_REJECTED}, or null for a financing request. */
    public String cancellationStatus;
    /** CA01, CA02, CA03 or another FinancingStatusReason1Code; null for none. */
    public String cancellationReason;

    /** Currency of every invoice and financed amount, packed as {@link io.kapok.codecs.iso.Iso4217} does. */
    public int currency;
    /** {@code ApldPctg}: the advance rate in basis points (9000 is 90.00 %), or -1 to leave it out. */
    public int appliedPercentageBasisPoints = -1;
    /** {@code FincgDtDtls/CdtDt}: the day the supplier is credited, epoch day, or {@link #NO_DATE}. */
    public long creditDateEpochDay = NO_DATE;

    /** The invoices with their financing results; none for a validation-only answer. */
    public final BoundedItems<Invoice> invoices = new BoundedItems<>("tsin.002 invoices", INVOICES_MAX, Invoice::new);

    /** A day field that is absent. */
    public static final long NO_DATE = Long.MIN_VALUE;

    /** One invoice of the request and its financing result. */
    public static final class Invoice {
        /** {@code OrgnlInvcInf/DocNb}: the invoice number. */
        public final TextBuffer documentNumber = new TextBuffer();
        /** {@code TtlInvcAmt} in minor units of {@link Tsin002Status#currency}. */
        public long totalAmountMinor;

        public long issueDateEpochDay;
        public long dueDateEpochDay;
        /** {@link #FINANCED}, {@link #PENDING} or {@link #NOT_FINANCED}. */
        public String financingStatus;
        /** FinancingStatusReason1Code or null. */
        public String reason;
        /** {@code FincdAmt/Amt}: what the bank advances; written when the invoice is financed. */
        public long financedAmountMinor;
    }

    public void clear() {
        header.clear();
        originalRequestId.clear();
        originalCreationTimeMs = 0;
        requester.clear();
        validationStatus = null;
        validationReason = null;
        validationInfo.setLength(0);
        cancellationStatus = null;
        cancellationReason = null;
        currency = 0;
        appliedPercentageBasisPoints = -1;
        creditDateEpochDay = NO_DATE;
        invoices.clear();
    }
}
