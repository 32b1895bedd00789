package io.kapok.gateway.journal;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.TransferCommand;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.bouncycastle.crypto.Digest;

/**
 * The binary layout of one journal entry (one Chronicle Queue document), little-endian, layout
 * version 2 ({@code "KPJ2"}):
 *
 * <pre>
 *  field              type        notes
 *  ─── hashed: the entry hash covers every byte from magic to the end of the command ───
 *  magic              int32       0x4B504A32 ("KPJ2"): layout version
 *  digestAlgorithm    int8        {@link JournalDigest#code()}: 1 = SM3, 2 = SHA-256
 *  prevEntryHash      byte[32]    entryHash of the entry before; 32 zero bytes for entry 1
 *  sequence           int64       1-based, +1 per entry, no gaps
 *  receiveTimeMs      int64       epoch ms UTC when the gateway received the message
 *  commandType        int16       {@link CommandType#code()}
 *  senderId           utf8        stop-bit length + bytes; "" for genesis entries
 *  messageDigest      byte[32]    H(raw), computed on the event loop (H(empty) for genesis)
 *  command            ...         per type, below
 *  ─── not hashed ───
 *  entryHash          byte[32]    H(all hashed bytes above)
 *  rawLength          int32       length of the original message bytes (0 for genesis)
 *  raw                bytes       the original ISO 20022 message, byte for byte; nothing follows
 *
 *  REGISTER_PARTY     partyId utf8, name utf8, roles int32
 *  OPEN_ACCOUNT       partyId utf8, currency int32 (packed ISO 4217), openingBalanceMinor int64
 *  TRANSFER           messageId utf8, uetr utf8, endToEndId utf8, debitPartyId utf8,
 *                     creditPartyId utf8, currency int32, amountMinor int64
 * </pre>
 *
 * H is the entry's digest algorithm. So {@code entryHash = H(prevEntryHash || header ||
 * messageDigest || command)}: the raw bytes enter the chain through their digest, which the event
 * loops compute in parallel, and the sequencer hashes only ~150 bytes per entry. Editing any byte of
 * an entry breaks its own hashes; deleting or reordering entries breaks the sequence or the next
 * entry's {@code prevEntryHash}. Cutting entries off the end leaves a valid shorter chain: compare
 * the last entry hash with one recorded elsewhere to detect that.
 *
 * <p>Stateless; the decoding side fills caller-owned reusable objects, one set per reading thread.
 */
public final class JournalEntryCodec {
    public static final int MAGIC = 0x4B504A32;
    /** The layout before the hash chain; such a journal is refused with a clear message. */
    static final int MAGIC_V1 = 0x4B504A31;

    private static final byte[] ZERO_HASH = new byte[JournalDigest.LENGTH_BYTES];

    private JournalEntryCodec() {}

    /**
     * Writes the hashed part of an entry (magic to the end of the command) to {@code out}.
     *
     * @param prevEntryHash 32 bytes, or null for the first entry
     * @param messageDigest 32 bytes: H(raw)
     */
    public static void writeHashed(
            Bytes<?> out,
            JournalDigest algorithm,
            byte[] prevEntryHash,
            LedgerCommand command,
            String senderId,
            byte[] messageDigest) {
        switch (command.type()) {
            case REGISTER_PARTY, OPEN_ACCOUNT, TRANSFER -> {
                // the layouts below
            }
            default ->
                throw new IllegalArgumentException(
                        "the journal layout has no encoding for " + command.type() + " commands yet");
        }
        out.writeInt(MAGIC);
        out.writeByte((byte) algorithm.code());
        out.write(prevEntryHash == null ? ZERO_HASH : prevEntryHash, 0, JournalDigest.LENGTH_BYTES);
        out.writeLong(command.sequence);
        out.writeLong(command.timeMs);
        out.writeShort((short) command.type().code());
        out.writeUtf8(senderId == null ? "" : senderId);
        out.write(messageDigest, 0, JournalDigest.LENGTH_BYTES);
        switch (command.type()) {
            case REGISTER_PARTY -> {
                RegisterPartyCommand c = (RegisterPartyCommand) command;
                out.writeUtf8(c.partyId);
                out.writeUtf8(c.name);
                out.writeInt(c.roles);
            }
            case OPEN_ACCOUNT -> {
                OpenAccountCommand c = (OpenAccountCommand) command;
                out.writeUtf8(c.partyId);
                out.writeInt(c.currency);
                out.writeLong(c.openingBalanceMinor);
            }
            case TRANSFER -> {
                TransferCommand c = (TransferCommand) command;
                out.writeUtf8(c.messageId);
                out.writeUtf8(c.uetr);
                out.writeUtf8(c.endToEndId);
                out.writeUtf8(c.debitPartyId);
                out.writeUtf8(c.creditPartyId);
                out.writeInt(c.currency);
                out.writeLong(c.amountMinor);
            }
            // A command this layout cannot carry must never reach the journal as an empty entry
            // that replay would refuse: fail before anything is written.
            default ->
                throw new IllegalArgumentException(
                        "the journal layout has no encoding for " + command.type() + " commands yet");
        }
    }

