package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A partner and an ops engineer of a running gateway, over real loopback HTTP: posts ISO 20022
 * messages, reads the ops API and each party's mailbox. The port is asked for on every request, so
 * the client follows a gateway that was restarted on another port.
 */
final class FlowClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARTY_ID = Pattern.compile("<(?:BIC|Othr><Id)>([^<]+)<");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;

    FlowClient(IntSupplier port) {
        this.port = port;
    }

    HttpResponse<String> post(byte[] message) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/v1/messages"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(uri(path))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    /** What {@code party}'s mailbox holds, from the start (at most 256 messages). */
    JsonNode mailbox(String party) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(uri("/v1/mailbox?after=0&limit=256&waitMs=0"))
                                .timeout(Duration.ofSeconds(30))
                                .header("X-Kapok-Party", party)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    /** The message definitions in {@code party}'s mailbox, in order. */
    List<String> types(String party) throws Exception {
        List<String> types = new ArrayList<>();
        for (JsonNode message : mailbox(party).path("messages")) {
            types.add(message.path("type").asText());
        }
        return types;
    }

    /** The messages in {@code party}'s mailbox as XML, in order. */
    List<String> xmls(String party) throws Exception {
        List<String> xmls = new ArrayList<>();
        for (JsonNode message : mailbox(party).path("messages")) {
            xmls.add(new String(
                    Base64.getDecoder().decode(message.path("xmlBase64").asText()), StandardCharsets.UTF_8));
        }
        return xmls;
    }

    String lastXml(String party) throws Exception {
        List<String> xmls = xmls(party);
        return xmls.get(xmls.size() - 1);
    }

    /** {@code bank}'s settlement balance in {@code currency}, minor units. */
    long balance(String bank, String currency) throws Exception {
        for (JsonNode a : get("/v1/ledger/accounts/" + bank).path("accounts")) {
            if (a.path("currency").asText().equals(currency)) {
                return a.path("balanceMinor").asLong();
            }
        }
        throw new AssertionError(bank + " has no " + currency + " account");
    }

    /** The id of the letter party whose xml id is {@code xmlId} (BIC or organisation id). */
    static String partyNamed(String xml, String xmlId) {
        int at = xml.indexOf("<Id>" + xmlId + "</Id>");
        assertTrue(at >= 0, "no party " + xmlId + " in " + xml);
        Matcher id = PARTY_ID.matcher(xml);
        assertTrue(id.find(at), xml);
        return id.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
    }
}
