package io.kapok.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator reads each HTTP/1.1 answer by its Content-Length, however the bytes arrive. */
class HttpAnswerDecoderTest {
    private final List<String> answers = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpAnswerDecoder((status, body) -> answers.add(status + " " + body.toString(StandardCharsets.UTF_8))));

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.UTF_8));
    }

    private static String response(int status, String headers, String body) {
        return "HTTP/1.1 " + status + " X\r\n" + headers + "content-length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void pipelinedAnswersInOneReadAreEachHandedOverInOrder() {
        receive(response(200, "content-type: application/xml\r\n", "<a>ACSC</a>")
                + response(503, "", "<busy/>")
                + response(400, "", ""));

        assertEquals(List.of("200 <a>ACSC</a>", "503 <busy/>", "400 "), answers);
    }

    @Test
    void anAnswerSplitAnywhereIsHandedOverOnceItIsComplete() {
        String whole = response(200, "Content-Type: application/xml; charset=UTF-8\r\n", "<TxSts>ACSC</TxSts>");
        for (int cut = 1; cut < whole.length(); cut++) {
            answers.clear();
            receive(whole.substring(0, cut));
            assertEquals(List.of(), answers, "cut at " + cut);
            receive(whole.substring(cut));
            assertEquals(List.of("200 <TxSts>ACSC</TxSts>"), answers, "cut at " + cut);
        }
    }

    @Test
    void theContentLengthHeaderIsFoundInAnyCase() {
        receive("HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 3\r\n\r\nabc");

        assertEquals(List.of("200 abc"), answers);
    }

    @Test
    void anAnswerWithoutContentLengthIsAProtocolError() {
        assertThrows(
                DecoderException.class, () -> receive("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc"));
        assertEquals(List.of(), answers, "nothing half-read is handed over");
    }

    @Test
    void anEndlessHeadIsAProtocolError() {
        assertThrows(
                DecoderException.class,
                () -> receive("HTTP/1.1 200 OK\r\nx: " + "y".repeat(HttpAnswerDecoder.HEAD_BYTES_MAX)));
    }

    @Test
    void somethingThatIsNotAnHttpAnswerIsAProtocolError() {
        assertThrows(DecoderException.class, () -> receive("SSH-2.0-OpenSSH\r\n\r\n"));
    }
}
