package io.kapok.gateway.http;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.pacs.Pacs002Status;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.mailbox.MailboxPoll;
import io.kapok.gateway.mailbox.Mailboxes;
import io.kapok.gateway.mailbox.PartyMailbox;
import io.kapok.gateway.sequencer.Bics;
import io.kapok.gateway.sequencer.InboundEvent;
import io.kapok.gateway.sequencer.LedgerRejections;
import io.kapok.gateway.sequencer.SequencerHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP side of one connection, on its event loop. Routes:
 *
 * <pre>
 *  POST /v1/messages                 an ISO 20022 message: decode, validate, hand to the sequencer
 *                                    (pacs.008 on the hot path; tsin.001–004/006/013 through the flows)
 *  GET  /v1/health                   liveness, last sequence, journal state
 *  GET  /v1/ledger/hash              {"sequence": N, "stateHash": "..."} from the ledger thread
 *  GET  /v1/ledger/accounts/{party}  balances per currency from the ledger thread
 *  GET  /v1/ledger/receivables/{id}  a receivable: state, holder, amounts, financing, provenance, history
 *  GET  /v1/ledger/exposure/{bank}   per core enterprise and currency: line, reserved, used, available
 *  GET  /v1/mailbox?after=SEQ[&amp;limit=N][&amp;waitMs=W]
 *                                    the caller's next outbound messages (long-poll), as JSON
 * </pre>
 *
 * Answers go out in request order even when a later request is answered first (HTTP/1.1
 * pipelining): each request gets a {@link PendingResponse} in a FIFO, and the head is written as
 * soon as it is ready. Status codes: 200 for a ledger decision (pacs.002 ACSC or RJCT), 400 for a
 * message refused before the ledger (pacs.002 RJCT or admi.002), 413 for a body over the limit, 503
 * when the ring is full or the journal cannot be written (retry later), 404/405 for other paths.
 *
 * <p>A mailbox poll names its party in the {@value #PARTY_HEADER} header (the dev profile: plain
 * HTTP on loopback; 400 without it, 404 for a party the gateway does not know), is read on a
 * mailbox reader thread, and, when there is nothing after {@code after}, waits parked until a
 * message arrives or {@code waitMs} runs out: the event loop is never blocked. Bad parameters get
 * 400, too many polls waiting 429, all with a JSON body that names the limit.
 */
