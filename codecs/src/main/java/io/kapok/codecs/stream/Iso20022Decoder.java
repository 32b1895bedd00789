package io.kapok.codecs.stream;

import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8Transcoder;
import io.kapok.codecs.xml.Utf8XmlScanner;
import io.kapok.codecs.xml.XmlLimits;
import java.util.EnumMap;
import java.util.Map;

/**
 * A streaming decoder for any message described by a {@link MessageSchema}: it finds the
 * {@code AppHdr} and the {@code Document} in an envelope of any name (or a Document alone), tells
 * the message type from the Document's namespace, reads the schema's fields by walking its path
 * tree with the parser's interned names, then checks every field by its {@link ValueKind}, the
 * header against the Document ({@code MsgDefIdr}, {@code BizMsgIdr}), and the schema's rules.
 * Configured with several schemas (every message of the map: {@code MessageMap.newDecoder}) it
 * dispatches on the Document namespace; a namespace it does not accept is refused with
 * {@code UNSUPPORTED_MESSAGE} (an admi.002) that names it.
 *
 * <p>A schema's {@link RepeatedGroup} keeps every item (e.g. each invoice of a tsin.001) in the
 * view's reused item slots, up to the group's limit or the configured {@link XmlLimits#itemsMax()},
 * whichever is lower ({@code ITEM_LIMIT} beyond, with the path of the item); for other
 * repeated transactions only the first is kept and all are counted. A sender's organisation id in
 * the header is checked: {@code Othr/Id} of scheme USCC (unified social credit code) or LEI, or
 * {@code LEI} (ISO 17442 with its check digits).
 *
 * <p>Same hardening and same shapes as the pacs.008 decoder: Kapok's {@link Utf8XmlScanner} reads
 * the bytes with DTDs and entities refused and the {@link XmlLimits} enforced, any prefixes or
 * default namespaces, declarations anywhere, no String per element and no allocation per message
 * once warm. A message in another encoding (UTF-16, ISO-8859-1...) is first rewritten as UTF-8 by
 * the {@link Utf8Transcoder} (Woodstox). Not thread-safe: one per thread.
 */
public final class Iso20022Decoder {
    private static final int ENVELOPE_DEPTH_MAX = 4;
    private static final int SECTION_NONE = 0;
    private static final int SECTION_HEADER = 1;
    private static final int SECTION_DOCUMENT = 2;
    private static final String HEAD = MessageType.HEAD_001_001_02.namespace();

    private final Utf8XmlScanner scanner;
    /** Built on the first message that is not UTF-8. */
    private Utf8Transcoder transcoder;

    private final XmlLimits limits;
    /** The configured item limit ({@link XmlLimits#itemsMax()}); a group's own limit may be lower. */
    private final int itemsMax;

    private final Map<MessageType, MessageSchema> schemas = new EnumMap<>(MessageType.class);
    private final MessageSchema.Node[] nodes = new MessageSchema.Node[256];
    /** Element names of the current path inside the AppHdr or the Document, by level. */
    private final String[] headerPath = new String[256];

    private int section;
    /** The Document's namespace (interned), once the Document element is read. */
    private String documentNamespace;

    private int sectionDepth;
    private int documents;
    private int headers;
    /** Level of the transaction element being read, or -1 outside one. */
    private int transactionLevel;

    public Iso20022Decoder(XmlLimits limits, MessageSchema... accepted) {
        this.scanner = new Utf8XmlScanner(limits);
        this.limits = limits;
        this.itemsMax = limits.itemsMax();
        for (MessageSchema schema : accepted) {
            schemas.put(schema.type, schema);
        }
    }

    /**
     * Decodes and validates one message.
     *
     * @return true when it is one of the accepted messages and valid; otherwise {@code verdict}
     *     holds the reject. Never throws for bad input.
     */
    public boolean decode(byte[] bytes, int offset, int length, MessageView out, DecodeVerdict verdict) {
        out.reset(null);
        verdict.accept();
        section = SECTION_NONE;
        documents = 0;
        headers = 0;
        transactionLevel = -1;
        if (!scanner.reset(bytes, offset, length)) {
            if (transcoder == null) {
                transcoder = new Utf8Transcoder(limits);
            }
            if (!transcoder.transcode(bytes, offset, length)) {
                verdict.reject(transcoder.failureCode(), null).append(transcoder.failureMessage());
                return false;
            }
            scanner.reset(transcoder.buffer(), 0, transcoder.length());
        }
        parse(scanner, out, verdict);
        if (verdict.isAccepted()) {
            validate(out, verdict);
        }
        return verdict.isAccepted();
    }

