package io.kapok.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * Tells HTTP/2 with prior knowledge from HTTP/1.1 by a connection's first bytes, then replaces
 * itself with the matching pipeline. An HTTP/2 client opens with the fixed 24-byte preface
 * {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}; no HTTP/1.1 request line starts with {@code PRI}, so
 * most connections are decided by their first byte, and every byte read so far goes on to the
 * chosen pipeline. Runs once per connection, never per request.
 */
final class Http2PrefaceSniffer extends ByteToMessageDecoder {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();
    private static final int PREFACE_LENGTH_BYTES = PREFACE.readableBytes();

    /** Adds the pipeline of one protocol after the sniffer. */
    interface PipelineChoice {
        void http1(ChannelHandlerContext sniffer);

        void http2(ChannelHandlerContext sniffer);
    }

    private final PipelineChoice choice;

    Http2PrefaceSniffer(PipelineChoice choice) {
        this.choice = choice;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int seen = Math.min(in.readableBytes(), PREFACE_LENGTH_BYTES);
        if (!ByteBufUtil.equals(in, in.readerIndex(), PREFACE, PREFACE.readerIndex(), seen)) {
            choice.http1(ctx);
            ctx.pipeline().remove(this); // hands the bytes read so far to the HTTP/1.1 codec
        } else if (seen == PREFACE_LENGTH_BYTES) {
            choice.http2(ctx);
            ctx.pipeline().remove(this); // the HTTP/2 codec reads the preface itself
        }
        // else: a prefix of the preface so far; wait for more bytes
    }
}
