package io.kapok.gateway.http;

import io.kapok.gateway.config.GatewayConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty HTTP server, HTTP/1.1 and HTTP/2 (cleartext, prior knowledge) on the same port: one
 * acceptor thread and {@code gateway.eventLoopThreads} event loops (native epoll where available,
 * NIO elsewhere). A connection's first bytes choose its pipeline ({@link Http2PrefaceSniffer}):
 *
 * <pre>
 *  HTTP/1.1: ConnectionLimiter -> IdleStateHandler -> HttpServerCodec
 *              -> HttpServerExpectContinueHandler -> BodyLimitAggregator -> GatewayHttpHandler
 *  HTTP/2:   ConnectionLimiter -> IdleStateHandler -> Http2FrameCodec -> Http2MultiplexHandler
 *              -> each stream: Http2StreamFrameToHttpObjectCodec -> HttpServerExpectContinueHandler
 *                 -> BodyLimitAggregator -> GatewayHttpHandler
 * </pre>
 *
 * Over HTTP/2 each request is its own stream, answered as soon as it is decided; the limit of
 * requests in flight per connection ({@code gateway.pipelinedRequestsMax}) is the connection's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS}. An HTTP/1.1 {@code Upgrade: h2c} header is ignored: the
 * request is served over HTTP/1.1 (clients that want HTTP/2 on cleartext use prior knowledge, as
 * {@code curl --http2-prior-knowledge} and {@code h2load} do).
 */
public final class KapokHttpServer implements AutoCloseable {
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel serverChannel;

    private KapokHttpServer(EventLoopGroup boss, EventLoopGroup workers, Channel serverChannel) {
        this.boss = boss;
        this.workers = workers;
        this.serverChannel = serverChannel;
    }

    /**
     * The {@code gateway.eventLoopThreads} event loops connections are served on (native epoll where
     * available, NIO elsewhere), made before the server so that the sequencer can run on the first
     * ({@code sequencer.runsOn: event-loop}). Shut down by {@link #close()} once the server runs on
     * them, else by their maker.
     */
    public static EventLoopGroup newEventLoops(GatewayConfig config) {
        int threads = config.gateway().eventLoopThreads();
        return Epoll.isAvailable()
                ? new EpollEventLoopGroup(threads, new DefaultThreadFactory("kapok-io"))
                : new NioEventLoopGroup(threads, new DefaultThreadFactory("kapok-io"));
    }

    /**
     * Binds and starts serving on {@code workers} (from {@link #newEventLoops}); when it cannot bind,
     * {@code workers} are left running for their maker to shut down.
     *
     * @throws java.net.BindException when the address is in use or not local
     */
    public static KapokHttpServer start(GatewayConfig config, GatewayHttpHandler.Shared shared, EventLoopGroup workers)
            throws Exception {
        GatewayConfig.Gateway g = config.gateway();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup boss = epoll
                ? new EpollEventLoopGroup(1, new DefaultThreadFactory("kapok-accept"))
                : new NioEventLoopGroup(1, new DefaultThreadFactory("kapok-accept"));
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ConnectionLimiter limiter = new ConnectionLimiter(g.connectionsMax());
        int bodyMax = config.limits().bodySizeBytesMax();
        Http2PrefaceSniffer.PipelineChoice pipelines = new Pipelines(shared, bodyMax, g.pipelinedRequestsMax());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ChannelPipeline p = ch.pipeline();
                            p.addLast(limiter);
                            p.addLast(new IdleStateHandler(0, 0, g.idleTimeoutSeconds(), TimeUnit.SECONDS));
                            p.addLast(new Http2PrefaceSniffer(pipelines));
                        }
                    });
            Channel channel = bootstrap
                    .bind(new InetSocketAddress(g.bindAddress(), g.port()))
                    .sync()
                    .channel();
            return new KapokHttpServer(boss, workers, channel);
        } catch (Exception e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Adds the HTTP/1.1 or the HTTP/2 handlers of a new connection. */
    private static final class Pipelines implements Http2PrefaceSniffer.PipelineChoice {
        private static final int HEADER_LIST_SIZE_MAX_BYTES = 8192;

        private final GatewayHttpHandler.Shared shared;
        private final int bodyMaxBytes;
        private final int streamsMax;

        Pipelines(GatewayHttpHandler.Shared shared, int bodyMaxBytes, int streamsMax) {
            this.shared = shared;
            this.bodyMaxBytes = bodyMaxBytes;
            this.streamsMax = streamsMax;
        }

        @Override
        public void http1(ChannelHandlerContext sniffer) {
            ChannelPipeline p = sniffer.pipeline();
            p.addLast(new HttpServerCodec(4096, HEADER_LIST_SIZE_MAX_BYTES, 8192));
            p.addLast(new HttpServerExpectContinueHandler());
            p.addLast(new BodyLimitAggregator(bodyMaxBytes));
            p.addLast(new GatewayHttpHandler(shared));
        }

        @Override
        public void http2(ChannelHandlerContext sniffer) {
            ChannelPipeline p = sniffer.pipeline();
            p.addLast(Http2FrameCodecBuilder.forServer()
                    .initialSettings(Http2Settings.defaultSettings()
                            .maxConcurrentStreams(streamsMax)
                            .maxHeaderListSize(HEADER_LIST_SIZE_MAX_BYTES))
                    .build());
            p.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                @Override
                protected void initChannel(Http2StreamChannel stream) {
                    ChannelPipeline sp = stream.pipeline();
                    sp.addLast(new Http2StreamFrameToHttpObjectCodec(true));
                    sp.addLast(new HttpServerExpectContinueHandler());
                    sp.addLast(new BodyLimitAggregator(bodyMaxBytes));
                    sp.addLast(new GatewayHttpHandler(shared));
                }
            }));
            p.addLast(Http2ConnectionCloser.INSTANCE);
        }
    }

    /**
     * The end of an HTTP/2 connection's pipeline: closes it (with GOAWAY) when it has been idle for
     * {@code gateway.idleTimeoutSeconds}, or on a connection-level error.
     */
    @ChannelHandler.Sharable
    private static final class Http2ConnectionCloser extends ChannelInboundHandlerAdapter {
        static final Http2ConnectionCloser INSTANCE = new Http2ConnectionCloser();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            } else {
                super.userEventTriggered(ctx, evt);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting new connections; open ones keep being served. */
    public void stopAccepting() {
        serverChannel.close().syncUninterruptibly();
    }

    /** Stops accepting, lets in-flight answers go out, then stops the event loops. */
    @Override
    public void close() {
        stopAccepting();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