    private void parse(Utf8XmlScanner r, MessageView out, DecodeVerdict verdict) {
        int depth = -1;
        // The field being read, kept here rather than in a field of this long-lived decoder: storing
        // a reference there would cost the garbage collector's write barrier once per element.
        TextBuffer current = null;
        while (true) {
            // Text matters only inside a field being read; elsewhere it is checked, not dispatched.
            switch (current == null ? r.nextSkippingText() : r.next()) {
                case Utf8XmlScanner.START_ELEMENT -> {
                    depth++;
                    current = start(r, depth, out, verdict);
                    if (!verdict.isAccepted()) {
                        return;
                    }
                }
                case Utf8XmlScanner.END_ELEMENT -> {
                    if (section != SECTION_NONE && depth == sectionDepth) {
                        section = SECTION_NONE;
                    }
                    current = null;
                    depth--;
                }
                case Utf8XmlScanner.CHARACTERS -> {
                    if (current != null) {
                        r.appendTextTo(current);
                    }
                }
                case Utf8XmlScanner.END_DOCUMENT -> {
                    if (documents == 0) {
                        verdict.reject(RejectCode.BAD_ENVELOPE, "/Document")
                                .append("no ISO 20022 Document element in the message");
                    }
                    return;
                }
                default -> {
                    verdict.reject(r.failureCode(), null).append(r.failureMessage());
                    return;
                }
            }
        }
    }

    /**
     * Opens an element; returns the field whose text it carries, or null. The common case, an
     * element below the message element, is kept small enough for the JIT to inline here.
     */
    private TextBuffer start(Utf8XmlScanner r, int depth, MessageView out, DecodeVerdict verdict) {
        int level = depth - sectionDepth - 1;
        if (section != SECTION_DOCUMENT || level == 0 || level >= nodes.length) {
            return startOutsideMessage(r, depth, out, verdict);
        }
        String local = r.localName();
        // Stored only when changed: the same shape of message leaves them as they were.
        if (headerPath[level] != local) {
            headerPath[level] = local;
        }
        String ns = r.namespaceUri();
        String expectedNs = documentNamespace;
        if (expectedNs != ns && !expectedNs.equals(ns)) {
            rejectNamespace(level, local, ns, expectedNs, verdict);
            return null;
        }
        MessageSchema.Node parent = nodes[level - 1];
        MessageSchema.Node node = parent == null ? null : parent.child(local, r.localNameHash());
        if (node == null && parent != null && parent.closed) {
            rejectNotAllowed(level, local, out.schema(), verdict);
            return null;
        }
        if (nodes[level] != node) {
            nodes[level] = node;
        }
        if (transactionLevel >= level) {
            transactionLevel = -1; // left the previous transaction
        }
        return node == null ? null : startNode(r, node, level, out, verdict);
    }

    /** {@link #start} for an envelope, the AppHdr and its elements, the Document, the message element. */
    private TextBuffer startOutsideMessage(Utf8XmlScanner r, int depth, MessageView out, DecodeVerdict verdict) {
        String local = r.localName();
        String ns = r.namespaceUri();
        if (section == SECTION_NONE) {
            startOutside(depth, local, ns, out, verdict);
            return null;
        }
        int level = depth - sectionDepth - 1;
        if (level >= nodes.length) {
            verdict.reject(RejectCode.XML_LIMIT_EXCEEDED, null).append("element nesting too deep");
            return null;
        }
        if (headerPath[level] != local) {
            headerPath[level] = local;
        }
        String expectedNs = section == SECTION_HEADER ? HEAD : documentNamespace;
        if (expectedNs != ns && !expectedNs.equals(ns)) {
            rejectNamespace(level, local, ns, expectedNs, verdict);
            return null;
        }
        if (section == SECTION_HEADER) {
            TextBuffer field = headerField(level, out);
            return markPresent(field, level, verdict) ? field : null;
        }
        // The message element, level 0 of the Document.
        MessageSchema schema = out.schema();
        if (local != schema.rootElement) {
            rejectRoot(local, schema, verdict);
            return null;
        }
        if (nodes[0] != schema.trie) {
            nodes[0] = schema.trie;
        }
        return null;
    }

