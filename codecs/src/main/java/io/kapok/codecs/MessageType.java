package io.kapok.codecs;

import java.util.HashMap;
import java.util.Map;

/**
 * The ISO 20022 messages of Kapok's message map, each with its message definition identifier (as
 * the Business Application Header's {@code MsgDefIdr} names it) and its Document namespace. A
 * message's type is read from its Document namespace and cross-checked with the header.
 * Immutable; thread-safe.
 */
public enum MessageType {
    HEAD_001_001_02("head.001.001.02", "Business Application Header"),
    PACS_008_001_08("pacs.008.001.08", "FI to FI customer credit transfer"),
    PACS_002_001_10("pacs.002.001.10", "FI to FI payment status report"),
    PACS_004_001_09("pacs.004.001.09", "payment return"),
    CAMT_056_001_08("camt.056.001.08", "FI to FI payment cancellation request"),
    CAMT_029_001_09("camt.029.001.09", "resolution of investigation"),
    CAMT_054_001_08("camt.054.001.08", "bank to customer debit credit notification"),
    CAMT_053_001_08("camt.053.001.08", "bank to customer statement"),
    ADMI_002_001_01("admi.002.001.01", "message reject"),
    TSIN_001_001_01("tsin.001.001.01", "invoice financing request"),
    TSIN_002_001_01("tsin.002.001.01", "invoice financing request status"),
    TSIN_003_001_01("tsin.003.001.01", "invoice financing cancellation request"),
    TSIN_004_001_01("tsin.004.001.01", "financial invoice"),
    TSIN_006_001_01("tsin.006.001.01", "invoice assignment request"),
    TSIN_007_001_01("tsin.007.001.01", "invoice assignment status"),
    TSIN_008_001_01("tsin.008.001.01", "invoice assignment notification"),
    TSIN_009_001_01("tsin.009.001.01", "party registration and guarantee request"),
    TSIN_010_001_01("tsin.010.001.01", "party registration and guarantee status"),
    TSIN_011_001_01("tsin.011.001.01", "party registration and guarantee notification"),
    TSIN_012_001_01("tsin.012.001.01", "party registration and guarantee acknowledgement"),
    TSIN_013_001_01("tsin.013.001.01", "invoice assignment acknowledgement"),
    TSMT_053_001_01("tsmt.053.001.01", "invoice payment reconciliation advice"),
    TSMT_054_001_01("tsmt.054.001.01", "invoice payment reconciliation status");

    /** Prefix of every ISO 20022 XML Schema namespace. */
    public static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private static final Map<String, MessageType> BY_NAMESPACE = new HashMap<>();
    private static final RejectAnswer[] REJECT_ANSWERS = new RejectAnswer[values().length];

    static {
        for (MessageType type : values()) {
            BY_NAMESPACE.put(type.namespace, type);
            REJECT_ANSWERS[type.ordinal()] = answerTo(type);
        }
    }

    private final String messageDefinition;
    private final String namespace;
    private final String title;

    MessageType(String messageDefinition, String title) {
        this.messageDefinition = messageDefinition;
        // Interned: the parser interns namespace URIs, so the per-element check is an identity test.
        this.namespace = (NAMESPACE_PREFIX + messageDefinition).intern();
        this.title = title;
    }

    /** E.g. {@code pacs.008.001.08}: the BAH {@code MsgDefIdr} of this message. */
    public String messageDefinition() {
        return messageDefinition;
    }

    /** E.g. {@code urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08}. */
    public String namespace() {
        return namespace;
    }

    /** Plain-language name, for answers and logs. */
    public String title() {
        return title;
    }

    /**
     * The negative answer to a refused message of this type, by family: payments and returns get a
     * pacs.002 RJCT, a recall a camt.029 RJCR, a financing request a tsin.002 RCER, a financing
     * cancellation a tsin.002 REJT, an assignment request a tsin.007 RCER, a party registration or
     * its acknowledgement (tsin.012) a tsin.010 RCER, a reconciliation advice a tsmt.054 RCER; the
     * others (statuses, notifications, statements, invoices, the other acknowledgements) an admi.002.
     */
    public RejectAnswer rejectAnswer() {
        return REJECT_ANSWERS[ordinal()];
    }

    private static RejectAnswer answerTo(MessageType type) {
        return switch (type) {
            case PACS_008_001_08, PACS_004_001_09 -> new RejectAnswer(PACS_002_001_10, "RJCT");
            case CAMT_056_001_08 -> new RejectAnswer(CAMT_029_001_09, "RJCR");
            case TSIN_001_001_01 -> new RejectAnswer(TSIN_002_001_01, "RCER");
            case TSIN_003_001_01 -> new RejectAnswer(TSIN_002_001_01, "REJT");
            case TSIN_006_001_01 -> new RejectAnswer(TSIN_007_001_01, "RCER");
            case TSIN_009_001_01, TSIN_012_001_01 -> new RejectAnswer(TSIN_010_001_01, "RCER");
            case TSMT_053_001_01 -> new RejectAnswer(TSMT_054_001_01, "RCER");
            default -> RejectAnswer.MESSAGE_REJECT;
        };
    }

    /** The message whose Document (or AppHdr) has this namespace, or null if it is not in Kapok's map. */
    public static MessageType ofNamespace(String namespace) {
        return namespace == null ? null : BY_NAMESPACE.get(namespace);
    }

    /**
     * A sentence for an integration engineer about a namespace Kapok did not expect: whether it is
     * another version of a message Kapok knows, a message of the map not taken here, or unknown.
     */
    public static String describeUnexpected(String namespace, MessageType expected) {
        if (namespace == null || namespace.isEmpty()) {
            return "the element has no namespace; expected " + expected.namespace;
        }
        MessageType known = ofNamespace(namespace);
        if (known != null) {
            return known.messageDefinition + " (" + known.title + ") is not accepted here; expected "
                    + expected.messageDefinition + " (" + expected.title + ")";
        }
        if (namespace.startsWith(NAMESPACE_PREFIX)) {
            String id = namespace.substring(NAMESPACE_PREFIX.length());
            // business area + message number ("pacs.008"), without variant and version
            int secondDot = id.indexOf('.', id.indexOf('.') + 1);
            String family = secondDot > 0 ? id.substring(0, secondDot) : id;
            if (expected.messageDefinition.startsWith(family + ".")) {
                return id + " is another version of " + family + "; Kapok accepts " + expected.messageDefinition;
            }
            return id + " is not a message Kapok accepts here; expected " + expected.messageDefinition;
        }
        return "namespace '" + namespace + "' is not an ISO 20022 message namespace; expected " + expected.namespace;
    }
}
