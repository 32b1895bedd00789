package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.iso.Iso4217;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.payment.ResolveRecallCommand;
import io.kapok.ledger.payment.ReturnPaymentCommand;
import io.kapok.ledger.payment.TransferCommand;
import io.kapok.ledger.receivable.RecordMessageCommand;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The version-2 entry layout on the heap: round trip, and every kind of damage named by sequence. */
class JournalEntryCodecTest {
    private static final byte[] RAW = "<Envelope>the original message</Envelope>".getBytes(StandardCharsets.UTF_8);

    private static TransferCommand transfer() {
        TransferCommand c = new TransferCommand();
        c.sequence = 42;
        c.timeMs = 1_795_397_400_000L;
        c.senderId = "PRBKCNGZXXX";
        c.messageId = "PRBK-1";
        c.uetr = "8a562c67-ca16-48ba-b074-65581be6f001";
        c.endToEndId = "E2E-1";
        c.debitPartyId = "PRBKCNGZXXX";
        c.creditPartyId = "VHBKHKHHXXX";
        c.currency = Iso4217.pack("CNY");
        c.amountMinor = 125_000_000L;
        return c;
    }

    /** An entry as the journal writes it, chained to {@code prev}. */
    private static byte[] entry(JournalDigest algorithm, byte[] prev) {
        return entry(algorithm, prev, transfer(), "PRBKCNGZXXX");
    }

    private static byte[] entry(JournalDigest algorithm, byte[] prev, LedgerCommand command, String sender) {
        byte[] md = new byte[JournalDigest.LENGTH_BYTES];
        JournalDigest.digest(algorithm.newDigest(), RAW, 0, RAW.length, md);
        Bytes<byte[]> hashed = Bytes.allocateElasticOnHeap(256);
        JournalEntryCodec.writeHashed(hashed, algorithm, prev, command, sender, md);
        byte[] entryHash = new byte[JournalDigest.LENGTH_BYTES];
        JournalDigest.digest(
                algorithm.newDigest(), hashed.underlyingObject(), 0, (int) hashed.writePosition(), entryHash);
        Bytes<byte[]> out = Bytes.allocateElasticOnHeap(512);
        out.write(hashed.underlyingObject(), 0, (int) hashed.writePosition());
        JournalEntryCodec.writeTail(out, entryHash, RAW, RAW.length);
        byte[] bytes = new byte[(int) out.writePosition()];
        out.read(bytes);
        return bytes;
    }

    private static JournalEntryCodec.Decoded read(byte[] bytes) {
        JournalEntryCodec.Decoded d = new JournalEntryCodec.Decoded();
        JournalEntryCodec.read(Bytes.wrapForRead(bytes), d, "test");
        return d;
    }

    @ParameterizedTest
    @EnumSource(JournalDigest.class)
    void roundTripsEveryFieldAndTheHashes(JournalDigest algorithm) {
        byte[] prev = new byte[JournalDigest.LENGTH_BYTES];
        prev[0] = 7;
        JournalEntryCodec.Decoded d = read(entry(algorithm, prev));
        TransferCommand c = (TransferCommand) d.command;
        assertEquals(42, c.sequence);
        assertEquals(1_795_397_400_000L, c.timeMs);
        assertEquals("PRBK-1", c.messageId);
        assertEquals(125_000_000L, c.amountMinor);
        assertEquals("PRBKCNGZXXX", d.senderId);
        assertEquals(algorithm, d.algorithm);
        assertArrayEquals(prev, d.prevEntryHash);
        assertEquals(RAW.length, d.rawLength);
    }

    @ParameterizedTest
    @EnumSource(CommandType.class)
    void roundTripsEveryPublicFieldOfEveryCommandType(CommandType type) throws Exception {
        LedgerCommand written = SampleCommands.of(type);
        String sender = SampleCommands.senderOf(written);
        JournalEntryCodec.Decoded d = read(entry(JournalDigest.SM3, null, written, sender));
        LedgerCommand read = d.command;
        assertEquals(written.getClass(), read.getClass());
        assertEquals(type, read.type());
        assertEquals(sender, d.senderId);
        for (Field f : written.getClass().getFields()) {
            assertEquals(f.get(written), f.get(read), type + "." + f.getName());
        }
    }

