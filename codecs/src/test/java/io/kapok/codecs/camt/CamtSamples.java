package io.kapok.codecs.camt;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.prowidesoftware.swift.model.mx.dic.AmountAndCurrencyExchange3;
import com.prowidesoftware.swift.model.mx.dic.CashAccount39;
import com.prowidesoftware.swift.model.mx.dic.CurrencyExchange5;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.TransactionReferences6;
import io.kapok.codecs.ProwideOracle;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.MessageHeader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The demo world's accounts and postings, and field-by-field comparison with what Prowide read. */
final class CamtSamples {
    static final long BOOKING_DAY = LocalDate.of(2026, 11, 23).toEpochDay();

    private CamtSamples() {}

    static void header(MessageHeader header, String messageId) {
        header.from.bic("KAPKCNGZXXX");
        header.to.uscc("91440604MA9KAPK002").name.set("佛山精密零件 & <Foshan> \"Precision\" 'Parts'");
        header.messageId.set(messageId);
        header.creationTimeMs = Instant.parse("2026-11-23T15:59:59.999Z").toEpochMilli();
    }

    static void account(CashAccount account, String currency) {
        account.id.set("KAPK-" + currency + "-91440604MA9KAPK002");
        account.currency = Iso4217.pack(currency);
        account.owner.uscc("91440604MA9KAPK002").name.set("佛山精密零件有限公司");
        account.servicerBic.set("KAPKCNGZXXX");
    }

    /** A credit from a pacs.008 (RCDT) or a debit to one (ICDT), with its references. */
    static void entry(CashEntry entry, int index, long amountMinor, boolean credit) {
        entry.clear();
        entry.entryReference.set("KAPK-NTRY-" + index);
        entry.amountMinor = amountMinor;
        entry.credit = credit;
        entry.bookingDateEpochDay = BOOKING_DAY;
        entry.valueDateEpochDay = BOOKING_DAY;
        entry.accountServicerReference.set("JRNL-" + (1000 + index));
        entry.family = credit ? "RCDT" : "ICDT";
        entry.subFamily = "XBCT";
        entry.messageId.set("PRBK-20261123-" + index);
        entry.endToEndId.set("CAG-INV-2026-0815 & <" + index + ">");
        entry.uetr.set("8a562c67-ca16-48ba-b074-65581be6f" + String.format("%03d", index));
        if (index % 2 == 0) {
            entry.instructionId.set("PRBK-INSTR-" + index);
            entry.remittance.set("货款 Invoice CAG-INV-2026-0815 'advance' \"90%\"");
        }
    }

    static void assertAccount(CashAccount expected, CashAccount39 actual) {
        assertAll(
                () -> assertEquals(
                        expected.id.toString(), actual.getId().getOthr().getId()),
                () -> assertEquals(Iso4217.unpack(expected.currency), actual.getCcy()),
                () -> assertEquals(
                        expected.owner.name.toString(), actual.getOwnr().getNm()),
                () -> ProwideOracle.assertOrganisation(
                        expected.owner, actual.getOwnr().getId().getOrgId()),
                () -> assertEquals(
                        expected.servicerBic.toString(),
                        actual.getSvcr().getFinInstnId().getBICFI()));
    }

