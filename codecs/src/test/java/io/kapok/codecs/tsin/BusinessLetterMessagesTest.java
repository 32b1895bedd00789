package io.kapok.codecs.tsin;

import static io.kapok.codecs.Decoding.assertText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxTsin00900101;
import com.prowidesoftware.swift.model.mx.MxTsmt05300101;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AgreementItemAction1Code;
import com.prowidesoftware.swift.model.mx.dic.AmountAndPeriod1;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.CurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.FinancialItem1Tsmt05300101;
import com.prowidesoftware.swift.model.mx.dic.FinancialItemParameters1;
import com.prowidesoftware.swift.model.mx.dic.FinancialItemParameters1Tsin00900101;
import com.prowidesoftware.swift.model.mx.dic.FinancingAgreementItem1Tsin00900101;
import com.prowidesoftware.swift.model.mx.dic.FinancingAgreementList1Tsin00900101;
import com.prowidesoftware.swift.model.mx.dic.GenericIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GuaranteeDetails1Tsin00900101;
import com.prowidesoftware.swift.model.mx.dic.InvoicePaymentReconciliationAdviceV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceTotals1;
import com.prowidesoftware.swift.model.mx.dic.PartyRegistrationAndGuaranteeRequestV01;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification1;
import com.prowidesoftware.swift.model.mx.dic.PaymentMeans1;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod4Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTerms6;
import com.prowidesoftware.swift.model.mx.dic.QualifiedPartyIdentification1;
import com.prowidesoftware.swift.model.mx.dic.ReconciliationList1;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.Decoding;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.stream.MessageView;
import jakarta.xml.bind.JAXBContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A tsin.009 party registration (Canton Auto Group onboards Foshan Precision Parts with Pearl
 * River Bank, which guarantees CNY 20,000,000.00) and a tsmt.053 reconciliation advice (which
 * payment settled which invoices) built with Prowide's own model, decoded by the decoder of the
 * whole message map and compared with Prowide's parse of the same bytes. Prowide's contexts get
 * {@link LetterIdrefRegistries} registered, without which it cannot handle these messages.
 */
class BusinessLetterMessagesTest {
    private static final JAXBContext TSIN_009 =
            ProwideOracle.contextWithAppHdr(MxTsin00900101._classes, LetterIdrefRegistries.Tsin009.class);
    private static final JAXBContext TSIN_009_WRITE =
            ProwideOracle.context(MxTsin00900101._classes, LetterIdrefRegistries.Tsin009.class);
    private static final JAXBContext TSMT_053 =
            ProwideOracle.contextWithAppHdr(MxTsmt05300101._classes, LetterIdrefRegistries.Tsmt053.class);
    private static final JAXBContext TSMT_053_WRITE =
            ProwideOracle.context(MxTsmt05300101._classes, LetterIdrefRegistries.Tsmt053.class);

    private final Decoding decoding = new Decoding();
    private final MessageView view = decoding.view;
    private final DecodeVerdict verdict = decoding.verdict;

    private static ActiveCurrencyAndAmount cny(String value) {
        return new ActiveCurrencyAndAmount().setValue(new BigDecimal(value)).setCcy("CNY");
    }

