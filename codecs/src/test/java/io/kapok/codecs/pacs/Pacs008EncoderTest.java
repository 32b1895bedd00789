package io.kapok.codecs.pacs;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction39;
import com.prowidesoftware.swift.model.mx.dic.FIToFICustomerCreditTransferV08;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.codecs.xml.XmlLimits;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pacs008EncoderTest {
    static Pacs008Transfer transfer(String currency, long amountMinor) {
        Pacs008Transfer transfer = new Pacs008Transfer();
        PaymentSamples.header(transfer.header, "PRBKCNGZXXX", "VHBKHKHHXXX", "PRBK-20261123-0002");
        transfer.instructionId.set("PRBK-INSTR-0002");
        transfer.endToEndId.set("CAG-INV-2026-0815");
        transfer.uetr.set("3f1d2c67-ca16-48ba-b074-65581be6f002");
        transfer.amountMinor = amountMinor;
        transfer.currency = Iso4217.pack(currency);
        transfer.settlementDateEpochDay = LocalDate.of(2026, 11, 24).toEpochDay();
        transfer.instructingAgentBic.set("PRBKCNGZXXX");
        transfer.instructedAgentBic.set("VHBKHKHHXXX");
        transfer.debtor.uscc("91440101MA9KAPK001").name.set("广州汽车集团 Canton Auto Group & <Co>");
        transfer.debtorAgentBic.set("PRBKCNGZXXX");
        transfer.creditorAgentBic.set("VHBKHKHHXXX");
        transfer.creditor.name.set("Kowloon Components 'Ltd' \"HK\"");
        transfer.remittance.set("Invoice CAG-INV-2026-0815 货款");
        return transfer;
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "HKD", "MOP", "USD", "JPY"})
    void prowideReadsTheTransferAndKapoksDecoderAcceptsIt(String currency) {
        Pacs008Transfer transfer = transfer(currency, 187_500_000L);
        Utf8XmlWriter out = new Utf8XmlWriter(256);
        new Pacs008Encoder().encode(transfer, out);
        ProwideOracle.Reading<MxPacs00800108> reading = ProwideOracle.read(out, MxPacs00800108.class);
        ProwideOracle.assertAppHdr(
                transfer.header, Pacs008Encoder.TYPE, AppHdrWriter.CBPR_BUSINESS_SERVICE, reading.mx(), reading.xml());
        FIToFICustomerCreditTransferV08 doc = reading.mx().getFIToFICstmrCdtTrf();
        CreditTransferTransaction39 tx = doc.getCdtTrfTxInf().get(0);
        int minorUnits = Iso4217.minorUnits(transfer.currency);
        assertAll(
                reading.xml(),
                () -> assertEquals("PRBK-20261123-0002", doc.getGrpHdr().getMsgId()),
                () -> ProwideOracle.assertInstant(
                        transfer.header.creationTimeMs, doc.getGrpHdr().getCreDtTm()),
                () -> assertEquals("1", doc.getGrpHdr().getNbOfTxs()),
                () -> assertEquals(
                        "INDA", doc.getGrpHdr().getSttlmInf().getSttlmMtd().value()),
                () -> assertEquals("PRBK-INSTR-0002", tx.getPmtId().getInstrId()),
                () -> assertEquals("CAG-INV-2026-0815", tx.getPmtId().getEndToEndId()),
                () -> assertNull(tx.getPmtId().getTxId()),
                () -> assertEquals(transfer.uetr.toString(), tx.getPmtId().getUETR()),
                () -> assertAmount(
                        187_500_000L, minorUnits, tx.getIntrBkSttlmAmt().getValue()),
                () -> assertEquals(currency, tx.getIntrBkSttlmAmt().getCcy()),
                () -> assertDate(transfer.settlementDateEpochDay, tx.getIntrBkSttlmDt()),
                () -> assertEquals("SHAR", tx.getChrgBr().value()),
                () -> assertEquals(
                        "PRBKCNGZXXX", tx.getInstgAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(
                        "VHBKHKHHXXX", tx.getInstdAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(transfer.debtor.name.toString(), tx.getDbtr().getNm()),
                () -> ProwideOracle.assertOrganisation(
                        transfer.debtor, tx.getDbtr().getId().getOrgId()),
                () -> assertEquals(
                        "PRBKCNGZXXX", tx.getDbtrAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(
                        "VHBKHKHHXXX", tx.getCdtrAgt().getFinInstnId().getBICFI()),
                () -> assertEquals(
                        transfer.creditor.name.toString(), tx.getCdtr().getNm()),
                () -> assertNull(tx.getCdtr().getId()),
                () -> assertEquals(
                        transfer.remittance.toString(),
                        tx.getRmtInf().getUstrd().get(0)));

        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        assertTrue(
                new Pacs008Decoder(XmlLimits.DEFAULTS).decode(out.buffer(), 0, out.length(), view, verdict),
                () -> verdict + "\n" + reading.xml());
        assertAll(
                () -> assertEquals(transfer.amountMinor, view.amountMinor()),
                () -> assertEquals(transfer.currency, view.currency()),
                () -> assertEquals(transfer.uetr.toString(), view.uetr().toString()),
                () -> assertEquals(
                        transfer.debtor.name.toString(), view.debtorName().toString()),
                () -> assertEquals("PRBKCNGZXXX", view.fromBic().toString()));
    }

    @Test
    void relayedTransferKeepsTheInstructingBankAsSender() {
        Pacs008Transfer transfer = transfer("HKD", 1L);
        transfer.transactionId.set("PRBK-TX-0002");
        Utf8XmlWriter out = new Utf8XmlWriter(64);
        new Pacs008Encoder().encode(transfer, out);
        MxPacs00800108 mx = ProwideOracle.read(out, MxPacs00800108.class).mx();
        assertEquals(
                "PRBK-TX-0002",
                mx.getFIToFICstmrCdtTrf().getCdtTrfTxInf().get(0).getPmtId().getTxId());
        assertEquals("PRBKCNGZXXX", mx.getAppHdr().from());
        assertEquals("VHBKHKHHXXX", mx.getAppHdr().to());
    }
}
