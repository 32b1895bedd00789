package io.kapok.codecs.camt;

import static io.kapok.codecs.Decoding.assertText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BalanceType10Choice;
import com.prowidesoftware.swift.model.mx.dic.BalanceType13;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerStatementV08;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryDetails9;
import com.prowidesoftware.swift.model.mx.dic.EntryStatus1Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader81;
import com.prowidesoftware.swift.model.mx.dic.NumberAndSumOfTransactions4;
import com.prowidesoftware.swift.model.mx.dic.Party44Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TotalTransactions6;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.Decoding;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.stream.ProwideFiller;
import jakarta.xml.bind.JAXBContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * camt.053 statements and camt.054 notifications written by Prowide's own model, decoded by the
 * decoder of the whole message map and compared entry by entry with Prowide's parse of the same
 * bytes (one cached context each, AppHdr classes included); and the rejects of their rules.
 */
class CamtReportTest {
    private static final JAXBContext CAMT_053 = ProwideOracle.contextWithAppHdr(MxCamt05300108._classes);
    private static final JAXBContext CAMT_054 = ProwideOracle.contextWithAppHdr(MxCamt05400108._classes);
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 23, 23, 59, 0, 0, ZoneOffset.ofHours(8));
    private static final String[] UETRS = {
        "8a562c67-ca16-48ba-b074-65581be6f001",
        "0b7f0c1e-5e2a-4c55-9d61-7f1c8e3b2a10",
        "c3d8e1f2-7a6b-4c5d-8e9f-0a1b2c3d4e5f"
    };

    private final Decoding decoding = new Decoding();
    private final MessageView view = decoding.view;
    private final DecodeVerdict verdict = decoding.verdict;

    private static ReportEntry10 entry(int n, String amount, CreditDebitCode direction) {
        return new ReportEntry10()
                .setNtryRef("KPK-NTRY-" + n)
                .setAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(new BigDecimal(amount))
                        .setCcy("CNY"))
                .setCdtDbtInd(direction)
                .setSts(new EntryStatus1Choice().setCd("BOOK"))
                .setBookgDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 11, 23)))
                .setValDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 11, 23)))
                .setAcctSvcrRef("KPK" + (20 + n))
                .addNtryDtls(new EntryDetails9()
                        .addTxDtls(new EntryTransaction10()
                                .setRefs(new TransactionReferences6()
                                        .setMsgId("PRBK-20261123-000" + n)
                                        .setEndToEndId("CAG-INV-2026-081" + n)
                                        .setUETR(UETRS[n - 1]))
                                .setRmtInf(new RemittanceInformation16().addUstrd("Invoice CAG-INV-2026-081" + n))));
    }

    private static CashAccount39 account() {
        return new CashAccount39()
                .setId(new AccountIdentification4Choice()
                        .setOthr(new GenericAccountIdentification1().setId("PRBKCNGZXXX-CNY")))
                .setCcy("CNY")
                .setSvcr(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI("KAPKCNGZXXX")));
    }

    private static BusinessAppHdrV02 header(String id, String definition) {
        BusinessAppHdrV02 header = new BusinessAppHdrV02();
        header.setFr(new Party44Choice()
                .setFIId(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI("KAPKCNGZXXX"))));
        header.setTo(new Party44Choice()
                .setFIId(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI("PRBKCNGZXXX"))));
        header.setBizMsgIdr(id);
        header.setMsgDefIdr(definition);
        header.setCreDt(CREATED);
        return header;
    }

    static MxCamt05300108 statement() {
        AccountStatement9 statement = new AccountStatement9()
                .setId("KPK-STMT-20261123-PRBK-CNY")
                .setCreDtTm(CREATED)
                .setAcct(account())
                .setTxsSummry(new TotalTransactions6()
                        .setTtlNtries(new NumberAndSumOfTransactions4()
                                .setNbOfNtries("3")
                                .setSum(new BigDecimal("1850000.00"))))
                .addNtry(entry(1, "1250000.00", CreditDebitCode.DBIT))
                .addNtry(entry(2, "500000.00", CreditDebitCode.CRDT))
                .addNtry(entry(3, "100000.00", CreditDebitCode.DBIT));
        MxCamt05300108 mx = new MxCamt05300108();
        mx.setBkToCstmrStmt(new BankToCustomerStatementV08()
                .setGrpHdr(
                        new GroupHeader81().setMsgId("KPK-STMT-20261123-0001").setCreDtTm(CREATED))
                .addStmt(statement));
        mx.setAppHdr(header("KPK-STMT-20261123-0001", "camt.053.001.08"));
        return mx;
    }

    static MxCamt05400108 notification() {
        MxCamt05400108 mx = new MxCamt05400108();
        mx.setBkToCstmrDbtCdtNtfctn(new BankToCustomerDebitCreditNotificationV08()
                .setGrpHdr(new GroupHeader81().setMsgId("KPK-NTFCTN-0020").setCreDtTm(CREATED))
                .addNtfctn(new AccountNotification17()
                        .setId("KPK-NTFCTN-0020-1")
                        .setAcct(account())
                        .addNtry(entry(1, "1250000.00", CreditDebitCode.DBIT))));
        mx.setAppHdr(header("KPK-NTFCTN-0020", "camt.054.001.08"));
        return mx;
    }

    @Test
    void decodesProwideStatementWithEveryOptionalElementProwideCanWrite() {
        String xml = ProwideOracle.xml(ProwideFiller.withEveryOptionalElement(
                statementWithBalances(), MessageMap.schemaOf(MessageType.CAMT_053_001_08)));
        assertTrue(xml.contains(":CdtLine>") && xml.contains(":Avlbty>"), () -> "balances not filled:\n" + xml);
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
    }

    /** The statement with its opening, closing and a proprietary balance (by date, date and time, date). */
    static MxCamt05300108 statementWithBalances() {
        MxCamt05300108 mx = statement();
        mx.getBkToCstmrStmt()
                .getStmt()
                .get(0)
                .addBal(balance("OPBD", null, "2500000.00", CreditDebitCode.CRDT)
                        .setDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 11, 23))))
                .addBal(balance("CLBD", null, "650000.50", CreditDebitCode.DBIT)
                        .setDt(new DateAndDateTime2Choice().setDtTm(CREATED)))
                .addBal(balance(null, "KPK-INTRADAY", "0.01", CreditDebitCode.CRDT)
                        .setDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 11, 22))));
        return mx;
    }

    private static CashBalance8 balance(String code, String proprietary, String amount, CreditDebitCode direction) {
        return new CashBalance8()
                .setTp(new BalanceType13()
                        .setCdOrPrtry(new BalanceType10Choice().setCd(code).setPrtry(proprietary)))
                .setAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(new BigDecimal(amount))
                        .setCcy("CNY"))
                .setCdtDbtInd(direction);
    }

    @Test
    void readsEveryBalanceBesideTheEntriesAsProwideParsesIt() {
        String xml = ProwideOracle.xml(statementWithBalances());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxCamt05300108 p = MxCamt05300108.parse(xml, ProwideOracle.reading(CAMT_053));
        AccountStatement9 s = p.getBkToCstmrStmt().getStmt().get(0);
        assertEquals(3, s.getBal().size());
        assertEquals(s.getBal().size(), view.secondItemCount());
        for (int i = 0; i < s.getBal().size(); i++) {
            CashBalance8 b = s.getBal().get(i);
            BalanceType10Choice type = b.getTp().getCdOrPrtry();
            assertOptional(type.getCd(), view.secondItemText(i, Camt053Schema.BALANCE_TYPE));
            assertOptional(type.getPrtry(), view.secondItemText(i, Camt053Schema.BALANCE_TYPE_PROPRIETARY));
            assertEquals(b.getAmt().getCcy(), Iso4217.unpack(view.secondItemCurrency(i, Camt053Schema.BALANCE_AMOUNT)));
            assertEquals(
                    b.getAmt().getValue().movePointRight(2).longValueExact(),
                    view.secondItemAmountMinor(i, Camt053Schema.BALANCE_AMOUNT));
            assertText(b.getCdtDbtInd().name(), view.secondItemText(i, Camt053Schema.BALANCE_CREDIT_DEBIT));
            if (b.getDt().getDt() != null) {
                assertEquals(b.getDt().getDt(), LocalDate.parse(view.secondItemText(i, Camt053Schema.BALANCE_DATE)));
            } else {
                assertEquals(
                        b.getDt().getDtTm().toInstant(),
                        OffsetDateTime.parse(view.secondItemText(i, Camt053Schema.BALANCE_DATE_TIME))
                                .toInstant());
            }
        }
        assertEntries(s.getNtry());
        assertEquals(250_000_000L, view.secondItemAmountMinor(0, Camt053Schema.BALANCE_AMOUNT));
    }

    @Test
    void refusesABalanceWithoutADate() {
        MxCamt05300108 mx = statementWithBalances();
        mx.getBkToCstmrStmt().getStmt().get(0).getBal().get(1).setDt(null);
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.MISSING_ELEMENT, "/Document/BkToCstmrStmt/Stmt/Bal[2]/Dt");
    }

    @Test
    void refusesABalanceAmountWithMoreDecimalsThanItsCurrency() {
        MxCamt05300108 mx = statementWithBalances();
        mx.getBkToCstmrStmt().getStmt().get(0).getBal().get(2).getAmt().setValue(new BigDecimal("0.015"));
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.INVALID_AMOUNT, "/Document/BkToCstmrStmt/Stmt/Bal[3]/Amt");
    }

    @Test
    void refusesOneBalanceMoreThanTheLimit() {
        MxCamt05300108 mx = statementWithBalances();
        AccountStatement9 statement = mx.getBkToCstmrStmt().getStmt().get(0);
        while (statement.getBal().size() <= Camt053Schema.BALANCES_MAX) {
            statement.addBal(balance("ITBD", null, "1.00", CreditDebitCode.CRDT)
                    .setDt(new DateAndDateTime2Choice().setDt(LocalDate.of(2026, 11, 23))));
        }
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.ITEM_LIMIT,
                "/Document/BkToCstmrStmt/Stmt/Bal[" + (Camt053Schema.BALANCES_MAX + 1) + "]");
    }

    @Test
    void aNotificationHasNoBalances() {
        assertTrue(decoding.decode(ProwideOracle.xml(notification())), verdict::toString);
        assertEquals(0, view.secondItemCount());
    }

    private static void assertOptional(String expected, io.kapok.codecs.xml.TextBuffer actual) {
        if (expected == null) {
            assertFalse(actual.isPresent());
        } else {
            assertText(expected, actual);
        }
    }

    @Test
    void readsEveryStatementEntryAsProwideParsesIt() {
        String xml = ProwideOracle.xml(statement());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxCamt05300108 p = MxCamt05300108.parse(xml, ProwideOracle.reading(CAMT_053));
        AccountStatement9 s = p.getBkToCstmrStmt().getStmt().get(0);
        assertEquals(MessageType.CAMT_053_001_08, view.type());
        assertText(p.getBkToCstmrStmt().getGrpHdr().getMsgId(), view.text(CamtReport.MSG_ID));
        assertText(s.getId(), view.text(CamtReport.REPORT_ID));
        assertText(s.getAcct().getId().getOthr().getId(), view.text(CamtReport.ACCOUNT_OTHER_ID));
        assertText(s.getAcct().getCcy(), view.text(CamtReport.ACCOUNT_CURRENCY));
        assertText(s.getAcct().getSvcr().getFinInstnId().getBICFI(), view.text(CamtReport.ACCOUNT_SERVICER_BIC));
        assertText(s.getTxsSummry().getTtlNtries().getNbOfNtries(), view.text(CamtReport.NUMBER_OF_ENTRIES));
        assertEntries(s.getNtry());
        assertText(p.getAppHdr().reference(), view.businessMessageId());
    }

    @Test
    void readsANotificationAsProwideParsesIt() {
        String xml = ProwideOracle.xml(notification());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxCamt05400108 p = MxCamt05400108.parse(xml, ProwideOracle.reading(CAMT_054));
        AccountNotification17 n = p.getBkToCstmrDbtCdtNtfctn().getNtfctn().get(0);
        assertEquals(MessageType.CAMT_054_001_08, view.type());
        assertText(n.getId(), view.text(CamtReport.REPORT_ID));
        assertFalse(view.text(CamtReport.NUMBER_OF_ENTRIES).isPresent());
        assertEntries(n.getNtry());
    }

    private void assertEntries(List<ReportEntry10> entries) {
        assertEquals(entries.size(), view.itemCount());
        for (int i = 0; i < entries.size(); i++) {
            ReportEntry10 e = entries.get(i);
            TransactionReferences6 refs =
                    e.getNtryDtls().get(0).getTxDtls().get(0).getRefs();
            assertText(e.getNtryRef(), view.itemText(i, CamtReport.ENTRY_REFERENCE));
            assertEquals(e.getAmt().getCcy(), Iso4217.unpack(view.itemCurrency(i, CamtReport.ENTRY_AMOUNT)));
            assertEquals(
                    e.getAmt().getValue().movePointRight(2).longValueExact(),
                    view.itemAmountMinor(i, CamtReport.ENTRY_AMOUNT));
            assertText(e.getCdtDbtInd().name(), view.itemText(i, CamtReport.ENTRY_CREDIT_DEBIT));
            assertText(e.getSts().getCd(), view.itemText(i, CamtReport.ENTRY_STATUS));
            assertEquals(e.getBookgDt().getDt(), LocalDate.parse(view.itemText(i, CamtReport.ENTRY_BOOKING_DATE)));
            assertEquals(e.getValDt().getDt(), LocalDate.parse(view.itemText(i, CamtReport.ENTRY_VALUE_DATE)));
            assertText(e.getAcctSvcrRef(), view.itemText(i, CamtReport.ENTRY_SERVICER_REFERENCE));
            assertText(refs.getMsgId(), view.itemText(i, CamtReport.ENTRY_MSG_ID));
            assertText(refs.getEndToEndId(), view.itemText(i, CamtReport.ENTRY_END_TO_END_ID));
            assertText(refs.getUETR(), view.itemText(i, CamtReport.ENTRY_UETR));
            assertText(
                    e.getNtryDtls()
                            .get(0)
                            .getTxDtls()
                            .get(0)
                            .getRmtInf()
                            .getUstrd()
                            .get(0),
                    view.itemText(i, CamtReport.ENTRY_REMITTANCE));
        }
    }

    @Test
    void refusesASumThatIsNotTheEntries() {
        MxCamt05300108 mx = statement();
        mx.getBkToCstmrStmt().getStmt().get(0).getTxsSummry().getTtlNtries().setSum(new BigDecimal("1850000.01"));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.ITEM_CONTROL_SUM,
                "/Document/BkToCstmrStmt/Stmt/TxsSummry/TtlNtries/Sum");
    }

    @Test
    void refusesACountThatIsNotTheEntries() {
        MxCamt05300108 mx = statement();
        mx.getBkToCstmrStmt().getStmt().get(0).getTxsSummry().getTtlNtries().setNbOfNtries("2");
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.ITEM_COUNT,
                "/Document/BkToCstmrStmt/Stmt/TxsSummry/TtlNtries/NbOfNtries");
    }

    @Test
    void refusesAnEntryWithoutDirectionNamingIt() {
        MxCamt05300108 mx = statement();
        mx.getBkToCstmrStmt().getStmt().get(0).getNtry().get(1).setCdtDbtInd(null);
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.MISSING_ELEMENT, "/Document/BkToCstmrStmt/Stmt/Ntry[2]/CdtDbtInd");
    }

    @Test
    void refusesAnAccountWithoutId() {
        MxCamt05400108 mx = notification();
        mx.getBkToCstmrDbtCdtNtfctn().getNtfctn().get(0).getAcct().setId(new AccountIdentification4Choice());
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.MISSING_ELEMENT, "/Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Acct/Id");
    }
}
