package io.kapok.codecs.tsin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.Corpus;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.XmlLimits;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the tsin.001 corpus through the decoder of the whole message map: each file under
 * {@code corpus/tsin001/valid/} is accepted with all its invoices, each under {@code invalid/}
 * rejected with the {@link RejectCode} its {@code expected.properties} names.
 */
class Tsin001CorpusTest {
    private static final Corpus CORPUS = new Corpus("tsin001");

    private final Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    static Stream<String> validMessages() {
        return CORPUS.validMessages().stream();
    }

    static Stream<String> invalidMessages() {
        return CORPUS.invalidMessages().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void acceptsValidMessage(String name) {
        byte[] bytes = CORPUS.valid(name);
        assertTrue(decoder.decode(bytes, 0, bytes.length, view, verdict), () -> name + ": " + verdict);
        assertEquals(MessageType.TSIN_001_001_01, view.type());
        assertEquals(3, view.itemCount());
        for (int i = 0; i < view.itemCount(); i++) {
            assertTrue(view.itemAmountMinor(i, Tsin001Schema.INVOICE_AMOUNT) > 0);
            assertTrue(IsoIdentifiers.isUnifiedSocialCreditCode(view.itemText(i, Tsin001Schema.BUYER_ID)));
        }
        assertTrue(IsoIdentifiers.isBic(view.text(Tsin001Schema.FIRST_AGENT_BIC)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void rejectsInvalidMessageWithExpectedCode(String name) {
        RejectCode expected = RejectCode.valueOf(CORPUS.expectations().getProperty(name));
        byte[] bytes = CORPUS.invalid(name);
        assertFalse(decoder.decode(bytes, 0, bytes.length, view, verdict), () -> name + " was accepted");
        assertEquals(expected, verdict.rejectCode(), () -> name + ": " + verdict);
        assertFalse(verdict.detail().isBlank());
    }

    @Test
    void everyInvalidMessageHasAnExpectationAndEveryExpectationAFile() {
        assertEquals(
                new TreeSet<>(CORPUS.expectations().stringPropertyNames()), new TreeSet<>(CORPUS.invalidMessages()));
        assertTrue(CORPUS.validMessages().size() >= 8);
    }
}
