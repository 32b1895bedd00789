package io.kapok.codecs.tsin;

import static io.kapok.codecs.Decoding.assertText;
import static io.kapok.codecs.tsin.Tsin001Samples.BUYER_USCC;
import static io.kapok.codecs.tsin.Tsin001Samples.SUPPLIER_LEI;
import static io.kapok.codecs.tsin.Tsin001Samples.SUPPLIER_USCC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxTsin00100101;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.InvoiceRequestInformation1;
import com.prowidesoftware.swift.model.mx.dic.RequestGroupInformation1;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.Decoding;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.stream.ProwideFiller;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tsin.001 financing requests written by Prowide's own model and writer, decoded by the decoder
 * of the whole message map and compared field by field, every invoice included, with what
 * Prowide parses from the same bytes; the shapes partners send; and each rule's reject.
 */
class Tsin001DecoderTest {
    private static final JAXBContext PROWIDE = ProwideOracle.contextWithAppHdr(MxTsin00100101._classes);
    private static final String TSIN_NS = MessageType.TSIN_001_001_01.namespace();

    private final Decoding decoding = new Decoding();
    private final MessageView view = decoding.view;
    private final DecodeVerdict verdict = decoding.verdict;

    @Test
    void readsEveryInvoiceAsProwideParsesIt() {
        String xml = ProwideOracle.xml(Tsin001Samples.request(3));
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxTsin00100101 prowide = MxTsin00100101.parse(xml, ProwideOracle.reading(PROWIDE));
        assertNotNull(prowide.getAppHdr(), "the cached context keeps the header");

        assertEquals(MessageType.TSIN_001_001_01, view.type());
        RequestGroupInformation1 group = prowide.getInvcFincgReq().getReqGrpInf();
        assertText(group.getGrpId(), view.text(Tsin001Schema.GROUP_ID));
        assertEquals(group.getCreDtTm(), OffsetDateTime.parse(view.text(Tsin001Schema.CREATION_DATE_TIME)));
        assertText(group.getNbOfInvcReqs(), view.text(Tsin001Schema.NUMBER_OF_REQUESTS));
        assertAmount(
                group.getTtlBlkInvcAmt(),
                view.amountMinor(Tsin001Schema.TOTAL_AMOUNT),
                view.currency(Tsin001Schema.TOTAL_AMOUNT));
        assertText(group.getCcy(), view.text(Tsin001Schema.CURRENCY));
        assertText(group.getFincgAgrmt(), view.text(Tsin001Schema.FINANCING_AGREEMENT));
        assertText(group.getFincgRqstr().getPtyId().getNm(), view.text(Tsin001Schema.REQUESTER_NAME));
        assertText(group.getFincgRqstr().getPtyId().getPrtryId().getId(), view.text(Tsin001Schema.REQUESTER_ID));
        assertText(
                group.getFincgRqstr().getPtyId().getPrtryId().getIdTp(), view.text(Tsin001Schema.REQUESTER_ID_SCHEME));
        assertText(group.getIntrmyAgt().getBIC(), view.text(Tsin001Schema.INTERMEDIARY_AGENT_BIC));
        assertText(group.getFrstAgt().getBIC(), view.text(Tsin001Schema.FIRST_AGENT_BIC));

        assertEquals(prowide.getInvcFincgReq().getInvcReqInf().size(), view.itemCount());
        for (int i = 0; i < view.itemCount(); i++) {
            InvoiceRequestInformation1 p =
                    prowide.getInvcFincgReq().getInvcReqInf().get(i);
            assertText(p.getInvcGnlInf().getDocTp().name(), view.itemText(i, Tsin001Schema.DOCUMENT_TYPE));
            assertText(p.getInvcGnlInf().getDocNb(), view.itemText(i, Tsin001Schema.DOCUMENT_NUMBER));
            assertEquals(p.getInvcGnlInf().getIsseDt(), LocalDate.parse(view.itemText(i, Tsin001Schema.ISSUE_DATE)));
            assertItemAmount(p.getInvcTtlsInf().getTtlTaxblAmt(), i, Tsin001Schema.TOTAL_TAXABLE_AMOUNT);
            assertItemAmount(p.getInvcTtlsInf().getTtlTaxAmt(), i, Tsin001Schema.TOTAL_TAX_AMOUNT);
            assertItemAmount(p.getInvcTtlsInf().getTtlInvcAmt(), i, Tsin001Schema.INVOICE_AMOUNT);
            assertEquals(p.getInvcTtlsInf().getPmtDueDt(), LocalDate.parse(view.itemText(i, Tsin001Schema.DUE_DATE)));
            assertItemAmount(p.getReqdAmt().getAmt(), i, Tsin001Schema.REQUESTED_AMOUNT);
            assertText(p.getSpplr().getPtyId().getNm(), view.itemText(i, Tsin001Schema.SUPPLIER_NAME));
            assertText(
                    p.getSpplr().getPtyId().getId().getOrgId().getPrtryId().getId(),
                    view.itemText(i, Tsin001Schema.SUPPLIER_ID));
            assertText(p.getBuyr().getPtyId().getNm(), view.itemText(i, Tsin001Schema.BUYER_NAME));
            assertText(
                    p.getBuyr().getPtyId().getId().getOrgId().getPrtryId().getId(),
                    view.itemText(i, Tsin001Schema.BUYER_ID));
            assertText(
                    p.getBuyr().getPtyId().getId().getOrgId().getPrtryId().getIssr(),
                    view.itemText(i, Tsin001Schema.BUYER_ID_SCHEME));
            assertText(p.getInvcPmtInf().getPmtMtd().name(), view.itemText(i, Tsin001Schema.PAYMENT_METHOD));
        }

        assertText(prowide.getAppHdr().reference(), view.businessMessageId());
        assertText(SUPPLIER_USCC, view.fromOrganisationId());
        assertText("USCC", view.fromOrganisationScheme());
        assertText("PRBKCNGZXXX", view.toBic());
    }

