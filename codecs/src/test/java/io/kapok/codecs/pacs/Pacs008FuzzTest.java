package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.XmlMutator;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.xml.XmlLimits;
import java.util.Map;
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
        Map<RejectCode, Integer> verdicts = new XmlMutator("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09")
                .run(
                        "Pacs008FuzzTest",
                        Pacs008Samples.SAMPLE,
                        MUTANTS,
                        bytes -> decoder.decode(bytes, 0, bytes.length, view, verdict),
                        verdict,
                        this::assertAcceptedIsConsistent);
        assertTrue(verdicts.size() >= 8, "the mutations reach few reject paths: " + verdicts);
    }

    /** What the gateway and ledger rely on in an accepted message. */
    private void assertAcceptedIsConsistent(String where) {
        assertTrue(IsoIdentifiers.isUuidV4(view.uetr()), where);
        assertTrue(IsoIdentifiers.isBic(view.instructingAgentBic()), where);
        assertTrue(IsoIdentifiers.isBic(view.instructedAgentBic()), where);
        assertTrue(IsoIdentifiers.isRestrictedId(view.messageId(), 35), where);
        assertTrue(view.amountMinor() > 0, where);
        assertTrue(Iso4217.minorUnits(view.currency()) >= 0, where);
        assertEquals(1, view.transactionCount(), where);
    }
}
