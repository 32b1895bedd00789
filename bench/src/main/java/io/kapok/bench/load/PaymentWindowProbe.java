package io.kapok.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the gateway's payment window {@code room} from {@code GET /v1/health} before and after a
 * run: when it changed, the window doubled during the run, and the sequencer answered nothing while
 * it copied the window (tens of milliseconds from 262,144 decisions on), so the run's
 * tail includes that copy as well as what the rate did. Outside the measured path: one request
 * before and one after each run.
 */
final class PaymentWindowProbe {
    private static final Pattern ROOM = Pattern.compile("\"paymentWindow\"\\s*:\\s*\\{[^}]*\"room\"\\s*:\\s*(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final URI health;

    /** @param host as {@code --url} gave it: a name, an IPv4 address, or an IPv6 one in brackets */
    PaymentWindowProbe(String host, int port) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.health = healthUri(host, port);
    }

    static URI healthUri(String host, int port) {
        boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return URI.create("http://" + (bareIpv6 ? "[" + host + "]" : host) + ":" + port + "/v1/health");
    }

    /** The window's room now, or -1 when the gateway does not say (an older build, or no answer). */
    long room() {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(health).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return roomIn(r.body());
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** True when both rooms are known and differ: the window grew between them. */
    static boolean grew(long before, long after) {
        return before >= 0 && after >= 0 && before != after;
    }

    /** The {@code paymentWindow.room} a health document gives, or -1. */
    static long roomIn(String healthJson) {
        Matcher m = ROOM.matcher(healthJson);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * A note for a run's report when the window grew between {@code before} and {@code after}
     * (either -1: unknown); empty when it did not.
     */
    static String grewNote(long before, long after) {
        if (!grew(before, after)) {
            return "";
        }
        return String.format(
                java.util.Locale.ROOT,
                "the gateway's payment window grew from %,d to %,d decisions during this run: the sequencer"
                        + " answered nothing while it copied the window (tens of ms from 262,144 decisions on,"
                        + " hundreds where its next arrays were not made ahead), and this run's tail includes that",
                before,
                after);
    }
}
