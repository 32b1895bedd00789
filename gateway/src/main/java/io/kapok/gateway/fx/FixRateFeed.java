package io.kapok.gateway.fx;

import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.gateway.sequencer.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
import quickfix.SocketInitiator;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataRequest;

/**
 * The FX rate feed: a FIX 4.4 initiator (QuickFIX/J) that logs on to the rate source, subscribes to
 * the configured pairs with one MarketDataRequest (snapshot + updates, top of book, incremental
 * refresh, entry type 6 = settlement price: the rate the platform settles at), and turns every
 * entry of each MarketDataSnapshotFullRefresh (W) and MarketDataIncrementalRefresh (X) into a rate
 * command published into the sequencer's ring ({@link FxRateInbound}): journaled with the FIX
 * message, applied on the ledger thread in order with the payments. Replay sees exactly the rates
 * the live run saw.
 *
 * <p>Each entry's {@code MDEntryPx} is read as text into a rate × 10^8 ({@link FxPrices}, never
 * through {@code double}); its source sequence is the message's {@code MsgSeqNum}. Refused and
 * counted, never applied: a price that is not a positive decimal of at most 8 decimals, a symbol
 * that is not one of the configured pairs, a rate further than {@code fx.bandPercent} from the
 * pair's latest one (checked on the sequencer's thread, {@link FxRateGuard}), a full ring.
 *
 * <p>QuickFIX/J reconnects on its own every {@code fx.reconnectSeconds} while the source is away
 * and the feed subscribes again at each logon (sequence numbers restart at 1 with each logon:
 * nothing is kept between connections, so the message store is in memory). Its session log goes
 * to SLF4J: events under {@code quickfixj.event}, the messages under {@code quickfixj.msg} (warn
 * and above only, by default). Threads: QuickFIX/J's own (one for the session); the counters are
 * read from any thread.
 */
