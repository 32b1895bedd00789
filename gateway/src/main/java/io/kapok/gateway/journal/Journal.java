package io.kapok.gateway.journal;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.LedgerCommand;
import java.nio.file.Path;
import java.util.function.Consumer;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The inbound journal: a Chronicle Queue of memory-mapped files under {@code <dataDir>/journal},
 * one document per accepted message, laid out by {@link JournalEntryCodec}. Every message is
 * appended here before the ledger applies it and before its answer leaves the gateway.
 *
 * <p>Owned by the sequencer thread: open, replay, append, sync and close all happen on it.
 */
public final class Journal implements AutoCloseable {
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Durability durability;
    private long lastSequence;

    private Journal(SingleChronicleQueue queue, Durability durability) {
        this.queue = queue;
        this.appender = queue.createAppender();
        this.durability = durability;
    }

    /** Opens (creating if needed) the journal in {@code dataDir/journal}. */
    public static Journal open(Path dataDir, String rollCycle, Durability durability) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dataDir.resolve("journal"))
                .rollCycle(RollCycles.valueOf(rollCycle))
                .build();
        return new Journal(queue, durability);
    }

    /**
     * Reads every entry from the start, in order, handing each decoded command to {@code sink}.
     * Checks that sequences run 1, 2, 3... without a gap.
     *
     * @return the last sequence read (0 for an empty journal)
     * @throws JournalCorruptException on an unreadable entry or a sequence gap
     */
    public long replay(Consumer<JournalEntryCodec.Decoded> sink) {
        JournalEntryCodec.Decoded decoded = new JournalEntryCodec.Decoded();
        long expected = 1;
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    JournalEntryCodec.read(dc.wire().bytes(), decoded);
                    if (decoded.command.sequence != expected) {
                        throw new JournalCorruptException("journal entry at index " + Long.toHexString(dc.index())
                                + " has sequence " + decoded.command.sequence + ", expected " + expected);
                    }
                    sink.accept(decoded);
                    expected++;
                }
            }
        }
        lastSequence = expected - 1;
        return lastSequence;
    }

    /**
     * Appends one entry. On failure nothing partial is left behind (the document is rolled back)
     * and the exception propagates: the caller must not apply or acknowledge the message.
     */
    public void append(LedgerCommand command, String senderId, byte[] raw, int rawLength) {
        if (command.sequence != lastSequence + 1) {
            throw new IllegalStateException(
                    "journal sequence " + command.sequence + " does not follow " + lastSequence);
        }
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                JournalEntryCodec.write(dc.wire().bytes(), command, senderId, raw, rawLength);
            } catch (RuntimeException | Error e) {
                dc.rollbackOnClose();
                throw e;
            }
        }
        lastSequence = command.sequence;
    }

    /**
     * Ends a batch of appends (group commit). In {@code sync} durability this forces the mapped
     * pages to disk; in {@code mapped} durability the OS writes them back on its own and an appended
     * entry already survives a crash of this process.
     */
    public void endBatch() {
        if (durability == Durability.SYNC) {
            appender.sync();
        }
    }

    /** Sequence of the last entry appended or replayed. */
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }
}
