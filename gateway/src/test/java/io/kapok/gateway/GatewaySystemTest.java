package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.gateway.config.GatewayConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real gateway on port 0 with a temporary journal, driven over real HTTP on loopback. */
@Timeout(60)
class GatewaySystemTest {
    @TempDir
    Path dataDir;

    private Gateway gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(config());
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The configuration under test; subclasses run every test under another (e.g. sync durability). */
    GatewayConfig config() {
        return TestConfigs.defaults(dataDir);
    }

    private void restart() throws Exception {
        gateway.close();
        gateway = Gateway.start(config());
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/messages"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private String stateHash() throws Exception {
        return get("/v1/ledger/hash").body();
    }

    private long balanceMinor(String party, String currency) throws Exception {
        String json = get("/v1/ledger/accounts/" + party).body();
        Matcher m = Pattern.compile("\"currency\": \"" + currency + "\", \"balanceMinor\": (\\d+)")
                .matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void samplePaymentSettlesWithAcscAndMovesBalancesInMinorUnits() throws Exception {
        HttpResponse<String> response = post(TestMessages.SAMPLE);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("ACSC", element(response.body(), "TxSts"));
        assertEquals(TestMessages.SAMPLE_MSG_ID, element(response.body(), "OrgnlMsgId"));
        assertEquals(TestMessages.SAMPLE_UETR, element(response.body(), "OrgnlUETR"));
        assertEquals("pacs.002.001.10", element(response.body(), "MsgDefIdr"));
        assertEquals(5_000_000_000L - 125_000_000L, balanceMinor("PRBKCNGZXXX", "CNY"));
        assertEquals(2_000_000_000L + 125_000_000L, balanceMinor("VHBKHKHHXXX", "CNY"));
    }

    @Test
    void retryGetsTheOriginalAnswerByteForByteAndPostsOnce() throws Exception {
        String first = post(TestMessages.SAMPLE).body();
        String hash = stateHash();
        String second = post(TestMessages.SAMPLE).body();
        assertEquals(first, second);
        assertEquals(hash, stateHash());
        assertEquals(5_000_000_000L - 125_000_000L, balanceMinor("PRBKCNGZXXX", "CNY"));
    }

    @Test
    void sameMsgIdWithAnotherPayloadIsRejectedDuplAndChangesNothing() throws Exception {
        post(TestMessages.SAMPLE);
        String hash = stateHash();
        HttpResponse<String> response = post(TestMessages.payment(TestMessages.SAMPLE_MSG_ID, "10.00"));
        assertEquals("RJCT", element(response.body(), "TxSts"), response.body());
        assertEquals("DUPL", element(response.body(), "Cd"));
        assertEquals(hash, stateHash());
    }

    @Test
    void sameUetrUnderAnotherMsgIdIsRejectedDupl() throws Exception {
        post(TestMessages.SAMPLE);
        String hash = stateHash();
        HttpResponse<String> response =
                post(TestMessages.payment("PRBK-OTHER-1", TestMessages.SAMPLE_UETR, "1250000.00"));
        assertEquals("DUPL", element(response.body(), "Cd"), response.body());
        assertEquals(hash, stateHash());
    }

    @Test
    void paymentOverTheBalanceIsRejectedAm04AndMovesNoMoney() throws Exception {
        HttpResponse<String> response = post(TestMessages.payment("PRBK-BIG-1", "50000000.01"));
        assertEquals(200, response.statusCode());
        assertEquals("RJCT", element(response.body(), "TxSts"), response.body());
        assertEquals("AM04", element(response.body(), "Cd"));
        assertEquals(5_000_000_000L, balanceMinor("PRBKCNGZXXX", "CNY"));
        assertEquals(2_000_000_000L, balanceMinor("VHBKHKHHXXX", "CNY"));
    }

    @Test
    void malformedBodyGetsAdmi002AndChangesNothing() throws Exception {
        String hash = stateHash();
        HttpResponse<String> response = post("<Envelope><AppHdr>not closed");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("urn:iso:std:iso:20022:tech:xsd:admi.002.001.01"), response.body());
        assertEquals("FF01", element(response.body(), "RjctgPtyRsn"));
        assertEquals(hash, stateHash());
    }