    /** {@link #start} for an element the schema walks: a transaction, a group's item, a field. */
    private TextBuffer startNode(
            Utf8XmlScanner r, MessageSchema.Node node, int level, MessageView out, DecodeVerdict verdict) {
        MessageSchema schema = out.schema();
        if (node == schema.transactionNode) {
            out.transactionCount++;
            transactionLevel = level;
            if (schema.group != null
                    && !beginItem(schema, schema.group, out.items, out.transactionCount - 1, verdict)) {
                return null;
            }
        }
        if (node == schema.secondGroupNode
                && !beginItem(schema, schema.secondGroup, out.secondItems, out.secondItems.count, verdict)) {
            return null;
        }
        if (node.itemField >= 0) {
            return startItemField(
                    r,
                    schema.itemFields[node.itemField],
                    out.items,
                    out.transactionCount - 1,
                    node.itemField,
                    level,
                    verdict);
        }
        if (node.secondItemField >= 0) {
            return startItemField(
                    r,
                    schema.secondItemFields[node.secondItemField],
                    out.secondItems,
                    out.secondItems.count - 1,
                    node.secondItemField,
                    level,
                    verdict);
        }
        boolean laterTransaction = transactionLevel >= 0 && out.transactionCount > 1;
        if (node.field < 0 || laterTransaction) {
            return null;
        }
        int field = node.field;
        FieldSpec spec = schema.fields[field];
        TextBuffer text = out.text[field];
        if (text.isPresent() && spec.repeatable()) {
            return null; // keep the first occurrence
        }
        if (spec.kind() == ValueKind.AMOUNT) {
            readCurrency(r, out.currencyText[field]);
        }
        return markPresent(text, level, verdict) ? text : null;
    }

    private boolean rejectNamespace(int level, String local, String ns, String expectedNs, DecodeVerdict verdict) {
        verdict.reject(RejectCode.INVALID_FORMAT, currentPath(level))
                .append("element ")
                .append(local)
                .append(" is in namespace '")
                .append(ns == null ? "" : ns)
                .append("', expected ")
                .append(expectedNs);
        return false;
    }

    private static boolean rejectRoot(String local, MessageSchema schema, DecodeVerdict verdict) {
        verdict.reject(RejectCode.INVALID_FORMAT, "/Document/" + local)
                .append("Document of ")
                .append(schema.type.messageDefinition())
                .append(" must contain ")
                .append(schema.rootElement);
        return false;
    }

    private boolean rejectNotAllowed(int level, String local, MessageSchema schema, DecodeVerdict verdict) {
        verdict.reject(RejectCode.INVALID_FORMAT, currentPath(level))
                .append("element ")
                .append(local)
                .append(" is not allowed in ")
                .append(headerPath[level - 1])
                .append(" by ")
                .append(schema.type.messageDefinition());
        return false;
    }

    /**
     * Opens item {@code item} (0-based) of one of the schema's repeated groups in its slots, refusing
     * one more than the group's limit or the configured item limit, whichever is lower.
     */
    private boolean beginItem(
            MessageSchema schema, RepeatedGroup group, ItemSlots slots, int item, DecodeVerdict verdict) {
        int limit = Math.min(group.itemsMax(), itemsMax);
        if (item >= limit) {
            verdict.reject(RejectCode.ITEM_LIMIT, group.itemPathText(schema.rootElement, item))
                    .append("more than ")
                    .append(limit)
                    .append(' ')
                    .append(group.name())
                    .append(" items in one message; the limit is ")
                    .append(limit);
            return false;
        }
        slots.begin(item);
        return true;
    }

    private TextBuffer startItemField(
            Utf8XmlScanner r, FieldSpec spec, ItemSlots slots, int item, int field, int level, DecodeVerdict verdict) {
        int slot = item * slots.width + field;
        TextBuffer text = slots.text[slot];
        if (text.isPresent() && spec.repeatable()) {
            return null; // keep the first occurrence
        }
        if (spec.kind() == ValueKind.AMOUNT) {
            readCurrency(r, slots.currencyText[slot]);
        }
        return markPresent(text, level, verdict) ? text : null;
    }

