package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.BusinessLetterFields;
import io.kapok.codecs.tsin.FinancingItemListSchema;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin004Schema;
import io.kapok.codecs.xml.XmlLimits;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each 1+N template, with its ids written in, decodes and validates with Kapok's own decoder. */
class FlowTemplatesTest {
    private static final long NOW_MS = LocalDate.of(2026, 11, 23).toEpochDay() * 86_400_000L + 3_600_000L;

    private final UniqueIds ids = new UniqueIds(new Random(7));
    private final FlowTemplates templates = new FlowTemplates(ids, NOW_MS);
    private final Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    private void decode(byte[] message, MessageType type) {
        assertTrue(
                decoder.decode(message, 0, message.length, view, verdict), () -> verdict + "\n" + new String(message));
        assertEquals(type, view.type());
    }

    private byte[] buffer(MixType type) {
        // Written at an offset, as the generator writes after the HTTP head.
        return new byte[templates.length(type) + 3];
    }

    private static byte[] from3(byte[] b) {
        return java.util.Arrays.copyOfRange(b, 3, b.length);
    }

    @Test
    void registrationIsAValidTsin004OfItsInvoiceBySupplierOnTheCore() {
        for (long n : new long[] {0, 1, 2, 123_456_789}) {
            byte[] b = buffer(MixType.TSIN004);
            templates.writeRegistration(n, b, 3);
            decode(from3(b), MessageType.TSIN_004_001_01);
            String invoice = ids.shortId(UniqueIds.INVOICE, n);
            assertEquals(invoice, view.text(Tsin004Schema.INVOICE_ID).toString());
            assertEquals(invoice, view.businessMessageId().toString(), "BizMsgIdr = InvcId");
            assertEquals(
                    FlowTemplates.supplierOf(n),
                    view.text(Tsin004Schema.SELLER_ID).toString());
            assertEquals(FlowTemplates.supplierOf(n), view.fromOrganisationId().toString(), "sent by the seller");
            assertEquals(FlowTemplates.CORE, view.text(Tsin004Schema.BUYER_ID).toString());
            assertEquals(FlowTemplates.INVOICE_AMOUNT_MINOR, view.amountMinor(Tsin004Schema.DUE_PAYABLE_AMOUNT));
            assertEquals("2027-01-22", view.text(Tsin004Schema.DUE_DATE).toString(), "60 days after 2026-11-23");
            assertTrue(!new String(b).contains("ZQ"), "no placeholder left");
        }
        assertEquals("91440700MA9KAPK003", FlowTemplates.supplierOf(1));
    }

    @Test
    void confirmationIsAValidTsin013OfFiveConsecutiveInvoicesFromTheCore() {
        byte[] b = buffer(MixType.TSIN013);
        templates.writeConfirmation(UniqueIds.LETTER, 41, 1_000, b, 3);
        decode(from3(b), MessageType.TSIN_013_001_01);
        String letter = ids.shortId(UniqueIds.LETTER, 41);
        assertEquals(letter, view.businessMessageId().toString());
        assertEquals(letter, view.text(BusinessLetterFields.LETTER_ID).toString());
        assertEquals(FlowTemplates.CORE, view.fromOrganisationId().toString(), "the debtor confirms");
        assertEquals(FlowTemplates.CONFIRMATION_ITEMS, view.itemCount());
        for (int i = 0; i < FlowTemplates.CONFIRMATION_ITEMS; i++) {
            assertEquals(
                    ids.shortId(UniqueIds.INVOICE, 1_000 + i),
                    view.itemText(i, FinancingItemListSchema.ITEM_ID).toString());
        }
    }

    @Test
    void financingRequestIsAValidTsin001OfOneInvoiceByItsHolderWhoseFinancingIdFitsAnEndToEndId() {
        byte[] b = buffer(MixType.TSIN001);
        templates.writeFinancingRequest(9, 302, b, 3);
        decode(from3(b), MessageType.TSIN_001_001_01);
        String group = ids.shortId(UniqueIds.GROUP, 9);
        String invoice = ids.shortId(UniqueIds.INVOICE, 302);
        assertEquals(group, view.text(Tsin001Schema.GROUP_ID).toString());
        assertEquals(group, view.businessMessageId().toString());
        assertEquals(1, view.itemCount());
        assertEquals(invoice, view.itemText(0, Tsin001Schema.DOCUMENT_NUMBER).toString());
        assertEquals(FlowTemplates.supplierOf(302), view.fromOrganisationId().toString(), "the holder asks");
        assertEquals(
                FlowTemplates.supplierOf(302),
                view.text(Tsin001Schema.REQUESTER_ID).toString());
        assertEquals(
                FlowTemplates.PROGRAMME,
                view.text(Tsin001Schema.FINANCING_AGREEMENT).toString());
        assertEquals(FlowTemplates.BANK, view.toBic().toString());
        assertTrue((group + "/" + invoice).length() <= 35, "a disbursing pacs.008 can carry it as EndToEndId");
    }

    @Test
    void invoicesAreIssuedInThePastAndDueWithinTheTermLimit() {
        long today = LocalDate.ofEpochDay(NOW_MS / 86_400_000L).toEpochDay();
        assertTrue(templates.issueDay() <= today);
        assertTrue(templates.dueDay() > today);
        assertTrue(templates.dueDay() - templates.issueDay() <= 183);
    }
}
