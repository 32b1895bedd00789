package io.kapok.codecs.tsmt;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.tsin.LetterAssertions.assertItem;
import static io.kapok.codecs.tsin.LetterAssertions.assertReference;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxTsmt05300101;
import com.prowidesoftware.swift.model.mx.MxTsmt05400101;
import com.prowidesoftware.swift.model.mx.dic.PaymentMeans1;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.tsin.BusinessLetter;
import io.kapok.codecs.tsin.FinancialItem;
import io.kapok.codecs.tsin.LetterAssertions;
import io.kapok.codecs.tsin.TsinSamples;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tsmt.053 and tsmt.054 as Prowide reads them: Canton Auto Group's payment at maturity settles the
 * two invoices Pearl River Bank financed for Foshan Precision.
 */
class PaymentReconciliationEncodersTest {
    private static final String CORE = "CORE";
    private static final String SUPPLIER = "SUPPLIER";

    static PaymentReconciliation reconciliation(String messageId) {
        PaymentReconciliation reconciliation = new PaymentReconciliation();
        TsinSamples.header(
                reconciliation.letter.header, TsinSamples.pearlRiverBank(), TsinSamples.platform(), messageId);
        reconciliation.letter.addParty(CORE).copyFrom(TsinSamples.canton());
        reconciliation.letter.addParty(SUPPLIER).copyFrom(TsinSamples.foshan());
        reconciliation.dateEpochDay = LocalDate.of(2027, 3, 31).toEpochDay();
        reconciliation.recipientRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        reconciliation.adviserRef.set(BusinessLetter.ORIGINATOR);
        reconciliation.reference.set("PRBK-CAG-PROG-2026");
        reconciliation.referenceDateEpochDay = LocalDate.of(2026, 11, 1).toEpochDay();
        reconciliation.instructionId.set("CAG-PAY-2027-0331");
        reconciliation.endToEndId.set("CAG-INV-2026-0815 & 0816");
        reconciliation.payeeAccount.set("KAPK-CNY-PRBKCNGZXXX");
        reconciliation.payeeBankBic.set("KAPKCNGZXXX");
        reconciliation.paymentDateEpochDay = reconciliation.dateEpochDay;
        reconciliation.dueDateEpochDay = reconciliation.dateEpochDay;
        reconciliation.paymentAmountMinor = 1_550_000_00L;
        reconciliation.currency = Iso4217.pack("CNY");
        item(reconciliation, "CAG-INV-2026-0815", 1_106_194_69L, 143_805_31L);
        item(reconciliation, "CAG-INV-2026-0816", 265_486_73L, 34_513_27L);
        return reconciliation;
    }

    private static void item(PaymentReconciliation reconciliation, String number, long taxable, long tax) {
        FinancialItem item = reconciliation.items.add();
        item.clear();
        item.identifier.set(number);
        item.issueDateEpochDay = LocalDate.of(2026, 10, 1).toEpochDay();
        item.buyerRef.set(CORE);
        item.sellerRef.set(SUPPLIER);
        item.taxableAmountMinor = taxable;
        item.taxAmountMinor = tax;
        item.dueDateEpochDay = reconciliation.dueDateEpochDay;
        item.dueAmountMinor = 0;
    }

