package io.kapok.codecs.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxCamt05600108;
import com.prowidesoftware.swift.model.mx.MxPacs00400109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CancellationReason33Choice;
import com.prowidesoftware.swift.model.mx.dic.CaseAssignment5;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentCancellationRequestV08;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader90;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupInformation29;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.Party44Choice;
import com.prowidesoftware.swift.model.mx.dic.PaymentCancellationReason5;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnReason6;
import com.prowidesoftware.swift.model.mx.dic.PaymentReturnV09;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction106;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction112;
import com.prowidesoftware.swift.model.mx.dic.ReturnReason5Choice;
import com.prowidesoftware.swift.model.mx.dic.SettlementInstruction7;
import com.prowidesoftware.swift.model.mx.dic.SettlementMethod1Code;
import com.prowidesoftware.swift.model.mx.dic.UnderlyingTransaction23;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.camt.Camt056Schema;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.pacs.Pacs004Schema;
import io.kapok.codecs.xml.XmlLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema-driven decoder against messages written by an independent library (Prowide's own
 * model and writer): a pacs.004 return and a camt.056 recall, read field by field, and the rejects
 * for what breaks their schemas.
 */
class Iso20022DecoderTest {
    private static final String UETR = "8a562c67-ca16-48ba-b074-65581be6f001";
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.ofHours(8));

    private final Iso20022Decoder decoder =
            new Iso20022Decoder(XmlLimits.DEFAULTS, Pacs004Schema.SCHEMA, Camt056Schema.SCHEMA);
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6()
                .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }

    private static BusinessAppHdrV02 header(String from, String to, String id, String definition) {
        BusinessAppHdrV02 header = new BusinessAppHdrV02();
        header.setFr(new Party44Choice().setFIId(agent(from)));
        header.setTo(new Party44Choice().setFIId(agent(to)));
        header.setBizMsgIdr(id);
        header.setMsgDefIdr(definition);
        header.setBizSvc("swift.cbprplus.02");
        header.setCreDt(CREATED);
        return header;
    }

    static MxPacs00400109 pacs004(String amount, String currency) {
        PaymentTransaction112 tx = new PaymentTransaction112()
                .setRtrId("VHBK-RTR-0001")
                .setOrgnlGrpInf(new OriginalGroupInformation29()
                        .setOrgnlMsgId("PRBK-20261123-0001")
                        .setOrgnlMsgNmId("pacs.008.001.08"))
                .setOrgnlEndToEndId("CAG-INV-2026-0815")
                .setOrgnlUETR(UETR)
                .setOrgnlIntrBkSttlmAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(new BigDecimal("2500000"))
                        .setCcy(currency))
                .setRtrdIntrBkSttlmAmt(new ActiveCurrencyAndAmount()
                        .setValue(new BigDecimal(amount))
                        .setCcy(currency))
                .setIntrBkSttlmDt(LocalDate.of(2026, 11, 24))
                .setChrgBr(ChargeBearerType1Code.SHAR)
                .setInstgAgt(agent("VHBKHKHHXXX"))
                .setInstdAgt(agent("PRBKCNGZXXX"))
                .addRtrRsnInf(new PaymentReturnReason6()
                        .setRsn(new ReturnReason5Choice().setCd("AC04"))
                        .addAddtlInf("account closed"))
                .addRtrRsnInf(new PaymentReturnReason6().setRsn(new ReturnReason5Choice().setCd("AM09")));
        GroupHeader90 group = new GroupHeader90()
                .setMsgId("VHBK-20261124-0007")
                .setCreDtTm(CREATED)
                .setNbOfTxs("1")
                .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.INDA));
        MxPacs00400109 mx = new MxPacs00400109();
        mx.setPmtRtr(new PaymentReturnV09().setGrpHdr(group).addTxInf(tx));
        mx.setAppHdr(header("VHBKHKHHXXX", "PRBKCNGZXXX", "VHBK-20261124-0007", "pacs.004.001.09"));
        return mx;
    }

    static MxCamt05600108 camt056() {
        PaymentTransaction106 tx = new PaymentTransaction106()
                .setCxlId("PRBK-CXL-0001")
                .setOrgnlGrpInf(new OriginalGroupInformation29()
                        .setOrgnlMsgId("PRBK-20261123-0001")
                        .setOrgnlMsgNmId("pacs.008.001.08"))
                .setOrgnlEndToEndId("CAG-INV-2026-0815")
                .setOrgnlUETR(UETR)
                .setOrgnlIntrBkSttlmAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(new BigDecimal("1250000.00"))
                        .setCcy("CNY"))
                .setOrgnlIntrBkSttlmDt(LocalDate.of(2026, 11, 23))
                .addCxlRsnInf(new PaymentCancellationReason5()
                        .setRsn(new CancellationReason33Choice().setCd("DUPL"))
                        .addAddtlInf("sent twice"));
        CaseAssignment5 assignment = new CaseAssignment5()
                .setId("PRBK-ASG-0001")
                .setAssgnr(new Party40Choice().setAgt(agent("PRBKCNGZXXX")))
                .setAssgne(new Party40Choice().setAgt(agent("VHBKHKHHXXX")))
                .setCreDtTm(CREATED);
        MxCamt05600108 mx = new MxCamt05600108();
        mx.setFIToFIPmtCxlReq(new FIToFIPaymentCancellationRequestV08()
                .setAssgnmt(assignment)
                .addUndrlyg(new UnderlyingTransaction23().addTxInf(tx)));
        mx.setAppHdr(header("PRBKCNGZXXX", "VHBKHKHHXXX", "PRBK-ASG-0001", "camt.056.001.08"));
        return mx;
    }

    private static String xml(AbstractMX mx) {
        MxWriteConfiguration conf = new MxWriteConfiguration();
        conf.escapeHandler = new MinimumEscapeHandler();
        return mx.message(conf);
    }

    private boolean decode(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, 0, bytes.length, view, verdict);
    }

    @Test
    void readsAProwideWrittenPaymentReturnFieldByField() {
        String xml = xml(pacs004("1250000.00", "CNY"));
        assertTrue(decode(xml), () -> verdict + "\n" + xml);
        assertEquals(MessageType.PACS_004_001_09, view.type());
        assertEquals("VHBK-20261124-0007", view.text(Pacs004Schema.MSG_ID).toString());
        assertEquals(
                "PRBK-20261123-0001", view.text(Pacs004Schema.ORIGINAL_MSG_ID).toString());
        assertEquals(UETR, view.text(Pacs004Schema.ORIGINAL_UETR).toString());
        assertEquals(125_000_000L, view.amountMinor(Pacs004Schema.RETURNED_AMOUNT));
        assertEquals(Iso4217.pack("CNY"), view.currency(Pacs004Schema.RETURNED_AMOUNT));
        assertEquals("AC04", view.text(Pacs004Schema.REASON_CODE).toString(), "the first reason is kept");
        assertEquals("account closed", view.text(Pacs004Schema.REASON_INFO).toString());
        assertEquals(
                "VHBKHKHHXXX", view.text(Pacs004Schema.INSTRUCTING_AGENT_BIC).toString());
        assertEquals("VHBKHKHHXXX", view.fromBic().toString());
        assertEquals(1, view.transactionCount());
    }

    @Test
    void readsAPartialReturnInJapaneseYenWithoutDecimals() {
        assertTrue(decode(xml(pacs004("300000", "JPY"))), verdict::toString);
        assertEquals(300_000L, view.amountMinor(Pacs004Schema.RETURNED_AMOUNT));
    }

    @Test
    void readsAProwideWrittenRecallFieldByField() {
        String xml = xml(camt056());
        assertTrue(decode(xml), () -> verdict + "\n" + xml);
        assertEquals(MessageType.CAMT_056_001_08, view.type());
        assertEquals("PRBK-ASG-0001", view.text(Camt056Schema.ASSIGNMENT_ID).toString());
        assertEquals("PRBKCNGZXXX", view.text(Camt056Schema.ASSIGNER_BIC).toString());
        assertEquals("VHBKHKHHXXX", view.text(Camt056Schema.ASSIGNEE_BIC).toString());
        assertEquals(UETR, view.text(Camt056Schema.ORIGINAL_UETR).toString());
        assertEquals(125_000_000L, view.amountMinor(Camt056Schema.ORIGINAL_AMOUNT));
        assertEquals("DUPL", view.text(Camt056Schema.REASON_CODE).toString());
    }

    @Test
    void theSameDecoderReadsBothMessagesOneAfterTheOther() {
        assertTrue(decode(xml(camt056())), verdict::toString);
        assertTrue(decode(xml(pacs004("1.00", "CNY"))), verdict::toString);
        assertEquals(MessageType.PACS_004_001_09, view.type());
        assertFalse(view.text(Pacs004Schema.RETURN_ID).toString().isEmpty());
    }

    @Test
    void aMessageOfTheMapNotAcceptedHereNamesWhatIs() {
        String pacs008 =
                "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf/></Document>";
        assertFalse(decode(pacs008));
        assertEquals(RejectCode.UNSUPPORTED_MESSAGE, verdict.rejectCode());
        assertTrue(
                verdict.detail().contains("pacs.004.001.09") && verdict.detail().contains("camt.056.001.08"),
                verdict.detail());
    }

    @Test
    void missingUetrIsNamedByItsPath() {
        assertFalse(decode(xml(camt056()).replaceAll("<([a-z0-9]+:)?OrgnlUETR>[^<]*</([a-z0-9]+:)?OrgnlUETR>", "")));
        assertEquals(RejectCode.MISSING_ELEMENT, verdict.rejectCode());
        assertEquals("/Document/FIToFIPmtCxlReq/Undrlyg/TxInf/OrgnlUETR", verdict.elementPath());
    }

    @Test
    void headerMustNameTheMessageInTheDocument() {
        assertFalse(decode(xml(pacs004("1.00", "CNY")).replace(">pacs.004.001.09<", ">pacs.008.001.08<")));
        assertEquals(RejectCode.HEADER_MISMATCH, verdict.rejectCode());
    }

    @Test
    void businessMessageIdMustBeTheAssignmentIdOfARecall() {
        assertFalse(decode(xml(camt056())
                .replace(">PRBK-ASG-0001<", ">PRBK-ASG-0002<")
                .replaceFirst(">PRBK-ASG-0002<", ">PRBK-ASG-0001<")));
        assertEquals(RejectCode.HEADER_MISMATCH, verdict.rejectCode(), verdict::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1250000.001", "0", "-5.00", "123456789012345"})
    void returnedAmountMustFitItsCurrencyAndBePositive(String amount) {
        String xml = xml(pacs004("1.00", "CNY")).replaceFirst(">1\\.00<", ">" + amount + "<");
        assertFalse(decode(xml), () -> "accepted " + amount);
        assertTrue(
                verdict.rejectCode() == RejectCode.INVALID_AMOUNT || verdict.rejectCode() == RejectCode.ZERO_AMOUNT,
                verdict::toString);
    }

    @Test
    void aSecondNonRepeatableElementIsRefused() {
        String xml = xml(pacs004("1.00", "CNY"));
        int at = xml.indexOf("ChrgBr>") - 1;
        while (xml.charAt(at) != '<') {
            at--;
        }
        int end = xml.indexOf('>', xml.indexOf("ChrgBr>", xml.indexOf("ChrgBr>") + 7)) + 1;
        String chargeBearer = xml.substring(at, end);
        assertFalse(decode(xml.replace(chargeBearer, chargeBearer + chargeBearer)));
        assertEquals(RejectCode.INVALID_FORMAT, verdict.rejectCode());
        assertTrue(verdict.detail().contains("more than once"), verdict::toString);
    }

    @Test
    void cnhIsRefusedNamingCny() {
        assertFalse(decode(xml(pacs004("1.00", "CNH"))));
        assertEquals(RejectCode.INVALID_CURRENCY, verdict.rejectCode());
        assertTrue(verdict.detail().contains("CNY"));
    }
}
