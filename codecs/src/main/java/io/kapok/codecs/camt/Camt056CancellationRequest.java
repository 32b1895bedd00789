package io.kapok.codecs.camt;

import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.pacs.OriginalPayment;
import io.kapok.codecs.xml.TextBuffer;

/**
 * A camt.056.001.08 FIToFIPaymentCancellationRequest: the recall of one pacs.008, as Kapok relays
 * it to the bank that received the payment. Filled by the caller, written by
 * {@link Camt056Encoder}. Reusable; owned by one thread at a time.
 */
public final class Camt056CancellationRequest {
    /** BAH and {@code Assgnmt}: Fr = Assgnr, To = Assgne, messageId = Assgnmt/Id. */
    public final MessageHeader header = new MessageHeader();
    /** {@code Case/Id}: the investigation's case; the case is left out when empty. */
    public final TextBuffer caseId = new TextBuffer();
    /** {@code Case/Cretr}: who opened the case. */
    public final PartyIdentity caseCreator = new PartyIdentity();
    /** {@code TxInf/CxlId}: written when present. */
    public final TextBuffer cancellationId = new TextBuffer();
    /** The payment to cancel. */
    public final OriginalPayment original = new OriginalPayment();
    /** {@code CxlRsnInf/Orgtr}: the party that asks for the recall; written when present. */
    public final PartyIdentity originator = new PartyIdentity();
    /** {@code CxlRsnInf/Rsn/Cd}: ExternalCancellationReason1Code (DUPL, FRAD, TECH, CUST, AM09...). */
    public String reasonCode;
    /** {@code CxlRsnInf/AddtlInf}, split into lines of 105. */
    public final StringBuilder additionalInfo = new StringBuilder(128);

    public void clear() {
        header.clear();
        caseId.clear();
        caseCreator.clear();
        cancellationId.clear();
        original.clear();
        originator.clear();
        reasonCode = null;
        additionalInfo.setLength(0);
    }
}
