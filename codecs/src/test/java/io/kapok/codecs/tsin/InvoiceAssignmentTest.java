package io.kapok.codecs.tsin;

import static io.kapok.codecs.Decoding.assertText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxTsin00600101;
import com.prowidesoftware.swift.model.mx.MxTsin01300101;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BusinessLetter1;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.FinancialItem1Tsin00600101;
import com.prowidesoftware.swift.model.mx.dic.FinancialItem1Tsin01300101;
import com.prowidesoftware.swift.model.mx.dic.FinancialItemParameters1Tsin00600101;
import com.prowidesoftware.swift.model.mx.dic.FinancialItemParameters1Tsin01300101;
import com.prowidesoftware.swift.model.mx.dic.FinancingItemList1;
import com.prowidesoftware.swift.model.mx.dic.FinancingItemList1Tsin01300101;
import com.prowidesoftware.swift.model.mx.dic.InvoiceAssignmentAcknowledgementV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceAssignmentRequestV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceTotals1;
import com.prowidesoftware.swift.model.mx.dic.QualifiedPartyIdentification1;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.Decoding;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.stream.MessageView;
import jakarta.xml.bind.JAXBContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The invoice assignment messages built with Prowide's own model: a tsin.006 assignment request
 * (Foshan Precision Parts assigns two invoices to Pearl River Bank) and a tsin.013 acknowledgement
 * (Canton Auto Group, the debtor, confirms them), decoded by the decoder of the whole message map
 * and compared with Prowide's parse of the same bytes, item by item; and the rejects of their
 * rules.
 *
 * <p>Stock Prowide cannot read or write tsin.006 or tsin.013: its model refers to six IDREF
 * elements ({@code FinDocRef}, {@code AssoctdDoc}, {@code RltdItm}, {@code GovngCtrct},
 * {@code RltdDoc}, {@code AckRcvr}) that no ObjectFactory of its JAXB context declares, so building
 * the context fails. This test oracle registers them ({@link LetterIdrefRegistries}) in its
 * contexts.
 */
class InvoiceAssignmentTest {
    private static final JAXBContext TSIN_006 =
            ProwideOracle.contextWithAppHdr(MxTsin00600101._classes, LetterIdrefRegistries.Tsin006.class);
    private static final JAXBContext TSIN_013 =
            ProwideOracle.contextWithAppHdr(MxTsin01300101._classes, LetterIdrefRegistries.Tsin013.class);
    private static final JAXBContext TSIN_006_WRITE =
            ProwideOracle.context(MxTsin00600101._classes, LetterIdrefRegistries.Tsin006.class);
    private static final JAXBContext TSIN_013_WRITE =
            ProwideOracle.context(MxTsin01300101._classes, LetterIdrefRegistries.Tsin013.class);

    private final Decoding decoding = new Decoding();
    private final MessageView view = decoding.view;
    private final DecodeVerdict verdict = decoding.verdict;

    private static final QualifiedPartyIdentification1 SUPPLIER = BusinessLetterSamples.SUPPLIER;
    private static final QualifiedPartyIdentification1 DEBTOR = BusinessLetterSamples.DEBTOR;
    private static final QualifiedPartyIdentification1 BANK = BusinessLetterSamples.BANK;

    private static BusinessLetter1 letter(String id, QualifiedPartyIdentification1 originator) {
        return BusinessLetterSamples.letter(id, originator);
    }

    private static ActiveCurrencyAndAmount cny(String value) {
        return new ActiveCurrencyAndAmount().setValue(new BigDecimal(value)).setCcy("CNY");
    }

    private static InvoiceTotals1 totals(String amount, int n) {
        return new InvoiceTotals1()
                .setTtlTaxblAmt(cny("0"))
                .setTtlTaxAmt(cny("0"))
                .setTtlInvcAmt(cny(amount))
                .setPmtDueDt(LocalDate.of(2027, 5, n));
    }

