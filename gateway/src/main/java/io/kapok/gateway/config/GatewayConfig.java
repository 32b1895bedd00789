package io.kapok.gateway.config;

import java.util.List;
import java.util.Map;

/**
 * The validated configuration of one gateway, as read from {@code config/kapok.yaml} (embedded) or
 * a file given with {@code --config}. Immutable. {@link ConfigLoader} checks every value once, at
 * start-up, and names the key and file of anything wrong.
 */
public record GatewayConfig(
        Gateway gateway,
        Limits limits,
        Sequencer sequencer,
        Journal journal,
        Platform platform,
        Mailbox mailbox,
        List<PartyEntry> parties,
        List<CreditLineEntry> creditLines,
        List<ProgrammeEntry> programmes,
        Notifications notifications) {

    /**
     * The notifications the platform writes besides the answers and the relayed messages.
     *
     * @param postings a camt.054 to the account owner on every posting (on by default; off only
     *     where another system notifies account owners)
     */
    public record Notifications(boolean postings) {
        public static final Notifications DEFAULT = new Notifications(true);
    }

    /** {@link #notifications()}, or the defaults when the section is absent. */
    public Notifications notificationsOrDefault() {
        return notifications == null ? Notifications.DEFAULT : notifications;
    }

    /** A copy with the notification settings replaced. */
    public GatewayConfig withNotifications(Notifications n) {
        return new GatewayConfig(
                gateway, limits, sequencer, journal, platform, mailbox, parties, creditLines, programmes, n);
    }

    /** Network side: where to listen and how many connections and threads. */
    public record Gateway(
            String bindAddress,
            int port,
            int eventLoopThreads,
            int connectionsMax,
            int pipelinedRequestsMax,
            int idleTimeoutSeconds) {}

    /** Bounds on one message. */
    public record Limits(
            int bodySizeBytesMax,
            int xmlDepthMax,
            int xmlElementCountMax,
            int xmlAttributeCountMax,
            int xmlTextLengthMax) {}

    /** The ring between the event loops and the sequencer/ledger thread. */
    public record Sequencer(int ringSize, String waitStrategy) {}

    /**
     * The Chronicle Queue journal.
     *
     * @param digest {@code sm3} (the default when absent) or {@code sha256}: the digest of each
     *     message and of the entry hash chain
     * @param snapshot when ledger snapshots are taken and how many are kept; defaults when absent
     */
    public record Journal(String dataDir, String durability, String rollCycle, String digest, Snapshot snapshot) {
        /** {@link #snapshot()}, or the defaults when the section is absent. */
        public Snapshot snapshotOrDefault() {
            return snapshot == null ? Snapshot.DEFAULT : snapshot;
        }

        Journal withDataDir(String dir) {
            return new Journal(dir, durability, rollCycle, digest, snapshot);
        }
    }

    /**
     * Ledger snapshots, written beside the journal under {@code <dataDir>/snapshots} by a thread of
     * their own: one after every {@code everyEntries} entries or every {@code everySeconds} seconds
     * with new entries, whichever comes first; the newest {@code keep} are kept.
     */
    public record Snapshot(long everyEntries, int everySeconds, int keep) {
        public static final Snapshot DEFAULT = new Snapshot(100_000, 300, 3);
    }

    /**
     * The per-party mailboxes of outbound messages ({@code <dataDir>/mailbox}) and their delivery
     * API, {@code GET /v1/mailbox}.
     *
     * @param capacityPerParty undelivered messages one party's mailbox holds; an inbound message
     *     that would write to a full mailbox is refused (HTTP 503 + admi.002), never dropped
     * @param messagesPerPollDefault messages in one answer when the request names no {@code limit}
     * @param messagesPerPollMax the largest {@code limit} a request may ask (more: HTTP 400)
     * @param pollWaitMsDefault how long a poll with nothing to deliver waits when it names no {@code waitMs}
     * @param pollWaitMsMax the largest {@code waitMs} (more: HTTP 400); below the idle timeout
     * @param parkedPollsPerPartyMax polls of one party waiting at once (more: HTTP 429)
     * @param parkedPollsMax polls of all parties waiting at once (more: HTTP 429)
     * @param readerThreads threads reading the mailbox queue for answers (never the event loops)
     * @param readQueueMax reads waiting for a reader thread (more: HTTP 503)
     */
    public record Mailbox(
            int capacityPerParty,
            int messagesPerPollDefault,
            int messagesPerPollMax,
            int pollWaitMsDefault,
            int pollWaitMsMax,
            int parkedPollsPerPartyMax,
            int parkedPollsMax,
            int readerThreads,
            int readQueueMax) {}

    /** The platform's own identity. */
    public record Platform(String id) {}

    /**
     * A party of the configured world.
     *
     * @param accounts currency code to opening balance (a decimal in the currency's units)
     */
    public record PartyEntry(
            String id,
            String name,
            List<String> roles,
            Map<String, String> accounts,
            String bank,
            Integer tier,
            String sellsTo) {}

    /** A bank's credit line to a core enterprise. */
    public record CreditLineEntry(String bank, String core, String currency, String limit) {}

    /**
     * A financing programme: which bank finances which core enterprise's suppliers, in which
     * currency, on what terms, and which suppliers are onboarded from the start.
     *
     * @param advanceRatePercent share of the face amount advanced, a decimal percentage (at most 4 decimals)
     * @param discountRatePercentPerYear annual discount rate, a decimal percentage (at most 4 decimals)
     * @param suppliers parties onboarded into the programme at genesis; may be absent
     */
    public record ProgrammeEntry(
            String id,
            String bank,
            String core,
            String currency,
            String advanceRatePercent,
            String discountRatePercentPerYear,
            Boolean recourse,
            List<String> suppliers) {}

    /** Durability modes of the journal. */
    public enum Durability {
        /** Memory-mapped: an acknowledged entry survives a process crash. */
        MAPPED,
        /** Forced to disk before acknowledging: survives power loss. */
        SYNC
    }

    public Durability durability() {
        return Durability.valueOf(journal.durability().toUpperCase(java.util.Locale.ROOT));
    }

    /** The digest algorithm of new journal entries ({@code journal.digest}; SM3 when absent). */
    public io.kapok.gateway.journal.JournalDigest journalDigest() {
        return journal.digest() == null
                ? io.kapok.gateway.journal.JournalDigest.SM3
                : io.kapok.gateway.journal.JournalDigest.ofConfigName(journal.digest());
    }

    /** A copy with the journal durability replaced ({@code mapped} or {@code sync}). */
    public GatewayConfig withDurability(String durability) {
        Journal j =
                new Journal(journal.dataDir(), durability, journal.rollCycle(), journal.digest(), journal.snapshot());
        return new GatewayConfig(
                gateway, limits, sequencer, j, platform, mailbox, parties, creditLines, programmes, notifications);
    }

    /** A copy with the journal digest replaced ({@code sm3} or {@code sha256}). */
    public GatewayConfig withJournalDigest(String digest) {
        Journal j =
                new Journal(journal.dataDir(), journal.durability(), journal.rollCycle(), digest, journal.snapshot());
        return new GatewayConfig(
                gateway, limits, sequencer, j, platform, mailbox, parties, creditLines, programmes, notifications);
    }

    /** A copy with the port replaced (the {@code --port} flag). */
    public GatewayConfig withPort(int port) {
        Gateway g = new Gateway(
                gateway.bindAddress(),
                port,
                gateway.eventLoopThreads(),
                gateway.connectionsMax(),
                gateway.pipelinedRequestsMax(),
                gateway.idleTimeoutSeconds());
        return new GatewayConfig(
                g, limits, sequencer, journal, platform, mailbox, parties, creditLines, programmes, notifications);
    }

    /** A copy with the snapshot settings replaced. */
    public GatewayConfig withSnapshots(Snapshot snapshot) {
        Journal j =
                new Journal(journal.dataDir(), journal.durability(), journal.rollCycle(), journal.digest(), snapshot);
        return new GatewayConfig(
                gateway, limits, sequencer, j, platform, mailbox, parties, creditLines, programmes, notifications);
    }

    /** A copy with the data directory replaced (the {@code --data} flag). */
    public GatewayConfig withDataDir(String dataDir) {
        Journal j = journal.withDataDir(dataDir);
        return new GatewayConfig(
                gateway, limits, sequencer, j, platform, mailbox, parties, creditLines, programmes, notifications);
    }

    /** A copy with the mailbox settings replaced. */
    public GatewayConfig withMailbox(Mailbox m) {
        return new GatewayConfig(
                gateway, limits, sequencer, journal, platform, m, parties, creditLines, programmes, notifications);
    }
}
