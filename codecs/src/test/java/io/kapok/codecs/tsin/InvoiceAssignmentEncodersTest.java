package io.kapok.codecs.tsin;

import static io.kapok.codecs.tsin.LetterAssertions.assertItem;
import static io.kapok.codecs.tsin.LetterAssertions.assertReference;
import static io.kapok.codecs.tsin.LetterAssertions.get;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.BusinessAppHdrV02;
import com.prowidesoftware.swift.model.mx.MxTsin00600101;
import com.prowidesoftware.swift.model.mx.MxTsin00700101;
import com.prowidesoftware.swift.model.mx.MxTsin00800101;
import com.prowidesoftware.swift.model.mx.MxTsin01300101;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.Utf8XmlWriter;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tsin.006, tsin.007, tsin.008 and tsin.013 as Prowide reads them, including the IDREFs from the
 * lists to the letter's parties, which JAXB resolves to the party objects.
 */
class InvoiceAssignmentEncodersTest {
    static final String DEBTOR = "DEBTOR";
    static final String BANK = "ASSIGNEE";

    /** Foshan Precision assigns two invoices on Canton Auto Group to Pearl River Bank. */
    static InvoiceAssignment assignment(String messageId) {
        InvoiceAssignment assignment = new InvoiceAssignment();
        TsinSamples.header(assignment.letter.header, TsinSamples.foshan(), TsinSamples.platform(), messageId);
        assignment.letter.addParty(DEBTOR).copyFrom(TsinSamples.canton());
        assignment.letter.addParty(BANK).copyFrom(TsinSamples.pearlRiverBank());
        assignment.listId.set("FSPP-ASSGNMT-2026-0009");
        assignment.issueDateEpochDay = LocalDate.of(2026, 11, 23).toEpochDay();
        assignment.assigneeRef.set(BANK);
        assignment.assignorRef.set(BusinessLetter.ORIGINATOR);
        assignment.currency = Iso4217.pack("CNY");
        item(assignment, "CAG-INV-2026-0815", 1_106_194_69L, 143_805_31L);
        item(assignment, "CAG-INV-2026-0816 & <B>", 265_486_73L, 34_513_27L);
        return assignment;
    }

    private static FinancialItem item(InvoiceAssignment assignment, String number, long taxable, long tax) {
        FinancialItem item = assignment.items.add();
        item.clear();
        item.identifier.set(number);
        item.issueDateEpochDay = LocalDate.of(2026, 10, 1).toEpochDay();
        item.buyerRef.set(DEBTOR);
        item.sellerRef.set(BusinessLetter.ORIGINATOR);
        item.taxableAmountMinor = taxable;
        item.taxAmountMinor = tax;
        item.dueDateEpochDay = LocalDate.of(2027, 3, 31).toEpochDay();
        return item;
    }

