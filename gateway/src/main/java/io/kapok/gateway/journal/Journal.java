package io.kapok.gateway.journal;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.LedgerCommand;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.ExcerptContext;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.Wires;
import org.bouncycastle.crypto.Digest;

/**
 * The inbound journal: a Chronicle Queue of memory-mapped files under {@code <dataDir>/journal},
 * one document per accepted message, laid out by {@link JournalEntryCodec} and chained by hash.
 * Every message is appended here before the ledger applies it and before its answer leaves the
 * gateway.
 *
 * <p>Owned by the sequencer thread: open, replay, append, sync and close all happen on it. The
 * read-only form ({@link #openReadOnly}) serves the {@code journal} command line.
 */
public final class Journal implements AutoCloseable {
    /** How far past the last header a replay looks for the bytes of a write cut off by a crash. */
    private static final int TORN_PROBE_BYTES = 64;

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Durability durability;
    private final JournalDigest algorithm;
    private final Digest digest;
    private final JournalWriteHook hook;
    private final Bytes<byte[]> hashed = Bytes.allocateElasticOnHeap(512);
    private final byte[] emptyDigest = new byte[JournalDigest.LENGTH_BYTES];
    private final byte[] scratchDigest = new byte[JournalDigest.LENGTH_BYTES];
    private final byte[] pendingHash = new byte[JournalDigest.LENGTH_BYTES];
    private final byte[] lastEntryHash = new byte[JournalDigest.LENGTH_BYTES];
    private long lastSequence;

    private Journal(
            SingleChronicleQueue queue,
            boolean readOnly,
            Durability durability,
            JournalDigest algorithm,
            JournalWriteHook hook) {
        this.queue = queue;
        this.appender = readOnly ? null : queue.createAppender();
        this.durability = durability;
        this.algorithm = algorithm;
        this.digest = algorithm.newDigest();
        this.hook = hook;
        JournalDigest.digest(digest, new byte[0], 0, 0, emptyDigest);
    }