    static MxTsin00600101 request() {
        FinancingItemList1 list = new FinancingItemList1()
                .setIdr("FSPP-ASG-0001")
                .setIsseDt(LocalDate.of(2026, 11, 23))
                .setAssgne(BANK)
                .setAssgnr(SUPPLIER)
                .setItmCnt("2")
                .setCtrlSum(new BigDecimal("339000.00"))
                .setTtlReqAmt(cny("339000.00"));
        for (int n = 1; n <= 2; n++) {
            list.addFinItm(new FinancialItem1Tsin00600101()
                    .setItmCntxt(new FinancialItemParameters1Tsin00600101()
                            .setIdr("FSPP-INV-2026-000" + n)
                            .setIsseDt(LocalDate.of(2026, 11, n))
                            .setCcy("CNY"))
                    .setCdtDbtInd(CreditDebitCode.CRDT)
                    .setTtlAmt(totals(n == 1 ? "113000.00" : "226000.00", n))
                    .setDueAmt(cny(n == 1 ? "113000.00" : "226000.00")));
        }
        MxTsin00600101 mx = new MxTsin00600101();
        mx.setInvcAssgnmtReq(new InvoiceAssignmentRequestV01()
                .setHdr(letter("FSPP-ASG-0001", SUPPLIER))
                .addAssgnmtList(list));
        return mx;
    }

    static MxTsin01300101 acknowledgement() {
        FinancingItemList1Tsin01300101 list = new FinancingItemList1Tsin01300101()
                .setIdr("FSPP-ASG-0001")
                .setIsseDt(LocalDate.of(2026, 11, 23))
                .setAssgne(BANK)
                .setAssgnr(SUPPLIER)
                .setItmCnt("1")
                .addFinItm(new FinancialItem1Tsin01300101()
                        .setItmCntxt(new FinancialItemParameters1Tsin01300101()
                                .setIdr("FSPP-INV-2026-0001")
                                .setIsseDt(LocalDate.of(2026, 11, 1)))
                        .setCdtDbtInd(CreditDebitCode.CRDT)
                        .setTtlAmt(totals("113000.00", 1)));
        MxTsin01300101 mx = new MxTsin01300101();
        mx.setInvcAssgnmtAck(new InvoiceAssignmentAcknowledgementV01()
                .setHdr(letter("CAG-ACK-0001", DEBTOR))
                .addPmtStsList(list));
        return mx;
    }

    @Test
    void readsEveryAssignedInvoiceAsProwideParsesIt() {
        String xml = ProwideOracle.xml(request(), TSIN_006_WRITE);
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        InvoiceAssignmentRequestV01 p =
                MxTsin00600101.parse(xml, ProwideOracle.reading(TSIN_006)).getInvcAssgnmtReq();
        FinancingItemList1 list = p.getAssgnmtList().get(0);
        assertEquals(MessageType.TSIN_006_001_01, view.type());
        assertText(p.getHdr().getLttrIdr().getId(), view.text(BusinessLetterFields.LETTER_ID));
        assertText(p.getHdr().getOrgtr().getId(), view.text(BusinessLetterFields.ORIGINATOR_REFERENCE));
        assertText("91440604MA9KAPK002", view.text(BusinessLetterFields.ORIGINATOR_ID));
        assertText(list.getIdr(), view.text(FinancingItemListSchema.LIST_ID));
        assertText(
                ((QualifiedPartyIdentification1) list.getAssgne()).getId(),
                view.text(FinancingItemListSchema.ASSIGNEE_REFERENCE));
        assertText(
                ((QualifiedPartyIdentification1) list.getAssgnr()).getId(),
                view.text(FinancingItemListSchema.ASSIGNER_REFERENCE));
        assertText(list.getItmCnt(), view.text(FinancingItemListSchema.ITEM_COUNT));
        assertEquals(list.getFinItm().size(), view.itemCount());
        for (int i = 0; i < view.itemCount(); i++) {
            FinancialItem1Tsin00600101 item = list.getFinItm().get(i);
            assertText(item.getItmCntxt().getIdr(), view.itemText(i, FinancingItemListSchema.ITEM_ID));
            assertEquals(
                    item.getItmCntxt().getIsseDt(),
                    LocalDate.parse(view.itemText(i, FinancingItemListSchema.ITEM_ISSUE_DATE)));
            assertText(item.getCdtDbtInd().name(), view.itemText(i, FinancingItemListSchema.ITEM_CREDIT_DEBIT));
            assertEquals(
                    item.getTtlAmt()
                            .getTtlInvcAmt()
                            .getValue()
                            .movePointRight(2)
                            .longValueExact(),
                    view.itemAmountMinor(i, FinancingItemListSchema.ITEM_TOTAL_AMOUNT));
            assertEquals(Iso4217.pack("CNY"), view.itemCurrency(i, FinancingItemListSchema.ITEM_TOTAL_AMOUNT));
            assertEquals(
                    item.getTtlAmt().getPmtDueDt(),
                    LocalDate.parse(view.itemText(i, FinancingItemListSchema.ITEM_DUE_DATE)));
        }
    }

