package io.kapok.codecs.stream;

import io.kapok.codecs.MessageType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which child elements the message definition allows under each element a {@link MessageSchema}
 * walks: the message element, every element on the path to a field or to the repeated group, and
 * the fields themselves (a field of simple content allows none). The decoder refuses any other
 * element in the message's namespace at those places, so a misspelt or invented element is an
 * error rather than silently ignored. Below an allowed element the schema does not walk (a postal
 * address, a tax record), nothing is checked.
 *
 * <p>The table is the resource {@value #RESOURCE}, one line per element: the message definition,
 * the element's path from the message element, and the allowed names. It was generated from the
 * ISO 20022 message definitions as the Prowide model has them, and a test checks it against that
 * model. Loaded once; immutable.
 */
public final class AllowedChildren {
    static final String RESOURCE = "allowed-children.txt";

    private static final Map<String, Map<String, List<String>>> TABLE = load();

    private AllowedChildren() {}

    /**
     * The allowed child names of the element at {@code path} (message element first, slash
     * separated) of {@code type}, or null when the table does not cover it (nothing is checked).
     */
    public static List<String> of(MessageType type, String path) {
        Map<String, List<String>> byPath = TABLE.get(type.messageDefinition());
        return byPath == null ? null : byPath.get(path);
    }

    /** The paths of {@code type} that the table covers. */
    static Map<String, List<String>> all(MessageType type) {
        return TABLE.getOrDefault(type.messageDefinition(), Map.of());
    }

    private static Map<String, Map<String, List<String>>> load() {
        Map<String, Map<String, List<String>>> table = new HashMap<>();
        try (InputStream in = AllowedChildren.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the codecs");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] words = trimmed.split("\\s+");
                if (words.length < 2) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": needs a message and a path");
                }
                List<String> names = Arrays.stream(words, 2, words.length)
                        .map(String::intern)
                        .toList();
                List<String> previous =
                        table.computeIfAbsent(words[0], k -> new HashMap<>()).put(words[1], names);
                if (previous != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": " + words[1] + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
