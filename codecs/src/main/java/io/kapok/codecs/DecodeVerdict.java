package io.kapok.codecs;

/**
 * The outcome of decoding and validating one message: accepted, or the reject code, the element
 * path it concerns and a sentence an integration engineer can act on. Reusable: one instance per
 * decoding thread, reset by every decode.
 */
public final class DecodeVerdict {
    private RejectCode reject;
    private String elementPath;
    private final StringBuilder detail = new StringBuilder(128);

    /** Resets to "accepted". */
    public void accept() {
        reject = null;
        elementPath = null;
        detail.setLength(0);
    }

    /**
     * Records a reject. Only the first reject of a message is kept: it is the one the sender
     * should fix first.
     *
     * @return this verdict's detail builder, to append the specifics to (empty if a reject was
     *     already recorded, so later appends are harmless)
     */
    public StringBuilder reject(RejectCode code, String path) {
        if (reject != null) {
            scratch.setLength(0);
            return scratch;
        }
        reject = code;
        elementPath = path;
        detail.setLength(0);
        return detail;
    }

    private final StringBuilder scratch = new StringBuilder();

    public boolean isAccepted() {
        return reject == null;
    }

    /** The reject, or null when accepted. */
    public RejectCode rejectCode() {
        return reject;
    }

    /** XPath-like location of the offending element, e.g. {@code /Document/FIToFICstmrCdtTrf/GrpHdr/MsgId}; null if none. */
    public String elementPath() {
        return elementPath;
    }

    /** The specific sentence, or the code's general meaning when none was given. */
    public String detail() {
        if (reject == null) {
            return "";
        }
        return detail.length() == 0 ? reject.meaning() : detail.toString();
    }

    @Override
    public String toString() {
        return isAccepted() ? "ACCEPTED" : reject + " at " + elementPath + ": " + detail();
    }
}
