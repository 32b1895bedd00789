package io.kapok.bench.load;

import io.kapok.bench.BenchSamples;
import java.nio.charset.StandardCharsets;

/**
 * The pacs.008 bodies a load run posts, built once from the bundled sample ({@link
 * BenchSamples#pacs008()}) so the timed path does no XML work: it copies a template and overwrites
 * three fixed-width fields, the AppHdr {@code BizMsgIdr}, the {@code GrpHdr/MsgId} (both the
 * request's {@link UniqueIds MsgId}) and the {@code PmtId/UETR}.
 *
 * <p>Two templates of CNY 1.00, used alternately (even request indexes, odd ones) so that a long run
 * never drains either bank of the demo world: Pearl River Bank (PRBKCNGZXXX) pays Victoria Harbour
 * Bank (VHBKHKHHXXX), and back. Both templates have the same length. Immutable and thread-safe.
 */
public final class Pacs008Templates {
    /** The two banks the payments go between, one way and back. */
    static final String PRBK = "PRBKCNGZXXX";

    static final String VHBK = "VHBKHKHHXXX";
    private static final String SWAP = "@@SWAP@@";

    private final UniqueIds ids;
    private final byte[][] templates = new byte[2][];
    private final int bizMsgIdOffset;
    private final int msgIdOffset;
    private final int uetrOffset;

    /** Templates whose identifiers come from {@code ids}. */
    public Pacs008Templates(UniqueIds ids) {
        this.ids = ids;
        String sample = new String(BenchSamples.pacs008(), StandardCharsets.UTF_8);
        String msgIdPlaceholder = "0".repeat(UniqueIds.MESSAGE_ID_LENGTH);
        String uetrPlaceholder = "00000000-0000-4000-8000-000000000000";
        String forward = sample.replaceAll("<!--.*?-->\\s*", "")
                .replaceAll("<BizMsgIdr>[^<]*</BizMsgIdr>", "<BizMsgIdr>" + msgIdPlaceholder + "</BizMsgIdr>")
                .replaceAll("<MsgId>[^<]*</MsgId>", "<MsgId>" + msgIdPlaceholder + "</MsgId>")
                .replaceAll("<UETR>[^<]*</UETR>", "<UETR>" + uetrPlaceholder + "</UETR>")
                .replaceAll("<IntrBkSttlmAmt Ccy=\"CNY\">[^<]*<", "<IntrBkSttlmAmt Ccy=\"CNY\">1.00<")
                .replaceAll("<InstrId>[^<]*</InstrId>", "<InstrId>LOAD-INSTR</InstrId>")
                .replaceAll("<EndToEndId>[^<]*</EndToEndId>", "<EndToEndId>LOAD-E2E</EndToEndId>");
        String backward = forward.replace(PRBK, SWAP)
                .replace(VHBK, PRBK)
                .replace(SWAP, VHBK)
                .replace("<Dbtr><Nm>Canton Auto Group</Nm></Dbtr>", "<Dbtr><Nm>Kowloon Components Ltd</Nm></Dbtr>")
                .replace("<Cdtr><Nm>Kowloon Components Ltd</Nm></Cdtr>", "<Cdtr><Nm>Canton Auto Group</Nm></Cdtr>");
        templates[0] = forward.getBytes(StandardCharsets.UTF_8);
        templates[1] = backward.getBytes(StandardCharsets.UTF_8);
        if (templates[0].length != templates[1].length) {
            throw new IllegalStateException("the two pacs.008 templates differ in length: " + templates[0].length
                    + " and " + templates[1].length + " bytes");
        }
        bizMsgIdOffset = offsetAfter(templates[0], "<BizMsgIdr>");
        msgIdOffset = offsetAfter(templates[0], "<MsgId>");
        uetrOffset = offsetAfter(templates[0], "<UETR>");
        for (byte[] t : templates) {
            if (offsetAfter(t, "<BizMsgIdr>") != bizMsgIdOffset
                    || offsetAfter(t, "<MsgId>") != msgIdOffset
                    || offsetAfter(t, "<UETR>") != uetrOffset) {
                throw new IllegalStateException(
                        "the two pacs.008 templates have their identifiers at different offsets");
            }
        }
    }

    /** Length of every body, in bytes. */
    public int length() {
        return templates[0].length;
    }

    /**
     * Writes the body of request {@code index} into {@code dst} from {@code offset} ({@link
     * #length()} bytes). Allocates nothing.
     */
    public void write(long index, byte[] dst, int offset) {
        byte[] t = templates[(int) (index & 1)];
        System.arraycopy(t, 0, dst, offset, t.length);
        ids.writeMessageId(index, dst, offset + bizMsgIdOffset);
        ids.writeMessageId(index, dst, offset + msgIdOffset);
        ids.writeUetr(index, dst, offset + uetrOffset);
    }

    /** The body of request {@code index}, as a new array (tests). */
    public byte[] body(long index) {
        byte[] b = new byte[length()];
        write(index, b, 0);
        return b;
    }

    private static int offsetAfter(byte[] haystack, String tag) {
        int at = FieldTemplate.indexOf(haystack, tag.getBytes(StandardCharsets.US_ASCII), 0);
        if (at < 0) {
            throw new IllegalStateException("the sample pacs.008 has no " + tag);
        }
        return at + tag.length();
    }
}
