package io.kapok.codecs.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.MessageMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AllowedChildrenTest {
    /**
     * The table the decoder refuses unknown elements with is the message definitions' own: for
     * every element every schema walks, the allowed children are exactly those of Prowide's model
     * (generated from the ISO 20022 schemas), in schema order. On a mismatch the expected table is
     * written to {@code target/allowed-children.txt}.
     */
    @Test
    void tableHoldsTheChildrenOfEveryWalkedElementAsTheMessageDefinitionsHaveThem() throws IOException {
        StringBuilder expected = new StringBuilder();
        List<String> uncovered = new ArrayList<>();
        for (MessageSchema schema : MessageMap.SCHEMAS) {
            Class<?> root = ProwideModel.rootType(schema.type(), schema.rootElement());
            Map<String, MessageSchema.Node> walked = new TreeMap<>();
            collect(schema.trie, schema.rootElement(), walked);
            for (String path : walked.keySet()) {
                List<String> steps = Arrays.asList(path.split("/"));
                Class<?> type = ProwideModel.typeAt(root, steps.subList(1, steps.size()));
                if (type == null) {
                    uncovered.add(schema.type().messageDefinition() + " " + path);
                    continue;
                }
                Map<String, Class<?>> children = ProwideModel.children(type);
                if (children == ProwideModel.OPEN) {
                    continue;
                }
                expected.append(schema.type().messageDefinition()).append(' ').append(path);
                children.keySet().forEach(name -> expected.append(' ').append(name));
                expected.append('\n');
            }
        }
        assertEquals(List.of(), uncovered, "elements the schemas walk that the message definitions do not have");
        StringBuilder actual = new StringBuilder();
        for (MessageSchema schema : MessageMap.SCHEMAS) {
            new TreeMap<>(AllowedChildren.all(schema.type())).forEach((path, names) -> {
                actual.append(schema.type().messageDefinition()).append(' ').append(path);
                names.forEach(name -> actual.append(' ').append(name));
                actual.append('\n');
            });
        }
        if (!expected.toString().equals(actual.toString())) {
            Path out = Path.of("target", AllowedChildren.RESOURCE);
            Files.createDirectories(out.getParent());
            Files.writeString(out, expected);
        }
        assertEquals(expected.toString(), actual.toString(), "the table differs from the message definitions");
    }

    @Test
    void everyWalkedElementOfPacs008IsClosed() {
        MessageSchema pacs008 = MessageMap.schemaOf(io.kapok.codecs.MessageType.PACS_008_001_08);
        Map<String, MessageSchema.Node> walked = new TreeMap<>();
        collect(pacs008.trie, pacs008.rootElement(), walked);
        assertTrue(walked.size() > 20, "pacs.008 walks " + walked.size() + " elements");
        walked.forEach((path, node) -> assertTrue(node.closed, path + " has no table of allowed children"));
        MessageSchema.Node tx = pacs008.trie.child("CdtTrfTxInf");
        assertNotNull(tx.child("PmtTpInf"), "an allowed element the schema does not read is still allowed");
        assertEquals(null, tx.child("Bogus"));
    }

    /** Every element node of the schema's path tree, by path from the message element. */
    private static void collect(MessageSchema.Node node, String path, Map<String, MessageSchema.Node> into) {
        into.put(path, node);
        node.children.forEach((name, child) -> {
            if (child != MessageSchema.Node.UNWALKED) {
                collect(child, path + "/" + name, into);
            }
        });
    }
}
