package io.kapok.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.camt.CamtReport;
import io.kapok.codecs.camt.CashEntry;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.ledger.Currencies;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A posting's camt.054 kept as a compact record renders, on any thread and any number of times, to one message. */
class PostingNoticesTest {
    private static final String PLATFORM = "KAPKCNGZXXX";
    private static final String UETR = "8a562c67-ca16-48ba-b074-65581be6f011";
    private static final long TIME_MS = 1_795_000_000_000L;

    private final PostingNotices sequencerSide = new PostingNotices(PLATFORM);
    private final PostingNotices readerSide = new PostingNotices(PLATFORM);
    private final Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    private MailboxEntry entry(String owner, long inboundSequence, int length) {
        MailboxEntry e = new MailboxEntry();
        e.recipientPartyId = owner;
        e.partySequence = 7;
        e.inboundSequence = inboundSequence;
        e.messageType = FlowNotifications.CAMT054;
        e.createdTimeMs = TIME_MS;
        e.format = PostingNotices.FORMAT;
        System.arraycopy(sequencerSide.recordBytes(), 0, e.bytes, 0, length);
        e.length = length;
        return e;
    }

    private MessageView decode(MailboxEntry e) {
        assertTrue(
                decoder.decode(e.bytes, 0, e.length, view, verdict),
                () -> verdict + "\n" + new String(e.bytes, 0, e.length));
        assertEquals(MessageType.CAMT_054_001_08, view.type());
        return view;
    }

    @Test
    void aDebitRendersAsAValidCamt054ToTheAccountOwnerWithThePaymentsIds() {
        int length = sequencerSide.record(Currencies.pack("CNY"), -125_000_000L, 1, UETR, "PRBK-MSG-1", "E2E-1");
        MailboxEntry e = entry("PRBKCNGZXXX", 42, length);

        readerSide.render(e);

        MessageView v = decode(e);
        assertEquals("PRBKCNGZXXX", v.toBic().toString());
        assertEquals("KPKN42-1", v.text(CamtReport.MSG_ID).toString());
        assertEquals(1, v.itemCount());
        assertEquals(125_000_000L, v.itemAmountMinor(0, CamtReport.ENTRY_AMOUNT));
        assertEquals(Currencies.pack("CNY"), v.itemCurrency(0, CamtReport.ENTRY_AMOUNT));
        assertEquals("DBIT", v.itemText(0, CamtReport.ENTRY_CREDIT_DEBIT).toString());
        assertEquals("PRBK-MSG-1", v.itemText(0, CamtReport.ENTRY_MSG_ID).toString());
        assertEquals("E2E-1", v.itemText(0, CamtReport.ENTRY_END_TO_END_ID).toString());
        assertEquals(UETR, v.itemText(0, CamtReport.ENTRY_UETR).toString());
        assertEquals(
                "JRNL-42", v.itemText(0, CamtReport.ENTRY_SERVICER_REFERENCE).toString());
    }

    @Test
    void aCreditWithoutIdsRendersWithoutThem() {
        int length = sequencerSide.record(Currencies.pack("USD"), 9_900L, 2, null, null, "FSPP-HKY5-001");
        MailboxEntry e = entry("VHBKHKHHXXX", 5, length);

        readerSide.render(e);

        MessageView v = decode(e);
        assertEquals("KPKN5-2", v.text(CamtReport.MSG_ID).toString());
        assertEquals("CRDT", v.itemText(0, CamtReport.ENTRY_CREDIT_DEBIT).toString());
        assertEquals(9_900L, v.itemAmountMinor(0, CamtReport.ENTRY_AMOUNT));
        assertEquals(
                "FSPP-HKY5-001", v.itemText(0, CamtReport.ENTRY_END_TO_END_ID).toString());
        assertTrue(v.itemText(0, CamtReport.ENTRY_MSG_ID).isEmpty());
        assertTrue(v.itemText(0, CamtReport.ENTRY_UETR).isEmpty());
    }