    @Test
    void readsTheDebtorsAcknowledgementAsProwideParsesIt() {
        String xml = ProwideOracle.xml(acknowledgement(), TSIN_013_WRITE);
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        InvoiceAssignmentAcknowledgementV01 p =
                MxTsin01300101.parse(xml, ProwideOracle.reading(TSIN_013)).getInvcAssgnmtAck();
        FinancingItemList1Tsin01300101 list = p.getPmtStsList().get(0);
        assertEquals(MessageType.TSIN_013_001_01, view.type());
        assertText(p.getHdr().getOrgtr().getId(), view.text(BusinessLetterFields.ORIGINATOR_REFERENCE));
        assertText("91440101MA9KAPK001", view.text(BusinessLetterFields.ORIGINATOR_ID));
        assertText(list.getIdr(), view.text(FinancingItemListSchema.LIST_ID));
        assertEquals(1, view.itemCount());
        assertText(list.getFinItm().get(0).getItmCntxt().getIdr(), view.itemText(0, FinancingItemListSchema.ITEM_ID));
    }

    @Test
    void refusesAnItemCountThatIsNotTheItems() {
        MxTsin00600101 mx = request();
        mx.getInvcAssgnmtReq().getAssgnmtList().get(0).setItmCnt("3");
        decoding.assertRejected(
                ProwideOracle.xml(mx, TSIN_006_WRITE),
                RejectCode.ITEM_COUNT,
                "/Document/InvcAssgnmtReq/AssgnmtList/ItmCnt");
    }

    @Test
    void refusesAControlSumThatIsNotTheItems() {
        MxTsin00600101 mx = request();
        mx.getInvcAssgnmtReq().getAssgnmtList().get(0).setCtrlSum(new BigDecimal("339000.10"));
        decoding.assertRejected(
                ProwideOracle.xml(mx, TSIN_006_WRITE),
                RejectCode.ITEM_CONTROL_SUM,
                "/Document/InvcAssgnmtReq/AssgnmtList/CtrlSum");
    }

    @Test
    void refusesTheSameInvoiceTwice() {
        MxTsin00600101 mx = request();
        mx.getInvcAssgnmtReq()
                .getAssgnmtList()
                .get(0)
                .getFinItm()
                .get(1)
                .getItmCntxt()
                .setIdr("FSPP-INV-2026-0001");
        decoding.assertRejected(
                ProwideOracle.xml(mx, TSIN_006_WRITE),
                RejectCode.DUPLICATE_DOCUMENT,
                "/Document/InvcAssgnmtReq/AssgnmtList/FinItm[2]/ItmCntxt/Idr");
    }

    @Test
    void refusesADueDateBeforeTheIssueDate() {
        MxTsin00600101 mx = request();
        mx.getInvcAssgnmtReq()
                .getAssgnmtList()
                .get(0)
                .getFinItm()
                .get(0)
                .getTtlAmt()
                .setPmtDueDt(LocalDate.of(2026, 10, 1));
        decoding.assertRejected(
                ProwideOracle.xml(mx, TSIN_006_WRITE),
                RejectCode.DUE_BEFORE_ISSUE,
                "/Document/InvcAssgnmtReq/AssgnmtList/FinItm[1]/TtlAmt/PmtDueDt");
    }
}
