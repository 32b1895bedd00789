package io.kapok.gateway.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The record of the journal cycle files that retention removed, {@code <dataDir>/}{@value #FILE}:
 * one line per cycle file, added before the file is moved or deleted and never changed after.
 *
 * <pre>
 *  cycle=20261123F.cq4 firstSequence=1 lastSequence=5012 lastEntryHash=9f2c…(64 hex) action=archived timeMs=1795…
 * </pre>
 *
 * {@code lastEntryHash} is the hash of the last entry the file held, read from the {@code
 * prevEntryHash} of the first entry after it while that entry was still checked against the whole
 * chain: it is what the first retained entry must link to. A reader of the journal that starts at
 * entry {@code F > 1} accepts it only when a line names {@code lastSequence = F - 1} with that
 * entry's {@code prevEntryHash}; so an entry deleted from the front of the journal by anything else
 * than retention is still reported, and the chain from the first retained entry to the last is
 * checked as before. With {@code action=archived} the file is in {@code <dataDir>/archive/journal/}.
 *
 * <p>Written by the snapshot thread (retention), read by any thread; a line is added by writing the
 * whole file to a temporary name, forcing it and renaming it atomically.
 */
public final class JournalChainLinks {
    /** The file under the data directory. */
    public static final String FILE = "journal-retention.log";

    private static final String HEADER = "# Kapok journal: cycle files removed by retention (journal.retention)."
            + " The first retained entry links to the lastEntryHash of the last line.\n";

    /** One removed cycle file. */
    public record Link(
            String cycleFile,
            long firstSequence,
            long lastSequence,
            byte[] lastEntryHash,
            String action,
            long timeMs) {}

    private final Path file;
    private final ConcurrentSkipListMap<Long, Link> byLastSequence = new ConcurrentSkipListMap<>();

    private JournalChainLinks(Path file) {
        this.file = file;
    }

    /**
     * Reads the record of {@code dataDir} (empty when there is none).
     *
     * @throws JournalCorruptException when a line cannot be read (named by its line number)
     */
    public static JournalChainLinks load(Path dataDir) {
        JournalChainLinks links = new JournalChainLinks(dataDir.resolve(FILE));
        if (!Files.exists(links.file)) {
            return links;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(links.file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + links.file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Link link = parse(line, links.file, i + 1);
            links.byLastSequence.put(link.lastSequence(), link);
        }
        return links;
    }

    private static Link parse(String line, Path file, int lineNumber) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String field : line.split(" ")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(field.substring(0, eq), field.substring(eq + 1));
            }
        }
        try {
            byte[] hash = HexFormat.of().parseHex(fields.get("lastEntryHash"));
            if (hash.length != JournalDigest.LENGTH_BYTES) {
                throw new IllegalArgumentException("lastEntryHash is " + hash.length + " bytes");
            }
            return new Link(
                    fields.getOrDefault("cycle", "?"),
                    Long.parseLong(fields.get("firstSequence")),
                    Long.parseLong(fields.get("lastSequence")),
                    hash,
                    fields.getOrDefault("action", "?"),
                    Long.parseLong(fields.getOrDefault("timeMs", "0")));
        } catch (RuntimeException e) {
            throw new JournalCorruptException(0, file + " line " + lineNumber + " cannot be read (" + e + "): " + line);
        }
    }

    /** The hash the entry after {@code lastSequence} must link to, when retention removed up to it; else null. */
    public byte[] lastEntryHash(long lastSequence) {
        Link link = byLastSequence.get(lastSequence);
        return link == null ? null : link.lastEntryHash().clone();
    }

    /** The first entry retention kept: one after the last removed, or 1 when nothing was removed. */
    public long firstRetainedSequence() {
        return byLastSequence.isEmpty() ? 1 : byLastSequence.lastKey() + 1;
    }

    /** Every removed cycle file, oldest first. */
    public List<Link> links() {
        return new ArrayList<>(byLastSequence.values());
    }

    /** Adds a line and makes it durable before returning; snapshot thread. */
    void add(Link link) {
        byLastSequence.put(link.lastSequence(), link);
        StringBuilder text = new StringBuilder(HEADER);
        for (Link l : byLastSequence.values()) {
            text.append("cycle=")
                    .append(l.cycleFile())
                    .append(" firstSequence=")
                    .append(l.firstSequence())
                    .append(" lastSequence=")
                    .append(l.lastSequence())
                    .append(" lastEntryHash=")
                    .append(HexFormat.of().formatHex(l.lastEntryHash()))
                    .append(" action=")
                    .append(l.action())
                    .append(" timeMs=")
                    .append(l.timeMs())
                    .append('\n');
        }
        try {
            AtomicFiles.write(
                    file, file.resolveSibling(FILE + ".tmp"), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            byLastSequence.remove(link.lastSequence());
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
