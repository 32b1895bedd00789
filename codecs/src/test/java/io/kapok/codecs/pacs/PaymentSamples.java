package io.kapok.codecs.pacs;

import static io.kapok.codecs.ProwideOracle.assertAmount;
import static io.kapok.codecs.ProwideOracle.assertDate;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupInformation29;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.MessageHeader;
import java.time.Instant;
import java.time.LocalDate;

/** The demo world's recalled and returned payment, and field-by-field checks of what Prowide read. */
public final class PaymentSamples {
    private PaymentSamples() {}

    public static void header(MessageHeader header, String from, String to, String messageId) {
        header.from.bic(from);
        header.to.bic(to);
        header.messageId.set(messageId);
        header.creationTimeMs = Instant.parse("2026-11-24T03:15:42.007Z").toEpochMilli();
    }

    public static void original(OriginalPayment original) {
        original.messageId.set("PRBK-20261123-0001");
        original.instructionId.set("PRBK-INSTR-0001");
        original.endToEndId.set("CAG-INV-2026-0815");
        original.uetr.set("8a562c67-ca16-48ba-b074-65581be6f001");
        original.amountMinor = 1_250_000_00L;
        original.currency = Iso4217.pack("CNY");
        original.settlementDateEpochDay = LocalDate.of(2026, 11, 23).toEpochDay();
    }

    /**
     * The original payment's identifiers, amount and date in a PaymentTransaction112 (pacs.004), 106
     * (camt.056) or 102 (camt.029), which name them alike: read through their getters by name.
     */
    public static void assertOriginal(OriginalPayment expected, Object transaction) {
        OriginalGroupInformation29 group = (OriginalGroupInformation29) get(transaction, "OrgnlGrpInf");
        ActiveOrHistoricCurrencyAndAmount amount =
                (ActiveOrHistoricCurrencyAndAmount) get(transaction, "OrgnlIntrBkSttlmAmt");
        assertAll(
                () -> assertEquals(expected.messageId.toString(), group.getOrgnlMsgId()),
                () -> assertEquals("pacs.008.001.08", group.getOrgnlMsgNmId()),
                () -> assertEquals(expected.instructionId.toString(), get(transaction, "OrgnlInstrId")),
                () -> assertEquals(expected.endToEndId.toString(), get(transaction, "OrgnlEndToEndId")),
                () -> assertEquals(
                        expected.transactionId.length() == 0 ? null : expected.transactionId.toString(),
                        get(transaction, "OrgnlTxId")),
                () -> assertEquals(expected.uetr.toString(), get(transaction, "OrgnlUETR")),
                () -> assertAmount(expected.amountMinor, Iso4217.minorUnits(expected.currency), amount.getValue()),
                () -> assertEquals(Iso4217.unpack(expected.currency), amount.getCcy()),
                () -> assertDate(expected.settlementDateEpochDay, (LocalDate) get(transaction, "OrgnlIntrBkSttlmDt")));
    }

    private static Object get(Object bean, String name) {
        try {
            return bean.getClass().getMethod("get" + name).invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(bean.getClass().getSimpleName() + " has no " + name, e);
        }
    }
}
