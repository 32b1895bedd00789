package io.kapok.gateway.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enforces {@code gateway.connectionsMax}: a connection over the limit is closed at once, before
 * anything is read from it. Shared by all connections; thread-safe.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int connectionsMax;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    ConnectionLimiter(int connectionsMax) {
        this.connectionsMax = connectionsMax;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() > connectionsMax) {
            refused.incrementAndGet();
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        super.channelInactive(ctx);
    }

    int refusedCount() {
        return refused.get();
    }
}
