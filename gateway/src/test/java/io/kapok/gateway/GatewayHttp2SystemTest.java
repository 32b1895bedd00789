package io.kapok.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same gateway port speaks HTTP/2 (cleartext, prior knowledge) beside HTTP/1.1: a real Netty
 * HTTP/2 client sends payments as concurrent streams on one connection and reads the ops API.
 */
@Timeout(60)
class GatewayHttp2SystemTest {
    @TempDir
    Path dataDir;

    private Gateway gateway;
    private EventLoopGroup clientLoop;
    private Channel connection;

    @BeforeEach
    void start() throws Exception {
        gateway = Gateway.start(TestConfigs.defaults(dataDir));
        clientLoop = new NioEventLoopGroup(1);
        connection = new Bootstrap()
                .group(clientLoop)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(Http2FrameCodecBuilder.forClient().build())
                                .addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                })
                .connect(new InetSocketAddress("127.0.0.1", gateway.port()))
                .sync()
                .channel();
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close().syncUninterruptibly();
        }
        if (clientLoop != null) {
            clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Status, content type and body of one answer. */
    private record Answer(int status, String contentType, String body) {}

    /** Opens a stream on the connection, sends the request on it, and completes with the answer. */
    private CompletableFuture<Answer> exchange(HttpMethod method, String path, String body) throws Exception {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection)
                .handler(new ChannelInitializer<Http2StreamChannel>() {
                    @Override
                    protected void initChannel(Http2StreamChannel ch) {
                        ch.pipeline()
                                .addLast(new Http2StreamFrameToHttpObjectCodec(false))
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                        answer.complete(new Answer(
                                                r.status().code(),
                                                r.headers().get(HttpHeaderNames.CONTENT_TYPE),
                                                r.content().toString(StandardCharsets.UTF_8)));
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        answer.completeExceptionally(cause);
                                    }
                                });
                    }
                })
                .open()
                .sync()
                .getNow();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        FullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, Unpooled.wrappedBuffer(bytes));
        request.headers().set(HttpHeaderNames.HOST, "127.0.0.1:" + gateway.port());
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (body != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/xml");
        }
        stream.writeAndFlush(request);
        return answer;
    }

    @Test
    void payments_sent_as_concurrent_streams_on_one_connection_are_each_answered_and_settled() throws Exception {
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(exchange(HttpMethod.POST, "/v1/messages", TestMessages.payment("H2-" + i, "10.00")));
        }
        for (CompletableFuture<Answer> f : answers) {
            Answer a = f.get(30, TimeUnit.SECONDS);
            assertEquals(200, a.status(), a.body());
            assertTrue(a.contentType().startsWith("application/xml"), a.contentType());
            assertTrue(a.body().contains("<TxSts>ACSC</TxSts>"), a.body());
        }
        Answer accounts = exchange(HttpMethod.GET, "/v1/ledger/accounts/PRBKCNGZXXX", null)
                .get(30, TimeUnit.SECONDS);
        assertEquals(200, accounts.status());
        // 50,000,000.00 at the start, 20 payments of 10.00 out
        assertTrue(accounts.body().contains("\"balanceMinor\": 4999980000"), accounts.body());
    }

    @Test
    void a_bad_message_over_http2_gets_its_iso_reject_and_the_connection_stays_usable() throws Exception {
        Answer reject =
                exchange(HttpMethod.POST, "/v1/messages", "<Document><oops").get(30, TimeUnit.SECONDS);
        assertEquals(400, reject.status(), reject.body());
        assertTrue(reject.body().contains("admi.002.001.01"), reject.body());
        Answer health = exchange(HttpMethod.GET, "/v1/health", null).get(30, TimeUnit.SECONDS);
        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"status\": \"UP\""), health.body());
        assertTrue(connection.isActive());
    }

    @Test
    void http1_clients_on_the_same_port_are_served_as_before() throws Exception {
        HttpClient http1 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> health = http1.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, health.version());
        // A client asking to upgrade (h2c) is answered over HTTP/1.1: the header is ignored.
        HttpClient upgrading =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> viaUpgrade = upgrading.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/health"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, viaUpgrade.statusCode());
        assertEquals(HttpClient.Version.HTTP_1_1, viaUpgrade.version());
    }
}
