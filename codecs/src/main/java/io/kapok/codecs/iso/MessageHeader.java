package io.kapok.codecs.iso;

import io.kapok.codecs.xml.TextBuffer;

/**
 * What the Business Application Header of an outgoing message says, and what its Document repeats:
 * the sender ({@code Fr}: the platform, or the party whose message Kapok relays), the recipient
 * ({@code To}), the message identifier (BAH {@code BizMsgIdr} = the Document's own message id) and
 * the creation time. Reusable; owned by one thread at a time.
 */
public final class MessageHeader {
    /** BAH {@code Fr}. */
    public final PartyIdentity from = new PartyIdentity();
    /** BAH {@code To}. */
    public final PartyIdentity to = new PartyIdentity();
    /** BAH {@code BizMsgIdr} and the Document's message identifier, at most 35 characters. */
    public final TextBuffer messageId = new TextBuffer();
    /** BAH {@code CreDt} and the Document's creation date-time, epoch milliseconds UTC. */
    public long creationTimeMs;

    public void clear() {
        from.clear();
        to.clear();
        messageId.clear();
        creationTimeMs = 0;
    }
}
