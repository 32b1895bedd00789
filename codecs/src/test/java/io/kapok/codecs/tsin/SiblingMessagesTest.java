package io.kapok.codecs.tsin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxTsin00900101;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.stream.ProwideFields;
import io.kapok.codecs.stream.ProwideModel;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The status, notification and acknowledgement siblings of the business letter messages (tsin.007,
 * tsin.008, tsin.010, tsin.011, tsin.012, tsmt.054) share their request's structure under another
 * message element and namespace. Each is read here twice: built with Prowide's own model of the
 * sibling, written by Prowide with the sibling's own context ({@link LetterIdrefRegistries} beside
 * it) and compared field by field, every item, with Prowide's parse of the same bytes; and as a
 * message Prowide wrote as its request (tsin.006, tsin.009, tsmt.053) moved to the sibling's
 * namespace and message and list element names.
 */
class SiblingMessagesTest {
    private static final JAXBContext TSIN_006 = ProwideOracle.context(
            com.prowidesoftware.swift.model.mx.MxTsin00600101._classes, LetterIdrefRegistries.Tsin006.class);
    private static final JAXBContext TSIN_009 = ProwideOracle.context(
            com.prowidesoftware.swift.model.mx.MxTsin00900101._classes, LetterIdrefRegistries.Tsin009.class);
    private static final JAXBContext TSMT_053 = ProwideOracle.context(
            com.prowidesoftware.swift.model.mx.MxTsmt05300101._classes, LetterIdrefRegistries.Tsmt053.class);

    private final Iso20022Decoder decoder = MessageMap.newDecoder(XmlLimits.DEFAULTS);
    private final MessageView view = new MessageView();
    private final DecodeVerdict verdict = new DecodeVerdict();

    /** A sibling, its request, their message and list elements, and the items of the sample. */
    record Sibling(
            MessageType type,
            String request,
            String requestRoot,
            String root,
            String requestList,
            String list,
            int items) {
        @Override
        public String toString() {
            return type.messageDefinition();
        }
    }

    /** Each sibling, its request (whose sample it is built from), their message and list elements, and its items. */
    static Stream<Sibling> siblings() {
        return Stream.of(
                new Sibling(
                        MessageType.TSIN_007_001_01,
                        "tsin.006",
                        "InvcAssgnmtReq",
                        "InvcAssgnmtSts",
                        "AssgnmtList",
                        "AssgnmtList",
                        2),
                new Sibling(
                        MessageType.TSIN_008_001_01,
                        "tsin.006",
                        "InvcAssgnmtReq",
                        "InvcAssgnmtNtfctn",
                        "AssgnmtList",
                        "NtfctnList",
                        2),
                new Sibling(
                        MessageType.TSIN_010_001_01,
                        "tsin.009",
                        "PtyRegnAndGrntReq",
                        "PtyRegnAndGrntSts",
                        "AgrmtList",
                        "AgrmtList",
                        1),
                new Sibling(
                        MessageType.TSIN_011_001_01,
                        "tsin.009",
                        "PtyRegnAndGrntReq",
                        "PtyRegnAndGrntNtfctn",
                        "AgrmtList",
                        "NtfctnList",
                        1),
                new Sibling(
                        MessageType.TSIN_012_001_01,
                        "tsin.009",
                        "PtyRegnAndGrntReq",
                        "PtyRegnAndGrntAck",
                        "AgrmtList",
                        "AckList",
                        1),
                new Sibling(
                        MessageType.TSMT_054_001_01,
                        "tsmt.053",
                        "InvcPmtRcncltnAdvc",
                        "InvcPmtRcncltnSts",
                        "RcncltnList",
                        "RcncltnList",
                        2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("siblings")
    void readsTheSiblingWithEveryItem(Sibling s) {
        String xml = switch (s.request()) {
            case "tsin.006" -> ProwideOracle.xml(InvoiceAssignmentTest.request(), TSIN_006);
            case "tsin.009" -> ProwideOracle.xml(BusinessLetterMessagesTest.registration(), TSIN_009);
            default -> ProwideOracle.xml(BusinessLetterMessagesTest.reconciliation(), TSMT_053);
        };
        String moved = xml.replace(
                        "urn:iso:std:iso:20022:tech:xsd:" + s.request() + ".001.01",
                        s.type().namespace())
                .replace(":" + s.requestRoot() + ">", ":" + s.root() + ">")
                .replace(":" + s.requestList() + ">", ":" + s.list() + ">");
        byte[] bytes = moved.getBytes(StandardCharsets.UTF_8);
        assertTrue(decoder.decode(bytes, 0, bytes.length, view, verdict), () -> verdict + "\n" + moved);
        assertEquals(s.type(), view.type());
        assertEquals(s.items(), view.itemCount());
        assertTrue(view.text(BusinessLetterFields.LETTER_ID).length() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("siblings")
    void decodesTheSiblingProwideBuildsFieldByField(Sibling s) {
        AbstractMX requestMx = switch (s.request()) {
            case "tsin.006" -> InvoiceAssignmentTest.request();
            case "tsin.009" -> withSupplierInTheLetter(BusinessLetterMessagesTest.registration());
            default -> BusinessLetterMessagesTest.reconciliation();
        };
        AbstractMX mx = ProwideSiblings.sibling(
                requestMx, s.requestRoot(), s.type(), s.root(), Map.of(s.requestList(), s.list()));
        Class<?> registry = LetterIdrefRegistries.forMessage(s.type().messageDefinition());
        @SuppressWarnings("unchecked")
        Class<? extends AbstractMX> type = (Class<? extends AbstractMX>) ProwideModel.messageClass(s.type());
        String xml = ProwideOracle.xml(mx, ProwideOracle.context(classesOf(type), registry));
        assertTrue(xml.contains(s.type().namespace()) && xml.contains(":" + s.root() + ">"), xml);

        assertTrue(decodeText(xml), () -> verdict + "\n" + xml);
        assertEquals(s.type(), view.type());
        assertEquals(s.items(), view.itemCount());
        AbstractMX parsed = ProwideOracle.parse(xml, type, registry);
        ProwideFields.assertSameFields(MessageMap.schemaOf(s.type()), elementOf(parsed, s.root()), view);
    }

    /**
     * The registration names the supplier only by reference (its guarantee beneficiary); Prowide
     * resolves a reference only to a party of the letter, so the supplier joins its recipients.
     */
    private static AbstractMX withSupplierInTheLetter(MxTsin00900101 registration) {
        registration.getPtyRegnAndGrntReq().getHdr().addPmryRcpt(BusinessLetterSamples.SUPPLIER);
        return registration;
    }

    private static Class<?>[] classesOf(Class<?> type) {
        try {
            return (Class<?>[]) type.getField("_classes").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object elementOf(AbstractMX mx, String root) {
        try {
            return ProwideModel.elementField(mx.getClass(), root).get(mx);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean decodeText(String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, 0, bytes.length, view, verdict);
    }
}
