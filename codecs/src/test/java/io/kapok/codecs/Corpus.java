package io.kapok.codecs;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A corpus of messages on the test classpath: {@code corpus/<name>/valid/*.xml} must be accepted,
 * {@code corpus/<name>/invalid/*.xml} rejected with the {@link RejectCode} that
 * {@code invalid/expected.properties} names for each file.
 */
public final class Corpus {
    private final String valid;
    private final String invalid;

    public Corpus(String name) {
        this.valid = "/corpus/" + name + "/valid/";
        this.invalid = "/corpus/" + name + "/invalid/";
    }

    public List<String> validMessages() {
        return messagesIn(valid);
    }

    public List<String> invalidMessages() {
        return messagesIn(invalid);
    }

    public byte[] valid(String file) {
        return resourceBytes(valid + file);
    }

    public byte[] invalid(String file) {
        return resourceBytes(invalid + file);
    }

    /** File name to RejectCode name, from {@code invalid/expected.properties}. */
    public Properties expectations() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(
                    new String(resourceBytes(invalid + "expected.properties"), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static byte[] resourceBytes(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .xml files of a corpus directory on the test classpath, sorted by name. */
    private static List<String> messagesIn(String directory) {
        URL url = Corpus.class.getResource(directory);
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
