package io.kapok.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted 1+N story of {@code ./kapok demo}, played over real HTTP against a running gateway
 * of the demo world: Canton Auto Group confirms invoices of its three suppliers (Nansha Wire &amp;
 * Cable, tier 2, reached by a split from Foshan Precision Parts), Foshan factors what it kept of the
 * split invoice to Pearl River Bank, Pearl River Bank finances in CNY
 * and Victoria Harbour Bank in USD, a second financing of the same invoice is refused, the banks
 * disburse, and Canton Auto Group's bank repays every receivable at maturity. Prints each step as
 * one line, then the banks' balances, exposures, the receivables' states and each party's
 * mailbox, as tables. Every step checks the answer it expects and the story stops at the first
 * surprise ({@link StoryException}).
 */
public final class DemoStory {
    public static final String PLATFORM = "KAPKCNGZXXX";
    public static final String PRBK = "PRBKCNGZXXX";
    public static final String VHBK = "VHBKHKHHXXX";
    public static final String CANTON = "91440101MA9KAPK001";
    public static final String FOSHAN = "91440604MA9KAPK002";
    public static final String JIANGMEN = "91440700MA9KAPK003";
    public static final String NANSHA = "91440115MA9KAPK004";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(PRBK, "Pearl River Bank");
        NAMES.put(VHBK, "Victoria Harbour Bank");
        NAMES.put("LTBKMOMXXXX", "Lotus Bank Macau");
        NAMES.put(CANTON, "Canton Auto Group");
        NAMES.put(FOSHAN, "Foshan Precision Parts");
        NAMES.put(JIANGMEN, "Jiangmen Motor Works");
        NAMES.put(NANSHA, "Nansha Wire & Cable");
    }

    /** A step whose answer was not the one the story expects. */
    public static final class StoryException extends RuntimeException {
        StoryException(String message) {
            super(message);
        }
    }

    private final String baseUrl;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final DemoMessages messages;
    private final String run;
    private final LocalDate today;
    private int step;

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8080}
     * @param runId   a short tag that keeps this run's ids apart from an earlier run's on the same journal
     */
    public DemoStory(String baseUrl, PrintStream out, String runId) {
        this.baseUrl = baseUrl;
        this.out = out;
        this.run = runId;
        this.today = LocalDate.now(java.time.ZoneOffset.UTC);
        this.messages = new DemoMessages(PLATFORM, System.currentTimeMillis());
    }

    /** Plays the story; the receivables it created, by id, with the state each must end in. */
    public Map<String, String> play() throws IOException, InterruptedException {
        long issue = today.minusDays(30).toEpochDay();
        long due = today.plusDays(90).toEpochDay();
        Invoice foshan1 = new Invoice("FSPP-" + run + "-001", "CNY", 1_200_000_00L, issue, due);
        Invoice foshan2 = new Invoice("FSPP-" + run + "-002", "CNY", 500_000_00L, issue, due);
        Invoice jiangmen1 = new Invoice("JMMW-" + run + "-001", "USD", 300_000_00L, issue, due);

        out.println("Kapok demo: a 1+N supply chain on " + baseUrl + " (every step is an ISO 20022 message over HTTP)");
        out.println();
        expect(
                "Foshan Precision Parts registers invoice " + foshan1.number()
                        + " on Canton Auto Group, CNY 1,200,000.00",
                "tsin.004",
                post(messages.invoice(run + "-R1", FOSHAN, CANTON, foshan1)),
                "RCCF");
        expect(
                "Foshan Precision Parts registers invoice " + foshan2.number() + ", CNY 500,000.00",
                "tsin.004",
                post(messages.invoice(run + "-R2", FOSHAN, CANTON, foshan2)),
                "RCCF");
        expect(
                "Jiangmen Motor Works registers invoice " + jiangmen1.number() + ", USD 300,000.00",
                "tsin.004",
                post(messages.invoice(run + "-R3", JIANGMEN, CANTON, jiangmen1)),
                "RCCF");
        expect(
                "Canton Auto Group confirms (确权) what it owes Foshan Precision Parts",
                "tsin.013",
                post(messages.confirmation(run + "-C1", CANTON, List.of(foshan1, foshan2), List.of())),
                "RCCF");
        expect(
                "Canton Auto Group confirms what it owes Jiangmen Motor Works",
                "tsin.013",
                post(messages.confirmation(run + "-C2", CANTON, List.of(jiangmen1), List.of())),
                "RCCF");
        Invoice nansha = new Invoice(foshan2.number() + "-1", "CNY", 200_000_00L, issue, due);
        expect(
                "Foshan Precision Parts splits CNY 200,000.00 of " + foshan2.number()
                        + " to its supplier Nansha Wire & Cable (tier 2): " + nansha.number(),
                "tsin.006",
                post(messages.split(run + "-S1", FOSHAN, NANSHA, foshan2, 200_000_00L)),
                "RCCF");

        expect(
                "Foshan Precision Parts factors the CNY 300,000.00 it kept of " + foshan2.number()
                        + " to Pearl River Bank: Canton Auto Group now owes the bank",
                "tsin.006",
                post(messages.assignment(run + "-A1", FOSHAN, PRBK, foshan2, 300_000_00L)),
                "RCCF");

        expect(
                "Victoria Harbour Bank onboards Nansha Wire & Cable into its USD programme with Canton Auto Group",
                "tsin.009",
                post(messages.onboarding(run + "-O1", VHBK, NANSHA, "USD", List.of("VHBK-CAG-USD"))),
                "RCCF");

        String g1 = run + "-F1";
        String g2 = run + "-F2";
        String g3 = run + "-F3";
        expect(
                "Foshan Precision Parts asks Pearl River Bank to finance " + foshan1.number(),
                "tsin.001",
                post(messages.financingRequest(g1, FOSHAN, CANTON, PRBK, "PRBK-CAG-CNY", foshan1, -1)),
                "RCCF");
        expect(
                "Nansha Wire & Cable (tier 2) asks Pearl River Bank to finance " + nansha.number(),
                "tsin.001",
                post(messages.financingRequest(g2, NANSHA, CANTON, PRBK, null, nansha, -1)),
                "RCCF");
        expect(
                "Jiangmen Motor Works asks Victoria Harbour Bank to finance " + jiangmen1.number() + " in USD",
                "tsin.001",
                post(messages.financingRequest(g3, JIANGMEN, CANTON, VHBK, "VHBK-CAG-USD", jiangmen1, -1)),
                "RCCF");
        expect(
                "Pearl River Bank finances 90%: CNY 1,080,000.00 against " + foshan1.number(),
                "tsin.002",
                post(messages.decision(run + "-D1", PRBK, FOSHAN, g1, foshan1, 1_080_000_00L, null)),
                "RCCF");
        expect(
                "Pearl River Bank finances 90%: CNY 180,000.00 against " + nansha.number(),
                "tsin.002",
                post(messages.decision(run + "-D2", PRBK, NANSHA, g2, nansha, 180_000_00L, null)),
                "RCCF");
        expect(
                "Victoria Harbour Bank finances 90%: USD 270,000.00 against " + jiangmen1.number(),
                "tsin.002",
                post(messages.decision(run + "-D3", VHBK, JIANGMEN, g3, jiangmen1, 270_000_00L, null)),
                "RCCF");
        expect(
                "Foshan Precision Parts asks Pearl River Bank again for " + foshan1.number()
                        + ": the same amount twice",
                "tsin.001",
                post(messages.financingRequest(run + "-F4", FOSHAN, CANTON, PRBK, "PRBK-CAG-CNY", foshan1, -1)),
                "RCER");
        expect(
                "Pearl River Bank disburses CNY 1,080,000.00 to Foshan Precision Parts (its own customer), registry ref ZDW-"
                        + run + "-1",
                "pacs.008",
                post(messages.payment(
                        run + "-P1",
                        PRBK,
                        PRBK,
                        "CNY",
                        1_080_000_00L,
                        g1 + "/" + foshan1.number(),
                        "/REG/ZDW-" + run + "-1",
                        "Pearl River Bank",
                        "Foshan Precision Parts")),
                "ACSC");
        expect(
                "Pearl River Bank disburses CNY 180,000.00 to Nansha Wire & Cable",
                "pacs.008",
                post(messages.payment(
                        run + "-P2",
                        PRBK,
                        PRBK,
                        "CNY",
                        180_000_00L,
                        g2 + "/" + nansha.number(),
                        "/REG/ZDW-" + run + "-2",
                        "Pearl River Bank",
                        "Nansha Wire & Cable")),
                "ACSC");
        expect(
                "Victoria Harbour Bank pays USD 270,000.00 to Jiangmen Motor Works' account at Pearl River Bank",
                "pacs.008",
                post(messages.payment(
                        run + "-P3",
                        VHBK,
                        PRBK,
                        "USD",
                        270_000_00L,
                        g3 + "/" + jiangmen1.number(),
                        "/REG/ZDW-" + run + "-3",
                        "Victoria Harbour Bank",
                        "Jiangmen Motor Works")),
                "ACSC");
        out.println();
        exposures("Exposures once disbursed");
        out.println();
        out.println("  ... maturity: Canton Auto Group's bank, Pearl River Bank, pays every receivable ...");
        out.println();
        expect(
                "Canton Auto Group repays " + foshan1.number() + " CNY 1,200,000.00 to the financing bank (on us)",
                "pacs.008",
                post(messages.payment(
                        run + "-M1",
                        PRBK,
                        PRBK,
                        "CNY",
                        1_200_000_00L,
                        foshan1.number(),
                        null,
                        "Canton Auto Group",
                        "Pearl River Bank")),
                "ACSC");
        expect(
                "Canton Auto Group repays " + foshan2.number()
                        + " CNY 300,000.00 to Pearl River Bank, which it was assigned to",
                "pacs.008",
                post(messages.payment(
                        run + "-M2",
                        PRBK,
                        PRBK,
                        "CNY",
                        300_000_00L,
                        foshan2.number(),
                        null,
                        "Canton Auto Group",
                        "Pearl River Bank")),
                "ACSC");
        expect(
                "Canton Auto Group repays " + nansha.number() + " CNY 200,000.00 to the financing bank",
                "pacs.008",
                post(messages.payment(
                        run + "-M3",
                        PRBK,
                        PRBK,
                        "CNY",
                        200_000_00L,
                        nansha.number(),
                        null,
                        "Canton Auto Group",
                        "Pearl River Bank")),
                "ACSC");
        expect(
                "Canton Auto Group repays " + jiangmen1.number() + " USD 300,000.00 to Victoria Harbour Bank",
                "pacs.008",
                post(messages.payment(
                        run + "-M4",
                        PRBK,
                        VHBK,
                        "USD",
                        300_000_00L,
                        jiangmen1.number(),
                        null,
                        "Canton Auto Group",
                        "Victoria Harbour Bank")),
                "ACSC");

        expect(
                "Pearl River Bank reconciles: its payment " + foshan1.number() + " settled " + foshan1.number(),
                "tsmt.053",
                post(messages.reconciliation(
                        run + "-K1", PRBK, foshan1.number(), foshan1.amountMinor(), List.of(foshan1))),
                "RCCF");

        Map<String, String> ends = new LinkedHashMap<>();
        ends.put(foshan1.number(), "SETTLED");
        ends.put(foshan2.number(), "SETTLED");
        ends.put(nansha.number(), "SETTLED");
        ends.put(jiangmen1.number(), "SETTLED");
        tables(ends);
        return ends;
    }

    private record Answer(int httpStatus, String body) {}

    private Answer post(byte[] message) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/messages"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static final Pattern STATUS = Pattern.compile("<(?:\\w+:)?(?:TxSts|FincgReqSts|Sts|GrpSts)>([A-Z]{4})</");
    private static final Pattern MESSAGE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:((?!head)[a-z]{4}\\.\\d{3})");
    private static final Pattern REASON = Pattern.compile("<(?:\\w+:)?Cd>([A-Z0-9]{4})</");
    private static final Pattern INFO = Pattern.compile("<(?:\\w+:)?(?:AddtlInf|AddtlStsRsnInf|Desc)>([^<]{1,160})</");

    /** One line for the step; throws unless the answer's first status is {@code expected}. */
    private void expect(String what, String messageType, Answer answer, String expected) {
        step++;
        Matcher status = STATUS.matcher(answer.body());
        String got = status.find() ? status.group(1) : "HTTP " + answer.httpStatus();
        Matcher type = MESSAGE.matcher(answer.body());
        String answerType = type.find() ? type.group(1) : "?";
        StringBuilder line = new StringBuilder();
        line.append(String.format("%3d  %-8s %s%n         → %s %s", step, messageType, what, answerType, got));
        if (!got.equals(expected) || expected.equals("RCER")) {
            Matcher reason = REASON.matcher(answer.body());
            Matcher info = INFO.matcher(answer.body());
            if (reason.find()) {
                line.append(' ').append(reason.group(1));
            }
            if (info.find()) {
                line.append(": ").append(info.group(1));
            }
        }
        out.println(line);
        if (!got.equals(expected)) {
            throw new StoryException("step " + step + " (" + what + ") was answered " + got + ", expected " + expected
                    + "; the answer: " + answer.body());
        }
    }

    private void tables(Map<String, String> receivables) throws IOException, InterruptedException {
        out.println();
        out.println("Balances at the platform (settlement accounts)");
        out.println(String.format("  %-24s %-4s %22s", "bank", "ccy", "balance"));
        for (String bank : List.of(PRBK, VHBK, "LTBKMOMXXXX")) {
            JsonNode accounts = get("/v1/ledger/accounts/" + bank).path("accounts");
            for (JsonNode a : accounts) {
                out.println(String.format(
                        "  %-24s %-4s %22s",
                        NAMES.get(bank),
                        a.path("currency").asText(),
                        grouped(a.path("balance").asText())));
            }
        }
        exposures("Exposures after repayment");
        out.println();
        out.println("Receivables");
        out.println(String.format(
                "  %-22s %-9s %-24s %-4s %16s  %-40s %s",
                "id", "state", "holder", "ccy", "face", "financing", "provenance"));
        for (String id : receivables.keySet()) {
            JsonNode r = get("/v1/ledger/receivables/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
            String parent = r.path("parentId").isTextual()
                    ? "split from " + r.path("parentId").asText()
                    : "";
            JsonNode f = r.path("financing");
            String financing = f.isObject()
                    ? f.path("state").asText() + " "
                            + grouped(f.path("financed").asText()) + " by "
                            + NAMES.getOrDefault(
                                    f.path("bankId").asText(), f.path("bankId").asText())
                    : r.path("history").toString().contains("\"ASSIGNED\"") ? "FACTORED: held by the bank" : "-";
            out.println(String.format(
                    "  %-22s %-9s %-24s %-4s %16s  %-40s %s",
                    id,
                    r.path("state").asText(),
                    NAMES.getOrDefault(
                            r.path("holderId").asText(), r.path("holderId").asText()),
                    r.path("currency").asText(),
                    grouped(r.path("face").asText()),
                    financing,
                    parent));
            if (!r.path("state").asText().equals(receivables.get(id))) {
                throw new StoryException("receivable " + id + " ended "
                        + r.path("state").asText() + ", expected " + receivables.get(id));
            }
        }
        out.println();
        out.println("Mailboxes (what each party can fetch with GET /v1/mailbox)");
        for (String party : NAMES.keySet()) {
            JsonNode box = mailbox(party);
            Map<String, Integer> byType = new LinkedHashMap<>();
            for (JsonNode m : box.path("messages")) {
                byType.merge(m.path("type").asText(), 1, Integer::sum);
            }
            List<String> parts = new ArrayList<>();
            byType.forEach((type, n) -> parts.add(n + " × " + type));
            out.println(
                    String.format("  %-24s %s", NAMES.get(party), parts.isEmpty() ? "—" : String.join(", ", parts)));
        }
    }

    private void exposures(String title) throws IOException, InterruptedException {
        out.println();
        out.println(title);
        out.println(String.format(
                "  %-24s %-20s %-4s %18s %14s %14s", "bank", "core enterprise", "ccy", "line", "reserved", "used"));
        for (String bank : List.of(PRBK, VHBK)) {
            for (JsonNode e : get("/v1/ledger/exposure/" + bank).path("lines")) {
                out.println(String.format(
                        "  %-24s %-20s %-4s %18s %14s %14s",
                        NAMES.get(bank),
                        NAMES.getOrDefault(
                                e.path("coreId").asText(), e.path("coreId").asText()),
                        e.path("currency").asText(),
                        grouped(e.path("limit").asText()),
                        grouped(e.path("reserved").asText()),
                        grouped(e.path("used").asText())));
            }
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return json.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode mailbox(String party) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/mailbox?after=0&limit=256&waitMs=0"))
                .header("X-Kapok-Party", party)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return json.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** "1080000.00" as "1,080,000.00". */
    static String grouped(String decimal) {
        if (decimal == null || decimal.isEmpty()) {
            return "";
        }
        int dot = decimal.indexOf('.');
        String whole = dot < 0 ? decimal : decimal.substring(0, dot);
        boolean negative = whole.startsWith("-");
        if (negative) {
            whole = whole.substring(1);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + s + (dot < 0 ? "" : decimal.substring(dot));
    }
}
