package io.kapok.codecs.tsin;

import static io.kapok.codecs.Decoding.assertText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxTsin00400101;
import com.prowidesoftware.swift.model.mx.dic.CurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.FinancialInvoiceV01;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceHeader1;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification6;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.Party8Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification45;
import com.prowidesoftware.swift.model.mx.dic.PaymentTerms3;
import com.prowidesoftware.swift.model.mx.dic.SettlementMonetarySummation1;
import com.prowidesoftware.swift.model.mx.dic.TradeAgreement6;
import com.prowidesoftware.swift.model.mx.dic.TradeDelivery1;
import com.prowidesoftware.swift.model.mx.dic.TradeParty1;
import com.prowidesoftware.swift.model.mx.dic.TradeSettlement1;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * tsin.004 financial invoices (a receivable to register) written by Prowide's own model, decoded
 * by the decoder of the whole message map and compared with Prowide's parse of the same bytes; and
 * the rejects of the invoice rules.
 */
class Tsin004DecoderTest {
    private static final JAXBContext PROWIDE = ProwideOracle.contextWithAppHdr(MxTsin00400101._classes);

    private final Decoding decoding = new Decoding();
    private final MessageView view = decoding.view;
    private final DecodeVerdict verdict = decoding.verdict;

    private static TradeParty1 party(String name, String id, String scheme) {
        return new TradeParty1()
                .setPtyId(new PartyIdentification45()
                        .setNm(name)
                        .setId(new Party8Choice()
                                .setOrgId(new OrganisationIdentification6()
                                        .addOthr(new GenericOrganisationIdentification1()
                                                .setId(id)
                                                .setSchmeNm(new OrganisationIdentificationSchemeName1Choice()
                                                        .setPrtry(scheme))))));
    }

    private static CurrencyAndAmount cny(String value) {
        return new CurrencyAndAmount().setValue(new BigDecimal(value)).setCcy("CNY");
    }

    static MxTsin00400101 invoice() {
        MxTsin00400101 mx = new MxTsin00400101();
        mx.setFinInvc(new FinancialInvoiceV01()
                .setInvcHdr(new InvoiceHeader1()
                        .setId("FSPP-INV-2026-0001")
                        .setTpCd("380")
                        .setIsseDtTm(OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8))))
                .setTradAgrmt(new TradeAgreement6()
                        .setBuyr(party("Canton Auto Group", "91440101MA9KAPK001", "USCC"))
                        .setSellr(party("Foshan Precision Parts", "91440604MA9KAPK002", "USCC")))
                .setTradDlvry(new TradeDelivery1())
                .setTradSttlm(new TradeSettlement1()
                        .setInvcCcyCd("CNY")
                        .addDuePyblAmt(cny("113000.00"))
                        .addPmtTerms(new PaymentTerms3().setDueDt(LocalDate.of(2027, 5, 1)))
                        .setMntrySummtn(new SettlementMonetarySummation1()
                                .addTaxTtlAmt(cny("13000.00"))
                                .addGrdTtlAmt(cny("113000.00")))));
        mx.setAppHdr(Tsin001Samples.header(Tsin001Samples.SUPPLIER_USCC, "USCC"));
        ((com.prowidesoftware.swift.model.mx.BusinessAppHdrV02) mx.getAppHdr()).setBizMsgIdr("FSPP-INV-2026-0001");
        ((com.prowidesoftware.swift.model.mx.BusinessAppHdrV02) mx.getAppHdr()).setMsgDefIdr("tsin.004.001.01");
        return mx;
    }

    @Test
    void readsAnInvoiceAsProwideParsesIt() {
        String xml = ProwideOracle.xml(invoice());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        FinancialInvoiceV01 p =
                MxTsin00400101.parse(xml, ProwideOracle.reading(PROWIDE)).getFinInvc();
        assertEquals(MessageType.TSIN_004_001_01, view.type());
        assertText(p.getInvcHdr().getId(), view.text(Tsin004Schema.INVOICE_ID));
        assertText(p.getInvcHdr().getTpCd(), view.text(Tsin004Schema.TYPE_CODE));
        assertEquals(p.getInvcHdr().getIsseDtTm(), OffsetDateTime.parse(view.text(Tsin004Schema.ISSUE_DATE_TIME)));
        PartyIdentification45 buyer = p.getTradAgrmt().getBuyr().getPtyId();
        PartyIdentification45 seller = p.getTradAgrmt().getSellr().getPtyId();
        assertText(buyer.getNm(), view.text(Tsin004Schema.BUYER_NAME));
        assertText(buyer.getId().getOrgId().getOthr().get(0).getId(), view.text(Tsin004Schema.BUYER_ID));
        assertText(
                buyer.getId().getOrgId().getOthr().get(0).getSchmeNm().getPrtry(),
                view.text(Tsin004Schema.BUYER_ID_SCHEME));
        assertText(seller.getNm(), view.text(Tsin004Schema.SELLER_NAME));
        assertText(seller.getId().getOrgId().getOthr().get(0).getId(), view.text(Tsin004Schema.SELLER_ID));
        TradeSettlement1 s = p.getTradSttlm();
        assertText(s.getInvcCcyCd(), view.text(Tsin004Schema.INVOICE_CURRENCY));
        assertAmount(s.getDuePyblAmt().get(0), Tsin004Schema.DUE_PAYABLE_AMOUNT);
        assertEquals(s.getPmtTerms().get(0).getDueDt(), LocalDate.parse(view.text(Tsin004Schema.DUE_DATE)));
        assertAmount(s.getMntrySummtn().getGrdTtlAmt().get(0), Tsin004Schema.GRAND_TOTAL_AMOUNT);
        assertAmount(s.getMntrySummtn().getTaxTtlAmt().get(0), Tsin004Schema.TAX_TOTAL_AMOUNT);
    }

    @Test
    void refusesADueDateBeforeTheIssueDate() {
        MxTsin00400101 mx = invoice();
        mx.getFinInvc().getTradSttlm().getPmtTerms().get(0).setDueDt(LocalDate.of(2026, 10, 31));
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.DUE_BEFORE_ISSUE, "/Document/FinInvc/TradSttlm/PmtTerms/DueDt");
    }

    @Test
    void refusesAPaymentTermOverOneYear() {
        MxTsin00400101 mx = invoice();
        mx.getFinInvc().getTradSttlm().getPmtTerms().get(0).setDueDt(LocalDate.of(2027, 11, 2));
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.PAYMENT_TERM_TOO_LONG, "/Document/FinInvc/TradSttlm/PmtTerms/DueDt");
    }

    @Test
    void refusesAnAmountInAnotherCurrencyThanTheInvoices() {
        MxTsin00400101 mx = invoice();
        mx.getFinInvc().getTradSttlm().getDuePyblAmt().get(0).setCcy("USD");
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.MIXED_CURRENCY, "/Document/FinInvc/TradSttlm/DuePyblAmt/@Ccy");
    }

    @Test
    void refusesABuyerIdOfAnUnknownScheme() {
        MxTsin00400101 mx = invoice();
        mx.getFinInvc().getTradAgrmt().setBuyr(party("Canton Auto Group", "91440101MA9KAPK001", "DUNS"));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.INVALID_ORGANISATION_ID,
                "/Document/FinInvc/TradAgrmt/Buyr/PtyId/Id/OrgId/Othr/Id");
    }

    private void assertAmount(CurrencyAndAmount expected, int field) {
        assertEquals(expected.getCcy(), Iso4217.unpack(view.currency(field)));
        assertEquals(expected.getValue().movePointRight(2).longValueExact(), view.amountMinor(field));
    }
}
