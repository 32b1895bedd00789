package io.kapok.gateway.cli;

import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.gateway.Gateway;
import io.kapok.gateway.journal.Journal;
import io.kapok.gateway.journal.JournalChainLinks;
import io.kapok.gateway.journal.JournalCorruptException;
import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.gateway.journal.JournalPositionException;
import io.kapok.gateway.snapshot.LedgerRecovery;
import io.kapok.gateway.snapshot.SnapshotCorruptException;
import io.kapok.gateway.snapshot.SnapshotStore;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.party.PartyRole;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * {@code ./kapok journal verify|tail|dump}: operations on a journal that no gateway is writing.
 *
 * <p>{@code verify} takes the data directory's lock, so it refuses (one line, exit 1) while a
 * gateway runs there: the state hash it prints is then the one the stopped gateway last reported.
 * {@code tail} and {@code dump} open the journal read-only and take no lock: they also work beside a
 * running gateway. All three check every entry they read against its hashes and the chain, and stop
 * at the first that fails (one line naming its sequence, exit 1). {@code verify} also checks every
 * snapshot against the journal.
 */
final class JournalCommand {
    static final String USAGE = """
            Usage: ./kapok journal <verify|tail|dump> --data DIR [options]

              verify --data DIR [--recompute-state-hashes]
                                                     check every message digest, entry hash and the chain,
                                                     replay into a fresh ledger, check every snapshot against
                                                     it, print the entries checked, the last sequence and the
                                                     state hash (the value GET /v1/ledger/hash showed); needs
                                                     the gateway on DIR stopped
              tail   --data DIR [--count N]          the last N entries (default 10), one line each
              dump   --data DIR [--from SEQ] [--limit N]
                                                     entries from SEQ (default 1), at most N (default all)

            Exit codes: 0 intact, 1 a corrupt or torn entry (named by its sequence) or a locked
            directory, 2 a usage error or no journal in DIR.
            """;
    static final String VERIFY_USAGE = """
            Usage: ./kapok journal verify --data DIR [--recompute-state-hashes]

            Checks every entry of DIR/journal against its message digest and entry hash, and the chain
            from entry to entry; replays it into a fresh ledger and prints the entries checked, the last
            sequence, the last entry hash and the state hash (the same value GET /v1/ledger/hash showed).
            Each snapshot in DIR/snapshots is checked too: its checksum, its ledger against its state
            hash, and both against the journal replayed to its sequence.
            When retention removed the oldest cycles (DIR/journal-retention.log), the chain is checked
            from the first retained entry, which must link to the hash recorded for the last removed
            one, and the replay starts from the oldest snapshot at or after that boundary.
            --recompute-state-hashes also loads each snapshot's ledger and recomputes its state hash
            over the whole ledger (start-up trusts the recorded one: the checksum covers it).
            Takes DIR's lock: stop the gateway first. Exit 0 intact, 1 corrupt or locked, 2 usage.
            """;
    static final String TAIL_USAGE = """
            Usage: ./kapok journal tail --data DIR [--count N]

            Prints the last N entries (default 10): sequence, receive time (UTC), sender, type, the
            command's key fields, and the first bytes of the message digest and entry hash. Opens the
            journal read-only: works beside a running gateway.
            """;
    static final String DUMP_USAGE = """
            Usage: ./kapok journal dump --data DIR [--from SEQ] [--limit N]

            Prints entries from SEQ (default 1), at most N (default all), as ./kapok journal tail does.
            Opens the journal read-only: works beside a running gateway.
            """;

    private static final int HASH_PREFIX_BYTES = 4;

    private final PrintStream out;
    private final PrintStream err;

    JournalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            out.print(USAGE);
            return 0;
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        String help = switch (sub) {
            case "verify" -> VERIFY_USAGE;
            case "tail" -> TAIL_USAGE;
            case "dump" -> DUMP_USAGE;
            default ->
                throw new KapokMain.UsageException(
                        "unknown journal command '" + sub + "'; use verify, tail or dump (see ./kapok journal --help)");
        };
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(help);
            return 0;
        }
        String data = null;
        long count = 10;
        long from = 1;
        long limit = Long.MAX_VALUE;
        boolean recomputeStateHashes = false;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--data" -> data = KapokMain.value(rest, ++i, "--data", "a data directory");
                case "--count" -> {
                    requireOption(sub, "tail", arg);
                    count = positive(KapokMain.value(rest, ++i, "--count", "a number"), "--count");
                }
                case "--from" -> {
                    requireOption(sub, "dump", arg);
                    from = positive(KapokMain.value(rest, ++i, "--from", "a sequence"), "--from");
                }
                case "--recompute-state-hashes" -> {
                    requireOption(sub, "verify", arg);
                    recomputeStateHashes = true;
                }
                case "--limit" -> {
                    requireOption(sub, "dump", arg);
                    limit = positive(KapokMain.value(rest, ++i, "--limit", "a number"), "--limit");
                }
                default ->
                    throw new KapokMain.UsageException("unknown option '" + arg + "' for journal " + sub
                            + "; see ./kapok journal " + sub + " --help");
            }
        }
        if (data == null) {
            throw new KapokMain.UsageException(
                    "journal " + sub + " needs --data DIR, the gateway's data directory (e.g. ./data)");
        }
        Path dataDir = Path.of(data).toAbsolutePath().normalize();
        if (!Files.isDirectory(dataDir.resolve("journal"))) {
            err.println("kapok: no journal in " + dataDir + " (expected " + dataDir.resolve("journal")
                    + "); pass the gateway's --data directory");
            return 2;
        }
        return switch (sub) {
            case "verify" -> verify(dataDir, recomputeStateHashes);
            case "tail" -> print(dataDir, 0, Long.MAX_VALUE, count);
            default -> print(dataDir, from, limit, 0);
        };
    }

    private static void requireOption(String sub, String owner, String option) {
        if (!sub.equals(owner)) {
            throw new KapokMain.UsageException(option + " belongs to journal " + owner + ", not journal " + sub
                    + "; see ./kapok journal " + sub + " --help");
        }
    }

    private static long positive(String text, String flag) {
        try {
            long n = Long.parseLong(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new KapokMain.UsageException(flag + " needs a whole number of at least 1, got '" + text + "'");
        }
    }

    private int verify(Path dataDir, boolean recomputeStateHashes) {
        Gateway.DataDirectoryLock lock;
        try {
            lock = Gateway.DataDirectoryLock.acquire(dataDir);
        } catch (Gateway.DataDirectoryInUseException e) {
            err.println("kapok: " + dataDir + " is in use by a running gateway; stop it first,"
                    + " or read the journal beside it with ./kapok journal tail --data " + dataDir);
            return 1;
        } catch (IOException e) {
            err.println("kapok: cannot lock " + dataDir + ": " + e.getMessage());
            return 1;
        }
        long[] checked = {0};
        SnapshotStore store = new SnapshotStore(dataDir);
        Map<Long, SnapshotStore.Snapshot> snapshots = new TreeMap<>();
        List<String> snapshotProblems = new ArrayList<>();
        for (Path file : store.list()) {
            try {
                SnapshotStore.Snapshot snapshot = SnapshotStore.read(file);
                LedgerRecovery.load(snapshot, recomputeStateHashes);
                snapshots.put(snapshot.lastSequence(), snapshot);
            } catch (SnapshotCorruptException e) {
                snapshotProblems.add(e.getMessage());
            }
        }
        List<String> snapshotsIntact = new ArrayList<>();
        try (lock;
                Journal journal = Journal.openReadOnly(dataDir)) {
            LedgerResult result = new LedgerResult();
            RetainedStart start = new RetainedStart(snapshots, snapshotsIntact);
            Journal.ReplayResult replay = journal.replayFromFirstRetained(decoded -> {
                checked[0]++;
                Ledger ledger = start.ledgerFor(decoded);
                if (ledger == null) {
                    return; // before the snapshot a journal without its oldest cycles is replayed from
                }
                if (decoded.command.sequence > ledger.lastSequence()) {
                    ledger.apply(decoded.command, result);
                }
                SnapshotStore.Snapshot snapshot = snapshots.remove(decoded.command.sequence);
                if (snapshot != null) {
                    checkSnapshot(snapshot, decoded, ledger, snapshotsIntact, snapshotProblems);
                }
            });
            if (start.ledger == null) {
                err.println("kapok: the journal holds no entry to replay");
                return 1;
            }
            Ledger ledger = start.ledger;
            for (SnapshotStore.Snapshot beyond : snapshots.values()) {
                snapshotProblems.add("snapshot " + beyond.file().getFileName() + " is at sequence "
                        + beyond.lastSequence() + ", after the journal's last entry " + replay.lastSequence());
            }
            String breach = ledger.checkInvariants();
            out.println("journal:         " + dataDir.resolve("journal"));
            if (start.firstSequence > 1) {
                out.println("retention:       entries 1.." + (start.firstSequence - 1) + " removed ("
                        + dataDir.resolve(JournalChainLinks.FILE).getFileName() + "); entry " + start.firstSequence
                        + " links to the hash recorded there; replayed from snapshot "
                        + start.base.file().getFileName());
            }
            out.println("entries checked: " + replay.entries() + " (message digests, entry hashes, chain: intact)");
            out.println("last sequence:   " + replay.lastSequence());
            out.println("last entry hash: " + HexFormat.of().formatHex(replay.lastEntryHash()));
            out.println("state hash:      " + HexFormat.of().formatHex(ledger.stateHash()));
            snapshotsIntact.forEach(line -> out.println("snapshot:        " + line));
            if (replay.incompleteTail() != null) {
                out.println("note:            " + replay.incompleteTail());
            }
            if (breach != null) {
                err.println("kapok: the replayed ledger breaks an invariant: " + breach);
                return 1;
            }
            if (!snapshotProblems.isEmpty()) {
                snapshotProblems.forEach(problem -> err.println("kapok: " + problem));
                return 1;
            }
            return 0;
        } catch (JournalCorruptException | JournalPositionException e) {
            err.println("kapok: " + e.getMessage() + " (" + checked[0] + " entries before it verified)");
            return 1;
        }
    }

    /**
     * Where the replay of {@code verify} starts: a fresh ledger at entry 1, or, when retention removed
     * the oldest cycles, the oldest snapshot at or after the entry before the first retained one
     * (that snapshot's entry hash checked against the journal, or against the recorded link when
     * the snapshot is exactly at the boundary). Snapshots before the boundary are checked on their
     * own (checksum, ledger against state hash) only.
     */
    private static final class RetainedStart {
        private final Map<Long, SnapshotStore.Snapshot> snapshots;
        private final List<String> intact;
        Ledger ledger;
        SnapshotStore.Snapshot base;
        long firstSequence;

        RetainedStart(Map<Long, SnapshotStore.Snapshot> snapshots, List<String> intact) {
            this.snapshots = snapshots;
            this.intact = intact;
        }

        /** The ledger to apply {@code entry} to, or null while the replay has not reached its base. */
        Ledger ledgerFor(JournalEntryCodec.Decoded entry) {
            long sequence = entry.command.sequence;
            if (firstSequence == 0) {
                firstSequence = sequence;
                if (sequence == 1) {
                    ledger = new Ledger();
                    return ledger;
                }
                for (var it = snapshots.entrySet().iterator(); it.hasNext(); ) {
                    SnapshotStore.Snapshot s = it.next().getValue();
                    if (s.lastSequence() < sequence - 1) {
                        intact.add(s.file().getFileName() + " at sequence " + s.lastSequence()
                                + ": before the first retained entry, checked on its own");
                        it.remove();
                    } else if (base == null) {
                        base = s;
                        it.remove();
                    }
                }
                if (base == null) {
                    throw new JournalPositionException("the journal begins at entry " + sequence
                            + " (retention removed the cycles before it) and no snapshot at entry " + (sequence - 1)
                            + " or later is left to replay it from");
                }
                if (base.lastSequence() == sequence - 1) {
                    if (!Arrays.equals(base.entryHash(), entry.prevEntryHash)) {
                        throw new JournalPositionException(
                                "snapshot " + base.file().getFileName()
                                        + " records another hash for entry " + base.lastSequence()
                                        + " than the first retained entry links to");
                    }
                    ledger = LedgerRecovery.load(base);
                    intact.add(base.file().getFileName() + " at sequence " + base.lastSequence()
                            + ": matches the link of the first retained entry; replayed from it");
                }
            }
            if (ledger == null && sequence == base.lastSequence()) {
                if (!Arrays.equals(base.entryHash(), entry.entryHash)) {
                    throw new JournalPositionException("snapshot " + base.file().getFileName()
                            + " records another entry hash than journal entry " + sequence);
                }
                ledger = LedgerRecovery.load(base);
                intact.add(base.file().getFileName() + " at sequence " + base.lastSequence()
                        + ": matches the journal; replayed from it");
            }
            return ledger;
        }
    }

    /** Compares a snapshot with the journal's entry at its sequence and the replayed ledger there. */
    private static void checkSnapshot(
            SnapshotStore.Snapshot snapshot,
            JournalEntryCodec.Decoded entry,
            Ledger replayed,
            List<String> intact,
            List<String> problems) {
        String name = snapshot.file().getFileName().toString();
        if (!Arrays.equals(snapshot.entryHash(), entry.entryHash)) {
            problems.add("snapshot " + name + " records another entry hash than journal entry "
                    + snapshot.lastSequence() + ": it belongs to another journal");
        } else if (!Arrays.equals(snapshot.stateHash(), replayed.stateHash())) {
            problems.add("snapshot " + name + " holds another state than the journal replayed to "
                    + snapshot.lastSequence());
        } else {
            intact.add(name + " at sequence " + snapshot.lastSequence() + ": matches the journal");
        }
    }

    private int print(Path dataDir, long from, long limit, long lastCount) {
        ArrayDeque<String> last = new ArrayDeque<>();
        long[] printed = {0};
        try (Journal journal = Journal.openReadOnly(dataDir)) {
            journal.replayFromFirstRetained(decoded -> {
                long sequence = decoded.command.sequence;
                if (lastCount > 0) {
                    if (last.size() == lastCount) {
                        last.pollFirst();
                    }
                    last.addLast(format(decoded));
                } else if (sequence >= from && printed[0] < limit) {
                    out.println(format(decoded));
                    printed[0]++;
                }
            });
            last.forEach(out::println);
            return 0;
        } catch (JournalCorruptException e) {
            last.forEach(out::println);
            err.println("kapok: " + e.getMessage());
            return 1;
        }
    }

    /** One entry on one line. */
    static String format(JournalEntryCodec.Decoded d) {
        StringBuilder line = new StringBuilder(200);
        line.append(String.format("%8d  ", d.command.sequence));
        line.append(Instant.ofEpochMilli(d.command.timeMs)).append("  ");
        line.append(String.format("%-18s  ", d.senderId.isEmpty() ? "(genesis)" : d.senderId));
        line.append(String.format("%-19s  ", d.command.type()));
        line.append(fields(d.command));
        line.append("  bytes=").append(d.rawLength);
        line.append("  ")
                .append(d.algorithm.configName())
                .append(" msg=")
                .append(HexFormat.of().formatHex(d.messageDigest, 0, HASH_PREFIX_BYTES))
                .append("… entry=")
                .append(HexFormat.of().formatHex(d.entryHash, 0, HASH_PREFIX_BYTES))
                .append('…');
        return line.toString();
    }

    /**
     * The command's own fields as {@code name=value}, in declaration order: currencies as ISO 4217
     * codes, amounts ({@code xxxMinor}) as {@code xxx=CCY decimal} in the command's currency, days
     * as dates, roles by name. The sender is already in the line.
     */
    static String fields(LedgerCommand command) {
        StringJoiner fields = new StringJoiner(" ");
        int currency = 0;
        for (Field f : command.getClass().getDeclaredFields()) {
            if (f.getName().equals("currency")) {
                currency = (int) read(f, command);
            }
        }
        for (Field f : command.getClass().getDeclaredFields()) {
            int modifiers = f.getModifiers();
            if (!Modifier.isPublic(modifiers)
                    || Modifier.isStatic(modifiers)
                    || f.getName().equals("senderId")) {
                continue;
            }
            String name = f.getName();
            Object value = read(f, command);
            String text;
            if (command instanceof io.kapok.ledger.payment.TransferCommand t
                    && (name.startsWith("instructed") || name.equals("exchangeRateScaled"))) {
                if (t.instructedCurrency == 0) {
                    continue; // a transfer in one currency: no instructed amount, no rate
                }
                if (name.equals("instructedAmountMinor")) {
                    fields.add("instructedAmount=" + money(t.instructedCurrency, t.instructedAmountMinor));
                    continue;
                }
                if (name.equals("exchangeRateScaled")) {
                    fields.add("exchangeRate="
                            + (t.exchangeRateScaled == 0
                                    ? "none"
                                    : io.kapok.gateway.fx.FxPrices.format(t.exchangeRateScaled)));
                    continue;
                }
            }
            if (name.toLowerCase(Locale.ROOT).endsWith("currency")) {
                text = Iso4217.unpack((int) value);
            } else if (name.endsWith("Minor") && currency != 0) {
                name = name.substring(0, name.length() - "Minor".length());
                text = money(currency, (long) value);
            } else if (name.endsWith("Day")) {
                text = LocalDate.ofEpochDay((int) value).toString();
            } else if (name.equals("roles")) {
                StringJoiner roles = new StringJoiner(",");
                for (PartyRole role : PartyRole.values()) {
                    if (role.in((int) value)) {
                        roles.add(role.name().toLowerCase(Locale.ROOT));
                    }
                }
                text = roles.toString();
            } else if (value instanceof String str) {
                text = str.indexOf(' ') >= 0 || str.isEmpty() ? "\"" + str + "\"" : str;
            } else {
                text = String.valueOf(value);
            }
            fields.add(name + "=" + text);
        }
        return fields.toString();
    }

    private static Object read(Field f, LedgerCommand command) {
        try {
            return f.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("public field " + f + " cannot be read", e);
        }
    }

    private static String money(int currency, long amountMinor) {
        StringBuilder s = new StringBuilder(Iso4217.unpack(currency)).append(' ');
        DecimalAmounts.appendDecimal(s, amountMinor, Iso4217.minorUnits(currency));
        return s.toString();
    }
}
