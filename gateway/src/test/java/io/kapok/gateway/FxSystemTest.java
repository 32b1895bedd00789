package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CurrencyExchange5;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.fx.FixRateSimulator;
import io.kapok.gateway.fx.FxPrices;
import io.kapok.gateway.fx.FxService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * FX rates from a real FIX 4.4 session into the ledger, and a cross-currency pacs.008 settled with
 * them: the gateway on port 0, the bundled rate simulator (a QuickFIX/J acceptor) and the feed (a
 * QuickFIX/J initiator) on ephemeral loopback ports, real HTTP.
 */
@Timeout(120)
class FxSystemTest {
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";
    private static final String PLATFORM = "KAPKCNGZXXX";
    private static final String[] PAIRS = {"USD/CNY", "USD/HKD", "HKD/CNY", "MOP/HKD", "USD/MOP"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Gateway gateway;
    private FxService fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The demo world with the feed and the simulator on free ports, quoting every 50 ms. */
    private GatewayConfig config() {
        GatewayConfig defaults = ConfigLoader.loadDefaults();
        GatewayConfig.Fx f = defaults.fxOrDefault();
        assertTrue(f.enabled(), "the embedded configuration runs the FX feed");
        return TestConfigs.defaults(dataDir).withFx(f.withSimulator(new GatewayConfig.FxSimulator(true, 0, 50, 7L)));
    }

    private HttpResponse<String> get(String path, String party) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (party != null) {
            request.header("X-Kapok-Party", party);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/messages"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode health() throws Exception {
        return JSON.readTree(get("/v1/health", null).body());
    }

    /** Polls /v1/health until {@code done} holds of its "fx" object (bounded by the test's timeout). */
    private JsonNode awaitFx(Predicate<JsonNode> done) throws Exception {
        while (true) {
            JsonNode fxHealth = health().get("fx");
            if (fxHealth != null && done.test(fxHealth)) {
                return fxHealth;
            }
            Thread.sleep(20);
        }
    }

    private static boolean everyPairHasARate(JsonNode fxHealth) {
        for (String pair : PAIRS) {
            if (fxHealth.get("pairs").get(pair).isNull()) {
                return false;
            }
        }
        return fxHealth.get("loggedOn").asBoolean();
    }

    private String stateHash() throws Exception {
        return get("/v1/ledger/hash", null).body().replaceAll("\"sequence\": \\d+, ", "");
    }

    private long balance(String party, String currency) throws Exception {
        JsonNode accounts =
                JSON.readTree(get("/v1/ledger/accounts/" + party, null).body()).get("accounts");
        for (JsonNode account : accounts) {
            if (account.get("currency").asText().equals(currency)) {
                return account.get("balanceMinor").asLong();
            }
        }
        throw new AssertionError(party + " has no " + currency + " account: " + accounts);
    }

    /**
     * Victoria Harbour Bank pays Pearl River Bank CNY {@code settlement}, debited in HKD: the bundled
     * sample with the banks swapped and an InstdAmt (and XchgRate, when given).
     */
    private static String hkdPaymentSettledInCny(String msgId, String settlement, String instructedHkd, String rate) {
        String xml = TestMessages.payment(msgId, UUID.randomUUID().toString(), settlement)
                .replace(PRBK, "SWAPXXXXXXX")
                .replace(VHBK, PRBK)
                .replace("SWAPXXXXXXX", VHBK);
        String extra = "<InstdAmt Ccy=\"HKD\">" + instructedHkd + "</InstdAmt>"
                + (rate == null ? "" : "<XchgRate>" + rate + "</XchgRate>");
        return xml.replace("<ChrgBr>", extra + "<ChrgBr>");
    }

    /** The camt.054s in {@code party}'s mailbox: currency, signed amount (minor units) and UETR. */
    private List<String[]> postings(String party) throws Exception {
        JsonNode box = JSON.readTree(
                get("/v1/mailbox?after=0&waitMs=0&limit=256", party).body());
        List<String[]> found = new ArrayList<>();
        Pattern amount = Pattern.compile("<Amt Ccy=\"([A-Z]{3})\">([0-9.]+)</Amt>");
        Pattern direction = Pattern.compile("<CdtDbtInd>(CRDT|DBIT)</CdtDbtInd>");
        for (JsonNode message : box.get("messages")) {
            if (!message.get("type").asText().startsWith("camt.054")) {
                continue;
            }
            String xml = new String(
                    Base64.getDecoder().decode(message.get("xmlBase64").asText()), StandardCharsets.UTF_8);
            Matcher a = amount.matcher(xml);
            Matcher d = direction.matcher(xml);
            assertTrue(a.find() && d.find(), xml);
            long minor = new BigDecimal(a.group(2)).movePointRight(2).longValueExact();
            found.add(new String[] {a.group(1), String.valueOf(d.group(1).equals("DBIT") ? -minor : minor), xml});
        }
        return found;
    }

    /**
     * {@code camt054}, read by Prowide, reports an entry in {@code entryCurrency} of a payment
     * instructed as HKD {@code instructedHkd} and settled as CNY 91,000.00 at {@code hkdCny}.
     */
    private static void assertConversion(String camt054, String entryCurrency, String instructedHkd, String hkdCny) {
        ReportEntry10 entry = MxCamt05400108.parse(camt054)
                .getBkToCstmrDbtCdtNtfctn()
                .getNtfctn()
                .get(0)
                .getNtry()
                .get(0);
        assertEquals(entryCurrency, entry.getAmt().getCcy(), camt054);
        AmountAndCurrencyExchange3 details =
                entry.getNtryDtls().get(0).getTxDtls().get(0).getAmtDtls();
        assertNotNull(details, camt054);
        assertEquals("HKD", details.getInstdAmt().getAmt().getCcy());
        assertEquals(
                0,
                new BigDecimal(instructedHkd)
                        .compareTo(details.getInstdAmt().getAmt().getValue()),
                camt054);
        assertEquals("CNY", details.getTxAmt().getAmt().getCcy());
        assertEquals(
                0,
                new BigDecimal("91000.00").compareTo(details.getTxAmt().getAmt().getValue()));
        CurrencyExchange5 exchange = details.getTxAmt().getCcyXchg();
        assertEquals("HKD", exchange.getSrcCcy());
        assertEquals("CNY", exchange.getTrgtCcy());
        assertEquals("HKD", exchange.getUnitCcy(), "the feed quotes HKD/CNY: one HKD buys the rate in CNY");
        assertEquals(0, new BigDecimal(hkdCny).compareTo(exchange.getXchgRate()), camt054);
    }

    @Test
    void theFeedLogsOnAgainWhenTheRateSourceComesBack() throws Exception {
        GatewayConfig.Fx f = config().fxOrDefault();
        GatewayConfig.Fx simulatorSide = f.withSimulator(new GatewayConfig.FxSimulator(true, 0, 50, 7L));
        FixRateSimulator source = new FixRateSimulator(simulatorSide).start();
        int port = source.port();
        // The feed alone, against that port, retrying every second while the source is away.
        GatewayConfig.Fx feedSide = new GatewayConfig.Fx(
                true,
                f.host(),
                port,
                f.senderCompId(),
                f.targetCompId(),
                f.heartbeatSeconds(),
                1,
                f.pairs(),
                f.bandPercent(),
                GatewayConfig.FxSimulator.OFF);
        GatewayConfig config = config().withFx(feedSide);
        gateway = Gateway.start(config);
        try {
            fx = FxService.start(config, gateway);
            assertEquals(null, fx.simulator());
            awaitFx(h -> everyPairHasARate(h) && h.get("logons").asLong() == 1);
            long applied = fx.feed().ratesApplied();

            source.close();
            awaitFx(h -> !h.get("loggedOn").asBoolean());
            source = new FixRateSimulator(
                            simulatorSide.withSimulator(new GatewayConfig.FxSimulator(true, port, 50, 8L)))
                    .start();
            JsonNode back = awaitFx(
                    h -> h.get("loggedOn").asBoolean() && h.get("logons").asLong() == 2);
            awaitFx(h -> h.get("ratesApplied").asLong() > applied + PAIRS.length);
            assertEquals(0, back.get("refused").asLong(), back.toString());
        } finally {
            source.close();
        }
    }

    @Test
    void ratesFromTheFixFeedSettleAnHkdPaymentInCnyAndReplayToTheSameState() throws Exception {
        GatewayConfig config = config();
        gateway = Gateway.start(config);
        fx = FxService.start(config, gateway);

        // The feed logs on, subscribes, and every pair's snapshot and updates reach the ledger.
        JsonNode fxHealth =
                awaitFx(h -> everyPairHasARate(h) && h.get("ratesApplied").asLong() >= 2L * PAIRS.length);
        assertEquals(1, fxHealth.get("logons").asLong());
        assertEquals("FIX.4.4:KAPOK->KAPOKFXSIM", fxHealth.get("session").asText());
        assertEquals(0, fxHealth.get("refused").asLong(), fxHealth.toString());

        // A bad tick is refused and counted, never applied: a negative price, a jump past the band.
        long appliedBefore = fxHealth.get("ratesApplied").asLong();
        assertEquals(1, fx.simulator().quote("HKD/CNY", "-0.91"));
        assertEquals(1, fx.simulator().quote("HKD/CNY", "1.5"));
        fxHealth = awaitFx(h -> h.get("refused").asLong() >= 2);
        assertEquals(2, fxHealth.get("refused").asLong(), fxHealth.toString());
        assertTrue(fxHealth.get("lastRefusal").asText().contains("HKD/CNY rate 1.5"), fxHealth.toString());
        assertTrue(fxHealth.get("ratesApplied").asLong() >= appliedBefore);
        assertTrue(
                Math.abs(FxPrices.parseScaled(fxHealth.get("pairs")
                                        .get("HKD/CNY")
                                        .get("rate")
                                        .asText())
                                - 91_000_000L)
                        < 1_000_000L,
                "HKD/CNY stays near 0.91: " + fxHealth);

        // Stop the feed, so the rates hold still; the hash query goes through the ring after every
        // rate already published, so the feed's view of the last HKD/CNY rate is the ledger's.
        fx.close();
        get("/v1/ledger/hash", null);
        StringBuilder last = new StringBuilder();
        fx.feed().appendJson(last, System.currentTimeMillis());
        String hkdCny = JSON.readTree(last.toString())
                .get("pairs")
                .get("HKD/CNY")
                .get("rate")
                .asText();
        fx = null;

        long vhbkHkd = balance(VHBK, "HKD");
        long vhbkCny = balance(VHBK, "CNY");
        long prbkCny = balance(PRBK, "CNY");
        long platformHkd = balance(PLATFORM, "HKD");
        long platformCny = balance(PLATFORM, "CNY");

        // An XchgRate far from the platform's rate is refused (AM09) and nothing moves.
        HttpResponse<String> refused = post(hkdPaymentSettledInCny("VHBK-FX-0001", "91000.00", "100000.00", "0.5"));
        assertEquals(200, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<TxSts>RJCT</TxSts>"), refused.body());
        assertTrue(refused.body().contains("<Cd>AM09</Cd>"), refused.body());
        assertEquals(vhbkHkd, balance(VHBK, "HKD"));

        // CBPR+: an InstdAmt in another currency without XchgRate is refused before the journal.
        HttpResponse<String> noRate = post(hkdPaymentSettledInCny("VHBK-FX-0003", "91000.00", "100000.00", null));
        assertEquals(400, noRate.statusCode(), noRate.body());
        assertTrue(noRate.body().contains("<TxSts>RJCT</TxSts>"), noRate.body());
        assertTrue(noRate.body().contains("CdtTrfTxInf/XchgRate"), noRate.body());
        assertEquals(vhbkHkd, balance(VHBK, "HKD"));

        // With the platform's rate: CNY 91,000.00 credited, HKD 91,000.00 ÷ rate debited.
        HttpResponse<String> settled = post(hkdPaymentSettledInCny("VHBK-FX-0002", "91000.00", "100000.00", hkdCny));
        assertEquals(200, settled.statusCode(), settled.body());
        assertTrue(settled.body().contains("<TxSts>ACSC</TxSts>"), settled.body());
        long debitedHkd = new BigDecimal("91000.00")
                .divide(new BigDecimal(hkdCny), 2, RoundingMode.HALF_EVEN)
                .movePointRight(2)
                .longValueExact();
        assertEquals(vhbkHkd - debitedHkd, balance(VHBK, "HKD"));
        assertEquals(vhbkCny, balance(VHBK, "CNY"));
        assertEquals(prbkCny + 91_000_00L, balance(PRBK, "CNY"));
        assertEquals(platformHkd + debitedHkd, balance(PLATFORM, "HKD"));
        assertEquals(platformCny - 91_000_00L, balance(PLATFORM, "CNY"));

        // Each bank's camt.054 is in its own currency: HKD debited to the instructing bank, CNY
        // credited to the instructed one; the platform gets both legs.
        List<String[]> vhbk = postings(VHBK);
        assertEquals(1, vhbk.size(), "Victoria Harbour Bank's notices");
        assertEquals("HKD", vhbk.get(0)[0]);
        assertEquals(-debitedHkd, Long.parseLong(vhbk.get(0)[1]), vhbk.get(0)[2]);
        List<String[]> prbk = postings(PRBK);
        assertFalse(prbk.isEmpty());
        String[] credit = prbk.get(prbk.size() - 1);
        assertEquals("CNY", credit[0]);
        assertEquals(91_000_00L, Long.parseLong(credit[1]), credit[2]);
        // Both banks' camt.054s carry the payment's amounts and the exchange that converted them.
        assertConversion(vhbk.get(0)[2], "HKD", "100000.00", hkdCny);
        assertConversion(credit[2], "CNY", "100000.00", hkdCny);
        List<String[]> platform = postings(PLATFORM);
        assertEquals(2, platform.size());
        assertEquals("HKD", platform.get(0)[0]);
        assertEquals(debitedHkd, Long.parseLong(platform.get(0)[1]));
        assertEquals("CNY", platform.get(1)[0]);
        assertEquals(-91_000_00L, Long.parseLong(platform.get(1)[1]));

        // A restart replays the journal, rates and all, to the same state.
        String hash = stateHash();
        gateway.close();
        gateway = Gateway.start(config);
        assertEquals(hash, stateHash());
        assertEquals(vhbkHkd - debitedHkd, balance(VHBK, "HKD"));
        assertNotNull(health().get("status"));
    }
}