    @Test
    void wrongNamespaceGetsAdmi002NamingTheNamespaceAndChangesNothing() throws Exception {
        String hash = stateHash();
        HttpResponse<String> response = post(TestMessages.SAMPLE.replace("pacs.008.001.08\">", "pacs.008.001.09\">"));
        assertEquals(400, response.statusCode());
        assertEquals("FF01", element(response.body(), "RjctgPtyRsn"), response.body());
        assertTrue(element(response.body(), "RsnDesc").contains("pacs.008.001.09"), response.body());
        assertEquals(hash, stateHash());
    }

    @Test
    void oversizedBodyGets413WithAdmi002AndChangesNothing() throws Exception {
        String hash = stateHash();
        String padding = "<!--" + "x".repeat(config().limits().bodySizeBytesMax()) + "-->";
        HttpResponse<String> response = post(TestMessages.SAMPLE.replace("<Envelope>", "<Envelope>" + padding));
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("limits.bodySizeBytesMax"), response.body());
        assertEquals(hash, stateHash());
    }

    @Test
    void missingUetrGetsPacs002RjctNamingTheElementAndChangesNothing() throws Exception {
        String hash = stateHash();
        HttpResponse<String> response = post(TestMessages.SAMPLE.replaceAll("<UETR>[^<]*</UETR>", ""));
        assertEquals(400, response.statusCode());
        assertEquals("RJCT", element(response.body(), "TxSts"), response.body());
        assertEquals("FF01", element(response.body(), "Cd"));
        assertTrue(response.body().contains("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf/PmtId/UETR"), response.body());
        assertEquals(TestMessages.SAMPLE_MSG_ID, element(response.body(), "OrgnlMsgId"));
        assertEquals(hash, stateHash());
    }

    @Test
    void prefixedNamespacesAndAnyEnvelopeNameAreAccepted() throws Exception {
        String prefixed = TestMessages.payment("PRBK-PFX-1", "1.00")
                .replace(
                        "<Envelope>",
                        "<b:BizMsg xmlns:b=\"urn:example:envelope\" xmlns:h=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\">")
                .replace("</Envelope>", "</b:BizMsg>")
                .replace("<AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\">", "<h:AppHdr>")
                .replace("</AppHdr>", "</h:AppHdr>")
                .replaceAll("<(/?)(Fr|To|FIId|FinInstnId|BICFI|BizMsgIdr|MsgDefIdr|BizSvc|CreDt)>", "<$1h:$2>");
        // Undo the AppHdr prefixes inside the Document, which has its own default namespace.
        int doc = prefixed.indexOf("<Document");
        prefixed = prefixed.substring(0, doc) + prefixed.substring(doc).replaceAll("<(/?)h:", "<$1");
        HttpResponse<String> response = post(prefixed);
        assertEquals("ACSC", element(response.body(), "TxSts"), response.body() + "\n" + prefixed);
    }

    @Test
    void restartReplaysTheJournalToTheSameStateHashAndBalances() throws Exception {
        post(TestMessages.SAMPLE);
        post(TestMessages.payment("PRBK-2", "10.01"));
        post(TestMessages.payment("PRBK-3", "99999999.00")); // AM04, journaled as a decision
        String hash = stateHash();
        long prbk = balanceMinor("PRBKCNGZXXX", "CNY");
        String firstAnswer = post(TestMessages.SAMPLE).body();
        restart();
        assertEquals(hash, stateHash());
        assertEquals(prbk, balanceMinor("PRBKCNGZXXX", "CNY"));
        assertEquals(firstAnswer, post(TestMessages.SAMPLE).body(), "a retry after restart gets the original answer");
    }

    @Test
    void concurrentPaymentsFromManyConnectionsAllSettleExactlyOnce() throws Exception {
        int count = 200;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri("/v1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(TestMessages.payment("PRBK-C-" + i, "1.00")))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(
                    "ACSC", element(answer.get().body(), "TxSts"), answer.get().body());
        }
        assertEquals(5_000_000_000L - count * 100L, balanceMinor("PRBKCNGZXXX", "CNY"));
    }

    @Test
    void echoEndpointAnswersACannedStatusAndTouchesNothing() throws Exception {
        String hash = stateHash();
        HttpResponse<String> response = post(TestMessages.SAMPLE);
        String echo = http.send(
                        HttpRequest.newBuilder(uri("/v1/echo"))
                                .POST(HttpRequest.BodyPublishers.ofString("anything"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertEquals("ACSC", element(echo, "TxSts"), echo);
        assertNotEquals(hash, stateHash(), "the payment moved the state");
        String afterPayment = stateHash();
        http.send(
                HttpRequest.newBuilder(uri("/v1/echo"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(afterPayment, stateHash(), "the echo did not");
        assertEquals("ACSC", element(response.body(), "TxSts"));
    }

    @Test
    void pipelinedRequestsAreAnsweredInRequestOrder() throws Exception {
        // Three requests in one write: a payment, an invalid one answered at once on the event
        // loop, and another payment. The answers must come back in that order.
        String[] bodies = {
            TestMessages.payment("PRBK-PIPE-1", "1.00"),
            TestMessages.payment("PRBK-PIPE-2", "1.00").replaceAll("<UETR>[^<]*</UETR>", ""),
            TestMessages.payment("PRBK-PIPE-3", "1.00"),
        };
        StringBuilder requests = new StringBuilder();
        for (String body : bodies) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            requests.append(
                            "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\nContent-Length: ")
                    .append(bytes.length)
                    .append("\r\n\r\n")
                    .append(body);
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            String[] expected = {"PRBK-PIPE-1:ACSC", "PRBK-PIPE-2:RJCT", "PRBK-PIPE-3:ACSC"};
            for (String want : expected) {
                String answer = readHttpResponse(in);
                assertEquals(want, element(answer, "OrgnlMsgId") + ":" + element(answer, "TxSts"), answer);
            }
        }
    }

    private static String readHttpResponse(java.io.DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        Matcher m = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        assertTrue(m.find(), head.toString());
        byte[] body = new byte[Integer.parseInt(m.group(1))];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void opsApiAnswersHealthHashAndUnknownParty() throws Exception {
        HttpResponse<String> health = get("/v1/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"status\": \"UP\""), health.body());
        String before = stateHash();
        assertTrue(before.matches("\\{\"sequence\": \\d+, \"stateHash\": \"[0-9a-f]{64}\"}\\s*"), before);
        assertEquals(404, get("/v1/ledger/accounts/NOSUCHPARTY").statusCode());
        assertEquals(404, get("/v1/nothing").statusCode());
        assertEquals(405, get("/v1/messages").statusCode());
        post(TestMessages.SAMPLE);
        assertNotEquals(before, stateHash());
        assertEquals(
                balanceMinor("PRBKCNGZXXX", "CNY"),
                balanceMinor("PRBKCNGZ", "CNY"),
                "8-character BIC names the same party");
    }

    @Test
    void exposureShowsTheConfiguredCreditLinesOfABankAndNothingReservedOrUsedYet() throws Exception {
        HttpResponse<String> prbk = get("/v1/ledger/exposure/PRBKCNGZXXX");
        assertEquals(200, prbk.statusCode(), prbk.body());
        // config/kapok.yaml: Pearl River Bank -> Canton Auto Group, CNY 20,000,000.00
        assertTrue(
                prbk.body()
                        .contains("{\"coreId\": \"91440101MA9KAPK001\", \"currency\": \"CNY\", "
                                + "\"limitMinor\": 2000000000, \"limit\": \"20000000.00\", "
                                + "\"reservedMinor\": 0, \"reserved\": \"0.00\", \"usedMinor\": 0, \"used\": \"0.00\", "
                                + "\"availableMinor\": 2000000000, \"available\": \"20000000.00\"}"),
                prbk.body());
        assertEquals(
                get("/v1/ledger/exposure/PRBKCNGZXXX").body(),
                get("/v1/ledger/exposure/PRBKCNGZ").body());
        HttpResponse<String> lotus = get("/v1/ledger/exposure/LTBKMOMXXXX");
        assertEquals(200, lotus.statusCode());
        assertTrue(lotus.body().strip().endsWith("\"lines\": []}"), "a bank without lines: " + lotus.body());
        assertEquals(404, get("/v1/ledger/exposure/NOSUCHBANK").statusCode());
    }

    @Test
    void anUnknownReceivableIs404AndTheNotFoundAnswerListsTheLedgerPaths() throws Exception {
        HttpResponse<String> none = get("/v1/ledger/receivables/INV-NOT-REGISTERED");
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("\"receivableId\": \"INV-NOT-REGISTERED\""), none.body());
        HttpResponse<String> notFound = get("/v1/nothing");
        assertTrue(notFound.body().contains("GET /v1/ledger/receivables/{receivableId}"), notFound.body());
        assertTrue(notFound.body().contains("GET /v1/ledger/exposure/{bankId}"), notFound.body());
    }
}
