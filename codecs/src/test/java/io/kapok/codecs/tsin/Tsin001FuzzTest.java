package io.kapok.codecs.tsin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.Corpus;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.XmlMutator;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Throws structure-aware mutations of a valid three-invoice tsin.001 at the decoder of the whole
 * message map: invoices dropped, duplicated, moved, renamed, put in another namespace; hostile
 * amounts, dates and ids; DTDs, entities, deep nesting; truncation, byte flips, other encodings.
 * Every input gets a verdict (no exception escapes, every reject has a code and a sentence), and
 * whatever is accepted satisfies the tsin rules the ledger relies on. The seed is printed; rerun
 * one with {@code -Dkapok.fuzz.seed=N}.
 */
class Tsin001FuzzTest {
    private static final int MUTANTS = 8_000;
    private static final String SAMPLE =
            new String(new Corpus("tsin001").valid("default-namespaces.xml"), StandardCharsets.UTF_8);

    private final Iso20022Decoder decoder = MessageMap.newDecoder(new XmlLimits(32, 2_000, 16, 10_000));
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    @Test
    @Timeout(120)
    void everyMutantGetsAVerdictAndNothingInvalidIsAccepted() {
        Map<RejectCode, Integer> verdicts = new XmlMutator("urn:iso:std:iso:20022:tech:xsd:tsin.002.001.01")
                .run(
                        "Tsin001FuzzTest",
                        SAMPLE,
                        MUTANTS,
                        bytes -> decoder.decode(bytes, 0, bytes.length, view, verdict),
                        verdict,
                        this::assertAcceptedIsConsistent);
        assertTrue(verdicts.size() >= 10, "the mutations reach few reject paths: " + verdicts);
    }

    /** What the ledger relies on in an accepted financing request. */
    private void assertAcceptedIsConsistent(String where) {
        assertEquals(MessageType.TSIN_001_001_01, view.type(), where);
        assertTrue(view.itemCount() >= 1 && view.itemCount() <= Tsin001Schema.INVOICE_REQUESTS_MAX, where);
        assertTrue(IsoIdentifiers.isBic(view.text(Tsin001Schema.FIRST_AGENT_BIC)), where);
        int currency = view.itemCurrency(0, Tsin001Schema.INVOICE_AMOUNT);
        long sum = 0;
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < view.itemCount(); i++) {
            long amount = view.itemAmountMinor(i, Tsin001Schema.INVOICE_AMOUNT);
            assertTrue(amount >= 0, where);
            assertEquals(currency, view.itemCurrency(i, Tsin001Schema.INVOICE_AMOUNT), where);
            sum += amount;
            assertTrue(
                    numbers.add(view.itemText(i, Tsin001Schema.DOCUMENT_NUMBER).toString()), where);
            long issue = IsoIdentifiers.epochDay(view.itemText(i, Tsin001Schema.ISSUE_DATE));
            long due = IsoIdentifiers.epochDay(view.itemText(i, Tsin001Schema.DUE_DATE));
            assertTrue(due >= issue && due - issue <= 366, where);
            assertTrue(
                    IsoIdentifiers.isUnifiedSocialCreditCode(view.itemText(i, Tsin001Schema.BUYER_ID))
                            || IsoIdentifiers.isLei(view.itemText(i, Tsin001Schema.BUYER_ID)),
                    where);
        }
        if (view.text(Tsin001Schema.TOTAL_AMOUNT).isPresent()) {
            assertEquals(sum, view.amountMinor(Tsin001Schema.TOTAL_AMOUNT), where);
        }
    }
}
