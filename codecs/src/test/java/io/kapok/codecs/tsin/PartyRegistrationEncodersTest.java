package io.kapok.codecs.tsin;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.tsin.LetterAssertions.assertReference;
import static io.kapok.codecs.tsin.LetterAssertions.get;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxTsin00900101;
import com.prowidesoftware.swift.model.mx.MxTsin01000101;
import com.prowidesoftware.swift.model.mx.MxTsin01100101;
import com.prowidesoftware.swift.model.mx.MxTsin01200101;
import com.prowidesoftware.swift.model.mx.dic.AmountAndPeriod1;
import com.prowidesoftware.swift.model.mx.dic.ValidationStatusInformation1;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tsin.009, tsin.010, tsin.011 and tsin.012 as Prowide reads them: Pearl River Bank registers Canton
 * Auto Group's suppliers and guarantees the buyer limit, every party named by IDREF.
 */
class PartyRegistrationEncodersTest {
    private static final String CORE = "CORE";
    private static final String SUPPLIER_1 = "SUPPLIER1";
    private static final String SUPPLIER_2 = "SUPPLIER2";

    static PartyRegistration registration(String messageId) {
        PartyRegistration registration = new PartyRegistration();
        TsinSamples.header(registration.letter.header, TsinSamples.pearlRiverBank(), TsinSamples.platform(), messageId);
        registration.letter.addParty(CORE).copyFrom(TsinSamples.canton());
        registration.letter.addParty(SUPPLIER_1).copyFrom(TsinSamples.foshan());
        PartyIdentity jiangmen = registration.letter.addParty(SUPPLIER_2).uscc("91440700MA9KAPK003");
        jiangmen.name.set("江门电机厂 Jiangmen Motor Works");
        registration.listId.set("PRBK-CAG-PROG-2026");
        registration.dateEpochDay = LocalDate.of(2026, 11, 1).toEpochDay();
        registration.requesterRef.set(BusinessLetter.ORIGINATOR);
        registration.responderRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        registration.applicantRef.set(CORE);
        registration.beneficiaryRef.set(SUPPLIER_1);
        registration.issuerRef.set(BusinessLetter.ORIGINATOR);
        registration.currency = Iso4217.pack("CNY");
        item(registration, "CAG-FSPP-LIMIT", SUPPLIER_1, 12_000_000_00L);
        item(registration, "CAG-JMMW-LIMIT", SUPPLIER_2, 8_000_000_00L);
        return registration;
    }

    private static void item(PartyRegistration registration, String id, String seller, long limitMinor) {
        PartyRegistration.Item item = registration.items.add();
        item.clear();
        item.identifier.set(id);
        item.issueDateEpochDay = registration.dateEpochDay;
        item.buyerRef.set(CORE);
        item.sellerRef.set(seller);
        item.action = "OPEN";
        item.guaranteedAmountMinor = limitMinor;
        item.guarantorRef.set(BusinessLetter.ORIGINATOR);
    }

