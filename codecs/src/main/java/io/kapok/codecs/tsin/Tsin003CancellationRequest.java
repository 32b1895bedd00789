package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * A tsin.003.001.01 InvoiceFinancingCancellationRequest: the supplier withdraws a whole bulk
 * financing request (tsin.001). Filled by the caller, written by {@link Tsin003Encoder}. Reusable;
 * owned by one thread at a time.
 */
public final class Tsin003CancellationRequest {
    /** BAH: Fr = the supplier (or the platform), To = the bank; messageId is also {@code CxlReqId/Id}. */
    public final MessageHeader header = new MessageHeader();
    /** {@code OrgnlGrpId}: the tsin.001's GrpId. */
    public final TextBuffer originalGroupId = new TextBuffer();
    /** {@code OrgnlCreDtTm}, epoch milliseconds UTC. */
    public long originalCreationTimeMs;
    /** {@code NbOfInvcReqs} of the original request, or -1 to leave it out. */
    public int invoiceCount = -1;
    /** {@code TtlBlkInvcAmt} of the original request in minor units, or -1 to leave it out. */
    public long totalAmountMinor = -1;
    /** Packed ISO 4217 code of {@link #totalAmountMinor}. */
    public int currency;
    /** {@code CxlRsn}: why, in words (at most 140 characters are written). */
    public final TextBuffer reason = new TextBuffer(140);
    /** {@code FincgRqstr}: written when present. */
    public final PartyIdentity requester = new PartyIdentity();
    /** {@code FrstAgt/BIC}: written when not empty. */
    public final TextBuffer bankBic = new TextBuffer(11);

    public void clear() {
        header.clear();
        originalGroupId.clear();
        originalCreationTimeMs = 0;
        invoiceCount = -1;
        totalAmountMinor = -1;
        currency = 0;
        reason.clear();
        requester.clear();
        bankBic.clear();
    }
}
