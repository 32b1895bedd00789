package io.kapok.gateway.fx;

import io.kapok.gateway.Gateway;
import io.kapok.gateway.config.GatewayConfig;
import quickfix.ConfigError;

/**
 * The FX side of a running gateway, as {@code ./kapok run} starts it when {@code fx.enabled}: the
 * bundled rate simulator first (when {@code fx.simulator.enabled}), then the feed, connected to
 * {@code fx.host}:{@code fx.port} (or to the simulator, wherever it listens, when {@code fx.port} is
 * 0) and publishing into the gateway's ring; the gateway's {@code /v1/health} then reports the feed.
 * {@link #close} stops both, the feed first; the gateway goes on without new rates.
 */
public final class FxService implements AutoCloseable {
    private final Gateway gateway;
    private final FixRateSimulator simulator;
    private final FixRateFeed feed;

    private FxService(Gateway gateway, FixRateSimulator simulator, FixRateFeed feed) {
        this.gateway = gateway;
        this.simulator = simulator;
        this.feed = feed;
    }

    /**
     * Starts the simulator (if configured) and the feed for {@code gateway}; returns once both are
     * started (the feed logs on in the background).
     *
     * @throws ConfigError when QuickFIX/J refuses the session settings or cannot listen
     */
    public static FxService start(GatewayConfig config, Gateway gateway) throws ConfigError {
        GatewayConfig.Fx fx = config.fxOrDefault();
        FixRateSimulator simulator = fx.simulator().enabled() ? new FixRateSimulator(fx).start() : null;
        try {
            int port = fx.port() != 0 ? fx.port() : simulator.port();
            FixRateFeed feed =
                    new FixRateFeed(fx, port, new FxRateInbound(gateway.inbound(), config.journalDigest())).start();
            gateway.sequencer().fxFeed(feed);
            return new FxService(gateway, simulator, feed);
        } catch (ConfigError | RuntimeException e) {
            if (simulator != null) {
                simulator.close();
            }
            throw e;
        }
    }

    /** The feed. */
    public FixRateFeed feed() {
        return feed;
    }

    /** The bundled simulator, or null when the feed connects to another source. */
    public FixRateSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        feed.close();
        gateway.sequencer().fxFeed(null);
        if (simulator != null) {
            simulator.close();
        }
    }
}