    private static <T extends AbstractMX> void assertReadsAsWritten(
            PartyRegistration expected,
            Utf8XmlWriter out,
            MessageType type,
            Class<T> mxType,
            String root,
            String list,
            String count) {
        LetterAssertions.LetterReading reading =
                LetterAssertions.readLetter(out, expected.letter, type, mxType, root, list);
        Object actual = reading.list();
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) get(actual, "Itm");
        BigDecimal controlSum = new BigDecimal("20000000.00");
        assertAll(
                reading.xml(),
                () -> assertEquals(expected.listId.toString(), get(actual, "Idr")),
                () -> assertEquals(LocalDate.ofEpochDay(expected.dateEpochDay), get(actual, "Dt")),
                () -> assertReference(expected.requesterRef, get(actual, "AgrmtRqstr")),
                () -> assertReference(expected.responderRef, get(actual, "AgrmtRspndr")),
                () -> assertReference(expected.applicantRef, get(actual, "GrntApplcnt")),
                () -> assertReference(expected.beneficiaryRef, get(actual, "GrntNbfcry")),
                () -> assertReference(expected.issuerRef, get(actual, "GrntIssr")),
                () -> assertEquals(expected.items.count(), items.size()));
        LetterAssertions.assertCounts(
                reading,
                count,
                expected.items.count(),
                controlSum,
                expected.validationStatus,
                expected.validationReason);
        for (int i = 0; i < expected.items.count(); i++) {
            PartyRegistration.Item item = expected.items.get(i);
            Object actualItem = items.get(i);
            Object context = get(actualItem, "ItmCntxt");
            @SuppressWarnings("unchecked")
            List<Object> guarantees = (List<Object>) get(actualItem, "Grnt");
            @SuppressWarnings("unchecked")
            List<AmountAndPeriod1> amounts = (List<AmountAndPeriod1>) get(guarantees.get(0), "GrntedAmt");
            assertAll(
                    item.identifier.toString(),
                    () -> assertEquals(item.identifier.toString(), get(context, "Idr")),
                    () -> assertEquals(LocalDate.ofEpochDay(item.issueDateEpochDay), get(context, "IsseDt")),
                    () -> assertReference(item.buyerRef, get(context, "Buyr")),
                    () -> assertReference(item.sellerRef, get(context, "Sellr")),
                    () -> assertEquals("CNY", get(context, "Ccy")),
                    () -> assertEquals(item.action, ((Enum<?>) get(actualItem, "ItmActn")).name()),
                    () -> LetterAssertions.assertValidation(
                            item.validationStatus, item.validationReason, (ValidationStatusInformation1)
                                    get(actualItem, "VldtnStsInf")),
                    () -> assertReference(item.guarantorRef, get(guarantees.get(0), "Issr")),
                    () -> assertAmount(
                            item.guaranteedAmountMinor,
                            2,
                            amounts.get(0).getAmt().getValue()),
                    () -> assertEquals("CNY", amounts.get(0).getAmt().getCcy()));
        }
    }

    @Test
    void prowideReadsTheRegistrationRequest() {
        PartyRegistration registration = registration("PRBK-TSIN009-0001");
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin009Encoder().encode(registration, out);
        assertReadsAsWritten(
                registration,
                out,
                Tsin009Encoder.TYPE,
                MxTsin00900101.class,
                "PtyRegnAndGrntReq",
                "AgrmtList",
                "AgrmtCnt");
    }

    @Test
    void prowideReadsTheRegistrationStatusWithAnItemRefused() {
        PartyRegistration registration = registration("KAPK-TSIN010-0001");
        registration.letter.header.from.copyFrom(TsinSamples.platform());
        registration.letter.header.to.copyFrom(TsinSamples.pearlRiverBank());
        registration.letter.relatedMessageId.set("PRBK-TSIN009-0001");
        registration.letter.validationStatus = "RCCF";
        registration.requesterRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        registration.responderRef.set(BusinessLetter.ORIGINATOR);
        registration.issuerRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        registration.validationStatus = "RCER";
        registration.validationReason = "BE09";
        registration.items.get(0).validationStatus = "RCCF";
        registration.items.get(1).validationStatus = "RCER";
        registration.items.get(1).validationReason = "BE09";
        for (int i = 0; i < registration.items.count(); i++) {
            registration.items.get(i).guarantorRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        }
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin010Encoder().encode(registration, out);
        assertReadsAsWritten(
                registration,
                out,
                Tsin010Encoder.TYPE,
                MxTsin01000101.class,
                "PtyRegnAndGrntSts",
                "AgrmtList",
                "AgrmtCnt");
    }

    @Test
    void prowideReadsTheNotificationToTheCoreEnterprise() {
        PartyRegistration registration = registration("KAPK-TSIN011-0001");
        registration.letter.header.from.copyFrom(TsinSamples.platform());
        registration.letter.header.to.copyFrom(TsinSamples.canton());
        registration.letter.otherParties.clear();
        registration.letter.addParty("BANK").copyFrom(TsinSamples.pearlRiverBank());
        registration.letter.addParty(SUPPLIER_1).copyFrom(TsinSamples.foshan());
        registration.letter.addParty(SUPPLIER_2).uscc("91440700MA9KAPK003");
        registration.requesterRef.set("BANK");
        registration.responderRef.set(BusinessLetter.ORIGINATOR);
        registration.applicantRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        registration.issuerRef.set("BANK");
        for (int i = 0; i < registration.items.count(); i++) {
            registration.items.get(i).buyerRef.set(BusinessLetter.PRIMARY_RECIPIENT);
            registration.items.get(i).guarantorRef.set("BANK");
        }
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin011Encoder().encode(registration, out);
        assertReadsAsWritten(
                registration,
                out,
                Tsin011Encoder.TYPE,
                MxTsin01100101.class,
                "PtyRegnAndGrntNtfctn",
                "NtfctnList",
                "NtfctnCnt");
    }

    @Test
    void prowideReadsTheAcknowledgement() {
        PartyRegistration registration = registration("PRBK-TSIN012-0001");
        registration.letter.relatedMessageId.set("KAPK-TSIN011-0001");
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin012Encoder().encode(registration, out);
        assertReadsAsWritten(
                registration, out, Tsin012Encoder.TYPE, MxTsin01200101.class, "PtyRegnAndGrntAck", "AckList", "AckCnt");
        assertTrue(out.toString().contains("<AckCnt>1</AckCnt>"));
    }

    @Test
    void refusesARegistrationWithoutItems() {
        PartyRegistration registration = registration("PRBK-TSIN009-0002");
        registration.items.clear();
        assertThrows(
                IllegalArgumentException.class, () -> new Tsin009Encoder().encode(registration, new Utf8XmlWriter(64)));
    }
}
