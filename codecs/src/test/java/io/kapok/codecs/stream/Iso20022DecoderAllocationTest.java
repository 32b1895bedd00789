package io.kapok.codecs.stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.AllocationMeter;
import io.kapok.codecs.Corpus;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.xml.XmlLimits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder's hot path allocates nothing per message once warm: a valid message is scanned,
 * captured and validated into the reused view without a single object.
 */
class Iso20022DecoderAllocationTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/corpus/pacs008/valid/envelope-with-apphdr.xml",
                "/corpus/pacs008/valid/prefixed-namespaces.xml",
                "/corpus/tsin001/valid/envelope-prefixed-as-prowide-writes.xml"
            })
    void aWarmDecoderDecodesAValidMessageWithoutAllocating(String resource) {
        byte[] message = Corpus.resourceBytes(resource);
        Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
        MessageView view = new MessageView();
        DecodeVerdict verdict = new DecodeVerdict();
        Runnable decode = () -> {
            if (!decoder.decode(message, 0, message.length, view, verdict)) {
                throw new AssertionError(resource + " rejected: " + verdict);
            }
        };
        for (int i = 0; i < 2_000; i++) {
            decode.run();
        }
        long allocatedBytes = AllocationMeter.bytesAllocated(1_000, decode);
        // The measurement itself may allocate a little; a per-message allocation would be 1,000 times more.
        assertTrue(allocatedBytes < 1_000, () -> allocatedBytes + " bytes allocated for 1,000 " + resource);
    }
}
