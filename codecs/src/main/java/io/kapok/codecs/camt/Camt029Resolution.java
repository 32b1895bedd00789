package io.kapok.codecs.camt;

import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.pacs.OriginalPayment;
import io.kapok.codecs.xml.TextBuffer;

/**
 * A camt.029.001.09 ResolutionOfInvestigation answering one camt.056 recall: cancelled (CNCL),
 * refused (RJCR, with a reason) or pending (PDCR). Filled by the caller, written by
 * {@link Camt029Encoder}. Reusable; owned by one thread at a time.
 */
public final class Camt029Resolution {
    /** InvestigationExecutionConfirmation: the payment is cancelled. */
    public static final String CANCELLED = "CNCL";
    /** The cancellation is refused. */
    public static final String REJECTED = "RJCR";
    /** The cancellation is pending. */
    public static final String PENDING = "PDCR";

    /** BAH and {@code Assgnmt}: Fr = Assgnr, To = Assgne, messageId = Assgnmt/Id. */
    public final MessageHeader header = new MessageHeader();
    /** {@code RslvdCase/Id}: the camt.056's case; left out when empty. */
    public final TextBuffer resolvedCaseId = new TextBuffer();
    /** {@code RslvdCase/Cretr}. */
    public final PartyIdentity caseCreator = new PartyIdentity();
    /** {@link #CANCELLED}, {@link #REJECTED} or {@link #PENDING}. */
    public String confirmation;
    /** {@code CxlStsId}: written when present. */
    public final TextBuffer cancellationStatusId = new TextBuffer();
    /** The payment the recall was about. */
    public final OriginalPayment original = new OriginalPayment();
    /** {@code CxlStsRsnInf/Rsn/Cd}: ExternalPaymentCancellationRejection1Code (LEGL, CUST, AC04, ARDT, NOOR...), or null. */
    public String reasonCode;
    /** {@code CxlStsRsnInf/AddtlInf}, split into lines of 105. */
    public final StringBuilder additionalInfo = new StringBuilder(128);

    /** The transaction's cancellation status (TxCxlSts) that goes with {@link #confirmation}. */
    public String transactionCancellationStatus() {
        return switch (confirmation) {
            case CANCELLED -> "ACCR";
            case REJECTED -> "RJCR";
            case PENDING -> "PDCR";
            default -> throw new IllegalStateException("confirmation " + confirmation + " is not CNCL, RJCR or PDCR");
        };
    }

    public void clear() {
        header.clear();
        resolvedCaseId.clear();
        caseCreator.clear();
        confirmation = null;
        cancellationStatusId.clear();
        original.clear();
        reasonCode = null;
        additionalInfo.setLength(0);
    }
}
