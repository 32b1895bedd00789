package io.kapok.gateway.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.gateway.demo.DemoMessages.Invoice;
import io.kapok.gateway.demo.DemoMessages.Original;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every message the demo and the flow tests send, as Kapok's encoders write it, passes Kapok's own
 * decoder and validation for its type: the encoders and the schemas agree (a field one writes that
 * the other requires, or the reverse, fails here before any flow does).
 */
class DemoMessagesTest {
    private static final String PRBK = "PRBKCNGZXXX";
    private static final String VHBK = "VHBKHKHHXXX";
    private static final String CANTON = "91440101MA9KAPK001";
    private static final String FOSHAN = "91440604MA9KAPK002";

    @Test
    void everyFlowMessageDecodesAndValidatesAsItsType() {
        DemoMessages m = new DemoMessages("KAPKCNGZXXX", 1_795_400_000_000L);
        LocalDate day = LocalDate.of(2026, 11, 23);
        Invoice invoice = new Invoice(
                "FSPP-T-001",
                "CNY",
                1_200_000_00L,
                day.minusDays(30).toEpochDay(),
                day.plusDays(90).toEpochDay());
        Original original = new Original("PRBK-P-1", "E2E-1", "3f2a9c1e-7b4d-4e8a-9c2b-1d5e6f7a8b9c", "CNY", 1_000_00L);
        Map<MessageType, byte[]> messages = Map.ofEntries(
                Map.entry(MessageType.TSIN_004_001_01, m.invoice("X", FOSHAN, CANTON, invoice)),
                Map.entry(
                        MessageType.TSIN_013_001_01,
                        m.confirmation("CAG-C-1", CANTON, List.of(invoice), List.of(invoice.number()))),
                Map.entry(
                        MessageType.TSIN_006_001_01,
                        m.split("FSPP-S-1", FOSHAN, "91440115MA9KAPK004", invoice, 200_000_00L)),
                Map.entry(
                        MessageType.TSIN_009_001_01,
                        m.onboarding("VHBK-O-1", VHBK, "91440115MA9KAPK004", "USD", List.of("VHBK-CAG-USD"))),
                Map.entry(
                        MessageType.TSIN_001_001_01,
                        m.financingRequest("FSPP-F-1", FOSHAN, CANTON, PRBK, "PRBK-CAG-CNY", invoice, -1)),
                Map.entry(
                        MessageType.TSIN_002_001_01,
                        m.decision("PRBK-D-1", PRBK, FOSHAN, "FSPP-F-1", invoice, 1_080_000_00L, null)),
                Map.entry(MessageType.TSIN_003_001_01, m.cancellation("FSPP-X-1", FOSHAN, PRBK, "FSPP-F-1", "early")),
                Map.entry(
                        MessageType.TSMT_053_001_01,
                        m.reconciliation("PRBK-K-1", PRBK, invoice.number(), invoice.amountMinor(), List.of(invoice))),
                Map.entry(
                        MessageType.PACS_008_001_08,
                        m.payment("PRBK-P-1", PRBK, VHBK, "CNY", 1_000_00L, "E2E-1", "/REG/ZDW-1", "A", "B")),
                Map.entry(
                        MessageType.PACS_004_001_09,
                        m.paymentReturn("VHBK-R-1", VHBK, PRBK, original, 400_00L, "AM09")),
                Map.entry(MessageType.CAMT_056_001_08, m.recall("PRBK-C-1", PRBK, VHBK, original, "DUPL")),
                Map.entry(
                        MessageType.CAMT_029_001_09,
                        m.resolution("VHBK-Z-1", VHBK, PRBK, "PRBK-C-1", original, false, "LEGL")));
        Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
        MessageView view = new MessageView();
        DecodeVerdict verdict = new DecodeVerdict();
        for (Map.Entry<MessageType, byte[]> e : messages.entrySet()) {
            byte[] bytes = e.getValue();
            assertTrue(decoder.decode(bytes, 0, bytes.length, view, verdict), e.getKey() + ": " + verdict);
            assertEquals(e.getKey(), view.type());
            assertTrue(view.hasAppHdr(), e.getKey() + " carries its Business Application Header");
        }
    }
}
