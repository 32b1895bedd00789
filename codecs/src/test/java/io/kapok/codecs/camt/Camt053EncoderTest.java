package io.kapok.codecs.camt;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions6;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Camt053EncoderTest {
    private static final long SEED = 0x53_4B41504FL;

    private static Camt053Statement statement(String currency, long openingMinor) {
        Camt053Statement statement = new Camt053Statement();
        CamtSamples.header(statement.header, "KAPK-CAMT053-20261123");
        statement.statementId.set("KAPK-STMT-20261123-0001");
        CamtSamples.account(statement.account, currency);
        statement.openingBalanceMinor = openingMinor;
        statement.openingDateEpochDay = CamtSamples.BOOKING_DAY - 1;
        statement.closingDateEpochDay = CamtSamples.BOOKING_DAY;
        return statement;
    }

    private static AccountStatement9 encodeAndRead(Camt053Statement statement) {
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Camt053Encoder().encode(statement, out);
        ProwideOracle.Reading<MxCamt05300108> reading = ProwideOracle.read(out, MxCamt05300108.class);
        ProwideOracle.assertAppHdr(
                statement.header, Camt053Encoder.TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE, reading.mx(), reading.xml());
        assertEquals(
                statement.header.messageId.toString(),
                reading.mx().getBkToCstmrStmt().getGrpHdr().getMsgId());
        AccountStatement9 stmt = reading.mx().getBkToCstmrStmt().getStmt().get(0);
        assertEquals(statement.statementId.toString(), stmt.getId());
        CamtSamples.assertAccount(statement.account, stmt.getAcct());
        assertEquals(statement.entries.count(), stmt.getNtry().size());
        for (int i = 0; i < statement.entries.count(); i++) {
            CamtSamples.assertEntry(
                    statement.entries.get(i),
                    statement.account.currency,
                    stmt.getNtry().get(i));
        }
        return stmt;
    }

    /** Closing = opening + credits - debits, and the summary's figures agree with the entries Prowide read. */
    private static void assertReconciles(Camt053Statement statement, AccountStatement9 stmt) {
        int minorUnits = Iso4217.minorUnits(statement.account.currency);
        CashBalance8 opening = stmt.getBal().get(0);
        CashBalance8 closing = stmt.getBal().get(1);
        BigDecimal credits = BigDecimal.ZERO;
        BigDecimal debits = BigDecimal.ZERO;
        int creditCount = 0;
        for (var entry : stmt.getNtry()) {
            if (entry.getCdtDbtInd().value().equals("CRDT")) {
                credits = credits.add(entry.getAmt().getValue());
                creditCount++;
            } else {
                debits = debits.add(entry.getAmt().getValue());
            }
        }
        BigDecimal openingSigned = signed(opening);
        BigDecimal closingSigned = signed(closing);
        TotalTransactions6 summary = stmt.getTxsSummry();
        BigDecimal creditSum = credits;
        BigDecimal debitSum = debits;
        int credited = creditCount;
        assertAll(
                () -> assertEquals("OPBD", opening.getTp().getCdOrPrtry().getCd()),
                () -> assertEquals("CLBD", closing.getTp().getCdOrPrtry().getCd()),
                () -> assertDate(statement.openingDateEpochDay, opening.getDt().getDt()),
                () -> assertDate(statement.closingDateEpochDay, closing.getDt().getDt()),
                () -> assertAmount(
                        Math.abs(statement.openingBalanceMinor),
                        minorUnits,
                        opening.getAmt().getValue()),
                () -> assertEquals(
                        0, openingSigned.add(creditSum).subtract(debitSum).compareTo(closingSigned)),
                () -> assertEquals(
                        String.valueOf(stmt.getNtry().size()),
                        summary.getTtlNtries().getNbOfNtries()),
                () -> assertEquals(
                        0,
                        creditSum.add(debitSum).compareTo(summary.getTtlNtries().getSum())),
                () -> assertEquals(
                        0,
                        creditSum
                                .subtract(debitSum)
                                .abs()
                                .compareTo(
                                        summary.getTtlNtries().getTtlNetNtry().getAmt())),
                () -> assertEquals(
                        creditSum.compareTo(debitSum) >= 0 ? "CRDT" : "DBIT",
                        summary.getTtlNtries().getTtlNetNtry().getCdtDbtInd().value()),
                () -> assertEquals(
                        String.valueOf(credited), summary.getTtlCdtNtries().getNbOfNtries()),
                () -> assertEquals(
                        0, creditSum.compareTo(summary.getTtlCdtNtries().getSum())),
                () -> assertEquals(
                        String.valueOf(stmt.getNtry().size() - credited),
                        summary.getTtlDbtNtries().getNbOfNtries()),
                () -> assertEquals(
                        0, debitSum.compareTo(summary.getTtlDbtNtries().getSum())));
    }

    private static BigDecimal signed(CashBalance8 balance) {
        BigDecimal amount = balance.getAmt().getValue();
        return balance.getCdtDbtInd().value().equals("CRDT") ? amount : amount.negate();
    }

    @Test
    void prowideReadsAStatementWhoseBalancesAndTotalsReconcile() {
        Camt053Statement statement = statement("CNY", 50_000_000_00L);
        CamtSamples.entry(statement.entries.add(), 1, 1_125_000_00L, false);
        CamtSamples.entry(statement.entries.add(), 2, 1_250_000_00L, true);
        CamtSamples.entry(statement.entries.add(), 3, 15_00L, false);
        AccountStatement9 stmt = encodeAndRead(statement);
        assertReconciles(statement, stmt);
        assertAmount(50_124_985_00L, 2, stmt.getBal().get(1).getAmt().getValue());
    }

    @Test
    void prowideReadsAConvertedEntryWithItsAmountDetails() {
        Camt053Statement statement = statement("CNY", 50_000_000_00L);
        CamtSamples.entry(statement.entries.add(), 1, 91_000_00L, true);
        CamtSamples.converted(statement.entries.get(0));
        CamtSamples.entry(statement.entries.add(), 2, 15_00L, false);
        assertReconciles(statement, encodeAndRead(statement));
    }

    @Test
    void prowideReadsAnOverdrawnClosingBalanceAsADebit() {
        Camt053Statement statement = statement("USD", 100_00L);
        CamtSamples.entry(statement.entries.add(), 1, 250_00L, false);
        AccountStatement9 stmt = encodeAndRead(statement);
        assertReconciles(statement, stmt);
        assertEquals("DBIT", stmt.getBal().get(1).getCdtDbtInd().value());
        assertAmount(150_00L, 2, stmt.getBal().get(1).getAmt().getValue());
    }

    @Test
    void prowideReadsAStatementWithoutEntries() {
        Camt053Statement statement = statement("JPY", 187_500_000L);
        AccountStatement9 stmt = encodeAndRead(statement);
        assertReconciles(statement, stmt);
        assertEquals("0", stmt.getTxsSummry().getTtlNtries().getNbOfNtries());
    }

    @Test
    void generatedStatementsReconcile() {
        Random random = new Random(SEED);
        String[] currencies = {"CNY", "HKD", "MOP", "USD", "JPY", "BHD"};
        for (int run = 0; run < 20; run++) {
            Camt053Statement statement = statement(
                    currencies[random.nextInt(currencies.length)], random.nextLong(-1_000_000_00L, 1_000_000_000_00L));
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                CamtSamples.entry(
                        statement.entries.add(), i, 1 + random.nextLong(100_000_000_00L), random.nextBoolean());
            }
            assertReconciles(statement, encodeAndRead(statement));
        }
    }
}
