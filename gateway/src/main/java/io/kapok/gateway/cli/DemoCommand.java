package io.kapok.gateway.cli;

import io.kapok.gateway.Gateway;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.demo.DemoStory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code ./kapok demo [--data DIR]}: starts an embedded gateway on the demo world (the embedded
 * configuration, a free loopback port, a fresh data directory unless {@code --data} names one),
 * plays {@link DemoStory} over real HTTP, prints the tables, and stops the gateway. Exit code 0
 * when every step got the answer the story expects, 1 otherwise.
 */
final class DemoCommand {
    static final String USAGE = """
            Usage: ./kapok demo [--data DIR]

              --data DIR   keep the journal and mailboxes in DIR (default: a temporary directory, deleted
                           afterwards); ./kapok journal verify --data DIR then replays the story

            Starts an embedded gateway on the demo world (config/kapok.yaml) on a free loopback port and
            plays a 1+N supply-chain story over HTTP, one ISO 20022 message per step, then prints the
            banks' balances and exposures, the receivables' states and each party's mailbox.
            """;

    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(java.util.List<String> argList) {
        try {
            return play(argList);
        } catch (KapokMain.UsageException e) {
            throw e;
        } catch (Exception e) {
            err.println("kapok demo: could not play the story: "
                    + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
    }

    private int play(java.util.List<String> argList) throws Exception {
        String[] args = argList.toArray(new String[0]);
        String data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--data" -> {
                    if (i + 1 >= args.length) {
                        throw new KapokMain.UsageException("--data needs a directory");
                    }
                    data = args[++i];
                }
                default ->
                    throw new KapokMain.UsageException(
                            "unknown option '" + args[i] + "' for demo; see ./kapok demo --help");
            }
        }
        Path dir = data != null ? Path.of(data) : Files.createTempDirectory("kapok-demo-");
        GatewayConfig config = ConfigLoader.loadDefaults().withPort(0).withDataDir(dir.toString());
        long started = System.nanoTime();
        try (Gateway gateway = Gateway.start(config)) {
            String run =
                    Long.toString(System.currentTimeMillis() % 1_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
            new DemoStory("http://127.0.0.1:" + gateway.port(), out, run).play();
            out.println();
            out.printf(
                    "The story took %.1f s; the journal holds %d entries. %s%n",
                    (System.nanoTime() - started) / 1e9,
                    gateway.sequencer().lastSequence(),
                    data != null
                            ? "Replay it: ./kapok journal verify --data " + dir
                            : "Keep it with --data DIR, then replay it: ./kapok journal verify --data DIR");
            return 0;
        } catch (DemoStory.StoryException e) {
            err.println("kapok demo: " + e.getMessage());
            return 1;
        } finally {
            if (data == null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
