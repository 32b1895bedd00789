package io.kapok.bench;

/** Placeholder entry point; replaced by the benchmark runner. */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
