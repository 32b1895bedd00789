package io.kapok.gateway.snapshot;

import java.nio.file.Path;

/** A snapshot file that cannot be used: recovery reports it and falls back to an older one. */
public final class SnapshotCorruptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SnapshotCorruptException(Path file, String problem) {
        super("snapshot " + file.getFileName() + " " + problem);
    }
}
