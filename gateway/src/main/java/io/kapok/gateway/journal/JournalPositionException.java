package io.kapok.gateway.journal;

/**
 * The journal has no entry where a snapshot says its last entry is (another journal's snapshot, or a
 * journal that lost that entry): recovery skips that snapshot for an older one, or a full replay.
 */
public final class JournalPositionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalPositionException(String message) {
        super(message);
    }
}
