package io.kapok.gateway.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The bytes of one journal entry before its message: the hashed part, then the entry hash and the
 * message length, encoded on the heap into a reused array, little-endian, exactly as Chronicle's
 * {@link Bytes} writes the same calls ({@link JournalEntryCodec} reads them with Chronicle). A
 * short ASCII string is copied straight into the array; Chronicle's own writer checks and writes
 * one character at a time, which cost more than hashing the entry. Other strings (null, longer
 * than 127 bytes, not ASCII) go through Chronicle's writer, so every string is written as {@code
 * Bytes.writeUtf8} writes it.
 *
 * <p>One per writing thread; no allocation once the array has grown to the largest entry.
 */
final class EntryBytes {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** The longest string whose stop-bit length prefix is one byte. */
    private static final int ONE_BYTE_LENGTH_MAX = 0x7F;

    private byte[] array = new byte[512];
    private int position;
    /** For the strings Chronicle's writer encodes. */
    private final Bytes<byte[]> chronicle = Bytes.allocateElasticOnHeap(256);

    /** Empties it for the next entry. */
    void clear() {
        position = 0;
    }

    /** How many bytes are written. */
    int length() {
        return position;
    }

    /** The bytes written are {@code array()[0..length())}; valid until the next write. */
    byte[] array() {
        return array;
    }

    /** Reserves {@code bytes} at the end, growing the array when needed; read {@link #array} after it. */
    private int claim(int bytes) {
        int at = position;
        if (at + bytes > array.length) {
            array = Arrays.copyOf(array, Math.max(at + bytes, array.length * 2));
        }
        position = at + bytes;
        return at;
    }

    void writeByte(byte value) {
        int at = claim(1);
        array[at] = value;
    }

    /** As Chronicle writes a boolean: {@code 'Y'} or {@code 'N'}. */
    void writeBoolean(boolean value) {
        writeByte(value ? (byte) 'Y' : (byte) 'N');
    }

    void writeShort(short value) {
        int at = claim(Short.BYTES);
        SHORT.set(array, at, value);
    }

    void writeInt(int value) {
        int at = claim(Integer.BYTES);
        INT.set(array, at, value);
    }

    void writeLong(long value) {
        int at = claim(Long.BYTES);
        LONG.set(array, at, value);
    }

    void write(byte[] source, int offset, int length) {
        int at = claim(length);
        System.arraycopy(source, offset, array, at, length);
    }

    /** As {@code Bytes.writeUtf8}: stop-bit byte length (-1 for null), then the UTF-8 bytes. */
    void writeUtf8(String s) {
        if (s == null || s.length() > ONE_BYTE_LENGTH_MAX || !copyAscii(s)) {
            chronicle.clear();
            chronicle.writeUtf8(s);
            write(chronicle.underlyingObject(), 0, (int) chronicle.writePosition());
        }
    }

    /** Writes an ASCII string of at most 127 characters; false, with nothing written, for another. */
    private boolean copyAscii(String s) {
        int length = s.length();
        int at = claim(1 + length);
        byte[] a = array;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c > 0x7F) {
                position = at;
                return false;
            }
            a[at + 1 + i] = (byte) c;
        }
        a[at] = (byte) length;
        return true;
    }
}
