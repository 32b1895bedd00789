package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the load generator reads of the gateway's health, and what it says when the window grew. */
class PaymentWindowProbeTest {
    @Test
    void readsThePaymentWindowsRoomAndNotAnotherObjectsField() {
        String health = "{\"status\": \"UP\", \"messageWindow\": {\"room\": 7}, \"paymentWindow\": {\"decisions\": 980,"
                + " \"room\": 262144, \"capacity\": 4194304, \"full\": false}}";
        assertEquals(262_144, PaymentWindowProbe.roomIn(health));
        assertEquals(-1, PaymentWindowProbe.roomIn("{\"paymentWindow\": {\"decisions\": 3, \"capacity\": 9}}"));
        assertEquals(-1, PaymentWindowProbe.roomIn("not json"));
    }

    @Test
    void asksTheHostTheUrlNamedIpv6InBracketsOnce() {
        assertEquals(
                "http://127.0.0.1:8080/v1/health",
                PaymentWindowProbe.healthUri("127.0.0.1", 8080).toString());
        assertEquals(
                "http://[::1]:8080/v1/health",
                PaymentWindowProbe.healthUri("[::1]", 8080).toString());
        assertEquals(
                "http://[::1]:8080/v1/health",
                PaymentWindowProbe.healthUri("::1", 8080).toString());
    }

    @Test
    void saysTheWindowGrewOnlyWhenItsRoomChanged() {
        assertEquals("", PaymentWindowProbe.grewNote(262_144, 262_144));
        assertEquals("", PaymentWindowProbe.grewNote(-1, 524_288), "unknown before: nothing to say");
        String note = PaymentWindowProbe.grewNote(262_144, 524_288);
        assertTrue(note.contains("from 262,144 to 524,288 decisions"), note);
    }
}
