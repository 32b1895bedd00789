package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;

/** The account and entry blocks camt.053 and camt.054 share. Stateless. */
final class CamtElements {
    private CamtElements() {}

    /**
     * Resets {@code out}, writes envelope, AppHdr (CBPR+ business service), Document, {@code <root>},
     * {@code GrpHdr} (MsgId, CreDtTm), and opens {@code <report>} with its Id, CreDtTm and Acct: what
     * camt.053 and camt.054 share up to their balances and entries.
     */
    static void startReport(
            Utf8XmlWriter out,
            MessageHeader header,
            MessageType type,
            String root,
            String report,
            CharSequence reportId,
            CashAccount account) {
        AppHdrWriter.startMessage(out, header, type, AppHdrWriter.CBPR_BUSINESS_SERVICE);
        out.start(root);
        out.start("GrpHdr");
        out.element("MsgId", header.messageId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "CreDtTm", header.creationTimeMs);
        out.end("GrpHdr");
        out.start(report);
        out.element("Id", reportId, IsoElements.MAX_35);
        IsoElements.dateTime(out, "CreDtTm", header.creationTimeMs);
        account(out, account);
    }

    /** Closes {@code <report>}, {@code <root>}, Document and envelope. */
    static void endReport(Utf8XmlWriter out, String root, String report) {
        out.end(report);
        out.end(root);
        AppHdrWriter.endMessage(out);
    }

    /** {@code <Acct>}: Id/Othr/Id, Ccy, Ownr?, Svcr?. */
    static void account(Utf8XmlWriter out, CashAccount account) {
        out.start("Acct");
        out.start("Id").start("Othr").element("Id", account.id, 34).end("Othr").end("Id");
        IsoElements.currency(out, "Ccy", account.currency);
        if (account.owner.isPresent()) {
            out.start("Ownr");
            IsoElements.partyIdentification(out, account.owner);
            out.end("Ownr");
        }
        if (account.servicerBic.length() > 0) {
            IsoElements.agent(out, "Svcr", account.servicerBic);
        }
        out.end("Acct");
    }

    /** {@code <CdtDbtInd>CRDT|DBIT</CdtDbtInd>} */
    static void creditDebit(Utf8XmlWriter out, boolean credit) {
        out.element("CdtDbtInd", credit ? "CRDT" : "DBIT");
    }

    /** {@code <name><Dt>YYYY-MM-DD</Dt></name>}: a DateAndDateTime2Choice holding a date. */
    static void dateChoice(Utf8XmlWriter out, String name, long epochDay) {
        out.start(name);
        IsoElements.date(out, "Dt", epochDay);
        out.end(name);
    }

    /** {@code <Ntry>} in the order of ReportEntry10, amounts in {@code currency}. */
    static void entry(Utf8XmlWriter out, CashEntry entry, int currency) {
        out.start("Ntry");
        IsoElements.optional(out, "NtryRef", entry.entryReference, IsoElements.MAX_35);
        IsoElements.amount(out, "Amt", entry.amountMinor, currency);
        creditDebit(out, entry.credit);
        out.start("Sts").element("Cd", entry.status).end("Sts");
        dateChoice(out, "BookgDt", entry.bookingDateEpochDay);
        if (entry.valueDateEpochDay != CashEntry.NO_DATE) {
            dateChoice(out, "ValDt", entry.valueDateEpochDay);
        }
        IsoElements.optional(out, "AcctSvcrRef", entry.accountServicerReference, IsoElements.MAX_35);
        out.start("BkTxCd").start("Domn").element("Cd", entry.domain);
        out.start("Fmly")
                .element("Cd", entry.family)
                .element("SubFmlyCd", entry.subFamily)
                .end("Fmly");
        out.end("Domn").end("BkTxCd");

        out.start("NtryDtls").start("TxDtls");
        out.start("Refs");
        IsoElements.optional(out, "MsgId", entry.messageId, IsoElements.MAX_35);
        IsoElements.optional(out, "InstrId", entry.instructionId, IsoElements.MAX_35);
        IsoElements.optional(out, "EndToEndId", entry.endToEndId, IsoElements.MAX_35);
        IsoElements.optional(out, "UETR", entry.uetr, 36);
        IsoElements.optional(out, "TxId", entry.transactionId, IsoElements.MAX_35);
        out.end("Refs");
        IsoElements.amount(out, "Amt", entry.amountMinor, currency);
        creditDebit(out, entry.credit);
        amountDetails(out, entry);
        IsoElements.remittance(out, entry.remittance);
        out.end("TxDtls").end("NtryDtls");
        out.end("Ntry");
    }

    /**
     * {@code <AmtDtls>} (AmountAndCurrencyExchange3) of a posting converted from another currency:
     * {@code InstdAmt} as the payment instructed it, {@code TxAmt} as it settled, with the exchange
     * ({@code CcyXchg}: SrcCcy, TrgtCcy, UnitCcy, XchgRate) that turned one into the other. Nothing
     * when the entry has no instructed currency.
     */
    static void amountDetails(Utf8XmlWriter out, CashEntry entry) {
        if (entry.instructedCurrency == 0) {
            return;
        }
        out.start("AmtDtls");
        out.start("InstdAmt");
        IsoElements.amount(out, "Amt", entry.instructedAmountMinor, entry.instructedCurrency);
        out.end("InstdAmt");
        if (entry.transactionCurrency != 0) {
            out.start("TxAmt");
            IsoElements.amount(out, "Amt", entry.transactionAmountMinor, entry.transactionCurrency);
            if (entry.exchangeRateScaled > 0) {
                out.start("CcyXchg");
                IsoElements.currency(out, "SrcCcy", entry.sourceCurrency);
                IsoElements.currency(out, "TrgtCcy", entry.targetCurrency);
                IsoElements.currency(out, "UnitCcy", entry.unitCurrency);
                out.start("XchgRate").decimal(entry.exchangeRateScaled, 8).end("XchgRate");
                out.end("CcyXchg");
            }
            out.end("TxAmt");
        }
        out.end("AmtDtls");
    }
}
