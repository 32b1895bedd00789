package io.kapok.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * The load generator's HTTP/1.1 response reader: for each complete response in the bytes received,
 * hands its status code and its body (a slice of the received bytes, valid during the call) to an
 * {@link Answers}, with nothing allocated per response. Responses are framed by
 * {@code Content-Length}, which both the gateway and its echo endpoint always send; a response
 * without one, or whose head exceeds {@value #HEAD_BYTES_MAX} bytes, is a protocol error that
 * closes the connection (its requests then count as unanswered).
 *
 * <p>Why not Netty's {@code HttpResponseDecoder} and {@code HttpObjectAggregator}: they build a
 * header map and a composite buffer per response, which made reading answers the generator's
 * largest cost in Java after the system calls, and the generator must cost less than what it
 * measures.
 */
final class HttpAnswerDecoder extends ByteToMessageDecoder {
    /** The longest status line and headers accepted, in bytes. */
    static final int HEAD_BYTES_MAX = 8192;

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Receives each response, on the connection's event loop. */
    interface Answers {
        /** @param body the response body, readable from its reader index to its writer index, during the call only */
        void answer(int status, ByteBuf body);
    }

    private final Answers answers;

    HttpAnswerDecoder(Answers answers) {
        this.answers = answers;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            int headEnd = headEnd(in, start);
            if (headEnd < 0) {
                if (in.readableBytes() > HEAD_BYTES_MAX) {
                    throw new DecoderException("an HTTP response head longer than " + HEAD_BYTES_MAX + " bytes");
                }
                return; // the head is not all here yet
            }
            int status = status(in, start, headEnd);
            long length = contentLength(in, start, headEnd);
            int bodyStart = headEnd + 4;
            if (in.writerIndex() - bodyStart < length) {
                return; // the body is not all here yet
            }
            answers.answer(status, in.slice(bodyStart, (int) length));
            in.readerIndex(bodyStart + (int) length);
        }
    }

    /** Index of the {@code \r\n\r\n} that ends the head starting at {@code start}, or -1. */
    private static int headEnd(ByteBuf in, int start) {
        int end = Math.min(in.writerIndex(), start + HEAD_BYTES_MAX) - 3;
        for (int i = start; i < end; i++) {
            if (in.getByte(i) == '\r'
                    && in.getByte(i + 1) == '\n'
                    && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The three digits after {@code HTTP/1.x } in the head {@code [start, headEnd)}. */
    private static int status(ByteBuf in, int start, int headEnd) {
        if (headEnd - start < 12 || in.getByte(start) != 'H' || in.getByte(start + 8) != ' ') {
            throw new DecoderException("not an HTTP/1.1 response: "
                    + in.toString(
                            start, Math.min(16, in.writerIndex() - start), java.nio.charset.StandardCharsets.US_ASCII));
        }
        int status = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new DecoderException("an HTTP response without a three-digit status");
            }
            status = status * 10 + digit;
        }
        return status;
    }

    /** The value of the {@code Content-Length} header (any case) in {@code [start, headEnd)}. */
    private static long contentLength(ByteBuf in, int start, int headEnd) {
        int line = start;
        while (line < headEnd) {
            int lineEnd = in.indexOf(line, headEnd + 2, (byte) '\n');
            if (lineEnd < 0) {
                break;
            }
            if (lineEnd - line > CONTENT_LENGTH.length && startsWithIgnoringCase(in, line, CONTENT_LENGTH)) {
                long value = 0;
                int digits = 0;
                for (int i = line + CONTENT_LENGTH.length; i < lineEnd; i++) {
                    byte b = in.getByte(i);
                    if (b >= '0' && b <= '9') {
                        value = value * 10 + (b - '0');
                        if (++digits > 9) {
                            break;
                        }
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        digits = -1;
                        break;
                    }
                }
                if (digits > 0 && digits <= 9) {
                    return value;
                }
                throw new DecoderException("an HTTP response with an unreadable Content-Length");
            }
            line = lineEnd + 1;
        }
        throw new DecoderException("an HTTP response without Content-Length (chunked answers are not read)");
    }

    private static boolean startsWithIgnoringCase(ByteBuf in, int at, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            int b = in.getByte(at + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }
}
