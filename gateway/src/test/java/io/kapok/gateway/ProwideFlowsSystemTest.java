package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxTsin00100101;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.DocumentGeneralInformation1;
import com.prowidesoftware.swift.model.mx.dic.DocumentType4Code;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.FinancingRateOrAmountChoice;
import com.prowidesoftware.swift.model.mx.dic.GenericIdentification3;
import com.prowidesoftware.swift.model.mx.dic.GenericIdentification4;
import com.prowidesoftware.swift.model.mx.dic.InvoiceFinancingRequestV01;
import com.prowidesoftware.swift.model.mx.dic.InvoiceRequestInformation1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceTotals1;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification2;
import com.prowidesoftware.swift.model.mx.dic.Party2Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyAndAccountIdentificationAndContactInformation1;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification25;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification8;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentificationAndAccount6;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentificationAndContactInformation1;
import com.prowidesoftware.swift.model.mx.dic.PaymentInformation15;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod4Code;
import com.prowidesoftware.swift.model.mx.dic.RequestGroupInformation1;
import io.kapok.gateway.demo.DemoMessages;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A financing request written by an independent library (Prowide's model and writer: a Document
 * alone, no Business Application Header, Prowide's own prefixes and element choices) goes through
 * the gateway like Kapok's own: the sender is the Document's financing requester, the programme its
 * FincgAgrmt, and the bank's mailbox gets the request.
 */
@Timeout(60)
class ProwideFlowsSystemTest {
    private static final String FOSHAN = "91440604MA9KAPK002";
    private static final String CANTON = "91440101MA9KAPK001";

    @TempDir
    Path dataDir;

    private Gateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aProwideWrittenTsin001WithoutHeaderIsRoutedToItsProgramme() throws Exception {
        gateway = Gateway.start(TestConfigs.defaults(dataDir));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Invoice invoice = new Invoice(
                "FSPP-PW-0001",
                "CNY",
                113_000_00L,
                today.minusDays(20).toEpochDay(),
                today.plusDays(100).toEpochDay());
        DemoMessages kapok = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        assertTrue(post(kapok.invoice("R", FOSHAN, CANTON, invoice)).contains("<Sts>RCCF</Sts>"));
        assertTrue(post(kapok.confirmation("CAG-PW-C1", CANTON, List.of(invoice), List.of()))
                .contains("<Sts>RCCF</Sts>"));

        MxTsin00100101 mx = new MxTsin00100101();
        mx.setInvcFincgReq(request(invoice, today));
        String xml = mx.message(new MxWriteConfiguration());
        assertTrue(!xml.contains("AppHdr") && xml.contains("Document"), xml);

        String answer = post(xml.getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.contains("<FincgReqSts>PDNG</FincgReqSts>"), answer);
        assertTrue(answer.contains("<Id>FSPP-PW-GRP-1</Id>"), "echoes the bulk request id: " + answer);
        String receivable = get("/v1/ledger/receivables/FSPP-PW-0001");
        assertTrue(receivable.contains("\"state\": \"FINANCING_REQUESTED\""), receivable);
        assertTrue(receivable.contains("\"financingId\": \"FSPP-PW-GRP-1/FSPP-PW-0001\""), receivable);
        assertTrue(receivable.contains("\"requestedMinor\": 10000000"), receivable);
        String bankMail = mailbox("PRBKCNGZXXX");
        assertTrue(bankMail.contains("\"type\": \"tsin.001.001.01\""), bankMail);
    }

    private static InvoiceFinancingRequestV01 request(Invoice invoice, LocalDate today) {
        InvoiceRequestInformation1 item = new InvoiceRequestInformation1()
                .setInvcGnlInf(new DocumentGeneralInformation1()
                        .setDocTp(DocumentType4Code.CINV)
                        .setDocNb(invoice.number())
                        .setIsseDt(LocalDate.ofEpochDay(invoice.issueDay())))
                .setInvcTtlsInf(new InvoiceTotals1()
                        .setTtlTaxblAmt(cny("100000.00"))
                        .setTtlTaxAmt(cny("13000.00"))
                        .setTtlInvcAmt(cny("113000.00"))
                        .setPmtDueDt(LocalDate.ofEpochDay(invoice.dueDay())))
                .setReqdAmt(new FinancingRateOrAmountChoice().setAmt(cny("100000.00")))
                .setSpplr(new PartyAndAccountIdentificationAndContactInformation1()
                        .setPtyId(party("Foshan Precision Parts", FOSHAN)))
                .setBuyr(new PartyIdentificationAndContactInformation1().setPtyId(party("Canton Auto Group", CANTON)))
                .setInvcPmtInf(new PaymentInformation15().setPmtMtd(PaymentMethod4Code.TRF));
        return new InvoiceFinancingRequestV01()
                .addInvcReqInf(item)
                .setReqGrpInf(new RequestGroupInformation1()
                        .setGrpId("FSPP-PW-GRP-1")
                        .setCreDtTm(OffsetDateTime.of(today.atTime(9, 30), ZoneOffset.ofHours(8)))
                        .setNbOfInvcReqs("1")
                        .setTtlBlkInvcAmt(cny("113000.00"))
                        .setCcy("CNY")
                        .setFincgAgrmt("PRBK-CAG-CNY")
                        .setFincgRqstr(new PartyIdentificationAndAccount6()
                                .setPtyId(new PartyIdentification25()
                                        .setNm("Foshan Precision Parts")
                                        .setPrtryId(new GenericIdentification4()
                                                .setId(FOSHAN)
                                                .setIdTp("USCC"))))
                        .setFrstAgt(new FinancialInstitutionIdentification6().setBIC("PRBKCNGZXXX")));
    }

    private static ActiveCurrencyAndAmount cny(String value) {
        return new ActiveCurrencyAndAmount().setValue(new BigDecimal(value)).setCcy("CNY");
    }

    private static PartyIdentification8 party(String name, String uscc) {
        return new PartyIdentification8()
                .setNm(name)
                .setId(new Party2Choice()
                        .setOrgId(new OrganisationIdentification2()
                                .setPrtryId(
                                        new GenericIdentification3().setId(uscc).setIssr("USCC"))));
    }

    private String post(byte[] body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/messages"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String mailbox(String party) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + gateway.port() + "/v1/mailbox?after=0&waitMs=0"))
                                .header("X-Kapok-Party", party)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
