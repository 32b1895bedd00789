package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * A tsin.004.001.01 FinancialInvoice: the invoice evidence of a receivable, with its seller (the
 * supplier), buyer (the core enterprise), due date and lines. Amounts are minor units of
 * {@link #currency}; the encoder derives line totals and the invoice's monetary summation from the
 * lines. Filled by the caller, written by {@link Tsin004Encoder}. Reusable; owned by one thread at a
 * time.
 */
public final class Tsin004Invoice {
    /** Lines one invoice carries. */
    public static final int LINES_MAX = 100;
    /** UN/CEFACT document name code 380: commercial invoice. */
    public static final String COMMERCIAL_INVOICE = "380";

    /** BAH; {@code messageId} is the message's, not the invoice's. */
    public final MessageHeader header = new MessageHeader();
    /** {@code InvcHdr/Id}: the invoice number. */
    public final TextBuffer invoiceId = new TextBuffer();
    /** {@code InvcHdr/TpCd}. */
    public String typeCode = COMMERCIAL_INVOICE;
    /** {@code InvcHdr/IsseDtTm}, epoch milliseconds UTC. */
    public long issueTimeMs;
    /** {@code TradAgrmt/Buyr}: the debtor. */
    public final PartyIdentity buyer = new PartyIdentity();
    /** {@code TradAgrmt/Sellr}: the creditor. */
    public final PartyIdentity seller = new PartyIdentity();
    /** {@code TradSttlm/InvcCcyCd} and the currency of every amount (packed ISO 4217). */
    public int currency;
    /** {@code TradSttlm/PmtRef}: the reference the buyer quotes when paying; written when present. */
    public final TextBuffer paymentReference = new TextBuffer();
    /** {@code TradSttlm/PmtTerms/DueDt}, epoch day. */
    public long dueDateEpochDay;
    /** {@code LineItm}. */
    public final BoundedItems<Line> lines = new BoundedItems<>("tsin.004 lines", LINES_MAX, Line::new);

    /** One invoice line. */
    public static final class Line {
        /** {@code Id}. */
        public final TextBuffer id = new TextBuffer(16);
        /** {@code TradPdct/Nm}. */
        public final TextBuffer productName = new TextBuffer(70);
        /** {@code NetPric}: the price of one unit, before tax. */
        public long unitPriceMinor;
        /** {@code BlldQty/Val}: whole units. */
        public long quantity;
        /** {@code MntrySummtn/TaxTtlAmt}: the line's tax. */
        public long taxMinor;

        /** {@code MntrySummtn/LineTtlAmt}: unit price times quantity, before tax. */
        public long totalMinor() {
            return Math.multiplyExact(unitPriceMinor, quantity);
        }
    }

    public void clear() {
        header.clear();
        invoiceId.clear();
        typeCode = COMMERCIAL_INVOICE;
        issueTimeMs = 0;
        buyer.clear();
        seller.clear();
        currency = 0;
        paymentReference.clear();
        dueDateEpochDay = 0;
        lines.clear();
    }
}