    /**
     * Opens (creating if needed) the journal in {@code dataDir/journal} for appending.
     *
     * @param algorithm the digest of new entries (existing entries keep the one they name)
     */
    public static Journal open(
            Path dataDir, String rollCycle, Durability durability, JournalDigest algorithm, JournalWriteHook hook) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dataDir.resolve("journal"))
                .rollCycle(RollCycles.valueOf(rollCycle))
                .build();
        return new Journal(queue, false, durability, algorithm, hook);
    }

    /** Opens an existing journal only to read it; it cannot append. */
    public static Journal openReadOnly(Path dataDir) {
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dataDir.resolve("journal"))
                .readOnly(true)
                .build();
        return new Journal(queue, true, Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE);
    }

    /** What a replay found. */
    public record ReplayResult(long entries, long lastSequence, byte[] lastEntryHash, String incompleteTail) {}

    /**
     * Reads every entry from the start, in order, verifying each against its hashes and the chain
     * (sequences 1, 2, 3... without a gap; each entry's {@code prevEntryHash} equal to the entry
     * hash before it), and hands each to {@code sink} only once it is verified.
     *
     * @return the count, the last sequence and entry hash, and a description of an incomplete
     *     document after the last entry (a write cut off by a crash: never applied), or null
     * @throws JournalCorruptException naming the sequence of the first entry that fails a check
     */
    public ReplayResult replay(Consumer<JournalEntryCodec.Decoded> sink) {
        JournalEntryCodec.Decoded decoded = new JournalEntryCodec.Decoded();
        byte[] prev = new byte[JournalDigest.LENGTH_BYTES];
        long expected = 1;
        long lastIndex = -1;
        String incomplete = null;
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.toStart();
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        incomplete = incompleteDocumentAt(tailer);
                        break;
                    }
                    if (dc.isMetaData()) {
                        continue;
                    }
                    lastIndex = dc.index();
                    JournalEntryCodec.read(dc.wire().bytes(), decoded, "index 0x" + Long.toHexString(lastIndex));
                    long sequence = decoded.command.sequence;
                    if (sequence != expected) {
                        throw new JournalCorruptException(
                                sequence,
                                "found at index 0x" + Long.toHexString(lastIndex) + " where entry " + expected
                                        + " belongs: an entry was deleted, inserted or moved");
                    }
                    if (!Arrays.equals(prev, decoded.prevEntryHash)) {
                        throw new JournalCorruptException(
                                sequence,
                                expected == 1
                                        ? "the first entry does not start the chain (its previous hash is not zero)"
                                        : "its previous-entry hash does not match entry " + (expected - 1)
                                                + ": the chain is broken");
                    }
                    System.arraycopy(decoded.entryHash, 0, prev, 0, prev.length);
                    sink.accept(decoded);
                    expected++;
                }
            }
        }
        lastSequence = expected - 1;
        System.arraycopy(prev, 0, lastEntryHash, 0, prev.length);
        if (incomplete != null) {
            incomplete = incomplete + " after entry " + lastSequence + " (a write cut off by a crash) was not applied";
        }
        return new ReplayResult(lastSequence, lastSequence, lastEntryHash.clone(), incomplete);
    }

    /**
     * Where the tailer stopped: a document header that is still marked not complete (its writer
     * died mid-write) is described; a clean end gives null. Chronicle never hands such a document
     * to a reader, so it cannot be applied; this only makes it visible.
     */
    private static String incompleteDocumentAt(ExcerptTailer tailer) {
        if (!(tailer instanceof ExcerptContext store)) {
            return null;
        }
        Wire wire = store.wire();
        if (wire == null) {
            return null;
        }
        Bytes<?> bytes = wire.bytes();
        long position = bytes.readPosition();
        if (position + 4 > bytes.realCapacity()) {
            return null;
        }
        int header = bytes.readVolatileInt(position);
        if (header != 0) {
            // END_OF_DATA closes a rolled-over cycle: it also carries the not-complete bit.
            return Wires.isNotComplete(header) && header != Wires.END_OF_DATA
                    ? "an incomplete document (header 0x" + Integer.toHexString(header) + ") at offset " + position
                    : null;
        }
        // A writer that died before publishing its header leaves it zero with its bytes after it.
        for (long p = position + 4; p < position + 4 + TORN_PROBE_BYTES && p + 4 <= bytes.realCapacity(); p += 4) {
            if (bytes.readVolatileInt(p) != 0) {
                return "unfinished bytes of a document (no header yet) at offset " + position;
            }
        }
        return null;
    }

    /**
     * Appends one entry, chained to the one before. On failure nothing partial is left behind (the
     * document is rolled back), the chain does not advance, and the exception propagates: the
     * caller must not apply or acknowledge the message.
     *
     * @param messageDigest H(raw) computed by the event loop with this journal's algorithm, or null
     *     to have it computed here (genesis entries, tools)
     */
    public void append(LedgerCommand command, String senderId, byte[] raw, int rawLength, byte[] messageDigest) {
        if (command.sequence != lastSequence + 1) {
            throw new IllegalStateException(
                    "journal sequence " + command.sequence + " does not follow " + lastSequence);
        }
        byte[] md = messageDigest;
        if (md == null) {
            if (raw == null) {
                md = emptyDigest;
            } else {
                JournalDigest.digest(digest, raw, 0, rawLength, scratchDigest);
                md = scratchDigest;
            }
        }
        hashed.clear();
        JournalEntryCodec.writeHashed(
                hashed, algorithm, lastSequence == 0 ? null : lastEntryHash, command, senderId, md);
        int hashedLength = (int) hashed.writePosition();
        JournalDigest.digest(digest, hashed.underlyingObject(), 0, hashedLength, pendingHash);
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                hook.beforeWrite(command.sequence);
                Bytes<?> out = dc.wire().bytes();
                out.write(hashed.underlyingObject(), 0, hashedLength);
                JournalEntryCodec.writeTail(out, pendingHash, raw, rawLength);
            } catch (RuntimeException | Error e) {
                dc.rollbackOnClose();
                throw e;
            }
        }
        System.arraycopy(pendingHash, 0, lastEntryHash, 0, lastEntryHash.length);
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

    /** The digest algorithm of new entries. */
    public JournalDigest algorithm() {
        return algorithm;
    }

    /** Sequence of the last entry appended or replayed. */
    public long lastSequence() {
        return lastSequence;
    }

    /** Entry hash of the last entry appended or replayed (a copy; zeros for an empty journal). */
    public byte[] lastEntryHash() {
        return lastEntryHash.clone();
    }

    @Override
    public void close() {
        if (appender != null) {
            appender.close();
        }
        queue.close();
    }
}
