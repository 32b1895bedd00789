package io.kapok.codecs.pacs;

import static io.kapok.codecs.pacs.Pacs008Samples.SAMPLE;
import static io.kapok.codecs.pacs.Pacs008Samples.replaceOnce;
import static io.kapok.codecs.pacs.Pacs008Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction39;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** pacs.008's {@code InstdAmt} and {@code XchgRate}: read, checked and written. */
class Pacs008CrossCurrencyTest {
    private static final String TX = "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf";

    /** The sample (CNY 1,250,000.00) with {@code extra} right before {@code ChrgBr}, where the schema puts it. */
    private static String withBeforeChargeBearer(String extra) {
        return replaceOnce(SAMPLE, "<ChrgBr>SHAR</ChrgBr>", extra + "<ChrgBr>SHAR</ChrgBr>");
    }

    private static Pacs008View decode(String xml, DecodeVerdict verdict) {
        Pacs008View view = new Pacs008View();
        byte[] bytes = utf8(xml);
        new Pacs008Decoder(XmlLimits.DEFAULTS).decode(bytes, 0, bytes.length, view, verdict);
        return view;
    }

    private static Pacs008View accepted(String xml) {
        DecodeVerdict verdict = new DecodeVerdict();
        Pacs008View view = decode(xml, verdict);
        assertTrue(verdict.isAccepted(), () -> "expected ACCEPTED, got " + verdict);
        return view;
    }

    private static void rejected(String xml, RejectCode code, String path, String detailPart) {
        DecodeVerdict verdict = new DecodeVerdict();
        decode(xml, verdict);
        assertFalse(verdict.isAccepted(), "expected " + code);
        assertEquals(code, verdict.rejectCode(), verdict::toString);
        assertEquals(path, verdict.elementPath(), verdict::toString);
        assertTrue(verdict.detail().contains(detailPart), verdict::toString);
    }

    @Test
    void readsTheInstructedAmountAndTheExchangeRate() {
        Pacs008View v = accepted(
                withBeforeChargeBearer("<InstdAmt Ccy=\"HKD\">1373626.37</InstdAmt><XchgRate>0.91</XchgRate>"));
        assertEquals(Iso4217.pack("HKD"), v.instructedCurrency());
        assertEquals(1_373_626_37L, v.instructedAmountMinor());
        assertEquals(91_000_000L, v.exchangeRateScaled());
        assertEquals("0.91", v.exchangeRate().toString());
        assertEquals(Iso4217.pack("CNY"), v.currency());
    }

    @Test
    void aPaymentWithoutThemHasNone() {
        Pacs008View v = accepted(SAMPLE);
        assertEquals(0, v.instructedCurrency());
        assertEquals(0, v.instructedAmountMinor());
        assertEquals(0, v.exchangeRateScaled());
    }

    @Test
    void refusesAnInstructedAmountInAnotherCurrencyWithoutARate() {
        rejected(
                withBeforeChargeBearer("<InstdAmt Ccy=\"USD\">176056.34</InstdAmt>"),
                RejectCode.MISSING_ELEMENT,
                TX + "/XchgRate",
                "XchgRate is mandatory when InstdAmt's currency USD differs from IntrBkSttlmAmt's CNY (CBPR+)");
    }

    @Test
    void anInstructedAmountInTheSettlementCurrencyNeedsNoRate() {
        Pacs008View v = accepted(withBeforeChargeBearer("<InstdAmt Ccy=\"CNY\">1250000.00</InstdAmt>"));
        assertEquals(Iso4217.pack("CNY"), v.instructedCurrency());
        assertEquals(0, v.exchangeRateScaled());
    }

