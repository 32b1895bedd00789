package io.kapok.gateway.snapshot;

import io.kapok.gateway.journal.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ledger snapshots on disk, under {@code <dataDir>/snapshots}, one file per snapshot named by the
 * last journal sequence it holds ({@code snapshot-00000000000000100000.kps}). A file is written to a
 * temporary name, forced to disk, renamed atomically and the directory forced, so a crash leaves
 * either the whole snapshot or none. Layout, big-endian:
 *
 * <pre>
 *  field          type       notes
 *  magic          int32      0x4B50534E ("KPSN")
 *  version        int32      {@value #VERSION}
 *  lastSequence   int64      the last journal entry the ledger state includes
 *  journalIndex   int64      that entry's Chronicle Queue index: where the tail replay starts
 *  entryHash      byte[32]   that entry's hash: ties the snapshot to this journal's chain
 *  stateHash      byte[32]   the ledger's state hash at lastSequence (GET /v1/ledger/hash)
 *  ledgerLength   int32      length of the ledger bytes
 *  ledger         bytes      {@code Ledger.snapshot()}
 *  checksum       byte[32]   SHA-256 of every byte above
 * </pre>
 *
 * Stateless apart from its directory; {@link #write} and {@link #prune} belong to the snapshot
 * thread, {@link #list} and {@link #read} to whoever recovers or verifies.
 */
public final class SnapshotStore {
    /** The directory under the data directory. */
    public static final String DIRECTORY = "snapshots";

    static final int MAGIC = 0x4B50534E;
    static final int VERSION = 1;
    private static final int HASH_BYTES = 32;
    private static final int HEADER_BYTES = 4 + 4 + 8 + 8 + HASH_BYTES + HASH_BYTES + 4;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".kps";
    private static final String TEMP_SUFFIX = ".tmp";
    /** Bytes the ledger's serialisation is gathered in before each write and digest update. */
    private static final int WRITE_BUFFER_BYTES = 1 << 16;

    private final Path dir;

    public SnapshotStore(Path dataDir) {
        this.dir = dataDir.resolve(DIRECTORY);
    }

    /** The snapshot directory. */
    public Path directory() {
        return dir;
    }

    /** One snapshot as read from its file; every field checked against the checksum. */
    public record Snapshot(
            Path file, long lastSequence, long journalIndex, byte[] entryHash, byte[] stateHash, byte[] ledger) {}

    /**
     * Writes a snapshot atomically and returns its file.
     *
     * @throws UncheckedIOException when the disk refuses (full, read-only): nothing is left behind
     *     under the snapshot's name
     */
    public Path write(long lastSequence, long journalIndex, byte[] entryHash, byte[] stateHash, byte[] ledger) {
        // One buffer of the file's exact size, filled in place: the ledger's bytes are copied once.
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + ledger.length + HASH_BYTES);
        bytes.putInt(MAGIC)
                .putInt(VERSION)
                .putLong(lastSequence)
                .putLong(journalIndex)
                .put(entryHash, 0, HASH_BYTES)
                .put(stateHash, 0, HASH_BYTES)
                .putInt(ledger.length)
                .put(ledger);
        bytes.put(sha256(bytes.array(), bytes.position()));
        Path file = dir.resolve(name(lastSequence));
        Path temp = dir.resolve(name(lastSequence) + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(file, temp, bytes.array());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /** The ledger's snapshot bytes, written on demand: {@code Ledger::writeSnapshot}. */
    @FunctionalInterface
    public interface LedgerBytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a snapshot atomically and returns its file, as {@link #write(long, long, byte[], byte[],
     * byte[])}, without ever holding the ledger's bytes: {@code ledger} writes them twice, first to
     * take their length and state hash (the header holds both), then into the file; the second
     * pass must give the same bytes (same length and state hash), or nothing is written. The file is
     * byte for byte the one the other method writes.
     *
     * @throws UncheckedIOException when the disk refuses or the two passes differ: nothing is left
     *     behind under the snapshot's name
     */
    public Path write(long lastSequence, long journalIndex, byte[] entryHash, LedgerBytes ledger) {
        Path file = dir.resolve(name(lastSequence));
        Path temp = dir.resolve(name(lastSequence) + TEMP_SUFFIX);
        try {
            DigestingCounter first = new DigestingCounter(io.kapok.ledger.Ledger.stateHashDigest(), null);
            writeLedger(ledger, first);
            if (first.count > Integer.MAX_VALUE - HEADER_BYTES - HASH_BYTES) {
                throw new IOException("the ledger's snapshot is " + first.count + " bytes, more than a file holds");
            }
            byte[] stateHash = first.state.digest();
            int ledgerLength = (int) first.count;
            Files.createDirectories(dir);
            AtomicFiles.write(file, temp, channel -> {
                MessageDigest checksum = sha256();
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
                        .putInt(MAGIC)
                        .putInt(VERSION)
                        .putLong(lastSequence)
                        .putLong(journalIndex)
                        .put(entryHash, 0, HASH_BYTES)
                        .put(stateHash, 0, HASH_BYTES)
                        .putInt(ledgerLength);
                checksum.update(header.array());
                writeFully(channel, header.flip());
                DigestingCounter second = new DigestingCounter(
                        io.kapok.ledger.Ledger.stateHashDigest(), Channels.newOutputStream(channel));
                second.checksum = checksum;
                writeLedger(ledger, second);
                if (second.count != ledgerLength || !MessageDigest.isEqual(second.state.digest(), stateHash)) {
                    throw new IOException("the ledger wrote other bytes the second time (" + second.count + " against "
                            + ledgerLength + "): not deterministic");
                }
                writeFully(channel, ByteBuffer.wrap(checksum.digest()));
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeLedger(LedgerBytes ledger, DigestingCounter into) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(into, WRITE_BUFFER_BYTES);
        ledger.writeTo(buffered);
        buffered.flush();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Counts the bytes through it and feeds them to the state digest, the file checksum and the file. */
    private static final class DigestingCounter extends OutputStream {
        final MessageDigest state;
        final OutputStream file;
        MessageDigest checksum;
        long count;

        DigestingCounter(MessageDigest state, OutputStream file) {
            this.state = state;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            state.update(b, off, len);
            if (checksum != null) {
                checksum.update(b, off, len);
            }
            if (file != null) {
                file.write(b, off, len);
            }
            count += len;
        }
    }

    /** The snapshot files, newest (highest sequence) first; temporary files are not listed. */
    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    /**
     * Reads and checks one snapshot file: magic, version, lengths and checksum.
     *
     * @throws SnapshotCorruptException naming the file and what is wrong with it
     */
    public static Snapshot read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SnapshotCorruptException(file, "cannot be read: " + e.getMessage());
        }
        if (bytes.length < HEADER_BYTES + HASH_BYTES) {
            throw new SnapshotCorruptException(file, "is cut short (" + bytes.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int magic = in.getInt();
        int version = in.getInt();
        if (magic != MAGIC || version != VERSION) {
            throw new SnapshotCorruptException(
                    file,
                    String.format(
                            "is not a Kapok snapshot of version %d (magic 0x%08X, version %d)",
                            VERSION, magic, version));
        }
        long lastSequence = in.getLong();
        long journalIndex = in.getLong();
        byte[] entryHash = new byte[HASH_BYTES];
        in.get(entryHash);
        byte[] stateHash = new byte[HASH_BYTES];
        in.get(stateHash);
        int ledgerLength = in.getInt();
        if (ledgerLength < 0 || ledgerLength != bytes.length - HEADER_BYTES - HASH_BYTES) {
            throw new SnapshotCorruptException(
                    file,
                    "claims " + ledgerLength + " ledger bytes but holds " + (bytes.length - HEADER_BYTES - HASH_BYTES)
                            + ": truncated or altered");
        }
        byte[] ledger = new byte[ledgerLength];
        in.get(ledger);
        byte[] checksum = new byte[HASH_BYTES];
        in.get(checksum);
        if (!Arrays.equals(checksum, sha256(bytes, bytes.length - HASH_BYTES))) {
            throw new SnapshotCorruptException(file, "does not match its checksum: altered or partly written");
        }
        return new Snapshot(file, lastSequence, journalIndex, entryHash, stateHash, ledger);
    }

    /**
     * The journal index a snapshot file's header records, without reading or checking the rest; -1
     * when the file is not a readable snapshot of this version. For retention, which only needs to
     * know where each kept snapshot lies.
     */
    public static long journalIndexOf(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(4 + 4 + 8 + 8);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // read the fixed header
            }
            header.flip();
            if (header.remaining() < header.capacity() || header.getInt() != MAGIC || header.getInt() != VERSION) {
                return -1;
            }
            header.getLong();
            return header.getLong();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Deletes all but the newest {@code keep} snapshots, and temporary files a crash left behind.
     *
     * @return how many files were deleted
     */
    public int prune(int keep) {
        int deleted = 0;
        List<Path> files = list();
        try {
            for (int i = keep; i < files.size(); i++) {
                if (Files.deleteIfExists(files.get(i))) {
                    deleted++;
                }
            }
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, PREFIX + "*" + TEMP_SUFFIX)) {
                    for (Path temp : temps) {
                        if (Files.deleteIfExists(temp)) {
                            deleted++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune " + dir + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    static String name(long lastSequence) {
        return String.format("%s%020d%s", PREFIX, lastSequence, SUFFIX);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        MessageDigest sha = sha256();
        sha.update(bytes, 0, length);
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
