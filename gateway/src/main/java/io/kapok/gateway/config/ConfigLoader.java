package io.kapok.gateway.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.IsoIdentifiers;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates the gateway configuration: the embedded default ({@code config/kapok.yaml},
 * packaged as {@value #EMBEDDED}) or a file. Every problem is reported as a
 * {@link ConfigException} whose message names the file and the key.
 */
public final class ConfigLoader {
    /** Class-path location of the embedded default configuration. */
    public static final String EMBEDDED = "kapok-config/kapok.yaml";

    private static final Set<String> ROLES = Set.of("operator", "bank", "core", "supplier");
    private static final Set<String> WAIT_STRATEGIES =
            Set.of("park-then-block", "blocking", "sleeping", "yielding", "busy-spin");

    private ConfigLoader() {}

    /** The embedded defaults. */
    public static GatewayConfig loadDefaults() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new ConfigException("the embedded configuration " + EMBEDDED
                        + " is missing from the class path; rebuild with ./kapok build");
            }
            return parse(in, "embedded " + EMBEDDED);
        } catch (IOException e) {
            throw new ConfigException("cannot read the embedded configuration " + EMBEDDED + ": " + e.getMessage(), e);
        }
    }

    /** A configuration file. */
    public static GatewayConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    static GatewayConfig parse(InputStream in, String source) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        GatewayConfig config;
        try {
            JsonNode tree = yaml.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw new ConfigException(source + ": is empty or not a YAML mapping");
            }
            checkKnownKeys(tree, GatewayConfig.class, "", source);
            config = yaml.treeToValue(tree, GatewayConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source + ": unknown key '" + path(e) + "'; known keys there: "
                    + e.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        } catch (MismatchedInputException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Cannot map `null`")) {
                throw new ConfigException(source + ": key '" + path(e) + "' is missing");
            }
            throw new ConfigException(source + ": key '" + path(e) + "': " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": key '" + path(e) + "': " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(source + ": not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        validate(config, source);
        return config;
    }

    /**
     * Reports a key the configuration does not know (a typo would otherwise be read as a missing
     * value) before values are mapped, naming the keys that are known at that place.
     */
    private static void checkKnownKeys(JsonNode node, Class<?> type, String path, String source) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.put(c.getName(), c);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String key = path.isEmpty() ? name : path + "." + name;
            RecordComponent component = components.get(name);
            if (component == null) {
                throw new ConfigException(source + ": unknown key '" + key + "'; known keys there: "
                        + components.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
            JsonNode child = node.get(name);
            if (component.getType().isRecord()) {
                checkKnownKeys(child, component.getType(), key, source);
            } else if (List.class.isAssignableFrom(component.getType())
                    && child.isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < child.size(); i++) {
                    checkKnownKeys(child.get(i), element, key + "[" + i + "]", source);
                }
            }
        }
    }

    /** Checks every value; throws naming the first wrong key. */
    public static void validate(GatewayConfig c, String source) {
        require(c.gateway() != null, source, "gateway", "section is missing");
        require(c.limits() != null, source, "limits", "section is missing");
        require(c.sequencer() != null, source, "sequencer", "section is missing");
        require(c.journal() != null, source, "journal", "section is missing");
        require(c.platform() != null, source, "platform", "section is missing");
        require(c.mailbox() != null, source, "mailbox", "section is missing");
        require(c.parties() != null && !c.parties().isEmpty(), source, "parties", "at least one party is needed");

        GatewayConfig.Gateway g = c.gateway();
        require(g.bindAddress() != null && !g.bindAddress().isBlank(), source, "gateway.bindAddress", "is missing");
        try {
            InetAddress.getByName(g.bindAddress());
        } catch (UnknownHostException e) {
            throw new ConfigException(
                    source + ": key 'gateway.bindAddress': '" + g.bindAddress() + "' is not an address");
        }
        range(source, "gateway.port", g.port(), 0, 65535);
        range(source, "gateway.eventLoopThreads", g.eventLoopThreads(), 1, 64);
        range(source, "gateway.connectionsMax", g.connectionsMax(), 1, 1_000_000);
        range(source, "gateway.pipelinedRequestsMax", g.pipelinedRequestsMax(), 1, 10_000);
        range(source, "gateway.idleTimeoutSeconds", g.idleTimeoutSeconds(), 1, 86_400);

        GatewayConfig.Limits l = c.limits();
        range(source, "limits.bodySizeBytesMax", l.bodySizeBytesMax(), 512, 64 * 1024 * 1024);
        range(source, "limits.xmlDepthMax", l.xmlDepthMax(), 8, 1000);
        range(source, "limits.xmlElementCountMax", l.xmlElementCountMax(), 16, 10_000_000);
        range(source, "limits.xmlAttributeCountMax", l.xmlAttributeCountMax(), 1, 10_000);
        range(source, "limits.xmlTextLengthMax", l.xmlTextLengthMax(), 35, 64 * 1024 * 1024);
        if (l.xmlItemsMax() != null) {
            range(source, "limits.xmlItemsMax", l.xmlItemsMax(), 1, 1_000_000);
            require(
                    l.xmlItemsMax() == 1
                            || (long) l.xmlItemsMax() * io.kapok.codecs.xml.XmlLimits.ELEMENTS_PER_ITEM
                                    <= l.xmlElementCountMax(),
                    source,
                    "limits.xmlItemsMax",
                    "needs limits.xmlElementCountMax of at least "
                            + (long) l.xmlItemsMax() * io.kapok.codecs.xml.XmlLimits.ELEMENTS_PER_ITEM + " ("
                            + io.kapok.codecs.xml.XmlLimits.ELEMENTS_PER_ITEM + " elements per item), which is "
                            + l.xmlElementCountMax());
        }

        GatewayConfig.Sequencer s = c.sequencer();
        range(source, "sequencer.ringSize", s.ringSize(), 2, 1 << 24);
        require(
                Integer.bitCount(s.ringSize()) == 1,
                source,
                "sequencer.ringSize",
                "must be a power of two, was " + s.ringSize());
        require(
                s.waitStrategy() != null && WAIT_STRATEGIES.contains(s.waitStrategy()),
                source,
                "sequencer.waitStrategy",
                "must be one of " + WAIT_STRATEGIES + ", was '" + s.waitStrategy() + "'");
        require(
                s.runsOn() == null
                        || GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP.equals(s.runsOn())
                        || GatewayConfig.Sequencer.ON_EVENT_LOOP.equals(s.runsOn())
                        || GatewayConfig.Sequencer.ON_OWN_THREAD.equals(s.runsOn()),
                source,
                "sequencer.runsOn",
                "must be " + GatewayConfig.Sequencer.ON_ANY_EVENT_LOOP + ", " + GatewayConfig.Sequencer.ON_EVENT_LOOP
                        + " or " + GatewayConfig.Sequencer.ON_OWN_THREAD + ", was '" + s.runsOn() + "'");

        GatewayConfig.Journal j = c.journal();
        require(j.dataDir() != null && !j.dataDir().isBlank(), source, "journal.dataDir", "is missing");
        require(
                j.durability() != null
                        && Set.of("mapped", "sync").contains(j.durability().toLowerCase(Locale.ROOT)),
                source,
                "journal.durability",
                "must be mapped or sync, was '" + j.durability() + "'");
        require(
                j.digest() == null || io.kapok.gateway.journal.JournalDigest.ofConfigName(j.digest()) != null,
                source,
                "journal.digest",
                "must be sm3 or sha256, was '" + j.digest() + "'");
        if (j.snapshot() != null) {
            GatewayConfig.Snapshot sn = j.snapshot();
            require(
                    sn.everyEntries() >= 1 && sn.everyEntries() <= 1_000_000_000L,
                    source,
                    "journal.snapshot.everyEntries",
                    "must be from 1 to 1000000000, was " + sn.everyEntries());
            range(source, "journal.snapshot.everySeconds", sn.everySeconds(), 1, 86_400);
            range(source, "journal.snapshot.keep", sn.keep(), 1, 1000);
        }
        try {
            io.kapok.gateway.journal.JournalRollCycles.of(j.rollCycle());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": key 'journal.rollCycle': '" + j.rollCycle()
                    + "' is not a Chronicle Queue roll cycle (e.g. FAST_DAILY, FAST_HOURLY)");
        }

        if (j.retention() != null) {
            GatewayConfig.JournalRetention r = j.retention();
            require(
                    r.mode() != null && Set.of("off", "archive", "delete").contains(r.mode()),
                    source,
                    "journal.retention.mode",
                    "must be off, archive or delete, was '" + r.mode() + "'");
            range(source, "journal.retention.keepCycles", r.keepCycles(), 1, 1_000_000);
            range(source, "journal.retention.keepDays", r.keepDays(), 0, 36_500);
        }

        validateMailbox(c.mailbox(), g, source);
        if (c.notifications() != null) {
            validateNotifications(c, source);
        }
        if (c.fx() != null) {
            validateFx(c.fx(), source);
        }
        if (c.ledger() != null && c.ledger().messageWindow() != null) {
            GatewayConfig.MessageWindow w = c.ledger().messageWindow();
            range(
                    source,
                    "ledger.messageWindow.capacity",
                    w.capacity(),
                    1,
                    io.kapok.ledger.receivable.DecidedMessages.CAPACITY_MAX);
            range(
                    source,
                    "ledger.messageWindow.outcomeCapacity",
                    w.outcomeCapacity(),
                    1,
                    io.kapok.ledger.receivable.DecidedMessages.CAPACITY_MAX);
            require(
                    Integer.bitCount(w.outcomeCapacity()) == 1,
                    source,
                    "ledger.messageWindow.outcomeCapacity",
                    "must be a power of two, was " + w.outcomeCapacity());
        }
        if (c.ledger() != null && c.ledger().paymentWindow() != null) {
            GatewayConfig.PaymentWindow w = c.ledger().paymentWindow();
            range(
                    source,
                    "ledger.paymentWindow.retentionDays",
                    w.retentionDays(),
                    1,
                    io.kapok.ledger.Ledger.PAYMENT_RETENTION_DAYS_MAX);
            range(
                    source,
                    "ledger.paymentWindow.capacity",
                    w.capacity(),
                    1,
                    io.kapok.ledger.payment.DecidedPayments.CAPACITY_MAX);
        }

        require(
                c.platform().id() != null && IsoIdentifiers.isBic(c.platform().id()),
                source,
                "platform.id",
                "must be the platform's BIC, was '" + c.platform().id() + "'");

        Set<String> ids = new HashSet<>();
        List<GatewayConfig.PartyEntry> parties = c.parties();
        for (int i = 0; i < parties.size(); i++) {
            GatewayConfig.PartyEntry p = parties.get(i);
            String key = "parties[" + i + "]";
            require(
                    p.id() != null && !p.id().isBlank() && p.id().length() <= 35,
                    source,
                    key + ".id",
                    "must be 1 to 35 characters");
            require(ids.add(p.id()), source, key + ".id", "'" + p.id() + "' appears twice");
            require(p.name() != null && !p.name().isBlank(), source, key + ".name", "is missing");
            require(p.roles() != null && !p.roles().isEmpty(), source, key + ".roles", "at least one of " + ROLES);
            for (String role : p.roles()) {
                require(ROLES.contains(role), source, key + ".roles", "'" + role + "' is not one of " + ROLES);
            }
            if (p.roles().contains("bank") || p.roles().contains("operator")) {
                require(
                        IsoIdentifiers.isBic(p.id()),
                        source,
                        key + ".id",
                        "a bank or the operator is identified by its BIC, '" + p.id() + "' is not one");
            }
            if (p.accounts() != null) {
                for (Map.Entry<String, String> a : p.accounts().entrySet()) {
                    String akey = key + ".accounts." + a.getKey();
                    int minorUnits = Iso4217.minorUnits(a.getKey());
                    require(
                            minorUnits != Iso4217.UNKNOWN,
                            source,
                            akey,
                            "'" + a.getKey() + "' is not an active ISO 4217 currency");
                    long minor = a.getValue() == null ? -1 : DecimalAmounts.parseMinor(a.getValue(), minorUnits);
                    require(
                            minor >= 0,
                            source,
                            akey,
                            "'" + a.getValue() + "' is not an amount in " + a.getKey() + " (at most " + minorUnits
                                    + " decimals, not negative)");
                }
            }
        }
        require(
                ids.contains(c.platform().id()),
                source,
                "platform.id",
                "'" + c.platform().id() + "' must also be listed under parties");
        for (int i = 0; i < parties.size(); i++) {
            GatewayConfig.PartyEntry p = parties.get(i);
            require(
                    p.bank() == null || ids.contains(p.bank()),
                    source,
                    "parties[" + i + "].bank",
                    "'" + p.bank() + "' is not a party");
            require(
                    p.sellsTo() == null || ids.contains(p.sellsTo()),
                    source,
                    "parties[" + i + "].sellsTo",
                    "'" + p.sellsTo() + "' is not a party");
        }
        List<GatewayConfig.CreditLineEntry> lines = c.creditLines() == null ? List.of() : c.creditLines();
        for (int i = 0; i < lines.size(); i++) {
            GatewayConfig.CreditLineEntry line = lines.get(i);
            String key = "creditLines[" + i + "]";
            require(ids.contains(line.bank()), source, key + ".bank", "'" + line.bank() + "' is not a party");
            require(ids.contains(line.core()), source, key + ".core", "'" + line.core() + "' is not a party");
            int minorUnits = Iso4217.minorUnits(line.currency());
            require(
                    minorUnits != Iso4217.UNKNOWN,
                    source,
                    key + ".currency",
                    "'" + line.currency() + "' is not an active ISO 4217 currency");
            require(
                    line.limit() != null && DecimalAmounts.parseMinor(line.limit(), minorUnits) >= 0,
                    source,
                    key + ".limit",
                    "'" + line.limit() + "' is not an amount in " + line.currency());
        }
        List<GatewayConfig.ProgrammeEntry> programmes = c.programmes() == null ? List.of() : c.programmes();
        Set<String> programmeIds = new HashSet<>();
        for (int i = 0; i < programmes.size(); i++) {
            GatewayConfig.ProgrammeEntry pr = programmes.get(i);
            String key = "programmes[" + i + "]";
            require(
                    pr.id() != null && !pr.id().isBlank() && pr.id().length() <= 35,
                    source,
                    key + ".id",
                    "must be 1 to 35 characters");
            require(programmeIds.add(pr.id()), source, key + ".id", "'" + pr.id() + "' appears twice");
            require(ids.contains(pr.bank()), source, key + ".bank", "'" + pr.bank() + "' is not a party");
            require(ids.contains(pr.core()), source, key + ".core", "'" + pr.core() + "' is not a party");
            require(
                    Iso4217.minorUnits(pr.currency()) != Iso4217.UNKNOWN,
                    source,
                    key + ".currency",
                    "'" + pr.currency() + "' is not an active ISO 4217 currency");
            long advancePpm = ratePpm(pr.advanceRatePercent());
            require(
                    advancePpm > 0 && advancePpm <= 1_000_000,
                    source,
                    key + ".advanceRatePercent",
                    "must be a percentage above 0 and at most 100 (at most 4 decimals), was '" + pr.advanceRatePercent()
                            + "'");
            long discountPpm = ratePpm(pr.discountRatePercentPerYear());
            require(
                    discountPpm >= 0 && discountPpm <= 1_000_000,
                    source,
                    key + ".discountRatePercentPerYear",
                    "must be a percentage from 0 to 100 (at most 4 decimals), was '" + pr.discountRatePercentPerYear()
                            + "'");
            List<String> suppliers = pr.suppliers() == null ? List.of() : pr.suppliers();
            for (int k = 0; k < suppliers.size(); k++) {
                String supplier = suppliers.get(k);
                GatewayConfig.PartyEntry party = parties.stream()
                        .filter(p -> p.id().equals(supplier))
                        .findFirst()
                        .orElse(null);
                require(
                        party != null && party.roles().contains("supplier"),
                        source,
                        key + ".suppliers[" + k + "]",
                        "'" + supplier + "' is not a party with the role supplier");
            }
        }
    }

    /**
     * A percentage with at most 4 decimals as parts per million (90 → 900,000; 3.6 → 36,000), or -1
     * when it is not one.
     */
    public static long ratePpm(String percent) {
        return percent == null ? -1 : DecimalAmounts.parseMinor(percent, 4);
    }

    /** Most pairs one feed subscribes to. */
    public static final int FX_PAIRS_MAX = 64;

    private static void validateFx(GatewayConfig.Fx fx, String source) {
        require(fx.host() != null && !fx.host().isBlank(), source, "fx.host", "is missing");
        try {
            InetAddress.getByName(fx.host());
        } catch (UnknownHostException e) {
            throw new ConfigException(source + ": key 'fx.host': '" + fx.host() + "' is not an address");
        }
        range(source, "fx.port", fx.port(), 0, 65535);
        require(
                !fx.enabled()
                        || fx.port() != 0
                        || (fx.simulator() != null && fx.simulator().enabled()),
                source,
                "fx.port",
                "is 0, which means the embedded simulator's port, but fx.simulator.enabled is false");
        for (String key : new String[] {"senderCompId", "targetCompId"}) {
            String id = key.equals("senderCompId") ? fx.senderCompId() : fx.targetCompId();
            require(
                    id != null && id.matches("[A-Za-z0-9_.-]{1,32}"),
                    source,
                    "fx." + key,
                    "must be 1 to 32 letters, digits, '_', '.' or '-', was '" + id + "'");
        }
        require(
                !fx.senderCompId().equals(fx.targetCompId()),
                source,
                "fx.targetCompId",
                "must differ from fx.senderCompId '" + fx.senderCompId() + "'");
        range(source, "fx.heartbeatSeconds", fx.heartbeatSeconds(), 1, 300);
        range(source, "fx.reconnectSeconds", fx.reconnectSeconds(), 1, 300);
        List<String> pairs = fx.pairs() == null ? List.of() : fx.pairs();
        require(
                !fx.enabled() || !pairs.isEmpty(),
                source,
                "fx.pairs",
                "needs at least one pair when fx.enabled is true");
        require(pairs.size() <= FX_PAIRS_MAX, source, "fx.pairs", "has " + pairs.size() + ", at most " + FX_PAIRS_MAX);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pairs.size(); i++) {
            String pair = pairs.get(i);
            require(
                    io.kapok.gateway.fx.FxPair.parse(pair) != null,
                    source,
                    "fx.pairs[" + i + "]",
                    "must be BASE/QUOTE in two different active ISO 4217 codes (e.g. USD/CNY), was '" + pair + "'");
            require(seen.add(pair), source, "fx.pairs[" + i + "]", "'" + pair + "' is listed twice");
        }
        long bandPpm = ratePpm(fx.bandPercent());
        require(
                bandPpm > 0 && bandPpm <= 1_000_000,
                source,
                "fx.bandPercent",
                "must be a percentage above 0 and at most 100 (at most 4 decimals), was '" + fx.bandPercent() + "'");
        require(fx.simulator() != null, source, "fx.simulator", "section is missing");
        range(source, "fx.simulator.port", fx.simulator().port(), 0, 65535);
        range(source, "fx.simulator.intervalMs", fx.simulator().intervalMs(), 10, 3_600_000);
    }

    private static void validateMailbox(GatewayConfig.Mailbox m, GatewayConfig.Gateway g, String source) {
        range(source, "mailbox.capacityPerParty", m.capacityPerParty(), 1, 100_000_000);
        range(source, "mailbox.messagesPerPollMax", m.messagesPerPollMax(), 1, 10_000);
        range(source, "mailbox.messagesPerPollDefault", m.messagesPerPollDefault(), 1, m.messagesPerPollMax());
        // A poll must answer before the idle timeout closes its connection under it.
        range(source, "mailbox.pollWaitMsMax", m.pollWaitMsMax(), 0, g.idleTimeoutSeconds() * 1000 - 1000);
        range(source, "mailbox.pollWaitMsDefault", m.pollWaitMsDefault(), 0, m.pollWaitMsMax());
        range(source, "mailbox.parkedPollsPerPartyMax", m.parkedPollsPerPartyMax(), 0, 10_000);
        range(source, "mailbox.parkedPollsMax", m.parkedPollsMax(), 0, 1_000_000);
        range(source, "mailbox.readerThreads", m.readerThreads(), 1, 64);
        range(source, "mailbox.readQueueMax", m.readQueueMax(), 1, 1_000_000);
        if (m.retention() != null) {
            GatewayConfig.MailboxRetention r = m.retention();
            require(
                    r.mode() != null && Set.of("off", "delete").contains(r.mode()),
                    source,
                    "mailbox.retention.mode",
                    "must be off or delete, was '" + r.mode() + "'");
            range(source, "mailbox.retention.keepCycles", r.keepCycles(), 1, 1_000_000);
            range(source, "mailbox.retention.keepDays", r.keepDays(), 0, 36_500);
            range(source, "mailbox.retention.maxAgeDays", r.maxAgeDays(), 0, 36_500);
            require(
                    r.maxAgeDays() == 0 || r.maxAgeDays() > r.keepDays(),
                    source,
                    "mailbox.retention.maxAgeDays",
                    "must be 0 (never) or more than keepDays " + r.keepDays() + ", was " + r.maxAgeDays());
            range(source, "mailbox.retention.checkEverySeconds", r.checkEverySeconds(), 1, 86_400);
        }
    }

    private static void validateNotifications(GatewayConfig c, String source) {
        GatewayConfig.Notifications n = c.notifications();
        require(
                !n.endOfDayStatements() || n.postings(),
                source,
                "notifications.endOfDayStatements",
                "needs notifications.postings: true (a statement lists the postings' camt.054s)");
        range(source, "notifications.dayEndCheckSeconds", n.dayEndCheckSeconds(), 0, 3600);
        java.util.Set<String> known = new java.util.HashSet<>();
        for (GatewayConfig.PartyEntry p : c.parties()) {
            known.add(p.id());
        }
        for (String party : n.statementsOfEveryAccountOrNone()) {
            require(
                    known.contains(party),
                    source,
                    "notifications.statementsOfEveryAccount",
                    "names '" + party + "', which is not a configured party");
        }
    }

    private static void range(String source, String key, int value, int min, int max) {
        require(value >= min && value <= max, source, key, "must be from " + min + " to " + max + ", was " + value);
    }

    private static void require(boolean ok, String source, String key, String problem) {
        if (!ok) {
            throw new ConfigException(source + ": key '" + key + "' " + problem);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
