package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.demo.DemoMessages;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

    @TempDir
    Path dataDir;

    private Gateway gateway;
    private final FlowClient flows = new FlowClient(() -> gateway.port());
    private final DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private GatewayConfig config() {
        return TestConfigs.defaults(dataDir);
    }

    @Test
    void aSupplierAssignsPartOfAReceivableToABankWhichTheDebtorsBankRepaysAtMaturity() throws Exception {
        gateway = Gateway.start(config());
        Invoice invoice = usdInvoice("JMMW-FA-001", 500_000_00L);
        registeredAndConfirmed(invoice);

        HttpResponse<String> answer = flows.post(m.assignment("JMMW-FA-A1", JIANGMEN, VHBK, invoice, 300_000_00L));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("tsin.007.001.01"), answer.body());
        assertTrue(answer.body().contains("<Sts>RCCF</Sts>"), answer.body());
        assertFalse(answer.body().contains("RCER"), answer.body());

        JsonNode part = flows.get("/v1/ledger/receivables/JMMW-FA-001-1");
        assertEquals("ASSIGNED", part.path("state").asText());
        assertEquals(VHBK, part.path("holderId").asText(), "the bank holds the part assigned");
        assertEquals("JMMW-FA-001", part.path("parentId").asText());
        assertEquals(300_000_00L, part.path("factoredMinor").asLong(), "what the bank took over");
        assertEquals("300000.00", part.path("factored").asText());
        JsonNode kept = flows.get("/v1/ledger/receivables/JMMW-FA-001");
        assertEquals(JIANGMEN, kept.path("holderId").asText());
        assertEquals(200_000_00L, kept.path("outstandingMinor").asLong());
        assertEquals(0, kept.path("factoredMinor").asLong(), "the part the supplier kept is not factored");
        assertEquals(300_000_00L, reserved(VHBK, CANTON, "USD"), "held on the bank's line to the debtor");

        List<String> bankMail = flows.types(VHBK);
        assertEquals(List.of(TSIN008), bankMail, "the bank is told what it now holds");
        String toBank = flows.lastXml(VHBK);
        assertTrue(toBank.contains("<Idr>JMMW-FA-001-1</Idr>"), toBank);
        assertTrue(toBank.contains("<TtlInvcAmt Ccy=\"USD\">300000.00</TtlInvcAmt>"), toBank);
        String toDebtor = flows.lastXml(CANTON);
        assertTrue(toDebtor.contains("<MsgDefIdr>tsin.008.001.01</MsgDefIdr>"), toDebtor);
        assertEquals(VHBK, FlowClient.partyNamed(toDebtor, "ASSIGNEE"), "pay the bank now: " + toDebtor);
        assertEquals(JIANGMEN, FlowClient.partyNamed(toDebtor, "ASSIGNOR"), toDebtor);
        assertTrue(toDebtor.contains("<Idr>JMMW-FA-001-1</Idr>"), toDebtor);
        assertTrue(toDebtor.contains("<Id>KAPK-USD-VHBKHKHHXXX</Id>"), "into the bank's account: " + toDebtor);
        assertTrue(toDebtor.contains("<TtlInvcAmt Ccy=\"USD\">300000.00</TtlInvcAmt>"), toDebtor);

        // An identical retry gets the same bytes and changes nothing; the same id for another letter is DUPL.
        String hash = flows.get("/v1/ledger/hash").toString();
        assertEquals(
                answer.body(),
                flows.post(m.assignment("JMMW-FA-A1", JIANGMEN, VHBK, invoice, 300_000_00L))
                        .body());
        HttpResponse<String> reuse = flows.post(m.assignment("JMMW-FA-A1", JIANGMEN, VHBK, invoice, 100_000_00L));
        assertTrue(reuse.body().contains("<Cd>DUPL</Cd>"), reuse.body());
        assertEquals(hash, flows.get("/v1/ledger/hash").toString(), "neither journaled anything");
        assertEquals(bankMail, flows.types(VHBK));

        // At maturity Canton Auto Group's bank pays the bank that holds the part.
        long vhbkBefore = flows.balance(VHBK, "USD");
        long prbkBefore = flows.balance(PRBK, "USD");
        HttpResponse<String> repaid = flows.post(m.payment(
                "PRBK-FA-P1", PRBK, VHBK, "USD", 300_000_00L, "JMMW-FA-001-1", null, "Canton Auto Group", "VHBK"));
        assertTrue(repaid.body().contains("<TxSts>ACSC</TxSts>"), repaid.body());
        assertEquals(vhbkBefore + 300_000_00L, flows.balance(VHBK, "USD"), "the bank is credited");
        assertEquals(prbkBefore - 300_000_00L, flows.balance(PRBK, "USD"));
        assertEquals(
                "SETTLED",
                flows.get("/v1/ledger/receivables/JMMW-FA-001-1").path("state").asText());
        assertEquals(0L, reserved(VHBK, CANTON, "USD"), "repaid: the line is released");
        assertTrue(flows.types(VHBK).contains("camt.054.001.08"), "a credit notice to the bank: " + flows.types(VHBK));
        String credit = null;
        for (String xml : flows.xmls(VHBK)) {
            if (xml.contains("camt.054") && xml.contains("JMMW-FA-001-1")) {
                credit = xml;
            }
        }
        assertTrue(credit != null && credit.contains("<CdtDbtInd>CRDT</CdtDbtInd>"), String.valueOf(credit));

        String after = flows.get("/v1/ledger/hash").path("stateHash").asText();
        gateway.close();
        gateway = Gateway.start(config());
        assertEquals(
                after,
                flows.get("/v1/ledger/hash").path("stateHash").asText(),
                "the journal replays to the same state");
    }

    @Test
    void refusedAssignmentsAnswerWithTheReasonAndChangeNothing() throws Exception {
        gateway = Gateway.start(config());
        Invoice unconfirmed = usdInvoice("JMMW-FR-001", 100_000_00L);
        assertTrue(
                flows.post(m.invoice("U", JIANGMEN, CANTON, unconfirmed)).body().contains("RCCF"));
        Invoice large = usdInvoice("JMMW-FR-002", 2_500_000_00L); // over VHBK's USD 2,000,000.00 line
        registeredAndConfirmed(large);
        Invoice cny = invoice("NSWC-FR-003", "CNY", 100_000_00L); // Nansha is in no programme of VHBK
        assertTrue(flows.post(m.invoice("N", NANSHA, CANTON, cny)).body().contains("RCCF"));
        assertTrue(flows.post(m.confirmation("CAG-FR-C2", CANTON, List.of(cny), List.of()))
                .body()
                .contains("RCCF"));

        List<String> cantonMail = flows.types(CANTON);
        List<String> bankMail = flows.types(VHBK);
        String exposure = flows.get("/v1/ledger/exposure/" + VHBK).path("lines").toString();
        record Case(byte[] message, String receivable, String code) {}
        List<Case> cases = List.of(
                new Case(m.assignment("JMMW-FR-A1", JIANGMEN, VHBK, unconfirmed, 50_000_00L), "JMMW-FR-001", "NA01"),
                new Case(m.assignment("JMMW-FR-A2", JIANGMEN, VHBK, large, 2_500_000_00L), "JMMW-FR-002", "AM02"),
                new Case(m.assignment("NSWC-FR-A3", NANSHA, VHBK, cny, 100_000_00L), "NSWC-FR-003", "ID02"));
        for (Case c : cases) {
            String before = receivableState(c.receivable());
            HttpResponse<String> refused = flows.post(c.message());
            assertEquals(200, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("<Sts>RCER</Sts>"), refused.body());
            assertTrue(refused.body().contains(c.code()), c.code() + ": " + refused.body());
            assertEquals(before, receivableState(c.receivable()), "unchanged");
            assertEquals(
                    exposure,
                    flows.get("/v1/ledger/exposure/" + VHBK).path("lines").toString(),
                    "no exposure taken");
        }
        assertEquals(cantonMail, flows.types(CANTON), "the debtor is told nothing");
        assertEquals(bankMail, flows.types(VHBK), "the bank is told nothing");

        // A refusal is journaled like any decided message: its retry gets the same answer, changing nothing.
        String hash = flows.get("/v1/ledger/hash").toString();
        HttpResponse<String> retry = flows.post(cases.get(1).message());
        assertTrue(retry.body().contains("AM02"), retry.body());
        assertEquals(hash, flows.get("/v1/ledger/hash").toString());
    }

    private void registeredAndConfirmed(Invoice invoice) throws Exception {
        assertTrue(flows.post(m.invoice(invoice.number(), JIANGMEN, CANTON, invoice))
                .body()
                .contains("RCCF"));
        assertTrue(flows.post(m.confirmation("CAG-" + invoice.number(), CANTON, List.of(invoice), List.of()))
                .body()
                .contains("RCCF"));
    }

    /** A USD invoice on Canton Auto Group, issued five days ago, due in sixty days. */
    private static Invoice usdInvoice(String number, long amountMinor) {
        return invoice(number, "USD", amountMinor);
    }

    private static Invoice invoice(String number, String currency, long amountMinor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Invoice(
                number,
                currency,
                amountMinor,
                today.minusDays(5).toEpochDay(),
                today.plusDays(60).toEpochDay());
    }

    /** The receivable as the ops API shows it, without the ledger's sequence at the time of asking. */
    private String receivableState(String id) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode view =
                (com.fasterxml.jackson.databind.node.ObjectNode) flows.get("/v1/ledger/receivables/" + id);
        view.remove("sequence");
        return view.toString();
    }

    private long reserved(String bank, String core, String currency) throws Exception {
        for (JsonNode line : flows.get("/v1/ledger/exposure/" + bank).path("lines")) {
            if (line.path("coreId").asText().equals(core)
                    && line.path("currency").asText().equals(currency)) {
                return line.path("reservedMinor").asLong();
            }
        }
        throw new AssertionError(bank + " has no " + currency + " line to " + core);
    }
}
