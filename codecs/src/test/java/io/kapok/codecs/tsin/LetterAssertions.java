package io.kapok.codecs.tsin;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.dic.BusinessLetter1;
import com.prowidesoftware.swift.model.mx.dic.GenericOrganisationIdentification1;
import com.prowidesoftware.swift.model.mx.dic.InvoiceTotals1;
import com.prowidesoftware.swift.model.mx.dic.OrganisationIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification45;
import com.prowidesoftware.swift.model.mx.dic.QualifiedPartyIdentification1;
import com.prowidesoftware.swift.model.mx.dic.ValidationStatusInformation1;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Field-by-field checks of the BusinessLetter1 messages as Prowide read them. The tsin letters have
 * one generated class per message for the same schema type (FinancialItem1Tsin00700101,
 * FinancialItem1Tsin00800101...), so items and lists are read here through their getters by name.
 */
public final class LetterAssertions {
    private LetterAssertions() {}

    /** What Prowide read of a letter: the text, the Document's root element and its one list. */
    public record LetterReading(String xml, Object document, Object list) {}

    /**
     * Reads a BusinessLetter1 message with Prowide (its context completed by
     * {@link LetterIdrefRegistries}, without which stock Prowide cannot read these messages), checks
     * the AppHdr and the letter header against {@code expected}, and returns the Document's root
     * element ({@code root}) and its one list ({@code list}).
     */
    public static <T extends AbstractMX> LetterReading readLetter(
            Utf8XmlWriter out, BusinessLetter expected, MessageType type, Class<T> mxType, String root, String list) {
        ProwideOracle.Reading<T> reading =
                ProwideOracle.read(out, mxType, LetterIdrefRegistries.forMessage(type.messageDefinition()));
        ProwideOracle.assertAppHdr(expected.header, type, null, reading.mx(), reading.xml());
        Object document = get(reading.mx(), root);
        assertLetterHeader(expected, (BusinessLetter1) get(document, "Hdr"));
        List<?> lists = (List<?>) get(document, list);
        assertEquals(1, lists.size(), reading.xml());
        return new LetterReading(reading.xml(), document, lists.get(0));
    }

    /**
     * The list's ItmCnt, CtrlSum and VldtnStsInf, and after the list {@code <countElement>} = 1,
     * ItmCnt and CtrlSum, as the encoders derive them.
     */
    public static void assertCounts(
            LetterReading reading,
            String countElement,
            int itemCount,
            BigDecimal controlSum,
            String validationStatus,
            String validationReason) {
        Object list = reading.list();
        Object document = reading.document();
        assertAll(
                reading.xml(),
                () -> assertEquals(String.valueOf(itemCount), get(list, "ItmCnt")),
                () -> assertEquals(controlSum, get(list, "CtrlSum")),
                () -> assertValidation(
                        validationStatus, validationReason, (ValidationStatusInformation1) get(list, "VldtnStsInf")),
                () -> assertEquals("1", get(document, countElement)),
                () -> assertEquals(String.valueOf(itemCount), get(document, "ItmCnt")),
                () -> assertEquals(controlSum, get(document, "CtrlSum")));
    }

    /** {@code bean.getName()}, for the per-message copies of one schema type. */
    public static Object get(Object bean, String name) {
        try {
            return bean.getClass().getMethod("get" + name).invoke(bean);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(bean.getClass().getSimpleName() + " has no " + name, e);
        }
    }

    public static void assertLetterHeader(BusinessLetter expected, BusinessLetter1 actual) {
        assertAll(
                () -> assertEquals(
                        expected.header.messageId.toString(),
                        actual.getLttrIdr().getId()),
                () -> assertEquals(
                        LocalDate.ofEpochDay(Math.floorDiv(expected.header.creationTimeMs, 86_400_000L)),
                        actual.getDt()),
                () -> assertEquals(
                        expected.relatedMessageId.length() == 0
                                ? List.of()
                                : List.of(expected.relatedMessageId.toString()),
                        actual.getRltdMsg().stream().map(d -> d.getId()).toList()),
                () -> assertQualifiedParty(BusinessLetter.ORIGINATOR, expected.header.from, actual.getOrgtr()),
                () -> assertQualifiedParty(
                        BusinessLetter.PRIMARY_RECIPIENT,
                        expected.header.to,
                        actual.getPmryRcpt().get(0)),
                () -> assertQualifiedParty(
                        BusinessLetter.AUTHORISING_USER,
                        expected.header.from,
                        actual.getAuthstnUsr().get(0)),
                () -> assertEquals(
                        expected.otherParties.count(), actual.getOthrPty().size()),
                () -> {
                    for (int i = 0; i < expected.otherParties.count(); i++) {
                        BusinessLetter.Party other = expected.otherParties.get(i);
                        assertQualifiedParty(
                                other.xmlId.toString(),
                                other.party,
                                actual.getOthrPty().get(i));
                    }
                },
                () -> assertValidation(expected.validationStatus, expected.validationReason, actual.getVldtnStsInf()));
    }

