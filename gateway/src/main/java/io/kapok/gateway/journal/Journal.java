package io.kapok.gateway.journal;

import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.LedgerCommand;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.ExcerptContext;
import net.openhft.chronicle.queue.impl.StoreFileListener;
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
 * <p>Owned by the sequencer's thread: open, replay, append, sync and close all happen on it. The
 * read-only form ({@link #openReadOnly}) serves the {@code journal} command line. Opened with
 * pretouch, it runs a {@link JournalPretoucher} that keeps the pages ahead of the appender mapped.
 */
public final class Journal implements AutoCloseable {
    /** How far past the last header a replay looks for the bytes of a write cut off by a crash. */
    private static final int TORN_PROBE_BYTES = 64;

    /**
     * How far ahead of the appender a journal opened with pretouch keeps pages touched: at 3 KB
     * per entry, some 5,000 entries, and at 100,000 entries a second some 50 ms of appends.
     */
    public static final long PRETOUCH_AHEAD_BYTES = 16L << 20;

    private final SingleChronicleQueue queue;
    private final Path dataDir;
    private final JournalChainLinks links;
    /** Cycles whose file the queue holds mapped (a tailer or the appender in it); see {@link JournalRetention}. */
    private final Set<Integer> acquiredCycles;
    /** Readers open on this journal, so that retention never removes a cycle one of them still needs. */
    private final Set<Reader> openReaders = ConcurrentHashMap.newKeySet();

    private final ExcerptAppender appender;
    private final Durability durability;
    private final JournalDigest algorithm;
    private final Digest digest;
    private final JournalWriteHook hook;
    private final EntryBytes entryBytes = new EntryBytes();
    private final byte[] emptyDigest = new byte[JournalDigest.LENGTH_BYTES];
    private final byte[] scratchDigest = new byte[JournalDigest.LENGTH_BYTES];
    private final byte[] pendingHash = new byte[JournalDigest.LENGTH_BYTES];
    private final byte[] lastEntryHash = new byte[JournalDigest.LENGTH_BYTES];
    private long lastSequence;

    /** Where the appender's last entry ended; for the pretoucher. */
    private final JournalAppendFront appendFront = new JournalAppendFront();

    private JournalPretoucher pretoucher;

    /** The appender's chunk without the kernel's read-around: no ~10 ms fault every few MB. */
    private final AppendReadAround readAround = new AppendReadAround("journal");

    private Journal(
            SingleChronicleQueue queue,
            Path dataDir,
            Set<Integer> acquiredCycles,
            boolean readOnly,
            Durability durability,
            JournalDigest algorithm,
            JournalWriteHook hook) {
        this.queue = queue;
        this.dataDir = dataDir;
        this.acquiredCycles = acquiredCycles;
        this.links = JournalChainLinks.load(dataDir);
        this.appender = readOnly ? null : queue.createAppender();
        this.durability = durability;
        this.algorithm = algorithm;
        this.digest = algorithm.newDigest();
        this.hook = hook;
        JournalDigest.digest(digest, new byte[0], 0, 0, emptyDigest);
    }

    /**
     * Lets the journal's appender be used by more than one thread, one at a time: the sequencer on
     * whichever event loop published ({@code sequencer.runsOn: any-event-loop}), whose drains a lock
     * orders, each seeing what the one before wrote. Chronicle's check that one thread alone appends
     * is then off for this appender.
     */
    public void appendFromSeveralThreads() {
        appender.singleThreadedCheckDisabled(true);
    }

    /**
     * Opens (creating if needed) the journal in {@code dataDir/journal} for appending, without a
     * pretoucher.
     *
     * @param algorithm the digest of new entries (existing entries keep the one they name)
     */
    public static Journal open(
            Path dataDir, String rollCycle, Durability durability, JournalDigest algorithm, JournalWriteHook hook) {
        return open(dataDir, rollCycle, durability, algorithm, hook, false);
    }

    /**
     * Opens (creating if needed) the journal in {@code dataDir/journal} for appending.
     *
     * @param algorithm the digest of new entries (existing entries keep the one they name)
     * @param pretouch whether a {@link JournalPretoucher} keeps the {@value #PRETOUCH_AHEAD_BYTES}
     *     bytes ahead of the appender mapped ({@code journal.pretouch}); it stops when the journal
     *     closes
     */
    public static Journal open(
            Path dataDir,
            String rollCycle,
            Durability durability,
            JournalDigest algorithm,
            JournalWriteHook hook,
            boolean pretouch) {
        Set<Integer> acquired = ConcurrentHashMap.newKeySet();
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dataDir.resolve("journal"))
                .rollCycle(JournalRollCycles.of(rollCycle))
                .storeFileListener(cycleTracker(acquired))
                // Chronicle's default (ASYNC) only schedules the write-back: sync durability needs
                // msync(MS_SYNC), which returns once the pages are on disk.
                .syncMode(durability == Durability.SYNC ? SyncMode.SYNC : SyncMode.ASYNC)
                .build();
        try {
            Journal journal = new Journal(queue, dataDir, acquired, false, durability, algorithm, hook);
            if (pretouch) {
                journal.pretoucher = new JournalPretoucher(journal.appendFront, PRETOUCH_AHEAD_BYTES).start();
            }
            return journal;
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /** Keeps {@code acquired} equal to the cycles whose file the queue holds mapped. */
    private static StoreFileListener cycleTracker(Set<Integer> acquired) {
        return new StoreFileListener() {
            @Override
            public void onAcquired(int cycle, File file) {
                acquired.add(cycle);
            }

            @Override
            public void onReleased(int cycle, File file) {
                acquired.remove(cycle);
            }
        };
    }

    /** Opens an existing journal only to read it; it cannot append. */
    public static Journal openReadOnly(Path dataDir) {
        Set<Integer> acquired = ConcurrentHashMap.newKeySet();
        SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dataDir.resolve("journal"))
                .readOnly(true)
                .storeFileListener(cycleTracker(acquired))
                .build();
        try {
            return new Journal(
                    queue, dataDir, acquired, true, Durability.MAPPED, JournalDigest.SM3, JournalWriteHook.NONE);
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * What a replay found.
     *
     * @param entries how many entries this replay read (after the snapshot, when it started from one)
     * @param lastIndex Chronicle index of the last entry, or -1 when there is none
     */
    public record ReplayResult(
            long entries, long lastSequence, byte[] lastEntryHash, long lastIndex, String incompleteTail) {}

    /**
     * Reads every entry from the start with every check ({@link #replay(boolean, Consumer)} with
     * message digests).
     */
    public ReplayResult replay(Consumer<JournalEntryCodec.Decoded> sink) {
        return replay(true, sink);
    }

    /**
     * Reads every entry from the start, in order, verifying each against its entry hash and the chain
     * (sequences 1, 2, 3... without a gap; each entry's {@code prevEntryHash} equal to the entry hash
     * before it) and, when {@code checkMessageDigests}, its message bytes against their digest; hands
     * each to {@code sink} only once it is verified. Afterwards appends continue the chain.
     *
     * @return the count, the last sequence, entry hash and index, and a description of an incomplete
     *     document after the last entry (a write cut off by a crash: never applied), or null
     * @throws JournalCorruptException naming the sequence of the first entry that fails a check
     */
    public ReplayResult replay(boolean checkMessageDigests, Consumer<JournalEntryCodec.Decoded> sink) {
        return replay(checkMessageDigests, Long.MAX_VALUE, sink);
    }

    /**
     * As {@link #replay(boolean, Consumer)}; entries from {@code messagesFromSequence} on are handed
     * over with their message bytes even when the digests are not checked.
     */
    public ReplayResult replay(
            boolean checkMessageDigests, long messagesFromSequence, Consumer<JournalEntryCodec.Decoded> sink) {
        try (Reader reader = reader(checkMessageDigests)) {
            reader.readMessagesFrom(messagesFromSequence);
            return drain(reader.checkEntryHashesInParallel(!checkMessageDigests), sink);
        }
    }

    /**
     * Reads the entries after {@code sequence} (a snapshot's), as {@link #replay(boolean, Consumer)}
     * does, after checking that the entry at {@code index} is that sequence with that entry hash.
     *
     * @throws JournalPositionException when the journal has no such entry there (the snapshot does
     *     not belong to this journal, or the journal lost that entry)
     * @throws JournalCorruptException naming the sequence of the first entry that fails a check
     */
    public ReplayResult replayAfter(
            long sequence,
            long index,
            byte[] entryHash,
            boolean checkMessageDigests,
            Consumer<JournalEntryCodec.Decoded> sink) {
        return replayAfter(sequence, index, entryHash, checkMessageDigests, Long.MAX_VALUE, sink);
    }

    /** As {@link #replayAfter(long, long, byte[], boolean, Consumer)}, with message bytes from {@code messagesFromSequence}. */
    public ReplayResult replayAfter(
            long sequence,
            long index,
            byte[] entryHash,
            boolean checkMessageDigests,
            long messagesFromSequence,
            Consumer<JournalEntryCodec.Decoded> sink) {
        try (Reader reader = readerAfter(sequence, index, entryHash, checkMessageDigests)) {
            reader.readMessagesFrom(messagesFromSequence);
            return drain(reader.checkEntryHashesInParallel(!checkMessageDigests), sink);
        }
    }

    /**
     * As {@link #replay(Consumer)} with every check, from the first entry retention kept (see {@link
     * JournalChainLinks}): the tools' way to read a journal whose oldest cycles were archived.
     */
    public ReplayResult replayFromFirstRetained(Consumer<JournalEntryCodec.Decoded> sink) {
        try (Reader reader = readerFromFirstRetained(true)) {
            return drain(reader, sink);
        }
    }

    private ReplayResult drain(Reader reader, Consumer<JournalEntryCodec.Decoded> sink) {
        long entries = 0;
        try {
            for (JournalEntryCodec.Decoded d; (d = reader.next()) != null; ) {
                sink.accept(d);
                entries++;
            }
        } catch (RuntimeException e) {
            // An entry that fails its hash check explains whatever followed it: report that first.
            reader.finishChecks();
            throw e;
        }
        reader.finishChecks();
        lastSequence = reader.lastSequence();
        System.arraycopy(reader.prev, 0, lastEntryHash, 0, lastEntryHash.length);
        String incomplete = reader.incompleteTail();
        if (incomplete != null) {
            incomplete = incomplete + " after entry " + lastSequence + " (a write cut off by a crash) was not applied";
        }
        return new ReplayResult(entries, lastSequence, lastEntryHash.clone(), reader.lastIndex, incomplete);
    }

    /** The journal's queue, for retention. */
    SingleChronicleQueue queue() {
        return queue;
    }

    /**
     * The Chronicle index of the entry the last {@link #append} wrote; sequencer thread, after an
     * append. A mailbox refers to a relayed message by it ({@link JournalMessages}).
     */
    public long lastAppendedIndex() {
        return appender.lastIndexAppended();
    }

    /**
     * The first 8 bytes of the last appended entry's hash, big-endian: with {@link
     * #lastAppendedIndex()}, what a mailbox reference checks it reads that entry and no other (an
     * entry written at the same index after a crash lost the first has another hash). Sequencer
     * thread, after an append.
     */
    public long lastEntryHashTag() {
        return JournalMessages.tag(lastEntryHash);
    }

    /** The data directory the journal lives in (its queue is in {@code journal/} under it). */
    public Path dataDir() {
        return dataDir;
    }

    /** The record of the cycles retention removed. */
    public JournalChainLinks links() {
        return links;
    }

    /** Cycles whose file the queue holds mapped now; any thread. */
    Set<Integer> acquiredCycles() {
        return acquiredCycles;
    }

    /**
     * The oldest cycle a reader open on this journal is in or will read next, or {@link
     * Integer#MAX_VALUE} when none is open; {@link Integer#MIN_VALUE} when one has not read its first
     * entry yet (it may need the oldest cycle). Any thread.
     */
    int oldestReaderCycle() {
        int oldest = Integer.MAX_VALUE;
        for (Reader reader : openReaders) {
            long index = reader.lastIndex();
            if (index < 0) {
                return Integer.MIN_VALUE;
            }
            oldest = Math.min(oldest, queue.rollCycle().toCycle(index));
        }
        return oldest;
    }

    /** A raw tailer of the journal's queue, for the journal's own helper threads. */
    ExcerptTailer createTailer() {
        return queue.createTailer();
    }

    /**
     * A reader of verified entries from the first. Each reader has its own Chronicle tailer: create
     * it on the thread that uses it and close it there. It may read while another thread appends.
     */
    public Reader reader(boolean checkMessageDigests) {
        return readerFromStart(checkMessageDigests, false);
    }

    /**
     * A reader of verified entries from the first one the journal holds: entry 1, or, once retention
     * removed the oldest cycles, the entry after them, which must link to the hash {@link
     * JournalChainLinks} recorded for the last removed entry. For reading and auditing; a ledger
     * cannot be rebuilt from it without a snapshot.
     */
    public Reader readerFromFirstRetained(boolean checkMessageDigests) {
        return readerFromStart(checkMessageDigests, true);
    }

    private Reader readerFromStart(boolean checkMessageDigests, boolean fromFirstRetained) {
        ExcerptTailer tailer = queue.createTailer();
        tailer.toStart();
        Reader reader = new Reader(this, tailer, checkMessageDigests, 1, new byte[JournalDigest.LENGTH_BYTES], -1);
        reader.fromFirstRetained = fromFirstRetained;
        openReaders.add(reader);
        return reader;
    }

    /**
     * A reader of the entries after {@code sequence}, positioned by the Chronicle {@code index} of
     * that entry, which must carry {@code entryHash}.
     *
     * @throws JournalPositionException when the entry at {@code index} is missing, is another
     *     sequence or has another hash
     * @throws JournalCorruptException when the entry there cannot be read or fails its own hash
     */
    public Reader readerAfter(long sequence, long index, byte[] entryHash, boolean checkMessageDigests) {
        ExcerptTailer tailer = queue.createTailer();
        try {
            if (!tailer.moveToIndex(index)) {
                throw new JournalPositionException("the journal has no entry at index 0x" + Long.toHexString(index)
                        + " (where entry " + sequence + " was)");
            }
            JournalEntryCodec.Decoded d = new JournalEntryCodec.Decoded();
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent() || dc.isMetaData() || dc.index() != index) {
                    throw new JournalPositionException("the journal has no entry at index 0x" + Long.toHexString(index)
                            + " (where entry " + sequence + " was)");
                }
                JournalEntryCodec.read(dc.wire().bytes(), d, "index 0x" + Long.toHexString(index), false);
            }
            if (d.command.sequence != sequence) {
                throw new JournalPositionException("the entry at index 0x" + Long.toHexString(index) + " is "
                        + d.command.sequence + ", not " + sequence);
            }
            if (!Arrays.equals(d.entryHash, entryHash)) {
                throw new JournalPositionException(
                        "entry " + sequence + " in the journal has another hash than the one recorded with it");
            }
            Reader reader = new Reader(this, tailer, checkMessageDigests, sequence + 1, entryHash.clone(), index);
            openReaders.add(reader);
            return reader;
        } catch (RuntimeException e) {
            tailer.close();
            throw e;
        }
    }

    /**
     * Reads entries in order, each checked against its hashes and linked to the one before
     * (sequence without a gap, {@code prevEntryHash} equal to the previous entry hash). Single
     * thread: the one that created it.
     */
    public static final class Reader implements AutoCloseable {
        private final Journal journal;
        private final ExcerptTailer tailer;
        private final boolean checkMessageDigests;
        private final JournalEntryCodec.Decoded decoded = new JournalEntryCodec.Decoded();
        private final JournalEntryCodec.IndexPosition position = new JournalEntryCodec.IndexPosition();
        private final byte[] prev;
        private long expected;
        /** Read by retention on the snapshot thread: the cycles before this one are behind the reader. */
        private volatile long lastIndex;

        private String incomplete;
        private ParallelEntryHashCheck parallelCheck;
        /** Reading from the start: whether the first entry may be one after cycles retention removed. */
        private boolean fromFirstRetained;

        private Reader(
                Journal journal,
                ExcerptTailer tailer,
                boolean checkMessageDigests,
                long expected,
                byte[] prev,
                long lastIndex) {
            this.journal = journal;
            this.tailer = tailer;
            this.checkMessageDigests = checkMessageDigests;
            this.expected = expected;
            this.prev = prev;
            this.lastIndex = lastIndex;
        }

        /**
         * The next entry, verified (a reused object, valid until the next call), or null when there is
         * none yet; call again later to follow a journal that is being written.
         *
         * @throws JournalCorruptException naming the first entry that fails a check
         */
        public JournalEntryCodec.Decoded next() {
            while (true) {
                try (DocumentContext dc = tailer.readingDocument()) {
                    if (!dc.isPresent()) {
                        incomplete = incompleteDocumentAt(tailer);
                        return null;
                    }
                    if (dc.isMetaData()) {
                        continue;
                    }
                    long index = dc.index();
                    JournalEntryCodec.read(
                            dc.wire().bytes(), decoded, position.at(index), checkMessageDigests, parallelCheck == null);
                    long sequence = decoded.command.sequence;
                    if (sequence != expected && expected == 1 && lastIndex < 0) {
                        startAfterRemovedCycles(sequence);
                    }
                    if (sequence != expected) {
                        throw new JournalCorruptException(
                                sequence,
                                "found at index 0x" + Long.toHexString(index) + " where entry " + expected
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
                    if (parallelCheck != null) {
                        parallelCheck.add(decoded);
                    }
                    System.arraycopy(decoded.entryHash, 0, prev, 0, prev.length);
                    decoded.index = index;
                    lastIndex = index;
                    expected++;
                    incomplete = null;
                    return decoded;
                }
            }
        }

        /**
         * The first entry read from the start is {@code sequence}, not 1: accepted only when retention
         * recorded the removal of the entries before it and this entry links to the last of them, and
         * only by a reader that may start there (a ledger cannot be rebuilt from it).
         */
        private void startAfterRemovedCycles(long sequence) {
            byte[] link = journal.links.lastEntryHash(sequence - 1);
            if (link == null || !Arrays.equals(link, decoded.prevEntryHash)) {
                return; // reported as a deleted entry by the caller
            }
            if (!fromFirstRetained) {
                throw new JournalPositionException("the journal begins at entry " + sequence + ": retention removed"
                        + " the cycles before it (" + JournalChainLinks.FILE + "); rebuilding the ledger needs a"
                        + " snapshot at entry " + (sequence - 1) + " or later, or those cycles back in "
                        + journal.dataDir.resolve("journal") + " (see " + journal.dataDir.resolve("archive/journal")
                        + ")");
            }
            expected = sequence;
            System.arraycopy(link, 0, prev, 0, prev.length);
        }

        /** The Chronicle index of the last entry read, or of the entry it started after; -1 before the first. */
        long lastIndex() {
            return lastIndex;
        }

        /** Entries from {@code sequence} on come with their message bytes even when not checked. */
        public Reader readMessagesFrom(long sequence) {
            decoded.messagesFromSequence = sequence;
            return this;
        }

        /**
         * From now on, entry hashes are recomputed on a second thread while this one goes on: {@link
         * #next()} hands out entries whose links are checked but whose own hash may not be yet, and
         * {@link #finishChecks()} must be called (and return) before anything read is trusted.
         * Start-up recovery uses it: on a failure the ledger it built is thrown away.
         */
        Reader checkEntryHashesInParallel(boolean parallel) {
            if (parallel && parallelCheck == null) {
                parallelCheck = new ParallelEntryHashCheck();
            }
            return this;
        }

        /** Waits for the parallel entry-hash checks; throws naming the first entry that failed. */
        void finishChecks() {
            if (parallelCheck != null) {
                parallelCheck.finish();
            }
        }

        /** Sequence of the last entry read (the one before the first to read, at the start). */
        public long lastSequence() {
            return expected - 1;
        }

        /**
         * After {@link #next()} returned null: a description of an incomplete document where the
         * reader stopped (a write cut off by a crash, or one still being written), or null.
         */
        public String incompleteTail() {
            return incomplete;
        }

        @Override
        public void close() {
            if (parallelCheck != null) {
                parallelCheck.close();
            }
            journal.openReaders.remove(this);
            tailer.close();
        }
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
        EntryBytes entry = entryBytes;
        entry.clear();
        JournalEntryCodec.writeHashed(
                entry, algorithm, lastSequence == 0 ? null : lastEntryHash, command, senderId, md);
        JournalDigest.digest(digest, entry.array(), 0, entry.length(), pendingHash);
        JournalEntryCodec.writeEntryHash(entry, pendingHash, raw, rawLength);
        Bytes<?> out;
        long end;
        try (DocumentContext dc = appender.writingDocument()) {
            try {
                hook.beforeWrite(command.sequence);
                out = dc.wire().bytes();
                out.write(entry.array(), 0, entry.length());
                if (raw != null) {
                    out.write(raw, 0, rawLength);
                }
                end = out.writePosition();
            } catch (RuntimeException | Error e) {
                dc.rollbackOnClose();
                throw e;
            }
        } catch (InternalError e) {
            throw mappedWriteFault("journal", e);
        }
        appendFront.published(out, end);
        System.arraycopy(pendingHash, 0, lastEntryHash, 0, lastEntryHash.length);
        lastSequence = command.sequence;
        readAround.afterAppend(out);
    }

    /**
     * A write into a mapped file's page the file system could not back (a full disk: the page is a
     * hole of the sparse file) is a SIGBUS, which the JVM raises as an {@link InternalError} in the
     * writing thread. It is a write failure like any other: the caller answers "retry later"
     * instead of losing its thread.
     */
    public static IllegalStateException mappedWriteFault(String what, InternalError e) {
        return new IllegalStateException(
                "the " + what + "'s mapped file could not be written (is the disk full?): " + e.getMessage(), e);
    }

    /** Where the appender's last entry ended, as a pretoucher reads it. */
    JournalAppendFront appendFront() {
        return appendFront;
    }

    /** The pretoucher of a journal opened with pretouch, or null. */
    JournalPretoucher pretoucher() {
        return pretoucher;
    }

    /**
     * Ends a batch of appends (group commit). In {@code sync} durability this forces the mapped
     * pages written since the last sync to disk (msync with MS_SYNC) before it returns; in {@code mapped} durability the OS writes them back on its own and an appended
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
        if (pretoucher != null) {
            pretoucher.close();
        }
        try {
            readAround.close();
        } finally {
            if (appender != null) {
                appender.close();
            }
            queue.close();
        }
    }

    /**
     * Appender thread, before appending: whether the journal's pages 8 MB behind the appender are
     * written to disk and given back to the kernel ({@link PageRecycler}; {@code
     * journal.recycleWrittenPages}, on unless told otherwise).
     */
    public void recycleWrittenPages(boolean on) {
        readAround.recycleWrittenPages(on);
    }

    /** Chunks of the journal's files the appender has entered and advised random (tests). */
    long chunksAdvisedRandom() {
        return readAround.chunksAdvised();
    }

    /** Steps of the journal's files written to disk and reclaimed behind the appender (tests); 0 when that is off. */
    long stepsRecycled() {
        PageRecycler recycler = readAround.recycler();
        return recycler == null ? 0 : recycler.stepsRecycled();
    }
}
