package io.kapok.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample messages the benchmarks read, bundled in the bench jar under {@code /bench/} so a run
 * needs no checkout. {@code pacs008.xml} is a copy of {@code config/samples/pacs008.xml}: a CBPR+
 * pacs.008.001.08 of about 1.9 KB with its head.001.001.02 AppHdr. {@code tsin001.xml} is a copy
 * of {@code codecs/src/test/resources/corpus/tsin001/valid/default-namespaces.xml}: a tsin.001.001.01
 * financing request of three invoices with its AppHdr, about 5.6 KB. Stateless and thread-safe.
 */
public final class BenchSamples {
    /** {@code GrpHdr/MsgId} and AppHdr {@code BizMsgIdr} of {@link #pacs008()}. */
    public static final String PACS_008_MESSAGE_ID = "PRBK-20261123-0001";
    /** {@code IntrBkSttlmAmt} of {@link #pacs008()}: CNY 1,250,000.00 in fen. */
    public static final long PACS_008_AMOUNT_MINOR = 125_000_000L;

    /** {@code ReqGrpInf/GrpId} and AppHdr {@code BizMsgIdr} of {@link #tsin001()}. */
    public static final String TSIN_001_GROUP_ID = "FSPP-FIN-20261123-01";
    /** {@code TtlBlkInvcAmt} of {@link #tsin001()}: CNY 678,000.00 in fen, the sum of its three invoices. */
    public static final long TSIN_001_TOTAL_MINOR = 67_800_000L;
    /** Invoices ({@code InvcReqInf}) in {@link #tsin001()}. */
    public static final int TSIN_001_INVOICES = 3;

    private BenchSamples() {}

    /** The UTF-8 bytes of the sample tsin.001; a new array on each call. */
    public static byte[] tsin001() {
        return read("/bench/tsin001.xml");
    }

    /** The UTF-8 bytes of the sample pacs.008; a new array on each call. */
    public static byte[] pacs008() {
        return read("/bench/pacs008.xml");
    }

    /**
     * The sample pacs.008 padded with an XML comment to exactly {@code lengthBytes} bytes: the
     * 3 KB reference message of the journal and digest benchmarks. A new array on each call.
     */
    public static byte[] pacs008Padded(int lengthBytes) {
        byte[] sample = pacs008();
        int padding = lengthBytes - sample.length - "<!---->".length();
        if (padding < 0) {
            throw new IllegalArgumentException("the sample is already over " + lengthBytes + " bytes");
        }
        String xml = new String(sample, StandardCharsets.UTF_8) + "<!--" + "x".repeat(padding) + "-->";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != lengthBytes) {
            throw new IllegalStateException("padded message is " + bytes.length + " bytes");
        }
        return bytes;
    }

    private static byte[] read(String resource) {
        try (InputStream in = BenchSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample " + resource + " is missing from the bench jar's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + resource, e);
        }
    }
}