    @Test
    void decodesProwideRequestWithEveryOptionalElementProwideCanWrite() {
        String plain = ProwideOracle.xml(Tsin001Samples.request(3));
        String xml = ProwideOracle.xml(
                ProwideFiller.withEveryOptionalElement(Tsin001Samples.request(3), Tsin001Schema.SCHEMA));
        assertTrue(
                ProwideOracle.elementNames(xml, "Document").stream().distinct().count()
                        > ProwideOracle.elementNames(plain, "Document").stream()
                                        .distinct()
                                        .count()
                                + 20,
                () -> "the filler added few elements:\n" + xml);
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        assertEquals(3, view.itemCount());
    }

    @Test
    void keepsEveryItemOfALargeRequestInMinorUnits() {
        assertTrue(decoding.decode(ProwideOracle.xml(Tsin001Samples.request(28))), verdict::toString);
        assertEquals(28, view.itemCount());
        assertText("FSPP-INV-2026-0028", view.itemText(27, Tsin001Schema.DOCUMENT_NUMBER));
        assertEquals(28 * 113_000_00L, view.itemAmountMinor(27, Tsin001Schema.INVOICE_AMOUNT));
        assertEquals(Iso4217.pack("CNY"), view.itemCurrency(27, Tsin001Schema.INVOICE_AMOUNT));
        assertEquals(406 * 113_000_00L, view.amountMinor(Tsin001Schema.TOTAL_AMOUNT), "1 + 2 + ... + 28 = 406");
    }

    @Test
    void aSmallerRequestAfterALargerOneKeepsNoStaleItem() {
        assertTrue(decoding.decode(ProwideOracle.xml(Tsin001Samples.request(5))), verdict::toString);
        assertTrue(decoding.decode(ProwideOracle.xml(Tsin001Samples.request(2))), verdict::toString);
        assertEquals(2, view.itemCount());
        MessageView copy = new MessageView();
        copy.copyFrom(view);
        assertEquals(2, copy.itemCount());
        assertText("FSPP-INV-2026-0002", copy.itemText(1, Tsin001Schema.DOCUMENT_NUMBER));
        assertEquals(226_000_00L, copy.itemAmountMinor(1, Tsin001Schema.INVOICE_AMOUNT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prowide", "default-namespaces", "document-only", "own-envelope", "utf8-bom"})
    void acceptsTheShapesPartnersSend(String shape) {
        String xml = ProwideOracle.xml(Tsin001Samples.request(2));
        byte[] bytes = switch (shape) {
            case "default-namespaces" ->
                xml.replace("head:", "")
                        .replace("xmlns:head=", "xmlns=")
                        .replace("tsin:", "")
                        .replace("xmlns:tsin=", "xmlns=")
                        .getBytes(StandardCharsets.UTF_8);
            case "document-only" ->
                xml.substring(xml.indexOf("<tsin:Document"), xml.indexOf("</tsin:Document>") + 16)
                        .getBytes(StandardCharsets.UTF_8);
            case "own-envelope" ->
                xml.replace("<RequestPayload>", "<k:BizMsg xmlns:k=\"urn:example:kapok\">")
                        .replace("</RequestPayload>", "</k:BizMsg>")
                        .getBytes(StandardCharsets.UTF_8);
            case "utf8-bom" -> withBom(xml.getBytes(StandardCharsets.UTF_8));
            default -> xml.getBytes(StandardCharsets.UTF_8);
        };
        assertTrue(decoding.decode(bytes), verdict::toString);
        assertEquals(2, view.itemCount());
        assertText(BUYER_USCC, view.itemText(1, Tsin001Schema.BUYER_ID));
    }

    @Test
    void acceptsASupplierNamedByItsLei() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        mx.setAppHdr(Tsin001Samples.header(SUPPLIER_LEI, "LEI-element"));
        assertTrue(decoding.decode(ProwideOracle.xml(mx)), verdict::toString);
        assertText(SUPPLIER_LEI, view.fromLei());
        assertText(SUPPLIER_LEI, view.fromOrganisationId());
    }

    @Test
    void refusesALeiWithWrongCheckDigits() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        mx.setAppHdr(Tsin001Samples.header("KAPK00FOSHANPRECIS38", "LEI-element"));
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.INVALID_ORGANISATION_ID, "/AppHdr/Fr/OrgId/Id/OrgId/LEI");
    }