    /** Writes the part after the hashed bytes: the entry hash, then the original message. */
    public static void writeTail(Bytes<?> out, byte[] entryHash, byte[] raw, int rawLength) {
        out.write(entryHash, 0, JournalDigest.LENGTH_BYTES);
        out.writeInt(raw == null ? 0 : rawLength);
        if (raw != null) {
            out.write(raw, 0, rawLength);
        }
    }

    /** Reusable objects an entry is decoded into; one set per reading thread. */
    public static final class Decoded {
        public final RegisterPartyCommand registerParty = new RegisterPartyCommand();
        public final OpenAccountCommand openAccount = new OpenAccountCommand();
        public final TransferCommand transfer = new TransferCommand();
        /** The command of the last entry read (one of the above); carries sequence and time. */
        public LedgerCommand command;

        public JournalDigest algorithm;
        public String senderId;
        public final byte[] prevEntryHash = new byte[JournalDigest.LENGTH_BYTES];
        public final byte[] messageDigest = new byte[JournalDigest.LENGTH_BYTES];
        public final byte[] entryHash = new byte[JournalDigest.LENGTH_BYTES];
        /** The original message bytes of the last entry read: {@code raw[0..rawLength)}. */
        public byte[] raw = new byte[4096];

        public int rawLength;

        private byte[] hashed = new byte[512];
        private final byte[] computed = new byte[JournalDigest.LENGTH_BYTES];
        private final Digest[] digests = new Digest[JournalDigest.values().length];

        Digest digest(JournalDigest algorithm) {
            Digest d = digests[algorithm.ordinal()];
            if (d == null) {
                d = algorithm.newDigest();
                digests[algorithm.ordinal()] = d;
            }
            return d;
        }
    }

