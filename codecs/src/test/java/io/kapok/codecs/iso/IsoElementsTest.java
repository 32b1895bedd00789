package io.kapok.codecs.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IsoElementsTest {
    private static String written(java.util.function.Consumer<Utf8XmlWriter> writing) {
        Utf8XmlWriter out = new Utf8XmlWriter(16);
        writing.accept(out);
        return out.toString();
    }

    @Test
    void writesAmountsWithTheCurrencysMinorUnits() {
        assertEquals(
                "<Amt Ccy=\"CNY\">1250000.00</Amt>",
                written(out -> IsoElements.amount(out, "Amt", 125_000_000L, Iso4217.pack("CNY"))));
        assertEquals(
                "<Amt Ccy=\"JPY\">187500000</Amt>",
                written(out -> IsoElements.amount(out, "Amt", 187_500_000L, Iso4217.pack("JPY"))));
        assertEquals(
                "<Amt Ccy=\"BHD\">0.005</Amt>",
                written(out -> IsoElements.amount(out, "Amt", 5L, Iso4217.pack("BHD"))));
    }

    @Test
    void refusesANegativeAmountAndACodeThatIsNotACurrency() {
        IllegalArgumentException negative = assertThrows(
                IllegalArgumentException.class,
                () -> IsoElements.amount(new Utf8XmlWriter(16), "Amt", -1L, Iso4217.pack("CNY")));
        assertTrue(negative.getMessage().contains("never negative"), negative.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> IsoElements.amount(new Utf8XmlWriter(16), "Amt", 1L, Iso4217.pack("CNH")));
        assertThrows(IllegalArgumentException.class, () -> IsoElements.currency(new Utf8XmlWriter(16), "Ccy", 0));
    }

    @Test
    void writesDatesFromEpochDays() {
        assertEquals(
                "<Dt>2027-03-31</Dt>",
                written(out ->
                        IsoElements.date(out, "Dt", LocalDate.of(2027, 3, 31).toEpochDay())));
        assertEquals("<Dt>1969-12-31</Dt>", written(out -> IsoElements.date(out, "Dt", -1L)));
    }

    @Test
    void splitsFreeTextIntoLinesAndDropsWhatDoesNotFit() {
        assertEquals("<L>abc</L><L>de&amp;</L>", written(out -> IsoElements.lines(out, "L", "abcde&ghi", 3, 2)));
        assertEquals("", written(out -> IsoElements.lines(out, "L", "", 3, 2)));
    }

    @Test
    void writesEachWayOfIdentifyingAnOrganisation() {
        PartyIdentity party = new PartyIdentity().uscc("91440101MA9KAPK001");
        party.name.set("广州 & Co");
        assertEquals(
                "<Nm>广州 &amp; Co</Nm><Id><OrgId><Othr><Id>91440101MA9KAPK001</Id>"
                        + "<SchmeNm><Prtry>USCC</Prtry></SchmeNm></Othr></OrgId></Id>",
                written(out -> IsoElements.partyIdentification(out, party)));
        party.lei("5493001KJTIIGC8Y1R12");
        assertEquals(
                "<Nm>广州 &amp; Co</Nm><Id><OrgId><LEI>5493001KJTIIGC8Y1R12</LEI></OrgId></Id>",
                written(out -> IsoElements.partyIdentification(out, party)));
        party.bic("PRBKCNGZXXX");
        assertEquals(
                "<Fr><FIId><FinInstnId><BICFI>PRBKCNGZXXX</BICFI></FinInstnId></FIId></Fr>",
                written(out -> IsoElements.partyChoice(out, "Fr", "FIId", "OrgId", party)));
        PartyIdentity nameOnly = new PartyIdentity();
        nameOnly.name.set("Kowloon Components");
        assertEquals("<Nm>Kowloon Components</Nm>", written(out -> IsoElements.partyIdentification(out, nameOnly)));
    }
}
