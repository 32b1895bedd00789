package io.kapok.gateway.mailbox;

/**
 * Turns a message the mailbox keeps as a compact record ({@link MailboxEntry#format} other than
 * {@link MailboxEntry#FORMAT_MESSAGE}) into the message itself when a poll reads it, on a mailbox
 * reader thread.
 *
 * <p>Why: a notification the platform itself writes (a camt.054 per posting: two per payment) is
 * a pure function of a few fields. Rendering its XML on the sequencer's thread, the one serial stage
 * of the gateway, cost about as much as everything else the sequencer does for a payment; storing
 * ~100 bytes of fields instead moves that work to the reader threads, which do it when (and only
 * if) the party fetches the message. Rendering must be deterministic: the same record and entry
 * give the same bytes on every read, before and after a restart.
 *
 * <p>One instance per reader thread: implementations may reuse their buffers.
 */
public interface MailboxRenderer {
    /** Renders nothing: for mailboxes whose composers write only whole messages. */
    MailboxRenderer NONE = entry -> {
        throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                + " has record format " + entry.format + " and no renderer is configured");
    };

    /**
     * Replaces {@code entry.bytes[0..entry.length)}, a compact record of {@code entry.format},
     * with the message it stands for (growing {@code entry.bytes} as needed), leaving the other
     * fields as they are.
     *
     * @throws IllegalStateException for a format this renderer does not know or a damaged record
     */
    void render(MailboxEntry entry);

    /**
     * As {@link #render(MailboxEntry)}, for a record that stands for other messages of the same
     * mailbox, which it reads through {@code lookup} (into entries of its own, never {@code entry}).
     */
    default void render(MailboxEntry entry, MailboxLookup lookup) {
        render(entry);
    }

    /**
     * A poll's reads are done: lets go of what need not stay open between polls (a tailer left in
     * an old journal cycle would keep retention from removing it). On the reader thread.
     */
    default void released() {}

    /** Releases what the renderer holds open; on its reader thread, as that thread ends. */
    default void close() {}
}
