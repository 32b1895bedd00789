package io.kapok.codecs.tsin;

import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxTsin00100101;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.DocumentGeneralInformation1;
import com.prowidesoftware.swift.model.mx.dic.DocumentType4Code;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.FinancingRateOrAmountChoice;
import com.prowidesoftware.swift.model.mx.dic.GenericIdentification3;
import com.prowidesoftware.swift.model.mx.dic.GenericIdentification4;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingRequestV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceRequestInformation1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceTotals1;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification2;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification29;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.Party2Choice;
import com.prowidesoftware.swift.model.mx.dic.Party38Choice;
import com.prowidesoftware.swift.model.mx.dic.Party44Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyAndAccountIdentificationAndContactInformation1;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification25;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification8;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentificationAndAccount6;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentificationAndContactInformation1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInformation15;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod4Code;
import com.prowidesoftware.swift.model.mx.dic.RequestGroupInformation1;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * tsin.001 financing requests of the demo world built with Prowide's model: Foshan Precision
 * Parts (unified social credit code 91440604MA9KAPK002) asks Pearl River Bank to finance invoices
 * Canton Auto Group (91440101MA9KAPK001) owes it.
 */
final class Tsin001Samples {
    static final String SUPPLIER_USCC = "91440604MA9KAPK002";
    static final String BUYER_USCC = "91440101MA9KAPK001";
    /** A fictional LEI with valid ISO 17442 check digits. */
    static final String SUPPLIER_LEI = "KAPK00FOSHANPRECIS39";

    static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    static final String GROUP_ID = "FSPP-FIN-20261123-01";

    private Tsin001Samples() {}

    /** Invoice {@code n} (1-based): number FSPP-INV-2026-000n, CNY 100,000.00 × n taxable plus 13% tax. */
    static InvoiceRequestInformation1 invoice(int n) {
        BigDecimal taxable = new BigDecimal("100000.00").multiply(BigDecimal.valueOf(n));
        BigDecimal tax = new BigDecimal("13000.00").multiply(BigDecimal.valueOf(n));
        return new InvoiceRequestInformation1()
                .setInvcGnlInf(new DocumentGeneralInformation1()
                        .setDocTp(DocumentType4Code.CINV)
                        .setDocNb(String.format("FSPP-INV-2026-%04d", n))
                        .setIsseDt(LocalDate.of(2026, 11, n)))
                .setInvcTtlsInf(new InvoiceTotals1()
                        .setTtlTaxblAmt(cny(taxable))
                        .setTtlTaxAmt(cny(tax))
                        .setTtlInvcAmt(cny(taxable.add(tax)))
                        .setPmtDueDt(LocalDate.of(2027, 5, n)))
                .setReqdAmt(new FinancingRateOrAmountChoice().setAmt(cny(taxable.add(tax))))
                .setSpplr(new PartyAndAccountIdentificationAndContactInformation1()
                        .setPtyId(party("Foshan Precision Parts", SUPPLIER_USCC)))
                .setBuyr(new PartyIdentificationAndContactInformation1()
                        .setPtyId(party("Canton Auto Group", BUYER_USCC)))
                .setInvcPmtInf(new PaymentInformation15().setPmtMtd(PaymentMethod4Code.TRF));
    }

    static PartyIdentification8 party(String name, String uscc) {
        return new PartyIdentification8()
                .setNm(name)
                .setId(new Party2Choice()
                        .setOrgId(new OrganisationIdentification2()
                                .setPrtryId(
                                        new GenericIdentification3().setId(uscc).setIssr("USCC"))));
    }

    static ActiveCurrencyAndAmount cny(BigDecimal value) {
        return new ActiveCurrencyAndAmount().setValue(value).setCcy("CNY");
    }

    /** A request of {@code invoices} invoices with matching count and total, and its AppHdr. */
    static MxTsin00100101 request(int invoices) {
        InvoiceFinancingRequestV01 request = new InvoiceFinancingRequestV01();
        BigDecimal total = BigDecimal.ZERO;
        for (int n = 1; n <= invoices; n++) {
            InvoiceRequestInformation1 invoice = invoice(n);
            total = total.add(invoice.getInvcTtlsInf().getTtlInvcAmt().getValue());
            request.addInvcReqInf(invoice);
        }
        request.setReqGrpInf(new RequestGroupInformation1()
                .setGrpId(GROUP_ID)
                .setCreDtTm(CREATED)
                .setNbOfInvcReqs(Integer.toString(invoices))
                .setTtlBlkInvcAmt(cny(total))
                .setCcy("CNY")
                .setFincgAgrmt("PRBK-CAG-SCF-2026")
                .setFincgRqstr(new PartyIdentificationAndAccount6()
                        .setPtyId(new PartyIdentification25()
                                .setNm("Foshan Precision Parts")
                                .setPrtryId(new GenericIdentification4()
                                        .setId(SUPPLIER_USCC)
                                        .setIdTp("USCC"))))
                .setIntrmyAgt(new FinancialInstitutionIdentification6().setBIC("KAPKCNGZXXX"))
                .setFrstAgt(new FinancialInstitutionIdentification6().setBIC("PRBKCNGZXXX")));
        MxTsin00100101 mx = new MxTsin00100101();
        mx.setInvcFincgReq(request);
        mx.setAppHdr(header(SUPPLIER_USCC, "USCC"));
        return mx;
    }

    /** The supplier's header: {@code Fr} by organisation id of {@code scheme}, {@code To} Pearl River Bank. */
    static BusinessAppHdrV02 header(String organisationId, String scheme) {
        OrganisationIdentification29 org = new OrganisationIdentification29();
        if (scheme.equals("LEI-element")) {
            org.setLEI(organisationId);
        } else {
            org.addOthr(new GenericOrganisationIdentification1()
                    .setId(organisationId)
                    .setSchmeNm(new OrganisationIdentificationSchemeName1Choice().setPrtry(scheme)));
        }
        BusinessAppHdrV02 header = new BusinessAppHdrV02();
        header.setFr(new Party44Choice()
                .setOrgId(new PartyIdentification135()
                        .setNm("Foshan Precision Parts")
                        .setId(new Party38Choice().setOrgId(org))));
        header.setTo(new Party44Choice()
                .setFIId(new BranchAndFinancialInstitutionIdentification6()
                        .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI("PRBKCNGZXXX"))));
        header.setBizMsgIdr(GROUP_ID);
        header.setMsgDefIdr("tsin.001.001.01");
        header.setCreDt(CREATED);
        return header;
    }
}
