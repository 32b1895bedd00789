package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * The heap encoder of an entry's hashed part writes byte for byte what Chronicle's {@link Bytes}
 * writes for the same calls, so entries it writes read back (and hash) as before: every kind of
 * string (null, empty, ASCII up to and past the one-byte length, not ASCII), booleans and
 * little-endian numbers, and it grows past its first array.
 */
class EntryBytesTest {
    private static final String[] STRINGS = {
        null,
        "",
        "PRBKCNGZXXX",
        "8a562c67-ca16-48ba-b074-65581be6f001",
        "x".repeat(127),
        "x".repeat(128),
        "y".repeat(1_000),
        "Pearl River Bank 珠江",
        "\u007f",
        "\u0080",
        "é at the end: café",
    };

    @Test
    void writesWhatChronicleWrites() {
        EntryBytes ours = new EntryBytes();
        Bytes<byte[]> chronicle = Bytes.allocateElasticOnHeap(64);
        for (String s : STRINGS) {
            ours.writeUtf8(s);
            chronicle.writeUtf8(s);
        }
        ours.writeBoolean(true);
        chronicle.writeBoolean(true);
        ours.writeBoolean(false);
        chronicle.writeBoolean(false);
        ours.writeByte((byte) -3);
        chronicle.writeByte((byte) -3);
        ours.writeShort((short) 0x1234);
        chronicle.writeShort((short) 0x1234);
        ours.writeInt(-123_456_789);
        chronicle.writeInt(-123_456_789);
        ours.writeLong(0x0102030405060708L);
        chronicle.writeLong(0x0102030405060708L);
        byte[] digest = new byte[JournalDigest.LENGTH_BYTES];
        Arrays.fill(digest, (byte) 0x5A);
        ours.write(digest, 0, digest.length);
        chronicle.write(digest, 0, digest.length);

        byte[] expected = new byte[(int) chronicle.writePosition()];
        chronicle.read(expected);
        byte[] written = Arrays.copyOf(ours.array(), ours.length());
        assertEquals(HexFormat.of().formatHex(expected), HexFormat.of().formatHex(written));
    }

    @Test
    void clearStartsTheNextEntryAtTheBeginning() {
        EntryBytes bytes = new EntryBytes();
        bytes.writeUtf8("first entry");
        bytes.clear();
        bytes.writeInt(7);
        assertEquals(Integer.BYTES, bytes.length());
        assertArrayEquals(new byte[] {7, 0, 0, 0}, Arrays.copyOf(bytes.array(), bytes.length()));
    }
}
