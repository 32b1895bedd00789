package io.kapok.gateway.journal;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.party.OpenAccountCommand;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.payment.TransferCommand;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of one journal entry (one Chronicle Queue document), little-endian:
 *
 * <pre>
 *  field              type        notes
 *  magic              int32       0x4B504A31 ("KPJ1"): layout version
 *  sequence           int64       1-based, +1 per entry, no gaps
 *  receiveTimeMs      int64       epoch ms UTC when the gateway received the message
 *  commandType        int16       {@link CommandType#code()}
 *  senderId           utf8        stop-bit length + bytes; "" for genesis entries
 *  command            ...         per type, below
 *  rawLength          int32       length of the original message bytes (0 for genesis)
 *  raw                bytes       the original ISO 20022 message, byte for byte
 *
 *  REGISTER_PARTY     partyId utf8, name utf8, roles int32
 *  OPEN_ACCOUNT       partyId utf8, currency int32 (packed ISO 4217), openingBalanceMinor int64
 *  TRANSFER           messageId utf8, uetr utf8, endToEndId utf8, debitPartyId utf8,
 *                     creditPartyId utf8, currency int32, amountMinor int64
 * </pre>
 *
 * Stateless; the decoding side fills caller-owned reusable commands.
 */
public final class JournalEntryCodec {
    public static final int MAGIC = 0x4B504A31;

    private JournalEntryCodec() {}

    /** Writes a whole entry. {@code raw} may be null (genesis). */
    public static void write(Bytes<?> out, LedgerCommand command, String senderId, byte[] raw, int rawLength) {
        out.writeInt(MAGIC);
        out.writeLong(command.sequence);
        out.writeLong(command.timeMs);
        out.writeShort((short) command.type().code());
        out.writeUtf8(senderId == null ? "" : senderId);
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
        }
        out.writeInt(raw == null ? 0 : rawLength);
        if (raw != null) {
            out.write(raw, 0, rawLength);
        }
    }

    /** Reusable commands an entry is decoded into; one set per reading thread. */
    public static final class Decoded {
        public final RegisterPartyCommand registerParty = new RegisterPartyCommand();
        public final OpenAccountCommand openAccount = new OpenAccountCommand();
        public final TransferCommand transfer = new TransferCommand();
        /** The command of the last entry read (one of the above). */
        public LedgerCommand command;

        public String senderId;
        /** Length of the original message bytes of the last entry read. */
        public int rawLength;
    }

    /**
     * Reads one entry into {@code into}; the original message bytes are skipped.
     *
     * @throws JournalCorruptException when the entry is not a Kapok entry or is cut short
     */
    public static void read(Bytes<?> in, Decoded into) {
        try {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new JournalCorruptException(
                        String.format("entry starts with 0x%08X, expected 0x%08X", magic, MAGIC));
            }
            long sequence = in.readLong();
            long timeMs = in.readLong();
            CommandType type = CommandType.ofCode(in.readShort());
            into.senderId = in.readUtf8();
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
                default -> throw new JournalCorruptException("unknown command type " + type);
            }
            command.sequence = sequence;
            command.timeMs = timeMs;
            into.command = command;
            int rawLength = in.readInt();
            if (rawLength < 0 || rawLength > in.readRemaining()) {
                throw new JournalCorruptException("entry " + sequence + " claims " + rawLength + " message bytes, "
                        + in.readRemaining() + " remain");
            }
            into.rawLength = rawLength;
            in.readSkip(rawLength);
        } catch (JournalCorruptException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JournalCorruptException("entry cannot be read: " + e, e);
        }
    }
}
