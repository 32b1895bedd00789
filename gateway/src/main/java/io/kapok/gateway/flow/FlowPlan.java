package io.kapok.gateway.flow;

import io.kapok.codecs.MessageType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerRejection;
import java.util.ArrayList;
import java.util.List;

/**
 * What one inbound message asks of the ledger: the commands it becomes, in order, each journaled as
 * its own entry (every entry carries the message's bytes, so each is self-contained for audit and
 * for re-composing its outbound messages after a crash), or the reason it is refused before anything
 * is journaled. Built by {@link FlowRouter} on the sequencer's thread; then filled with each
 * command's outcome as the sequencer applies them. Reused: one instance per sequencer.
 */
public final class FlowPlan {
    /** The inbound message's type. */
    public MessageType type;
    /** The authenticated sender. */
    public String senderId;
    /** The commands, in journal order. */
    public final List<LedgerCommand> commands = new ArrayList<>();
    /**
     * Per command: true when it runs only if the command before it was applied (a disbursement that
     * follows its interbank transfer).
     */
    public final List<Boolean> needsPrevious = new ArrayList<>();
    /** Per command, once run: applied, or the ledger's refusal; null when it was not run. */
    public final List<LedgerRejection> rejections = new ArrayList<>();

    public final List<Boolean> applied = new ArrayList<>();
    /** Per command, once run: its journal sequence; 0 when it was not run. */
    public final List<Long> sequences = new ArrayList<>();
    /** Journal sequence of the first entry written, 0 when none was. */
    public long firstSequence;
    /** Receive time of the message, epoch ms (the time of its entries). */
    public long timeMs;
    /**
     * Refused before the ledger: the ISO reason code and a sentence naming what is wrong. Nothing
     * is journaled then.
     */
    public String refusalCode;

    public String refusalDetail;

    /** Clears everything for the next message. */
    public void clear() {
        type = null;
        senderId = null;
        commands.clear();
        needsPrevious.clear();
        rejections.clear();
        applied.clear();
        sequences.clear();
        firstSequence = 0;
        timeMs = 0;
        refusalCode = null;
        refusalDetail = null;
    }

    /** Adds a command that runs whatever happened to the one before it. */
    public void add(LedgerCommand command) {
        add(command, false);
    }

    /** Adds a command; {@code needsPrevious}: only if the command before it was applied. */
    public void add(LedgerCommand command, boolean needsPrevious) {
        commands.add(command);
        this.needsPrevious.add(needsPrevious);
        rejections.add(null);
        applied.add(Boolean.FALSE);
        sequences.add(0L);
    }

    /** Records the outcome of command {@code i}, journaled at {@code sequence}. */
    public void ran(int i, boolean applied, LedgerRejection rejection, long sequence) {
        this.applied.set(i, applied);
        rejections.set(i, rejection);
        sequences.set(i, sequence);
    }

    /** Refuses the message before the ledger, with ISO reason {@code code}. */
    public void refuse(String code, String detail) {
        refusalCode = code;
        refusalDetail = detail;
    }

    public boolean refused() {
        return refusalCode != null;
    }

    /** Commands that were applied. */
    public int appliedCount() {
        int n = 0;
        for (Boolean a : applied) {
            if (a) {
                n++;
            }
        }
        return n;
    }

    /** The first refusal among the commands run, or null when every one that ran was applied. */
    public LedgerRejection firstRejection() {
        for (LedgerRejection r : rejections) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