    static void assertEntry(CashEntry expected, int currency, ReportEntry10 actual) {
        int minorUnits = Iso4217.minorUnits(currency);
        EntryTransaction10 tx = actual.getNtryDtls().get(0).getTxDtls().get(0);
        TransactionReferences6 refs = tx.getRefs();
        assertAll(
                expected.entryReference.toString(),
                () -> assertEquals(expected.entryReference.toString(), actual.getNtryRef()),
                () -> assertAmount(
                        expected.amountMinor, minorUnits, actual.getAmt().getValue()),
                () -> assertEquals(Iso4217.unpack(currency), actual.getAmt().getCcy()),
                () -> assertEquals(
                        expected.credit ? "CRDT" : "DBIT", actual.getCdtDbtInd().value()),
                () -> assertEquals("BOOK", actual.getSts().getCd()),
                () -> assertDate(
                        expected.bookingDateEpochDay, actual.getBookgDt().getDt()),
                () -> assertDate(expected.valueDateEpochDay, actual.getValDt().getDt()),
                () -> assertEquals(expected.accountServicerReference.toString(), actual.getAcctSvcrRef()),
                () -> assertEquals("PMNT", actual.getBkTxCd().getDomn().getCd()),
                () -> assertEquals(
                        expected.family, actual.getBkTxCd().getDomn().getFmly().getCd()),
                () -> assertEquals(
                        expected.subFamily,
                        actual.getBkTxCd().getDomn().getFmly().getSubFmlyCd()),
                () -> assertEquals(expected.messageId.toString(), refs.getMsgId()),
                () -> assertEquals(optional(expected.instructionId.toString()), refs.getInstrId()),
                () -> assertEquals(expected.endToEndId.toString(), refs.getEndToEndId()),
                () -> assertEquals(expected.uetr.toString(), refs.getUETR()),
                () -> assertNull(refs.getTxId()),
                () -> assertAmount(expected.amountMinor, minorUnits, tx.getAmt().getValue()),
                () -> assertEquals(
                        expected.credit ? "CRDT" : "DBIT", tx.getCdtDbtInd().value()),
                () -> assertEquals(
                        optional(expected.remittance.toString()),
                        tx.getRmtInf() == null
                                ? null
                                : tx.getRmtInf().getUstrd().get(0)),
                () -> assertAmountDetails(expected, tx.getAmtDtls()));
    }

    /** {@code AmtDtls} as Prowide read it: none without an instructed currency, else every field. */
    static void assertAmountDetails(CashEntry expected, AmountAndCurrencyExchange3 actual) {
        if (expected.instructedCurrency == 0) {
            assertNull(actual);
            return;
        }
        CurrencyExchange5 exchange = actual.getTxAmt().getCcyXchg();
        assertAll(
                () -> assertEquals(
                        Iso4217.unpack(expected.instructedCurrency),
                        actual.getInstdAmt().getAmt().getCcy()),
                () -> assertAmount(
                        expected.instructedAmountMinor,
                        Iso4217.minorUnits(expected.instructedCurrency),
                        actual.getInstdAmt().getAmt().getValue()),
                () -> assertNull(actual.getInstdAmt().getCcyXchg()),
                () -> assertEquals(
                        Iso4217.unpack(expected.transactionCurrency),
                        actual.getTxAmt().getAmt().getCcy()),
                () -> assertAmount(
                        expected.transactionAmountMinor,
                        Iso4217.minorUnits(expected.transactionCurrency),
                        actual.getTxAmt().getAmt().getValue()),
                () -> assertEquals(Iso4217.unpack(expected.sourceCurrency), exchange.getSrcCcy()),
                () -> assertEquals(Iso4217.unpack(expected.targetCurrency), exchange.getTrgtCcy()),
                () -> assertEquals(Iso4217.unpack(expected.unitCurrency), exchange.getUnitCcy()),
                () -> assertEquals(
                        0, BigDecimal.valueOf(expected.exchangeRateScaled, 8).compareTo(exchange.getXchgRate())));
    }

    /**
     * Makes {@code entry} the HKD leg of a payment instructed as HKD 100,000.00 and settled as CNY
     * 91,000.00 at HKD/CNY 0.91 (one HKD buys 0.91 CNY).
     */
    static void converted(CashEntry entry) {
        entry.instructedCurrency = Iso4217.pack("HKD");
        entry.instructedAmountMinor = 100_000_00L;
        entry.transactionCurrency = Iso4217.pack("CNY");
        entry.transactionAmountMinor = 91_000_00L;
        entry.sourceCurrency = Iso4217.pack("HKD");
        entry.targetCurrency = Iso4217.pack("CNY");
        entry.unitCurrency = Iso4217.pack("HKD");
        entry.exchangeRateScaled = 91_000_000L;
    }

    private static String optional(String s) {
        return s.isEmpty() ? null : s;
    }
}