    /**
     * Reads one entry into {@code into} and checks it on its own: its entry hash covers its hashed
     * bytes, its message digest covers its message bytes, and nothing follows them. The link to
     * the previous entry is the caller's to check ({@link Decoded#prevEntryHash}).
     *
     * @param position where the entry is, for messages (e.g. the Chronicle index in hex)
     * @throws JournalCorruptException when the entry is not a Kapok entry, is cut short, or does
     *     not match its hashes; it names the entry's sequence when that much could be read
     */
    public static void read(Bytes<?> in, Decoded into, String position) {
        long sequence = -1;
        try {
            long start = in.readPosition();
            int magic = in.readInt();
            if (magic == MAGIC_V1) {
                throw new JournalCorruptException(
                        -1,
                        "entry at " + position + " has layout version 1 (no hash chain); this Kapok reads version 2:"
                                + " replay that journal with the Kapok that wrote it, or start a new data directory");
            }
            if (magic != MAGIC) {
                throw new JournalCorruptException(
                        -1,
                        String.format(
                                "entry at %s starts with 0x%08X, expected 0x%08X: not a Kapok entry",
                                position, magic, MAGIC));
            }
            int code = in.readUnsignedByte();
            JournalDigest algorithm = JournalDigest.ofCode(code);
            in.read(into.prevEntryHash, 0, JournalDigest.LENGTH_BYTES);
            sequence = in.readLong();
            if (algorithm == null) {
                throw new JournalCorruptException(sequence, "unknown digest algorithm code " + code);
            }
            into.algorithm = algorithm;
            long timeMs = in.readLong();
            int typeCode = in.readShort();
            CommandType type;
            try {
                type = CommandType.ofCode(typeCode);
            } catch (RuntimeException e) {
                throw new JournalCorruptException(sequence, "unknown command type " + typeCode);
            }
            into.senderId = in.readUtf8();
            in.read(into.messageDigest, 0, JournalDigest.LENGTH_BYTES);
            LedgerCommand command;
            switch (type) {
                case REGISTER_PARTY -> {
                    RegisterPartyCommand c = into.registerParty;
                    c.partyId = in.readUtf8();
                    c.name = in.readUtf8();
                    c.roles = in.readInt();
                    command = c;
                }
                case OPEN_ACCOUNT -> {
                    OpenAccountCommand c = into.openAccount;
                    c.partyId = in.readUtf8();
                    c.currency = in.readInt();
                    c.openingBalanceMinor = in.readLong();
                    command = c;
                }
                case TRANSFER -> {
                    TransferCommand c = into.transfer;
                    c.senderId = into.senderId;
                    c.messageId = in.readUtf8();
                    c.uetr = in.readUtf8();
                    c.endToEndId = in.readUtf8();
                    c.debitPartyId = in.readUtf8();
                    c.creditPartyId = in.readUtf8();
                    c.currency = in.readInt();
                    c.amountMinor = in.readLong();
                    command = c;
                }
                default -> throw new JournalCorruptException(sequence, "unknown command type " + type);
            }
            command.sequence = sequence;
            command.timeMs = timeMs;
            into.command = command;

            long end = in.readPosition();
            int hashedLength = (int) (end - start);
            if (into.hashed.length < hashedLength) {
                into.hashed = new byte[Math.max(hashedLength, into.hashed.length * 2)];
            }
            in.readPosition(start);
            in.read(into.hashed, 0, hashedLength);
            in.readPosition(end);
            if (in.readRemaining() < JournalDigest.LENGTH_BYTES + 4) {
                throw new JournalCorruptException(
                        sequence, "entry is cut short after its command (" + in.readRemaining() + " bytes remain)");
            }
            in.read(into.entryHash, 0, JournalDigest.LENGTH_BYTES);
            int rawLength = in.readInt();
            if (rawLength < 0 || rawLength != in.readRemaining()) {
                throw new JournalCorruptException(
                        sequence,
                        "entry claims " + rawLength + " message bytes, " + in.readRemaining()
                                + " remain: torn or altered");
            }
            if (into.raw.length < rawLength) {
                into.raw = new byte[Math.max(rawLength, into.raw.length * 2)];
            }
            in.read(into.raw, 0, rawLength);
            into.rawLength = rawLength;

            Digest digest = into.digest(algorithm);
            JournalDigest.digest(digest, into.raw, 0, rawLength, into.computed);
            if (!Arrays.equals(into.computed, into.messageDigest)) {
                throw new JournalCorruptException(
                        sequence, "the message bytes do not match their " + algorithm.configName() + " digest");
            }
            JournalDigest.digest(digest, into.hashed, 0, hashedLength, into.computed);
            if (!Arrays.equals(into.computed, into.entryHash)) {
                throw new JournalCorruptException(
                        sequence,
                        "the entry's header or command does not match its " + algorithm.configName() + " entry hash");
            }
        } catch (JournalCorruptException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalCorruptException(sequence, "entry at " + position + " cannot be read: " + e, e);
        }
    }
}
