package io.kapok.gateway.journal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.Digest;

/**
 * Recomputes entry hashes on a second thread ({@code kapok-journal-verify}) while the reading
 * thread decodes and applies the entries: the reader copies each entry's hashed bytes and recorded
 * hash into a batch, and the worker checks whole batches. At most {@value #IN_FLIGHT_MAX} batches of
 * {@value #BATCH_ENTRIES} entries are in flight, so the reader is never more than that far ahead of
 * the check, and {@link #finish()} waits for every batch. A mismatch surfaces as a {@link
 * JournalCorruptException} naming the first entry that fails, from {@link #add} or {@link #finish}.
 *
 * <p>Used by start-up recovery, whose ledger is discarded if any check fails: the gateway serves
 * nothing until {@link #finish()} has returned.
 */
final class ParallelEntryHashCheck implements AutoCloseable {
    static final int BATCH_ENTRIES = 2048;
    static final int IN_FLIGHT_MAX = 4;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kapok-journal-verify");
        t.setDaemon(true);
        return t;
    });
    /** The worker's engines, one per algorithm; only the worker thread touches them. */
    private final Digest[] digests = new Digest[JournalDigest.values().length];

    private final ArrayDeque<Batch> free = new ArrayDeque<>();
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private Batch filling = new Batch();

    /** One batch of entries to check; reused. */
    private final class Batch {
        final byte[][] hashed = new byte[BATCH_ENTRIES][256];
        final int[] lengths = new int[BATCH_ENTRIES];
        final byte[][] entryHashes = new byte[BATCH_ENTRIES][JournalDigest.LENGTH_BYTES];
        final long[] sequences = new long[BATCH_ENTRIES];
        final JournalDigest[] algorithms = new JournalDigest[BATCH_ENTRIES];
        final byte[] computed = new byte[JournalDigest.LENGTH_BYTES];
        int size;
        long firstBadSequence;
        JournalDigest firstBadAlgorithm;

        /** Worker thread: checks every entry; remembers the first that fails. */
        Batch check() {
            firstBadSequence = -1;
            for (int i = 0; i < size; i++) {
                JournalDigest algorithm = algorithms[i];
                Digest digest = digests[algorithm.ordinal()];
                if (digest == null) {
                    digest = algorithm.newDigest();
                    digests[algorithm.ordinal()] = digest;
                }
                JournalDigest.digest(digest, hashed[i], 0, lengths[i], computed);
                if (!Arrays.equals(computed, entryHashes[i])) {
                    firstBadSequence = sequences[i];
                    firstBadAlgorithm = algorithm;
                    break;
                }
            }
            return this;
        }
    }

    /** Queues the entry just read for its check; may throw for an earlier entry that failed. */
    void add(JournalEntryCodec.Decoded d) {
        Batch b = filling;
        int i = b.size;
        if (b.hashed[i].length < d.hashedLength) {
            b.hashed[i] = new byte[d.hashedLength];
        }
        System.arraycopy(d.hashed, 0, b.hashed[i], 0, d.hashedLength);
        b.lengths[i] = d.hashedLength;
        System.arraycopy(d.entryHash, 0, b.entryHashes[i], 0, JournalDigest.LENGTH_BYTES);
        b.sequences[i] = d.command.sequence;
        b.algorithms[i] = d.algorithm;
        b.size = i + 1;
        if (b.size == BATCH_ENTRIES) {
            submit();
        }
    }

    private void submit() {
        if (inFlight.size() == IN_FLIGHT_MAX) {
            free.add(awaitOldest());
        }
        Batch b = filling;
        inFlight.add(worker.submit(b::check));
        filling = free.isEmpty() ? new Batch() : free.poll();
        filling.size = 0;
    }

    private Batch awaitOldest() {
        Batch done;
        try {
            done = inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the journal's entry hashes", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking the journal's entry hashes failed", e.getCause());
        }
        if (done.firstBadSequence >= 0) {
            throw JournalEntryCodec.entryHashMismatch(done.firstBadSequence, done.firstBadAlgorithm);
        }
        return done;
    }

    /** Checks what is still queued and waits for every batch; throws for the first entry that failed. */
    void finish() {
        if (filling.size > 0) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            free.add(awaitOldest());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
