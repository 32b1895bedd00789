package io.kapok.codecs;

/**
 * The negative answer a message gets when Kapok refuses it after recognising it (a 2xx or 3xx
 * {@link RejectCode}): the answering message and the status it carries, e.g. pacs.002 with
 * {@code TxSts} RJCT. Messages without a status message of their own get an admi.002 (status
 * null). What cannot be parsed or routed at all (1xx) always gets an admi.002.
 *
 * @param message the answering message type
 * @param status  the negative status code it carries, or null for an admi.002
 */
public record RejectAnswer(MessageType message, String status) {
    /** The admi.002 MessageReject: for what has no status message, and for what cannot be read. */
    public static final RejectAnswer MESSAGE_REJECT = new RejectAnswer(MessageType.ADMI_002_001_01, null);
}
