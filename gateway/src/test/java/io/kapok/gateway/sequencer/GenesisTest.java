package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.iso.Iso4217;
import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.gateway.journal.JournalEntryCodec;
import io.kapok.ledger.ConfigureLedgerCommand;
import io.kapok.ledger.Ledger;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.receivable.Programme;
import java.util.List;
import java.util.Set;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The configured demo world as journal entries: complete, accepted by the ledger, and always the same. */
class GenesisTest {
    private static final String CANTON_AUTO = "91440101MA9KAPK001";

    /** The chained hashed bytes of every genesis entry, as the journal would write them. */
    private static byte[] genesisBytes() {
        Bytes<byte[]> out = Bytes.allocateElasticOnHeap(4096);
        long sequence = 0;
        for (LedgerCommand c : Genesis.commands(ConfigLoader.loadDefaults())) {
            c.sequence = ++sequence;
            JournalEntryCodec.writeHashed(
                    out, JournalDigest.SM3, null, c, Genesis.senderOf(c), new byte[JournalDigest.LENGTH_BYTES]);
        }
        byte[] bytes = new byte[(int) out.writePosition()];
        out.read(bytes);
        return bytes;
    }

    /** A new ledger after {@code genesis}, each entry checked applied and received at {@link Genesis#TIME_MS}. */
    private static Ledger applied(List<LedgerCommand> genesis) {
        Ledger ledger = new Ledger();
        LedgerResult result = new LedgerResult();
        long sequence = 0;
        for (LedgerCommand c : genesis) {
            c.sequence = ++sequence;
            ledger.apply(c, result);
            assertTrue(result.applied, c.type() + " " + c.sequence + ": " + result.rejection);
            assertEquals(Genesis.TIME_MS, c.timeMs);
        }
        return ledger;
    }

    @Test
    void theSameConfigurationAlwaysWritesTheSameGenesis() {
        assertArrayEquals(genesisBytes(), genesisBytes());
    }

    @Test
    void genesisIsTheWholeDemoWorldAndTheLedgerAcceptsEveryEntry() {
        List<LedgerCommand> genesis = Genesis.commands(ConfigLoader.loadDefaults());
        Ledger ledger = applied(genesis);
        assertEquals(
                io.kapok.ledger.CommandType.CONFIGURE_LEDGER, genesis.get(0).type(), "the settings come first");
        assertEquals(Ledger.PAYMENT_CAPACITY_DEFAULT, ledger.paymentCapacity());
        assertEquals(8, ledger.parties().size());
        assertEquals(
                2_000_000_000L,
                ledger.receivables()
                        .creditLine("PRBKCNGZXXX", CANTON_AUTO, Iso4217.pack("CNY"))
                        .limitMinor());
        assertEquals(
                200_000_000L,
                ledger.receivables()
                        .creditLine("VHBKHKHHXXX", CANTON_AUTO, Iso4217.pack("USD"))
                        .limitMinor());
        Programme cny = ledger.receivables().programme("PRBK-CAG-CNY");
        assertEquals(900_000, cny.advanceRatePpm());
        assertEquals(36_000, cny.discountRatePpm());
        assertEquals(false, cny.recourse());
        assertEquals(Set.of("91440604MA9KAPK002", "91440700MA9KAPK003", "91440115MA9KAPK004"), cny.members());
        assertEquals(2, ledger.receivables().programmes().size());
        assertEquals(null, ledger.checkInvariants());
    }

    @Test
    void theConfiguredPaymentWindowIsEntryOneAndTheLedgerTakesIt() {
        GatewayConfig config = ConfigLoader.loadDefaults()
                .withLedger(new GatewayConfig.LedgerSettings(
                        new GatewayConfig.PaymentWindow(7, 50_000, true, true),
                        new GatewayConfig.MessageWindow(300, 1024)));
        List<LedgerCommand> genesis = Genesis.commands(config);
        ConfigureLedgerCommand settings = (ConfigureLedgerCommand) genesis.get(0);
        assertEquals(7, settings.paymentRetentionDays);
        assertEquals(50_000, settings.paymentCapacity);
        Ledger ledger = applied(genesis);
        assertEquals(7 * 86_400_000L, ledger.paymentRetentionMs());
        assertEquals(50_000, ledger.paymentCapacity());
        assertEquals(300, ledger.messageCapacity());
        assertEquals(1024, ledger.messageOutcomeCapacity());
    }
}
