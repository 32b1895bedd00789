package io.kapok.codecs.pacs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kapok.codecs.Corpus;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.xml.XmlLimits;
import java.nio.charset.StandardCharsets;

/**
 * The reference CBPR+ pacs.008 (the same message as {@code config/samples/pacs008.xml}, kept on the
 * test classpath) and small helpers to derive variants of it by text replacement and decode them.
 */
final class Pacs008Samples {
    static final String SAMPLE_RESOURCE = "/corpus/pacs008/valid/envelope-with-apphdr.xml";
    static final String SAMPLE = resourceText(SAMPLE_RESOURCE);
    static final String HEAD_NS = Pacs008Decoder.HEAD_001_NAMESPACE;
    static final String PACS_NS = Pacs008Decoder.PACS_008_NAMESPACE;
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    static final String UETR = "8a562c67-ca16-48ba-b074-65581be6f001";

    private Pacs008Samples() {}

    /** {@code <AppHdr ...>...</AppHdr>} of the sample, with its namespace declaration. */
    static String appHdr() {
        return SAMPLE.substring(SAMPLE.indexOf("<AppHdr"), SAMPLE.indexOf("</AppHdr>") + "</AppHdr>".length());
    }

    /** {@code <Document ...>...</Document>} of the sample, with its namespace declaration. */
    static String document() {
        return SAMPLE.substring(SAMPLE.indexOf("<Document"), SAMPLE.indexOf("</Document>") + "</Document>".length());
    }

    /** The one {@code <CdtTrfTxInf>} of the sample. */
    static String transaction() {
        return SAMPLE.substring(
                SAMPLE.indexOf("<CdtTrfTxInf>"), SAMPLE.indexOf("</CdtTrfTxInf>") + "</CdtTrfTxInf>".length());
    }

    /**
     * Replaces the single occurrence of {@code target}; fails when it occurs zero or several times, so
     * that a variant never silently equals the sample.
     */
    static String replaceOnce(String xml, String target, String replacement) {
        int at = xml.indexOf(target);
        assertTrue(at >= 0 && xml.indexOf(target, at + 1) < 0, () -> "'" + target + "' must occur exactly once");
        return xml.substring(0, at) + replacement + xml.substring(at + target.length());
    }

    /** The sample with the element text {@code <name>old</name>} replaced by {@code <name>text</name>}. */
    static String withText(String element, String oldText, String newText) {
        return replaceOnce(
                SAMPLE,
                "<" + element + ">" + oldText + "</" + element + ">",
                "<" + element + ">" + newText + "</" + element + ">");
    }

    /** The sample without the given markup (which must occur once). */
    static String without(String markup) {
        return replaceOnce(SAMPLE, markup, "");
    }

    /**
     * Moves the block's default namespace declaration to {@code xmlns:prefix} and prefixes every
     * element of the block (the block must hold no comments or processing instructions).
     */
    static String prefixed(String block, String prefix, String namespace) {
        String declared =
                replaceOnce(block, " xmlns=\"" + namespace + "\"", " xmlns:" + prefix + "=\"" + namespace + "\"");
        return declared.replaceAll("<(/?)([A-Za-z])", "<$1" + prefix + ":$2");
    }

    static byte[] utf8(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resourceBytes(String name) {
        return Corpus.resourceBytes(name);
    }

    static String resourceText(String name) {
        return new String(resourceBytes(name), StandardCharsets.UTF_8);
    }

    /** One decode and what it produced. */
    record Decoded(boolean accepted, Pacs008View view, DecodeVerdict verdict) {
        @Override
        public String toString() {
            return verdict.toString();
        }
    }

    static Decoded decode(String xml) {
        return decode(utf8(xml), XmlLimits.DEFAULTS);
    }

    static Decoded decode(byte[] bytes) {
        return decode(bytes, XmlLimits.DEFAULTS);
    }

    static Decoded decode(byte[] bytes, XmlLimits limits) {
        Pacs008View view = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        boolean accepted = new Pacs008Decoder(limits).decode(bytes, 0, bytes.length, view, verdict);
        return new Decoded(accepted, view, verdict);
    }
}
