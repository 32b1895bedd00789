package io.kapok.bench;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of {@code ./kapok bench} (and of {@code java -jar kapok-bench.jar}): runs this
 * module's JMH benchmarks and prints JMH's result table.
 *
 * <pre>
 * ./kapok bench [PATTERN...] [--smoke] [--prof-gc] [JMH options...]
 * </pre>
 *
 * <ul>
 *   <li>{@code PATTERN}: regular expressions over benchmark names, as JMH takes them; all by default.
 *   <li>default run: the settings each benchmark declares, {@link BenchDefaults} for most (one
 *       fork, 3 warm-up and 5 measured iterations of 2 s each).
 *   <li>{@code --smoke}: every benchmark in this JVM, with one warm-up and one measured iteration
 *       of {@value BenchDefaults#SMOKE_ITERATION_TIME_MS} ms, failing on the first benchmark error.
 *       It shows that each benchmark still runs; its figures mean nothing.
 *   <li>{@code --prof-gc}: adds JMH's GC profiler, whose {@code gc.alloc.rate.norm} is the bytes
 *       allocated per operation.
 *   <li>any other argument goes to JMH's own command line ({@code -h} lists it); an option given
 *       there, e.g. {@code -f 3} or {@code -wi 10}, wins over the settings above.
 * </ul>
 *
 * Forked benchmark JVMs inherit this JVM's flags (JMH's default), so the launcher's flags from
 * {@code config/jvm.properties} reach them. Exits with status 1 when the command line is wrong, no
 * benchmark matches, or a benchmark fails.
 */
public final class BenchMain {
    static final String USAGE = "Usage: ./kapok bench [PATTERN...] [--smoke] [--prof-gc] [JMH options; -h lists them]";

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>();
        boolean smoke = false;
        boolean gcProfiler = false;
        for (String arg : args) {
            switch (arg) {
                case "--smoke" -> smoke = true;
                case "--prof-gc" -> gcProfiler = true;
                case "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> jmhArgs.add(arg);
            }
        }
        CommandLineOptions commandLine;
        try {
            commandLine = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            System.err.println("kapok bench: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(1);
            return;
        }
        Runner runner = new Runner(options(commandLine, smoke, gcProfiler));
        if (commandLine.shouldHelp()) {
            System.out.println(USAGE);
            System.out.println();
            commandLine.showHelp();
        } else if (commandLine.shouldList()) {
            runner.list();
        } else if (commandLine.shouldListWithParams()) {
            runner.listWithParams(commandLine);
        } else if (commandLine.shouldListProfilers()) {
            commandLine.listProfilers();
        } else if (commandLine.shouldListResultFormats()) {
            commandLine.listResultFormats();
        } else {
            run(runner);
        }
    }

    /**
     * The options of one run: the command line's, plus the smoke settings and the GC profiler when
     * asked for. Settings the command line gives always win.
     *
     * @param commandLine JMH's parsed command line, without {@code --smoke} and {@code --prof-gc}
     * @param smoke       run every benchmark in this JVM, briefly, failing on the first error
     * @param gcProfiler  add JMH's GC profiler (bytes allocated per operation)
     */
    public static Options options(CommandLineOptions commandLine, boolean smoke, boolean gcProfiler) {
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(commandLine);
        if (smoke) {
            // A setting made on the builder overrides its parent's, so each is made only where the
            // command line has none. Smoke runs stay in this JVM: a fork per benchmark would cost
            // more than the runs themselves.
            if (!commandLine.getForkCount().hasValue()) {
                builder.forks(0);
            }
            if (!commandLine.getWarmupIterations().hasValue()) {
                builder.warmupIterations(1);
            }
            if (!commandLine.getWarmupTime().hasValue()) {
                builder.warmupTime(TimeValue.milliseconds(BenchDefaults.SMOKE_ITERATION_TIME_MS));
            }
            if (!commandLine.getMeasurementIterations().hasValue()) {
                builder.measurementIterations(1);
            }
            if (!commandLine.getMeasurementTime().hasValue()) {
                builder.measurementTime(TimeValue.milliseconds(BenchDefaults.SMOKE_ITERATION_TIME_MS));
            }
            if (!commandLine.shouldFailOnError().hasValue()) {
                builder.shouldFailOnError(true);
            }
        }
        if (gcProfiler) {
            builder.addProfiler(GCProfiler.class);
        }
        return builder.build();
    }

    private static void run(Runner runner) {
        try {
            runner.run();
        } catch (NoBenchmarksException e) {
            System.err.println("kapok bench: no benchmark matches; ./kapok bench -l lists them");
            System.exit(1);
        } catch (RunnerException e) {
            System.err.print("kapok bench: a benchmark failed: ");
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }
}
