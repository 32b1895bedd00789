package io.kapok.codecs.stream;

import io.kapok.codecs.MessageType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Iso20022Decoder} reads of one message type: the message element under
 * {@code Document}, the fields (as paths below it), the element that repeats once per transaction
 * (only the first transaction's fields are kept; all are counted), which field the BAH
 * {@code BizMsgIdr} must equal, and the cross-field rules. Immutable once built; share it.
 */
public final class MessageSchema {
    final MessageType type;
    final String rootElement;
    final FieldSpec[] fields;
    final Node transactionNode;
    /** For each field, its allowed codes as an array (iterating a Set would allocate per message). */
    final String[][] codes;

    final int messageIdField;
    final int amountDigitsMax;
    final List<MessageRule> rules;
    final Node trie = new Node();

    /**
     * @param rootElement        the message element, e.g. {@code PmtRtr}
     * @param transactionPath    path of the element repeated per transaction (e.g. {@code
     *                           Undrlyg/TxInf}), or null
     * @param messageIdField     index in {@code fields} of the message id ({@code GrpHdr/MsgId}), or -1
     * @param amountDigitsMax    total digits allowed in amounts (14 under CBPR+, 18 otherwise)
     */
    public MessageSchema(
            MessageType type,
            String rootElement,
            List<FieldSpec> fields,
            String[] transactionPath,
            int messageIdField,
            int amountDigitsMax,
            List<MessageRule> rules) {
        this.type = type;
        this.rootElement = rootElement.intern();
        this.fields = fields.toArray(new FieldSpec[0]);

        this.messageIdField = messageIdField;
        this.amountDigitsMax = amountDigitsMax;
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.fields.length; i++) {
            Node node = trie;
            for (String name : this.fields[i].path()) {
                node = node.children.computeIfAbsent(name, n -> new Node());
            }
            if (node.field >= 0) {
                throw new IllegalArgumentException("two fields at " + String.join("/", this.fields[i].path()));
            }
            node.field = i;
        }
        Node tx = null;
        if (transactionPath != null) {
            tx = trie;
            for (String name : transactionPath) {
                tx = tx.children.computeIfAbsent(name.intern(), n -> new Node());
            }
        }
        this.transactionNode = tx;
        this.codes = new String[this.fields.length][];
        for (int i = 0; i < this.fields.length; i++) {
            this.codes[i] = this.fields[i].codes().toArray(new String[0]);
        }
    }

    public MessageType type() {
        return type;
    }

    public int fieldCount() {
        return fields.length;
    }

    public FieldSpec field(int index) {
        return fields[index];
    }

    /** Index of the field at exactly this path, or -1. */
    public int indexOf(String... path) {
        Node node = trie;
        for (String name : path) {
            node = node.children.get(name);
            if (node == null) {
                return -1;
            }
        }
        return node.field;
    }

    /** One element name of the path tree; {@code field} is the field read at it, or -1. */
    static final class Node {
        final Map<String, Node> children = new HashMap<>();
        int field = -1;
    }
}