    @Test
    void aMessageRecordRoundTripsEachCommandOutcome() {
        RecordMessageCommand written = (RecordMessageCommand) SampleCommands.of(CommandType.RECORD_MESSAGE);
        RecordMessageCommand read =
                (RecordMessageCommand) read(entry(JournalDigest.SM3, null, written, written.senderId)).command;
        assertEquals(2, read.count());
        for (int i = 0; i < 2; i++) {
            assertEquals(written.packedAt(i), read.packedAt(i), "outcome " + i);
            assertEquals(written.subjectAt(i), read.subjectAt(i), "subject " + i);
        }
        assertTrue(RecordMessageCommand.applied(read.packedAt(0)));
        assertTrue(RecordMessageCommand.accept(read.packedAt(0)));
        assertEquals(
                io.kapok.ledger.LedgerRejection.FINANCING_STATE_FORBIDS,
                RecordMessageCommand.rejection(read.packedAt(1)));
        assertEquals(
                "BE08",
                io.kapok.gateway.flow.FlowRouter.unpackReason(RecordMessageCommand.reasonCode(read.packedAt(1))));
    }

    @Test
    void optionalFieldsOfReturnsAndRecallResolutionsRoundTripAsNull() {
        ReturnPaymentCommand ret = (ReturnPaymentCommand) SampleCommands.of(CommandType.RETURN_PAYMENT);
        ret.originalMessageId = null;
        ReturnPaymentCommand readReturn =
                (ReturnPaymentCommand) read(entry(JournalDigest.SM3, null, ret, ret.senderId)).command;
        assertNull(readReturn.originalMessageId);
        assertEquals(ret.fingerprint(), readReturn.fingerprint());

        ResolveRecallCommand resolve = (ResolveRecallCommand) SampleCommands.of(CommandType.RESOLVE_RECALL);
        resolve.recallId = null;
        resolve.reasonCode = null;
        resolve.accept = false;
        ResolveRecallCommand readResolve =
                (ResolveRecallCommand) read(entry(JournalDigest.SHA256, null, resolve, resolve.senderId)).command;
        assertNull(readResolve.recallId);
        assertNull(readResolve.reasonCode);
        assertFalse(readResolve.accept);
        assertEquals(resolve.fingerprint(), readResolve.fingerprint());
    }

    @Test
    void aTransferInOneCurrencyKeepsTheLayoutItHadBeforeCrossCurrencyTransfers() {
        TransferCommand plain = transfer();
        byte[] bytes = entry(JournalDigest.SM3, null, plain, plain.senderId);
        TransferCommand fx = transfer();
        fx.instructedCurrency = Iso4217.pack("HKD");
        fx.instructedAmountMinor = 1_373_626_37L;
        fx.exchangeRateScaled = 91_000_000L;
        byte[] fxBytes = entry(JournalDigest.SM3, null, fx, fx.senderId);
        // The cross-currency part is 20 bytes more, and only there.
        assertEquals(bytes.length + 4 + 8 + 8, fxBytes.length);

        // One reusable decoded object, as replay uses it: a plain transfer after a cross-currency
        // one reads with no instructed part left over.
        JournalEntryCodec.Decoded d = new JournalEntryCodec.Decoded();
        JournalEntryCodec.read(Bytes.wrapForRead(fxBytes), d, "fx");
        TransferCommand readFx = (TransferCommand) d.command;
        assertEquals(Iso4217.pack("CNY"), readFx.currency);
        assertEquals(Iso4217.pack("HKD"), readFx.instructedCurrency);
        assertEquals(1_373_626_37L, readFx.instructedAmountMinor);
        assertEquals(91_000_000L, readFx.exchangeRateScaled);
        assertEquals(fx.fingerprint(), readFx.fingerprint());
        JournalEntryCodec.read(Bytes.wrapForRead(bytes), d, "plain");
        TransferCommand readPlain = (TransferCommand) d.command;
        assertEquals(Iso4217.pack("CNY"), readPlain.currency);
        assertEquals(0, readPlain.instructedCurrency);
        assertEquals(0, readPlain.instructedAmountMinor);
        assertEquals(0, readPlain.exchangeRateScaled);
        assertEquals(plain.fingerprint(), readPlain.fingerprint());
    }

