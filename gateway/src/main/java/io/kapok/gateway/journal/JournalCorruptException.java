package io.kapok.gateway.journal;

/**
 * The journal holds an entry Kapok cannot read, or one that does not match its hashes: recovery
 * stops rather than guess. The message names the entry's sequence when it is known.
 */
public final class JournalCorruptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long sequence;

    /** @param sequence the entry's sequence, or -1 when it could not be read */
    public JournalCorruptException(long sequence, String message) {
        super(prefix(sequence) + message);
        this.sequence = sequence;
    }

    public JournalCorruptException(long sequence, String message, Throwable cause) {
        super(prefix(sequence) + message, cause);
        this.sequence = sequence;
    }

    private static String prefix(long sequence) {
        return sequence > 0 ? "journal entry " + sequence + ": " : "journal: ";
    }

    /** Sequence of the corrupt entry, or -1 when it could not be read. */
    public long sequence() {
        return sequence;
    }
}