    static MxTsin00900101 registration() {
        QualifiedPartyIdentification1 core = BusinessLetterSamples.party(
                        "CAG", "Canton Auto Group", "91440101MA9KAPK001")
                .setRole(new GenericIdentification1().setId("CORE"));
        FinancingAgreementList1Tsin00900101 list = new FinancingAgreementList1Tsin00900101()
                .setIdr("CAG-REG-0001")
                .setDt(LocalDate.of(2026, 11, 23))
                .setAgrmtRqstr(core)
                .setAgrmtRspndr(BusinessLetterSamples.BANK)
                .setGrntApplcnt(core)
                .setGrntNbfcry(BusinessLetterSamples.SUPPLIER)
                .setGrntIssr(BusinessLetterSamples.BANK)
                .setItmCnt("1")
                .addItm(new FinancingAgreementItem1Tsin00900101()
                        .setItmCntxt(new FinancialItemParameters1Tsin00900101()
                                .setIdr("FSPP-SUPPLIER-TIER1")
                                .setIsseDt(LocalDate.of(2026, 11, 23))
                                .setCcy("CNY"))
                        .setItmActn(AgreementItemAction1Code.OPEN)
                        .addGrnt(new GuaranteeDetails1Tsin00900101()
                                .addGrntedAmt(new AmountAndPeriod1().setAmt(cny("20000000.00")))));
        MxTsin00900101 mx = new MxTsin00900101();
        mx.setPtyRegnAndGrntReq(new PartyRegistrationAndGuaranteeRequestV01()
                .setHdr(BusinessLetterSamples.letter("CAG-REG-0001", core))
                .addAgrmtList(list));
        return mx;
    }

    static MxTsmt05300101 reconciliation() {
        ReconciliationList1 list = new ReconciliationList1()
                .setDt(LocalDate.of(2027, 5, 1))
                .setRcpt(BusinessLetterSamples.SUPPLIER)
                .setAdvsr(BusinessLetterSamples.BANK)
                .setParams(
                        new FinancialItemParameters1().setIdr("PRBK-RCN-0001").setIsseDt(LocalDate.of(2027, 5, 1)))
                .setPmtRef(new PaymentIdentification1()
                        .setInstrId("PRBK-INSTR-0001")
                        .setEndToEndId("CAG-INV-2026-0815"))
                .setPmtMeans(new PaymentMeans1().setPmtMtdCd(PaymentMethod4Code.TRF))
                .setPmtDt(LocalDate.of(2027, 5, 1))
                .setPmtTerms(new PaymentTerms6().setDueDt(LocalDate.of(2027, 5, 1)))
                .setPmtAmt(new CurrencyAndAmount()
                        .setValue(new BigDecimal("339000.00"))
                        .setCcy("CNY"))
                .setItmCnt("2")
                .setCtrlSum(new BigDecimal("339000.00"));
        for (int n = 1; n <= 2; n++) {
            list.addItm(new FinancialItem1Tsmt05300101()
                    .setItmCntxt(new FinancialItemParameters1()
                            .setIdr("FSPP-INV-2026-000" + n)
                            .setIsseDt(LocalDate.of(2026, 11, n)))
                    .setCdtDbtInd(CreditDebitCode.CRDT)
                    .setTtlAmt(new InvoiceTotals1()
                            .setTtlTaxblAmt(cny("0"))
                            .setTtlTaxAmt(cny("0"))
                            .setTtlInvcAmt(cny(n == 1 ? "113000.00" : "226000.00"))
                            .setPmtDueDt(LocalDate.of(2027, 5, n))));
        }
        MxTsmt05300101 mx = new MxTsmt05300101();
        mx.setInvcPmtRcncltnAdvc(new InvoicePaymentReconciliationAdviceV01()
                .setHdr(BusinessLetterSamples.letter("PRBK-RCN-0001", BusinessLetterSamples.BANK))
                .addRcncltnList(list));
        return mx;
    }

