package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.demo.DemoMessages;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Factoring over real HTTP: a supplier's tsin.006 addressed to a bank assigns (part of) a confirmed
 * receivable to it; the supplier gets a tsin.007, the bank a tsin.008 naming what it now holds, the
 * debtor a tsin.008 telling it to pay the bank; the debtor's bank repays the bank at maturity with a
 * pacs.008 and the bank's account is credited (camt.054). Refused assignments change nothing.
 */
@Timeout(120)
class FactoringSystemTest {
    private static final String CANTON = "91440101MA9KAPK001";
    private static final String JIANGMEN = "91440700MA9KAPK003";
    private static final String NANSHA = "91440115MA9KAPK004";
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";
    private static final String TSIN008 = "tsin.008.001.01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private GatewayConfig config() {
        return ConfigLoader.loadDefaults().withPort(0).withDataDir(dataDir.toString());
    }

    @Test
    void aSupplierAssignsPartOfAReceivableToABankWhichTheDebtorsBankRepaysAtMaturity() throws Exception {
        gateway = Gateway.start(config());
        Invoice invoice = usdInvoice("JMMW-FA-001", 500_000_00L);
        registeredAndConfirmed(invoice);

        HttpResponse<String> answer = post(m.assignment("JMMW-FA-A1", JIANGMEN, VHBK, invoice, 300_000_00L));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("tsin.007.001.01"), answer.body());
        assertTrue(answer.body().contains("<Sts>RCCF</Sts>"), answer.body());
        assertFalse(answer.body().contains("RCER"), answer.body());

        JsonNode part = get("/v1/ledger/receivables/JMMW-FA-001-1");
        assertEquals("ASSIGNED", part.path("state").asText());
        assertEquals(VHBK, part.path("holderId").asText(), "the bank holds the part assigned");
        assertEquals("JMMW-FA-001", part.path("parentId").asText());
        JsonNode kept = get("/v1/ledger/receivables/JMMW-FA-001");
        assertEquals(JIANGMEN, kept.path("holderId").asText());
        assertEquals(200_000_00L, kept.path("outstandingMinor").asLong());
        assertEquals(300_000_00L, reserved(VHBK, CANTON, "USD"), "held on the bank's line to the debtor");

        List<String> bankMail = types(VHBK);
        assertEquals(List.of(TSIN008), bankMail, "the bank is told what it now holds");
        String toBank = lastXml(VHBK);
        assertTrue(toBank.contains("<Idr>JMMW-FA-001-1</Idr>"), toBank);
        assertTrue(toBank.contains("<TtlInvcAmt Ccy=\"USD\">300000.00</TtlInvcAmt>"), toBank);
        String toDebtor = lastXml(CANTON);
        assertTrue(toDebtor.contains("<MsgDefIdr>tsin.008.001.01</MsgDefIdr>"), toDebtor);
        assertEquals(VHBK, partyNamed(toDebtor, "ASSIGNEE"), "pay the bank now: " + toDebtor);
        assertEquals(JIANGMEN, partyNamed(toDebtor, "ASSIGNOR"), toDebtor);
        assertTrue(toDebtor.contains("<Idr>JMMW-FA-001-1</Idr>"), toDebtor);
        assertTrue(toDebtor.contains("<Id>KAPK-USD-VHBKHKHHXXX</Id>"), "into the bank's account: " + toDebtor);
        assertTrue(toDebtor.contains("<TtlInvcAmt Ccy=\"USD\">300000.00</TtlInvcAmt>"), toDebtor);

        // An identical retry gets the same bytes and changes nothing; the same id for another letter is DUPL.
        String hash = get("/v1/ledger/hash").toString();
        assertEquals(
                answer.body(),
                post(m.assignment("JMMW-FA-A1", JIANGMEN, VHBK, invoice, 300_000_00L))
                        .body());
        HttpResponse<String> reuse = post(m.assignment("JMMW-FA-A1", JIANGMEN, VHBK, invoice, 100_000_00L));
        assertTrue(reuse.body().contains("<Cd>DUPL</Cd>"), reuse.body());
        assertEquals(hash, get("/v1/ledger/hash").toString(), "neither journaled anything");
        assertEquals(bankMail, types(VHBK));

        // At maturity Canton Auto Group's bank pays the bank that holds the part.
        long vhbkBefore = balance(VHBK, "USD");
        long prbkBefore = balance(PRBK, "USD");
        HttpResponse<String> repaid = post(m.payment(
                "PRBK-FA-P1", PRBK, VHBK, "USD", 300_000_00L, "JMMW-FA-001-1", null, "Canton Auto Group", "VHBK"));
        assertTrue(repaid.body().contains("<TxSts>ACSC</TxSts>"), repaid.body());
        assertEquals(vhbkBefore + 300_000_00L, balance(VHBK, "USD"), "the bank is credited");
        assertEquals(prbkBefore - 300_000_00L, balance(PRBK, "USD"));
        assertEquals(
                "SETTLED",
                get("/v1/ledger/receivables/JMMW-FA-001-1").path("state").asText());
        assertEquals(0L, reserved(VHBK, CANTON, "USD"), "repaid: the line is released");
        assertTrue(types(VHBK).contains("camt.054.001.08"), "a credit notice to the bank: " + types(VHBK));
        String credit = null;
        for (String xml : xmls(VHBK)) {
            if (xml.contains("camt.054") && xml.contains("JMMW-FA-001-1")) {
                credit = xml;
            }
        }
        assertTrue(credit != null && credit.contains("<CdtDbtInd>CRDT</CdtDbtInd>"), String.valueOf(credit));

        String after = get("/v1/ledger/hash").path("stateHash").asText();
        gateway.close();
        gateway = Gateway.start(config());
        assertEquals(after, get("/v1/ledger/hash").path("stateHash").asText(), "the journal replays to the same state");
    }

    @Test
    void refusedAssignmentsAnswerWithTheReasonAndChangeNothing() throws Exception {
        gateway = Gateway.start(config());
        Invoice unconfirmed = usdInvoice("JMMW-FR-001", 100_000_00L);
        assertTrue(post(m.invoice("U", JIANGMEN, CANTON, unconfirmed)).body().contains("RCCF"));
        Invoice large = usdInvoice("JMMW-FR-002", 2_500_000_00L); // over VHBK's USD 2,000,000.00 line
        registeredAndConfirmed(large);
        Invoice cny = cnyInvoice("NSWC-FR-003", 100_000_00L); // Nansha is in no programme of VHBK
        assertTrue(post(m.invoice("N", NANSHA, CANTON, cny)).body().contains("RCCF"));
        assertTrue(post(m.confirmation("CAG-FR-C2", CANTON, List.of(cny), List.of()))
                .body()
                .contains("RCCF"));

        List<String> cantonMail = types(CANTON);
        List<String> bankMail = types(VHBK);
        String exposure = get("/v1/ledger/exposure/" + VHBK).path("lines").toString();
        record Case(byte[] message, String receivable, String code) {}
        List<Case> cases = List.of(
                new Case(m.assignment("JMMW-FR-A1", JIANGMEN, VHBK, unconfirmed, 50_000_00L), "JMMW-FR-001", "NA01"),
                new Case(m.assignment("JMMW-FR-A2", JIANGMEN, VHBK, large, 2_500_000_00L), "JMMW-FR-002", "AM02"),
                new Case(m.assignment("NSWC-FR-A3", NANSHA, VHBK, cny, 100_000_00L), "NSWC-FR-003", "ID02"));
        for (Case c : cases) {
            String before = receivableState(c.receivable());
            HttpResponse<String> refused = post(c.message());
            assertEquals(200, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("<Sts>RCER</Sts>"), refused.body());
            assertTrue(refused.body().contains(c.code()), c.code() + ": " + refused.body());
            assertEquals(before, receivableState(c.receivable()), "unchanged");
            assertEquals(
                    exposure, get("/v1/ledger/exposure/" + VHBK).path("lines").toString(), "no exposure taken");
        }
        assertEquals(cantonMail, types(CANTON), "the debtor is told nothing");
        assertEquals(bankMail, types(VHBK), "the bank is told nothing");

        // A refusal is journaled like any decided message: its retry gets the same answer, changing nothing.
        String hash = get("/v1/ledger/hash").toString();
        HttpResponse<String> retry = post(cases.get(1).message());
        assertTrue(retry.body().contains("AM02"), retry.body());
        assertEquals(hash, get("/v1/ledger/hash").toString());
    }

    private void registeredAndConfirmed(Invoice invoice) throws Exception {
        assertTrue(post(m.invoice(invoice.number(), JIANGMEN, CANTON, invoice))
                .body()
                .contains("RCCF"));
        assertTrue(post(m.confirmation("CAG-" + invoice.number(), CANTON, List.of(invoice), List.of()))
                .body()
                .contains("RCCF"));
    }

    /** A USD invoice on Canton Auto Group, issued five days ago, due in sixty days. */
    private static Invoice usdInvoice(String number, long amountMinor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Invoice(
                number,
                "USD",
                amountMinor,
                today.minusDays(5).toEpochDay(),
                today.plusDays(60).toEpochDay());
    }

    private static Invoice cnyInvoice(String number, long amountMinor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Invoice(
                number,
                "CNY",
                amountMinor,
                today.minusDays(5).toEpochDay(),
                today.plusDays(60).toEpochDay());
    }

    /** The receivable as the ops API shows it, without the ledger's sequence at the time of asking. */
    private String receivableState(String id) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode view =
                (com.fasterxml.jackson.databind.node.ObjectNode) get("/v1/ledger/receivables/" + id);
        view.remove("sequence");
        return view.toString();
    }

    private long reserved(String bank, String core, String currency) throws Exception {
        for (JsonNode line : get("/v1/ledger/exposure/" + bank).path("lines")) {
            if (line.path("coreId").asText().equals(core)
                    && line.path("currency").asText().equals(currency)) {
                return line.path("reservedMinor").asLong();
            }
        }
        throw new AssertionError(bank + " has no " + currency + " line to " + core);
    }

    private long balance(String bank, String currency) throws Exception {
        for (JsonNode a : get("/v1/ledger/accounts/" + bank).path("accounts")) {
            if (a.path("currency").asText().equals(currency)) {
                return a.path("balanceMinor").asLong();
            }
        }
        throw new AssertionError(bank + " has no " + currency + " account");
    }

    /** The id of the letter party whose xml id is {@code xmlId} (BIC or organisation id). */
    private static String partyNamed(String xml, String xmlId) {
        int at = xml.indexOf("<Id>" + xmlId + "</Id>");
        assertTrue(at >= 0, "no party " + xmlId + " in " + xml);
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("<(?:BIC|Othr><Id)>([^<]+)<").matcher(xml);
        assertTrue(id.find(at), xml);
        return id.group(1);
    }

    private List<String> types(String party) throws Exception {
        List<String> types = new ArrayList<>();
        for (JsonNode message : mailbox(party).path("messages")) {
            types.add(message.path("type").asText());
        }
        return types;
    }

    private List<String> xmls(String party) throws Exception {
        List<String> xmls = new ArrayList<>();
        for (JsonNode message : mailbox(party).path("messages")) {
            xmls.add(new String(
                    Base64.getDecoder().decode(message.path("xmlBase64").asText()), StandardCharsets.UTF_8));
        }
        return xmls;
    }

    private String lastXml(String party) throws Exception {
        List<String> xmls = xmls(party);
        return xmls.get(xmls.size() - 1);
    }

    private JsonNode mailbox(String party) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/v1/mailbox?after=0&limit=256&waitMs=0"))
                                .header("X-Kapok-Party", party)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private HttpResponse<String> post(byte[] message) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + "/v1/messages"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + gateway.port();
    }
}
