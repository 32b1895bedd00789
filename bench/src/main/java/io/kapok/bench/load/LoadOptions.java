package io.kapok.bench.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The validated command line of {@code ./kapok load}. {@link #parse} turns every mistake into a
 * {@link UsageException} with one line that says what to do.
 *
 * @param host          the gateway's host
 * @param port          the gateway's port
 * @param path          the HTTP path posted to: {@code /v1/messages} or {@code /v1/echo}
 * @param target        {@code kapok} or {@code echo}
 * @param ratePerSecond offered rate, requests per second (the first step's with {@code --find-max})
 * @param durationNs    measured length of a run (of each step with {@code --find-max})
 * @param warmupNs      length of the unmeasured warm-up before it
 * @param connections   keep-alive connections the schedule is spread over
 * @param threads       client event loop threads
 * @param mix           the message types and their weights ({@code --mix})
 * @param setupRatePerSecond requests per second of the set-up phase that registers and confirms
 *                      the invoices a mix with tsin.013 or tsin.001 consumes ({@code --rate} unless
 *                      {@code --setup-rate} says otherwise)
 * @param outDir        where the .hgrm and .svg files go
 * @param findMax       search for the highest rate with p99 ≤ {@code p99MaxMs} and no errors
 * @param p99MaxMs      the bound of {@code --find-max}, milliseconds
 * @param gatewayPid    the gateway's process id, whose CPU time per answer the report shows
 *                      ({@code --gateway-pid}, Linux), or 0
 * @param inFlightMax   requests in flight at once on one connection ({@code --in-flight}); 1 sends
 *                      the next only after the answer, as wrk and h2load do
 */
public record LoadOptions(
        String host,
        int port,
        String path,
        String target,
        long ratePerSecond,
        long durationNs,
        long warmupNs,
        int connections,
        int threads,
        MessageMix mix,
        long setupRatePerSecond,
        Path outDir,
        boolean findMax,
        double p99MaxMs,
        long gatewayPid,
        int inFlightMax) {

    /** Most connections one run opens (the gateway's default {@code connectionsMax} is 1024). */
    public static final int CONNECTIONS_MAX = 1024;
    /** Highest offered rate, requests per second. */
    public static final long RATE_MAX = 10_000_000L;

    public static final String USAGE = String.join(
            "\n",
            "Usage: ./kapok load --url URL --rate R [--duration D] [--connections C] [--target kapok|echo]",
            "                    [--mix TYPE=W,...] [--setup-rate R] [--warmup D] [--threads T] [--out DIR]",
            "                    [--find-max [--p99-max-ms MS]] [--help]",
            "",
            "  Open-loop load: request i is due at start + i/R, whatever the answers do, and its latency",
            "  is measured from that intended time (coordinated omission corrected). Requests are",
            "  pipelined over C keep-alive HTTP/1.1 connections (up to --in-flight on each).",
            "",
            "  --url URL          the gateway, e.g. http://127.0.0.1:8080 (the path is set by --target)",
            "  --rate R           offered requests per second, e.g. 5000 or 5k",
            "  --duration D       measured time, e.g. 10s, 500ms, 2m (default 10s)",
            "  --connections C    keep-alive connections, 1.." + CONNECTIONS_MAX + " (default 4)",
            "  --target T         kapok: POST /v1/messages (default); echo: POST /v1/echo, the transport ceiling",
            "  --mix M            message types and relative weights (default pacs008=100), e.g.",
            "                     pacs008=70,tsin001=20,tsin013=10; types: pacs008 (a CNY 1.00 payment between",
            "                     two banks), tsin004 (a supplier registers an invoice), tsin013 (the core",
            "                     enterprise confirms " + FlowTemplates.CONFIRMATION_ITEMS
                    + " registered invoices), tsin001 (a supplier asks to",
            "                     finance a confirmed invoice). The invoices tsin013 and tsin001 consume are",
            "                     registered (tsin.004) and confirmed (tsin.013) in a set-up phase before the",
            "                     timed one, reported apart",
            "  --setup-rate R     requests per second of that set-up phase (default: --rate)",
            "  --warmup D         unmeasured time before the measured one (default 10s; 0 for none). The report warns",
            "                     when either JIT compiler was still busy in the measured window",
            "  --threads T        client event loop threads (default: one per core, at most C)",
            "  --in-flight N      requests in flight at once per connection, 1.." + LoadRun.IN_FLIGHT_PER_CONNECTION_MAX
                    + " (default " + LoadRun.IN_FLIGHT_PER_CONNECTION_MAX + "); 1: no",
            "                     pipelining, the next request only after the answer (as wrk and h2load send);",
            "                     a request due meanwhile waits, and its latency still counts from when it was due",
            "  --out DIR          where the .hgrm and .svg files go (default ./load-results)",
            "  --find-max         search for the highest rate with p99 under --p99-max-ms and no errors,",
            "                     starting at --rate and doubling, then bisecting; each step runs --duration",
            "  --p99-max-ms MS    the p99 bound of --find-max, milliseconds (default 5)",
            "  --gateway-pid PID  the gateway's process (on this machine, Linux): the report adds its CPU time",
            "                     per answer beside the generator's own per request");

    /** A command line that cannot be run; the message is one line saying what to do. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code args}; {@code null} when {@code --help} was asked for. */
    public static LoadOptions parse(String[] args) throws UsageException {
        String url = null;
        Long rate = null;
        long durationNs = 10_000_000_000L;
        long warmupNs = 10_000_000_000L;
        int connections = 4;
        Integer threads = null;
        String target = "kapok";
        MessageMix mix = MessageMix.only(MixType.PACS008);
        Long setupRate = null;
        Path out = Path.of("load-results");
        boolean findMax = false;
        Double p99MaxMs = null;
        long gatewayPid = 0;
        int inFlightMax = LoadRun.IN_FLIGHT_PER_CONNECTION_MAX;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--find-max" -> findMax = true;
                case "--url",
                        "--rate",
                        "--duration",
                        "--connections",
                        "--target",
                        "--mix",
                        "--setup-rate",
                        "--warmup",
                        "--threads",
                        "--out",
                        "--p99-max-ms",
                        "--in-flight",
                        "--gateway-pid" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException(arg + " needs a value, e.g. " + arg + " " + example(arg));
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--url" -> url = value;
                        case "--rate" -> rate = rate(arg, value);
                        case "--setup-rate" -> setupRate = rate(arg, value);
                        case "--duration" -> durationNs = duration(arg, value, false);
                        case "--warmup" -> warmupNs = duration(arg, value, true);
                        case "--connections" -> connections = intIn(arg, value, 1, CONNECTIONS_MAX);
                        case "--threads" -> threads = intIn(arg, value, 1, 64);
                        case "--target" -> {
                            target = value.toLowerCase(Locale.ROOT);
                            if (!target.equals("kapok") && !target.equals("echo")) {
                                throw new UsageException("--target " + value + " is unknown: use kapok or echo");
                            }
                        }
                        case "--mix" -> mix = MessageMix.parse(value);
                        case "--out" -> out = Path.of(value);
                        case "--p99-max-ms" -> p99MaxMs = positiveDouble(arg, value);
                        case "--gateway-pid" -> gatewayPid = intIn(arg, value, 1, Integer.MAX_VALUE);
                        case "--in-flight" -> inFlightMax = intIn(arg, value, 1, LoadRun.IN_FLIGHT_PER_CONNECTION_MAX);
                        default -> throw new AssertionError(arg);
                    }
                }
                default ->
                    throw new UsageException(
                            (arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg)
                                    + "; ./kapok load --help lists the options");
            }
        }
        if (url == null) {
            throw new UsageException("--url is required, e.g. --url http://127.0.0.1:8080");
        }
        if (rate == null) {
            throw new UsageException("--rate is required, e.g. --rate 5000 (requests per second)");
        }
        if (p99MaxMs != null && !findMax) {
            throw new UsageException("--p99-max-ms only applies with --find-max: add --find-max or drop it");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("--url " + url + " is not a URL: give one like http://127.0.0.1:8080");
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            throw new UsageException("--url " + url + ": https is not supported yet; use the plain http listener");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException(
                    "--url " + url + " is not an http URL with a host: give one like http://127.0.0.1:8080");
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = target.equals("echo") ? "/v1/echo" : "/v1/messages";
        return new LoadOptions(
                uri.getHost(),
                port,
                path,
                target,
                rate,
                durationNs,
                warmupNs,
                connections,
                threads != null
                        ? threads
                        : Math.min(connections, Runtime.getRuntime().availableProcessors()),
                mix,
                setupRate == null ? rate : setupRate,
                out,
                findMax,
                p99MaxMs == null ? 5.0 : p99MaxMs,
                gatewayPid,
                inFlightMax);
    }

    /** Requests of the timed phase, warm-up included: one every {@code 1 / rate} over warm-up + duration. */
    public long timedRequestCount() {
        double intervalNs = 1e9 / ratePerSecond;
        return (long) Math.ceil((warmupNs + durationNs) / intervalNs);
    }

    /**
     * Payments (pacs.008) a run sends to Kapok ({@link LoadMessages#payments}); 0 against the echo,
     * which keeps nothing.
     */
    public long paymentsSent() {
        return target.equals("kapok") ? LoadMessages.payments(mix, timedRequestCount(), connections) : 0;
    }

    /**
     * Receivable-financing (tsin) messages a run sends to Kapok, its set-up's included ({@link
     * LoadMessages#financingMessages}); 0 against the echo.
     */
    public long financingMessagesSent() {
        return target.equals("kapok") ? LoadMessages.financingMessages(mix, timedRequestCount()) : 0;
    }

    /** A copy at another offered rate (the steps of {@code --find-max}). */
    public LoadOptions withRate(long newRatePerSecond) {
        return new LoadOptions(
                host,
                port,
                path,
                target,
                newRatePerSecond,
                durationNs,
                warmupNs,
                connections,
                threads,
                mix,
                setupRatePerSecond,
                outDir,
                findMax,
                p99MaxMs,
                gatewayPid,
                inFlightMax);
    }

    private static String example(String option) {
        return switch (option) {
            case "--url" -> "http://127.0.0.1:8080";
            case "--rate", "--setup-rate" -> "5000";
            case "--duration", "--warmup" -> "10s";
            case "--connections" -> "4";
            case "--threads" -> "1";
            case "--target" -> "echo";
            case "--mix" -> "pacs008=70,tsin001=20,tsin013=10";
            case "--out" -> "load-results";
            case "--gateway-pid" -> "12345";
            case "--in-flight" -> "1";
            default -> "5";
        };
    }

    static long rate(String option, String value) throws UsageException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (v.endsWith("k")) {
            multiplier = 1_000;
            v = v.substring(0, v.length() - 1);
        }
        try {
            double r = Double.parseDouble(v) * multiplier;
            if (r >= 1 && r <= RATE_MAX && r == Math.rint(r)) {
                return (long) r;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + " " + value + " is not a whole number of requests per second in 1.."
                + RATE_MAX + ", e.g. " + option + " 5000 or " + option + " 5k");
    }

    static long duration(String option, String value, boolean zeroAllowed) throws UsageException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        double unitNs;
        if (v.endsWith("ms")) {
            unitNs = 1e6;
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            unitNs = 1e9;
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            unitNs = 60e9;
            v = v.substring(0, v.length() - 1);
        } else {
            unitNs = 1e9;
        }
        try {
            double ns = Double.parseDouble(v) * unitNs;
            if ((ns > 0 || (zeroAllowed && ns == 0)) && ns <= 24 * 3600e9) {
                return (long) ns;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + " " + value + " is not a duration" + (zeroAllowed ? "" : " above zero")
                + " of at most 24h: give one like 10s, 500ms or 2m");
    }

    private static int intIn(String option, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + " " + value + " is not a whole number in " + min + ".." + max);
    }

    private static double positiveDouble(String option, String value) throws UsageException {
        try {
            double d = Double.parseDouble(value.trim());
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new UsageException(option + " " + value + " is not a positive number of milliseconds, e.g. 5");
    }
}
