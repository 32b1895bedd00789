package io.kapok.gateway.http;

import io.kapok.gateway.config.GatewayConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
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
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The Netty HTTP/1.1 server: one acceptor thread and {@code gateway.eventLoopThreads} event loops
 * (native epoll where available, NIO elsewhere). Each connection's pipeline:
 *
 * <pre>
 *  ConnectionLimiter -> IdleStateHandler -> HttpServerCodec -> HttpServerExpectContinueHandler
 *    -> BodyLimitAggregator -> GatewayHttpHandler
 * </pre>
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
     * Binds and starts serving.
     *
     * @throws java.net.BindException when the address is in use or not local
     */
    public static KapokHttpServer start(GatewayConfig config, GatewayHttpHandler.Shared shared) throws Exception {
        GatewayConfig.Gateway g = config.gateway();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup boss = epoll
                ? new EpollEventLoopGroup(1, new DefaultThreadFactory("kapok-accept"))
                : new NioEventLoopGroup(1, new DefaultThreadFactory("kapok-accept"));
        EventLoopGroup workers = epoll
                ? new EpollEventLoopGroup(g.eventLoopThreads(), new DefaultThreadFactory("kapok-io"))
                : new NioEventLoopGroup(g.eventLoopThreads(), new DefaultThreadFactory("kapok-io"));
        Class<? extends ServerChannel> channelType =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ConnectionLimiter limiter = new ConnectionLimiter(g.connectionsMax());
        int bodyMax = config.limits().bodySizeBytesMax();
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
                            p.addLast(new HttpServerCodec(4096, 8192, 8192));
                            p.addLast(new HttpServerExpectContinueHandler());
                            p.addLast(new BodyLimitAggregator(bodyMax));
                            p.addLast(new GatewayHttpHandler(shared));
                        }
                    });
            Channel channel = bootstrap
                    .bind(new InetSocketAddress(g.bindAddress(), g.port()))
                    .sync()
                    .channel();
            return new KapokHttpServer(boss, workers, channel);
        } catch (Exception e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
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
