package io.kapok.gateway.cli;

import io.kapok.gateway.Gateway;
import io.kapok.gateway.config.ConfigException;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kapok} command line (the {@code ./kapok} script builds what is missing and calls this).
 * Every misuse gets one line saying what to do, and exit code 2; a failure at run time, exit code 1.
 */
public final class KapokMain {
    static final String USAGE = """
            Kapok: ISO 20022 transaction gateway for cross-border payments and 1+N supply-chain financing.

            Usage: ./kapok <command> [options]

            Commands:
              run    [--config FILE] [--port N] [--data DIR]   run the gateway in the foreground (Ctrl-C stops it)
              send   FILE.xml [--url URL]                     post one ISO 20022 message and print the answer
              fx-sim [--config FILE] [--port N]               run the FIX 4.4 FX rate simulator alone (Ctrl-C stops it)
              journal verify|tail|dump --data DIR             check the journal's hash chain; print its state hash or entries
              demo   [--data DIR]                             play a 1+N supply-chain story over HTTP against an embedded gateway
              test                                            run the whole test suite
              bench  [PATTERN] [--smoke] [--prof-gc]          run the JMH benchmarks
              load   --url URL --rate R --duration D ...      open-loop load generator (./kapok load --help)
              help                                            this text; every command also takes --help

            Defaults: the embedded configuration (config/kapok.yaml): plain HTTP on 127.0.0.1:8080,
            journal under ./data. Try:  ./kapok send config/samples/pacs008.xml
            """;
    static final String RUN_USAGE = """
            Usage: ./kapok run [--config FILE] [--port N] [--data DIR]

              --config FILE   configuration file (default: the embedded config/kapok.yaml)
              --port N        listen on port N (0 picks a free one); overrides gateway.port
              --data DIR      data directory holding the journal; overrides journal.dataDir (default ./data)

            Runs in the foreground until Ctrl-C or SIGTERM, then stops cleanly: every message already
            taken is journaled, decided and answered. A restart on the same --data recovers the same state.
            With fx.enabled (the default) the FX rate feed runs beside it: a FIX 4.4 session to
            fx.host:fx.port, or to the bundled rate simulator started on loopback (fx.simulator).
            """;
    static final String FX_SIM_USAGE = """
            Usage: ./kapok fx-sim [--config FILE] [--port N]

              --config FILE   configuration file (default: the embedded config/kapok.yaml): its fx section
              --port N        listen on port N (0 picks a free one); overrides fx.simulator.port

            Runs the FIX 4.4 FX rate simulator alone, in the foreground, on fx.host: it answers a
            MarketDataRequest with a snapshot per symbol, then sends an update every
            fx.simulator.intervalMs. A gateway elsewhere takes its rates with fx.port set to this port
            and fx.simulator.enabled false. Ctrl-C stops it.
            """;
    static final String SEND_USAGE = """
            Usage: ./kapok send FILE.xml [--url URL]

              --url URL   where to post (default http://127.0.0.1:8080/v1/messages)

            Posts the file as the body of one ISO 20022 message and prints the HTTP status and the answer.
            """;

    private final PrintStream out;
    private final PrintStream err;

    KapokMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        io.kapok.gateway.http.NettyLeakDetection.offUnlessAsked();
        int code = new KapokMain(System.out, System.err).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command; returns the process exit code. {@code run} returns only when stopped. */
    int execute(String[] args) {
        if (args.length == 0) {
            out.print(USAGE);
            return 0;
        }
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (command) {
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "run" -> run(rest);
                case "send" -> send(rest);
                case "fx-sim" -> fxSimulator(rest);
                case "journal" -> new JournalCommand(out, err).execute(rest);
                case "demo" -> new DemoCommand(out, err).execute(rest);
                default -> usage("unknown command '" + command + "'; see ./kapok help");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String message) {
        err.println("kapok: " + message);
        return 2;
    }

    private int run(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(RUN_USAGE);
            return 0;
        }
        String configFile = null;
        Integer port = null;
        String dataDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> configFile = value(args, ++i, "--config", "a configuration file");
                case "--port" -> port = portValue(value(args, ++i, "--port", "a port number"));
                case "--data" -> dataDir = value(args, ++i, "--data", "a directory");
                default -> throw new UsageException("unknown option '" + arg + "' for run; see ./kapok run --help");
            }
        }
        GatewayConfig config;
        try {
            config = configFile == null ? ConfigLoader.loadDefaults() : ConfigLoader.load(Path.of(configFile));
        } catch (ConfigException e) {
            err.println("kapok: " + e.getMessage());
            return 2;
        }
        if (port != null) {
            config = config.withPort(port);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config);
        } catch (Gateway.DataDirectoryInUseException e) {
            err.println("kapok: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            if (isAddressInUse(e)) {
                err.println("kapok: cannot listen on " + config.gateway().bindAddress() + ":"
                        + config.gateway().port()
                        + ": the port is in use; stop the other process or choose another with --port N");
            } else if (e instanceof BindException) {
                err.println("kapok: cannot listen on " + config.gateway().bindAddress() + ":"
                        + config.gateway().port() + " (" + e.getMessage()
                        + "); check gateway.bindAddress in the configuration");
            } else {
                err.println("kapok: could not start: "
                        + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
            return 1;
        }
        io.kapok.gateway.fx.FxService fx = null;
        if (config.fxOrDefault().enabled()) {
            try {
                fx = io.kapok.gateway.fx.FxService.start(config, gateway);
            } catch (quickfix.ConfigError | RuntimeException e) {
                err.println("kapok: could not start the FX rate feed: "
                        + String.valueOf(e.getMessage()).replace('\n', ' ')
                        + "; set fx.enabled: false to run without it");
                gateway.close();
                return 1;
            }
        }
        io.kapok.gateway.fx.FxService fxService = fx;
        // What the gateway made to start (the ring's events with their decoders' views, the ledger's
        // pools and windows) lives as long as it does: one full collection now moves it into the
        // old generation before any load, instead of the first young collections under load
        // copying it between survivor spaces until it is old enough to be promoted.
        long promoteStartNs = System.nanoTime();
        long collectionsBefore = collections();
        System.gc();
        out.println(
                collections() > collectionsBefore
                        ? "kapok: start-up objects moved to the old generation (one full collection, "
                                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - promoteStartNs) + " ms)"
                        : "kapok: start-up objects left where they are: this JVM ignores System.gc()"
                                + " (-XX:+DisableExplicitGC)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("kapok: stopping...");
                            if (fxService != null) {
                                fxService.close();
                            }
                            gateway.close();
                            out.println("kapok: stopped at sequence "
                                    + gateway.sequencer().lastSequence());
                            stopped.countDown();
                        },
                        "kapok-shutdown"));
        out.println(
                "kapok: listening on http://" + config.gateway().bindAddress() + ":" + gateway.port() + "/v1/messages"
                        + "  (journal " + gateway.dataDir().resolve("journal") + ", "
                        + config.journal().durability()
                        + "; " + gateway.sequencer().recoverySummary() + ", now at sequence "
                        + gateway.sequencer().lastSequence() + ")");
        if (fxService != null) {
            GatewayConfig.Fx f = config.fxOrDefault();
            out.println("kapok: FX rates from FIX 4.4 " + f.host() + ":"
                    + (f.port() != 0 ? f.port() : fxService.simulator().port())
                    + (fxService.simulator() != null ? " (the bundled simulator)" : "") + " for " + f.pairs()
                    + "; see /v1/health");
        }
        out.println("kapok: Ctrl-C stops it. Try: ./kapok send config/samples/pacs008.xml --url http://127.0.0.1:"
                + gateway.port() + "/v1/messages");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int fxSimulator(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(FX_SIM_USAGE);
            return 0;
        }
        String configFile = null;
        Integer port = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> configFile = value(args, ++i, "--config", "a configuration file");
                case "--port" -> port = portValue(value(args, ++i, "--port", "a port number"));
                default ->
                    throw new UsageException("unknown option '" + arg + "' for fx-sim; see ./kapok fx-sim --help");
            }
        }
        GatewayConfig.Fx fx;
        try {
            fx = (configFile == null ? ConfigLoader.loadDefaults() : ConfigLoader.load(Path.of(configFile)))
                    .fxOrDefault();
        } catch (ConfigException e) {
            err.println("kapok: " + e.getMessage());
            return 2;
        }
        GatewayConfig.FxSimulator sim = fx.simulator();
        fx = fx.withSimulator(
                new GatewayConfig.FxSimulator(true, port != null ? port : sim.port(), sim.intervalMs(), sim.seed()));
        io.kapok.gateway.fx.FixRateSimulator simulator;
        try {
            simulator = new io.kapok.gateway.fx.FixRateSimulator(fx).start();
        } catch (quickfix.ConfigError | RuntimeException e) {
            err.println("kapok: could not start the FX rate simulator on " + fx.host() + ":"
                    + fx.simulator().port() + ": "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            out.println("kapok: FX rate simulator stopped");
                            stopped.countDown();
                        },
                        "kapok-fx-sim-shutdown"));
        out.println("kapok: FX rate simulator (FIX 4.4) on " + fx.host() + ":" + simulator.port() + " as "
                + fx.targetCompId() + " for " + fx.senderCompId() + ", quoting "
                + io.kapok.gateway.fx.FixRateSimulator.MID_RATES.keySet() + " every "
                + fx.simulator().intervalMs()
                + " ms");
        out.println("kapok: Ctrl-C stops it.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int send(List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(SEND_USAGE);
            return 0;
        }
        String file = null;
        String url = "http://127.0.0.1:8080/v1/messages";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--url")) {
                url = value(args, ++i, "--url", "a URL");
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option '" + arg + "' for send; see ./kapok send --help");
            } else if (file == null) {
                file = arg;
            } else {
                throw new UsageException("send takes one file, got '" + file + "' and '" + arg + "'");
            }
        }
        if (file == null) {
            throw new UsageException("send needs a message file: ./kapok send FILE.xml [--url URL]");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            err.println("kapok: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("kapok: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        URI uri;
        try {
            uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + url + "' is not a URL like http://127.0.0.1:8080/v1/messages");
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            out.println("HTTP " + response.statusCode());
            out.println(response.body());
            return response.statusCode() / 100 == 2 ? 0 : 1;
        } catch (ConnectException e) {
            err.println("kapok: cannot connect to " + url + ": is the gateway running? Start it with ./kapok run");
            return 1;
        } catch (IOException e) {
            err.println("kapok: sending to " + url + " failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Netty's native transport reports a taken port as its own IOException, the JDK as BindException. */
    private static boolean isAddressInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    static String value(List<String> args, int i, String flag, String what) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(flag + " needs " + what);
        }
        return args.get(i);
    }

    private static int portValue(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a number from 0 to 65535, got '" + text + "'");
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Collections every collector of this JVM has run so far. */
    private static long collections() {
        long total = 0;
        for (java.lang.management.GarbageCollectorMXBean gc :
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }
}