    /** XPath-like path of the element at {@code level} of the current section (reject path only). */
    private String currentPath(int level) {
        StringBuilder path = new StringBuilder(section == SECTION_HEADER ? "/AppHdr" : "/Document");
        for (int i = 0; i <= level; i++) {
            path.append('/').append(headerPath[i]);
        }
        return path.toString();
    }

    /** Marks a field seen; a second occurrence of a non-repeatable element is refused. */
    private boolean markPresent(TextBuffer field, int level, DecodeVerdict verdict) {
        if (field == null) {
            return true;
        }
        if (field.isPresent()) {
            verdict.reject(RejectCode.INVALID_FORMAT, currentPath(level))
                    .append("element ")
                    .append(headerPath[level])
                    .append(" appears more than once; the schema allows one");
            return false;
        }
        field.markPresent();
        return true;
    }

    private boolean startOutside(int depth, String local, String ns, MessageView out, DecodeVerdict verdict) {
        if (local == "Document") {
            MessageType type = MessageType.ofNamespace(ns);
            MessageSchema schema = type == null ? null : schemas.get(type);
            if (schema == null) {
                verdict.reject(RejectCode.UNSUPPORTED_MESSAGE, "/Document").append(describe(ns));
                return false;
            }
            if (++documents > 1) {
                verdict.reject(RejectCode.BAD_ENVELOPE, "/Document").append("more than one Document in the message");
                return false;
            }
            out.resetFields(schema); // an AppHdr read before the Document stays
            documentNamespace = type.namespace();
            section = SECTION_DOCUMENT;
            sectionDepth = depth;
            return true;
        }
        if (local == "AppHdr") {
            if (!HEAD.equals(ns)) {
                verdict.reject(RejectCode.UNSUPPORTED_MESSAGE, "/AppHdr")
                        .append("AppHdr: ")
                        .append(MessageType.describeUnexpected(ns, MessageType.HEAD_001_001_02));
                return false;
            }
            if (++headers > 1) {
                verdict.reject(RejectCode.BAD_ENVELOPE, "/AppHdr").append("more than one AppHdr in the message");
                return false;
            }
            out.hasAppHdr = true;
            section = SECTION_HEADER;
            sectionDepth = depth;
            return true;
        }
        if (depth >= ENVELOPE_DEPTH_MAX) {
            verdict.reject(RejectCode.BAD_ENVELOPE, null)
                    .append("no AppHdr or Document within ")
                    .append(ENVELOPE_DEPTH_MAX)
                    .append(" levels of envelope");
            return false;
        }
        return true;
    }

    private String describe(String ns) {
        if (schemas.size() == 1) {
            return "Document: "
                    + MessageType.describeUnexpected(
                            ns, schemas.keySet().iterator().next());
        }
        MessageType known = MessageType.ofNamespace(ns);
        StringBuilder accepted = new StringBuilder();
        for (MessageType t : schemas.keySet()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(t.messageDefinition());
        }
        if (known != null) {
            return known.messageDefinition() + " (" + known.title() + ") is not accepted here; accepted: " + accepted;
        }
        return "Document namespace '" + (ns == null ? "" : ns) + "' is not a message Kapok accepts; accepted: "
                + accepted;
    }

    private TextBuffer headerField(int level, MessageView out) {
        String[] p = headerPath;
        if (level == 0) {
            String e = p[0];
            if (e == "BizMsgIdr") return out.businessMessageId;
            if (e == "MsgDefIdr") return out.messageDefinitionId;
            if (e == "CreDt") return out.headerCreationDate;
            return null;
        }
        boolean from = p[0] == "Fr";
        if (!from && p[0] != "To") {
            return null;
        }
        if (level == 3 && p[1] == "FIId" && p[2] == "FinInstnId" && p[3] == "BICFI") {
            return from ? out.fromBic : out.toBic;
        }
        if (level < 4 || p[1] != "OrgId" || p[2] != "Id" || p[3] != "OrgId") {
            return null;
        }
        if (level == 4 && p[4] == "LEI") {
            return from ? out.fromLei : null;
        }
        if (level == 5 && p[4] == "Othr" && p[5] == "Id") {
            return from ? out.fromOrganisationId : out.toOrganisationId;
        }
        if (from && level == 6 && p[4] == "Othr" && p[5] == "SchmeNm" && (p[6] == "Prtry" || p[6] == "Cd")) {
            return out.fromOrganisationScheme;
        }
        return null;
    }

