package io.kapok.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every JMH benchmark of this module in smoke mode (in this JVM, one short warm-up and one
 * short measured iteration each), so that a benchmark that fails its set-up checks or throws fails
 * the build. The scores are only checked to exist: benchmarks are not tests, and no test asserts a
 * time.
 */
class BenchmarkSmokeTest {
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyBenchmarkRunsInSmokeModeAndProducesAScore() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (BenchmarkListEntry entry : listedBenchmarks()) {
            listed.add(entry.getUsername());
        }

        Collection<RunResult> results = new Runner(BenchMain.options(new CommandLineOptions(), true, false)).run();

        Map<String, Double> scoreByBenchmark = new TreeMap<>();
        for (RunResult result : results) {
            scoreByBenchmark.put(
                    result.getParams().getBenchmark(), result.getPrimaryResult().getScore());
        }
        assertEquals(listed, scoreByBenchmark.keySet(), "benchmarks listed versus benchmarks with a result");
        scoreByBenchmark.forEach((benchmark, score) ->
                assertTrue(score > 0, () -> benchmark + " scored " + score + ", expected a positive score"));
    }

    @Test
    void everyBenchmarkDeclaresItsForksWarmupAndMeasurement() {
        // Without these annotations a benchmark falls back to JMH's own defaults (5 forks of 5 x 10 s
        // warm-up and 5 x 10 s measurement), some eight minutes per benchmark on ./kapok bench.
        List<String> undeclared = new ArrayList<>();
        for (BenchmarkListEntry entry : listedBenchmarks()) {
            if (!entry.getForks().hasValue()
                    || !entry.getWarmupIterations().hasValue()
                    || !entry.getWarmupTime().hasValue()
                    || !entry.getMeasurementIterations().hasValue()
                    || !entry.getMeasurementTime().hasValue()) {
                undeclared.add(entry.getUsername());
            }
        }
        assertEquals(
                List.of(),
                undeclared,
                "benchmarks without @Fork, @Warmup(iterations, time) and @Measurement(iterations, time); see BenchDefaults");
    }

    private static Collection<BenchmarkListEntry> listedBenchmarks() {
        Collection<BenchmarkListEntry> entries = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of());
        assertFalse(entries.isEmpty(), "no benchmark in META-INF/BenchmarkList: did the JMH annotation processor run?");
        return entries;
    }
}
