package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.FinancingItemListSchema;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin004Schema;
import io.kapok.codecs.xml.XmlLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every message of a run, set-up and timed, decoded with Kapok's decoder: each is valid, no id
 * repeats, and each reference points at an invoice in the right state when it arrives.
 */
class LoadMessagesTest {
    private final Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();
    private final Set<String> messageIds = new HashSet<>();

    private void decode(LoadMessages messages, LoadMessages.Phase phase, long index) {
        byte[] b = new byte[messages.length(phase.typeAt(index))];
        phase.write(index, b, 0);
        assertTrue(decoder.decode(b, 0, b.length, view, verdict), () -> phase.name() + " " + index + ": " + verdict);
        assertTrue(messageIds.add(view.businessMessageId().toString()), () -> "repeated " + view.businessMessageId());
    }

    @Test
    void theTimedPhaseConfirmsOnlyRegisteredInvoicesAndFinancesOnlyConfirmedOnesEachOnce() {
        MessageMix mix = MessageMix.only(MixType.PACS008);
        try {
            mix = MessageMix.parse("pacs008=50,tsin004=10,tsin013=20,tsin001=20");
        } catch (LoadOptions.UsageException e) {
            throw new AssertionError(e);
        }
        LoadMessages messages = new LoadMessages(mix, 1_003, new UniqueIds(new Random(3)), System.currentTimeMillis());
        assertEquals(205, messages.confirmedPool(), "201 tsin.001 in 1,003 requests, rounded up to letters of five");
        assertEquals(1_005, messages.registeredPool(), "five invoices for each of the 201 tsin.013");

        LoadMessages.Phase[] setup = messages.setup();
        assertEquals(2, setup.length);
        Map<String, String> sellerOf = new HashMap<>();
        for (long i = 0; i < setup[0].count(); i++) {
            decode(messages, setup[0], i);
            sellerOf.put(
                    view.text(Tsin004Schema.INVOICE_ID).toString(),
                    view.fromOrganisationId().toString());
        }
        assertEquals(1_210, sellerOf.size(), "every invoice registered once");
        Set<String> confirmed = new HashSet<>();
        assertEquals(41, setup[1].count());
        for (long i = 0; i < setup[1].count(); i++) {
            decode(messages, setup[1], i);
            for (int item = 0; item < view.itemCount(); item++) {
                String id = view.itemText(item, FinancingItemListSchema.ITEM_ID).toString();
                assertTrue(sellerOf.containsKey(id), id + " confirmed before it is registered");
                assertTrue(confirmed.add(id), id + " confirmed twice");
            }
        }

        LoadMessages.Phase timed = messages.timed();
        Set<String> financed = new HashSet<>();
        Set<String> confirmedInTimedPhase = new HashSet<>();
        List<String> registeredInTimedPhase = new ArrayList<>();
        for (long i = 0; i < timed.count(); i++) {
            decode(messages, timed, i);
            switch (timed.typeAt(i)) {
                case TSIN001 -> {
                    String invoice =
                            view.itemText(0, Tsin001Schema.DOCUMENT_NUMBER).toString();
                    assertTrue(confirmed.contains(invoice), invoice + " financed but not confirmed in set-up");
                    assertTrue(financed.add(invoice), invoice + " financed twice");
                    assertEquals(
                            sellerOf.get(invoice), view.fromOrganisationId().toString(), "only the holder asks");
                }
                case TSIN013 -> {
                    for (int item = 0; item < view.itemCount(); item++) {
                        String id = view.itemText(item, FinancingItemListSchema.ITEM_ID)
                                .toString();
                        assertTrue(
                                sellerOf.containsKey(id) && !confirmed.contains(id),
                                id + " is not awaiting confirmation");
                        assertTrue(confirmedInTimedPhase.add(id), id + " confirmed twice");
                    }
                }
                case TSIN004 -> {
                    String id = view.text(Tsin004Schema.INVOICE_ID).toString();
                    assertTrue(!sellerOf.containsKey(id), id + " registered twice");
                    registeredInTimedPhase.add(id);
                }
                case PACS008 -> assertEquals(io.kapok.codecs.MessageType.PACS_008_001_08, view.type());
            }
        }
        assertEquals(201, financed.size());
        assertEquals(1_005, confirmedInTimedPhase.size());
        assertEquals(mix.countBelow(MixType.TSIN004, 1_003), registeredInTimedPhase.size());

        byte[] priming = new byte[messages.length(MixType.PACS008)];
        messages.writePriming(3, priming, 0);
        assertTrue(decoder.decode(priming, 0, priming.length, view, verdict), verdict::toString);
        assertTrue(messageIds.add(view.businessMessageId().toString()), "the priming payment is not one of the run's");
    }

    @Test
    void paymentsAloneNeedNoSetUpAndRegistrationsAloneNeedNone() throws Exception {
        UniqueIds ids = new UniqueIds(new Random(5));
        assertEquals(0, new LoadMessages(MessageMix.only(MixType.PACS008), 100, ids, 0).setup().length);
        assertEquals(0, new LoadMessages(MessageMix.parse("pacs008=1,tsin004=1"), 100, ids, 0).setup().length);
        LoadMessages onlyConfirm = new LoadMessages(MessageMix.parse("tsin013=1"), 10, ids, 0);
        assertEquals(1, onlyConfirm.setup().length, "only registrations: nothing is financed");
        assertEquals(50, onlyConfirm.setup()[0].count());
    }
}
