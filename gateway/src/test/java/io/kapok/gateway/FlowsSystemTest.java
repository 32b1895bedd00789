package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.demo.DemoMessages;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import io.kapok.gateway.demo.DemoStory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1+N flows end to end over real HTTP, through the real journal, ledger and mailboxes: the demo
 * story (register, confirm, split, finance in two currencies, refuse a double financing, disburse,
 * repay), each party's notifications, recovery to the same state hash, and refusals that change
 * nothing.
 */
@Timeout(120)
class FlowsSystemTest {
    private static final String CANTON_ID = "91440101MA9KAPK001";
    private static final String FOSHAN = "91440604MA9KAPK002";
    private static final String NANSHA = "91440115MA9KAPK004";
    private static final String PRBK = "PRBKCNGZXXX";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private Gateway gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private GatewayConfig config() {
        return TestConfigs.defaults(dataDir);
    }

    private String base() {
        return "http://127.0.0.1:" + gateway.port();
    }

    @Test
    void theDemoStorySettlesEveryReceivableNotifiesEachPartyAndReplaysToTheSameHash() throws Exception {
        gateway = Gateway.start(config());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, String> ends =
                new DemoStory(base(), new PrintStream(printed, true, StandardCharsets.UTF_8), "T1").play();
        String story = printed.toString(StandardCharsets.UTF_8);
        assertTrue(story.contains("RCER CA03"), "the second financing is refused as already financed:\n" + story);
        for (String id : ends.keySet()) {
            assertEquals(
                    "SETTLED", get("/v1/ledger/receivables/" + id).path("state").asText(), id);
        }
        JsonNode split = get("/v1/ledger/receivables/FSPP-T1-002-1");
        assertEquals("FSPP-T1-002", split.path("parentId").asText());
        assertEquals("91440115MA9KAPK004", split.path("holderId").asText(), "the tier-2 supplier holds the split");
        assertEquals("REPAID", split.path("financing").path("state").asText());
        JsonNode messageWindow = get("/v1/health").path("messageWindow");
        assertTrue(
                messageWindow.path("messages").asInt() > 0
                        && messageWindow.path("outcomes").asInt() > 0,
                "the story's tsin messages are kept for their retries: " + messageWindow);

        // Pearl River Bank: USD 5,000,000.00 - 300,000.00 paid to VHBK + 270,000.00 received = 4,970,000.00
        assertEquals(497_000_000L, balance("PRBKCNGZXXX", "USD"));
        assertEquals(503_000_000L, balance("VHBKHKHHXXX", "USD"));
        for (JsonNode line : get("/v1/ledger/exposure/PRBKCNGZXXX").path("lines")) {
            assertEquals(0, line.path("usedMinor").asLong(), "repaid: exposure released");
        }

        List<String> vhbk = types("VHBKHKHHXXX");
        assertTrue(vhbk.contains("tsin.001.001.01"), "the bank sees the request it must decide: " + vhbk);
        assertTrue(vhbk.contains("camt.054.001.08"), "a camt.054 for each posting on its account: " + vhbk);
        assertTrue(vhbk.contains("pacs.008.001.08"), "the repayment relayed: " + vhbk);
        List<String> canton = types("91440101MA9KAPK001");
        assertEquals(
                List.of(
                        "tsin.004.001.01",
                        "tsin.004.001.01",
                        "tsin.004.001.01",
                        "tsin.008.001.01",
                        "tsin.008.001.01",
                        "tsin.008.001.01",
                        "tsin.008.001.01",
                        "tsin.008.001.01"),
                canton,
                "invoices to confirm, then whom to pay: the split's new holder, the bank Foshan factored to,"
                        + " each bank that disbursed");
        JsonNode factored = get("/v1/ledger/receivables/FSPP-T1-002");
        assertEquals(PRBK, factored.path("holderId").asText(), "Foshan factored what it kept to the bank");
        assertTrue(types(PRBK).contains("tsin.008.001.01"), "the bank is told what it holds: " + types(PRBK));
        assertEquals(
                List.of("tsin.008.001.01", "tsin.011.001.01", "tsin.002.001.01"),
                types("91440115MA9KAPK004"),
                "tier 2: its split, its onboarding, the bank's decision");
        assertEquals(
                List.of("tsin.013.001.01", "tsin.013.001.01", "tsin.002.001.01"),
                types("91440604MA9KAPK002"),
                "Foshan: each confirmed invoice, then the decision");
        String decision = lastXml("91440604MA9KAPK002");
        assertTrue(decision.contains("<FincgReqSts>FNCD</FincgReqSts>"), decision);
        assertTrue(decision.contains("1080000"), "the financed amount: " + decision);

        // Only a party of a receivable may ask whether it was paid: to anyone else it does not exist.
        JsonNode foshan1 = get("/v1/ledger/receivables/FSPP-T1-001");
        Invoice paid = new Invoice(
                "FSPP-T1-001",
                "CNY",
                1_200_000_00L,
                java.time.LocalDate.parse(foshan1.path("issueDate").asText()).toEpochDay(),
                java.time.LocalDate.parse(foshan1.path("dueDate").asText()).toEpochDay());
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        String byItsBank = post(m.reconciliation(
                        "PRBK-K9", "PRBKCNGZXXX", paid.number(), paid.amountMinor(), List.of(paid)))
                .body();
        assertTrue(byItsBank.contains("<Sts>RCCF</Sts>"), byItsBank);
        String byAStranger = post(m.reconciliation(
                        "VHBK-K9", "VHBKHKHHXXX", paid.number(), paid.amountMinor(), List.of(paid)))
                .body();
        assertTrue(byAStranger.contains("<Sts>RCER</Sts>"), byAStranger);
        assertTrue(byAStranger.contains("ID02"), "unknown to the stranger, as if it did not exist: " + byAStranger);
        assertFalse(byAStranger.contains("RCCF"), byAStranger);

        String hash = get("/v1/ledger/hash").path("stateHash").asText();
        long sequence = get("/v1/ledger/hash").path("sequence").asLong();
        gateway.close();
        gateway = Gateway.start(config());
        assertEquals(hash, get("/v1/ledger/hash").path("stateHash").asText(), "the journal replays to the same state");
        assertEquals(sequence, get("/v1/ledger/hash").path("sequence").asLong());
        assertEquals(vhbk, types("VHBKHKHHXXX"), "the mailboxes are as they were");
    }

