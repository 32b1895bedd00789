package io.kapok.gateway.http;

import io.kapok.gateway.journal.JournalAuditor;
import io.kapok.gateway.journal.JournalRetention;
import io.kapok.gateway.mailbox.MailboxRetention;
import io.kapok.gateway.mailbox.Mailboxes;
import io.kapok.gateway.mailbox.PartyMailbox;
import io.kapok.gateway.sequencer.Json;
import io.kapok.gateway.sequencer.SequencerHandler;
import io.kapok.gateway.snapshot.LedgerRecovery;
import io.kapok.gateway.snapshot.SnapshotAgent;

/**
 * The body of {@code GET /v1/health}: whether the gateway takes messages, and the state of what runs
 * beside the sequencer. Built on the event loop from volatile state the other threads publish; it
 * never waits for the sequencer.
 *
 * <pre>
 *  {"status": "UP", "sequence": 1042, "journal": "writable", "mailbox": "writable",
 *   "audit": {"state": "PASSED", "checkedEntries": 1000, "lastSequence": 1000},
 *   "snapshot": {"lastSequence": 1000, "ageMs": 5120, "lastError": null},
 *   "paymentWindow": {"decisions": 980, "room": 1024, "capacity": 4194304, "retentionDays": 30,
 *                     "full": false, "preallocated": false, "compactIds": true, "growths": 0,
 *                     "growthsPrepared": 0},
 *   "messageWindow": {"messages": 12, "capacity": 1048576, "outcomes": 40, "outcomeCapacity": 4194304,
 *                     "full": false},
 *   "mailboxes": {"capacityPerParty": 1000000, "undeliveredMax": 4410, "fullestParty": "VHBKHKHHXXX",
 *                 "full": false, "postingNotices": true},
 *   "recovery": {"summary": "recovered snapshot 900 + 100 entries", "snapshotSequence": 900,
 *                "replayedEntries": 100, "skippedSnapshots": 0},
 *   "retention": {"journal": {"mode": "archive", "cyclesRemoved": 3, "firstRetainedSequence": 801,
 *                             "cycleFiles": 7, "lastRunAgeMs": 5100, "keptBecause": "...", "lastError": null},
 *                 "mailbox": {"mode": "delete", "cyclesRemoved": 2, "undeliveredDropped": 0, ...}}}
 * </pre>
 *
 * With the FX feed running ({@code ./kapok run} with {@code fx.enabled}) an {@code "fx"} object
 * follows: see {@link io.kapok.gateway.fx.FixRateFeed#appendJson}. The feed's state never degrades
 * the status: payments in one currency do not need it.
 *
 * {@code status} is {@code DEGRADED} (HTTP 503) while the journal or the mailbox cannot be written
 * or once the background audit found a message whose bytes no longer match their digest ({@code
 * audit.state} {@code FAILED}, with the entry's {@code failedSequence} and {@code problem}), or
 * when the snapshot start-up recovered from, loaded again by the snapshot thread, does not give the
 * state hash it records ({@code snapshot.lastError} says so); else
 * {@code UP} (HTTP 200). The audit states are {@code RUNNING}, {@code PASSED}, {@code FAILED} and
 * {@code STOPPED}. A snapshot or retention error is shown but does not degrade: messages are still
 * taken and journaled. {@code paymentWindow} is the ledger's duplicate window after the sequencer's
 * last batch: the decisions it holds (those past the retention leave when the next payment comes,
 * not before). {@code room}: the decisions it can hold before it next doubles, copying itself on the
 * sequencer thread, which answers nothing meanwhile (tens of milliseconds from 262,144
 * on): a load run whose {@code room} changed had such a pause in it. {@code full}: it holds its capacity, so the next payment is refused ({@code
 * PAYMENT_WINDOW_FULL}) unless older decisions are due to leave by then; other messages are still
 * taken, so it does not degrade either. {@code preallocated}: the window, and the snapshot thread's
 * replica of it, are allocated whole ({@code ledger.paymentWindow.preallocate}) and grow no more.
 * {@code compactIds}: the window keeps its decisions' ids as bytes, not as the decoded Strings
 * ({@code ledger.paymentWindow.compactIds}). {@code growths}: the times it doubled since the
 * gateway started (a recovery's replay included); {@code growthsPrepared}: of those, the ones
 * into arrays the window-grower thread had allocated ahead (the others allocated on the sequencer
 * thread, a longer pause). {@code messageWindow} is the same for the receivable-financing
 * messages kept for their retries ({@code ledger.messageWindow}): while {@code full}, a new one is
 * answered 503. {@code mailboxes}: the party with the most undelivered messages, how many, and the
 * limit ({@code mailbox.capacityPerParty}); while {@code full}, a message that would write to that
 * party's mailbox is answered 503 (what fills first when nobody polls, as in a load run); {@code
 * postingNotices}: every posting also leaves a camt.054 there ({@code notifications.postings}).
 */