    private static <T extends AbstractMX> void assertReadsAsWritten(
            PaymentReconciliation expected, Utf8XmlWriter out, MessageType type, Class<T> mxType, String root) {
        LetterAssertions.LetterReading reading =
                LetterAssertions.readLetter(out, expected.letter, type, mxType, root, "RcncltnList");
        Object actual = reading.list();
        Object params = LetterAssertions.get(actual, "Params");
        Object paymentRef = LetterAssertions.get(actual, "PmtRef");
        PaymentMeans1 means = (PaymentMeans1) LetterAssertions.get(actual, "PmtMeans");
        Object amount = LetterAssertions.get(actual, "PmtAmt");
        BigDecimal controlSum = new BigDecimal("1550000.00");
        assertAll(
                reading.xml(),
                () -> assertEquals(LocalDate.ofEpochDay(expected.dateEpochDay), LetterAssertions.get(actual, "Dt")),
                () -> assertReference(expected.recipientRef, LetterAssertions.get(actual, "Rcpt")),
                () -> assertReference(expected.adviserRef, LetterAssertions.get(actual, "Advsr")),
                () -> assertEquals(expected.reference.toString(), LetterAssertions.get(params, "Idr")),
                () -> assertEquals("CNY", LetterAssertions.get(params, "Ccy")),
                () -> assertEquals(
                        expected.instructionId.length() == 0 ? null : expected.instructionId.toString(),
                        LetterAssertions.get(paymentRef, "InstrId")),
                () -> assertEquals(expected.endToEndId.toString(), LetterAssertions.get(paymentRef, "EndToEndId")),
                () -> assertEquals("TRF", means.getPmtMtdCd().value()),
                () -> assertEquals(
                        expected.payeeAccount.toString(),
                        means.getPyeeCdtrAcct().getId().getOthr().getId()),
                () -> assertEquals(
                        expected.payeeBankBic.toString(),
                        means.getPyeeFI().getFinInstnId().getBIC()),
                () -> assertEquals(
                        LocalDate.ofEpochDay(expected.paymentDateEpochDay), LetterAssertions.get(actual, "PmtDt")),
                () -> assertEquals(
                        LocalDate.ofEpochDay(expected.dueDateEpochDay),
                        LetterAssertions.get(LetterAssertions.get(actual, "PmtTerms"), "DueDt")),
                () -> assertAmount(expected.paymentAmountMinor, 2, (BigDecimal) LetterAssertions.get(amount, "Value")),
                () -> assertEquals("CNY", LetterAssertions.get(amount, "Ccy")));
        LetterAssertions.assertCounts(
                reading,
                "RcncltnCnt",
                expected.items.count(),
                controlSum,
                expected.validationStatus,
                expected.validationReason);
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) LetterAssertions.get(actual, "Itm");
        assertEquals(expected.items.count(), items.size());
        for (int i = 0; i < expected.items.count(); i++) {
            assertItem(expected.items.get(i), expected.currency, items.get(i));
        }
    }

    @Test
    void prowideReadsTheReconciliationAdvice() {
        PaymentReconciliation reconciliation = reconciliation("PRBK-TSMT053-0001");
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsmt053Encoder().encode(reconciliation, out);
        assertReadsAsWritten(reconciliation, out, Tsmt053Encoder.TYPE, MxTsmt05300101.class, "InvcPmtRcncltnAdvc");
    }

    @Test
    void prowideReadsTheReconciliationStatus() {
        PaymentReconciliation reconciliation = reconciliation("KAPK-TSMT054-0001");
        reconciliation.letter.header.from.copyFrom(TsinSamples.platform());
        reconciliation.letter.header.to.copyFrom(TsinSamples.pearlRiverBank());
        reconciliation.letter.relatedMessageId.set("PRBK-TSMT053-0001");
        reconciliation.recipientRef.set(BusinessLetter.ORIGINATOR);
        reconciliation.adviserRef.set(BusinessLetter.PRIMARY_RECIPIENT);
        reconciliation.instructionId.clear();
        reconciliation.validationStatus = "RCCF";
        reconciliation.items.get(0).validationStatus = "RCCF";
        reconciliation.items.get(1).validationStatus = "RCER";
        reconciliation.items.get(1).validationReason = "AC06";
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Tsmt054Encoder().encode(reconciliation, out);
        assertReadsAsWritten(reconciliation, out, Tsmt054Encoder.TYPE, MxTsmt05400101.class, "InvcPmtRcncltnSts");
    }

    @Test
    void refusesAReconciliationWithoutItems() {
        PaymentReconciliation reconciliation = reconciliation("PRBK-TSMT053-0002");
        reconciliation.items.clear();
        assertThrows(
                IllegalArgumentException.class,
                () -> new Tsmt053Encoder().encode(reconciliation, new Utf8XmlWriter(64)));
    }
}