public final class FixRateFeed extends ApplicationAdapter implements FxFeedHealth, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FixRateFeed.class);
    /** MDEntryType the feed subscribes to and applies: 6, settlement price. */
    static final char ENTRY_TYPE = MDEntryType.SETTLEMENT_PRICE;

    private final GatewayConfig.Fx config;
    private final int port;
    private final FxRateInbound inbound;
    private final Map<String, FxPair> pairs = new LinkedHashMap<>();
    private final SessionID sessionId;
    private SocketInitiator initiator;

    private volatile boolean loggedOn;
    private volatile boolean closing;
    private final AtomicLong logons = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong quotesReceived = new AtomicLong();
    private final AtomicLong ratesApplied = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal;
    private final Map<String, Applied> latest = new ConcurrentHashMap<>();

    /** The latest rate of a pair that reached the ledger. */
    private record Applied(long rateScaled, long sourceSequence, long ledgerSequence, long receivedAtMs) {}

    /**
     * @param config  the {@code fx} section (validated)
     * @param port    the rate source's FIX port (the configured one, or the embedded simulator's)
     * @param inbound where rates go: the gateway's ring
     */
    public FixRateFeed(GatewayConfig.Fx config, int port, FxRateInbound inbound) {
        this.config = config;
        this.port = port;
        this.inbound = inbound;
        for (String symbol : config.pairs()) {
            pairs.put(symbol, FxPair.parse(symbol));
        }
        this.sessionId = new SessionID(FixVersions.BEGINSTRING_FIX44, config.senderCompId(), config.targetCompId());
    }

    /** Starts the initiator: it connects (and reconnects) in the background; returns at once. */
    public FixRateFeed start() throws ConfigError {
        SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", config.host());
        settings.setLong(sessionId, "SocketConnectPort", port);
        settings.setLong(sessionId, "HeartBtInt", config.heartbeatSeconds());
        settings.setLong(sessionId, "ReconnectInterval", config.reconnectSeconds());
        FixSessions.common(settings, sessionId);
        initiator = new SocketInitiator(
                this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
        return this;
    }

    /** Logs out (waiting briefly for the source's answer) and stops the initiator's threads. */
    @Override
    public void close() {
        closing = true;
        if (initiator != null) {
            initiator.stop();
            initiator = null;
        }
        loggedOn = false;
    }

    /** True while the FIX session is logged on. */
    public boolean loggedOn() {
        return loggedOn;
    }

    /** Entries received (every W and X entry of the subscribed type), applied or not. */
    public long quotesReceived() {
        return quotesReceived.get();
    }

    /** Rates the ledger applied. */
    public long ratesApplied() {
        return ratesApplied.get();
    }

    /** Entries refused: unreadable price, unknown pair, out of band, full ring, refused by the ledger. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void onLogon(SessionID session) {
        loggedOn = true;
        logons.incrementAndGet();
        LOG.info("FX feed logged on to {}:{} as {}; subscribing to {}", config.host(), port, session, pairs.keySet());
        MarketDataRequest request = new MarketDataRequest(
                new MDReqID(config.senderCompId() + "-FX-" + requests.incrementAndGet()),
                new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES),
                new MarketDepth(1));
        request.set(new MDUpdateType(MDUpdateType.INCREMENTAL_REFRESH));
        MarketDataRequest.NoMDEntryTypes type = new MarketDataRequest.NoMDEntryTypes();
        type.set(new MDEntryType(ENTRY_TYPE));
        request.addGroup(type);
        for (String symbol : pairs.keySet()) {
            MarketDataRequest.NoRelatedSym related = new MarketDataRequest.NoRelatedSym();
            related.set(new Symbol(symbol));
            request.addGroup(related);
        }
        try {
            Session.sendToTarget(request, session);
        } catch (SessionNotFound e) {
            LOG.error("FX feed: session {} vanished before its MarketDataRequest was sent", session, e);
        }
    }

    @Override
    public void onLogout(SessionID session) {
        if (loggedOn && !closing) {
            LOG.warn(
                    "FX feed logged out of {}:{}; QuickFIX/J reconnects every {} s",
                    config.host(),
                    port,
                    config.reconnectSeconds());
        }
        loggedOn = false;
    }

    @Override
    public void fromApp(Message message, SessionID session) throws FieldNotFound {
        String type = message.getHeader().getString(MsgType.FIELD);
        long receivedMs = System.currentTimeMillis();
        switch (type) {
            case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH ->
                onEntries(message, message.getString(Symbol.FIELD), receivedMs);
            case MsgType.MARKET_DATA_INCREMENTAL_REFRESH -> onEntries(message, null, receivedMs);
            case MsgType.MARKET_DATA_REQUEST_REJECT -> {
                String text = message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : "";
                refuse("the source rejected the MarketDataRequest: " + text);
            }
            default -> LOG.debug("FX feed ignores a message of type {}", type);
        }
    }

    /**
     * The entries of a W (one symbol for all, {@code snapshotSymbol}) or an X (a symbol per entry).
     * Entries of another type than {@link #ENTRY_TYPE}, and deletions, carry no rate to apply.
     */
    private void onEntries(Message message, String snapshotSymbol, long receivedMs) throws FieldNotFound {
        long sequence = message.getHeader().getInt(MsgSeqNum.FIELD);
        byte[] raw = null;
        for (int i = 1, n = message.getGroupCount(NoMDEntries.FIELD); i <= n; i++) {
            Group entry = message.getGroup(i, NoMDEntries.FIELD);
            if (entry.isSetField(MDUpdateAction.FIELD)
                    && entry.getChar(MDUpdateAction.FIELD) == MDUpdateAction.DELETE) {
                continue;
            }
            if (!entry.isSetField(MDEntryType.FIELD) || entry.getChar(MDEntryType.FIELD) != ENTRY_TYPE) {
                continue;
            }
            quotesReceived.incrementAndGet();
            String symbol = snapshotSymbol != null
                    ? snapshotSymbol
                    : entry.isSetField(Symbol.FIELD) ? entry.getString(Symbol.FIELD) : null;
            FxPair pair = symbol == null ? null : pairs.get(symbol);
            if (pair == null) {
                refuse("symbol '" + symbol + "' is not one of the pairs " + pairs.keySet());
                continue;
            }
            String price = entry.isSetField(MDEntryPx.FIELD) ? entry.getString(MDEntryPx.FIELD) : null;
            long rateScaled = FxPrices.parseScaled(price);
            if (rateScaled <= 0) {
                refuse(symbol + " price '" + price + "' is no rate: " + FxPrices.problem(rateScaled));
                continue;
            }
            if (raw == null) {
                raw = message.toString().getBytes(StandardCharsets.ISO_8859_1);
            }
            long quoted = rateScaled;
            boolean taken = inbound.publish(
                    config.targetCompId(),
                    pair,
                    rateScaled,
                    sequence,
                    raw,
                    receivedMs,
                    r -> decided(symbol, quoted, sequence, receivedMs, r));
            if (!taken) {
                refuse(symbol + " rate " + price + " arrived with the ring full");
            }
        }
    }

    /** Sequencer thread: the outcome of one published rate. */
    private void decided(String symbol, long rateScaled, long sourceSequence, long receivedMs, PendingResponse r) {
        if (r.applied()) {
            ratesApplied.incrementAndGet();
            latest.put(symbol, new Applied(rateScaled, sourceSequence, r.decisionSequence(), receivedMs));
        } else {
            String why = r.unavailableReason() != null
                    ? r.unavailableReason()
                    : "refused: "
                            + (r.rejection() == null
                                    ? "out of band"
                                    : r.rejection().name());
            refuse(symbol + " rate " + FxPrices.format(rateScaled) + " " + why);
        }
    }

    private void refuse(String why) {
        refused.incrementAndGet();
        lastRefusal = why;
    }

    /**
     * The feed's state for {@code /v1/health}:
     *
     * <pre>
     *  {"loggedOn": true, "source": "127.0.0.1:9878", "session": "FIX.4.4:KAPOK->KAPOKFXSIM",
     *   "logons": 1, "quotesReceived": 40, "ratesApplied": 39, "refused": 1,
     *   "lastRefusal": "USD/CNY rate 9 refused: out of band",
     *   "pairs": {"USD/CNY": {"rate": "7.10012", "sourceSequence": 9, "ledgerSequence": 61, "ageMs": 420}, ...}}
     * </pre>
     *
     * {@code pairs} lists every configured pair; {@code null} for one no rate has reached yet.
     */
    @Override
    public void appendJson(StringBuilder json, long nowMs) {
        json.append("{\"loggedOn\": ")
                .append(loggedOn)
                .append(", \"source\": \"")
                .append(Json.escape(config.host() + ":" + port))
                .append("\", \"session\": \"")
                .append(Json.escape(sessionId.toString()))
                .append("\", \"logons\": ")
                .append(logons.get())
                .append(", \"quotesReceived\": ")
                .append(quotesReceived.get())
                .append(", \"ratesApplied\": ")
                .append(ratesApplied.get())
                .append(", \"refused\": ")
                .append(refused.get())
                .append(", \"lastRefusal\": ");
        String refusal = lastRefusal;
        if (refusal == null) {
            json.append("null");
        } else {
            json.append('"').append(Json.escape(refusal)).append('"');
        }
        json.append(", \"pairs\": {");
        boolean first = true;
        for (String symbol : pairs.keySet()) {
            if (!first) {
                json.append(", ");
            }
            first = false;
            json.append('"').append(symbol).append("\": ");
            Applied a = latest.get(symbol);
            if (a == null) {
                json.append("null");
            } else {
                json.append("{\"rate\": \"")
                        .append(FxPrices.format(a.rateScaled()))
                        .append("\", \"sourceSequence\": ")
                        .append(a.sourceSequence())
                        .append(", \"ledgerSequence\": ")
                        .append(a.ledgerSequence())
                        .append(", \"ageMs\": ")
                        .append(Math.max(0, nowMs - a.receivedAtMs()))
                        .append('}');
            }
        }
        json.append("}}");
    }
}
