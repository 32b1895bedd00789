package io.kapok.gateway.fx;

import io.kapok.gateway.config.GatewayConfig;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.service.IoAcceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.ApplicationAdapter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FixVersions;
import quickfix.Group;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataRequestReject;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

/**
 * The bundled FX rate source for the demo and the tests: a FIX 4.4 acceptor (QuickFIX/J) that
 * answers a MarketDataRequest with one MarketDataSnapshotFullRefresh per symbol, and, for a
 * subscription (snapshot + updates), sends a MarketDataIncrementalRefresh with every subscribed
 * symbol each {@code fx.simulator.intervalMs}. One entry per symbol, type 6 (settlement price).
 *
 * <p>Quotes are a seeded walk around realistic mid rates ({@link #MID_RATES}: USD/CNY 7.1, USD/HKD
 * 7.8, HKD/CNY 0.91, MOP/HKD 0.97, USD/MOP 8.04), quoted to 5 decimals: each tick moves a rate by
 * -3..+3 pips (0.00001) and a twentieth of the way back to its mid, in integer arithmetic, so the
 * same seed gives the same quotes and no rate strays far. A request naming another symbol is
 * answered with a MarketDataRequestReject (reason 0, unknown symbol). {@link #quote} sends one quote
 * as given, to see how the feed treats a bad tick.
 *
 * <p>Its session is the feed's mirrored: SenderCompID {@code fx.targetCompId}, TargetCompID {@code
 * fx.senderCompId}. Threads: QuickFIX/J's, and one ticker ({@code kapok-fx-sim}).
 */