    /** Prowide's reading of the message, its header, list and counts compared with {@code expected}. */
    private static <T extends AbstractMX> void assertReadsAsWritten(
            InvoiceAssignment expected,
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
        List<Object> items = (List<Object>) get(actual, "FinItm");
        BigDecimal controlSum = BigDecimal.valueOf(1_550_000_00L, 2);
        assertAll(
                reading.xml(),
                () -> assertEquals(expected.listId.toString(), get(actual, "Idr")),
                () -> assertEquals(LocalDate.ofEpochDay(expected.issueDateEpochDay), get(actual, "IsseDt")),
                () -> assertReference(expected.assigneeRef, get(actual, "Assgne")),
                () -> assertReference(expected.assignorRef, get(actual, "Assgnr")),
                () -> assertEquals(expected.items.count(), items.size()));
        LetterAssertions.assertCounts(
                reading,
                count,
                expected.items.count(),
                controlSum,
                expected.validationStatus,
                expected.validationReason);
        for (int i = 0; i < expected.items.count(); i++) {
            assertItem(expected.items.get(i), expected.currency, items.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object> notifications = (List<Object>) get(actual, "NtfctnInf");
        if (expected.notificationReceiverRef.length() > 0) {
            assertEquals(1, notifications.size());
            assertReference(expected.notifyingPartyRef, get(notifications.get(0), "NtifngPty"));
            assertReference(expected.notificationReceiverRef, get(notifications.get(0), "NtfctnRcvr"));
        } else {
            assertTrue(notifications.isEmpty());
        }
    }

    @Test
    void prowideReadsTheAssignmentRequest() {
        InvoiceAssignment assignment = assignment("FSPP-TSIN006-0001");
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin006Encoder().encode(assignment, out);
        assertReadsAsWritten(
                assignment,
                out,
                Tsin006Encoder.TYPE,
                MxTsin00600101.class,
                "InvcAssgnmtReq",
                "AssgnmtList",
                "AssgnmtCnt");
    }

    @Test
    void prowideReadsTheAssignmentStatusWithValidationPerLetterListAndInvoice() {
        InvoiceAssignment assignment = assignment("KAPK-TSIN007-0001");
        assignment.letter.header.from.copyFrom(TsinSamples.platform());
        assignment.letter.header.to.copyFrom(TsinSamples.foshan());
        assignment.assignorRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        assignment.letter.relatedMessageId.set("FSPP-TSIN006-0001");
        assignment.letter.validationStatus = "RCCF";
        assignment.validationStatus = "RCER";
        assignment.validationReason = "ID01";
        assignment.items.get(0).validationStatus = "RCCF";
        assignment.items.get(1).validationStatus = "RCER";
        assignment.items.get(1).validationReason = "ID01";
        for (int i = 0; i < assignment.items.count(); i++) {
            assignment.items.get(i).sellerRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        }
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin007Encoder().encode(assignment, out);
        assertReadsAsWritten(
                assignment,
                out,
                Tsin007Encoder.TYPE,
                MxTsin00700101.class,
                "InvcAssgnmtSts",
                "AssgnmtList",
                "AssgnmtCnt");
    }

    @Test
    void prowideReadsTheNotificationTellingTheDebtorWhomToPay() {
        InvoiceAssignment assignment = assignment("KAPK-TSIN008-0001");
        assignment.letter.header.from.copyFrom(TsinSamples.platform());
        assignment.letter.header.to.copyFrom(TsinSamples.canton());
        assignment.letter.otherParties.clear();
        assignment.letter.addParty("ASSIGNOR").copyFrom(TsinSamples.foshan());
        assignment.letter.addParty(BANK).copyFrom(TsinSamples.pearlRiverBank());
        assignment.assignorRef.set("ASSIGNOR");
        assignment.notifyingPartyRef.set(BusinessLetter.ORIGINATOR);
        assignment.notificationReceiverRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        for (int i = 0; i < assignment.items.count(); i++) {
            FinancialItem item = assignment.items.get(i);
            item.buyerRef.set(BusinessLetter.PRIMARY_RECIPIENT);
            item.sellerRef.set("ASSIGNOR");
            item.creditAccount.set("KAPK-CNY-PRBKCNGZXXX");
            item.dueAmountMinor = item.totalAmountMinor();
        }
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin008Encoder().encode(assignment, out);
        assertReadsAsWritten(
                assignment,
                out,
                Tsin008Encoder.TYPE,
                MxTsin00800101.class,
                "InvcAssgnmtNtfctn",
                "NtfctnList",
                "NtfctnCnt");
    }

    @Test
    void prowideReadsTheDebtorsAcknowledgementOnceItsIdrefTypesAreRegistered() {
        // The debtor, Canton Auto Group, confirms (确权) the invoices Foshan Precision holds against it.
        // Stock Prowide cannot read or write tsin.013 (see the next test); readLetter registers the
        // six IDREF element declarations it lacks (LetterIdrefRegistries) in the oracle's context.
        InvoiceAssignment assignment = assignment("CAG-TSIN013-0001");
        assignment.letter.header.from.copyFrom(TsinSamples.canton());
        assignment.letter.header.to.copyFrom(TsinSamples.platform());
        assignment.letter.otherParties.clear();
        assignment.letter.addParty("SUPPLIER").copyFrom(TsinSamples.foshan());
        assignment.letter.addParty(BANK).copyFrom(TsinSamples.pearlRiverBank());
        assignment.letter.relatedMessageId.set("KAPK-TSIN008-0001");
        assignment.assignorRef.set("SUPPLIER");
        for (int i = 0; i < assignment.items.count(); i++) {
            FinancialItem item = assignment.items.get(i);
            item.buyerRef.set(BusinessLetter.ORIGINATOR);
            item.sellerRef.set("SUPPLIER");
            item.dueAmountMinor = item.totalAmountMinor();
            item.validationStatus = "RCCF";
        }
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsin013Encoder().encode(assignment, out);
        assertReadsAsWritten(
                assignment,
                out,
                Tsin013Encoder.TYPE,
                MxTsin01300101.class,
                "InvcAssgnmtAck",
                "PmtStsList",
                "PmtStsCnt");
    }

    @Test
    void refusesAnAssignmentWithoutInvoices() {
        InvoiceAssignment assignment = assignment("FSPP-TSIN006-0002");
        assignment.items.clear();
        assertThrows(
                IllegalArgumentException.class, () -> new Tsin006Encoder().encode(assignment, new Utf8XmlWriter(64)));
    }

    @Test
    void refusesAPartyIdentifierThatIsNoXmlNameOrIsReserved() {
        BusinessLetter letter = new BusinessLetter();
        for (String bad :
                new String[] {"", "1BANK", "BANK ONE", "银行", "A&B", BusinessLetter.ORIGINATOR, "X".repeat(36)}) {
            assertThrows(IllegalArgumentException.class, () -> letter.addParty(bad), bad);
        }
        assertEquals(0, letter.otherParties.count());
        letter.addParty("BANK-1.a_b").bic("PRBKCNGZXXX");
        assertEquals(1, letter.otherParties.count());
    }

    @Test
    void stockProwideCannotBuildAContextForTsin013WithoutTheIdrefRegistry() throws JAXBException {
        List<Class<?>> classes = new ArrayList<>(Arrays.asList((Class<?>[]) MxTsin01300101._classes));
        classes.add(BusinessAppHdrV02.class);
        JAXBException e =
                assertThrows(JAXBException.class, () -> JAXBContext.newInstance(classes.toArray(new Class<?>[0])));
        assertTrue(e.toString().contains("FinDocRef"), e::toString);
        classes.add(LetterIdrefRegistries.forMessage("tsin.013.001.01"));
        assertNotNull(JAXBContext.newInstance(classes.toArray(new Class<?>[0])));
    }
}
