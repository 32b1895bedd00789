package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kapok.codecs.RejectCode;
import io.kapok.ledger.LedgerRejection;
import org.junit.jupiter.api.Test;

class LedgerRejectionsTest {
    @Test
    void everyAnswerCarriesTheLedgersOwnIsoCode() {
        for (LedgerRejection r : LedgerRejection.values()) {
            assertEquals(r.isoCode(), LedgerRejections.reasonCode(r), r.name());
            assertFalse(LedgerRejections.meaning(r).isBlank(), r.name());
        }
        assertEquals("AM04", LedgerRejections.reasonCode(LedgerRejection.INSUFFICIENT_FUNDS));
        assertEquals("CA03", LedgerRejections.reasonCode(LedgerRejection.ALREADY_FINANCED));
    }

    @Test
    void paymentRefusalsMapToARejectCodeWithTheSameIsoCodeAndOthersToNone() {
        for (LedgerRejection r : LedgerRejection.values()) {
            RejectCode code = LedgerRejections.toRejectCode(r);
            if (r.number() < 200) {
                assertNotNull(code, r.name());
                assertEquals(r.isoCode(), code.isoCode(), r.name());
                assertEquals(code.meaning(), LedgerRejections.meaning(r));
            } else {
                assertNull(code, r.name());
            }
        }
        assertEquals(
                "refused by the ledger: receivable state forbids",
                LedgerRejections.meaning(LedgerRejection.RECEIVABLE_STATE_FORBIDS));
    }
}
