package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code kapok ARGS} in a child JVM, as the launcher would, and collects what it printed. */
final class KapokProcess {
    private KapokProcess() {}

    /** What a child {@code kapok} process printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(JvmFlags.kapokCommand(args));
        Path out = Files.createTempFile("kapok-out", ".txt");
        Path err = Files.createTempFile("kapok-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kapok " + String.join(" ", args) + " did not finish");
        try {
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
