package io.kapok.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static String embeddedYaml() throws IOException {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.EMBEDDED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The message the embedded config is refused with once {@code from} is replaced by {@code to}. */
    private static String refusal(String from, String to) throws IOException {
        String yaml = embeddedYaml().replace(from, to);
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    private static GatewayConfig parse(String yaml) {
        return ConfigLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void embeddedDefaultsAreTheDemoWorldOnLoopback() {
        GatewayConfig c = ConfigLoader.loadDefaults();
        assertEquals("127.0.0.1", c.gateway().bindAddress());
        assertEquals("./data", c.journal().dataDir());
        assertEquals("KAPKCNGZXXX", c.platform().id());
        assertEquals(8, c.parties().size());
        assertEquals(
                "50000000.00",
                c.parties().stream()
                        .filter(p -> p.id().equals("PRBKCNGZXXX"))
                        .findFirst()
                        .orElseThrow()
                        .accounts()
                        .get("CNY"));
        assertEquals(2, c.creditLines().size());
    }

    @Test
    void unknownKeyIsNamedWithTheFile() throws IOException {
        ConfigException e = assertThrows(
                ConfigException.class, () -> parse(embeddedYaml().replace("  port: 8080", "  prot: 8080")));
        assertTrue(e.getMessage().startsWith("test.yaml: unknown key 'gateway.prot'"), e.getMessage());
    }

    @Test
    void ringSizeMustBeAPowerOfTwo() throws IOException {
        assertEquals(
                "test.yaml: key 'sequencer.ringSize' must be a power of two, was 1000",
                refusal("ringSize: 4096", "ringSize: 1000"));
    }

    @Test
    void theShippedSequencerRunsOnWhicheverEventLoopPublishedAndOnItsOwnThreadWhenAbsent() throws IOException {
        GatewayConfig.Sequencer shipped = ConfigLoader.loadDefaults().sequencer();
        assertTrue(shipped.runsOnEventLoop());
        assertTrue(shipped.runsOnAnyEventLoop());
        GatewayConfig.Sequencer absent =
                parse(embeddedYaml().replace("  runsOn: any-event-loop", "")).sequencer();
        assertFalse(absent.runsOnEventLoop(), "absent");
        assertFalse(absent.runsOnAnyEventLoop(), "absent");
        GatewayConfig.Sequencer first = parse(embeddedYaml().replace("runsOn: any-event-loop", "runsOn: event-loop"))
                .sequencer();
        assertTrue(first.runsOnEventLoop());
        assertFalse(first.runsOnAnyEventLoop(), "the first event loop only");
        assertFalse(parse(embeddedYaml().replace("runsOn: any-event-loop", "runsOn: own-thread"))
                .sequencer()
                .runsOnEventLoop());
        assertEquals(
                "test.yaml: key 'sequencer.runsOn' must be any-event-loop, event-loop or own-thread, was 'event-loop-2'",
                refusal("runsOn: any-event-loop", "runsOn: event-loop-2"));
    }

    @Test
    void itemLimitNeedsItsElementBudget() throws IOException {
        assertEquals(1_000, ConfigLoader.loadDefaults().limits().xmlLimits().itemsMax());
        assertEquals(
                "test.yaml: key 'limits.xmlItemsMax' needs limits.xmlElementCountMax of at least 40000 (40 elements"
                        + " per item), which is 10000",
                refusal("xmlElementCountMax: 50000", "xmlElementCountMax: 10000"));
    }

    @Test
    void openingBalanceWithTooManyDecimalsIsNamed() throws IOException {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml().replace("CNY: \"50000000.00\"", "CNY: \"50000000.001\"")));
        assertTrue(e.getMessage().contains("key 'parties[1].accounts.CNY'"), e.getMessage());
    }

    @Test
    void offshoreRenminbiIsNotACurrencyCode() throws IOException {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml().replace("USD: \"5000000.00\" }", "CNH: \"5000000.00\" }")));
        assertTrue(e.getMessage().contains("'CNH' is not an active ISO 4217 currency"), e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        ConfigException e =
                assertThrows(ConfigException.class, () -> parse(embeddedYaml().replace("port: 8080", "port: eighty")));
        assertTrue(e.getMessage().startsWith("test.yaml: key 'gateway.port'"), e.getMessage());
    }

    @Test
    void snapshotSettingsAreReadAndChecked() throws IOException {
        GatewayConfig.Snapshot snapshot = ConfigLoader.loadDefaults().journal().snapshotOrDefault();
        assertEquals(new GatewayConfig.Snapshot(1_000_000, 300, 3), snapshot);
        assertEquals(
                "test.yaml: key 'journal.snapshot.keep' must be from 1 to 1000, was 0", refusal("keep: 3", "keep: 0"));
    }

    @Test
    void retentionSettingsAreReadAndChecked() throws IOException {
        GatewayConfig defaults = ConfigLoader.loadDefaults();
        assertEquals(
                new GatewayConfig.JournalRetention("archive", 7, 30),
                defaults.journal().retentionOrDefault());
        assertEquals(
                new GatewayConfig.MailboxRetention("delete", 2, 7, 90, 300),
                defaults.mailbox().retentionOrDefault());
        assertEquals(
                "test.yaml: key 'journal.retention.mode' must be off, archive or delete, was 'shred'",
                refusal("mode: archive", "mode: shred"));
        assertEquals(
                "test.yaml: key 'mailbox.retention.maxAgeDays' must be 0 (never) or more than keepDays 7, was 5",
                refusal("maxAgeDays: 90", "maxAgeDays: 5"));
        ConfigException rollCycle = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml().replace("rollCycle: FAST_DAILY", "rollCycle: DAILY")));
        assertTrue(rollCycle.getMessage().contains("key 'journal.rollCycle'"), rollCycle.getMessage());
        // Without the sections the cycles are kept for ever, as before retention existed.
        GatewayConfig.Journal j = defaults.journal();
        assertEquals(
                GatewayConfig.JournalRetention.OFF,
                new GatewayConfig.Journal(j.dataDir(), j.durability(), j.rollCycle(), j.digest(), j.snapshot())
                        .retentionOrDefault());
    }

    @Test
    void programmesAreTheDemoWorldsAndTheirRatesAreChecked() throws IOException {
        GatewayConfig.ProgrammeEntry first =
                ConfigLoader.loadDefaults().programmes().get(0);
        assertEquals(900_000, ConfigLoader.ratePpm(first.advanceRatePercent()));
        assertEquals(36_000, ConfigLoader.ratePpm(first.discountRatePercentPerYear()));
        assertEquals(Boolean.FALSE, first.recourse());
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml().replaceFirst("advanceRatePercent: \"90\"", "advanceRatePercent: \"190\"")));
        assertTrue(e.getMessage().startsWith("test.yaml: key 'programmes[0].advanceRatePercent'"), e.getMessage());
        ConfigException notSupplier = assertThrows(
                ConfigException.class,
                () -> parse(
                        embeddedYaml().replaceFirst("suppliers: \\[91440604MA9KAPK002", "suppliers: [PRBKCNGZXXX")));
        assertTrue(
                notSupplier.getMessage().contains("'PRBKCNGZXXX' is not a party with the role supplier"),
                notSupplier.getMessage());
    }

    @Test
    void mailboxDefaultsAreTheDeliveryApiLimits() {
        GatewayConfig.Mailbox m = ConfigLoader.loadDefaults().mailbox();
        assertEquals(16, m.messagesPerPollDefault());
        assertEquals(256, m.messagesPerPollMax());
        assertEquals(25_000, m.pollWaitMsDefault());
        assertEquals(60_000, m.pollWaitMsMax());
    }

    @Test
    void pollWaitLongerThanTheIdleTimeoutIsRefused() throws IOException {
        assertEquals(
                "test.yaml: key 'mailbox.pollWaitMsMax' must be from 0 to 29000, was 60000",
                refusal("idleTimeoutSeconds: 120", "idleTimeoutSeconds: 30"));
    }

    @Test
    void paymentWindowSettingsAreReadAndChecked() throws IOException {
        assertEquals(
                new GatewayConfig.PaymentWindow(30, 4_194_304, false, true),
                ConfigLoader.loadDefaults().ledgerOrDefault().paymentWindowOrDefault());
        assertEquals(
                new GatewayConfig.PaymentWindow(7, 1000, true, false),
                parse(embeddedYaml()
                                .replace("retentionDays: 30", "retentionDays: 7")
                                .replace("capacity: 4194304", "capacity: 1000")
                                .replace("preallocate: false", "preallocate: true")
                                .replace("compactIds: true", "compactIds: false"))
                        .ledger()
                        .paymentWindow());
        assertEquals(
                "test.yaml: key 'ledger.paymentWindow.retentionDays' must be from 1 to 3650, was 0",
                refusal("retentionDays: 30", "retentionDays: 0"));
        assertEquals(
                "test.yaml: key 'ledger.paymentWindow.capacity' must be from 1 to 67108864, was 67108865",
                refusal("capacity: 4194304", "capacity: 67108865"));
        assertEquals(
                new GatewayConfig.MessageWindow(1_048_576, 4_194_304),
                ConfigLoader.loadDefaults().ledgerOrDefault().messageWindowOrDefault());
        assertEquals(
                "test.yaml: key 'ledger.messageWindow.outcomeCapacity' must be a power of two, was 4000000",
                refusal("outcomeCapacity: 4194304", "outcomeCapacity: 4000000"));
        ConfigException missing = assertThrows(
                ConfigException.class, () -> parse(embeddedYaml().replaceAll("\\n    preallocate: false[^\\n]*", "")));
        assertEquals("test.yaml: key 'ledger.paymentWindow.preallocate' is missing", missing.getMessage());
        ConfigException noCompactIds = assertThrows(
                ConfigException.class, () -> parse(embeddedYaml().replaceAll("\\n    compactIds: true[^\\n]*", "")));
        assertEquals("test.yaml: key 'ledger.paymentWindow.compactIds' is missing", noCompactIds.getMessage());
    }

    @Test
    void mailboxCapacityMustBePositive() throws IOException {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml().replace("capacityPerParty: 1000000", "capacityPerParty: 0")));
        assertTrue(
                e.getMessage().startsWith("test.yaml: key 'mailbox.capacityPerParty' must be from 1"), e.getMessage());
    }

    @Test
    void endOfDayStatementsAreOnAndTheirSettingsChecked() throws IOException {
        GatewayConfig.Notifications n = ConfigLoader.loadDefaults().notificationsOrDefault();
        assertTrue(n.endOfDayStatements());
        assertEquals(java.util.List.of(), n.statementsOfEveryAccountOrNone());
        assertEquals(60, n.dayEndCheckSecondsOrDefault());

        GatewayConfig every = parse(embeddedYaml()
                .replace("statementsOfEveryAccount: []", "statementsOfEveryAccount: [VHBKHKHHXXX]")
                .replace("dayEndCheckSeconds: 60", "dayEndCheckSeconds: 5"));
        assertEquals(java.util.List.of("VHBKHKHHXXX"), every.notifications().statementsOfEveryAccount());
        assertEquals(5, every.notifications().dayEndCheckSecondsOrDefault());

        ConfigException noPostings = assertThrows(
                ConfigException.class, () -> parse(embeddedYaml().replace("  postings: true", "  postings: false")));
        assertTrue(
                noPostings
                        .getMessage()
                        .startsWith("test.yaml: key 'notifications.endOfDayStatements' needs notifications.postings"),
                noPostings.getMessage());
        ConfigException unknown = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml()
                        .replace("statementsOfEveryAccount: []", "statementsOfEveryAccount: [NOBKCNGZXXX]")));
        assertEquals(
                "test.yaml: key 'notifications.statementsOfEveryAccount' names 'NOBKCNGZXXX', which is not a"
                        + " configured party",
                unknown.getMessage());
        ConfigException tooSeldom = assertThrows(
                ConfigException.class,
                () -> parse(embeddedYaml().replace("dayEndCheckSeconds: 60", "dayEndCheckSeconds: 3601")));
        assertTrue(tooSeldom.getMessage().contains("'notifications.dayEndCheckSeconds' must be from 0 to 3600"));
    }
}
