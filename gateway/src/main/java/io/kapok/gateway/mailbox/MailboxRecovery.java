package io.kapok.gateway.mailbox;

import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.ledger.LedgerResult;

/**
 * Re-creates at start-up the outbound messages a crash kept from the mailbox. The mailbox is
 * written after the journal, so a crash between the two leaves journaled entries whose messages
 * are missing; they are always after the last inbound entry the mailbox names. While the journal
 * replays, each entry after that one is composed again, from the journaled command and original
 * bytes and the ledger's result (the same inputs as the live run had, so the same bytes), and
 * appended; of the last entry the mailbox names, only the messages it does not hold yet.
 * Sequencer thread, during recovery only.
 */
public final class MailboxRecovery {
    /**
     * The receive time of genesis entries (the configured world written to a new journal). The live
     * run writes them without composing messages, so recovery composes none for them either: an
     * empty mailbox (nothing covered yet) would otherwise get notifications of the opening balances
     * after a restart that the live run never wrote.
     */
    private static final long GENESIS_TIME_MS = io.kapok.gateway.sequencer.Genesis.TIME_MS;

    private final Mailboxes mailboxes;
    private final long coveredInboundSequence;
    private final int messagesOfCovered;
    private long recreated;

    public MailboxRecovery(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
        this.coveredInboundSequence = mailboxes.lastInboundSequence();
        this.messagesOfCovered = mailboxes.messagesOfLastInbound();
    }

    /** Called for each replayed journal entry, after the ledger applied it with {@code result}. */
    public void onReplayed(JournalEntryCodec.Decoded entry, LedgerResult result) {
        long sequence = entry.command.sequence;
        if (sequence < coveredInboundSequence || entry.command.timeMs == GENESIS_TIME_MS) {
            return;
        }
        int skip = sequence == coveredInboundSequence ? messagesOfCovered : 0;
        recreated += mailboxes.compose(
                entry.command,
                entry.index,
                io.kapok.gateway.journal.JournalMessages.tag(entry.entryHash),
                entry.raw,
                entry.rawLength,
                result,
                skip);
    }

    /** Ends recovery (in {@code sync} durability, the re-created messages are forced to disk). */
    public void finish() {
        mailboxes.endBatch();
    }

    /** Messages re-created so far. */
    public long recreated() {
        return recreated;
    }

    /** The last inbound sequence the mailbox held messages of when recovery began. */
    public long coveredInboundSequence() {
        return coveredInboundSequence;
    }
}