    @ParameterizedTest
    @CsvSource({
        "0.91, 91000000",
        "7.1, 710000000",
        "7.12345678, 712345678",
        "0.8823529412, 88235294", // 10 decimals: ...9412 rounds down
        "0.123456785, 12345678", // a tie: to the even last digit
        "0.123456775, 12345678", // a tie: to the even last digit
        "0.0000000051, 1",
        "1234567.8901, 123456789010000"
    })
    void readsExchangeRatesIntoEightDecimalsHalfEven(String text, long scaled) {
        assertEquals(scaled, Pacs008Schema.exchangeRateScaled(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0", "0.00", "-0.91", "0.91.1", "abc", "1e3", "0.00000000001", "123456789012", "0.0000000049"})
    void refusesWhatIsNoRateGreaterThanZero(String text) {
        assertEquals(Pacs008Schema.INVALID_RATE, Pacs008Schema.exchangeRateScaled(text));
        rejected(
                withBeforeChargeBearer("<InstdAmt Ccy=\"HKD\">1.00</InstdAmt><XchgRate>" + text + "</XchgRate>"),
                RejectCode.INVALID_FORMAT,
                TX + "/XchgRate",
                "XchgRate");
    }

    @Test
    void refusesARateThatConvertsNothing() {
        rejected(
                withBeforeChargeBearer("<XchgRate>0.91</XchgRate>"),
                RejectCode.INVALID_FORMAT,
                TX + "/XchgRate",
                "InstdAmt in another currency");
        rejected(
                withBeforeChargeBearer("<InstdAmt Ccy=\"CNY\">1250000.00</InstdAmt><XchgRate>1</XchgRate>"),
                RejectCode.INVALID_FORMAT,
                TX + "/XchgRate",
                "InstdAmt in another currency");
    }

    @Test
    void refusesAnInstructedAmountThatIsZeroOrHasTooManyDecimalsOrNoCurrency() {
        rejected(
                withBeforeChargeBearer("<InstdAmt Ccy=\"HKD\">0.00</InstdAmt>"),
                RejectCode.ZERO_AMOUNT,
                TX + "/InstdAmt",
                "zero");
        rejected(
                withBeforeChargeBearer("<InstdAmt Ccy=\"HKD\">1.001</InstdAmt>"),
                RejectCode.INVALID_AMOUNT,
                TX + "/InstdAmt",
                "3 decimals");
        rejected(
                withBeforeChargeBearer("<InstdAmt Ccy=\"CNH\">1.00</InstdAmt>"),
                RejectCode.INVALID_CURRENCY,
                TX + "/InstdAmt/@Ccy",
                "CNH");
        rejected(
                withBeforeChargeBearer("<InstdAmt>1.00</InstdAmt>"),
                RejectCode.MISSING_ELEMENT,
                TX + "/InstdAmt/@Ccy",
                "Ccy");
    }

    @Test
    void theEncoderWritesThemWhereProwideAndKapokReadThem() {
        Pacs008Transfer transfer = Pacs008EncoderTest.transfer("CNY", 910_000_00L);
        transfer.instructedCurrency = Iso4217.pack("HKD");
        transfer.instructedAmountMinor = 1_000_000_00L;
        transfer.exchangeRateScaled = 91_000_000L;
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Pacs008Encoder().encode(transfer, out);
        ProwideOracle.Reading<MxPacs00800108> reading = ProwideOracle.read(out, MxPacs00800108.class);
        CreditTransferTransaction39 tx =
                reading.mx().getFIToFICstmrCdtTrf().getCdtTrfTxInf().get(0);
        assertEquals("HKD", tx.getInstdAmt().getCcy(), reading.xml());
        assertEquals(0, new BigDecimal("1000000.00").compareTo(tx.getInstdAmt().getValue()));
        assertEquals(0, new BigDecimal("0.91").compareTo(tx.getXchgRate()));

        DecodeVerdict verdict = new DecodeVerdict();
        Pacs008View view = new Pacs008View();
        assertTrue(
                new Pacs008Decoder(XmlLimits.DEFAULTS).decode(out.buffer(), 0, out.length(), view, verdict),
                verdict::toString);
        assertEquals(transfer.instructedCurrency, view.instructedCurrency());
        assertEquals(transfer.instructedAmountMinor, view.instructedAmountMinor());
        assertEquals(transfer.exchangeRateScaled, view.exchangeRateScaled());
    }

    @Test
    void theEncoderWritesNeitherForAPaymentInOneCurrency() {
        Pacs008Transfer transfer = Pacs008EncoderTest.transfer("CNY", 910_000_00L);
        transfer.exchangeRateScaled = 91_000_000L; // no InstdAmt: nothing to convert, so no rate either
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Pacs008Encoder().encode(transfer, out);
        CreditTransferTransaction39 tx = ProwideOracle.read(out, MxPacs00800108.class)
                .mx()
                .getFIToFICstmrCdtTrf()
                .getCdtTrfTxInf()
                .get(0);
        assertNull(tx.getInstdAmt());
        assertNull(tx.getXchgRate());
    }
}
