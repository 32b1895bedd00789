package io.kapok.codecs.pacs;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxPacs00400109;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction112;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.xml.Utf8XmlWriter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Pacs004EncoderTest {
    private static Pacs004Return partialReturn() {
        Pacs004Return payment = new Pacs004Return();
        PaymentSamples.header(payment.header, "VHBKHKHHXXX", "PRBKCNGZXXX", "VHBK-RTR-20261124-01");
        payment.returnId.set("VHBK-RTR-0001");
        PaymentSamples.original(payment.original);
        payment.returnedAmountMinor = 250_000_00L;
        payment.settlementDateEpochDay = LocalDate.of(2026, 11, 24).toEpochDay();
        payment.instructingAgentBic.set("VHBKHKHHXXX");
        payment.instructedAgentBic.set("PRBKCNGZXXX");
        payment.reasonCode = "AM09";
        payment.additionalInfo.append("partial return: 250,000.00 of 1,250,000.00 & <fees> 部分退回");
        return payment;
    }

    @Test
    void prowideReadsAPartialReturnFieldByField() {
        Pacs004Return payment = partialReturn();
        assertTrue(payment.isPartial());
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Pacs004Encoder().encode(payment, out);
        ProwideOracle.Reading<MxPacs00400109> reading = ProwideOracle.read(out, MxPacs00400109.class);
        ProwideOracle.assertAppHdr(
                payment.header, Pacs004Encoder.TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE, reading.mx(), reading.xml());
        PaymentTransaction112 tx = reading.mx().getPmtRtr().getTxInf().get(0);
        PaymentSamples.assertOriginal(payment.original, tx);
        assertAll(
                reading.xml(),
                () -> assertEquals(
                        "VHBK-RTR-20261124-01",
                        reading.mx().getPmtRtr().getGrpHdr().getMsgId()),
                () -> assertEquals("1", reading.mx().getPmtRtr().getGrpHdr().getNbOfTxs()),
                () -> assertEquals("VHBK-RTR-0001", tx.getRtrId()),
                () -> assertAmount(250_000_00L, 2, tx.getRtrdIntrBkSttlmAmt().getValue()),
                () -> assertEquals("CNY", tx.getRtrdIntrBkSttlmAmt().getCcy()),
                () -> assertDate(payment.settlementDateEpochDay, tx.getIntrBkSttlmDt()),
                () -> assertEquals("SHAR", tx.getChrgBr().value()),
                () -> assertEquals(
                        "VHBKHKHHXXX", tx.getInstgAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(
                        "PRBKCNGZXXX", tx.getInstdAgt().getFinInstnId().getBICFI()),
                () -> assertEquals("AM09", tx.getRtrRsnInf().get(0).getRsn().getCd()),
                () -> assertEquals(
                        payment.additionalInfo.toString(),
                        String.join("", tx.getRtrRsnInf().get(0).getAddtlInf())));
    }

    @Test
    void fullReturnIsNotPartial() {
        Pacs004Return payment = partialReturn();
        payment.returnedAmountMinor = payment.original.amountMinor;
        assertFalse(payment.isPartial());
    }

    @Test
    void refusesToReturnMoreThanWasPaid() {
        Pacs004Return payment = partialReturn();
        payment.returnedAmountMinor = payment.original.amountMinor + 1;
        assertThrows(IllegalArgumentException.class, () -> new Pacs004Encoder().encode(payment, new Utf8XmlWriter(64)));
    }
}
