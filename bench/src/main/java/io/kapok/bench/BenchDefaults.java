package io.kapok.bench;

/**
 * Run settings every benchmark class of this module declares, sized for a small (2-core) machine:
 * {@code @Fork(FORKS)}, {@code @Warmup(iterations = WARMUP_ITERATIONS, time = ITERATION_TIME_MS)}
 * and {@code @Measurement(iterations = MEASUREMENT_ITERATIONS, time = ITERATION_TIME_MS)}, with
 * times in milliseconds. They live on the classes rather than in {@link BenchMain} so a benchmark
 * that needs a longer warm-up can say so on its method; the command line still overrides them all.
 */
public final class BenchDefaults {
    /** Forked JVMs per benchmark. */
    public static final int FORKS = 1;
    /** Warm-up iterations per fork. */
    public static final int WARMUP_ITERATIONS = 3;
    /** Measured iterations per fork. */
    public static final int MEASUREMENT_ITERATIONS = 5;
    /** Length of one warm-up or measured iteration, milliseconds. */
    public static final int ITERATION_TIME_MS = 2_000;
    /** Length of one iteration in smoke mode, milliseconds. */
    public static final int SMOKE_ITERATION_TIME_MS = 100;

    private BenchDefaults() {}
}
