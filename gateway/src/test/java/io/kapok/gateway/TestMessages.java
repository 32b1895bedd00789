package io.kapok.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** pacs.008 messages for the gateway's tests, made from the bundled sample. */
final class TestMessages {
    static final String SAMPLE = load("kapok-config/samples/pacs008.xml");
    static final String SAMPLE_MSG_ID = "PRBK-20261123-0001";
    static final String SAMPLE_UETR = "8a562c67-ca16-48ba-b074-65581be6f001";

    private TestMessages() {}

    /** The sample with a fresh MsgId and UETR, and the given amount (a decimal in CNY). */
    static String payment(String msgId, String amount) {
        return payment(msgId, UUID.randomUUID().toString(), amount);
    }

    static String payment(String msgId, String uetr, String amount) {
        return SAMPLE.replace(SAMPLE_MSG_ID, msgId)
                .replace(SAMPLE_UETR, uetr)
                .replace(">1250000.00<", ">" + amount + "<");
    }

    private static String load(String resource) {
        try (InputStream in = TestMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