    /** The unprefixed {@code Ccy} attribute, trimmed of surrounding whitespace. */
    private static void readCurrency(Utf8XmlScanner r, TextBuffer into) {
        into.clear();
        for (int i = 0, n = r.attributeCount(); i < n; i++) {
            if (r.attributeLocalName(i) == "Ccy" && r.attributeNamespace(i) == "") {
                char[] value = r.attributeValueChars();
                int start = r.attributeValueStart(i);
                int end = start + r.attributeValueLength(i);
                while (start < end && value[start] <= ' ') {
                    start++;
                }
                while (end > start && value[end - 1] <= ' ') {
                    end--;
                }
                into.set(value, start, end - start);
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void validate(MessageView v, DecodeVerdict verdict) {
        MessageSchema s = v.schema();
        for (int i = 0; i < s.fields.length; i++) {
            if (!checkField(s, s.fields[i], s.codes[i], -1, v.text[i], v.currencyText[i], verdict)) {
                return;
            }
            if (s.fields[i].kind() == ValueKind.AMOUNT && v.text[i].isPresent()) {
                v.amountMinor[i] = checkedAmountMinor;
                v.currency[i] = checkedCurrency;
            }
        }
        if (!checkItems(s, s.group, s.itemFields, s.itemCodes, v.items, v.itemCount(), verdict)
                || !checkItems(
                        s,
                        s.secondGroup,
                        s.secondItemFields,
                        s.secondItemCodes,
                        v.secondItems,
                        v.secondItemCount(),
                        verdict)) {
            return;
        }
        if (v.hasAppHdr && !checkHeader(v, verdict)) {
            return;
        }
        MessageRule[] rules = s.ruleArray;
        for (int r = 0; r < rules.length; r++) {
            if (!rules[r].check(v, verdict)) {
                return;
            }
        }
    }

    /** Checks every field of the {@code items} items of {@code group}, keeping each amount in minor units. */
    private boolean checkItems(
            MessageSchema s,
            RepeatedGroup group,
            FieldSpec[] fields,
            String[][] codes,
            ItemSlots slots,
            int items,
            DecodeVerdict verdict) {
        checkingGroup = group;
        for (int item = 0; item < items; item++) {
            for (int f = 0; f < fields.length; f++) {
                int slot = item * slots.width + f;
                if (!checkField(s, fields[f], codes[f], item, slots.text[slot], slots.currencyText[slot], verdict)) {
                    return false;
                }
                if (fields[f].kind() == ValueKind.AMOUNT && slots.text[slot].isPresent()) {
                    slots.amountMinor[slot] = checkedAmountMinor;
                    slots.currency[slot] = checkedCurrency;
                }
            }
        }
        return true;
    }

    /** The group whose items {@link #checkField} is checking, for the paths of its rejects. */
    private RepeatedGroup checkingGroup;

    /** Amount and packed currency of the last {@link ValueKind#AMOUNT} field {@link #checkField} accepted. */
    private long checkedAmountMinor;

    private int checkedCurrency;

    /** The field's path for a reject: below the message element, or below item {@code item} of the group. */
    private String pathOf(MessageSchema s, FieldSpec spec, int item) {
        return item < 0
                ? spec.pathText(s.rootElement)
                : checkingGroup.itemPathText(s.rootElement, item) + "/" + String.join("/", spec.path());
    }

    /**
     * Checks one field (of the message, or of group item {@code item} when that is 0 or more) by
     * its kind; an amount's value lands in {@link #checkedAmountMinor} and {@link #checkedCurrency}.
     * A fault is written to {@code verdict}.
     */
    private boolean checkField(
            MessageSchema s,
            FieldSpec spec,
            String[] codes,
            int item,
            TextBuffer t,
            TextBuffer ccyText,
            DecodeVerdict verdict) {
        if (!t.isPresent()) {
            if (spec.mandatory()) {
                verdict.reject(RejectCode.MISSING_ELEMENT, pathOf(s, spec, item))
                        .append("mandatory element ")
                        .append(spec.path()[spec.path().length - 1])
                        .append(" is missing");
                return false;
            }
            return true;
        }
        if (spec.kind() == ValueKind.AMOUNT) {
            return checkAmount(s, spec, item, t, ccyText, verdict);
        }
        if (isValidValue(spec.kind(), codes, t)) {
            return true;
        }
        rejectValue(s, spec, item, t, verdict);
        return false;
    }

    /**
     * Whether the text of a field of {@code kind} (any kind but {@link ValueKind#AMOUNT}) is valid.
     * Only the test, kept small for the JIT: the reject's words are {@link #rejectValue}'s.
     */
    private boolean isValidValue(ValueKind kind, String[] codes, TextBuffer t) {
        return switch (kind) {
            case PRESENCE -> true;
            case ID_MAX35 -> IsoIdentifiers.isRestrictedId(t, 35);
            case TEXT_MAX35, TEXT_MAX70, TEXT_MAX105, TEXT_MAX140, TEXT_MAX350 ->
                t.length() >= 1 && t.length() <= kind.lengthMax();
            case BIC -> IsoIdentifiers.isBic(t);
            case UUID_V4 -> IsoIdentifiers.isUuidV4(t);
            case CODE -> isOneOf(t, codes);
            case EXTERNAL_CODE -> isExternalCode(t);
            case DATE -> IsoIdentifiers.isIsoDate(trim(t));
            case DATE_TIME -> IsoIdentifiers.isIsoDateTimeWithOffset(trim(t));
            case ISO_DATE_TIME -> IsoIdentifiers.isIsoDateTime(trim(t));
            case DECIMAL -> {
                int decimals = DecimalAmounts.decimalsOf(t);
                yield decimals <= 17 && DecimalAmounts.parseMinor(t, decimals, DecimalAmounts.TOTAL_DIGITS_MAX) >= 0;
            }
            case COUNT -> isCount(trim(t));
            case CURRENCY -> Iso4217.minorUnits(Iso4217.pack(t)) != Iso4217.UNKNOWN;
            case AMOUNT -> throw new IllegalArgumentException("an amount is checked with its currency");
        };
    }

    /** Rejects the text of a field {@link #isValidValue} refused, naming the rule of its kind. */
    private void rejectValue(MessageSchema s, FieldSpec spec, int item, TextBuffer t, DecodeVerdict verdict) {
        RejectCode kindCode = RejectCode.INVALID_FORMAT;
        String rule;
        switch (spec.kind()) {
            case ID_MAX35 ->
                rule =
                        "must be 1 to 35 characters of the CBPR+ set [A-Za-z0-9/-?:().,'+ space], not starting or ending with '/' nor containing '//'";
            case BIC -> {
                kindCode = RejectCode.INVALID_BIC;
                rule = "must be a BIC: 8 or 11 characters, 4 bank, 2 country letters, 2 location, optional 3 branch";
            }
            case UUID_V4 -> {
                kindCode = RejectCode.INVALID_UETR;
                rule = "must be a lowercase UUID version 4 (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx)";
            }
            case CODE -> rule = "must be one of " + new java.util.TreeSet<>(spec.codes());
            case EXTERNAL_CODE -> rule = "must be a code of 1 to 4 upper-case letters or digits";
            case DATE -> rule = "must be an ISODate (YYYY-MM-DD) that exists";
            case DATE_TIME ->
                rule =
                        "must be an ISODateTime with a numeric UTC offset such as +08:00 or +00:00 (CBPR+ does not take Z)";
            case ISO_DATE_TIME ->
                rule = "must be an ISODateTime (YYYY-MM-DDThh:mm:ss, optional fraction, optional Z or ±hh:mm)";
            case DECIMAL -> rule = "must be a decimal number of at most 18 digits, 17 after the point";
            case COUNT -> rule = "must be a number of 1 to 15 digits";
            case CURRENCY -> {
                kindCode = RejectCode.INVALID_CURRENCY;
                rule = t.contentEquals("CNH")
                        ? "is not an active ISO 4217 code (offshore renminbi travels as CNY)"
                        : "is not an active ISO 4217 code";
            }
            default -> rule = spec.kind().lengthRule();
        }
        RejectCode code = spec.invalidCode() != null ? spec.invalidCode() : kindCode;
        verdict.reject(code, pathOf(s, spec, item))
                .append(spec.path()[spec.path().length - 1])
                .append(" '")
                .append(t)
                .append("' ")
                .append(rule);
    }

    private boolean checkAmount(
            MessageSchema s, FieldSpec spec, int item, TextBuffer text, TextBuffer ccyText, DecodeVerdict verdict) {
        if (!ccyText.isPresent() || ccyText.length() == 0) {
            verdict.reject(RejectCode.MISSING_ELEMENT, pathOf(s, spec, item) + "/@Ccy")
                    .append(spec.path()[spec.path().length - 1])
                    .append(" has no Ccy attribute");
            return false;
        }
        int ccy = Iso4217.pack(ccyText);
        int minorUnits = Iso4217.minorUnits(ccy);
        if (minorUnits == Iso4217.UNKNOWN) {
            verdict.reject(RejectCode.INVALID_CURRENCY, pathOf(s, spec, item) + "/@Ccy")
                    .append("currency '")
                    .append(ccyText)
                    .append("' is not an active ISO 4217 code")
                    .append(ccyText.contentEquals("CNH") ? " (offshore renminbi travels as CNY)" : "");
            return false;
        }
        long minor = DecimalAmounts.parseMinor(text, minorUnits, s.amountDigitsMax);
        if (minor < 0) {
            StringBuilder d = verdict.reject(RejectCode.INVALID_AMOUNT, pathOf(s, spec, item))
                    .append("amount '")
                    .append(text)
                    .append("' ");
            if (minor == DecimalAmounts.TOO_MANY_DECIMALS) {
                d.append("has ")
                        .append(DecimalAmounts.decimalsOf(text))
                        .append(" decimals, ")
                        .append(ccyText)
                        .append(" allows ")
                        .append(minorUnits);
            } else if (minor == DecimalAmounts.TOO_MANY_DIGITS) {
                d.append("has more than ").append(s.amountDigitsMax).append(" digits");
                if (s.amountDigitsMax == DecimalAmounts.CBPR_TOTAL_DIGITS_MAX) {
                    d.append(" (CBPR+)");
                }
            } else if (minor == DecimalAmounts.NEGATIVE) {
                d.append("is negative");
            } else {
                d.append("is not a decimal number");
            }
            return false;
        }
        checkedAmountMinor = minor;
        checkedCurrency = ccy;
        return true;
    }

    private boolean checkHeader(MessageView v, DecodeVerdict verdict) {
        // Payments and cash management messages are exchanged between agents, identified by BICFI.
        String family = v.schema().type.messageDefinition();
        boolean agentsOnly = family.startsWith("pacs.") || family.startsWith("camt.");
        if (!checkOrganisationSender(v, verdict)) {
            return false;
        }
        if (!v.fromBic.isPresent() && (agentsOnly || !v.fromOrganisationId.isPresent())) {
            verdict.reject(RejectCode.MISSING_ELEMENT, agentsOnly ? "/AppHdr/Fr/FIId/FinInstnId/BICFI" : "/AppHdr/Fr")
                    .append(
                            agentsOnly
                                    ? "mandatory element BICFI is missing: the sender of a payment is an agent"
                                    : "AppHdr Fr must name the sender by BICFI or organisation id");
            return false;
        }
        if (!v.toBic.isPresent() && !v.toOrganisationId.isPresent()) {
            verdict.reject(RejectCode.MISSING_ELEMENT, "/AppHdr/To")
                    .append("AppHdr To must name the receiver by BICFI or organisation id");
            return false;
        }
        if (v.fromBic.isPresent() && !IsoIdentifiers.isBic(v.fromBic)) {
            verdict.reject(RejectCode.INVALID_BIC, "/AppHdr/Fr/FIId/FinInstnId/BICFI")
                    .append("BIC '")
                    .append(v.fromBic)
                    .append("' is not a BIC");
            return false;
        }
        if (v.toBic.isPresent() && !IsoIdentifiers.isBic(v.toBic)) {
            verdict.reject(RejectCode.INVALID_BIC, "/AppHdr/To/FIId/FinInstnId/BICFI")
                    .append("BIC '")
                    .append(v.toBic)
                    .append("' is not a BIC");
            return false;
        }
        if (!v.messageDefinitionId.contentEquals(v.schema().type.messageDefinition())) {
            verdict.reject(RejectCode.HEADER_MISMATCH, "/AppHdr/MsgDefIdr")
                    .append("MsgDefIdr '")
                    .append(v.messageDefinitionId)
                    .append("' must be ")
                    .append(v.schema().type.messageDefinition())
                    .append(", the message in the Document");
            return false;
        }
        if (!v.businessMessageId.isPresent()) {
            verdict.reject(RejectCode.MISSING_ELEMENT, "/AppHdr/BizMsgIdr")
                    .append("mandatory element BizMsgIdr is missing");
            return false;
        }
        int idField = v.schema().messageIdField;
        if (idField >= 0 && !v.businessMessageId.contentEquals(v.text[idField])) {
            verdict.reject(RejectCode.HEADER_MISMATCH, "/AppHdr/BizMsgIdr")
                    .append("BizMsgIdr '")
                    .append(v.businessMessageId)
                    .append("' must equal the message id '")
                    .append(v.text[idField])
                    .append("'");
            return false;
        }
        if (!IsoIdentifiers.isIsoDateTimeWithOffset(trim(v.headerCreationDate))) {
            verdict.reject(RejectCode.INVALID_FORMAT, "/AppHdr/CreDt")
                    .append("CreDt '")
                    .append(v.headerCreationDate)
                    .append("' must be an ISODateTime with a numeric UTC offset (CBPR+)");
            return false;
        }
        return true;
    }

    /**
     * A corporate sender names itself by its unified social credit code ({@code Othr/Id} with
     * {@code SchmeNm/Prtry} USCC) or by its LEI ({@code LEI}, or {@code Othr/Id} with scheme LEI).
     * With only an LEI, the LEI becomes the view's organisation id.
     */
    private static boolean checkOrganisationSender(MessageView v, DecodeVerdict verdict) {
        if (v.fromLei.isPresent() && !IsoIdentifiers.isLei(v.fromLei)) {
            verdict.reject(RejectCode.INVALID_ORGANISATION_ID, "/AppHdr/Fr/OrgId/Id/OrgId/LEI")
                    .append("LEI '")
                    .append(v.fromLei)
                    .append("' is not an ISO 17442 LEI (18 letters or digits and two check digits, MOD 97-10)");
            return false;
        }
        if (!v.fromOrganisationId.isPresent()) {
            if (v.fromLei.isPresent()) {
                v.fromOrganisationId.copyFrom(v.fromLei);
            }
            return true;
        }
        TextBuffer scheme = v.fromOrganisationScheme;
        boolean lei = scheme.contentEquals("LEI");
        if (!lei && !scheme.contentEquals("USCC")) {
            verdict.reject(RejectCode.INVALID_ORGANISATION_ID, "/AppHdr/Fr/OrgId/Id/OrgId/Othr/SchmeNm")
                    .append("organisation id '")
                    .append(v.fromOrganisationId)
                    .append("' needs SchmeNm/Prtry USCC (unified social credit code) or LEI, was '")
                    .append(scheme)
                    .append('\'');
            return false;
        }
        boolean valid = lei
                ? IsoIdentifiers.isLei(v.fromOrganisationId)
                : IsoIdentifiers.isUnifiedSocialCreditCode(v.fromOrganisationId);
        if (!valid) {
            verdict.reject(RejectCode.INVALID_ORGANISATION_ID, "/AppHdr/Fr/OrgId/Id/OrgId/Othr/Id")
                    .append("organisation id '")
                    .append(v.fromOrganisationId)
                    .append(
                            lei
                                    ? "' is not an ISO 17442 LEI (18 letters or digits and two check digits, MOD 97-10)"
                                    : "' is not a unified social credit code (18 digits or letters other than I, O, S, V, Z)");
            return false;
        }
        return true;
    }

    private static boolean isOneOf(TextBuffer t, String[] codes) {
        for (String code : codes) {
            if (t.contentEquals(code)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isExternalCode(CharSequence t) {
        if (t.length() < 1 || t.length() > 4) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCount(CharSequence t) {
        if (t.length() < 1 || t.length() > 15) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private final TextBuffer trimmed = new TextBuffer();

    /** Values of xs:date, xs:dateTime and numbers are whitespace-collapsed by the schema. */
    private CharSequence trim(TextBuffer t) {
        int start = 0;
        int end = t.length();
        char[] a = t.array();
        while (start < end && a[start] <= ' ') {
            start++;
        }
        while (end > start && a[end - 1] <= ' ') {
            end--;
        }
        if (start == 0 && end == t.length()) {
            return t;
        }
        trimmed.set(a, start, end - start);
        return trimmed;
    }
}