    @Test
    void mailboxesRecomposedFromTheJournalAreTheSameBytes() throws Exception {
        gateway = Gateway.start(config());
        new DemoStory(base(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "T2").play();
        Map<String, String> before = new java.util.TreeMap<>();
        for (String party : PARTIES) {
            before.put(party, mailbox(party).path("messages").toString());
        }
        gateway.close();
        // Lose every outbound message: the restart composes them all again from the journal's entries.
        try (var files = java.nio.file.Files.walk(dataDir.resolve("mailbox"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
        gateway = Gateway.start(config());
        for (String party : PARTIES) {
            assertEquals(before.get(party), mailbox(party).path("messages").toString(), party);
        }
        assertTrue(before.get("VHBKHKHHXXX").contains("camt.054.001.08"), before.get("VHBKHKHHXXX"));
    }

    private static final List<String> PARTIES = List.of(
            "PRBKCNGZXXX",
            "VHBKHKHHXXX",
            "91440101MA9KAPK001",
            "91440604MA9KAPK002",
            "91440700MA9KAPK003",
            "91440115MA9KAPK004");

    @Test
    void refusedFlowsAnswerWithTheReasonAndChangeNothing() throws Exception {
        gateway = Gateway.start(config());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        Invoice invoice = new Invoice(
                "FSPP-R-001",
                "CNY",
                100_000_00L,
                today.minusDays(10).toEpochDay(),
                today.plusDays(60).toEpochDay());
        assertTrue(post(m.invoice("X", "91440604MA9KAPK002", "91440101MA9KAPK001", invoice))
                .body()
                .contains("RCCF"));
        String before = get("/v1/ledger/hash").toString();

        // The supplier cannot confirm its own invoice: only the debtor can.
        HttpResponse<String> notDebtor =
                post(m.confirmation("FSPP-C-1", "91440604MA9KAPK002", List.of(invoice), List.of()));
        assertEquals(200, notDebtor.statusCode());
        assertTrue(notDebtor.body().contains("<Sts>RCER</Sts>"), notDebtor.body());
        // Financing an unconfirmed invoice is refused.
        HttpResponse<String> unconfirmed = post(m.financingRequest(
                "FSPP-F-1", "91440604MA9KAPK002", "91440101MA9KAPK001", "PRBKCNGZXXX", "PRBK-CAG-CNY", invoice, -1));
        assertTrue(unconfirmed.body().contains("<Sts>RCER</Sts>"), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("FSPP-R-001: "), "names the invoice: " + unconfirmed.body());
        // A decision on a request that does not exist; a cancellation of nothing.
        assertTrue(post(m.decision("PRBK-D-1", "PRBKCNGZXXX", "91440604MA9KAPK002", "NOPE", invoice, 90_000_00L, null))
                .body()
                .contains("<Sts>RCER</Sts>"));
        HttpResponse<String> nothing =
                post(m.cancellation("FSPP-X-1", "91440604MA9KAPK002", "PRBKCNGZXXX", "NOPE", "changed our mind"));
        assertEquals(400, nothing.statusCode(), "refused before the ledger: " + nothing.body());
        assertTrue(nothing.body().contains("<Sts>REJT</Sts>"), nothing.body());

        // A tsin.001 that breaks a tsin rule gets its family's answer, a tsin.002 RCER naming the rule.
        Invoice backwards =
                new Invoice("FSPP-R-002", "CNY", 100_000_00L, today.plusDays(10).toEpochDay(), today.toEpochDay());
        HttpResponse<String> dueBeforeIssue = post(m.financingRequest(
                "FSPP-F-2", "91440604MA9KAPK002", "91440101MA9KAPK001", "PRBKCNGZXXX", null, backwards, -1));
        assertEquals(400, dueBeforeIssue.statusCode());
        assertTrue(dueBeforeIssue.body().contains("tsin.002.001.01"), dueBeforeIssue.body());
        assertTrue(dueBeforeIssue.body().contains("<Cd>DT02</Cd>"), dueBeforeIssue.body());
        assertTrue(dueBeforeIssue.body().contains("PmtDueDt"), "names the element: " + dueBeforeIssue.body());

        // A tsin.007 is the platform's to send: one posted to it gets an admi.002 saying so.
        String ack =
                new String(m.confirmation("CAG-S-7", CANTON_ID, List.of(invoice), List.of()), StandardCharsets.UTF_8);
        byte[] status = ack.replace("tsin.013.001.01", "tsin.007.001.01")
                .replace("InvcAssgnmtAck", "InvcAssgnmtSts")
                .replace("PmtStsList", "AssgnmtList")
                .replace("PmtStsCnt", "AssgnmtCnt")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> notTaken = post(status);
        assertEquals(400, notTaken.statusCode(), notTaken.body());
        assertTrue(notTaken.body().contains("admi.002.001.01"), notTaken.body());
        assertTrue(notTaken.body().contains("it does not act on it"), notTaken.body());

        JsonNode after = get("/v1/ledger/hash");
        assertNotEquals(before, after.toString(), "refusals by the ledger are journaled (the sequence moves)");
        assertEquals(
                JSON.readTree(before).path("stateHash").asText().length(),
                after.path("stateHash").asText().length());
        assertEquals(
                "REGISTERED",
                get("/v1/ledger/receivables/FSPP-R-001").path("state").asText());
        assertEquals(List.of("tsin.004.001.01"), types("91440101MA9KAPK001"), "no notification for a refusal");
        assertEquals(List.of(), types("PRBKCNGZXXX"), "the bank heard of nothing");
    }

    @Test
    void aBankOnboardsANewSupplierWhoCanThenBeFinanced() throws Exception {
        gateway = Gateway.start(config());
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        String zhuhai = "91440400MA9KAPK005";
        HttpResponse<String> stranger =
                post(m.onboarding("LTBK-O-1", "LTBKMOMXXXX", zhuhai, "CNY", List.of("PRBK-CAG-CNY")));
        assertEquals(400, stranger.statusCode(), "only the programme's bank or core registers a supplier");
        assertTrue(stranger.body().contains("<Sts>RCER</Sts>"), stranger.body());
        assertEquals(
                "unknown party",
                get("/v1/ledger/accounts/" + zhuhai).path("error").asText());

        HttpResponse<String> onboarded =
                post(m.onboarding("PRBK-O-1", "PRBKCNGZXXX", zhuhai, "CNY", List.of("PRBK-CAG-CNY")));
        assertEquals(200, onboarded.statusCode(), onboarded.body());
        assertTrue(onboarded.body().contains("tsin.010.001.01"), onboarded.body());
        assertTrue(onboarded.body().contains("<Sts>RCCF</Sts>"), onboarded.body());
        assertEquals(List.of("tsin.011.001.01"), types(zhuhai), "the new supplier has a mailbox and its notice");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Invoice invoice = new Invoice(
                "ZHPT-001",
                "CNY",
                50_000_00L,
                today.minusDays(5).toEpochDay(),
                today.plusDays(40).toEpochDay());
        assertTrue(post(m.invoice("Z", zhuhai, "91440101MA9KAPK001", invoice))
                .body()
                .contains("<Sts>RCCF</Sts>"));
        assertTrue(post(m.confirmation("CAG-C-Z", "91440101MA9KAPK001", List.of(invoice), List.of()))
                .body()
                .contains("<Sts>RCCF</Sts>"));
        HttpResponse<String> asked =
                post(m.financingRequest("ZHPT-F-1", zhuhai, "91440101MA9KAPK001", "PRBKCNGZXXX", null, invoice, -1));
        assertTrue(asked.body().contains("<FincgReqSts>PDNG</FincgReqSts>"), asked.body());
        JsonNode financing = get("/v1/ledger/receivables/ZHPT-001").path("financing");
        assertEquals("PRBKCNGZXXX", financing.path("bankId").asText(), "the programme of the addressed bank");
        assertEquals(45_000_00L, financing.path("requestedMinor").asLong(), "no RqstdAmt: the 90% advance cap");
    }

    @Test
    void aReturnARecallAndItsResolutionMoveTheMoneyBackOnceAndReachTheOtherBank() throws Exception {
        gateway = Gateway.start(config());
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        String prbk = "PRBKCNGZXXX";
        String vhbk = "VHBKHKHHXXX";
        String uetr = "3f2a9c1e-7b4d-4e8a-9c2b-1d5e6f7a8b9c";
        long prbkBefore = balance(prbk, "CNY");
        assertTrue(post(m.withUetr(uetr).payment("PRBK-PAY-1", prbk, vhbk, "CNY", 1_000_00L, "E2E-1", null, "A", "B"))
                .body()
                .contains("ACSC"));
        DemoMessages.Original original = new DemoMessages.Original("PRBK-PAY-1", "E2E-1", uetr, "CNY", 1_000_00L);

        byte[] returnSent = m.paymentReturn("VHBK-RTR-1", vhbk, prbk, original, 400_00L, "AM09");
        HttpResponse<String> partial = post(returnSent);
        assertTrue(partial.body().contains("<TxSts>ACSC</TxSts>"), partial.body());
        assertTrue(partial.body().contains("<OrgnlMsgNmId>pacs.004.001.09</OrgnlMsgNmId>"), partial.body());
        assertEquals(
                partial.body(),
                post(m.paymentReturn("VHBK-RTR-1", vhbk, prbk, original, 400_00L, "AM09"))
                        .body(),
                "a retry gets the original answer");
        HttpResponse<String> tooMuch = post(m.paymentReturn("VHBK-RTR-2", vhbk, prbk, original, 700_00L, "AM09"));
        assertTrue(tooMuch.body().contains("<TxSts>RJCT</TxSts>"), "over the original: " + tooMuch.body());
        HttpResponse<String> notTheirs = post(m.recall("VHBK-RCL-1", vhbk, prbk, original, "DUPL"));
        assertTrue(notTheirs.body().contains("<Conf>RJCR</Conf>"), "only the debtor recalls: " + notTheirs.body());

        byte[] recallSent = m.recall("PRBK-RCL-1", prbk, vhbk, original, "DUPL");
        HttpResponse<String> recall = post(recallSent);
        assertTrue(recall.body().contains("<Conf>PDCR</Conf>"), recall.body());
        assertTrue(types(vhbk).contains("camt.056.001.08"), "the creditor must answer the recall: " + types(vhbk));
        byte[] resolutionSent = m.resolution("VHBK-RSL-1", vhbk, prbk, "PRBK-RCL-1", original, true, null);
        HttpResponse<String> resolved = post(resolutionSent);
        assertEquals(200, resolved.statusCode(), resolved.body());
        assertTrue(resolved.body().contains("<Conf>CNCL</Conf>"), resolved.body());

        assertEquals(prbkBefore, balance(prbk, "CNY"), "400.00 returned, then the remaining 600.00 on the recall");
        List<String> prbkMail = types(prbk);
        assertTrue(prbkMail.contains("pacs.004.001.09"), "the return reached the debtor: " + prbkMail);
        assertTrue(prbkMail.contains("camt.029.001.09"), "the resolution reached the debtor: " + prbkMail);
        // Relayed as sent, byte for byte (read back from the journal: the mailbox keeps a reference).
        assertEquals(
                List.of(new String(returnSent, StandardCharsets.UTF_8)),
                xmlsOfType(prbk, "pacs.004.001.09"),
                "the accepted return, once");
        assertEquals(
                List.of(new String(recallSent, StandardCharsets.UTF_8)),
                xmlsOfType(vhbk, "camt.056.001.08"),
                "the debtor's recall, once");
        assertEquals(
                List.of(new String(resolutionSent, StandardCharsets.UTF_8)),
                xmlsOfType(prbk, "camt.029.001.09"),
                "the resolution, once");
        HttpResponse<String> again = post(m.resolution("VHBK-RSL-2", vhbk, prbk, "PRBK-RCL-1", original, true, null));
        assertTrue(again.body().contains("admi.002"), "no open recall any more: " + again.body());
    }

    @Test
    void aBankRefusesWithItsReasonAndTheSupplierCancelsTheNextRequest() throws Exception {
        gateway = Gateway.start(config());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        String foshan = "91440604MA9KAPK002";
        String canton = "91440101MA9KAPK001";
        String prbk = "PRBKCNGZXXX";
        Invoice invoice = new Invoice(
                "FSPP-N-001",
                "CNY",
                300_000_00L,
                today.minusDays(3).toEpochDay(),
                today.plusDays(80).toEpochDay());
        post(m.invoice("N", foshan, canton, invoice));
        post(m.confirmation("CAG-C-N", canton, List.of(invoice), List.of()));

        post(m.financingRequest("FSPP-N-F1", foshan, canton, prbk, "PRBK-CAG-CNY", invoice, 200_000_00L));
        HttpResponse<String> refused = post(m.decision("PRBK-N-D1", prbk, foshan, "FSPP-N-F1", invoice, 0, "BE08"));
        assertTrue(refused.body().contains("<FincgReqSts>NTFD</FincgReqSts>"), refused.body());
        String told = lastXml(foshan);
        assertTrue(told.contains("<FincgReqSts>NTFD</FincgReqSts>") && told.contains("<Cd>BE08</Cd>"), told);
        assertEquals(
                "CONFIRMED",
                get("/v1/ledger/receivables/FSPP-N-001").path("state").asText());

        post(m.financingRequest("FSPP-N-F2", foshan, canton, prbk, "PRBK-CAG-CNY", invoice, 200_000_00L));
        assertEquals(
                "FINANCING_REQUESTED",
                get("/v1/ledger/receivables/FSPP-N-001").path("state").asText());
        HttpResponse<String> notMine = post(m.cancellation("CAG-X-1", canton, prbk, "FSPP-N-F2", "not yours"));
        assertTrue(notMine.body().contains("<Sts>REJT</Sts>"), "only the requester cancels: " + notMine.body());
        HttpResponse<String> cancelled = post(m.cancellation("FSPP-X-1", foshan, prbk, "FSPP-N-F2", "paid early"));
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertTrue(cancelled.body().contains("<Sts>PACK</Sts>"), cancelled.body());
        assertEquals(
                "CONFIRMED",
                get("/v1/ledger/receivables/FSPP-N-001").path("state").asText());
        HttpResponse<String> late =
                post(m.decision("PRBK-N-D2", prbk, foshan, "FSPP-N-F2", invoice, 180_000_00L, null));
        assertTrue(late.body().contains("<Sts>RCER</Sts>"), "a cancelled request cannot be financed: " + late.body());
    }

    @Test
    void aRetriedSettlementGetsTheOriginalAnswerAndPaysOnce() throws Exception {
        gateway = Gateway.start(config());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        String jiangmen = "91440700MA9KAPK003";
        String canton = "91440101MA9KAPK001";
        Invoice invoice = new Invoice(
                "JMMW-S-001",
                "USD",
                50_000_00L,
                today.minusDays(3).toEpochDay(),
                today.plusDays(30).toEpochDay());
        post(m.invoice("S", jiangmen, canton, invoice));
        post(m.confirmation("CAG-C-S", canton, List.of(invoice), List.of()));
        long prbkBefore = balance("PRBKCNGZXXX", "USD");

        byte[] settlement = m.withUetr("6c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e")
                .payment(
                        "PRBK-S-1", "PRBKCNGZXXX", "VHBKHKHHXXX", "USD", 50_000_00L, "JMMW-S-001", null, "CAG", "JMMW");
        HttpResponse<String> first = post(settlement);
        assertTrue(first.body().contains("<TxSts>ACSC</TxSts>"), first.body());
        assertEquals(
                "SETTLED",
                get("/v1/ledger/receivables/JMMW-S-001").path("state").asText());
        HttpResponse<String> retry = post(settlement);
        assertEquals(first.body(), retry.body(), "the retry gets the original answer, byte for byte");
        assertEquals(prbkBefore - 50_000_00L, balance("PRBKCNGZXXX", "USD"), "paid once");

        byte[] reuse = m.payment("PRBK-S-1", "PRBKCNGZXXX", "VHBKHKHHXXX", "USD", 10_00L, "OTHER", null, "CAG", "JMMW");
        HttpResponse<String> conflict = post(reuse);
        assertTrue(conflict.body().contains("<Cd>DUPL</Cd>"), "the same MsgId for another payment: " + conflict.body());
        assertEquals(prbkBefore - 50_000_00L, balance("PRBKCNGZXXX", "USD"));
    }

    /**
     * The debtor learns whom to pay: a tsin.008 when part of its receivable is split off to a
     * lower-tier supplier (pay the new holder) and when a bank disburses a financing of it (repay the
     * bank, into its settlement account); the same bytes after a restart that composes them again.
     */
    @Test
    void theDebtorIsToldWhomToPayWhenAReceivableIsAssignedOrItsFinancingDisbursed() throws Exception {
        gateway = Gateway.start(config());
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        Invoice invoice = dueIn60Days("FSPP-AS-001", 500_000_00L);
        post(m.invoice("A", FOSHAN, CANTON_ID, invoice));
        post(m.confirmation("CAG-AS-C1", CANTON_ID, List.of(invoice), List.of()));
        assertTrue(post(m.split("FSPP-AS-S1", FOSHAN, NANSHA, invoice, 100_000_00L))
                .body()
                .contains("RCCF"));

        String split = lastXml(CANTON_ID);
        assertTrue(split.contains("<MsgDefIdr>tsin.008.001.01</MsgDefIdr>"), split);
        assertEquals(NANSHA, partyNamed(split, "ASSIGNEE"), "pay the tier-2 supplier now: " + split);
        assertEquals(FOSHAN, partyNamed(split, "ASSIGNOR"), split);
        assertTrue(split.contains("<Idr>FSPP-AS-001-1</Idr>"), "the child receivable: " + split);
        assertTrue(split.contains("<TtlInvcAmt Ccy=\"CNY\">100000.00</TtlInvcAmt>"), split);
        assertTrue(split.contains("<NtfctnRcvr>DEBTOR</NtfctnRcvr>"), split);
        assertTrue(split.contains("<PmtDueDt>" + LocalDate.ofEpochDay(invoice.dueDay()) + "</PmtDueDt>"), split);
        assertTrue(split.contains("<IsseDt>" + LocalDate.ofEpochDay(invoice.issueDay()) + "</IsseDt>"), split);

        post(m.financingRequest("FSPP-AS-F1", FOSHAN, CANTON_ID, PRBK, "PRBK-CAG-CNY", invoice, 300_000_00L));
        post(m.decision("PRBK-AS-D1", PRBK, FOSHAN, "FSPP-AS-F1", invoice, 300_000_00L, null));
        assertTrue(post(m.payment(
                        "PRBK-AS-P1",
                        PRBK,
                        PRBK,
                        "CNY",
                        300_000_00L,
                        "FSPP-AS-F1/" + invoice.number(),
                        "/REG/ZDW-AS-1",
                        "Pearl River Bank",
                        "Foshan Precision Parts"))
                .body()
                .contains("ACSC"));
        String financed = lastXml(CANTON_ID);
        assertTrue(financed.contains("<MsgDefIdr>tsin.008.001.01</MsgDefIdr>"), financed);
        assertEquals(PRBK, partyNamed(financed, "ASSIGNEE"), "repay the bank that financed it: " + financed);
        assertEquals(FOSHAN, partyNamed(financed, "ASSIGNOR"), financed);
        assertTrue(financed.contains("<Idr>FSPP-AS-001</Idr>"), financed);
        assertTrue(financed.contains("<Id>KAPK-CNY-PRBKCNGZXXX</Id>"), "the bank's account: " + financed);
        assertTrue(financed.contains("<TtlInvcAmt Ccy=\"CNY\">400000.00</TtlInvcAmt>"), "what remains: " + financed);

        String before = mailbox(CANTON_ID).path("messages").toString();
        gateway.close();
        try (var files = java.nio.file.Files.walk(dataDir.resolve("mailbox"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
        gateway = Gateway.start(config());
        assertEquals(before, mailbox(CANTON_ID).path("messages").toString(), "recomposed from the journal alone");
    }

    /** A CNY invoice on Canton Auto Group, issued five days ago, due in sixty days. */
    private static Invoice dueIn60Days(String number, long amountMinor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Invoice(
                number,
                "CNY",
                amountMinor,
                today.minusDays(5).toEpochDay(),
                today.plusDays(60).toEpochDay());
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

    /**
     * Every receivable message, posted twice: the retry gets the original answer (the same bytes:
     * its id and time are the first entry's) and changes nothing, neither the ledger nor any
     * mailbox; the retries still get it after a restart, which rebuilds the same state.
     */
    @Test
    void aRetriedReceivableMessageGetsItsOriginalAnswerAndChangesNothing() throws Exception {
        gateway = Gateway.start(config());
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        String zhuhai = "91440400MA9KAPK005";
        Invoice a = dueIn60Days("FSPP-RT-001", 500_000_00L);
        Invoice b = dueIn60Days("FSPP-RT-002", 300_000_00L);
        List<byte[]> messages = List.of(
                m.invoice("A", FOSHAN, CANTON_ID, a),
                m.invoice("B", FOSHAN, CANTON_ID, b),
                m.confirmation("CAG-RT-C1", CANTON_ID, List.of(a, b), List.of()),
                m.split("FSPP-RT-S1", FOSHAN, NANSHA, a, 100_000_00L),
                m.onboarding("PRBK-RT-O1", PRBK, zhuhai, "CNY", List.of("PRBK-CAG-CNY")),
                m.financingRequest("FSPP-RT-F1", FOSHAN, CANTON_ID, PRBK, "PRBK-CAG-CNY", a, 300_000_00L),
                m.decision("PRBK-RT-D1", PRBK, FOSHAN, "FSPP-RT-F1", a, 300_000_00L, null),
                m.financingRequest("FSPP-RT-F2", FOSHAN, CANTON_ID, PRBK, "PRBK-CAG-CNY", b, 200_000_00L),
                m.cancellation("FSPP-RT-X1", FOSHAN, PRBK, "FSPP-RT-F2", "paid early"));
        List<String> firstAnswers = new java.util.ArrayList<>();
        for (byte[] message : messages) {
            HttpResponse<String> first = post(message);
            assertEquals(200, first.statusCode(), first.body());
            assertFalse(first.body().contains("RCER") || first.body().contains("REJT"), first.body());
            firstAnswers.add(first.body());
        }
        String hash = get("/v1/ledger/hash").toString();
        Map<String, List<String>> mail = new java.util.TreeMap<>();
        for (String party : PARTIES) {
            mail.put(party, types(party));
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < messages.size(); i++) {
                HttpResponse<String> retry = post(messages.get(i));
                assertEquals(200, retry.statusCode(), retry.body());
                assertEquals(firstAnswers.get(i), retry.body(), "message " + i + " retried gets the original answer");
            }
            assertEquals(hash, get("/v1/ledger/hash").toString(), "the retries change nothing, not even the journal");
            for (String party : PARTIES) {
                assertEquals(mail.get(party), types(party), "no notification for a retry: " + party);
            }
            assertEquals(
                    1,
                    get("/v1/ledger/receivables/FSPP-RT-001").path("childIds").size(),
                    "split once");
            gateway.close();
            gateway = Gateway.start(config());
            assertEquals(hash, get("/v1/ledger/hash").toString(), "replay rebuilds the decided messages too");
        }
    }

    /** A message id reused for another message is refused DUPL, as for payments; nothing changes. */
    @Test
    void aReceivableMessageIdReusedForAnotherMessageIsRefusedAsDuplicate() throws Exception {
        gateway = Gateway.start(config());
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        Invoice a = dueIn60Days("FSPP-DU-001", 500_000_00L);
        Invoice b = dueIn60Days("FSPP-DU-002", 400_000_00L);
        Invoice otherAmount = new Invoice(a.number(), "CNY", 1_00L, a.issueDay(), a.dueDay());
        assertTrue(post(m.invoice("A", FOSHAN, CANTON_ID, a)).body().contains("RCCF"));
        assertTrue(post(m.invoice("B", FOSHAN, CANTON_ID, b)).body().contains("RCCF"));
        assertTrue(post(m.confirmation("CAG-DU-C1", CANTON_ID, List.of(a), List.of()))
                .body()
                .contains("RCCF"));
        assertTrue(post(m.financingRequest("FSPP-DU-F1", FOSHAN, CANTON_ID, PRBK, "PRBK-CAG-CNY", a, 100_000_00L))
                .body()
                .contains("PDNG"));
        String hash = get("/v1/ledger/hash").toString();
        List<String> bankMail = types(PRBK);

        List<byte[]> reuses = List.of(
                m.invoice("A", FOSHAN, CANTON_ID, otherAmount),
                m.confirmation("CAG-DU-C1", CANTON_ID, List.of(b), List.of()),
                m.financingRequest("FSPP-DU-F1", FOSHAN, CANTON_ID, PRBK, "PRBK-CAG-CNY", a, 200_000_00L));
        for (byte[] reuse : reuses) {
            HttpResponse<String> refused = post(reuse);
            assertFalse(refused.body().contains("RCCF"), refused.body());
            assertEquals(200, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("<Cd>DUPL</Cd>"), "the same id for another message: " + refused.body());
        }
        assertEquals(hash, get("/v1/ledger/hash").toString(), "nothing journaled, nothing changed");
        assertEquals(bankMail, types(PRBK));
        assertEquals(
                "REGISTERED",
                get("/v1/ledger/receivables/FSPP-DU-002").path("state").asText());
    }

    private long balance(String bank, String currency) throws Exception {
        for (JsonNode a : get("/v1/ledger/accounts/" + bank).path("accounts")) {
            if (a.path("currency").asText().equals(currency)) {
                return a.path("balanceMinor").asLong();
            }
        }
        throw new AssertionError(bank + " has no " + currency + " account");
    }

    private List<String> types(String party) throws Exception {
        List<String> types = new java.util.ArrayList<>();
        for (JsonNode message : mailbox(party).path("messages")) {
            types.add(message.path("type").asText());
        }
        return types;
    }

    /** The messages of {@code type} in {@code party}'s mailbox, as XML, in order. */
    private List<String> xmlsOfType(String party, String type) throws Exception {
        List<String> xmls = new java.util.ArrayList<>();
        for (JsonNode message : mailbox(party).path("messages")) {
            if (message.path("type").asText().equals(type)) {
                xmls.add(new String(
                        Base64.getDecoder().decode(message.path("xmlBase64").asText()), StandardCharsets.UTF_8));
            }
        }
        return xmls;
    }

    private String lastXml(String party) throws Exception {
        JsonNode messages = mailbox(party).path("messages");
        return new String(
                Base64.getDecoder()
                        .decode(messages.get(messages.size() - 1)
                                .path("xmlBase64")
                                .asText()),
                StandardCharsets.UTF_8);
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
}
