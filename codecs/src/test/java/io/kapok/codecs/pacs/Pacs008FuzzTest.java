package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.XmlMutator;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Throws structure-aware mutations of a valid pacs.008 at the decoder: elements dropped,
 * duplicated, swapped, renamed or moved to another namespace; text replaced by hostile values;
 * DTDs, entities, comments, CDATA and deep nesting inserted; truncation, byte flips and other
 * encodings. Every input must get a verdict: no exception escapes, no input hangs, a reject always
 * carries a code, and whatever is accepted satisfies the rules the ledger relies on. The seed is
 * printed; rerun one with {@code -Dkapok.fuzz.seed=N}.
 */
class Pacs008FuzzTest {
    private static final int MUTANTS = 12_000;

    private final Pacs008Decoder decoder = new Pacs008Decoder(new XmlLimits(32, 2_000, 16, 10_000));
    private final Pacs008View view = new Pacs008View();
    private final DecodeVerdict verdict = new DecodeVerdict();

    @Test
    @Timeout(120)
    void everyMutantGetsAVerdictAndNothingInvalidIsAccepted() {
        long seed = Long.getLong("kapok.fuzz.seed", System.nanoTime());
        System.out.println("Pacs008FuzzTest seed " + seed + " (rerun with -Dkapok.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> tokens = XmlMutator.tokens(Pacs008Samples.SAMPLE);
        XmlMutator mutator = new XmlMutator("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09");
        Map<RejectCode, Integer> verdicts = new EnumMap<>(RejectCode.class);
        int accepted = 0;
        for (int i = 0; i < MUTANTS; i++) {
            byte[] bytes = mutator.mutant(tokens, random);
            boolean ok;
            try {
                ok = decoder.decode(bytes, 0, bytes.length, view, verdict);
            } catch (RuntimeException | StackOverflowError e) {
                fail(
                        "seed " + seed + " mutant " + i + " threw " + e + " for:\n"
                                + new String(bytes, StandardCharsets.UTF_8),
                        e);
                return;
            }
            if (ok) {
                accepted++;
                assertAcceptedIsConsistent(seed, i, bytes);
            } else {
                assertNotNull(verdict.rejectCode(), "seed " + seed + " mutant " + i + ": a reject without a code");
                assertTrue(
                        !verdict.detail().isEmpty(), "seed " + seed + " mutant " + i + ": a reject without a detail");
                verdicts.merge(verdict.rejectCode(), 1, Integer::sum);
            }
        }
        System.out.println("Pacs008FuzzTest: " + MUTANTS + " mutants, " + accepted + " accepted, rejects " + verdicts);
        assertEquals(
                MUTANTS,
                accepted
                        + verdicts.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(verdicts.size() >= 8, "the mutations reach few reject paths: " + verdicts);
    }

    /** What the gateway and ledger rely on in an accepted message. */
    private void assertAcceptedIsConsistent(long seed, int i, byte[] bytes) {
        String where = "seed " + seed + " mutant " + i + " accepted:\n" + new String(bytes, StandardCharsets.UTF_8);
        assertTrue(IsoIdentifiers.isUuidV4(view.uetr()), where);
        assertTrue(IsoIdentifiers.isBic(view.instructingAgentBic()), where);
        assertTrue(IsoIdentifiers.isBic(view.instructedAgentBic()), where);
        assertTrue(IsoIdentifiers.isRestrictedId(view.messageId(), 35), where);
        assertTrue(view.amountMinor() > 0, where);
        assertTrue(Iso4217.minorUnits(view.currency()) >= 0, where);
        assertEquals(1, view.transactionCount(), where);
    }
}