    public static void assertQualifiedParty(String xmlId, PartyIdentity expected, Object actual) {
        QualifiedPartyIdentification1 party = assertInstanceOf(QualifiedPartyIdentification1.class, actual);
        assertEquals(xmlId, party.getId());
        PartyIdentification45 id = party.getPty().get(0).getBasePty().getPtyId();
        assertEquals(expected.name.length() == 0 ? null : expected.name.toString(), id.getNm());
        OrganisationIdentification6 org = id.getId().getOrgId();
        if (expected.isFinancialInstitution()) {
            assertEquals(expected.id.toString(), org.getBIC());
        } else {
            GenericOrganisationIdentification1 other = org.getOthr().get(0);
            assertEquals(expected.id.toString(), other.getId());
            assertEquals(expected.scheme.name(), other.getSchmeNm().getPrtry());
        }
    }

    /** An IDREF resolved by JAXB to the party of the letter with that XML identifier. */
    public static void assertReference(CharSequence expectedRef, Object actual) {
        if (expectedRef.length() == 0) {
            assertNull(actual);
            return;
        }
        assertEquals(
                expectedRef.toString(),
                assertInstanceOf(QualifiedPartyIdentification1.class, actual).getId());
    }

    public static void assertValidation(String status, String reason, ValidationStatusInformation1 actual) {
        if (status == null) {
            assertNull(actual);
            return;
        }
        assertEquals(status, actual.getSts().value());
        assertEquals(
                reason,
                actual.getStsRsn() == null ? null : actual.getStsRsn().getCd().value());
    }

    /** A FinancialItem1 (any per-message copy) holds what {@code expected} says. */
    public static void assertItem(FinancialItem expected, int currency, Object actual) {
        int minorUnits = Iso4217.minorUnits(currency);
        Object context = get(actual, "ItmCntxt");
        InvoiceTotals1 totals = (InvoiceTotals1) get(actual, "TtlAmt");
        assertAll(
                expected.identifier.toString(),
                () -> assertEquals(expected.identifier.toString(), get(context, "Idr")),
                () -> assertDate(expected.issueDateEpochDay, (LocalDate) get(context, "IsseDt")),
                () -> assertReference(expected.buyerRef, get(context, "Buyr")),
                () -> assertReference(expected.sellerRef, get(context, "Sellr")),
                () -> assertEquals(Iso4217.unpack(currency), get(context, "Ccy")),
                () -> assertEquals(
                        expected.creditAccount.length() == 0 ? null : expected.creditAccount.toString(),
                        get(context, "CdtAcct") == null
                                ? null
                                : ((com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice)
                                                get(context, "CdtAcct"))
                                        .getOthr()
                                        .getId()),
                () -> assertEquals(expected.credit ? "CRDT" : "DBIT", ((Enum<?>) get(actual, "CdtDbtInd")).name()),
                () -> assertAmount(
                        expected.taxableAmountMinor,
                        minorUnits,
                        totals.getTtlTaxblAmt().getValue()),
                () -> assertAmount(
                        expected.taxAmountMinor,
                        minorUnits,
                        totals.getTtlTaxAmt().getValue()),
                () -> assertAmount(
                        expected.totalAmountMinor(),
                        minorUnits,
                        totals.getTtlInvcAmt().getValue()),
                () -> assertDate(expected.dueDateEpochDay, totals.getPmtDueDt()),
                () -> {
                    Object due = get(actual, "DueAmt");
                    if (expected.dueAmountMinor < 0) {
                        assertNull(due);
                    } else {
                        assertAmount(expected.dueAmountMinor, minorUnits, (BigDecimal) get(due, "Value"));
                    }
                },
                () -> assertValidation(
                        expected.validationStatus, expected.validationReason, (ValidationStatusInformation1)
                                get(actual, "VldtnStsInf")));
    }
}