    @Test
    void theSameRecordRendersToTheSameBytesEveryTimeWhateverWasRenderedBetween() {
        int length = sequencerSide.record(Currencies.pack("HKD"), 10_050L, 1, UETR, "M-1", "E-1");
        MailboxEntry first = entry("VHBKHKHHXXX", 100, length);
        MailboxEntry again = entry("VHBKHKHHXXX", 100, length);
        readerSide.render(first);
        byte[] firstBytes = Arrays.copyOf(first.bytes, first.length);

        int other = sequencerSide.record(Currencies.pack("MOP"), -1L, 3, null, "OTHER-MESSAGE-ID", null);
        readerSide.render(entry("PRBKCNGZXXX", 101, other));
        readerSide.render(again);

        assertArrayEquals(firstBytes, Arrays.copyOf(again.bytes, again.length));
        assertArrayEquals(firstBytes, Arrays.copyOf(renderedBy(new PostingNotices(PLATFORM), length), first.length));
    }

    private byte[] renderedBy(PostingNotices renderer, int length) {
        int again = sequencerSide.record(Currencies.pack("HKD"), 10_050L, 1, UETR, "M-1", "E-1");
        assertEquals(length, again);
        MailboxEntry e = entry("VHBKHKHHXXX", 100, again);
        renderer.render(e);
        return e.bytes;
    }

    @Test
    void aConvertedPostingRendersItsInstructedAmountAndExchangeAndReadsBackAsItWasRecorded() {
        sequencerSide.record(Currencies.pack("HKD"), -99_989_01L, 1, UETR, "VHBK-FX-1", "E2E-FX-1");
        int length = sequencerSide.conversion(
                Currencies.pack("HKD"),
                100_000_00L,
                Currencies.pack("CNY"),
                91_000_00L,
                Currencies.pack("HKD"),
                91_010_000L);
        MailboxEntry e = entry("VHBKHKHHXXX", 43, length);
        e.format = PostingNotices.FORMAT_CONVERTED;
        CashEntry read = new CashEntry();
        assertEquals(Currencies.pack("HKD"), readerSide.readEntry(e, read));
        assertEquals(-99_989_01L, read.signedAmountMinor());
        assertEquals(100_000_00L, read.instructedAmountMinor);
        assertEquals(Currencies.pack("CNY"), read.targetCurrency);
        assertEquals(Currencies.pack("HKD"), read.unitCurrency);
        assertEquals(91_010_000L, read.exchangeRateScaled);

        readerSide.render(e);

        decode(e);
        String xml = new String(e.bytes, 0, e.length, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(
                xml.contains("<AmtDtls><InstdAmt><Amt Ccy=\"HKD\">100000.00</Amt></InstdAmt><TxAmt>"
                        + "<Amt Ccy=\"CNY\">91000.00</Amt><CcyXchg><SrcCcy>HKD</SrcCcy><TrgtCcy>CNY</TrgtCcy>"
                        + "<UnitCcy>HKD</UnitCcy><XchgRate>0.9101"),
                xml);
    }

    @Test
    void aUetrThatIsNotAVersion4UuidIsLeftOut() {
        int length = sequencerSide.record(Currencies.pack("CNY"), 1L, 1, "not-a-uuid", "M-2", "E-2");
        MailboxEntry e = entry("PRBKCNGZXXX", 9, length);

        readerSide.render(e);

        assertTrue(decode(e).itemText(0, CamtReport.ENTRY_UETR).isEmpty());
    }

    @Test
    void aTruncatedRecordOrAnotherFormatIsRefusedNotRenderedWrong() {
        int length = sequencerSide.record(Currencies.pack("CNY"), 1L, 1, UETR, "M-3", "E-3");
        assertThrows(IllegalStateException.class, () -> readerSide.render(entry("PRBKCNGZXXX", 9, length - 2)));

        MailboxEntry otherFormat = entry("PRBKCNGZXXX", 9, length);
        otherFormat.format = 9;
        assertThrows(IllegalStateException.class, () -> readerSide.render(otherFormat));
    }
}
