package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.pacs.Pacs008Samples.Decoded;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
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
    private static final String VALID = "/corpus/pacs008/valid/";
    private static final String INVALID = "/corpus/pacs008/invalid/";
    private static final String EXPECTATIONS = "expected.properties";

    static Stream<String> validMessages() {
        return messagesIn(VALID).stream();
    }

    static Stream<String> invalidMessages() {
        return messagesIn(INVALID).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void acceptsValidMessage(String name) {
        Decoded d = Pacs008Samples.decode(Pacs008Samples.resourceBytes(VALID + name));
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
        RejectCode expected = RejectCode.valueOf(expectations().getProperty(name));
        Decoded d = Pacs008Samples.decode(Pacs008Samples.resourceBytes(INVALID + name));
        assertFalse(d.accepted(), () -> name + " was accepted");
        assertEquals(expected, d.verdict().rejectCode(), () -> name + ": " + d.verdict());
        assertFalse(d.verdict().detail().isBlank());
    }

    @Test
    void everyInvalidMessageHasAnExpectationAndEveryExpectationAFile() {
        TreeSet<String> files = new TreeSet<>(messagesIn(INVALID));
        TreeSet<String> expected = new TreeSet<>(expectations().stringPropertyNames());
        assertEquals(expected, files);
        for (String name : expected) {
            String code = expectations().getProperty(name);
            assertNotNull(RejectCode.valueOf(code), code);
        }
    }

    @Test
    void corpusIsNotEmpty() {
        assertTrue(messagesIn(VALID).size() >= 10);
        assertTrue(messagesIn(INVALID).size() >= 30);
    }

    private static Properties expectations() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Pacs008Samples.resourceText(INVALID + EXPECTATIONS)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /** The .xml files of a corpus directory on the test classpath, sorted by name. */
    private static List<String> messagesIn(String directory) {
        URL url = Pacs008CorpusTest.class.getResource(directory);
        assertNotNull(url, directory);
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xml"))
                    .sorted()
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + directory, e);
        }
    }
}
