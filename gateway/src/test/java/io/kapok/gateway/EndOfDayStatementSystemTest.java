package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.demo.DemoMessages;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end-of-day camt.053 over real HTTP, on a clock the test moves: postings on one day, the day
 * ends (a tick of the gateway's clock, no traffic), and the owner of every account with a posting
 * that day, and the party configured to get every account's, finds that day's statement in its
 * mailbox; Prowide reads it, it reconciles with the day's camt.054s and the ledger's balance at the
 * day's end, and a restart, even one that rebuilds the mailbox from the journal, gives the same
 * statements, once.
 */
@Timeout(90)
class EndOfDayStatementSystemTest extends LoopbackGatewayTest {
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";
    private static final String LTBK = "LTBKMOMXXXX";
    private static final String PLATFORM = "KAPKCNGZXXX";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final long DAY_START_MS = DAY.toEpochDay() * 86_400_000L;

    private final AtomicLong clockMs = new AtomicLong(DAY_START_MS + 10 * 3_600_000L);

    private GatewayConfig config() {
        return ConfigLoader.loadDefaults()
                .withPort(0)
                .withDataDir(dataDir.toString())
                .withNotifications(new GatewayConfig.Notifications(true, true, List.of(LTBK), 3600));
    }

    @Test
    void eachAccountWithPostingsGetsTheDaysStatementAtItsEndReconciledAndOnceAfterARestart() throws Exception {
        GatewayConfig config = config();
        gateway = Gateway.start(config, clockMs::get);
        DemoMessages m = new DemoMessages(PLATFORM, clockMs.get());
        post(m.payment("PRBK-EOD-1", PRBK, VHBK, "CNY", 1_000_00L, "E2E-EOD-1", null, "A", "B"));
        post(m.payment("VHBK-EOD-2", VHBK, PRBK, "CNY", 250_00L, "E2E-EOD-2", null, "B", "A"));
        // A restart during the day: the close counts the postings before it (read back from the
        // mailbox at start-up) and those after it (counted as they are written) alike.
        gateway.close();
        gateway = Gateway.start(config, clockMs::get);
        clockMs.addAndGet(3_600_000L);
        post(m.payment("PRBK-EOD-3", PRBK, VHBK, "USD", 10_00L, "E2E-EOD-3", null, "A", "B"));
        Map<String, Long> closing = new TreeMap<>();
        for (String party : List.of(PRBK, VHBK, LTBK)) {
            closing.putAll(balances(party));
        }
        assertTrue(gateway.checkDayEnd());
        assertEquals(0, statements(PRBK).size(), "the day has not ended: nothing closes");

        // The day ends: a tick of the clock closes it, then the next day's first payment follows.
        clockMs.set(DAY_START_MS + 86_400_000L + 1_000L);
        assertTrue(gateway.checkDayEnd());
        awaitStatements(PRBK, 2);
        post(new DemoMessages(PLATFORM, clockMs.get())
                .payment("PRBK-EOD-4", PRBK, VHBK, "CNY", 5_00L, "E2E-EOD-4", null, "A", "B"));

        Map<String, List<String>> before = new TreeMap<>();
        for (String party : List.of(PRBK, VHBK, LTBK, PLATFORM)) {
            before.put(party, mailbox(party));
        }
        assertStatements(PRBK, List.of("CNY", "USD"), closing);
        assertStatements(VHBK, List.of("CNY", "USD"), closing);
        assertStatements(LTBK, List.of("HKD", "MOP"), closing); // every account: no postings, still one each
        assertEquals(0, statements(PLATFORM).size(), "no posting of the platform's that day");

        // A restart recovers the same mailboxes: same statements, not one more.
        gateway.close();
        gateway = Gateway.start(config, clockMs::get);
        assertTrue(gateway.checkDayEnd());
        for (String party : before.keySet()) {
            assertEquals(before.get(party), mailbox(party), party + "'s mailbox after a restart");
        }

        // Without its mailbox and snapshots, the restart composes every message again from the journal.
        gateway.close();
        gateway = null;
        delete(dataDir.resolve("mailbox"));
        delete(dataDir.resolve("snapshots"));
        Files.deleteIfExists(dataDir.resolve("mailbox-retention.txt"));
        gateway = Gateway.start(config, clockMs::get);
        for (String party : before.keySet()) {
            assertEquals(before.get(party), mailbox(party), party + "'s mailbox composed again from the journal");
        }
    }

    /**
     * {@code party} has one camt.053 of {@link #DAY} per currency in {@code currencies}, in that order,
     * each reconciling: opening + entries = closing = the balance at the day's end, the entries
     * exactly that day's camt.054s on the account.
     */
    private void assertStatements(String party, List<String> currencies, Map<String, Long> closing) throws Exception {
        List<AccountStatement9> statements = statements(party);
        assertEquals(currencies.size(), statements.size(), party + "'s statements");
        for (int i = 0; i < currencies.size(); i++) {
            String currency = currencies.get(i);
            AccountStatement9 stmt = statements.get(i);
            assertEquals(currency, stmt.getAcct().getCcy());
            CashBalance8 opening = stmt.getBal().get(0);
            CashBalance8 close = stmt.getBal().get(1);
            assertEquals("OPBD", opening.getTp().getCdOrPrtry().getCd());
            assertEquals("CLBD", close.getTp().getCdOrPrtry().getCd());
            assertTrue(String.valueOf(close.getDt().getDt()).startsWith(DAY.toString()), "closes " + DAY);
            BigDecimal sum =
                    signed(opening.getAmt().getValue(), opening.getCdtDbtInd().value());
            Map<String, BigDecimal> listed = new TreeMap<>();
            for (ReportEntry10 entry : stmt.getNtry()) {
                BigDecimal amount =
                        signed(entry.getAmt().getValue(), entry.getCdtDbtInd().value());
                listed.put(entry.getNtryRef(), amount);
                sum = sum.add(amount);
            }
            BigDecimal closingBalance =
                    signed(close.getAmt().getValue(), close.getCdtDbtInd().value());
            assertEquals(closingBalance, sum, party + " " + currency + ": opening + entries");
            assertEquals(
                    BigDecimal.valueOf(closing.get(party + " " + currency), 2),
                    closingBalance,
                    party + " " + currency + ": the ledger's balance at the day's end");
            assertEquals(postedOnTheDay(party, currency), listed, party + " " + currency + ": the day's camt.054s");
        }
    }

    private List<AccountStatement9> statements(String party) throws Exception {
        List<AccountStatement9> statements = new ArrayList<>();
        for (JsonNode message : messages(party)) {
            if (message.path("type").asText().equals("camt.053.001.08")) {
                statements.add(MxCamt05300108.parse(xml(message))
                        .getBkToCstmrStmt()
                        .getStmt()
                        .get(0));
            }
        }
        return statements;
    }

    private void awaitStatements(String party, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (statements(party).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, statements(party).size(), party + "'s statements");
    }

    /** The signed amount of each camt.054 of {@link #DAY} in {@code party}'s mailbox on its {@code currency} account. */
    private Map<String, BigDecimal> postedOnTheDay(String party, String currency) throws Exception {
        Map<String, BigDecimal> posted = new TreeMap<>();
        for (JsonNode message : messages(party)) {
            if (!message.path("type").asText().equals("camt.054.001.08")) {
                continue;
            }
            var notification = MxCamt05400108.parse(xml(message))
                    .getBkToCstmrDbtCdtNtfctn()
                    .getNtfctn()
                    .get(0);
            if (!notification.getAcct().getCcy().equals(currency)) {
                continue;
            }
            for (ReportEntry10 entry : notification.getNtry()) {
                if (String.valueOf(entry.getBookgDt().getDt()).startsWith(DAY.toString())) {
                    posted.put(
                            entry.getNtryRef(),
                            signed(
                                    entry.getAmt().getValue(),
                                    entry.getCdtDbtInd().value()));
                }
            }
        }
        return posted;
    }

    /** Every message of {@code party}'s mailbox: type, inbound sequence, time and bytes. */
    private List<String> mailbox(String party) throws Exception {
        List<String> all = new ArrayList<>();
        for (JsonNode message : messages(party)) {
            all.add(message.path("sequence").asLong() + " "
                    + message.path("type").asText() + " "
                    + message.path("inboundSequence").asLong() + " "
                    + Instant.ofEpochMilli(message.path("createdTimeMs").asLong()) + " "
                    + message.path("xmlBase64").asText());
        }
        return all;
    }

    private JsonNode messages(String party) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/v1/mailbox?after=0&limit=256&waitMs=0"))
                .header("X-Kapok-Party", party)
                .GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return json.readTree(answer.body()).path("messages");
    }

    private static String xml(JsonNode message) {
        return new String(Base64.getDecoder().decode(message.path("xmlBase64").asText()), StandardCharsets.UTF_8);
    }

    /** {@code "PARTY CCY"} → balance in minor units, as the ledger holds it now. */
    private Map<String, Long> balances(String party) throws Exception {
        Map<String, Long> balances = new TreeMap<>();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/v1/ledger/accounts/" + party))
                .header("X-Kapok-Party", party)
                .GET());
        for (JsonNode a : json.readTree(answer.body()).path("accounts")) {
            balances.put(
                    party + " " + a.path("currency").asText(),
                    a.path("balanceMinor").asLong());
        }
        return balances;
    }

    private static BigDecimal signed(BigDecimal amount, String creditDebit) {
        return (creditDebit.equals("DBIT") ? amount.negate() : amount).setScale(2);
    }

    private void post(byte[] message) throws Exception {
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(uri("/v1/messages")).POST(HttpRequest.BodyPublishers.ofByteArray(message)));
        assertTrue(answer.body().contains("ACSC"), answer.body());
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