public final class HealthJson {
    private final boolean up;
    private final String json;

    private HealthJson(boolean up, String json) {
        this.up = up;
        this.json = json;
    }

    /** True when the gateway takes messages (HTTP 200), false when degraded (HTTP 503). */
    public boolean up() {
        return up;
    }

    /** The JSON body. */
    public String json() {
        return json;
    }

    /**
     * The health of a started gateway.
     *
     * @param nowMs the wall clock, epoch ms, for the ages
     */
    public static HealthJson of(SequencerHandler sequencer, long nowMs) {
        Mailboxes mailboxes = sequencer.mailboxes();
        boolean journalUp = sequencer.journalWritable();
        boolean mailboxUp = mailboxes.writable();
        JournalAuditor audit = sequencer.audit();
        boolean auditFailed = audit != null && audit.state() == JournalAuditor.State.CORRUPT;
        boolean snapshotSuspect =
                sequencer.snapshots() != null && sequencer.snapshots().startSnapshotProblem() != null;
        boolean up = journalUp && mailboxUp && !auditFailed && !snapshotSuspect;
        StringBuilder json = new StringBuilder(1024);
        json.append("{\"status\": \"")
                .append(up ? "UP" : "DEGRADED")
                .append("\", \"sequence\": ")
                .append(sequencer.lastSequence())
                .append(", \"journal\": \"")
                .append(writableOrError(journalUp, sequencer.journalError()))
                .append("\", \"mailbox\": \"")
                .append(writableOrError(mailboxUp, mailboxes.writeError()))
                .append('"');
        appendAudit(json, audit);
        appendSnapshot(json, sequencer.snapshots(), nowMs);
        int decisions = sequencer.paymentWindowDecisions();
        json.append(", \"paymentWindow\": {\"decisions\": ")
                .append(decisions)
                .append(", \"room\": ")
                .append(sequencer.paymentWindowRoom())
                .append(", \"capacity\": ")
                .append(sequencer.paymentWindowCapacity())
                .append(", \"retentionDays\": ")
                .append(sequencer.paymentWindowRetentionMs() / 86_400_000L)
                .append(", \"full\": ")
                .append(decisions >= sequencer.paymentWindowCapacity())
                .append(", \"preallocated\": ")
                .append(sequencer.paymentWindowPreallocated())
                .append(", \"compactIds\": ")
                .append(sequencer.paymentWindowCompactIds())
                .append(", \"growths\": ")
                .append(sequencer.paymentWindowGrowths())
                .append(", \"growthsPrepared\": ")
                .append(sequencer.paymentWindowGrowthsPrepared())
                .append('}');
        SequencerHandler.MessageWindow messages = sequencer.messageWindow();
        json.append(", \"messageWindow\": {\"messages\": ")
                .append(messages.messages())
                .append(", \"capacity\": ")
                .append(messages.capacity())
                .append(", \"outcomes\": ")
                .append(messages.outcomes())
                .append(", \"outcomeCapacity\": ")
                .append(messages.outcomeCapacity())
                .append(", \"full\": ")
                .append(messages.full())
                .append('}');
        appendMailboxes(json, mailboxes, sequencer.postingNotices());
        appendRecovery(json, sequencer);
        json.append(", \"retention\": {\"journal\": ");
        appendJournalRetention(
                json,
                sequencer.snapshots() == null ? null : sequencer.snapshots().retention(),
                nowMs);
        json.append(", \"mailbox\": ");
        appendMailboxRetention(json, mailboxes.retention(), nowMs);
        json.append('}');
        io.kapok.gateway.fx.FxFeedHealth fx = sequencer.fxFeed();
        if (fx != null) {
            json.append(", \"fx\": ");
            fx.appendJson(json, nowMs);
        }
        json.append('}');
        return new HealthJson(up, json.toString());
    }

    /**
     * How close the fullest mailbox is to {@code mailbox.capacityPerParty}, where the gateway starts
     * refusing what would write to it (HTTP 503): what a load run that never reads its mailboxes
     * fills first.
     */
    private static void appendMailboxes(StringBuilder json, Mailboxes mailboxes, boolean postingNotices) {
        PartyMailbox fullest = mailboxes.fullest();
        long undelivered = fullest == null ? 0 : fullest.undelivered();
        int capacity = mailboxes.limits().capacityPerParty();
        json.append(", \"mailboxes\": {\"capacityPerParty\": ")
                .append(capacity)
                .append(", \"undeliveredMax\": ")
                .append(undelivered)
                .append(", \"fullestParty\": ");
        if (fullest == null) {
            json.append("null");
        } else {
            json.append('"').append(Json.escape(fullest.partyId())).append('"');
        }
        json.append(", \"full\": ")
                .append(undelivered >= capacity)
                .append(", \"postingNotices\": ")
                .append(postingNotices)
                .append('}');
    }

