package io.kapok.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.bench.codecs.DecodeAbComparison;
import io.kapok.bench.journal.PageTouchCost;
import io.kapok.bench.ledger.TransferCpuComparison;
import io.kapok.bench.ledger.WindowGrowthStall;
import io.kapok.ledger.Ledger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark tools that are programs rather than JMH benchmarks (BENCHMARKS.md's side-by-side
 * comparisons) once with tiny arguments, so that none rots: each must run to its end and print its
 * report. Nothing about the figures is asserted (the tools print numbers in the default locale).
 */
class ComparisonToolsSmokeTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void windowGrowthStallReportsItsLongestCalls() throws Exception {
        String out = printed(() -> WindowGrowthStall.main(new String[] {"20000", "1"}));
        assertMatches("round 0: longest [0-9.,]+ ms \\(size [0-9]+\\).*calls over 1 ms; median [0-9]+ ns", out);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void transferCpuComparisonRunsTwoBuildsSideBySide() throws Exception {
        String ledgerClasses = Path.of(Ledger.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String pool = System.getProperty("kapok.transferPool");
        System.setProperty("kapok.transferPool", "65536"); // the ids in the cache: a short run
        try {
            String out = printed(
                    () -> TransferCpuComparison.main(new String[] {ledgerClasses, ledgerClasses, "1", "2", "1000"}));
            assertMatches("A .*: lowest [0-9.,]+, first quartile", out);
            assertMatches("B / A per pair of rounds: lowest [0-9.,]+", out);
        } finally {
            if (pool == null) {
                System.clearProperty("kapok.transferPool");
            } else {
                System.setProperty("kapok.transferPool", pool);
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void decodeAbComparisonRunsTwoCodecsBuildsSideBySide() throws Exception {
        String codecs = Path.of(io.kapok.codecs.pacs.Pacs008Decoder.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        String out = printed(() -> DecodeAbComparison.main(new String[] {codecs, codecs, "1"}));
        assertMatches("pacs008\\S* +[0-9.,]+ +[0-9.,]+ +[0-9.,]+", out);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void pageTouchCostTimesMappedAndDirectPages() throws Exception {
        String out = printed(() -> PageTouchCost.main(new String[] {dir.toString(), "1", "1"}));
        assertMatches("round 1: mapped file [0-9.,]+ ns/page, direct memory", out);
    }

    private interface Tool {
        void run() throws Exception;
    }

    /** What {@code tool} prints to standard output. */
    private static String printed(Tool tool) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            tool.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertMatches(String regex, String out) {
        assertTrue(Pattern.compile(regex).matcher(out).find(), "expected /" + regex + "/ in:\n" + out);
    }
}
