package io.kapok.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageTypeTest {
    @Test
    void everyMessageOfTheMapIsFoundByItsNamespace() {
        for (MessageType type : MessageType.values()) {
            assertEquals(type, MessageType.ofNamespace("urn:iso:std:iso:20022:tech:xsd:" + type.messageDefinition()));
        }
        assertEquals(23, MessageType.values().length, "head.001, 7 pacs/camt, admi.002, 12 tsin, 2 tsmt");
        assertNull(MessageType.ofNamespace("urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09"));
        assertNull(MessageType.ofNamespace(null));
    }

    @Test
    void explainsAnotherVersionOfTheExpectedMessage() {
        assertEquals(
                "pacs.008.001.09 is another version of pacs.008; Kapok accepts pacs.008.001.08",
                MessageType.describeUnexpected(
                        "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09", MessageType.PACS_008_001_08));
    }

    @Test
    void explainsAKnownMessageSentToTheWrongPlace() {
        String text =
                MessageType.describeUnexpected(MessageType.TSIN_001_001_01.namespace(), MessageType.PACS_008_001_08);
        assertTrue(text.startsWith("tsin.001.001.01 (invoice financing request) is not accepted here"), text);
    }

    @Test
    void explainsForeignAndMissingNamespaces() {
        assertTrue(MessageType.describeUnexpected("urn:example", MessageType.PACS_008_001_08)
                .contains("not an ISO 20022"));
        assertTrue(MessageType.describeUnexpected(null, MessageType.PACS_008_001_08)
                .contains("no namespace"));
    }
}