    @Test
    void readsAPartyRegistrationAsProwideParsesIt() {
        String xml = ProwideOracle.xml(registration(), TSIN_009_WRITE);
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        PartyRegistrationAndGuaranteeRequestV01 p =
                MxTsin00900101.parse(xml, ProwideOracle.reading(TSIN_009)).getPtyRegnAndGrntReq();
        FinancingAgreementList1Tsin00900101 list = p.getAgrmtList().get(0);
        assertEquals(MessageType.TSIN_009_001_01, view.type());
        assertText(p.getHdr().getLttrIdr().getId(), view.text(BusinessLetterFields.LETTER_ID));
        assertText(p.getHdr().getOrgtr().getRole().getId(), view.text(BusinessLetterFields.ORIGINATOR_ROLE));
        assertText("91440101MA9KAPK001", view.text(BusinessLetterFields.ORIGINATOR_ID));
        assertText(list.getIdr(), view.text(FinancingAgreementListSchema.LIST_ID));
        assertText("PRBK", view.text(FinancingAgreementListSchema.RESPONDER_REFERENCE));
        assertText("FSPP", view.text(FinancingAgreementListSchema.GUARANTEE_BENEFICIARY_REFERENCE));
        assertEquals(1, view.itemCount());
        FinancingAgreementItem1Tsin00900101 item = list.getItm().get(0);
        assertText(item.getItmCntxt().getIdr(), view.itemText(0, FinancingAgreementListSchema.ITEM_ID));
        assertText(item.getItmActn().name(), view.itemText(0, FinancingAgreementListSchema.ITEM_ACTION));
        assertEquals(
                item.getGrnt()
                        .get(0)
                        .getGrntedAmt()
                        .get(0)
                        .getAmt()
                        .getValue()
                        .movePointRight(2)
                        .longValueExact(),
                view.itemAmountMinor(0, FinancingAgreementListSchema.ITEM_GUARANTEED_AMOUNT));
    }

    @Test
    void readsAReconciliationAdviceAsProwideParsesIt() {
        String xml = ProwideOracle.xml(reconciliation(), TSMT_053_WRITE);
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        InvoicePaymentReconciliationAdviceV01 p =
                MxTsmt05300101.parse(xml, ProwideOracle.reading(TSMT_053)).getInvcPmtRcncltnAdvc();
        ReconciliationList1 list = p.getRcncltnList().get(0);
        assertEquals(MessageType.TSMT_053_001_01, view.type());
        assertText(list.getPmtRef().getEndToEndId(), view.text(ReconciliationListSchema.PAYMENT_END_TO_END_ID));
        assertText(list.getPmtRef().getInstrId(), view.text(ReconciliationListSchema.PAYMENT_INSTRUCTION_ID));
        assertEquals(list.getPmtDt(), LocalDate.parse(view.text(ReconciliationListSchema.PAYMENT_DATE)));
        assertEquals(
                list.getPmtAmt().getValue().movePointRight(2).longValueExact(),
                view.amountMinor(ReconciliationListSchema.PAYMENT_AMOUNT));
        assertEquals(list.getItm().size(), view.itemCount());
        for (int i = 0; i < view.itemCount(); i++) {
            FinancialItem1Tsmt05300101 item = list.getItm().get(i);
            assertText(item.getItmCntxt().getIdr(), view.itemText(i, ReconciliationListSchema.ITEM_ID));
            assertEquals(
                    item.getTtlAmt()
                            .getTtlInvcAmt()
                            .getValue()
                            .movePointRight(2)
                            .longValueExact(),
                    view.itemAmountMinor(i, ReconciliationListSchema.ITEM_TOTAL_AMOUNT));
        }
    }

    @Test
    void refusesAReconciliationWhoseControlSumIsNotTheItems() {
        MxTsmt05300101 mx = reconciliation();
        mx.getInvcPmtRcncltnAdvc().getRcncltnList().get(0).setCtrlSum(new BigDecimal("339000.01"));
        decoding.assertRejected(
                ProwideOracle.xml(mx, TSMT_053_WRITE),
                RejectCode.ITEM_CONTROL_SUM,
                "/Document/InvcPmtRcncltnAdvc/RcncltnList/CtrlSum");
    }

    @Test
    void refusesARegistrationWhoseItemCountIsNotTheItems() {
        MxTsin00900101 mx = registration();
        mx.getPtyRegnAndGrntReq().getAgrmtList().get(0).setItmCnt("2");
        decoding.assertRejected(
                ProwideOracle.xml(mx, TSIN_009_WRITE),
                RejectCode.ITEM_COUNT,
                "/Document/PtyRegnAndGrntReq/AgrmtList/ItmCnt");
    }
}
