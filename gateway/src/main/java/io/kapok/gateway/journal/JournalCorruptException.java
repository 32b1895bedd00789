package io.kapok.gateway.journal;

/** The journal holds an entry Kapok cannot read: recovery stops rather than guess. */
public final class JournalCorruptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalCorruptException(String message) {
        super(message);
    }

    public JournalCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