    @Test
    void refusesAnOrganisationIdOfAnotherScheme() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        mx.setAppHdr(Tsin001Samples.header(SUPPLIER_USCC, "TXID"));
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.INVALID_ORGANISATION_ID, "/AppHdr/Fr/OrgId/Id/OrgId/Othr/SchmeNm");
    }

    @Test
    void refusesARequesterIdThatIsNoUnifiedSocialCreditCode() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        mx.getInvcFincgReq()
                .getReqGrpInf()
                .getFincgRqstr()
                .getPtyId()
                .getPrtryId()
                .setId("9144060IMA9KAPK002");
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.INVALID_ORGANISATION_ID,
                "/Document/InvcFincgReq/ReqGrpInf/FincgRqstr/PtyId/PrtryId/Id");
    }

    @Test
    void refusesADueDateBeforeTheIssueDateNamingTheInvoice() {
        MxTsin00100101 mx = Tsin001Samples.request(3);
        mx.getInvcFincgReq().getInvcReqInf().get(2).getInvcTtlsInf().setPmtDueDt(LocalDate.of(2026, 10, 31));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.DUE_BEFORE_ISSUE,
                "/Document/InvcFincgReq/InvcReqInf[3]/InvcTtlsInf/PmtDueDt");
        assertEquals("DT02", verdict.rejectCode().isoCode());
    }

    @Test
    void refusesAPaymentTermOverOneYearButTakesExactlyOne() {
        MxTsin00100101 mx = Tsin001Samples.request(2);
        InvoiceRequestInformation1 second = mx.getInvcFincgReq().getInvcReqInf().get(1);
        second.getInvcTtlsInf().setPmtDueDt(LocalDate.of(2027, 11, 2)); // issued 2026-11-02
        assertTrue(decoding.decode(ProwideOracle.xml(mx)), verdict::toString);
        second.getInvcTtlsInf().setPmtDueDt(LocalDate.of(2027, 11, 3));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.PAYMENT_TERM_TOO_LONG,
                "/Document/InvcFincgReq/InvcReqInf[2]/InvcTtlsInf/PmtDueDt");
    }

    @Test
    void refusesTheSameDocumentNumberTwice() {
        MxTsin00100101 mx = Tsin001Samples.request(3);
        mx.getInvcFincgReq().getInvcReqInf().get(2).getInvcGnlInf().setDocNb("FSPP-INV-2026-0001");
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.DUPLICATE_DOCUMENT,
                "/Document/InvcFincgReq/InvcReqInf[3]/InvcGnlInf/DocNb");
        assertEquals("ID01", verdict.rejectCode().isoCode());
    }

    @Test
    void refusesACountThatDoesNotMatchTheInvoices() {
        MxTsin00100101 mx = Tsin001Samples.request(3);
        mx.getInvcFincgReq().getReqGrpInf().setNbOfInvcReqs("4");
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.ITEM_COUNT, "/Document/InvcFincgReq/ReqGrpInf/NbOfInvcReqs");
    }

    @Test
    void refusesATotalThatDoesNotMatchTheInvoices() {
        MxTsin00100101 mx = Tsin001Samples.request(3);
        mx.getInvcFincgReq().getReqGrpInf().setTtlBlkInvcAmt(Tsin001Samples.cny(new BigDecimal("678000.01")));
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.ITEM_CONTROL_SUM, "/Document/InvcFincgReq/ReqGrpInf/TtlBlkInvcAmt");
        assertTrue(verdict.detail().contains("678000.00"), verdict::detail);
    }

    @Test
    void refusesASecondCurrencyInOneRequest() {
        MxTsin00100101 mx = Tsin001Samples.request(2);
        ActiveCurrencyAndAmount tax =
                mx.getInvcFincgReq().getInvcReqInf().get(1).getInvcTtlsInf().getTtlTaxAmt();
        tax.setCcy("HKD");
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.MIXED_CURRENCY,
                "/Document/InvcFincgReq/InvcReqInf[2]/InvcTtlsInf/TtlTaxAmt/@Ccy");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasAndTakesAZeroAmount() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        InvoiceRequestInformation1 invoice =
                mx.getInvcFincgReq().getInvcReqInf().get(0);
        invoice.getInvcTtlsInf().setTtlTaxAmt(Tsin001Samples.cny(new BigDecimal("0")));
        assertTrue(decoding.decode(ProwideOracle.xml(mx)), verdict::toString);
        assertEquals(0L, view.itemAmountMinor(0, Tsin001Schema.TOTAL_TAX_AMOUNT));
        invoice.getInvcTtlsInf().setTtlTaxAmt(Tsin001Samples.cny(new BigDecimal("13000.005")));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.INVALID_AMOUNT,
                "/Document/InvcFincgReq/InvcReqInf[1]/InvcTtlsInf/TtlTaxAmt");
        assertEquals("AM12", verdict.rejectCode().isoCode());
    }

    @Test
    void refusesAnAmountOfNineteenDigits() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        mx.getInvcFincgReq().getInvcReqInf().get(0).setReqdAmt(null);
        mx.getInvcFincgReq()
                .getInvcReqInf()
                .get(0)
                .getInvcTtlsInf()
                .setTtlTaxblAmt(Tsin001Samples.cny(new BigDecimal("12345678901234567.89")));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.INVALID_AMOUNT,
                "/Document/InvcFincgReq/InvcReqInf[1]/InvcTtlsInf/TtlTaxblAmt");
    }

    @Test
    void refusesARequestWithoutInvoices() {
        String xml = ProwideOracle.xml(Tsin001Samples.request(1));
        String withoutItems = xml.substring(0, xml.indexOf("<tsin:InvcReqInf>"))
                + xml.substring(xml.indexOf("</tsin:InvcReqInf>") + "</tsin:InvcReqInf>".length());
        String noCount = withoutItems
                .replaceAll("<tsin:NbOfInvcReqs>1</tsin:NbOfInvcReqs>", "")
                .replaceAll("<tsin:TtlBlkInvcAmt Ccy=\"CNY\">[0-9.]+</tsin:TtlBlkInvcAmt>", "");
        decoding.assertRejected(noCount, RejectCode.MISSING_ELEMENT, "/Document/InvcFincgReq/InvcReqInf");
    }

    @Test
    void refusesOneInvoiceMoreThanTheLimit() {
        String xml = ProwideOracle.xml(Tsin001Samples.request(1));
        String item = xml.substring(xml.indexOf("<tsin:InvcReqInf>"), xml.indexOf("</tsin:InvcReqInf>") + 18);
        String many = xml.replace(item, item.repeat(Tsin001Schema.INVOICE_REQUESTS_MAX + 1));
        Iso20022Decoder defaults = MessageMap.newDecoder(XmlLimits.DEFAULTS);
        byte[] bytes = many.getBytes(StandardCharsets.UTF_8);
        assertFalse(defaults.decode(bytes, 0, bytes.length, view, verdict));
        assertEquals(RejectCode.ITEM_LIMIT, verdict.rejectCode(), verdict::toString);
        assertEquals("/Document/InvcFincgReq/InvcReqInf[1001]", verdict.elementPath());
    }

    @Test
    void refusesOneInvoiceMoreThanTheConfiguredItemLimit() {
        String xml = ProwideOracle.xml(Tsin001Samples.request(1));
        String item = xml.substring(xml.indexOf("<tsin:InvcReqInf>"), xml.indexOf("</tsin:InvcReqInf>") + 18);
        Iso20022Decoder fiveItems = MessageMap.newDecoder(new XmlLimits(32, 10_000, 16, 20_000, 5));
        byte[] five = xml.replace(item, item.repeat(5)).getBytes(StandardCharsets.UTF_8);
        fiveItems.decode(five, 0, five.length, view, verdict);
        assertTrue(verdict.rejectCode() != RejectCode.ITEM_LIMIT, verdict::toString);
        byte[] six = xml.replace(item, item.repeat(6)).getBytes(StandardCharsets.UTF_8);
        assertFalse(fiveItems.decode(six, 0, six.length, view, verdict));
        assertEquals(RejectCode.ITEM_LIMIT, verdict.rejectCode(), verdict::toString);
        assertEquals("/Document/InvcFincgReq/InvcReqInf[6]", verdict.elementPath());
        assertEquals("more than 5 invoice request items in one message; the limit is 5", verdict.detail());
    }

    @Test
    void refusesAListOverTheItemLimitDerivedFromAnElementBudgetAsAnItemLimit() {
        // 10,000 elements (the gateway's default budget) hold 250 items of 40 elements.
        assertEquals(250, new XmlLimits(32, 10_000, 16, 20_000).itemsMax());
        String xml = ProwideOracle.xml(Tsin001Samples.request(1));
        String item = xml.substring(xml.indexOf("<tsin:InvcReqInf>"), xml.indexOf("</tsin:InvcReqInf>") + 18);
        Iso20022Decoder budget = MessageMap.newDecoder(new XmlLimits(32, 10_000, 16, 20_000));
        byte[] bytes = xml.replace(item, item.repeat(251)).getBytes(StandardCharsets.UTF_8);
        assertFalse(budget.decode(bytes, 0, bytes.length, view, verdict));
        assertEquals(RejectCode.ITEM_LIMIT, verdict.rejectCode(), verdict::toString);
        assertEquals("/Document/InvcFincgReq/InvcReqInf[251]", verdict.elementPath());
    }

    @Test
    void refusesAnUnknownDocumentTypeInTheThirdInvoice() {
        String xml = ProwideOracle.xml(Tsin001Samples.request(3));
        int third = xml.indexOf("<tsin:DocTp>CINV", xml.indexOf("FSPP-INV-2026-0002"));
        String bad = xml.substring(0, third) + xml.substring(third).replaceFirst("CINV", "DEBN");
        decoding.assertRejected(
                bad, RejectCode.INVALID_FORMAT, "/Document/InvcFincgReq/InvcReqInf[3]/InvcGnlInf/DocTp");
    }

    @Test
    void refusesAMissingDebtorIdInTheSecondInvoice() {
        MxTsin00100101 mx = Tsin001Samples.request(2);
        mx.getInvcFincgReq().getInvcReqInf().get(1).getBuyr().getPtyId().setId(null);
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.MISSING_ELEMENT,
                "/Document/InvcFincgReq/InvcReqInf[2]/Buyr/PtyId/Id/OrgId/PrtryId/Id");
    }

    @Test
    void refusesAHeaderIdThatIsNotTheGroupId() {
        MxTsin00100101 mx = Tsin001Samples.request(1);
        ((com.prowidesoftware.swift.model.mx.BusinessAppHdrV02) mx.getAppHdr()).setBizMsgIdr("FSPP-OTHER");
        decoding.assertRejected(ProwideOracle.xml(mx), RejectCode.HEADER_MISMATCH, "/AppHdr/BizMsgIdr");
    }

    @Test
    void anUnknownNamespaceIsAnAdmi002RejectNamingIt() {
        String xml = ProwideOracle.xml(Tsin001Samples.request(1)).replace(TSIN_NS, "urn:example:invoices");
        decoding.assertRejected(xml, RejectCode.UNSUPPORTED_MESSAGE, "/Document");
        assertTrue(verdict.detail().contains("urn:example:invoices"), verdict::detail);
        assertEquals(RejectCode.Answer.MESSAGE_REJECT, verdict.rejectCode().answer());
    }

    @Test
    void aRefusedFinancingRequestIsAnsweredWithTsin002Rcer() {
        assertEquals(
                MessageType.TSIN_002_001_01,
                MessageType.TSIN_001_001_01.rejectAnswer().message());
        assertEquals("RCER", MessageType.TSIN_001_001_01.rejectAnswer().status());
    }

    private static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    private static void assertAmount(ActiveCurrencyAndAmount expected, long amountMinor, int currency) {
        assertEquals(expected.getCcy(), Iso4217.unpack(currency));
        int minorUnits = Iso4217.minorUnits(currency);
        assertEquals(expected.getValue().movePointRight(minorUnits).longValueExact(), amountMinor);
    }

    private void assertItemAmount(ActiveCurrencyAndAmount expected, int item, int field) {
        assertAmount(expected, view.itemAmountMinor(item, field), view.itemCurrency(item, field));
    }
}
