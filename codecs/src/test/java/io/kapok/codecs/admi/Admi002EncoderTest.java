package io.kapok.codecs.admi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.xml.Utf8XmlWriter;
import org.junit.jupiter.api.Test;

class Admi002EncoderTest {
    private static String encode(CharSequence reference, CharSequence location, CharSequence description) {
        Utf8XmlWriter out = new Utf8XmlWriter(32);
        new Admi002Encoder().encode(reference, "FF01", location, description, 0L, out);
        return out.toString();
    }

    @Test
    void writesMessageRejectWithoutAppHdr() {
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:admi.002.001.01\"><admi.002.001.01>"
                        + "<RltdRef><Ref>PRBK-1</Ref></RltdRef>"
                        + "<Rsn><RjctgPtyRsn>FF01</RjctgPtyRsn><RjctnDtTm>1970-01-01T00:00:00.000+00:00</RjctnDtTm>"
                        + "<ErrLctn>/Document/FIToFICstmrCdtTrf</ErrLctn><RsnDesc>bad &amp; &lt;worse&gt;</RsnDesc></Rsn>"
                        + "</admi.002.001.01></Document>",
                encode("PRBK-1", "/Document/FIToFICstmrCdtTrf", "bad & <worse>"));
    }

    @Test
    void writesNonrefWhenTheRejectedMessageIdIsUnknown() {
        assertTrue(encode(null, null, "x").contains("<RltdRef><Ref>NONREF</Ref></RltdRef>"));
        assertTrue(encode("", null, "x").contains("<RltdRef><Ref>NONREF</Ref></RltdRef>"));
    }

    @Test
    void omitsErrorLocationWhenUnknown() {
        assertFalse(encode("R", null, "x").contains("ErrLctn"));
        assertFalse(encode("R", "", "x").contains("ErrLctn"));
    }

    @Test
    void clipsReferenceTo35AndTextTo350Characters() {
        String xml = encode("R".repeat(40), "L".repeat(400), "D".repeat(400));
        assertTrue(xml.contains("<Ref>" + "R".repeat(35) + "</Ref>"), xml);
        assertTrue(xml.contains("<ErrLctn>" + "L".repeat(350) + "</ErrLctn>"), xml);
        assertTrue(xml.contains("<RsnDesc>" + "D".repeat(350) + "</RsnDesc>"), xml);
    }
}