public final class FixRateSimulator extends ApplicationAdapter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FixRateSimulator.class);

    /** Mid rates × 10^8 the walk stays around, by symbol. */
    public static final Map<String, Long> MID_RATES = midRates();

    /** One pip of a quote: 0.00001, × 10^8. */
    static final long PIP_SCALED = 1_000L;

    private final GatewayConfig.Fx config;
    private final SessionID sessionId;
    private final SplittableRandom random;
    /** The current rate × 10^8 by symbol; written by the ticker, read when answering requests. */
    private final Map<String, Long> rates = new ConcurrentHashMap<>();
    /** Open subscriptions: their MDReqID and symbols, by session. */
    private final Map<SessionID, Subscription> subscriptions = new ConcurrentHashMap<>();

    private SocketAcceptor acceptor;
    private ScheduledExecutorService ticker;
    private int port;

    private record Subscription(String requestId, List<String> symbols) {}

    /** @param config the {@code fx} section: its host, CompIDs and {@code simulator} settings */
    public FixRateSimulator(GatewayConfig.Fx config) {
        this.config = config;
        this.sessionId = new SessionID(FixVersions.BEGINSTRING_FIX44, config.targetCompId(), config.senderCompId());
        this.random = new SplittableRandom(config.simulator().seed());
        rates.putAll(MID_RATES);
    }

    private static Map<String, Long> midRates() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("USD/CNY", 710_000_000L);
        m.put("USD/HKD", 780_000_000L);
        m.put("HKD/CNY", 91_000_000L);
        m.put("MOP/HKD", 97_000_000L);
        m.put("USD/MOP", 804_000_000L);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Starts listening on {@code fx.host}:{@code fx.simulator.port} (0: a free port) and ticking. */
    public FixRateSimulator start() throws ConfigError {
        SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "acceptor");
        settings.setString(sessionId, "SocketAcceptAddress", config.host());
        settings.setLong(sessionId, "SocketAcceptPort", config.simulator().port());
        FixSessions.common(settings, sessionId);
        acceptor = new SocketAcceptor(
                this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
        acceptor.start();
        port = boundPort(acceptor);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kapok-fx-sim");
            t.setDaemon(true);
            return t;
        });
        long interval = config.simulator().intervalMs();
        ticker.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
        return this;
    }

    private static int boundPort(SocketAcceptor acceptor) {
        for (IoAcceptor endpoint : acceptor.getEndpoints()) {
            SocketAddress address = endpoint.getLocalAddress();
            if (address instanceof InetSocketAddress inet) {
                return inet.getPort();
            }
        }
        throw new IllegalStateException("the FIX rate simulator listens nowhere");
    }

    /** The port it listens on (the one chosen when configured 0). */
    public int port() {
        return port;
    }

    /** The current rate of {@code symbol} × 10^8, or null for a symbol it does not quote. */
    public Long rate(String symbol) {
        return rates.get(symbol);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        if (acceptor != null) {
            acceptor.stop();
            acceptor = null;
        }
    }

    /** One step of every rate's walk, then an update to every subscriber. Ticker thread. */
    private void tick() {
        try {
            for (Map.Entry<String, Long> e : MID_RATES.entrySet()) {
                long rate = rates.get(e.getKey());
                long step = (random.nextInt(7) - 3) * PIP_SCALED;
                long back = (e.getValue() - rate) / 20 / PIP_SCALED * PIP_SCALED;
                rates.put(e.getKey(), rate + step + back);
            }
            for (Map.Entry<SessionID, Subscription> s : subscriptions.entrySet()) {
                List<String> prices = new ArrayList<>();
                for (String symbol : s.getValue().symbols()) {
                    prices.add(FxPrices.format(rates.get(symbol)));
                }
                send(s.getKey(), update(s.getValue().requestId(), s.getValue().symbols(), prices));
            }
        } catch (RuntimeException e) {
            LOG.error("FX simulator tick failed", e); // keep ticking: the next one may go through
        }
    }

    /**
     * Sends one quote of {@code symbol} with {@code price} exactly as given (any text) to every
     * subscriber of the symbol, now. For trying out what the feed does with a bad tick.
     *
     * @return how many subscribers it went to
     */
    public int quote(String symbol, String price) {
        int sent = 0;
        for (Map.Entry<SessionID, Subscription> s : subscriptions.entrySet()) {
            if (s.getValue().symbols().contains(symbol)) {
                send(s.getKey(), update(s.getValue().requestId(), List.of(symbol), List.of(price)));
                sent++;
            }
        }
        return sent;
    }

    private static MarketDataIncrementalRefresh update(String requestId, List<String> symbols, List<String> prices) {
        MarketDataIncrementalRefresh x = new MarketDataIncrementalRefresh();
        x.set(new MDReqID(requestId));
        for (int i = 0; i < symbols.size(); i++) {
            MarketDataIncrementalRefresh.NoMDEntries entry = new MarketDataIncrementalRefresh.NoMDEntries();
            entry.set(new MDUpdateAction(MDUpdateAction.CHANGE));
            entry.set(new MDEntryType(FixRateFeed.ENTRY_TYPE));
            entry.set(new Symbol(symbols.get(i)));
            entry.setString(MDEntryPx.FIELD, prices.get(i));
            x.addGroup(entry);
        }
        return x;
    }

    private void send(SessionID session, Message message) {
        try {
            Session.sendToTarget(message, session);
        } catch (SessionNotFound e) {
            subscriptions.remove(session);
        }
    }

    @Override
    public void onLogon(SessionID session) {
        LOG.info("FX simulator: {} logged on", session);
    }

    @Override
    public void onLogout(SessionID session) {
        subscriptions.remove(session);
    }

    @Override
    public void fromApp(Message message, SessionID session) throws FieldNotFound {
        if (!MsgType.MARKET_DATA_REQUEST.equals(message.getHeader().getString(MsgType.FIELD))) {
            return;
        }
        String requestId = message.getString(MDReqID.FIELD);
        char subscription = message.getChar(SubscriptionRequestType.FIELD);
        if (subscription == SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST) {
            subscriptions.remove(session);
            return;
        }
        List<String> symbols = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 1, n = message.getGroupCount(NoRelatedSym.FIELD); i <= n; i++) {
            Group related = message.getGroup(i, NoRelatedSym.FIELD);
            String symbol = related.getString(Symbol.FIELD);
            (MID_RATES.containsKey(symbol) ? symbols : unknown).add(symbol);
        }
        if (!unknown.isEmpty() || symbols.isEmpty()) {
            MarketDataRequestReject reject = new MarketDataRequestReject(new MDReqID(requestId));
            reject.set(new MDReqRejReason(MDReqRejReason.UNKNOWN_SYMBOL));
            reject.set(new Text("no quotes for " + (unknown.isEmpty() ? "no symbol" : unknown) + "; this simulator"
                    + " quotes " + MID_RATES.keySet()));
            send(session, reject);
            return;
        }
        for (String symbol : symbols) {
            MarketDataSnapshotFullRefresh w = new MarketDataSnapshotFullRefresh();
            w.set(new MDReqID(requestId));
            w.set(new Symbol(symbol));
            MarketDataSnapshotFullRefresh.NoMDEntries entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
            entry.set(new MDEntryType(FixRateFeed.ENTRY_TYPE));
            entry.setString(MDEntryPx.FIELD, FxPrices.format(rates.get(symbol)));
            w.addGroup(entry);
            send(session, w);
        }
        if (subscription == SubscriptionRequestType.SNAPSHOT_UPDATES) {
            subscriptions.put(session, new Subscription(requestId, List.copyOf(symbols)));
        }
    }
}
