package io.kapok.codecs;

import static io.kapok.codecs.Decoding.assertText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxAdmi00200101;
import com.prowidesoftware.swift.model.mx.MxCamt02900109;
import com.prowidesoftware.swift.model.mx.MxPacs00200110;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.MxTsin00200101;
import com.prowidesoftware.swift.model.mx.MxTsin00300101;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CancellationIndividualStatus1Code;
import com.prowidesoftware.swift.model.mx.dic.CancellationRequestInformation1;
import com.prowidesoftware.swift.model.mx.dic.CancellationStatusReason3Choice;
import com.prowidesoftware.swift.model.mx.dic.CancellationStatusReason4;
import com.prowidesoftware.swift.model.mx.dic.CaseAssignment5;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.FinancingAllowedSummary1;
import com.prowidesoftware.swift.model.mx.dic.FinancingDateDetails1;
import com.prowidesoftware.swift.model.mx.dic.FinancingInformationAndStatus1;
import com.prowidesoftware.swift.model.mx.dic.FinancingRateOrAmountChoice;
import com.prowidesoftware.swift.model.mx.dic.FinancingResult1;
import com.prowidesoftware.swift.model.mx.dic.FinancingStatusReason1Code;
import com.prowidesoftware.swift.model.mx.dic.GenericIdentification4;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader91;
import com.prowidesoftware.swift.model.mx.dic.InvestigationStatus5Choice;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingCancellationRequestV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingDetails1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingRequestStatusV01;
import com.prowidesoftware.swift.model.mx.dic.MessageIdentification1;
import com.prowidesoftware.swift.model.mx.dic.MessageReference;
import com.prowidesoftware.swift.model.mx.dic.MessageRejectV01;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification29;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupInformation29;
import com.prowidesoftware.swift.model.mx.dic.OriginalInvoiceInformation1;
import com.prowidesoftware.swift.model.mx.dic.OriginalRequestInformation1;
import com.prowidesoftware.swift.model.mx.dic.Party38Choice;
import com.prowidesoftware.swift.model.mx.dic.Party40Choice;
import com.prowidesoftware.swift.model.mx.dic.Party44Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification25;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentificationAndAccount6;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction102;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction110;
import com.prowidesoftware.swift.model.mx.dic.RejectionReason2;
import com.prowidesoftware.swift.model.mx.dic.RequestStatus1Code;
import com.prowidesoftware.swift.model.mx.dic.ResolutionOfInvestigationV09;
import com.prowidesoftware.swift.model.mx.dic.StatusReason4Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import com.prowidesoftware.swift.model.mx.dic.TechnicalValidationStatus1Code;
import com.prowidesoftware.swift.model.mx.dic.UnderlyingTransaction22;
import io.kapok.codecs.admi.Admi002Schema;
import io.kapok.codecs.camt.Camt029Schema;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.pacs.Pacs002Schema;
import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.Tsin002Schema;
import io.kapok.codecs.tsin.Tsin003Schema;
import jakarta.xml.bind.JAXBContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decoder of the whole message map against messages Prowide's own model writes: pacs.002,
 * camt.029, admi.002, tsin.002 and tsin.003, each compared field by field with what Prowide parses
 * from the same bytes (one cached JAXBContext per message, AppHdr classes included); each message in
 * the shapes partners send; one invalid case per message with its reason code; the dispatch by
 * Document namespace; and the negative answer of every family.
 */
class MessageMapTest {
    private static final String UETR = "8a562c67-ca16-48ba-b074-65581be6f001";
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final String SUPPLIER_USCC = "91440604MA9KAPK002";

    private final Decoding decoding = new Decoding();
    private final MessageView view = decoding.view;
    private final DecodeVerdict verdict = decoding.verdict;

