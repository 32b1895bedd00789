package io.kapok.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The per-request identifiers of one load run: a {@code GrpHdr/MsgId} (also the AppHdr's
 * {@code BizMsgIdr}) and a UETR, both derived from the request's index in the run, so that no two
 * requests of a run share either and nothing is drawn at random in the timed path.
 *
 * <pre>
 *  MsgId  LG rrrrrrrr - nnnnnnnnnnnnn           24 characters: "LG", 8 hex digits of this run's
 *                                               random prefix, "-", the request index in 13 digits
 *  UETR   hhhhhhhh-hhhh-4hhh-vlll-llllllllllll  UUID v4, lowercase: the run's random 128 bits with
 *                                               the version nibble 4 and the variant bits 10, and
 *                                               the request index added to the low 62 bits
 * </pre>
 *
 * A run never repeats a MsgId below 10^13 requests nor a UETR below 2^62; two runs differ by 32
 * random bits of MsgId prefix and 122 random bits of UETR base.
 *
 * <p>The 1+N flows name their invoices, letters and bulk requests with shorter ids, so that a
 * financing id ({@code "{tsin.001 GrpId}/{invoice number}"}) still fits the 35 characters of the
 * disbursing pacs.008's EndToEndId:
 *
 * <pre>
 *  short id  t RRRRRRR nnnnnnnnn                17 characters: a tag letter saying what it names
 *                                               (I invoice, G bulk request, C or S letter), 7
 *                                               characters of this run's random prefix (35 bits,
 *                                               Crockford base 32), the index in 9 digits
 * </pre>
 *
 * Two runs share a short-id prefix with a chance of 1 in 2^35. Immutable and thread-safe; the
 * {@code write*} methods write ASCII into the caller's array and allocate nothing.
 */
public final class UniqueIds {
    /** Length of every MsgId, in characters (= bytes). */
    public static final int MESSAGE_ID_LENGTH = 24;
    /** Length of every UETR, in characters (= bytes). */
    public static final int UETR_LENGTH = 36;
    /** Request indexes are below this bound (13 decimal digits). */
    public static final long INDEX_BOUND = 10_000_000_000_000L;
    /** Length of every short id (invoice number, GrpId, letter id), in characters (= bytes). */
    public static final int SHORT_ID_LENGTH = 17;
    /** Short-id indexes are below this bound (9 decimal digits). */
    public static final long SHORT_INDEX_BOUND = 1_000_000_000L;

    /** Tag of an invoice number (the receivable id). */
    public static final char INVOICE = 'I';
    /** Tag of a tsin.001 GrpId (the bulk request). */
    public static final char GROUP = 'G';
    /** Tag of a timed tsin.013 letter id (also its BizMsgIdr). */
    public static final char LETTER = 'C';
    /** Tag of a set-up tsin.013 letter id. */
    public static final char SETUP_LETTER = 'S';

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".getBytes(StandardCharsets.US_ASCII);
    private static final int SHORT_PREFIX_LENGTH = 7;
    private static final long VARIANT_MASK = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT_BITS = 0x8000_0000_0000_0000L;

    private final byte[] prefix;
    private final long uetrHigh;
    private final long uetrLow;
    private final byte[] shortPrefix = new byte[SHORT_PREFIX_LENGTH];

    /** Identifiers for a new run, with fresh random prefixes. */
    public UniqueIds() {
        this(new SecureRandom());
    }

    /** Identifiers whose random parts come from {@code random} (tests pass a seeded one). */
    public UniqueIds(java.util.Random random) {
        this(random.nextInt(), random.nextLong(), random.nextLong());
    }

    UniqueIds(int runPrefix, long randomHigh, long randomLow) {
        prefix = new byte[10];
        prefix[0] = 'L';
        prefix[1] = 'G';
        for (int i = 0; i < 8; i++) {
            prefix[2 + i] = HEX[(runPrefix >>> (28 - 4 * i)) & 0xF];
        }
        uetrHigh = (randomHigh & ~0xF000L) | 0x4000L;
        uetrLow = randomLow;
        // The short-id prefix takes its 35 bits from the UETR's random part, not from the MsgId
        // prefix, so the two kinds of id stay independent.
        long bits = randomHigh ^ Long.rotateLeft(randomLow, 29);
        for (int i = 0; i < SHORT_PREFIX_LENGTH; i++) {
            shortPrefix[i] = BASE32[(int) ((bits >>> (5 * i)) & 0x1F)];
        }
    }

    /**
     * Writes the short id {@code tag} + prefix + {@code index} (0 ≤ index < {@link
     * #SHORT_INDEX_BOUND}) at {@code dst[offset]}, {@link #SHORT_ID_LENGTH} bytes.
     */
    public void writeShortId(char tag, long index, byte[] dst, int offset) {
        if (index < 0 || index >= SHORT_INDEX_BOUND) {
            throw new IllegalArgumentException(
                    "short-id index " + index + " is outside [0, " + SHORT_INDEX_BOUND + ")");
        }
        dst[offset] = (byte) tag;
        System.arraycopy(shortPrefix, 0, dst, offset + 1, SHORT_PREFIX_LENGTH);
        long n = index;
        for (int i = SHORT_ID_LENGTH - 1; i > SHORT_PREFIX_LENGTH; i--) {
            dst[offset + i] = (byte) ('0' + (n % 10));
            n /= 10;
        }
    }

    /** The short id {@code tag} + prefix + {@code index}, as a String (tests and reports, not the timed path). */
    public String shortId(char tag, long index) {
        byte[] b = new byte[SHORT_ID_LENGTH];
        writeShortId(tag, index, b, 0);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** Writes the MsgId of request {@code index} (0 ≤ index < {@link #INDEX_BOUND}) at {@code dst[offset]}. */
    public void writeMessageId(long index, byte[] dst, int offset) {
        if (index < 0 || index >= INDEX_BOUND) {
            throw new IllegalArgumentException("request index " + index + " is outside [0, " + INDEX_BOUND + ")");
        }
        System.arraycopy(prefix, 0, dst, offset, prefix.length);
        dst[offset + 10] = '-';
        long n = index;
        for (int i = MESSAGE_ID_LENGTH - 1; i >= 11; i--) {
            dst[offset + i] = (byte) ('0' + (n % 10));
            n /= 10;
        }
    }

    /** Writes the UETR of request {@code index} (≥ 0) at {@code dst[offset]}, lowercase. */
    public void writeUetr(long index, byte[] dst, int offset) {
        long low = VARIANT_BITS | ((uetrLow + index) & VARIANT_MASK);
        int p = offset;
        p = hex(uetrHigh >>> 32, 8, dst, p);
        dst[p++] = '-';
        p = hex(uetrHigh >>> 16, 4, dst, p);
        dst[p++] = '-';
        p = hex(uetrHigh, 4, dst, p);
        dst[p++] = '-';
        p = hex(low >>> 48, 4, dst, p);
        dst[p++] = '-';
        hex(low, 12, dst, p);
    }

    /** The MsgId of request {@code index}, as a String (tests and reports, not the timed path). */
    public String messageId(long index) {
        byte[] b = new byte[MESSAGE_ID_LENGTH];
        writeMessageId(index, b, 0);
        return new String(b, StandardCharsets.US_ASCII);
    }

    /** The UETR of request {@code index}, as a String (tests and reports, not the timed path). */
    public String uetr(long index) {
        byte[] b = new byte[UETR_LENGTH];
        writeUetr(index, b, 0);
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static int hex(long value, int digits, byte[] dst, int p) {
        for (int i = digits - 1; i >= 0; i--) {
            dst[p + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return p + digits;
    }
}
