package io.kapok.codecs.stream;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.Utf8XmlScanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Iso20022Decoder} reads of one message type: the message element under
 * {@code Document}, the fields (as paths below it), the element that repeats once per transaction
 * (only the first transaction's fields are kept; all are counted) or a {@link RepeatedGroup} whose
 * every item is kept with its own fields, optionally a second such group (e.g. a statement's
 * balances beside its entries), which field the BAH {@code BizMsgIdr} must equal, and the
 * cross-field rules. The elements it walks (the fields and the elements on their paths) are closed
 * by the {@link AllowedChildren} table: any other child in the message's namespace is refused.
 * Immutable once built; share it.
 */
public final class MessageSchema {
    final MessageType type;
    final String rootElement;
    final FieldSpec[] fields;
    final Node transactionNode;
    /** For each field, its allowed codes as an array (iterating a Set would allocate per message). */
    final String[][] codes;

    final RepeatedGroup group;
    /** The group's item fields, and their allowed codes, as arrays (no iteration over collections per message). */
    final FieldSpec[] itemFields;

    final String[][] itemCodes;

    /** A second repeated group whose items are all kept (not transactions), or null; e.g. a statement's balances. */
    final RepeatedGroup secondGroup;

    final Node secondGroupNode;
    final FieldSpec[] secondItemFields;
    final String[][] secondItemCodes;
    final int messageIdField;
    final int amountDigitsMax;
    final List<MessageRule> rules;
    /** The rules as an array: no iterator and no interface call on the list per message. */
    final MessageRule[] ruleArray;

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
        this(type, rootElement, fields, transactionPath, null, null, messageIdField, amountDigitsMax, rules);
    }

    /**
     * A schema whose {@code group} items are all kept (counted as its transactions).
     *
     * @param group the repeated group, or null; when given it is also the transaction element
     */
    public MessageSchema(
            MessageType type,
            String rootElement,
            List<FieldSpec> fields,
            RepeatedGroup group,
            int messageIdField,
            int amountDigitsMax,
            List<MessageRule> rules) {
        this(type, rootElement, fields, group, null, messageIdField, amountDigitsMax, rules);
    }

    /**
     * A schema with two repeated groups whose items are all kept: {@code group} (counted as its
     * transactions) and {@code secondGroup} (e.g. the balances of a statement beside its entries),
     * each bounded by its own limit and the configured item limit.
     *
     * @param group       the repeated group, or null; when given it is also the transaction element
     * @param secondGroup the second repeated group, or null; its path must not lie inside {@code group}
     */
    public MessageSchema(
            MessageType type,
            String rootElement,
            List<FieldSpec> fields,
            RepeatedGroup group,
            RepeatedGroup secondGroup,
            int messageIdField,
            int amountDigitsMax,
            List<MessageRule> rules) {
        this(
                type,
                rootElement,
                fields,
                group == null ? null : group.path(),
                group,
                secondGroup,
                messageIdField,
                amountDigitsMax,
                rules);
    }

    private MessageSchema(
            MessageType type,
            String rootElement,
            List<FieldSpec> fields,
            String[] transactionPath,
            RepeatedGroup group,
            RepeatedGroup secondGroup,
            int messageIdField,
            int amountDigitsMax,
            List<MessageRule> rules) {
        this.type = type;
        this.group = group;
        this.secondGroup = secondGroup;
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
        this.transactionNode = transactionPath == null ? null : place(trie, transactionPath);
        this.codes = new String[this.fields.length][];
        for (int i = 0; i < this.fields.length; i++) {
            this.codes[i] = this.fields[i].codes().toArray(new String[0]);
        }
        this.itemFields = group == null ? new FieldSpec[0] : group.fields().toArray(new FieldSpec[0]);
        this.itemCodes = placeItems(itemFields, transactionNode, false);
        this.secondGroupNode = secondGroup == null ? null : place(trie, secondGroup.path());
        if (secondGroupNode != null && (secondGroupNode == transactionNode || secondGroupNode.field >= 0)) {
            throw new IllegalArgumentException(
                    "the second group " + String.join("/", secondGroup.path()) + " must be an element of its own");
        }
        this.secondItemFields =
                secondGroup == null ? new FieldSpec[0] : secondGroup.fields().toArray(new FieldSpec[0]);
        this.secondItemCodes = placeItems(secondItemFields, secondGroupNode, true);
        closeAllowed(trie, this.rootElement);
        trie.freeze();
        this.ruleArray = this.rules.toArray(new MessageRule[0]);
    }

    /** The node at {@code path} below {@code from}, created where missing. */
    private static Node place(Node from, String[] path) {
        Node node = from;
        for (String name : path) {
            node = node.children.computeIfAbsent(name.intern(), n -> new Node());
        }
        return node;
    }

    /** Places a group's item fields below its element; returns their allowed codes as arrays. */
    private static String[][] placeItems(FieldSpec[] specs, Node groupNode, boolean second) {
        String[][] codes = new String[specs.length][];
        for (int i = 0; i < specs.length; i++) {
            Node node = place(groupNode, specs[i].path());
            if (node.field >= 0 || node.itemField >= 0 || node.secondItemField >= 0) {
                throw new IllegalArgumentException("two fields at " + String.join("/", specs[i].path()));
            }
            if (second) {
                node.secondItemField = i;
            } else {
                node.itemField = i;
            }
            codes[i] = specs[i].codes().toArray(new String[0]);
        }
        return codes;
    }

    /**
     * Marks every walked element the {@link AllowedChildren} table covers as closed: its allowed
     * children that the schema does not walk become {@link Node#UNWALKED}, any other is refused.
     */
    private void closeAllowed(Node node, String path) {
        for (Map.Entry<String, Node> child : List.copyOf(node.children.entrySet())) {
            closeAllowed(child.getValue(), path + "/" + child.getKey());
        }
        List<String> allowed = AllowedChildren.of(type, path);
        if (allowed == null) {
            return;
        }
        node.closed = true;
        for (String name : allowed) {
            node.children.putIfAbsent(name, Node.UNWALKED);
        }
    }

    public MessageType type() {
        return type;
    }

    /** The message element under {@code Document}, e.g. {@code InvcFincgReq}. */
    public String rootElement() {
        return rootElement;
    }

    /** The repeated group whose items are all kept, or null. */
    public RepeatedGroup group() {
        return group;
    }

    /** The second repeated group whose items are all kept, or null. */
    public RepeatedGroup secondGroup() {
        return secondGroup;
    }

    /** Index of the second group's item field at exactly this path below its element, or -1. */
    public int secondItemIndexOf(String... path) {
        Node node = secondGroup == null ? null : below(secondGroupNode, path);
        return node == null ? -1 : node.secondItemField;
    }

    /** Index of the item field at exactly this path below the group's element, or -1. */
    public int itemIndexOf(String... path) {
        Node node = group == null ? null : below(transactionNode, path);
        return node == null ? -1 : node.itemField;
    }

    /** The node at {@code path} below {@code from}, or null. */
    private static Node below(Node from, String[] path) {
        Node node = from;
        for (int i = 0; i < path.length && node != null; i++) {
            node = node.child(path[i].intern());
        }
        return node;
    }

    public int fieldCount() {
        return fields.length;
    }

    public FieldSpec field(int index) {
        return fields[index];
    }

    /** Index of the field at exactly this path, or -1. */
    public int indexOf(String... path) {
        Node node = below(trie, path);
        return node == null ? -1 : node.field;
    }

    /**
     * One element name of the path tree; {@code field} is the field read at it, or -1;
     * {@code itemField} the repeated group's item field read at it, or -1; {@code secondItemField}
     * the second group's.
     */
    static final class Node {
        /** An element the message definition allows that the schema does not walk: nothing below it is checked. */
        static final Node UNWALKED = new Node();

        /** Built with the schema; read per element only through {@link #child}. */
        final Map<String, Node> children = new HashMap<>();
        /**
         * The children frozen into an open-addressed table: a power of two at least twice the
         * children, indexed by the name's hash as the parser gives it ({@link
         * Utf8XmlScanner#localNameHash()}), probed linearly, compared by identity. A lookup reads one
         * or two slots whatever the number of children, and never the name's characters.
         */
        private String[] childNames = new String[1];

        private Node[] childNodes = new Node[1];
        int field = -1;
        int itemField = -1;
        int secondItemField = -1;
        /** True when the allowed children are known: an element in the message's namespace not among them is refused. */
        boolean closed;

        /** The child named {@code name} (interned), or null. */
        Node child(String name) {
            return child(name, Utf8XmlScanner.nameHash(name));
        }

        /** The child named {@code name} (interned, as the parser gives it, with its {@code hash}), or null. */
        Node child(String name, int hash) {
            String[] names = childNames;
            int mask = names.length - 1;
            for (int i = slotOf(hash, mask); ; i = (i + 1) & mask) {
                String candidate = names[i];
                if (candidate == name) {
                    return childNodes[i];
                }
                if (candidate == null) {
                    return null;
                }
            }
        }

        private static int slotOf(int hash, int mask) {
            return (hash ^ (hash >>> 16)) & mask;
        }

        /** Freezes this node and everything below it into the lookup table. */
        void freeze() {
            if (this == UNWALKED) {
                return;
            }
            int capacity = Integer.highestOneBit(Math.max(1, children.size() * 2 - 1)) << 1;
            childNames = new String[capacity];
            childNodes = new Node[capacity];
            int mask = capacity - 1;
            for (Map.Entry<String, Node> child : children.entrySet()) {
                String name = child.getKey().intern();
                int i = slotOf(Utf8XmlScanner.nameHash(name), mask);
                while (childNames[i] != null) {
                    i = (i + 1) & mask;
                }
                childNames[i] = name;
                childNodes[i] = child.getValue();
                child.getValue().freeze();
            }
        }
    }
}