    /** The messages of this test, each built by Prowide, with its cached context. */
    enum Sample {
        PACS_002(MessageMapTest::pacs002, MxPacs00200110::parse, MxPacs00200110._classes),
        CAMT_029(MessageMapTest::camt029, MxCamt02900109::parse, MxCamt02900109._classes),
        ADMI_002(MessageMapTest::admi002, MxAdmi00200101::parse, MxAdmi00200101._classes),
        TSIN_002(MessageMapTest::tsin002, MxTsin00200101::parse, MxTsin00200101._classes),
        TSIN_003(MessageMapTest::tsin003, MxTsin00300101::parse, MxTsin00300101._classes);

        final Supplier<AbstractMX> build;
        final BiFunction<String, MxReadConfiguration, AbstractMX> parse;
        final JAXBContext context;

        Sample(
                Supplier<AbstractMX> build,
                BiFunction<String, MxReadConfiguration, AbstractMX> parse,
                Class<?>[] classes) {
            this.build = build;
            this.parse = parse;
            this.context = ProwideOracle.contextWithAppHdr(classes);
        }
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6()
                .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }

    private static BusinessAppHdrV02 header(Party44Choice from, String to, String id, String definition) {
        BusinessAppHdrV02 header = new BusinessAppHdrV02();
        header.setFr(from);
        header.setTo(new Party44Choice().setFIId(agent(to)));
        header.setBizMsgIdr(id);
        header.setMsgDefIdr(definition);
        header.setCreDt(CREATED);
        return header;
    }

    private static Party44Choice bank(String bic) {
        return new Party44Choice().setFIId(agent(bic));
    }

    static MxPacs00200110 pacs002() {
        PaymentTransaction110 tx = new PaymentTransaction110()
                .setStsId("VHBK-STS-0001")
                .setOrgnlGrpInf(new OriginalGroupInformation29()
                        .setOrgnlMsgId("PRBK-20261123-0001")
                        .setOrgnlMsgNmId("pacs.008.001.08"))
                .setOrgnlInstrId("PRBK-INSTR-0001")
                .setOrgnlEndToEndId("CAG-INV-2026-0815")
                .setOrgnlUETR(UETR)
                .setTxSts("RJCT")
                .addStsRsnInf(new StatusReasonInformation12()
                        .setRsn(new StatusReason6Choice().setCd("AC01"))
                        .addAddtlInf("creditor account unknown"))
                .setInstgAgt(agent("VHBKHKHHXXX"))
                .setInstdAgt(agent("PRBKCNGZXXX"));
        MxPacs00200110 mx = new MxPacs00200110();
        mx.setFIToFIPmtStsRpt(new FIToFIPaymentStatusReportV10()
                .setGrpHdr(new GroupHeader91().setMsgId("VHBK-20261123-0042").setCreDtTm(CREATED))
                .addTxInfAndSts(tx));
        mx.setAppHdr(header(bank("VHBKHKHHXXX"), "PRBKCNGZXXX", "VHBK-20261123-0042", "pacs.002.001.10"));
        return mx;
    }

