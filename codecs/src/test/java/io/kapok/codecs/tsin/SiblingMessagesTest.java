package io.kapok.codecs.tsin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageMap;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.stream.Iso20022Decoder;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.xml.XmlLimits;
import jakarta.xml.bind.JAXBContext;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status, notification and acknowledgement siblings of the business letter messages share
 * their request's structure under another message element and namespace. Each is read here from a
 * message Prowide wrote as its request (tsin.006, tsin.009, tsmt.053), moved to the sibling's
 * namespace and message and list element names, with every item.
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TSIN_007_001_01, tsin.006, InvcAssgnmtReq, InvcAssgnmtSts, AssgnmtList, AssgnmtList, 2",
        "TSIN_008_001_01, tsin.006, InvcAssgnmtReq, InvcAssgnmtNtfctn, AssgnmtList, NtfctnList, 2",
        "TSIN_010_001_01, tsin.009, PtyRegnAndGrntReq, PtyRegnAndGrntSts, AgrmtList, AgrmtList, 1",
        "TSIN_011_001_01, tsin.009, PtyRegnAndGrntReq, PtyRegnAndGrntNtfctn, AgrmtList, NtfctnList, 1",
        "TSIN_012_001_01, tsin.009, PtyRegnAndGrntReq, PtyRegnAndGrntAck, AgrmtList, AckList, 1",
        "TSMT_054_001_01, tsmt.053, InvcPmtRcncltnAdvc, InvcPmtRcncltnSts, RcncltnList, RcncltnList, 2"
    })
    void readsTheSiblingWithEveryItem(
            MessageType sibling,
            String request,
            String requestRoot,
            String root,
            String requestList,
            String list,
            int items) {
        String xml = switch (request) {
            case "tsin.006" -> ProwideOracle.xml(InvoiceAssignmentTest.request(), TSIN_006);
            case "tsin.009" -> ProwideOracle.xml(BusinessLetterMessagesTest.registration(), TSIN_009);
            default -> ProwideOracle.xml(BusinessLetterMessagesTest.reconciliation(), TSMT_053);
        };
        String moved = xml.replace("urn:iso:std:iso:20022:tech:xsd:" + request + ".001.01", sibling.namespace())
                .replace(":" + requestRoot + ">", ":" + root + ">")
                .replace(":" + requestList + ">", ":" + list + ">");
        byte[] bytes = moved.getBytes(StandardCharsets.UTF_8);
        assertTrue(decoder.decode(bytes, 0, bytes.length, view, verdict), () -> verdict + "\n" + moved);
        assertEquals(sibling, view.type());
        assertEquals(items, view.itemCount());
        assertTrue(view.text(BusinessLetterFields.LETTER_ID).length() > 0);
    }
}
