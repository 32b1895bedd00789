package io.kapok.gateway.http;

import io.kapok.codecs.RejectCode;
import io.kapok.codecs.admi.Admi002Encoder;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Aggregates a request body up to {@code limits.bodySizeBytesMax}; a larger body is answered with
 * HTTP 413 and an admi.002 naming the limit; the rest of the body is discarded unread (a keep-alive
 * connection stays open, any other is closed). Nothing of an oversized message reaches the decoder or the journal.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final int bodySizeBytesMax;

    BodyLimitAggregator(int bodySizeBytesMax) {
        super(bodySizeBytesMax);
        this.bodySizeBytesMax = bodySizeBytesMax;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        Utf8XmlWriter writer = new Utf8XmlWriter(1024);
        new Admi002Encoder()
                .encode(
                        null,
                        RejectCode.BODY_TOO_LARGE.isoCode(),
                        null,
                        "body exceeds limits.bodySizeBytesMax of " + bodySizeBytesMax + " bytes",
                        System.currentTimeMillis(),
                        writer);
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(writer.toByteArray()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/xml; charset=UTF-8");
        response.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        // Closing at once while the client is still sending its body makes the kernel reset the
        // connection, and the client may lose the 413 before reading it. On a keep-alive request
        // the aggregator discards the rest of the body and the connection stays usable; otherwise
        // (or when the whole message is already here) the connection is closed after the answer.
        boolean keepOpen = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
        if (keepOpen) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
