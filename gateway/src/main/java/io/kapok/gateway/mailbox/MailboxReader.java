package io.kapok.gateway.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mailbox queue for polls, on threads of its own (never the sequencer's, never an event
 * loop's: a read of old messages may wait on the disk), each with its own tailer. Reads wait in a
 * bounded queue; when it is full the poll is answered 503 at once. The answer, a JSON body, goes
 * back to the poll's event loop:
 *
 * <pre>
 *  {"partyId": "VHBKHKHHXXX", "after": 0, "lastSequence": 2, "nextAfter": 2, "messages": [
 *    {"sequence": 1, "type": "pacs.008.001.08", "inboundSequence": 20, "createdTimeMs": 1763861400000,
 *     "xmlBase64": "PD94bWwg..."}, ...]}
 * </pre>
 *
 * {@code xmlBase64} is the message byte for byte (Base64, so a client can check it against a digest
 * or a signature without any JSON or XML normalising it); {@code nextAfter} is what to ask next.
 */
final class MailboxReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxReader.class);
    private static final byte[] BUSY = "{\"error\": \"mailbox readers busy (mailbox.readQueueMax): retry later\"}\n"
            .getBytes(StandardCharsets.UTF_8);

    private final SingleChronicleQueue queue;
    private final ThreadPoolExecutor executor;
    private final ThreadLocal<ReaderState> state = new ThreadLocal<>();
    private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Supplier<MailboxRenderer> renderers;

    MailboxReader(SingleChronicleQueue queue, int threadCount, int queueMax, Supplier<MailboxRenderer> renderers) {
        this.queue = queue;
        this.renderers = renderers;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threadCount, threadCount, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueMax), r -> {
                    Thread t = new Thread(
                            () -> {
                                try {
                                    r.run();
                                } finally {
                                    ReaderState s = state.get();
                                    if (s != null) {
                                        try {
                                            s.tailer.close();
                                        } finally {
                                            s.renderer.close();
                                        }
                                    }
                                }
                            },
                            "kapok-mailbox-reader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    threads.add(t);
                    return t;
                });
    }

    /** Any thread: reads the poll's messages on a reader thread and answers it on its event loop. */
    void read(MailboxPoll poll) {
        try {
            executor.execute(() -> answer(poll));
        } catch (RejectedExecutionException e) {
            poll.onEventLoop(() -> poll.answer.answer(poll, 503, BUSY));
        }
    }

    private void answer(MailboxPoll poll) {
        int httpStatus;
        byte[] body;
        try {
            body = readJson(poll);
            httpStatus = 200;
        } catch (RuntimeException e) {
            // A bug or a damaged queue: say so loudly, answer "retry later" naming what failed, keep serving.
            LOG.error("mailbox read for {} after {} failed", poll.mailbox.partyId(), poll.after, e);
            body = ("{\"error\": \"mailbox read failed: retry later\", \"detail\": \""
                            + io.kapok.gateway.sequencer.Json.escape(String.valueOf(e.getMessage())) + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8);
            httpStatus = 503;
        } finally {
            ReaderState s = state.get();
            if (s != null) {
                s.renderer.released();
            }
        }
        int status = httpStatus;
        byte[] json = body;
        poll.onEventLoop(() -> poll.answer.answer(poll, status, json));
    }

    private byte[] readJson(MailboxPoll poll) {
        ReaderState s = state.get();
        if (s == null) {
            s = new ReaderState(queue.createTailer(), renderers.get());
            state.set(s);
        }
        PartyMailbox mailbox = poll.mailbox;
        long last = mailbox.lastSequence();
        // Messages retention removed (delivered, or past mailbox.retention.maxAgeDays) are skipped.
        long from = Math.max(poll.after + 1, mailbox.firstRetainedSequence());
        long end = Math.min(last, from - 1 + poll.limit);
        StringBuilder json = s.messages;
        json.setLength(0);
        long through = from - 1;
        MailboxEntry entry = s.entry;
        for (long sequence = from; sequence <= end; sequence++) {
            long index = mailbox.queueIndex(sequence);
            if (!s.tailer.moveToIndex(index)) {
                throw new IllegalStateException("mailbox message " + sequence + " of " + mailbox.partyId()
                        + " is not at its index 0x" + Long.toHexString(index));
            }
            try (DocumentContext dc = s.tailer.readingDocument()) {
                if (!dc.isPresent() || entry.read(dc.wire().bytes(), true, index) != MailboxEntry.MESSAGE_MAGIC) {
                    throw new IllegalStateException("no mailbox message at index 0x" + Long.toHexString(index));
                }
            }
            if (entry.partySequence != sequence || !entry.recipientPartyId.equals(mailbox.partyId())) {
                throw new IllegalStateException("index 0x" + Long.toHexString(index) + " holds message "
                        + entry.partySequence + " of " + entry.recipientPartyId + ", not " + sequence + " of "
                        + mailbox.partyId());
            }
            if (entry.format != MailboxEntry.FORMAT_MESSAGE) {
                s.lookup.mailbox = mailbox;
                try {
                    s.renderer.render(entry, s.lookup);
                } catch (RuntimeException e) {
                    if (sequence == from) {
                        throw new IllegalStateException(
                                "mailbox message " + sequence + " of " + mailbox.partyId() + " cannot be read: "
                                        + e.getMessage(),
                                e);
                    }
                    break; // the messages before it go out; the next poll starts at it and names it
                }
            }
            if (sequence > from) {
                json.append(", ");
            }
            json.append("{\"sequence\": ")
                    .append(sequence)
                    .append(", \"type\": \"")
                    .append(entry.messageType)
                    .append("\", \"inboundSequence\": ")
                    .append(entry.inboundSequence)
                    .append(", \"createdTimeMs\": ")
                    .append(entry.createdTimeMs)
                    .append(", \"xmlBase64\": \"");
            byte[] raw = entry.length == entry.bytes.length
                    ? entry.bytes
                    : java.util.Arrays.copyOf(entry.bytes, entry.length);
            json.append(Base64.getEncoder().encodeToString(raw)).append("\"}");
            through = sequence;
        }
        StringBuilder answer = s.json;
        answer.setLength(0);
        answer.append("{\"partyId\": \"")
                .append(io.kapok.gateway.sequencer.Json.escape(mailbox.partyId()))
                .append("\", \"after\": ")
                .append(poll.after)
                .append(", \"lastSequence\": ")
                .append(last)
                .append(", \"nextAfter\": ")
                .append(Math.max(poll.after, through))
                .append(", \"messages\": [")
                .append(json)
                .append("]}\n");
        return answer.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Stops the reader threads, letting reads under way finish (bounded), and waits until each has
     * closed its tailer, so the queue can close after.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
            for (Thread t : threads) {
                t.join(5_000);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One reader thread's tailer and buffers. */
    private static final class ReaderState {
        final ExcerptTailer tailer;
        final MailboxEntry entry = new MailboxEntry();
        final StringBuilder json = new StringBuilder(8192);
        final StringBuilder messages = new StringBuilder(8192);
        final MailboxRenderer renderer;
        final Lookup lookup;

        ReaderState(ExcerptTailer tailer, MailboxRenderer renderer) {
            this.tailer = tailer;
            this.renderer = renderer;
            this.lookup = new Lookup(tailer);
        }
    }

    /**
     * A renderer's reads of the mailbox being read, on the reader thread's tailer: the read loop
     * moves the tailer to each message's index before reading it, so a render in between may move
     * it too.
     */
    private static final class Lookup implements MailboxLookup {
        private final ExcerptTailer tailer;
        PartyMailbox mailbox;

        Lookup(ExcerptTailer tailer) {
            this.tailer = tailer;
        }

        @Override
        public long firstRetainedSequence() {
            return mailbox.firstRetainedSequence();
        }

        @Override
        public void read(long sequence, MailboxEntry into) {
            if (sequence < mailbox.firstRetainedSequence() || sequence > mailbox.lastSequence()) {
                throw new IllegalStateException("mailbox message " + sequence + " of " + mailbox.partyId()
                        + " is not kept (" + mailbox.firstRetainedSequence() + ".." + mailbox.lastSequence() + ")");
            }
            long index = mailbox.queueIndex(sequence);
            if (!tailer.moveToIndex(index)) {
                throw new IllegalStateException("mailbox message " + sequence + " of " + mailbox.partyId()
                        + " is not at its index 0x" + Long.toHexString(index));
            }
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent() || into.read(dc.wire().bytes(), true, index) != MailboxEntry.MESSAGE_MAGIC) {
                    throw new IllegalStateException("no mailbox message at index 0x" + Long.toHexString(index));
                }
            }
        }
    }
}
