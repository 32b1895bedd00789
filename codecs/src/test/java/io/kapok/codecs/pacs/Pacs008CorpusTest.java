package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.Corpus;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.pacs.Pacs008Samples.Decoded;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every message of the pacs.008 corpus on the test classpath: each file under
 * {@code corpus/pacs008/valid/} must be accepted, each under {@code corpus/pacs008/invalid/} must be
 * rejected with the {@link RejectCode} its {@code expected.properties} names.
 */
class Pacs008CorpusTest {
    private static final Corpus CORPUS = new Corpus("pacs008");

    static Stream<String> validMessages() {
        return CORPUS.validMessages().stream();
    }

    static Stream<String> invalidMessages() {
        return CORPUS.invalidMessages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void acceptsValidMessage(String name) {
        Decoded d = Pacs008Samples.decode(CORPUS.valid(name));
        assertTrue(d.accepted(), () -> name + " was rejected: " + d.verdict());
        Pacs008View v = d.view();
        assertTrue(IsoIdentifiers.isUuidV4(v.uetr()), () -> "UETR " + v.uetr());
        assertTrue(v.amountMinor() > 0);
        assertTrue(IsoIdentifiers.isBic(v.instructingAgentBic()));
        assertTrue(IsoIdentifiers.isBic(v.instructedAgentBic()));
        assertEquals(1, v.transactionCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void rejectsInvalidMessageWithExpectedCode(String name) {
        RejectCode expected = RejectCode.valueOf(CORPUS.expectations().getProperty(name));
        Decoded d = Pacs008Samples.decode(CORPUS.invalid(name));
        assertFalse(d.accepted(), () -> name + " was accepted");
        assertEquals(expected, d.verdict().rejectCode(), () -> name + ": " + d.verdict());
        assertFalse(d.verdict().detail().isBlank());
    }

    @Test
    void everyInvalidMessageHasAnExpectationAndEveryExpectationAFile() {
        TreeSet<String> files = new TreeSet<>(CORPUS.invalidMessages());
        TreeSet<String> expected = new TreeSet<>(CORPUS.expectations().stringPropertyNames());
        assertEquals(expected, files);
        for (String name : expected) {
            String code = CORPUS.expectations().getProperty(name);
            assertNotNull(RejectCode.valueOf(code), code);
        }
    }

    @Test
    void corpusIsNotEmpty() {
        assertTrue(CORPUS.validMessages().size() >= 10);
        assertTrue(CORPUS.invalidMessages().size() >= 30);
    }
}
