package io.kapok.codecs.camt;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.IsoElements;
import io.kapok.codecs.xml.Utf8XmlWriter;

/**
 * Writes a camt.053.001.08 BankToCustomerStatement with its Business Application Header:
 *
 * <pre>
 * Envelope
 * ├─ AppHdr: Fr (the platform), To (the account owner), BizMsgIdr = GrpHdr/MsgId
 * └─ Document/BkToCstmrStmt
 *    ├─ GrpHdr: MsgId, CreDtTm
 *    └─ Stmt: Id, CreDtTm, Acct,
 *       Bal (OPBD), Bal (CLBD): Tp/CdOrPrtry/Cd, Amt, CdtDbtInd, Dt/Dt
 *       TxsSummry: TtlNtries (NbOfNtries, Sum, TtlNetNtry), TtlCdtNtries, TtlDbtNtries
 *       Ntry*: as in camt.054
 * </pre>
 *
 * The closing balance and every total are computed here from the opening balance and the entries,
 * so the statement reconciles by construction, and with the camt.054 sent for each entry. Not
 * thread-safe: one encoder per thread.
 */
public final class Camt053Encoder {
    public static final MessageType TYPE = MessageType.CAMT_053_001_08;

    /** Encodes {@code statement} into {@code out} (which is reset first). */
    public void encode(Camt053Statement statement, Utf8XmlWriter out) {
        int currency = statement.account.currency;
        CamtElements.startReport(
                out, statement.header, TYPE, "BkToCstmrStmt", "Stmt", statement.statementId, statement.account);
        balance(out, "OPBD", statement.openingBalanceMinor, statement.openingDateEpochDay, currency);
        balance(out, "CLBD", statement.closingBalanceMinor(), statement.closingDateEpochDay, currency);
        summary(out, statement, currency);
        for (int i = 0; i < statement.entries.count(); i++) {
            CamtElements.entry(out, statement.entries.get(i), currency);
        }
        CamtElements.endReport(out, "BkToCstmrStmt", "Stmt");
    }

    private static void balance(Utf8XmlWriter out, String type, long signedMinor, long epochDay, int currency) {
        out.start("Bal");
        out.start("Tp").start("CdOrPrtry").element("Cd", type).end("CdOrPrtry").end("Tp");
        IsoElements.amount(out, "Amt", Math.abs(signedMinor), currency);
        CamtElements.creditDebit(out, signedMinor >= 0);
        CamtElements.dateChoice(out, "Dt", epochDay);
        out.end("Bal");
    }

    private static void summary(Utf8XmlWriter out, Camt053Statement statement, int currency) {
        int credits = 0;
        int debits = 0;
        long creditMinor = 0;
        long debitMinor = 0;
        for (int i = 0; i < statement.entries.count(); i++) {
            CashEntry entry = statement.entries.get(i);
            if (entry.credit) {
                credits++;
                creditMinor = Math.addExact(creditMinor, entry.amountMinor);
            } else {
                debits++;
                debitMinor = Math.addExact(debitMinor, entry.amountMinor);
            }
        }
        long netMinor = creditMinor - debitMinor;
        out.start("TxsSummry");
        out.start("TtlNtries");
        out.element("NbOfNtries", credits + debits);
        IsoElements.decimal(out, "Sum", Math.addExact(creditMinor, debitMinor), currency);
        out.start("TtlNetNtry");
        IsoElements.decimal(out, "Amt", Math.abs(netMinor), currency);
        CamtElements.creditDebit(out, netMinor >= 0);
        out.end("TtlNetNtry");
        out.end("TtlNtries");
        totals(out, "TtlCdtNtries", credits, creditMinor, currency);
        totals(out, "TtlDbtNtries", debits, debitMinor, currency);
        out.end("TxsSummry");
    }

    private static void totals(Utf8XmlWriter out, String name, int count, long sumMinor, int currency) {
        out.start(name);
        out.element("NbOfNtries", count);
        IsoElements.decimal(out, "Sum", sumMinor, currency);
        out.end(name);
    }
}
