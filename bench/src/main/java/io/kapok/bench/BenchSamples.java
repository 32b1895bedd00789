package io.kapok.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample messages the benchmarks read, bundled in the bench jar under {@code /bench/} so a run
 * needs no checkout. {@code pacs008.xml} is a copy of {@code config/samples/pacs008.xml}: a CBPR+
 * pacs.008.001.08 of about 1.9 KB with its head.001.001.02 AppHdr. Stateless and thread-safe.
 */
public final class BenchSamples {
    /** {@code GrpHdr/MsgId} and AppHdr {@code BizMsgIdr} of {@link #pacs008()}. */
    public static final String PACS_008_MESSAGE_ID = "PRBK-20261123-0001";
    /** {@code IntrBkSttlmAmt} of {@link #pacs008()}: CNY 1,250,000.00 in fen. */
    public static final long PACS_008_AMOUNT_MINOR = 125_000_000L;

    private BenchSamples() {}

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