    @Test
    void sampleCommandsFillEveryPublicFieldWithoutDefaults() throws Exception {
        // Guards the round trip above: a field left at its default would round-trip unnoticed.
        for (CommandType type : CommandType.values()) {
            LedgerCommand c = SampleCommands.of(type);
            for (Field f : c.getClass().getFields()) {
                Object v = f.get(c);
                assertTrue(
                        v != null && !v.equals(0) && !v.equals(0L) && !v.equals(""),
                        type + "." + f.getName() + " is " + v);
            }
        }
    }

    @Test
    void refusesACommandWhoseSenderDiffersFromTheHeaderAndWritesNothing() {
        LedgerCommand confirm = SampleCommands.of(CommandType.CONFIRM_RECEIVABLE);
        Bytes<byte[]> out = Bytes.allocateElasticOnHeap(64);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> JournalEntryCodec.writeHashed(
                        out, JournalDigest.SM3, null, confirm, "SOMEONEELSE", new byte[32]));
        assertTrue(e.getMessage().contains("SOMEONEELSE"), e.getMessage());
        assertEquals(0, out.writePosition());
    }

    @Test
    void unknownCommandCodeIsRefusedNamingTheCodeAndSequence() {
        byte[] bad = entry(JournalDigest.SM3, null);
        // magic 4 + algorithm 1 + prev 32 + sequence 8 + time 8: the command type's int16 follows.
        Bytes.wrapForWrite(bad).writeShort(53, (short) 999);
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> read(bad));
        assertEquals(42, e.sequence());
        assertTrue(e.getMessage().contains("unknown command type code 999"), e.getMessage());
    }

    @Test
    void chainOnlyReadSkipsTheMessageBytesButStillChecksTheEntryHash() {
        byte[] good = entry(JournalDigest.SM3, null);
        byte[] alteredMessage = good.clone();
        alteredMessage[good.length - 3] ^= 1;
        JournalEntryCodec.Decoded d = new JournalEntryCodec.Decoded();
        JournalEntryCodec.read(Bytes.wrapForRead(alteredMessage), d, "test", false);
        assertEquals(42, d.command.sequence);
        assertThrows(JournalCorruptException.class, () -> read(alteredMessage));

        byte[] alteredCommand = good.clone();
        alteredCommand[100] ^= 1;
        assertThrows(
                JournalCorruptException.class,
                () -> JournalEntryCodec.read(
                        Bytes.wrapForRead(alteredCommand), new JournalEntryCodec.Decoded(), "test", false));
    }

    @Test
    void sm3OfAbcIsTheStandardVector() {
        byte[] out = new byte[32];
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        JournalDigest.digest(JournalDigest.SM3.newDigest(), abc, 0, 3, out);
        // GB/T 32905-2016, example 1.
        assertEquals(
                "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HexFormat.of().formatHex(out));
    }

    @Test
    void everyFlippedByteIsCaughtAndNamesTheSequence() {
        byte[] good = entry(JournalDigest.SM3, null);
        // Skip the magic and algorithm (caught as "not a Kapok entry") and the sequence itself (the
        // chain's sequence check catches that); every other byte must break a hash or the layout.
        for (int i = 13; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> read(bad), "byte " + i);
            if (i >= 45) {
                assertEquals(42, e.sequence(), "byte " + i + ": " + e.getMessage());
            }
        }
    }

    @Test
    void tornEntryIsReportedNotRead() {
        byte[] good = entry(JournalDigest.SM3, null);
        byte[] torn = java.util.Arrays.copyOf(good, good.length - 5);
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> read(torn));
        assertTrue(e.getMessage().startsWith("journal entry 42: "), e.getMessage());
        assertTrue(e.getMessage().contains("torn"), e.getMessage());
    }

    @Test
    void versionOneEntryIsRefusedWithTheWayOut() {
        byte[] v1 = new byte[64];
        Bytes.wrapForWrite(v1).writeInt(JournalEntryCodec.MAGIC_V1);
        JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> read(v1));
        assertTrue(e.getMessage().contains("layout version 1"), e.getMessage());
    }
}
