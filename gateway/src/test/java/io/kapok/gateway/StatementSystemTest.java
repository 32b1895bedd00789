package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import io.kapok.gateway.demo.DemoMessages;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /v1/statement}: an account owner's camt.053 of today, read back by Prowide, opens with
 * the balance before the day's postings, lists exactly the postings its camt.054s reported (same
 * references and amounts), and closes with the ledger's balance.
 */
@Timeout(60)
class StatementSystemTest extends LoopbackGatewayTest {
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";

    @Test
    void aStatementOpensWithTheBalanceBeforeTheDayListsItsCamt054PostingsAndClosesWithTheLedger() throws Exception {
        TestConfigs.assumeDayDoesNotEndWithin(60); // the statement is today's, by the wall clock
        gateway = Gateway.start(TestConfigs.defaults(dataDir));
        long openingMinor = balance(VHBK, "CNY");
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", System.currentTimeMillis());
        post(m.payment("PRBK-ST-1", PRBK, VHBK, "CNY", 1_000_00L, "E2E-ST-1", null, "A", "B"));
        post(m.payment("VHBK-ST-2", VHBK, PRBK, "CNY", 250_00L, "E2E-ST-2", null, "B", "A"));
        post(m.payment("PRBK-ST-3", PRBK, VHBK, "USD", 10_00L, "E2E-ST-3", null, "A", "B"));
        post(m.payment("PRBK-ST-4", PRBK, VHBK, "CNY", 3_333_33L, "E2E-ST-4", null, "A", "B"));

        HttpResponse<String> answer = statement(VHBK, "CNY");
        assertEquals(200, answer.statusCode(), answer.body());
        AccountStatement9 stmt =
                MxCamt05300108.parse(answer.body()).getBkToCstmrStmt().getStmt().get(0);
        CashBalance8 opening = stmt.getBal().get(0);
        CashBalance8 closing = stmt.getBal().get(1);
        assertEquals("OPBD", opening.getTp().getCdOrPrtry().getCd());
        assertEquals("CLBD", closing.getTp().getCdOrPrtry().getCd());
        assertEquals(
                decimal(openingMinor),
                signed(opening.getAmt().getValue(), opening.getCdtDbtInd().value()));
        assertEquals(
                decimal(balance(VHBK, "CNY")),
                signed(closing.getAmt().getValue(), closing.getCdtDbtInd().value()));
        assertTrue(
                String.valueOf(closing.getDt().getDt())
                        .startsWith(LocalDate.now(ZoneOffset.UTC).toString()),
                "closes today: " + closing.getDt().getDt());

        Map<String, BigDecimal> listed = new TreeMap<>();
        BigDecimal sum =
                signed(opening.getAmt().getValue(), opening.getCdtDbtInd().value());
        for (ReportEntry10 entry : stmt.getNtry()) {
            BigDecimal amount =
                    signed(entry.getAmt().getValue(), entry.getCdtDbtInd().value());
            listed.put(entry.getNtryRef(), amount);
            sum = sum.add(amount);
        }
        assertEquals(signed(closing.getAmt().getValue(), closing.getCdtDbtInd().value()), sum, "opening + entries");
        assertEquals(posted(VHBK, "CNY"), listed, "the postings the camt.054s reported, no more, no less");
        assertEquals(3, listed.size());
    }

    @Test
    void aStatementNeedsAKnownAccountAndACurrency() throws Exception {
        gateway = Gateway.start(TestConfigs.defaults(dataDir));
        assertEquals(400, statement(VHBK, "CNH").statusCode(), "offshore renminbi travels as CNY");
        assertEquals(404, statement(VHBK, "MOP").statusCode(), "Victoria Harbour Bank holds no MOP");
        assertEquals(404, statement("NOBKCNGZXXX", "CNY").statusCode());
        HttpResponse<String> quiet = statement("LTBKMOMXXXX", "MOP");
        assertEquals(200, quiet.statusCode(), quiet.body());
        AccountStatement9 stmt =
                MxCamt05300108.parse(quiet.body()).getBkToCstmrStmt().getStmt().get(0);
        assertEquals(0, stmt.getNtry().size(), "no posting today");
        assertEquals(
                0,
                stmt.getBal()
                        .get(0)
                        .getAmt()
                        .getValue()
                        .compareTo(stmt.getBal().get(1).getAmt().getValue()));
    }

    /** The signed amount of each camt.054 in {@code party}'s mailbox on its {@code currency} account, by NtryRef. */
    private Map<String, BigDecimal> posted(String party, String currency) throws Exception {
        Map<String, BigDecimal> posted = new TreeMap<>();
        JsonNode messages = json.readTree(
                        get("/v1/mailbox?after=0&limit=256&waitMs=0", party).body())
                .path("messages");
        for (JsonNode message : messages) {
            if (!message.path("type").asText().equals("camt.054.001.08")) {
                continue;
            }
            String xml = new String(
                    Base64.getDecoder().decode(message.path("xmlBase64").asText()), StandardCharsets.UTF_8);
            var notification = MxCamt05400108.parse(xml)
                    .getBkToCstmrDbtCdtNtfctn()
                    .getNtfctn()
                    .get(0);
            if (!notification.getAcct().getCcy().equals(currency)) {
                continue;
            }
            for (ReportEntry10 entry : notification.getNtry()) {
                posted.put(
                        entry.getNtryRef(),
                        signed(entry.getAmt().getValue(), entry.getCdtDbtInd().value()));
            }
        }
        return posted;
    }

    private static BigDecimal signed(BigDecimal amount, String creditDebit) {
        return (creditDebit.equals("DBIT") ? amount.negate() : amount).setScale(2);
    }

    private static BigDecimal decimal(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    private long balance(String party, String currency) throws Exception {
        for (JsonNode a :
                json.readTree(get("/v1/ledger/accounts/" + party, party).body()).path("accounts")) {
            if (a.path("currency").asText().equals(currency)) {
                return a.path("balanceMinor").asLong();
            }
        }
        throw new AssertionError(party + " has no " + currency + " account");
    }

    private HttpResponse<String> statement(String party, String currency) throws Exception {
        return get("/v1/statement?currency=" + currency, party);
    }

    private HttpResponse<String> get(String path, String party) throws Exception {
        return send(
                HttpRequest.newBuilder(uri(path)).header("X-Kapok-Party", party).GET());
    }

    private void post(byte[] message) throws Exception {
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(uri("/v1/messages")).POST(HttpRequest.BodyPublishers.ofByteArray(message)));
        assertTrue(answer.body().contains("ACSC"), answer.body());
    }
}
