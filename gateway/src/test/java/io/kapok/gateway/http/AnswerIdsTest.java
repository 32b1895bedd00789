package io.kapok.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kapok.codecs.xml.TextBuffer;
import org.junit.jupiter.api.Test;

class AnswerIdsTest {
    @Test
    void aJournaledAnswerIsNamedByItsEntryInSixteenDigits() {
        AnswerIds ids = new AnswerIds(1_795_400_000_123L);
        TextBuffer out = new TextBuffer();
        ids.journaled(out, 42);
        assertEquals("KPK0000000000000042", out.toString());
        ids.journaled(out, 9_876_543_210_123_456L);
        assertEquals("KPK9876543210123456", out.toString());
    }

    @Test
    void unjournaledAnswersCountFromTheStartTime() {
        AnswerIds ids = new AnswerIds(1_795_400_000_123L);
        TextBuffer out = new TextBuffer();
        ids.unjournaled(out);
        assertEquals("KPKR1795400000123-000000000001", out.toString());
        ids.unjournaled(out);
        assertEquals("KPKR1795400000123-000000000002", out.toString());
    }
}