    private static String writableOrError(boolean writable, String error) {
        return writable ? "writable" : "failing: " + Json.escape(String.valueOf(error));
    }

    private static void appendAudit(StringBuilder json, JournalAuditor audit) {
        json.append(", \"audit\": ");
        if (audit == null) {
            json.append("null");
            return;
        }
        String state = switch (audit.state()) {
            case RUNNING -> "RUNNING";
            case INTACT -> "PASSED";
            case CORRUPT -> "FAILED";
            case STOPPED -> "STOPPED";
        };
        json.append("{\"state\": \"")
                .append(state)
                .append("\", \"checkedEntries\": ")
                .append(audit.checkedEntries())
                .append(", \"lastSequence\": ")
                .append(audit.lastSequence());
        if (audit.state() == JournalAuditor.State.CORRUPT) {
            json.append(", \"failedSequence\": ").append(audit.failedSequence()).append(", \"problem\": ");
            string(json, audit.problem());
        }
        json.append('}');
    }

    private static void appendSnapshot(StringBuilder json, SnapshotAgent snapshots, long nowMs) {
        json.append(", \"snapshot\": ");
        if (snapshots == null) {
            json.append("null");
            return;
        }
        long takenMs = snapshots.lastSnapshotTimeMs();
        json.append("{\"lastSequence\": ")
                .append(snapshots.lastSnapshotSequence())
                .append(", \"ageMs\": ")
                .append(takenMs == 0 ? "null" : String.valueOf(Math.max(0, nowMs - takenMs)))
                .append(", \"lastError\": ");
        string(json, snapshots.lastError());
        json.append('}');
    }

    private static void appendRecovery(StringBuilder json, SequencerHandler sequencer) {
        LedgerRecovery.Result recovery = sequencer.recovery();
        json.append(", \"recovery\": ");
        if (recovery == null) {
            json.append("null");
            return;
        }
        json.append("{\"summary\": ");
        string(json, sequencer.recoverySummary());
        json.append(", \"snapshotSequence\": ")
                .append(recovery.snapshot() == null ? "null" : String.valueOf(recovery.snapshotSequence()))
                .append(", \"replayedEntries\": ")
                .append(sequencer.replayedEntries())
                .append(", \"skippedSnapshots\": ")
                .append(recovery.skipped().size())
                .append('}');
    }

    private static void appendJournalRetention(StringBuilder json, JournalRetention.State s, long nowMs) {
        if (s == null) {
            json.append("null");
            return;
        }
        appendRun(json, s.mode(), s.cyclesRemoved(), "firstRetainedSequence", s.firstRetainedSequence());
        appendRunEnd(json, s.cycleFiles(), s.lastRunMs(), s.keptBecause(), s.lastError(), nowMs);
    }

    private static void appendMailboxRetention(StringBuilder json, MailboxRetention.State s, long nowMs) {
        if (s == null) {
            json.append("null");
            return;
        }
        appendRun(json, s.mode(), s.cyclesRemoved(), "undeliveredDropped", s.undeliveredDropped());
        appendRunEnd(json, s.cycleFiles(), s.lastRunMs(), s.keptBecause(), s.lastError(), nowMs);
    }

    /** The opening fields of a retention: its mode, what it removed, and one count of its own. */
    private static void appendRun(StringBuilder json, String mode, long cyclesRemoved, String countName, long count) {
        json.append("{\"mode\": \"")
                .append(Json.escape(mode))
                .append("\", \"cyclesRemoved\": ")
                .append(cyclesRemoved)
                .append(", \"")
                .append(countName)
                .append("\": ")
                .append(count);
    }

    /** The fields both retentions share, and the closing brace. */
    private static void appendRunEnd(
            StringBuilder json, int cycleFiles, long lastRunMs, String keptBecause, String lastError, long nowMs) {
        json.append(", \"cycleFiles\": ")
                .append(cycleFiles < 0 ? "null" : String.valueOf(cycleFiles))
                .append(", \"lastRunAgeMs\": ")
                .append(lastRunMs == 0 ? "null" : String.valueOf(Math.max(0, nowMs - lastRunMs)))
                .append(", \"keptBecause\": ");
        string(json, keptBecause);
        json.append(", \"lastError\": ");
        string(json, lastError);
        json.append('}');
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
        } else {
            json.append('"').append(Json.escape(value)).append('"');
        }
    }
}
