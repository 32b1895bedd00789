package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * A tsin.001.001.01 InvoiceFinancingRequest as Kapok relays it to the bank: a supplier asks to
 * finance confirmed invoices it holds against a core enterprise. Amounts are minor units of
 * {@link #currency}. Filled by the caller, written by {@link Tsin001Encoder}, which derives the
 * request's count and total from the invoices. Reusable; owned by one thread at a time.
 */
public final class Tsin001Request {
    /** Invoices one request carries. */
    public static final int INVOICES_MAX = 64;

    /** BAH: Fr = the supplier (or the platform), To = the bank; messageId is also {@code GrpId}. */
    public final MessageHeader header = new MessageHeader();
    /** {@code Ccy}: one currency for every invoice of the request (packed ISO 4217). */
    public int currency;
    /** {@code FincgAgrmt}: the programme's agreement reference; written when present. */
    public final TextBuffer financingAgreement = new TextBuffer();
    /** {@code FincgRqstr}: the supplier asking. */
    public final PartyIdentity requester = new PartyIdentity();
    /** {@code FrstAgt/BIC}: the bank asked to finance. */
    public final TextBuffer bankBic = new TextBuffer(11);

    public final BoundedItems<Invoice> invoices = new BoundedItems<>("tsin.001 invoices", INVOICES_MAX, Invoice::new);

    /** One invoice to finance. */
    public static final class Invoice {
        /** {@code InvcGnlInf/DocNb}. */
        public final TextBuffer documentNumber = new TextBuffer();

        public long issueDateEpochDay;
        /** {@code TtlTaxblAmt}: the amount before tax. */
        public long taxableAmountMinor;
        /** {@code TtlTaxAmt}: the tax (VAT). */
        public long taxAmountMinor;

        public long dueDateEpochDay;
        /** {@code ReqdAmt/Amt}: the amount asked for, or -1 to leave it to the bank. */
        public long requestedAmountMinor = -1;
        /** {@code Spplr}: the seller, who holds the receivable. */
        public final PartyIdentity supplier = new PartyIdentity();
        /** {@code Buyr}: the core enterprise that owes it. */
        public final PartyIdentity buyer = new PartyIdentity();

        /** {@code TtlInvcAmt}: taxable amount plus tax. */
        public long totalAmountMinor() {
            return Math.addExact(taxableAmountMinor, taxAmountMinor);
        }
    }

    public void clear() {
        header.clear();
        currency = 0;
        financingAgreement.clear();
        requester.clear();
        bankBic.clear();
        invoices.clear();
    }
}
