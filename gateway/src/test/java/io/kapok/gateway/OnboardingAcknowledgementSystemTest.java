package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.demo.DemoMessages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programme exchange to its end over real HTTP: a bank onboards a supplier (tsin.009 → tsin.010,
 * tsin.011 to the supplier), the supplier acknowledges it or rejects it (tsin.012 → tsin.010), and
 * the programme's bank gets the supplier's answer (a tsin.012). Refused acknowledgements change
 * nothing.
 */
@Timeout(120)
class OnboardingAcknowledgementSystemTest {
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String ZHUHAI = "91440400MA9KAPK005";
    private static final String NANSHA = "91440115MA9KAPK004";
    private static final String CANTON = "91440101MA9KAPK001";
    private static final String TSIN012 = "tsin.012.001.01";

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
    void theOnboardedSupplierAcknowledgesAndTheBankIsTold() throws Exception {
        gateway = Gateway.start(config());
        int knownIds = gateway.sequencer().partyIds().size();
        assertEquals(config().parties().size(), knownIds, "every configured party's id is published at start");
        assertTrue(flows.post(m.onboarding("PRBK-OA-O1", PRBK, ZHUHAI, "CNY", List.of("PRBK-CAG-CNY")))
                .body()
                .contains("<Sts>RCCF</Sts>"));
        assertEquals(
                knownIds + 1,
                gateway.sequencer().partyIds().size(),
                "the new supplier's id is published to the event loops");
        assertEquals(List.of("tsin.011.001.01"), flows.types(ZHUHAI), "the supplier is told of its onboarding");

        byte[] ack = m.acknowledgement("ZHPT-OA-K1", ZHUHAI, "CNY", List.of("PRBK-CAG-CNY"), null);
        HttpResponse<String> answer = flows.post(ack);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("tsin.010.001.01"), answer.body());
        assertTrue(answer.body().contains("<Sts>RCCF</Sts>"), answer.body());
        assertTrue(answer.body().contains("ZHPT-OA-K1"), "relates to the acknowledgement: " + answer.body());
        assertFalse(answer.body().contains("RCER"), answer.body());

        List<String> bankMail = flows.types(PRBK);
        assertEquals(List.of(TSIN012), bankMail, "the programme's bank gets the acknowledgement");
        String toBank = flows.lastXml(PRBK);
        assertTrue(toBank.contains("<Idr>PRBK-CAG-CNY</Idr>"), toBank);
        assertTrue(toBank.contains(ZHUHAI), toBank);
        assertTrue(toBank.contains("<Sts>RCCF</Sts>"), toBank);

        // The retry gets the same bytes; the same id for another answer is DUPL; neither changes anything.
        String hash = flows.get("/v1/ledger/hash").toString();
        assertEquals(answer.body(), flows.post(ack).body());
        HttpResponse<String> reuse =
                flows.post(m.acknowledgement("ZHPT-OA-K1", ZHUHAI, "CNY", List.of("PRBK-CAG-CNY"), "NA01"));
        assertTrue(reuse.body().contains("<Cd>DUPL</Cd>"), reuse.body());
        assertEquals(hash, flows.get("/v1/ledger/hash").toString());
        assertEquals(bankMail, flows.types(PRBK));

        // A second acknowledgement under a new id is a duplicated request.
        HttpResponse<String> again =
                flows.post(m.acknowledgement("ZHPT-OA-K2", ZHUHAI, "CNY", List.of("PRBK-CAG-CNY"), null));
        assertTrue(again.body().contains("<Sts>RCER</Sts>"), again.body());
        assertTrue(again.body().contains("ID01"), again.body());
        assertEquals(bankMail, flows.types(PRBK), "the bank hears of no refusal");

        String after = flows.get("/v1/ledger/hash").path("stateHash").asText();
        gateway.close();
        gateway = Gateway.start(config());
        assertEquals(
                after,
                flows.get("/v1/ledger/hash").path("stateHash").asText(),
                "the journal replays to the same state");
    }

    @Test
    void aRejectionLeavesTheProgrammeAndRefusalsNameTheirReason() throws Exception {
        gateway = Gateway.start(config());
        // Nansha Wire & Cable is in Pearl River Bank's programme from the start, not in Victoria Harbour Bank's.
        HttpResponse<String> notOnboarded =
                flows.post(m.acknowledgement("NSWC-OA-K1", NANSHA, "USD", List.of("VHBK-CAG-USD"), null));
        assertTrue(notOnboarded.body().contains("<Sts>RCER</Sts>"), notOnboarded.body());
        assertTrue(notOnboarded.body().contains("BE08"), notOnboarded.body());
        HttpResponse<String> unknown =
                flows.post(m.acknowledgement("NSWC-OA-K2", NANSHA, "CNY", List.of("PRBK-NOPE"), null));
        assertTrue(unknown.body().contains("ID02"), unknown.body());
        // One that breaks a rule of its schema is refused before the ledger, in the family's answer.
        String broken = new String(
                        m.acknowledgement("NSWC-OA-K9", NANSHA, "CNY", List.of("PRBK-CAG-CNY"), null),
                        StandardCharsets.UTF_8)
                .replaceFirst("<ItmCnt>1</ItmCnt>", "<ItmCnt>2</ItmCnt>");
        assertTrue(broken.contains("<ItmCnt>2</ItmCnt>"), broken);
        HttpResponse<String> malformed = flows.post(broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("tsin.010.001.01"), malformed.body());
        assertTrue(malformed.body().contains("<Sts>RCER</Sts>"), malformed.body());
        assertEquals(List.of(), flows.types(PRBK), "no notification for a refusal");
        assertEquals(List.of(), flows.types("VHBKHKHHXXX"));

        HttpResponse<String> rejected =
                flows.post(m.acknowledgement("NSWC-OA-K3", NANSHA, "CNY", List.of("PRBK-CAG-CNY"), "NA01"));
        assertTrue(rejected.body().contains("<Sts>RCCF</Sts>"), "the rejection is recorded: " + rejected.body());
        String toBank = flows.lastXml(PRBK);
        assertTrue(toBank.contains("tsin.012.001.01"), toBank);
        assertTrue(toBank.contains("<Sts>RCER</Sts>") && toBank.contains("NA01"), toBank);

        // Having left the programme, it can neither acknowledge it nor ask its bank for financing.
        HttpResponse<String> late =
                flows.post(m.acknowledgement("NSWC-OA-K4", NANSHA, "CNY", List.of("PRBK-CAG-CNY"), null));
        assertTrue(late.body().contains("BE08"), late.body());
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        DemoMessages.Invoice invoice = new DemoMessages.Invoice(
                "NSWC-OA-001",
                "CNY",
                100_000_00L,
                today.minusDays(5).toEpochDay(),
                today.plusDays(60).toEpochDay());
        assertTrue(flows.post(m.invoice("N", NANSHA, CANTON, invoice)).body().contains("RCCF"));
        assertTrue(flows.post(m.confirmation("CAG-OA-C1", CANTON, List.of(invoice), List.of()))
                .body()
                .contains("RCCF"));
        HttpResponse<String> financing =
                flows.post(m.financingRequest("NSWC-OA-F1", NANSHA, CANTON, PRBK, "PRBK-CAG-CNY", invoice, -1));
        assertTrue(financing.body().contains("BE08"), financing.body());
    }
}