public final class GatewayHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String XML = "application/xml; charset=UTF-8";
    private static final String JSON = "application/json";
    /** Dev profile: the header naming the party that polls its mailbox. */
    public static final String PARTY_HEADER = "X-Kapok-Party";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GatewayHttpHandler.class);
    private static final java.util.concurrent.atomic.AtomicLong UNEXPECTED_ERRORS =
            new java.util.concurrent.atomic.AtomicLong();

    private final GatewayHttpHandler.Shared shared;
    private final ArrayDeque<PendingResponse> inOrder = new ArrayDeque<>();
    /**
     * Answered responses, reused for the next requests on this connection so the steady state
     * allocates none. A response returns here only after it was written: the sequencer is done
     * with it by then.
     */
    private final ArrayDeque<PendingResponse> free = new ArrayDeque<>();

    private static final String RECEIVABLES = "/v1/ledger/receivables/";
    private static final String EXPOSURE = "/v1/ledger/exposure/";

    private ChannelHandlerContext ctx;
    /** Set once a "Connection: close" answer is written: nothing more goes out on this connection. */
    private boolean closing;
    /** Event loop: the batch whose answer is being written now, or null when an answer comes alone. */
    private AnswerBatch answerBatch;
    /** Event loop: answers are written and wait for the end of their batch to be flushed. */
    private boolean flushAfterBatch;
    /** Mailbox polls of this connection not answered yet: they give their place up when it closes. */
    private final List<MailboxPoll> polls = new ArrayList<>(2);

    /** What all connections share: the ring, the sequencer's status, the per-thread codecs. */
    public record Shared(
            RingBuffer<InboundEvent> ring,
            SequencerHandler sequencer,
            String platformBic,
            int pipelinedRequestsMax,
            CodecContexts codecs,
            AnswerIds answerIds,
            byte[] echoAnswer,
            java.util.function.LongSupplier clockMs) {}

    public GatewayHttpHandler(Shared shared) {
        super(FullHttpRequest.class, true);
        this.shared = shared;
    }

    EventExecutor executor() {
        return ctx.executor();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = io.netty.handler.codec.http.HttpUtil.isKeepAlive(request);
        PendingResponse response = free.isEmpty() ? new PendingResponse(this) : free.pollFirst();
        response.reset(keepAlive);
        inOrder.addLast(response);
        if (inOrder.size() >= shared.pipelinedRequestsMax()) {
            ctx.channel().config().setAutoRead(false); // resumes when answers drain
        }
        if (!request.decoderResult().isSuccess()) {
            respondMessageReject(
                    response,
                    HttpResponseStatus.BAD_REQUEST,
                    RejectCode.MALFORMED_XML,
                    null,
                    "the HTTP request could not be parsed");
            return;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        HttpMethod method = request.method();
        if (path.equals("/v1/messages")) {
            if (method != HttpMethod.POST) {
                respondJson(
                        response, HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\": \"use POST for /v1/messages\"}");
            } else {
                onMessage(request.content(), response);
            }
        } else if (path.equals("/v1/echo") && method == HttpMethod.POST) {
            onEcho(response);
        } else if (method != HttpMethod.GET) {
            respondJson(
                    response,
                    HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "{\"error\": \"the ops API is read-only: use GET\"}");
        } else if (path.equals("/v1/health")) {
            HealthJson health = HealthJson.of(shared.sequencer(), System.currentTimeMillis());
            respondJson(
                    response,
                    health.up() ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    health.json());
        } else if (path.equals("/v1/mailbox")) {
            onMailbox(request, response);
        } else if (path.equals("/v1/statement")) {
            onStatement(request, response);
        } else if (path.equals("/v1/ledger/hash")) {
            query(response, InboundEvent.Kind.QUERY_STATE_HASH, null);
        } else if (path.startsWith("/v1/ledger/accounts/") && path.length() > "/v1/ledger/accounts/".length()) {
            String party = io.netty.handler.codec.http.QueryStringDecoder.decodeComponent(
                    path.substring("/v1/ledger/accounts/".length()));
            query(response, InboundEvent.Kind.QUERY_ACCOUNTS, partyId(party));
        } else if (path.startsWith(RECEIVABLES) && path.length() > RECEIVABLES.length()) {
            String id = io.netty.handler.codec.http.QueryStringDecoder.decodeComponent(
                    path.substring(RECEIVABLES.length()));
            query(response, InboundEvent.Kind.QUERY_RECEIVABLE, id);
        } else if (path.startsWith(EXPOSURE) && path.length() > EXPOSURE.length()) {
            String bank =
                    io.netty.handler.codec.http.QueryStringDecoder.decodeComponent(path.substring(EXPOSURE.length()));
            query(response, InboundEvent.Kind.QUERY_EXPOSURE, partyId(bank));
        } else {
            respondJson(
                    response,
                    HttpResponseStatus.NOT_FOUND,
                    "{\"error\": \"no such path\", \"paths\": [\"POST /v1/messages\", \"POST /v1/echo\", "
                            + "\"GET /v1/health\", \"GET /v1/ledger/hash\", \"GET /v1/ledger/accounts/{partyId}\", "
                            + "\"GET /v1/ledger/receivables/{receivableId}\", \"GET /v1/ledger/exposure/{bankId}\", "
                            + "\"GET /v1/mailbox?after=SEQ\", \"GET /v1/statement?currency=CCY\"]}");
        }
    }

    /** A party named in a request: an 8-character BIC is the same party as its "XXX" form. */
    private static String partyId(String named) {
        return named.length() == 8 && IsoIdentifiers.isBic(named) ? Bics.normalise(named) : named;
    }

    /**
     * GET /v1/statement?currency=CCY: the caller's (named as for a mailbox poll) camt.053 of today
     * in that currency, answered by the sequencer; 400 without the party or an active currency code.
     */
    private void onStatement(FullHttpRequest request, PendingResponse response) {
        String party = request.headers().get(PARTY_HEADER);
        List<String> currency =
                new QueryStringDecoder(request.uri()).parameters().get("currency");
        if (party == null || party.isBlank()) {
            respondJson(
                    response,
                    HttpResponseStatus.BAD_REQUEST,
                    "{\"error\": \"name the account owner in the " + PARTY_HEADER + " header\"}");
        } else if (currency == null
                || io.kapok.codecs.iso.Iso4217.minorUnits(currency.get(0)) == io.kapok.codecs.iso.Iso4217.UNKNOWN) {
            respondJson(
                    response,
                    HttpResponseStatus.BAD_REQUEST,
                    "{\"error\": \"give the account's currency as an active ISO 4217 code: ?currency=CNY\"}");
        } else {
            query(response, InboundEvent.Kind.QUERY_STATEMENT, partyId(party.trim()) + "\n" + currency.get(0));
        }
    }

    /** GET /v1/mailbox: checks the party and the parameters, then starts the poll. */
    private void onMailbox(FullHttpRequest request, PendingResponse response) {
        Mailboxes mailboxes = shared.sequencer().mailboxes();
        GatewayConfig.Mailbox limits = mailboxes.limits();
        String party = request.headers().get(PARTY_HEADER);
        if (party == null || party.isBlank()) {
            respondJson(
                    response,
                    HttpResponseStatus.BAD_REQUEST,
                    "{\"error\": \"name the polling party in the " + PARTY_HEADER + " header\"}");
            return;
        }
        party = partyId(party.trim());
        PartyMailbox mailbox = mailboxes.party(party);
        if (mailbox == null) {
            respondJson(
                    response,
                    HttpResponseStatus.NOT_FOUND,
                    "{\"error\": \"unknown party\", \"partyId\": \"" + io.kapok.gateway.sequencer.Json.escape(party)
                            + "\"}");
            return;
        }
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        // Each check answers 400 itself and gives -1: the first bad parameter ends the request.
        long after = queryParameter(query, "after", 0, Long.MAX_VALUE / 2, 0, response);
        if (after < 0) {
            return;
        }
        long limit = queryParameter(
                query, "limit", 1, limits.messagesPerPollMax(), limits.messagesPerPollDefault(), response);
        if (limit < 0) {
            return;
        }
        long waitMs = queryParameter(query, "waitMs", 0, limits.pollWaitMsMax(), limits.pollWaitMsDefault(), response);
        if (waitMs < 0) {
            return;
        }
        MailboxPoll poll =
                new MailboxPoll(mailbox, after, (int) limit, waitMs, ctx.executor(), (answered, status, json) -> {
                    polls.remove(answered);
                    respondJson(response, HttpResponseStatus.valueOf(status), json);
                });
        polls.add(poll);
        String refused = mailboxes.poll(poll);
        if (refused != null) {
            polls.remove(poll);
            respondJson(
                    response,
                    HttpResponseStatus.TOO_MANY_REQUESTS,
                    "{\"error\": \"" + io.kapok.gateway.sequencer.Json.escape(refused) + "\"}");
        }
    }

    /**
     * A whole-number query parameter from {@code min} to {@code max}, {@code absent} when it is not
     * given; -1 after answering 400 when it is not a number in range.
     */
    private long queryParameter(
            QueryStringDecoder query, String name, long min, long max, long absent, PendingResponse response) {
        List<String> values = query.parameters().get(name);
        if (values == null || values.isEmpty()) {
            return absent;
        }
        String value = values.get(values.size() - 1);
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            parsed = min - 1;
        }
        if (values.size() > 1 || parsed < min || parsed > max) {
            respondJson(
                    response,
                    HttpResponseStatus.BAD_REQUEST,
                    "{\"error\": \"query parameter '" + name + "' must be one whole number from " + min + " to " + max
                            + ", was '" + io.kapok.gateway.sequencer.Json.escape(String.join(",", values)) + "'\"}");
            return -1;
        }
        return parsed;
    }

    private void onMessage(ByteBuf content, PendingResponse response) {
        long receiveTimeMs = shared.clockMs().getAsLong();
        CodecContext codec = shared.codecs().get();
        int length = content.readableBytes();
        byte[] body = codec.body(length);
        content.getBytes(content.readerIndex(), body, 0, length);
        Pacs008View view = codec.view;
        DecodeVerdict verdict = codec.verdict;
        if (!codec.decoder.decode(body, 0, length, view, verdict)) {
            RejectCode code = verdict.rejectCode();
            if (code == RejectCode.UNSUPPORTED_MESSAGE) {
                onOtherMessage(body, length, receiveTimeMs, codec, response);
                return;
            }
            if (code.answer() == RejectCode.Answer.STATUS_REJECT) {
                prepareStatus(response, view);
                Pacs002Status s = response.status;
                s.transactionStatus = Pacs002Status.REJECTED;
                s.reasonCode = code.isoCode();
                appendDetail(s.additionalInfo, verdict);
                finishStatus(response, HttpResponseStatus.BAD_REQUEST, 0, receiveTimeMs);
            } else {
                respondMessageReject(
                        response, HttpResponseStatus.BAD_REQUEST, code, verdict.elementPath(), verdict.detail());
            }
            return;
        }
        prepareStatus(response, view);
        // The journal's message digest, here on the event loop (in parallel across loops, ~20 µs
        // for 3 KB of SM3) and before claiming a slot, so neither the ring nor the sequencer waits.
        io.kapok.gateway.journal.JournalDigest.digest(codec.messageDigest, body, 0, length, codec.digest);
        // The ledger's command and its keys, here too, for the same reason.
        io.kapok.gateway.sequencer.PartyIds parties = shared.sequencer().partyIds();
        io.kapok.ledger.payment.TransferCommand transfer =
                io.kapok.gateway.sequencer.PaymentCommands.newCommand(senderOf(view, parties), view, parties);
        RingBuffer<InboundEvent> ring = shared.ring();
        long slot = claimSlot(ring, response);
        if (slot < 0) {
            return;
        }
        try {
            InboundEvent event = ring.get(slot);
            event.kind(InboundEvent.Kind.PAYMENT);
            codec.view = event.swapPayment(view);
            event.senderId(transfer.senderId);
            event.transfer(transfer);
            fillMessage(event, body, length, codec, receiveTimeMs, response);
        } finally {
            ring.publish(slot);
        }
    }

    /** A ring slot for a message, or -1 after answering 503 "at capacity": nothing was taken. */
    private long claimSlot(RingBuffer<InboundEvent> ring, PendingResponse response) {
        try {
            return ring.tryNext();
        } catch (InsufficientCapacityException e) {
            respondMessageReject(
                    response,
                    HttpResponseStatus.SERVICE_UNAVAILABLE,
                    RejectCode.BUSY,
                    null,
                    "the gateway is at capacity; nothing was taken: retry later");
            return -1;
        }
    }

    /**
     * What every message slot carries: the bytes as received (handed over: the slot's old buffer
     * becomes this loop's next body buffer), their digest, the receive time, the answer.
     */
    private static void fillMessage(
            InboundEvent event,
            byte[] body,
            int length,
            CodecContext codec,
            long receiveTimeMs,
            PendingResponse response) {
        codec.body = event.swapRaw(body, length);
        System.arraycopy(codec.digest, 0, event.messageDigest, 0, codec.digest.length);
        event.receiveTimeMs = receiveTimeMs;
        event.response(response);
    }

    /**
     * A message of the map other than pacs.008 (receivable financing): decoded and validated by
     * its schema here, then handed to the sequencer, which routes it to the ledger and encodes the
     * answer. What fails here gets its family's negative answer, or an admi.002, naming the element
     * and the rule.
     */
    private void onOtherMessage(
            byte[] body, int length, long receiveTimeMs, CodecContext codec, PendingResponse response) {
        io.kapok.codecs.stream.MessageView message = codec.messageView;
        DecodeVerdict verdict = codec.verdict;
        if (!codec.messages.decode(body, 0, length, message, verdict)) {
            if (!respondFamilyReject(codec, message, verdict, response)) {
                respondMessageReject(
                        response,
                        HttpResponseStatus.BAD_REQUEST,
                        verdict.rejectCode(),
                        verdict.elementPath(),
                        verdict.detail());
            }
            return;
        }
        io.kapok.gateway.journal.JournalDigest.digest(codec.messageDigest, body, 0, length, codec.digest);
        RingBuffer<InboundEvent> ring = shared.ring();
        long slot = claimSlot(ring, response);
        if (slot < 0) {
            return;
        }
        try {
            InboundEvent event = ring.get(slot);
            event.kind(InboundEvent.Kind.MESSAGE);
            codec.messageView = event.swapMessage(message);
            event.senderId(io.kapok.gateway.flow.FlowRouter.senderOf(message));
            fillMessage(event, body, length, codec, receiveTimeMs, response);
        } finally {
            ring.publish(slot);
        }
    }

    /**
     * A recognised message that broke a rule of its schema gets its family's negative answer
     * (tsin.002 RCER, tsin.007 RCER, tsin.010 RCER, tsmt.054 RCER, camt.029 RJCR, pacs.002 RJCT) naming
     * the element and the rule; false when it has none (an admi.002 is due) or is too broken to
     * write one.
     */
    private boolean respondFamilyReject(
            CodecContext codec,
            io.kapok.codecs.stream.MessageView message,
            DecodeVerdict verdict,
            PendingResponse response) {
        io.kapok.codecs.MessageType type = message.type();
        RejectCode code = verdict.rejectCode();
        if (type == null
                || code.answer() != RejectCode.Answer.STATUS_REJECT
                || type.rejectAnswer() == io.kapok.codecs.RejectAnswer.MESSAGE_REJECT) {
            return false;
        }
        if (codec.refusals == null) {
            codec.refusals = new io.kapok.gateway.flow.FlowAnswers(Bics.normalise(shared.platformBic()));
        }
        String detail =
                verdict.elementPath() == null ? verdict.detail() : verdict.elementPath() + ": " + verdict.detail();
        response.status.messageId.clear();
        shared.answerIds().unjournaled(response.status.messageId);
        Utf8XmlWriter answer;
        try {
            answer = codec.refusals.encodeRefusal(
                    message,
                    io.kapok.gateway.flow.FlowRouter.senderOf(message),
                    code.isoCode(),
                    detail,
                    System.currentTimeMillis(),
                    response.status.messageId.toString());
        } catch (RuntimeException tooBroken) {
            return false;
        }
        complete(response, HttpResponseStatus.BAD_REQUEST, XML, answer);
        return true;
    }

    /**
     * The transport ceiling for benchmarks: the same Netty HTTP stack and pipeline, no decode, no
     * ring, no journal, no ledger. Answers a pacs.002 ACSC encoded once at start-up, so the answer
     * has the size of a real one.
     */
    private void onEcho(PendingResponse response) {
        byte[] canned = shared.echoAnswer();
        FullHttpResponse http = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK,
                ctx.alloc().buffer(canned.length).writeBytes(canned));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, XML);
        response.http = http;
        drain();
    }

    /**
     * Dev profile: the BAH Fr names the sender; a bare Document is sent by its instructing agent. A
     * known party's id comes as the ledger's own instance ({@link io.kapok.gateway.sequencer.PartyIds}).
     */
    private static String senderOf(Pacs008View view, io.kapok.gateway.sequencer.PartyIds parties) {
        return parties.bic(view.hasAppHdr() ? view.fromBic() : view.instructingAgentBic());
    }

    private void prepareStatus(PendingResponse response, Pacs008View view) {
        Pacs002Status s = response.status;
        s.clear();
        s.fromBic.set(shared.platformBic());
        CharSequence to = view.hasAppHdr() ? view.fromBic() : view.instructingAgentBic();
        if (IsoIdentifiers.isBic(to)) {
            s.toBic.set(to); // the usual case: no String made for it
        } else if (to.length() > 0) {
            String trimmed = to.toString().trim();
            if (IsoIdentifiers.isBic(trimmed)) {
                s.toBic.set(trimmed);
            }
        }
        s.copyOriginal(view);
        if (!s.originalMessageId.isPresent() || s.originalMessageId.length() == 0) {
            s.originalMessageId.set("NONREF");
        }
    }

    private void query(PendingResponse response, InboundEvent.Kind kind, String partyId) {
        RingBuffer<InboundEvent> ring = shared.ring();
        long slot;
        try {
            slot = ring.tryNext();
        } catch (InsufficientCapacityException e) {
            respondJson(response, HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"error\": \"busy: retry later\"}");
            return;
        }
        try {
            InboundEvent event = ring.get(slot);
            event.kind(kind);
            event.queryId(partyId);
            event.response(response);
        } finally {
            ring.publish(slot);
        }
    }

    /**
     * Event loop: an answer of an {@link AnswerBatch}; what it writes is flushed when the batch ends
     * ({@link #flushAfterBatch()}), together with the batch's other answers on this connection.
     */
    void onAnsweredInBatch(PendingResponse response, AnswerBatch batch) {
        answerBatch = batch;
        try {
            onAnswered(response);
        } finally {
            answerBatch = null;
        }
    }

    /** Event loop: an answer failed to be written; the connection closes (its client retries). */
    void closeAfterFailure() {
        closing = true;
        ctx.close();
    }

    /** Event loop: the end of the {@link AnswerBatch} this connection wrote answers of. */
    void flushAfterBatch() {
        flushAfterBatch = false;
        ctx.flush();
    }

    /** Event loop: the sequencer has answered {@code response}. */
    void onAnswered(PendingResponse response) {
        if (response.unavailableReason != null) {
            respondMessageReject(
                    response,
                    HttpResponseStatus.SERVICE_UNAVAILABLE,
                    RejectCode.UNAVAILABLE,
                    null,
                    response.unavailableReason + "; nothing was acknowledged: retry later");
        } else if (response.json != null) {
            respondJson(response, HttpResponseStatus.valueOf(response.jsonStatus), response.json);
        } else if (response.xml != null) {
            byte[] xml = response.xml;
            FullHttpResponse http = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.xmlStatus),
                    ctx.alloc().buffer(xml.length).writeBytes(xml));
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, XML);
            response.http = http;
            drain();
        } else {
            Pacs002Status s = response.status;
            if (response.applied) {
                s.transactionStatus = Pacs002Status.ACCEPTED_SETTLEMENT_COMPLETED;
            } else {
                s.transactionStatus = Pacs002Status.REJECTED;
                s.reasonCode = LedgerRejections.reasonCode(response.rejection);
                s.additionalInfo.append(LedgerRejections.meaning(response.rejection));
            }
            finishStatus(response, HttpResponseStatus.OK, response.decisionSequence, response.decisionTimeMs);
        }
    }

    /**
     * Encodes the pacs.002. A decision journaled at {@code sequence} gets an answer id and time
     * derived from that entry, so a retry receives the same bytes; an answer without an entry gets
     * a fresh id.
     */
    private void finishStatus(PendingResponse response, HttpResponseStatus httpStatus, long sequence, long timeMs) {
        Pacs002Status s = response.status;
        if (sequence > 0) {
            shared.answerIds().journaled(s.messageId, sequence);
            s.creationTimeMs = timeMs;
        } else {
            shared.answerIds().unjournaled(s.messageId);
            s.creationTimeMs = System.currentTimeMillis();
        }
        CodecContext codec = shared.codecs().get();
        codec.pacs002.encode(s, codec.writer);
        complete(response, httpStatus, XML, codec.writer);
    }

    private void respondMessageReject(
            PendingResponse response, HttpResponseStatus httpStatus, RejectCode code, String path, String detail) {
        CodecContext codec = shared.codecs().get();
        Pacs002Status s = response.status;
        CharSequence related = s.originalMessageId.isPresent() ? s.originalMessageId : null;
        codec.admi002.encode(related, code.isoCode(), path, detail, System.currentTimeMillis(), codec.writer);
        complete(response, httpStatus, XML, codec.writer);
    }

    private void respondJson(PendingResponse response, HttpResponseStatus httpStatus, String json) {
        respondJson(response, httpStatus, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void respondJson(PendingResponse response, HttpResponseStatus httpStatus, byte[] bytes) {
        FullHttpResponse http = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                httpStatus,
                ctx.alloc().buffer(bytes.length).writeBytes(bytes));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
        response.http = http;
        drain();
    }

    private void complete(
            PendingResponse response, HttpResponseStatus httpStatus, String contentType, Utf8XmlWriter body) {
        ByteBuf buf = ctx.alloc().buffer(body.length()).writeBytes(body.buffer(), 0, body.length());
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, httpStatus, buf);
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.http = http;
        drain();
    }

    /** Writes every ready answer at the head of the queue, in request order. */
    private void drain() {
        boolean wrote = false;
        while (!inOrder.isEmpty() && inOrder.peekFirst().http != null) {
            PendingResponse r = inOrder.pollFirst();
            FullHttpResponse http = r.http;
            r.http = null;
            if (free.size() < shared.pipelinedRequestsMax()) {
                free.addLast(r);
            }
            http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, http.content().readableBytes());
            if (closing || !ctx.channel().isActive()) {
                http.release(); // the connection is going: answers still due are dropped, and retried
                continue;
            }
            if (r.keepAlive) {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.write(http);
            } else {
                http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
                closing = true;
                continue;
            }
            wrote = true;
        }
        if (wrote) {
            if (answerBatch == null) {
                ctx.flush();
            } else if (!flushAfterBatch) {
                flushAfterBatch = true;
                answerBatch.flushLater(this);
            }
        }
        if (inOrder.size() < shared.pipelinedRequestsMax()
                && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private static void appendDetail(StringBuilder out, DecodeVerdict verdict) {
        if (verdict.elementPath() != null) {
            out.append(verdict.elementPath()).append(": ");
        }
        out.append(verdict.detail());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!polls.isEmpty()) {
            Mailboxes mailboxes = shared.sequencer().mailboxes();
            for (MailboxPoll poll : polls) {
                mailboxes.cancel(poll);
            }
            polls.clear();
        }
        super.channelInactive(ctx);
    }

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
        // Connection-level trouble (reset by peer): close quietly; the sender retries what got no
        // answer. Anything else is a bug: say so loudly (the first few, then one in a thousand, so
        // a flood cannot turn into a log per message), and close the connection.
        boolean connectionLevel = cause instanceof java.io.IOException
                // a client that closes mid-request: nothing of its message was taken
                || cause instanceof io.netty.handler.codec.PrematureChannelClosureException;
        if (!connectionLevel) {
            long n = UNEXPECTED_ERRORS.incrementAndGet();
            if (n <= 10 || n % 1000 == 0) {
                LOG.error("unexpected error #{} on {}; closing the connection", n, ctx.channel(), cause);
            }
        }
        ctx.close();
    }

    /** Unexpected (non-I/O) errors seen on any connection since start. */
    public static long unexpectedErrorCount() {
        return UNEXPECTED_ERRORS.get();
    }
}
