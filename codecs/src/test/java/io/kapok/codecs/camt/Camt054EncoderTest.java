package io.kapok.codecs.camt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.dic.AccountNotification17;
import com.prowidesoftware.swift.model.mx.dic.BankToCustomerDebitCreditNotificationV08;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.pacs.AppHdrWriter;
import io.kapok.codecs.xml.Utf8XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Camt054EncoderTest {
    static Camt054Notification creditNotification(String currency, long amountMinor) {
        Camt054Notification notification = new Camt054Notification();
        CamtSamples.header(notification.header, "KAPK-CAMT054-000042");
        notification.notificationId.set("KAPK-NTFCTN-000042");
        CamtSamples.account(notification.account, currency);
        CamtSamples.entry(notification.entries.add(), 2, amountMinor, true);
        return notification;
    }

    private static ProwideOracle.Reading<MxCamt05400108> encodeAndRead(Camt054Notification notification) {
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Camt054Encoder().encode(notification, out);
        ProwideOracle.Reading<MxCamt05400108> reading = ProwideOracle.read(out, MxCamt05400108.class);
        ProwideOracle.assertAppHdr(
                notification.header,
                Camt054Encoder.TYPE,
                AppHdrWriter.CBPR_BUSINESS_SERVICE,
                reading.mx(),
                reading.xml());
        BankToCustomerDebitCreditNotificationV08 doc = reading.mx().getBkToCstmrDbtCdtNtfctn();
        assertEquals(notification.header.messageId.toString(), doc.getGrpHdr().getMsgId());
        ProwideOracle.assertInstant(
                notification.header.creationTimeMs, doc.getGrpHdr().getCreDtTm());
        assertEquals(1, doc.getNtfctn().size());
        AccountNotification17 ntfctn = doc.getNtfctn().get(0);
        assertEquals(notification.notificationId.toString(), ntfctn.getId());
        CamtSamples.assertAccount(notification.account, ntfctn.getAcct());
        assertEquals(notification.entries.count(), ntfctn.getNtry().size(), reading.xml());
        for (int i = 0; i < notification.entries.count(); i++) {
            CamtSamples.assertEntry(
                    notification.entries.get(i),
                    notification.account.currency,
                    ntfctn.getNtry().get(i));
        }
        return reading;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "HKD", "MOP", "USD", "JPY", "BHD"})
    void prowideReadsACreditNotificationInTheCurrencysMinorUnits(String currency) {
        encodeAndRead(creditNotification(currency, 125_000_000L));
    }

    @Test
    void prowideReadsADebitAndACreditOfOneMessage() {
        Camt054Notification notification = creditNotification("USD", 1L);
        CamtSamples.entry(notification.entries.add(), 3, 999_999_999_999L, false);
        encodeAndRead(notification);
    }

    @Test
    void prowideReadsANotificationToABankAccountOwner() {
        Camt054Notification notification = creditNotification("HKD", 50_000_000_00L);
        notification.header.to.clear();
        notification.header.to.bic("VHBKHKHHXXX");
        notification.account.owner.clear();
        notification.account.owner.bic("VHBKHKHHXXX");
        notification.account.owner.name.set("Victoria Harbour Bank");
        encodeAndRead(notification);
    }

    @Test
    void prowideReadsTheInstructedAmountAndTheExchangeOfAConvertedPosting() {
        Camt054Notification notification = creditNotification("HKD", 99_989_01L);
        notification.entries.get(0).credit = false;
        CamtSamples.converted(notification.entries.get(0));
        String xml = encodeAndRead(notification).xml();
        assertEquals(
                true,
                xml.contains("<AmtDtls><InstdAmt><Amt Ccy=\"HKD\">100000.00</Amt></InstdAmt>"
                        + "<TxAmt><Amt Ccy=\"CNY\">91000.00</Amt><CcyXchg><SrcCcy>HKD</SrcCcy><TrgtCcy>CNY</TrgtCcy>"
                        + "<UnitCcy>HKD</UnitCcy><XchgRate>0.91"),
                xml);
    }

    @Test
    void refusesANotificationWithoutEntries() {
        Camt054Notification notification = creditNotification("CNY", 1L);
        notification.entries.clear();
        assertThrows(
                IllegalArgumentException.class, () -> new Camt054Encoder().encode(notification, new Utf8XmlWriter(64)));
    }

    @Test
    void refusesAnUnknownCurrencyInsteadOfWritingIt() {
        Camt054Notification notification = creditNotification("CNY", 1L);
        notification.account.currency = io.kapok.codecs.iso.Iso4217.pack("CNH");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new Camt054Encoder().encode(notification, new Utf8XmlWriter(64)));
        assertEquals(true, e.getMessage().contains("not an active ISO 4217 code"), e.getMessage());
    }

    @Test
    void sameNotificationGivesTheSameBytesThroughAReusedEncoder() {
        Camt054Encoder encoder = new Camt054Encoder();
        Utf8XmlWriter out = new Utf8XmlWriter(16);
        Camt054Notification notification = creditNotification("CNY", 42L);
        encoder.encode(notification, out);
        byte[] first = out.toByteArray();
        encoder.encode(creditNotification("JPY", 7L), out);
        encoder.encode(notification, out);
        assertArrayEquals(first, out.toByteArray());
    }
}
