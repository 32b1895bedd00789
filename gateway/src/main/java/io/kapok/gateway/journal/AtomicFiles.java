package io.kapok.gateway.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Small files written so that a crash leaves either the old content or the new, never a mix: the
 * bytes go to a temporary name beside the file, are forced to disk, renamed over the file
 * atomically, and the directory is forced. Snapshots and the retention records use it.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Replaces {@code file} with {@code bytes}.
     *
     * @param temp the temporary name, in the same directory
     * @throws IOException when the disk refuses; the temporary file is then removed
     */
    public static void write(Path file, Path temp, byte[] bytes) throws IOException {
        write(file, temp, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** What goes into the file, written to its temporary channel (which is then forced and renamed). */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Replaces {@code file} with what {@code content} writes: for a file too large to hold in memory
     * first. As {@link #write(Path, Path, byte[])} otherwise.
     */
    public static void write(Path file, Path temp, Content content) throws IOException {
        try {
            try (FileChannel channel = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + file.getParent() + " cannot rename atomically", e);
            }
            forceDirectory(file.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The next write replaces it; nothing reads temporary files.
            }
            throw e;
        }
    }

    /** Forces a directory's entries (a rename) to disk; a no-op where the platform cannot. */
    public static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some platforms cannot open a directory; the rename is still atomic there.
        }
    }
}
