package io.kapok.codecs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.DefaultEscapeHandler;
import com.prowidesoftware.swift.model.mx.EnvelopeType;
import com.prowidesoftware.swift.model.mx.MinimumEscapeHandler;
import com.prowidesoftware.swift.model.mx.MxAdmi00200101;
import com.prowidesoftware.swift.model.mx.MxPacs00200110;
import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.MxReadConfiguration;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.MxWriteParams;
import com.prowidesoftware.swift.model.mx.dic.ActiveCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction39;
import com.prowidesoftware.swift.model.mx.dic.FIToFICustomerCreditTransferV08;
import com.prowidesoftware.swift.model.mx.dic.FIToFIPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader93;
import com.prowidesoftware.swift.model.mx.dic.MessageRejectV01;
import com.prowidesoftware.swift.model.mx.dic.Party44Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification7;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction110;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.SettlementInstruction7;
import com.prowidesoftware.swift.model.mx.dic.SettlementMethod1Code;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import io.kapok.codecs.admi.Admi002Encoder;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.pacs.Pacs002Encoder;
import io.kapok.codecs.pacs.Pacs002Status;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008Schema;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.stream.ProwideFiller;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prowide (pw-iso20022, JAXB model of the ISO 20022 schemas) as an independent oracle: messages it
 * writes must decode in Kapok to the same values, and messages Kapok writes must read back in
 * Prowide to the same values, with elements in the order the schema's model writes them.
 *
 * <p>Prowide's {@code parse(xml)} builds a JAXBContext on every call (tens of milliseconds each), so
 * one context per message type is built here and handed over through {@link MxReadConfiguration}
 * Each context includes {@link BusinessAppHdrV02}: without it Prowide logs an error and drops the
 * AppHdr, and a header check would pass vacuously. Writing uses Prowide's default configuration
 * (see {@link #writeConfiguration()}).
 *
 * <p>Prowide's default escaping writes every non-ASCII character as a numeric reference, and a
 * character outside the Basic Multilingual Plane as two references to its surrogates
 * ({@code &#55357;&#56832;}), which XML forbids (Kapok rightly refuses that as MALFORMED_XML). So
 * writes escape only markup, and the one style that keeps Prowide's default escaping is given text
 * of the Basic Multilingual Plane only.
 *
 * <p>No jar on the test classpath ships the pacs.002.001.10 or admi.002.001.01 XSD, so schema
 * validation is not done here; the element-order comparison with Prowide's model stands in for it.
 */
class ProwideConformanceTest {
    private static final JAXBContext PACS_008 = contextWithAppHdr(MxPacs00800108._classes);
    private static final JAXBContext PACS_002 = contextWithAppHdr(MxPacs00200110._classes);
    private static final JAXBContext ADMI_002 = contextWithAppHdr(MxAdmi00200101._classes);

    private static final long SEED = 0x4B41504FL;
    private static final String[] CURRENCIES = {"CNY", "HKD", "MOP", "USD", "JPY", "BHD", "EUR", "KWD", "KRW"};
    private static final String[] BANKS = {"PRBKCNGZXXX", "VHBKHKHHXXX", "LTBKMOMXXXX", "KAPKCNGZXXX", "PRBKCNGZ001"};

    // ---------------------------------------------------------------------------------------------
    // (a) Prowide writes pacs.008, Kapok decodes it

    /** Ways Prowide can lay out the same pacs.008. */
    enum WriteStyle {
        DEFAULT, // RequestPayload envelope, head: and pacs: prefixes
        CUSTOM_PREFIXES_AND_ROOT, // h: and p:, envelope named BizMsg
        DEFAULT_NAMESPACES, // no prefixes: xmlns="..." on AppHdr and Document
        CATEGORY_PREFIX,
        SWIFT_ENVELOPE, // <Envelope xmlns="urn:swift:xsd:envelope">
        BUSINESS_MESSAGE_ENVELOPE, // BizMsgEnvlp/Hdr/AppHdr and BizMsgEnvlp/Doc/Document
        NO_DECLARATION_NO_INDENT,
        NUMERIC_CHARACTER_REFERENCES, // Prowide's default escaping: every non-ASCII character as &#NNN;
        DOCUMENT_ONLY // Prowide's document(): doc: prefix, no AppHdr
    }

    @ParameterizedTest
    @EnumSource(WriteStyle.class)
    void decodesProwidePaymentInEveryWriteStyle(WriteStyle style) {
        Payment payment = Payment.sample();
        assertDecodesAsProwideWroteIt(payment.toMx(), style);
    }

    @Test
    void decodesProwidePaymentWithEveryOptionalElementProwideCanWrite() {
        MxPacs00800108 mx =
                ProwideFiller.withEveryOptionalElement(Payment.sample().toMx(), Pacs008Schema.SCHEMA);
        String xml = write(mx, WriteStyle.DEFAULT);
        for (String element : new String[] {"BtchBookg", "SttlmPrty", "PrvsInstgAgt1Acct", "UltmtCdtr", "RgltryRptg"}) {
            assertTrue(xml.contains("<pacs:" + element + ">"), () -> element + " was not written:\n" + xml);
        }
        assertDecodesAsProwideWroteIt(mx, WriteStyle.DEFAULT);
    }

    @Test
    void decodesProwidePaymentWithoutAppHdr() {
        MxPacs00800108 mx = Payment.sample().toMx();
        mx.setAppHdr(null);
        assertDecodesAsProwideWroteIt(mx, WriteStyle.DEFAULT);
    }

    @Test
    void decodesProwidePaymentWithTextFromEveryUnicodePlane() {
        Payment sample = Payment.sample();
        Payment payment = new Payment(
                sample.msgId(),
                sample.created(),
                sample.instrId(),
                sample.endToEndId(),
                "TX(1).2,3'4+5?6:7",
                sample.uetr(),
                sample.amount(),
                sample.currency(),
                sample.settlementDate(),
                sample.chargeBearer(),
                sample.instructingBic(),
                sample.instructedBic(),
                true,
                "\u5E7F\u5DDE\u6C7D\u8F66 & <Canton> \"Auto\" 'Group'",
                "Caf\u00e9 \uD83D\uDE00 \uD834\uDD1E",
                "Tab\tand line\nbreak \u20AC",
                true,
                WriteStyle.DEFAULT);
        assertDecodesAsProwideWroteIt(payment.toMx(), WriteStyle.DEFAULT);
        assertDecodesAsProwideWroteIt(payment.toMx(), WriteStyle.DEFAULT_NAMESPACES);
    }

    @Test
    void decodesProwideJpyPaymentWithoutDecimals() {
        Payment payment = Payment.sample().withAmount(new BigDecimal("187500000"), "JPY");
        Pacs008View view = assertDecodesAsProwideWroteIt(payment.toMx(), WriteStyle.DEFAULT);
        assertEquals(187_500_000L, view.amountMinor());
    }

    @Test
    void decodesAmountsProwideWritesFromScientificBigDecimals() {
        // 1.25E+6 is a BigDecimal with a negative scale; Prowide must print it as a plain decimal.
        Payment payment = Payment.sample().withAmount(new BigDecimal("1.25E+6"), "CNY");
        assertEquals(
                125_000_000L,
                assertDecodesAsProwideWroteIt(payment.toMx(), WriteStyle.DEFAULT)
                        .amountMinor());
    }

    @ParameterizedTest(name = "InstdAmt {0} {1}, XchgRate {2}")
    @CsvSource({
        "HKD, 1000000.00, 0.91",
        "USD, 12.82, 7.8",
        "MOP, 5000, 0.8823529412",
        "JPY, 187500000, 0.04735",
        "CNY, 1250000.00, "
    })
    void decodesProwideCrossCurrencyPaymentWithInstructedAmountAndExchangeRate(
            String currency, String instructed, String rate) {
        MxPacs00800108 mx = Payment.sample().toMx();
        CreditTransferTransaction39 tx =
                mx.getFIToFICstmrCdtTrf().getCdtTrfTxInf().get(0);
        tx.setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                .setValue(new BigDecimal(instructed))
                .setCcy(currency));
        if (rate != null) {
            tx.setXchgRate(new BigDecimal(rate));
        }
        Pacs008View view = assertDecodesAsProwideWroteIt(mx, WriteStyle.DEFAULT);
        int minorUnits = Currency.getInstance(currency).getDefaultFractionDigits();
        assertEquals(Iso4217.pack(currency), view.instructedCurrency());
        assertEquals(
                tx.getInstdAmt().getValue().movePointRight(minorUnits).longValueExact(), view.instructedAmountMinor());
        assertEquals(
                rate == null
                        ? 0
                        : tx.getXchgRate()
                                .movePointRight(8)
                                .setScale(0, java.math.RoundingMode.HALF_EVEN)
                                .longValueExact(),
                view.exchangeRateScaled());
    }

    static Stream<Payment> generatedPayments() {
        Random random = new Random(SEED);
        List<Payment> payments = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            payments.add(Payment.random(random, i));
        }
        return payments.stream();
    }

    @ParameterizedTest(name = "seed " + SEED + " #{index}: {0}")
    @MethodSource("generatedPayments")
    void decodesGeneratedProwidePaymentsFieldForField(Payment payment) {
        MxPacs00800108 mx = payment.toMx();
        if (!payment.withAppHdr) {
            mx.setAppHdr(null);
        }
        assertDecodesAsProwideWroteIt(mx, payment.style);
    }

    /** Writes {@code mx} with Prowide in {@code style}, decodes it with Kapok and compares every field Kapok reads. */
    private static Pacs008View assertDecodesAsProwideWroteIt(MxPacs00800108 mx, WriteStyle style) {
        String xml = write(mx, style);
        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertTrue(
                new Pacs008Decoder(XmlLimits.DEFAULTS).decode(bytes, 0, bytes.length, view, verdict),
                () -> verdict + " for\n" + xml);
        assertSameAsProwide(mx, style != WriteStyle.DOCUMENT_ONLY && mx.getAppHdr() != null, view, xml);
        return view;
    }

    private static void assertSameAsProwide(MxPacs00800108 mx, boolean expectAppHdr, Pacs008View view, String xml) {
        GroupHeader93 group = mx.getFIToFICstmrCdtTrf().getGrpHdr();
        CreditTransferTransaction39 tx =
                mx.getFIToFICstmrCdtTrf().getCdtTrfTxInf().get(0);
        PaymentIdentification7 ids = tx.getPmtId();
        ActiveCurrencyAndAmount amount = tx.getIntrBkSttlmAmt();
        int minorUnits = Currency.getInstance(amount.getCcy()).getDefaultFractionDigits();
        assertAll(
                xml,
                () -> assertText(group.getMsgId(), view.messageId()),
                () -> assertSameInstant(group.getCreDtTm(), view.creationDateTime()),
                () -> assertEquals(Integer.parseInt(group.getNbOfTxs()), view.transactionCount()),
                () -> assertText(group.getSttlmInf().getSttlmMtd().value(), view.settlementMethod()),
                () -> assertOptionalText(ids.getInstrId(), view.instructionId()),
                () -> assertText(ids.getEndToEndId(), view.endToEndId()),
                () -> assertOptionalText(ids.getTxId(), view.transactionId()),
                () -> assertText(ids.getUETR(), view.uetr()),
                () -> assertEquals(amount.getValue().movePointRight(minorUnits).longValueExact(), view.amountMinor()),
                () -> assertEquals(amount.getCcy(), Iso4217.unpack(view.currency())),
                () -> assertEquals(tx.getIntrBkSttlmDt(), LocalDate.parse(view.settlementDate())),
                () -> assertText(tx.getChrgBr().value(), view.chargeBearer()),
                () -> assertText(tx.getInstgAgt().getFinInstnId().getBICFI(), view.instructingAgentBic()),
                () -> assertText(tx.getInstdAgt().getFinInstnId().getBICFI(), view.instructedAgentBic()),
                () -> assertText(tx.getDbtrAgt().getFinInstnId().getBICFI(), view.debtorAgentBic()),
                () -> assertText(tx.getCdtrAgt().getFinInstnId().getBICFI(), view.creditorAgentBic()),
                () -> assertOptionalText(tx.getDbtr().getNm(), view.debtorName()),
                () -> assertOptionalText(tx.getCdtr().getNm(), view.creditorName()),
                () -> assertOptionalText(firstUnstructured(tx.getRmtInf()), view.remittanceUnstructured()),
                () -> assertEquals(expectAppHdr, view.hasAppHdr()));
        if (expectAppHdr) {
            BusinessAppHdrV02 header = (BusinessAppHdrV02) mx.getAppHdr();
            assertAll(
                    xml,
                    () -> assertText(header.from(), view.fromBic()),
                    () -> assertText(header.to(), view.toBic()),
                    () -> assertText(header.getBizMsgIdr(), view.businessMessageId()),
                    () -> assertText(header.getMsgDefIdr(), view.messageDefinitionId()),
                    () -> assertSameInstant(header.getCreDt(), view.headerCreationDate()));
        }
    }

    private static String firstUnstructured(RemittanceInformation16 remittance) {
        return remittance == null || remittance.getUstrd().isEmpty()
                ? null
                : remittance.getUstrd().get(0);
    }

    private static String write(AbstractMX mx, WriteStyle style) {
        if (style == WriteStyle.DOCUMENT_ONLY) {
            MxWriteParams params = new MxWriteParams();
            params.prefix = "doc";
            params.includeXMLDeclaration = true;
            params.escapeHandler = new MinimumEscapeHandler();
            return mx.document(params);
        }
        MxWriteConfiguration conf = writeConfiguration();
        switch (style) {
            case CUSTOM_PREFIXES_AND_ROOT -> {
                conf.headerPrefix = "h";
                conf.documentPrefix = "p";
                conf.rootElement = "BizMsg";
            }
            case DEFAULT_NAMESPACES -> {
                conf.headerPrefix = null;
                conf.documentPrefix = null;
            }
            case CATEGORY_PREFIX -> conf.useCategoryAsDocumentPrefix = true;
            case SWIFT_ENVELOPE -> conf.envelopeType = EnvelopeType.SWIFT;
            case BUSINESS_MESSAGE_ENVELOPE -> conf.envelopeType = EnvelopeType.BME_V2;
            case NO_DECLARATION_NO_INDENT -> {
                conf.includeXMLDeclaration = false;
                conf.indent = "";
            }
            case NUMERIC_CHARACTER_REFERENCES -> conf.escapeHandler = new DefaultEscapeHandler();
            default -> {
                // Prowide's defaults
            }
        }
        return mx.message(conf);
    }

    /** One pacs.008 as CBPR+ allows it, and how Prowide should write it. */
    record Payment(
            String msgId,
            OffsetDateTime created,
            String instrId,
            String endToEndId,
            String txId,
            String uetr,
            BigDecimal amount,
            String currency,
            LocalDate settlementDate,
            ChargeBearerType1Code chargeBearer,
            String instructingBic,
            String instructedBic,
            boolean shortHeaderBics,
            String debtorName,
            String creditorName,
            String remittance,
            boolean withAppHdr,
            WriteStyle style) {

        static Payment sample() {
            return new Payment(
                    "PRBK-20261123-0001",
                    OffsetDateTime.of(2026, 11, 23, 9, 30, 0, 0, ZoneOffset.ofHours(8)),
                    "PRBK-INSTR-0001",
                    "CAG-INV-2026-0815",
                    null,
                    "8a562c67-ca16-48ba-b074-65581be6f001",
                    new BigDecimal("1250000.00"),
                    "CNY",
                    LocalDate.of(2026, 11, 23),
                    ChargeBearerType1Code.SHAR,
                    "PRBKCNGZXXX",
                    "VHBKHKHHXXX",
                    false,
                    "Canton Auto Group",
                    "Kowloon Components Ltd",
                    "Invoice CAG-INV-2026-0815",
                    true,
                    WriteStyle.DEFAULT);
        }

        static Payment random(Random random, int index) {
            String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
            int minorUnits = Currency.getInstance(currency).getDefaultFractionDigits();
            long minor = 1 + Math.floorMod(random.nextLong(), 100_000_000_000_000L);
            BigDecimal amount = BigDecimal.valueOf(minor, minorUnits);
            if (random.nextBoolean()) {
                amount = amount.stripTrailingZeros(); // fewer decimals than the currency allows is still valid
            }
            String instructing = BANKS[random.nextInt(BANKS.length)];
            String instructed = BANKS[random.nextInt(BANKS.length)];
            OffsetDateTime created = OffsetDateTime.ofInstant(
                            Instant.ofEpochSecond(1_767_225_600L + random.nextInt(365 * 86_400)),
                            ZoneOffset.ofHoursMinutes(random.nextInt(27) - 12, 0))
                    .withNano(random.nextBoolean() ? 0 : random.nextInt(1000) * 1_000_000);
            ChargeBearerType1Code[] bearers = {
                ChargeBearerType1Code.SHAR, ChargeBearerType1Code.CRED, ChargeBearerType1Code.DEBT
            };
            WriteStyle[] styles = WriteStyle.values();
            boolean withAppHdr = random.nextInt(4) != 0;
            WriteStyle style = styles[random.nextInt(styles.length)];
            if (!withAppHdr && style == WriteStyle.BUSINESS_MESSAGE_ENVELOPE) {
                // Prowide writes a business message envelope without its AppHdr as a bare <env:Doc>
                // with no root and an undeclared prefix, which is not XML.
                style = WriteStyle.DEFAULT;
            }
            return new Payment(
                    "MSG-" + index + "/"
                            + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
                                    .toUpperCase(java.util.Locale.ROOT),
                    created,
                    random.nextBoolean() ? "INSTR " + index : null,
                    "E2E-" + index + "(" + random.nextInt(1000) + ")",
                    random.nextBoolean() ? "TX." + index + ",'+?:" : null,
                    uuidV4(random),
                    amount,
                    currency,
                    created.toLocalDate(),
                    bearers[random.nextInt(bearers.length)],
                    instructing,
                    instructed,
                    random.nextBoolean() && instructing.endsWith("XXX") && instructed.endsWith("XXX"),
                    random.nextBoolean() ? "Debtor & Sons <\u5E7F\u5DDE> " + index : null,
                    random.nextBoolean() ? "Cr\u00e9diteur \"" + index + "\"" : null,
                    random.nextBoolean()
                            ? "Invoice " + index + " \u00e9\u4E2D"
                                    + (style == WriteStyle.NUMERIC_CHARACTER_REFERENCES ? "" : " \uD83D\uDE00")
                            : null,
                    withAppHdr,
                    style);
        }

        private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
            return new BranchAndFinancialInstitutionIdentification6()
                    .setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
        }

        /** A random version 4 UUID: version nibble 4, variant bits 10. */
        private static String uuidV4(Random random) {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return new UUID(high, low).toString();
        }

        Payment withAmount(BigDecimal newAmount, String newCurrency) {
            return new Payment(
                    msgId,
                    created,
                    instrId,
                    endToEndId,
                    txId,
                    uetr,
                    newAmount,
                    newCurrency,
                    settlementDate,
                    chargeBearer,
                    instructingBic,
                    instructedBic,
                    shortHeaderBics,
                    debtorName,
                    creditorName,
                    remittance,
                    withAppHdr,
                    style);
        }

        MxPacs00800108 toMx() {
            GroupHeader93 group = new GroupHeader93()
                    .setMsgId(msgId)
                    .setCreDtTm(created)
                    .setNbOfTxs("1")
                    .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.INDA));
            CreditTransferTransaction39 tx = new CreditTransferTransaction39()
                    .setPmtId(new PaymentIdentification7()
                            .setInstrId(instrId)
                            .setEndToEndId(endToEndId)
                            .setTxId(txId)
                            .setUETR(uetr))
                    .setIntrBkSttlmAmt(
                            new ActiveCurrencyAndAmount().setValue(amount).setCcy(currency))
                    .setIntrBkSttlmDt(settlementDate)
                    .setChrgBr(chargeBearer)
                    .setInstgAgt(agent(instructingBic))
                    .setInstdAgt(agent(instructedBic))
                    .setDbtr(new PartyIdentification135().setNm(debtorName))
                    .setDbtrAgt(agent(instructingBic))
                    .setCdtrAgt(agent(instructedBic))
                    .setCdtr(new PartyIdentification135().setNm(creditorName));
            if (remittance != null) {
                tx.setRmtInf(new RemittanceInformation16().addUstrd(remittance));
            }
            MxPacs00800108 mx = new MxPacs00800108();
            mx.setFIToFICstmrCdtTrf(
                    new FIToFICustomerCreditTransferV08().setGrpHdr(group).addCdtTrfTxInf(tx));
            BusinessAppHdrV02 header = new BusinessAppHdrV02();
            header.setFr(new Party44Choice()
                    .setFIId(agent(shortHeaderBics ? instructingBic.substring(0, 8) : instructingBic)));
            header.setTo(new Party44Choice()
                    .setFIId(agent(shortHeaderBics ? instructedBic.substring(0, 8) : instructedBic)));
            header.setBizMsgIdr(msgId);
            header.setMsgDefIdr("pacs.008.001.08");
            header.setBizSvc("swift.cbprplus.02");
            header.setCreDt(created);
            mx.setAppHdr(header);
            return mx;
        }

        @Override
        public String toString() {
            return amount.toPlainString() + " " + currency + (withAppHdr ? " with AppHdr" : " without AppHdr") + ", "
                    + style;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Prowide reads the valid corpus and agrees with Kapok's decoding

    static Stream<String> validCorpus() throws IOException, URISyntaxException {
        Path directory = Path.of(ProwideConformanceTest.class
                .getResource("/corpus/pacs008/valid/")
                .toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCorpus")
    void prowideReadsEveryValidCorpusMessageAsKapokDoes(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = ProwideConformanceTest.class.getResourceAsStream("/corpus/pacs008/valid/" + name)) {
            bytes = in.readAllBytes();
        }
        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        assertTrue(
                new Pacs008Decoder(XmlLimits.DEFAULTS).decode(bytes, 0, bytes.length, view, verdict),
                verdict::toString);

        MxPacs00800108 mx = MxPacs00800108.parse(text(bytes), readConfiguration(PACS_008));
        assertNotNull(mx.getFIToFICstmrCdtTrf(), "Prowide found no FIToFICstmrCdtTrf in " + name);
        assertSameAsProwide(mx, view.hasAppHdr(), view, name);
        assertEquals(view.hasAppHdr(), mx.getAppHdr() != null, "Prowide and Kapok disagree on the AppHdr of " + name);
    }

    /** The characters of a corpus file: UTF-16 by its byte order mark, ISO-8859-1 when declared, else UTF-8. */
    private static String text(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        Charset charset =
                new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.US_ASCII).contains("ISO-8859-1")
                        ? StandardCharsets.ISO_8859_1
                        : StandardCharsets.UTF_8;
        String text = new String(bytes, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // ---------------------------------------------------------------------------------------------
    // (b) Kapok writes pacs.002 and admi.002, Prowide reads them

    private static Pacs002Status status(boolean withHeader) {
        Pacs002Status status = new Pacs002Status();
        status.fromBic.set("KAPKCNGZXXX");
        if (withHeader) {
            status.toBic.set("PRBKCNGZXXX");
        }
        status.messageId.set("KAPK-20261123-000042");
        status.creationTimeMs = Instant.parse("2026-11-23T01:30:00.123Z").toEpochMilli();
        status.originalMessageId.set("PRBK-20261123-0001");
        status.originalInstructionId.set("PRBK-INSTR-0001");
        status.originalEndToEndId.set("CAG-INV-2026-0815");
        status.originalTransactionId.set("PRBK-TX-0001");
        status.originalUetr.set("8a562c67-ca16-48ba-b074-65581be6f001");
        return status;
    }

    @Test
    void prowideReadsKapokSettlementCompletedStatus() {
        Pacs002Status status = status(true);
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        MxPacs00200110 mx = encodeAndParse(status);
        assertSameStatus(status, mx);
        assertTrue(
                mx.getFIToFIPmtStsRpt().getTxInfAndSts().get(0).getStsRsnInf().isEmpty());
    }

    @Test
    void prowideReadsKapokRejectWithReasonAndAdditionalInfo() {
        Pacs002Status status = status(true);
        status.transactionStatus = Pacs002Status.REJECTED;
        status.reasonCode = RejectCode.INSUFFICIENT_FUNDS.isoCode();
        status.additionalInfo
                .append(
                        "insufficient funds on PRBKCNGZXXX for CNY 1,250,000.00 & fees <est.> \u4E2D\u6587 \"quoted\" 'single' ")
                .append("/Document/FIToFICstmrCdtTrf/CdtTrfTxInf/IntrBkSttlmAmt ")
                .append("x".repeat(120))
                .append(" \uD83D\uDE00 end");
        MxPacs00200110 mx = encodeAndParse(status);
        assertSameStatus(status, mx);
        List<String> lines = mx.getFIToFIPmtStsRpt()
                .getTxInfAndSts()
                .get(0)
                .getStsRsnInf()
                .get(0)
                .getAddtlInf();
        assertEquals(3, lines.size());
        lines.forEach(line -> assertTrue(line.length() <= 105, line));
    }

    @Test
    void prowideReadsKapokRejectWithoutAppHdr() {
        Pacs002Status status = status(false);
        status.originalInstructionId.clear();
        status.originalTransactionId.clear();
        status.transactionStatus = Pacs002Status.REJECTED;
        status.reasonCode = "FF01";
        MxPacs00200110 mx = encodeAndParse(status);
        assertNull(mx.getAppHdr());
        assertSameStatus(status, mx);
        PaymentTransaction110 tx = mx.getFIToFIPmtStsRpt().getTxInfAndSts().get(0);
        assertNull(tx.getOrgnlInstrId());
        assertNull(tx.getOrgnlTxId());
        assertTrue(tx.getStsRsnInf().get(0).getAddtlInf().isEmpty());
    }

    @Test
    void prowideReadsStatusBuiltFromADecodedPayment() throws IOException {
        byte[] bytes;
        try (InputStream in =
                ProwideConformanceTest.class.getResourceAsStream("/corpus/pacs008/valid/envelope-with-apphdr.xml")) {
            bytes = in.readAllBytes();
        }
        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        assertTrue(
                new Pacs008Decoder(XmlLimits.DEFAULTS).decode(bytes, 0, bytes.length, view, verdict),
                verdict::toString);
        Pacs002Status status = status(true);
        status.copyOriginal(view);
        status.toBic.copyFrom(view.fromBic());
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        MxPacs00200110 mx = encodeAndParse(status);
        assertSameStatus(status, mx);
        PaymentTransaction110 tx = mx.getFIToFIPmtStsRpt().getTxInfAndSts().get(0);
        assertEquals(view.uetr().toString(), tx.getOrgnlUETR());
        assertEquals(view.endToEndId().toString(), tx.getOrgnlEndToEndId());
        assertNull(tx.getOrgnlTxId());
    }

    @Test
    void writesDateTimesWithNumericOffsetAsCbprRequires() {
        Pacs002Status status = status(true);
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        Utf8XmlWriter out = new Utf8XmlWriter(512);
        new Pacs002Encoder().encode(status, out);
        String xml = out.toString();
        assertTrue(xml.contains("<CreDtTm>2026-11-23T01:30:00.123+00:00</CreDtTm>"), xml);
        assertTrue(xml.contains("<CreDt>2026-11-23T01:30:00.123+00:00</CreDt>"), xml);
    }

    @Test
    void writesBusinessServiceInAppHdrAsCbprRequires() {
        Pacs002Status status = status(true);
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        assertNotNull(((BusinessAppHdrV02) encodeAndParse(status).getAppHdr()).getBizSvc());
    }

    private static MxPacs00200110 encodeAndParse(Pacs002Status status) {
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Pacs002Encoder().encode(status, out);
        String xml = out.toString();
        MxPacs00200110 mx = MxPacs00200110.parse(xml, readConfiguration(PACS_002));
        assertNotNull(mx, xml);
        assertNotNull(mx.getFIToFIPmtStsRpt(), () -> "Prowide found no FIToFIPmtStsRpt in\n" + xml);
        assertEquals(status.toBic.length() > 0, mx.getAppHdr() != null, () -> "AppHdr presence in\n" + xml);
        assertSameElementOrderAsProwide(xml, mx.message(writeConfiguration()));
        return mx;
    }

    private static void assertSameStatus(Pacs002Status status, MxPacs00200110 mx) {
        FIToFIPaymentStatusReportV10 report = mx.getFIToFIPmtStsRpt();
        PaymentTransaction110 tx = report.getTxInfAndSts().get(0);
        assertAll(
                () -> assertEquals(
                        status.messageId.toString(), report.getGrpHdr().getMsgId()),
                () -> assertEquals(
                        status.creationTimeMs,
                        report.getGrpHdr().getCreDtTm().toInstant().toEpochMilli()),
                () -> assertEquals(1, report.getOrgnlGrpInfAndSts().size()),
                () -> assertEquals(
                        status.originalMessageId.toString(),
                        report.getOrgnlGrpInfAndSts().get(0).getOrgnlMsgId()),
                () -> assertEquals(
                        "pacs.008.001.08", report.getOrgnlGrpInfAndSts().get(0).getOrgnlMsgNmId()),
                () -> assertEquals(1, report.getTxInfAndSts().size()),
                () -> assertEquals(optional(status.originalInstructionId), tx.getOrgnlInstrId()),
                () -> assertEquals(optional(status.originalEndToEndId), tx.getOrgnlEndToEndId()),
                () -> assertEquals(optional(status.originalTransactionId), tx.getOrgnlTxId()),
                () -> assertEquals(optional(status.originalUetr), tx.getOrgnlUETR()),
                () -> assertEquals(status.transactionStatus, tx.getTxSts()));
        if (status.reasonCode != null) {
            StatusReasonInformation12 reason = tx.getStsRsnInf().get(0);
            assertEquals(1, tx.getStsRsnInf().size());
            assertEquals(status.reasonCode, reason.getRsn().getCd());
            assertEquals(status.additionalInfo.toString(), String.join("", reason.getAddtlInf()));
        }
        if (status.toBic.length() > 0) {
            BusinessAppHdrV02 header = (BusinessAppHdrV02) mx.getAppHdr();
            assertAll(
                    () -> assertEquals(status.fromBic.toString(), header.from()),
                    () -> assertEquals(status.toBic.toString(), header.to()),
                    () -> assertEquals(
                            status.fromBic.toString(),
                            header.getFr().getFIId().getFinInstnId().getBICFI()),
                    () -> assertEquals(
                            status.toBic.toString(),
                            header.getTo().getFIId().getFinInstnId().getBICFI()),
                    () -> assertEquals(status.messageId.toString(), header.getBizMsgIdr()),
                    () -> assertEquals("pacs.002.001.10", header.getMsgDefIdr()),
                    () -> assertEquals(
                            status.creationTimeMs, header.getCreDt().toInstant().toEpochMilli()));
        }
    }

    @Test
    void prowideReadsKapokMessageReject() {
        long rejectedAt = Instant.parse("2026-11-23T01:30:05.007Z").toEpochMilli();
        String description = "UETR '8A562C67' must be a lowercase UUID version 4 & <not> \u5927\u5199";
        MxAdmi00200101 mx = encodeAndParseReject(
                "PRBK-20261123-0001",
                "FF01",
                "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf/PmtId/UETR",
                description,
                rejectedAt);
        MessageRejectV01 reject = mx.getAdmi00200101();
        assertAll(
                () -> assertEquals("PRBK-20261123-0001", reject.getRltdRef().getRef()),
                () -> assertEquals("FF01", reject.getRsn().getRjctgPtyRsn()),
                () -> assertEquals(
                        rejectedAt, reject.getRsn().getRjctnDtTm().toInstant().toEpochMilli()),
                () -> assertEquals(
                        "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf/PmtId/UETR",
                        reject.getRsn().getErrLctn()),
                () -> assertEquals(description, reject.getRsn().getRsnDesc()),
                () -> assertNull(mx.getAppHdr()));
    }

    @Test
    void prowideReadsKapokMessageRejectOfAnUnreadableMessage() {
        String longDescription = "body is not well-formed XML: " + "y".repeat(400);
        MxAdmi00200101 mx = encodeAndParseReject(null, RejectCode.MALFORMED_XML.isoCode(), null, longDescription, 0L);
        MessageRejectV01 reject = mx.getAdmi00200101();
        assertAll(
                () -> assertEquals("NONREF", reject.getRltdRef().getRef()),
                () -> assertNull(reject.getRsn().getErrLctn()),
                () -> assertEquals(
                        longDescription.substring(0, 350), reject.getRsn().getRsnDesc()),
                () -> assertEquals(
                        0L, reject.getRsn().getRjctnDtTm().toInstant().toEpochMilli()));
    }

    @Test
    void prowideReadsKapokMessageRejectWithClippedReference() {
        MxAdmi00200101 mx = encodeAndParseReject("R".repeat(40), "FF01", "", "too long", 1L);
        assertEquals("R".repeat(35), mx.getAdmi00200101().getRltdRef().getRef());
        assertNull(mx.getAdmi00200101().getRsn().getErrLctn());
    }

    private static MxAdmi00200101 encodeAndParseReject(
            String reference, String reason, String location, String description, long atMs) {
        Utf8XmlWriter out = new Utf8XmlWriter(128);
        new Admi002Encoder().encode(reference, reason, location, description, atMs, out);
        String xml = out.toString();
        MxAdmi00200101 mx = MxAdmi00200101.parse(xml, readConfiguration(ADMI_002));
        assertNotNull(mx.getAdmi00200101(), () -> "Prowide found no admi.002.001.01 in\n" + xml);
        assertSameElementOrderAsProwide(xml, mx.message(writeConfiguration()));
        return mx;
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    @Test
    void cachedContextKeepsTheAppHdrThatAContextWithoutItLoses() throws JAXBException {
        Pacs002Status status = status(true);
        status.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Pacs002Encoder().encode(status, out);
        assertNotNull(MxPacs00200110.parse(out.toString(), readConfiguration(PACS_002))
                .getAppHdr());
        // The trap this class avoids: a context of the Document classes alone silently drops the header.
        java.util.logging.Logger prowide =
                java.util.logging.Logger.getLogger("com.prowidesoftware.swift.model.mx.MxParseUtils");
        java.util.logging.Level level = prowide.getLevel();
        prowide.setLevel(java.util.logging.Level.OFF);
        try {
            MxPacs00200110 withoutHeaderClasses = MxPacs00200110.parse(
                    out.toString(), readConfiguration(JAXBContext.newInstance(MxPacs00200110._classes)));
            assertNull(withoutHeaderClasses.getAppHdr());
            assertNotNull(withoutHeaderClasses.getFIToFIPmtStsRpt());
        } finally {
            prowide.setLevel(level);
        }
    }

    private static JAXBContext contextWithAppHdr(Class<?>[] documentClasses) {
        List<Class<?>> classes = new ArrayList<>(Arrays.asList(documentClasses));
        classes.add(BusinessAppHdrV02.class);
        try {
            return JAXBContext.newInstance(classes.toArray(new Class<?>[0]));
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MxReadConfiguration readConfiguration(JAXBContext context) {
        MxReadConfiguration conf = new MxReadConfiguration();
        conf.context = context;
        return conf;
    }

    /**
     * Prowide's own write configuration, escaping only markup characters. A context shared with the
     * AppHdr must not be passed here: Prowide then declares every namespace of that context under the
     * one prefix of each element ({@code xmlns:head="...head.001.001.02" xmlns:head="...pacs.008.001.08"}),
     * which is not XML.
     */
    private static MxWriteConfiguration writeConfiguration() {
        MxWriteConfiguration conf = new MxWriteConfiguration();
        conf.escapeHandler = new MinimumEscapeHandler();
        return conf;
    }

    private static void assertText(String expected, TextBuffer actual) {
        assertTrue(actual.isPresent(), () -> "expected '" + expected + "', the element was absent");
        assertEquals(expected, actual.toString());
    }

    private static void assertOptionalText(String expected, TextBuffer actual) {
        if (expected == null) {
            assertFalse(actual.isPresent() && actual.length() > 0, () -> "expected nothing, got '" + actual + "'");
        } else {
            assertText(expected, actual);
        }
    }

    private static void assertSameInstant(OffsetDateTime expected, TextBuffer actual) {
        assertTrue(actual.isPresent());
        assertEquals(expected.toInstant(), OffsetDateTime.parse(actual).toInstant(), actual::toString);
    }

    private static String optional(TextBuffer field) {
        return field.isPresent() && field.length() > 0 ? field.toString() : null;
    }

    /**
     * Kapok's message and Prowide's rewrite of what it read hold the same elements in the same order,
     * inside AppHdr and inside Document (envelopes differ by design and are skipped). Prowide writes in
     * the schema's sequence order and drops what its model does not know, so this catches misplaced and
     * unknown elements.
     */
    private static void assertSameElementOrderAsProwide(String kapok, String prowide) {
        ProwideOracle.assertSameElementOrder(kapok, prowide);
    }
}