    static MxCamt02900109 camt029() {
        PaymentTransaction102 tx = new PaymentTransaction102()
                .setCxlStsId("VHBK-CXL-0001")
                .setOrgnlGrpInf(new OriginalGroupInformation29()
                        .setOrgnlMsgId("PRBK-20261123-0001")
                        .setOrgnlMsgNmId("pacs.008.001.08"))
                .setOrgnlEndToEndId("CAG-INV-2026-0815")
                .setOrgnlUETR(UETR)
                .setTxCxlSts(CancellationIndividualStatus1Code.RJCR)
                .addCxlStsRsnInf(new CancellationStatusReason4()
                        .setRsn(new CancellationStatusReason3Choice().setCd("ARDT"))
                        .addAddtlInf("already returned"))
                .setOrgnlIntrBkSttlmAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(new BigDecimal("1250000.00"))
                        .setCcy("CNY"))
                .setOrgnlIntrBkSttlmDt(LocalDate.of(2026, 11, 23));
        MxCamt02900109 mx = new MxCamt02900109();
        mx.setRsltnOfInvstgtn(new ResolutionOfInvestigationV09()
                .setAssgnmt(new CaseAssignment5()
                        .setId("VHBK-ASG-0001")
                        .setAssgnr(new Party40Choice().setAgt(agent("VHBKHKHHXXX")))
                        .setAssgne(new Party40Choice().setAgt(agent("PRBKCNGZXXX")))
                        .setCreDtTm(CREATED))
                .setSts(new InvestigationStatus5Choice().setConf("RJCR"))
                .addCxlDtls(new UnderlyingTransaction22().addTxInfAndSts(tx)));
        mx.setAppHdr(header(bank("VHBKHKHHXXX"), "PRBKCNGZXXX", "VHBK-ASG-0001", "camt.029.001.09"));
        return mx;
    }

    static MxAdmi00200101 admi002() {
        MxAdmi00200101 mx = new MxAdmi00200101();
        mx.setAdmi00200101(new MessageRejectV01()
                .setRltdRef(new MessageReference().setRef("KPK20"))
                .setRsn(new RejectionReason2()
                        .setRjctgPtyRsn("FF01")
                        .setRjctnDtTm(CREATED)
                        .setErrLctn("/Document/FIToFIPmtStsRpt/GrpHdr/MsgId")
                        .setRsnDesc("the status report cannot be matched")));
        mx.setAppHdr(header(bank("VHBKHKHHXXX"), "KAPKCNGZXXX", "VHBK-REJ-0001", "admi.002.001.01"));
        return mx;
    }

    private static PartyIdentificationAndAccount6 supplier() {
        return new PartyIdentificationAndAccount6()
                .setPtyId(new PartyIdentification25()
                        .setNm("Foshan Precision Parts")
                        .setPrtryId(new GenericIdentification4()
                                .setId(SUPPLIER_USCC)
                                .setIdTp("USCC")));
    }

    private static ActiveCurrencyAndAmount cny(String value) {
        return new ActiveCurrencyAndAmount().setValue(new BigDecimal(value)).setCcy("CNY");
    }

    static MxTsin00200101 tsin002() {
        FinancingInformationAndStatus1 financing = new FinancingInformationAndStatus1()
                .setFincgAllwdSummry(new FinancingAllowedSummary1()
                        .setFincdItmNb(new BigDecimal("2"))
                        .setTtlAccptdItmsAmt(cny("339000.00"))
                        .setTtlFincdAmt(cny("305100.00"))
                        .setFincgDtDtls(new FinancingDateDetails1().setCdtDt(LocalDate.of(2026, 11, 24))));
        for (int n = 1; n <= 2; n++) {
            financing.addInvcFincgDtls(new InvoiceFinancingDetails1()
                    .setOrgnlInvcInf(new OriginalInvoiceInformation1()
                            .setDocNb("FSPP-INV-2026-000" + n)
                            .setTtlInvcAmt(cny(n == 1 ? "113000.00" : "226000.00"))
                            .setIsseDt(LocalDate.of(2026, 11, n))
                            .setPmtDueDt(LocalDate.of(2027, 5, n)))
                    .setInvcFincgRslt(new FinancingResult1()
                            .setFincgReqSts(RequestStatus1Code.FNCD)
                            .setFincdAmt(new FinancingRateOrAmountChoice()
                                    .setAmt(cny(n == 1 ? "101700.00" : "203400.00")))));
        }
        MxTsin00200101 mx = new MxTsin00200101();
        mx.setInvcFincgReqSts(new InvoiceFinancingRequestStatusV01()
                .setStsId(new MessageIdentification1().setId("PRBK-FSTS-0001").setCreDtTm(CREATED))
                .setOrgnlReqInfAndSts(new OriginalRequestInformation1()
                        .setId("FSPP-FIN-20261123-01")
                        .setCreDtTm(CREATED)
                        .setFincgRqstr(supplier())
                        .setFrstAgt(new FinancialInstitutionIdentification6().setBIC("PRBKCNGZXXX"))
                        .setVldtnStsInf(new com.prowidesoftware.swift.model.mx.dic.ValidationStatusInformation1()
                                .setSts(TechnicalValidationStatus1Code.RCCF)))
                .setFincgInfAndSts(financing));
        mx.setAppHdr(header(bank("PRBKCNGZXXX"), "KAPKCNGZXXX", "PRBK-FSTS-0001", "tsin.002.001.01"));
        return mx;
    }

    static MxTsin00300101 tsin003() {
        MxTsin00300101 mx = new MxTsin00300101();
        mx.setInvcFincgCxlReq(new InvoiceFinancingCancellationRequestV01()
                .setCxlReqId(new MessageIdentification1().setId("FSPP-CXL-0001").setCreDtTm(CREATED))
                .setCxlReqInf(new CancellationRequestInformation1()
                        .setOrgnlGrpId("FSPP-FIN-20261123-01")
                        .setOrgnlCreDtTm(CREATED)
                        .setNbOfInvcReqs("3")
                        .setTtlBlkInvcAmt(cny("678000.00"))
                        .setCxlRsn("financed elsewhere")
                        .setFincgRqstr(supplier())
                        .setFrstAgt(new FinancialInstitutionIdentification6().setBIC("PRBKCNGZXXX"))));
        Party44Choice from = new Party44Choice()
                .setOrgId(new PartyIdentification135()
                        .setId(new Party38Choice()
                                .setOrgId(new OrganisationIdentification29()
                                        .addOthr(new GenericOrganisationIdentification1()
                                                .setId(SUPPLIER_USCC)
                                                .setSchmeNm(new OrganisationIdentificationSchemeName1Choice()
                                                        .setPrtry("USCC"))))));
        mx.setAppHdr(header(from, "PRBKCNGZXXX", "FSPP-CXL-0001", "tsin.003.001.01"));
        return mx;
    }

    private AbstractMX prowideParse(Sample sample, String xml) {
        AbstractMX parsed = sample.parse.apply(xml, ProwideOracle.reading(sample.context));
        assertNotNull(parsed);
        assertNotNull(parsed.getAppHdr(), "the cached context keeps the header");
        return parsed;
    }

    @Test
    void readsAPaymentStatusAsProwideParsesIt() {
        String xml = ProwideOracle.xml(pacs002());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxPacs00200110 p = (MxPacs00200110) prowideParse(Sample.PACS_002, xml);
        PaymentTransaction110 tx = p.getFIToFIPmtStsRpt().getTxInfAndSts().get(0);
        assertEquals(MessageType.PACS_002_001_10, view.type());
        assertText(p.getFIToFIPmtStsRpt().getGrpHdr().getMsgId(), view.text(Pacs002Schema.MSG_ID));
        assertText(tx.getStsId(), view.text(Pacs002Schema.STATUS_ID));
        assertText(tx.getOrgnlGrpInf().getOrgnlMsgId(), view.text(Pacs002Schema.ORIGINAL_MSG_ID));
        assertText(tx.getOrgnlGrpInf().getOrgnlMsgNmId(), view.text(Pacs002Schema.ORIGINAL_MSG_NAME_ID));
        assertText(tx.getOrgnlInstrId(), view.text(Pacs002Schema.ORIGINAL_INSTRUCTION_ID));
        assertText(tx.getOrgnlEndToEndId(), view.text(Pacs002Schema.ORIGINAL_END_TO_END_ID));
        assertText(tx.getOrgnlUETR(), view.text(Pacs002Schema.ORIGINAL_UETR));
        assertText(tx.getTxSts(), view.text(Pacs002Schema.TX_STATUS));
        assertText(tx.getStsRsnInf().get(0).getRsn().getCd(), view.text(Pacs002Schema.REASON_CODE));
        assertText(tx.getStsRsnInf().get(0).getAddtlInf().get(0), view.text(Pacs002Schema.REASON_INFO));
        assertText(tx.getInstgAgt().getFinInstnId().getBICFI(), view.text(Pacs002Schema.INSTRUCTING_AGENT_BIC));
        assertText(tx.getInstdAgt().getFinInstnId().getBICFI(), view.text(Pacs002Schema.INSTRUCTED_AGENT_BIC));
        assertText(p.getAppHdr().reference(), view.businessMessageId());
    }

    @Test
    void readsARecallResolutionAsProwideParsesIt() {
        String xml = ProwideOracle.xml(camt029());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxCamt02900109 p = (MxCamt02900109) prowideParse(Sample.CAMT_029, xml);
        ResolutionOfInvestigationV09 r = p.getRsltnOfInvstgtn();
        PaymentTransaction102 tx = r.getCxlDtls().get(0).getTxInfAndSts().get(0);
        assertEquals(MessageType.CAMT_029_001_09, view.type());
        assertText(r.getAssgnmt().getId(), view.text(Camt029Schema.ASSIGNMENT_ID));
        assertText(
                r.getAssgnmt().getAssgnr().getAgt().getFinInstnId().getBICFI(), view.text(Camt029Schema.ASSIGNER_BIC));
        assertText(
                r.getAssgnmt().getAssgne().getAgt().getFinInstnId().getBICFI(), view.text(Camt029Schema.ASSIGNEE_BIC));
        assertText(r.getSts().getConf(), view.text(Camt029Schema.CONFIRMATION));
        assertText(tx.getCxlStsId(), view.text(Camt029Schema.CANCELLATION_STATUS_ID));
        assertText(tx.getOrgnlGrpInf().getOrgnlMsgId(), view.text(Camt029Schema.ORIGINAL_MSG_ID));
        assertText(tx.getOrgnlEndToEndId(), view.text(Camt029Schema.ORIGINAL_END_TO_END_ID));
        assertText(tx.getOrgnlUETR(), view.text(Camt029Schema.ORIGINAL_UETR));
        assertText(tx.getTxCxlSts().name(), view.text(Camt029Schema.TX_CANCELLATION_STATUS));
        assertText(tx.getCxlStsRsnInf().get(0).getRsn().getCd(), view.text(Camt029Schema.REASON_CODE));
        assertText(tx.getCxlStsRsnInf().get(0).getAddtlInf().get(0), view.text(Camt029Schema.REASON_INFO));
        assertEquals(
                tx.getOrgnlIntrBkSttlmAmt().getValue().movePointRight(2).longValueExact(),
                view.amountMinor(Camt029Schema.ORIGINAL_AMOUNT));
        assertEquals(tx.getOrgnlIntrBkSttlmDt(), LocalDate.parse(view.text(Camt029Schema.ORIGINAL_SETTLEMENT_DATE)));
    }

    @Test
    void readsAMessageRejectAsProwideParsesIt() {
        String xml = ProwideOracle.xml(admi002());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxAdmi00200101 p = (MxAdmi00200101) prowideParse(Sample.ADMI_002, xml);
        RejectionReason2 reason = p.getAdmi00200101().getRsn();
        assertEquals(MessageType.ADMI_002_001_01, view.type());
        assertText(p.getAdmi00200101().getRltdRef().getRef(), view.text(Admi002Schema.RELATED_REFERENCE));
        assertText(reason.getRjctgPtyRsn(), view.text(Admi002Schema.REJECTING_PARTY_REASON));
        assertEquals(reason.getRjctnDtTm(), OffsetDateTime.parse(view.text(Admi002Schema.REJECTION_DATE_TIME)));
        assertText(reason.getErrLctn(), view.text(Admi002Schema.ERROR_LOCATION));
        assertText(reason.getRsnDesc(), view.text(Admi002Schema.REASON_DESCRIPTION));
    }

    @Test
    void readsAFinancingStatusWithEveryInvoiceAsProwideParsesIt() {
        String xml = ProwideOracle.xml(tsin002());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxTsin00200101 p = (MxTsin00200101) prowideParse(Sample.TSIN_002, xml);
        InvoiceFinancingRequestStatusV01 s = p.getInvcFincgReqSts();
        assertEquals(MessageType.TSIN_002_001_01, view.type());
        assertText(s.getStsId().getId(), view.text(Tsin002Schema.STATUS_ID));
        assertText(s.getOrgnlReqInfAndSts().getId(), view.text(Tsin002Schema.ORIGINAL_REQUEST_ID));
        assertText(
                s.getOrgnlReqInfAndSts().getFincgRqstr().getPtyId().getPrtryId().getId(),
                view.text(Tsin002Schema.REQUESTER_ID));
        assertText(s.getOrgnlReqInfAndSts().getFrstAgt().getBIC(), view.text(Tsin002Schema.FIRST_AGENT_BIC));
        assertText(
                s.getOrgnlReqInfAndSts().getVldtnStsInf().getSts().name(), view.text(Tsin002Schema.VALIDATION_STATUS));
        FinancingAllowedSummary1 summary = s.getFincgInfAndSts().getFincgAllwdSummry();
        assertEquals(
                0,
                summary.getFincdItmNb()
                        .compareTo(new BigDecimal(
                                view.text(Tsin002Schema.FINANCED_ITEMS).toString())));
        assertAmount(
                summary.getTtlFincdAmt(),
                view.amountMinor(Tsin002Schema.TOTAL_FINANCED_AMOUNT),
                view.currency(Tsin002Schema.TOTAL_FINANCED_AMOUNT));
        assertEquals(summary.getFincgDtDtls().getCdtDt(), LocalDate.parse(view.text(Tsin002Schema.CREDIT_DATE)));
        assertEquals(s.getFincgInfAndSts().getInvcFincgDtls().size(), view.itemCount());
        for (int i = 0; i < view.itemCount(); i++) {
            InvoiceFinancingDetails1 d =
                    s.getFincgInfAndSts().getInvcFincgDtls().get(i);
            assertText(d.getOrgnlInvcInf().getDocNb(), view.itemText(i, Tsin002Schema.DOCUMENT_NUMBER));
            assertAmount(
                    d.getOrgnlInvcInf().getTtlInvcAmt(),
                    view.itemAmountMinor(i, Tsin002Schema.INVOICE_AMOUNT),
                    view.itemCurrency(i, Tsin002Schema.INVOICE_AMOUNT));
            assertEquals(d.getOrgnlInvcInf().getPmtDueDt(), LocalDate.parse(view.itemText(i, Tsin002Schema.DUE_DATE)));
            assertText(d.getInvcFincgRslt().getFincgReqSts().name(), view.itemText(i, Tsin002Schema.FINANCING_STATUS));
            assertAmount(
                    d.getInvcFincgRslt().getFincdAmt().getAmt(),
                    view.itemAmountMinor(i, Tsin002Schema.FINANCED_AMOUNT),
                    view.itemCurrency(i, Tsin002Schema.FINANCED_AMOUNT));
        }
    }

    @Test
    void readsAFinancingCancellationAsProwideParsesIt() {
        String xml = ProwideOracle.xml(tsin003());
        assertTrue(decoding.decode(xml), () -> verdict + "\n" + xml);
        MxTsin00300101 p = (MxTsin00300101) prowideParse(Sample.TSIN_003, xml);
        CancellationRequestInformation1 info = p.getInvcFincgCxlReq().getCxlReqInf();
        assertEquals(MessageType.TSIN_003_001_01, view.type());
        assertText(p.getInvcFincgCxlReq().getCxlReqId().getId(), view.text(Tsin003Schema.CANCELLATION_ID));
        assertText(info.getOrgnlGrpId(), view.text(Tsin003Schema.ORIGINAL_GROUP_ID));
        assertEquals(
                info.getOrgnlCreDtTm(), OffsetDateTime.parse(view.text(Tsin003Schema.ORIGINAL_CREATION_DATE_TIME)));
        assertText(info.getNbOfInvcReqs(), view.text(Tsin003Schema.NUMBER_OF_REQUESTS));
        assertAmount(
                info.getTtlBlkInvcAmt(),
                view.amountMinor(Tsin003Schema.TOTAL_AMOUNT),
                view.currency(Tsin003Schema.TOTAL_AMOUNT));
        assertText(info.getCxlRsn(), view.text(Tsin003Schema.REASON));
        assertText(info.getFincgRqstr().getPtyId().getPrtryId().getId(), view.text(Tsin003Schema.REQUESTER_ID));
        assertText(info.getFrstAgt().getBIC(), view.text(Tsin003Schema.FIRST_AGENT_BIC));
        assertText(SUPPLIER_USCC, view.fromOrganisationId());
    }

    @ParameterizedTest
    @EnumSource(Sample.class)
    void readsEachMessageWithDefaultNamespacesAndAsADocumentAlone(Sample sample) {
        String xml = ProwideOracle.xml(sample.build.get());
        String defaults = xml.replaceAll("<(/?)[a-z]+:", "<$1").replaceAll("xmlns:[a-z]+=", "xmlns=");
        assertTrue(decoding.decode(defaults), () -> verdict + "\n" + defaults);
        String document = defaults.substring(defaults.indexOf("<Document"), defaults.indexOf("</Document>") + 11);
        assertTrue(decoding.decode(document), () -> verdict + "\n" + document);
        assertFalse(view.hasAppHdr());
    }

    @Test
    void refusesARejectedPaymentStatusWithoutAReason() {
        MxPacs00200110 mx = pacs002();
        mx.getFIToFIPmtStsRpt().getTxInfAndSts().get(0).getStsRsnInf().clear();
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.MISSING_ELEMENT,
                "/Document/FIToFIPmtStsRpt/TxInfAndSts/StsRsnInf/Rsn/Cd");
    }

    @Test
    void refusesAnUnknownRecallResolution() {
        MxCamt02900109 mx = camt029();
        mx.getRsltnOfInvstgtn().getSts().setConf("MODI");
        decoding.assertRejected(ProwideOracle.xml(mx), RejectCode.INVALID_FORMAT, "/Document/RsltnOfInvstgtn/Sts/Conf");
    }

    @Test
    void refusesAMessageRejectWithoutItsReason() {
        MxAdmi00200101 mx = admi002();
        mx.getAdmi00200101().getRsn().setRjctgPtyRsn(null);
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.MISSING_ELEMENT, "/Document/admi.002.001.01/Rsn/RjctgPtyRsn");
    }

    @Test
    void refusesARefusedFinancingWithoutItsReasonAndNamesTheInvoiceOfABadResult() {
        MxTsin00200101 mx = tsin002();
        mx.getInvcFincgReqSts().getOrgnlReqInfAndSts().getVldtnStsInf().setSts(TechnicalValidationStatus1Code.RCER);
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.MISSING_ELEMENT,
                "/Document/InvcFincgReqSts/OrgnlReqInfAndSts/VldtnStsInf/StsRsn/Cd");
        mx.getInvcFincgReqSts()
                .getOrgnlReqInfAndSts()
                .getVldtnStsInf()
                .setStsRsn(new StatusReason4Choice().setCd(FinancingStatusReason1Code.DT_02));
        assertTrue(decoding.decode(ProwideOracle.xml(mx)), verdict::toString);
        assertText("DT02", view.text(Tsin002Schema.VALIDATION_REASON));
        mx.getInvcFincgReqSts()
                .getFincgInfAndSts()
                .getInvcFincgDtls()
                .get(1)
                .getInvcFincgRslt()
                .getFincdAmt()
                .setAmt(cny("-1.00"));
        decoding.assertRejected(
                ProwideOracle.xml(mx),
                RejectCode.INVALID_AMOUNT,
                "/Document/InvcFincgReqSts/FincgInfAndSts/InvcFincgDtls[2]/InvcFincgRslt/FincdAmt/Amt");
    }

    @Test
    void refusesACancellationWithoutItsReason() {
        MxTsin00300101 mx = tsin003();
        mx.getInvcFincgCxlReq().getCxlReqInf().setCxlRsn(null);
        decoding.assertRejected(
                ProwideOracle.xml(mx), RejectCode.MISSING_ELEMENT, "/Document/InvcFincgCxlReq/CxlReqInf/CxlRsn");
    }

    @Test
    void oneDecoderReadsEveryMessageOfTheMapOneAfterAnother() {
        for (Sample sample : Sample.values()) {
            AbstractMX mx = sample.build.get();
            assertTrue(decoding.decode(ProwideOracle.xml(mx)), () -> sample + ": " + verdict);
            assertEquals(mx.getNamespace(), view.type().namespace());
        }
    }

    @Test
    void everyMessageWithASchemaIsInTheMapOnce() {
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        for (MessageSchema schema : MessageMap.SCHEMAS) {
            assertTrue(types.add(schema.type()), () -> schema.type() + " twice");
            assertEquals(schema, MessageMap.schemaOf(schema.type()));
        }
        assertNull(MessageMap.schemaOf(MessageType.HEAD_001_001_02));
    }

    @Test
    void aNamespaceOutsideTheMapIsAnAdmi002RejectNamingIt() {
        String xml = ProwideOracle.xml(pacs002())
                .replace(MessageType.PACS_002_001_10.namespace(), "urn:iso:std:iso:20022:tech:xsd:pacs.002.001.14");
        decoding.assertRejected(xml, RejectCode.UNSUPPORTED_MESSAGE, "/Document");
        assertTrue(verdict.detail().contains("pacs.002.001.14"), verdict::detail);
        assertEquals(RejectAnswer.MESSAGE_REJECT, MessageType.ADMI_002_001_01.rejectAnswer());
    }

    @Test
    void eachFamilyHasItsNegativeAnswer() {
        assertEquals(new RejectAnswer(MessageType.PACS_002_001_10, "RJCT"), MessageType.PACS_008_001_08.rejectAnswer());
        assertEquals(new RejectAnswer(MessageType.PACS_002_001_10, "RJCT"), MessageType.PACS_004_001_09.rejectAnswer());
        assertEquals(new RejectAnswer(MessageType.CAMT_029_001_09, "RJCR"), MessageType.CAMT_056_001_08.rejectAnswer());
        assertEquals(new RejectAnswer(MessageType.TSIN_002_001_01, "RCER"), MessageType.TSIN_001_001_01.rejectAnswer());
        assertEquals(new RejectAnswer(MessageType.TSIN_002_001_01, "REJT"), MessageType.TSIN_003_001_01.rejectAnswer());
        assertEquals(new RejectAnswer(MessageType.TSIN_007_001_01, "RCER"), MessageType.TSIN_006_001_01.rejectAnswer());
        assertEquals(new RejectAnswer(MessageType.TSIN_010_001_01, "RCER"), MessageType.TSIN_009_001_01.rejectAnswer());
        assertEquals(RejectAnswer.MESSAGE_REJECT, MessageType.TSIN_013_001_01.rejectAnswer());
        assertEquals(RejectAnswer.MESSAGE_REJECT, MessageType.PACS_002_001_10.rejectAnswer());
    }

    private static void assertAmount(ActiveCurrencyAndAmount expected, long amountMinor, int currency) {
        assertEquals(expected.getCcy(), Iso4217.unpack(currency));
        assertEquals(
                expected.getValue().movePointRight(Iso4217.minorUnits(currency)).longValueExact(), amountMinor);
    }
}
