package io.kapok.codecs.xml;

import io.kapok.codecs.RejectCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Kapok's own pull parser for XML 1.0 in UTF-8, over a slice of a byte array: namespace-aware,
 * coalescing, with no DTD and no entity but the five predefined ones, and with the {@link
 * XmlLimits} enforced as it reads. It gives what a streaming decoder needs and nothing more: start
 * and end tags with their local name and namespace URI as interned Strings (compare them with
 * {@code ==} against literals), the attributes of a start tag, and text as characters.
 *
 * <p>Events: {@link #START_ELEMENT}, {@link #END_ELEMENT} (also after an empty-element tag), {@link
 * #CHARACTERS} (a run of text and CDATA sections with references decoded, lines ends normalised to
 * LF; comments and processing instructions split runs and are skipped; whitespace outside the root
 * is not reported), {@link #END_DOCUMENT}, or {@link #FAILED} with a {@link #failureCode()} and a
 * {@link #failureMessage()} that names the rule broken and the line and column.
 *
 * <p>What it refuses: anything not well-formed (mismatched or missing end tags, a second root, text
 * outside the root, a duplicate attribute, {@code <} in an attribute value, a bare {@code &}, {@code
 * ]]>} in text, malformed or overlong UTF-8, encoded surrogates, characters XML 1.0 does not allow,
 * {@code --} in a comment, an XML declaration other than at the very start, an unbound prefix) is
 * {@link RejectCode#MALFORMED_XML}; a DOCTYPE anywhere or a reference to any entity other than
 * {@code lt gt amp quot apos} is {@link RejectCode#FORBIDDEN_XML_CONSTRUCT}; a limit hit is {@link
 * RejectCode#XML_LIMIT_EXCEEDED}. A failure is final: every later {@link #next()} returns {@link
 * #FAILED} again.
 *
 * <p>Encoding: UTF-8 with or without a byte order mark. {@link #reset} says when a message declares
 * or signals another encoding (a UTF-16 or UTF-32 byte order mark or layout, EBCDIC, or an XML
 * declaration naming another encoding); such a message is for a general parser, not for this one.
 *
 * <p>Allocation: none per message once its buffers have grown to the largest text and attribute
 * seen and its {@link XmlSymbolTable} knows the names (at most {@value #SYMBOLS_MAX} names are
 * remembered; beyond that each new name costs a String). A failure allocates its message. Not
 * thread-safe: one scanner per thread, {@link #reset} per message; the names, text and attributes
 * it returns are valid until the next call to {@link #next()}.
 */
public final class Utf8XmlScanner {
    /** A start tag (or the start of an empty-element tag). */
    public static final int START_ELEMENT = 1;
    /** An end tag, or the end of an empty-element tag. */
    public static final int END_ELEMENT = 2;
    /** A run of character data: {@link #textChars()} from {@link #textStart()}, {@link #textLength()} long. */
    public static final int CHARACTERS = 4;
    /** The root element has ended and only whitespace, comments and processing instructions followed. */
    public static final int END_DOCUMENT = 8;
    /** The message broke a rule or a limit: {@link #failureCode()}, {@link #failureMessage()}. */
    public static final int FAILED = -1;

    /** The namespace the {@code xml} prefix is always bound to. */
    public static final String XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

    private static final String XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    /** Names and namespace URIs one scanner remembers. */
    static final int SYMBOLS_MAX = 4_096;
    /** Elements of a message, from its first, whose names are predicted from the last message. */
    private static final int PREDICTED_ELEMENTS = 512;

    private static final byte NAME_START = 1;
    private static final byte NAME_PART = 2;
    /** Copied to text as is: printable ASCII other than {@code < & ]}, and TAB and LF. */
    private static final byte TEXT_PLAIN = 4;
    /** Copied to an attribute value as is: printable ASCII other than {@code < & " '}. */
    private static final byte VALUE_PLAIN = 8;

    private static final byte WHITESPACE = 16;
    /** Classes of each byte value; bytes of multi-byte sequences (0x80 and up) have none. */
    private static final byte[] ASCII_CLASS = new byte[256];

    static {
        for (int c = 0; c < 128; c++) {
            int bits = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                bits |= NAME_START | NAME_PART;
            }
            if ((c >= '0' && c <= '9') || c == '-' || c == '.') {
                bits |= NAME_PART;
            }
            if ((c >= 0x20 && c != '<' && c != '&' && c != ']') || c == '\t' || c == '\n') {
                bits |= TEXT_PLAIN;
            }
            if (c >= 0x20 && c != '<' && c != '&' && c != '"' && c != '\'') {
                bits |= VALUE_PLAIN;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                bits |= WHITESPACE;
            }
            ASCII_CLASS[c] = (byte) bits;
        }
    }

    /** Eight bytes read as one little-endian long, for the runs of spaces that indent a message. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long EIGHT_SPACES = 0x2020202020202020L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private static final byte[] CDATA_OPEN = "<![CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOCTYPE_OPEN = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private final int depthMax;
    private final int elementCountMax;
    private final int attributeCountMax;
    private final int textLengthMax;

    private final XmlSymbolTable symbols = new XmlSymbolTable(SYMBOLS_MAX);
    /**
     * For the n-th element of a message, 1 + the symbol slot of the unprefixed name the n-th element
     * of the last message had, or 0: messages of one shape follow each other, and a name predicted
     * is only compared (and what follows it checked), not hashed and looked up. Ints, not
     * references: written only on a miss, and with no write barrier.
     */
    private final int[] predictedNameSlots = new int[PREDICTED_ELEMENTS];
    /** The symbol table's {@link XmlSymbolTable#layout()} the predicted slots belong to. */
    private int predictedLayout;

    private byte[] bytes;
    private int messageStart;
    private int pos;
    private int end;

    private boolean failed;
    private RejectCode failureCode;
    private String failureMessage;

    private boolean rootSeen;
    private boolean emptyElementOpen;
    private int depth;
    private int elementCount;

    /** Per open element, by depth: where its qualified name is in the input, its names, its bindings. */
    private final int[] nameOffsetByDepth;

    private final int[] nameLengthByDepth;
    private final String[] localNameByDepth;
    private final int[] localNameHashByDepth;
    private final String[] namespaceByDepth;
    private final int[] bindingMarkByDepth;

    /**
     * Depth of the element of the current start or end tag in the per-depth arrays, or -1 before
     * the first. The current names are read from those arrays rather than copied to fields of their
     * own: a reference stored into a long-lived object costs the garbage collector's write barrier
     * (under G1 a memory fence), and the per-depth arrays are written only when a name changes.
     */
    private int eventDepth;

    private int localNameHash;

    /** Namespace bindings in scope, innermost last. */
    private String[] bindingPrefixes = new String[16];

    private String[] bindingUris = new String[16];
    private int bindingCount;

    /** Attributes of the current start tag (namespace declarations are not attributes). */
    private final String[] attributePrefixes;

    private final String[] attributeLocalNames;
    private final String[] attributeNamespaces;
    private final int[] attributeValueStarts;
    private final int[] attributeValueLengths;
    private int attributeCount;
    /** Decoded attribute values of the current start tag, back to back. */
    private char[] valueChars;

    private int valueLength;

    private final char[] text;
    private int textLength;
    /**
     * True while the current text is a run of plain ASCII still in the input at {@link
     * #textByteStart}: nothing needed decoding, so it is copied to {@link #text} only when asked for.
     */
    private boolean textInBytes;

    private int textByteStart;

    /**
     * Prefix ({@code ""} for none, interned) of the qualified name just scanned, and where that name
     * lies; its local name is what {@link #scanQualifiedName} returned.
     */
    private String scannedPrefix = "";

    /** Where the value last read by {@link #quotedValue()} starts. */
    private int declarationValueStart;

    private int scannedOffset;
    private int scannedLength;

    /** @param limits depth, element count, attributes per element and text length, each refused beyond */
    public Utf8XmlScanner(XmlLimits limits) {
        this.depthMax = limits.depthMax();
        this.elementCountMax = limits.elementCountMax();
        this.attributeCountMax = limits.attributeCountMax();
        this.textLengthMax = limits.textLengthMax();
        // Sized to the limits once: the scanner refuses a message before it would need more.
        int depths = depthMax;
        this.nameOffsetByDepth = new int[depths];
        this.nameLengthByDepth = new int[depths];
        this.localNameByDepth = new String[depths];
        this.localNameHashByDepth = new int[depths];
        this.namespaceByDepth = new String[depths];
        this.bindingMarkByDepth = new int[depths];
        int attributes = attributeCountMax;
        this.attributePrefixes = new String[attributes];
        this.attributeLocalNames = new String[attributes];
        this.attributeNamespaces = new String[attributes];
        this.attributeValueStarts = new int[attributes];
        this.attributeValueLengths = new int[attributes];
        this.valueChars = new char[textLengthMax + 2];
        // A supplementary character adds two chars: room for one past the limit.
        this.text = new char[textLengthMax + 2];
    }

    /**
     * Starts on a new message: {@code length} bytes at {@code offset}, read in place (the array
     * must not change until the message is done).
     *
     * @return true when the message is UTF-8 (or declares nothing) and this scanner reads it;
     *     false when it signals or declares another encoding, which this scanner does not read
     */
    public boolean reset(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.messageStart = offset;
        this.pos = offset;
        this.end = offset + length;
        this.failed = false;
        this.failureCode = null;
        this.failureMessage = null;
        this.rootSeen = false;
        this.emptyElementOpen = false;
        this.depth = 0;
        this.elementCount = 0;
        this.bindingCount = 0;
        this.attributeCount = 0;
        this.textLength = 0;
        this.textInBytes = false;
        this.eventDepth = -1;
        if (signalsAnotherEncoding()) {
            return false;
        }
        if (length >= 3
                && bytes[offset] == (byte) 0xEF
                && bytes[offset + 1] == (byte) 0xBB
                && bytes[offset + 2] == (byte) 0xBF) {
            pos += 3;
        }
        return readDeclaration();
    }

    /**
     * Reads up to the next event.
     *
     * @return {@link #START_ELEMENT}, {@link #END_ELEMENT}, {@link #CHARACTERS}, {@link
     *     #END_DOCUMENT} or {@link #FAILED}
     */
    public int next() {
        if (failed) {
            return FAILED;
        }
        if (emptyElementOpen) {
            emptyElementOpen = false;
            return closeElement();
        }
        while (true) {
            if (depth == 0) {
                return nextOutsideRoot();
            }
            if (pos >= end) {
                return fail(RejectCode.MALFORMED_XML, "the message ends inside element <" + openName(depth - 1) + ">");
            }
            if (bytes[pos] != '<') {
                int event = scanText();
                if (event != 0) {
                    return event;
                }
                continue;
            }
            if (pos + 1 >= end) {
                return fail(RejectCode.MALFORMED_XML, "the message ends inside a tag");
            }
            byte second = bytes[pos + 1];
            if (second == '/') {
                return scanEndTag();
            }
            if (second == '!') {
                if (startsWith(CDATA_OPEN)) {
                    int event = scanText();
                    if (event != 0) {
                        return event;
                    }
                } else if (!skipCommentOrRefuseDoctype()) {
                    return FAILED;
                }
            } else if (second == '?') {
                if (!skipProcessingInstruction()) {
                    return FAILED;
                }
            } else {
                return scanStartTag();
            }
        }
    }

    /**
     * Reads up to the next event other than {@link #CHARACTERS}: text on the way is read and checked
     * as by {@link #next()} (a failure or limit in it is reported the same way) but not reported.
     * For a consumer that has no use for the text at this point, e.g. between the fields it reads.
     *
     * @return {@link #START_ELEMENT}, {@link #END_ELEMENT}, {@link #END_DOCUMENT} or {@link #FAILED}
     */
    public int nextSkippingText() {
        int event;
        do {
            event = next();
        } while (event == CHARACTERS);
        return event;
    }

    /** Local name of the current start or end tag, interned. */
    public String localName() {
        return eventDepth < 0 ? null : localNameByDepth[eventDepth];
    }

    /**
     * A hash of {@link #localName()}, known from reading it: {@link #nameHash} of the name, so that
     * a consumer can look the name up in its own tables without touching the String.
     */
    public int localNameHash() {
        return localNameHash;
    }

    /** The hash {@link #localNameHash()} gives for {@code name}, for building a consumer's tables. */
    public static int nameHash(String name) {
        return XmlSymbolTable.hashOf(name);
    }

    /** Namespace URI of the current start or end tag, interned; {@code ""} for none. */
    public String namespaceUri() {
        return eventDepth < 0 ? null : namespaceByDepth[eventDepth];
    }

    /** Attributes of the current start tag, namespace declarations not counted. */
    public int attributeCount() {
        return attributeCount;
    }

    /** Local name of attribute {@code index} of the current start tag, interned. */
    public String attributeLocalName(int index) {
        return attributeLocalNames[index];
    }

    /** Namespace URI of attribute {@code index}, interned; {@code ""} for an unprefixed attribute. */
    public String attributeNamespace(int index) {
        return attributeNamespaces[index];
    }

    /** The array holding the decoded, normalised attribute values of the current start tag. */
    public char[] attributeValueChars() {
        return valueChars;
    }

    /** Where the value of attribute {@code index} starts in {@link #attributeValueChars()}. */
    public int attributeValueStart(int index) {
        return attributeValueStarts[index];
    }

    /** Characters in the value of attribute {@code index}. */
    public int attributeValueLength(int index) {
        return attributeValueLengths[index];
    }

    /**
     * The array holding the current text; valid from {@link #textStart()} for {@link #textLength()}.
     * A run of plain ASCII is read without being copied; this copies it here on the first call.
     * A consumer that keeps the text is better served by {@link #appendTextTo}.
     */
    public char[] textChars() {
        if (textInBytes) {
            byte[] b = bytes;
            char[] out = text;
            for (int i = 0, from = textByteStart, n = textLength; i < n; i++) {
                out[i] = (char) (b[from + i] & 0xFF);
            }
            textInBytes = false;
        }
        return text;
    }

    /** Appends the current text to {@code into} (one copy, straight from the input for plain ASCII). */
    public void appendTextTo(TextBuffer into) {
        if (textInBytes) {
            into.appendAscii(bytes, textByteStart, textLength);
        } else {
            into.append(text, 0, textLength);
        }
    }

    /** Where the current text starts in {@link #textChars()} (always 0). */
    public int textStart() {
        return 0;
    }

    /** Characters of the current text (UTF-16 units: a supplementary character counts two). */
    public int textLength() {
        return textLength;
    }

    /** Why the message failed, once {@link #next()} returned {@link #FAILED}; otherwise null. */
    public RejectCode failureCode() {
        return failureCode;
    }

    /** The rule or limit broken and where, once {@link #next()} returned {@link #FAILED}; otherwise null. */
    public String failureMessage() {
        return failureMessage;
    }

    // ---------------------------------------------------------------------------------------------
    // Encoding and the XML declaration

    private boolean signalsAnotherEncoding() {
        int n = end - messageStart;
        if (n < 2) {
            return false;
        }
        int b0 = bytes[messageStart] & 0xFF;
        int b1 = bytes[messageStart + 1] & 0xFF;
        // UTF-16 byte order marks, and '<' as UTF-16 or UTF-32 (with or without a BOM).
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0 && b1 == 0)) {
            return true;
        }
        if ((b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0)) {
            return true;
        }
        // "<?xm" in EBCDIC.
        return n >= 4 && b0 == 0x4C && b1 == 0x6F && (bytes[messageStart + 2] & 0xFF) == 0xA7;
    }

    /**
     * Reads the XML declaration if the message starts with one; records a failure for a malformed
     * one. Returns false when it names an encoding other than UTF-8.
     */
    private boolean readDeclaration() {
        if (end - pos < 6
                || bytes[pos] != '<'
                || bytes[pos + 1] != '?'
                || bytes[pos + 2] != 'x'
                || bytes[pos + 3] != 'm'
                || bytes[pos + 4] != 'l'
                || !isWhitespace(bytes[pos + 5])) {
            return true;
        }
        pos += 5;
        boolean spaced = skipWhitespace();
        if (!spaced || !pseudoAttribute("version")) {
            fail(RejectCode.MALFORMED_XML, "the XML declaration must start with version=\"1.0\"");
            return true;
        }
        int versionLength = quotedValue();
        int versionStart = declarationValueStart;
        if (versionLength < 0) {
            return true;
        }
        if (versionLength != 3
                || bytes[versionStart] != '1'
                || bytes[versionStart + 1] != '.'
                || bytes[versionStart + 2] != '0') {
            fail(
                    RejectCode.MALFORMED_XML,
                    "XML version '" + ascii(versionStart, versionLength)
                            + "' is not supported: ISO 20022 messages are XML 1.0");
            return true;
        }
        spaced = skipWhitespace();
        if (spaced && pseudoAttribute("encoding")) {
            int encodingLength = quotedValue();
            int encodingStart = declarationValueStart;
            if (encodingLength < 0) {
                return true;
            }
            if (!isEncodingName(encodingStart, encodingLength)) {
                fail(RejectCode.MALFORMED_XML, "the XML declaration names no valid encoding");
                return true;
            }
            if (!isUtf8Name(encodingStart, encodingLength)) {
                return false;
            }
            spaced = skipWhitespace();
        }
        if (spaced && pseudoAttribute("standalone")) {
            int standaloneLength = quotedValue();
            int standaloneStart = declarationValueStart;
            if (standaloneLength < 0) {
                return true;
            }
            if (!sameAscii(standaloneStart, standaloneLength, "yes", false)
                    && !sameAscii(standaloneStart, standaloneLength, "no", false)) {
                fail(RejectCode.MALFORMED_XML, "standalone must be \"yes\" or \"no\" in the XML declaration");
                return true;
            }
            skipWhitespace();
        }
        if (end - pos < 2 || bytes[pos] != '?' || bytes[pos + 1] != '>') {
            fail(
                    RejectCode.MALFORMED_XML,
                    "the XML declaration takes version, encoding and standalone in that order, then ?>");
            return true;
        }
        pos += 2;
        return true;
    }

    /** At {@code name}, optional whitespace and {@code =}; consumes them when there. */
    private boolean pseudoAttribute(String name) {
        int n = name.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[pos + i] != name.charAt(i)) {
                return false;
            }
        }
        int at = pos;
        pos += n;
        skipWhitespace();
        if (pos < end && bytes[pos] == '=') {
            pos++;
            skipWhitespace();
            return true;
        }
        pos = at;
        return false;
    }

    /**
     * Reads a quoted value of the declaration: returns its length, with its first byte at {@link
     * #declarationValueStart} and {@code pos} after the closing quote, or -1 after a failure.
     */
    private int quotedValue() {
        if (pos >= end || (bytes[pos] != '"' && bytes[pos] != '\'')) {
            fail(RejectCode.MALFORMED_XML, "a value in the XML declaration must be quoted");
            return -1;
        }
        byte quote = bytes[pos];
        int start = pos + 1;
        int at = start;
        while (at < end && bytes[at] != quote && bytes[at] != '?' && bytes[at] != '<') {
            at++;
        }
        if (at >= end || bytes[at] != quote) {
            fail(RejectCode.MALFORMED_XML, "a value in the XML declaration is not closed");
            return -1;
        }
        pos = at + 1;
        declarationValueStart = start;
        return at - start;
    }

    private boolean isEncodingName(int start, int length) {
        if (length == 0 || !isAsciiLetter(bytes[start])) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            byte b = bytes[start + i];
            if (!isAsciiLetter(b) && !(b >= '0' && b <= '9') && b != '.' && b != '_' && b != '-') {
                return false;
            }
        }
        return true;
    }

    private boolean isUtf8Name(int start, int length) {
        return sameAscii(start, length, "UTF-8", true) || sameAscii(start, length, "UTF8", true);
    }

    /** The {@code length} bytes at {@code start} spell {@code expected} (ASCII letters in any case if asked). */
    private boolean sameAscii(int start, int length, String expected, boolean anyCase) {
        if (length != expected.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int b = bytes[start + i];
            int c = expected.charAt(i);
            if (b != c && !(anyCase && isAsciiLetter(bytes[start + i]) && (b | 0x20) == (c | 0x20))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    // ---------------------------------------------------------------------------------------------
    // Outside the root element

    private int nextOutsideRoot() {
        while (true) {
            skipWhitespace();
            if (pos >= end) {
                if (rootSeen) {
                    return END_DOCUMENT;
                }
                return fail(
                        RejectCode.MALFORMED_XML,
                        end == messageStart ? "the message is empty" : "the message has no root element");
            }
            if (bytes[pos] != '<') {
                return fail(
                        RejectCode.MALFORMED_XML,
                        rootSeen
                                ? "text after the root element; only comments and whitespace may follow it"
                                : "text before the root element");
            }
            if (pos + 1 >= end) {
                return fail(RejectCode.MALFORMED_XML, "the message ends inside a tag");
            }
            byte b = bytes[pos + 1];
            if (b == '!') {
                if (!startsWith(DOCTYPE_OPEN) && !startsWith("<!--")) {
                    return fail(
                            RejectCode.MALFORMED_XML,
                            "only comments may stand outside the root element (no CDATA section)");
                }
                if (!skipCommentOrRefuseDoctype()) {
                    return FAILED;
                }
            } else if (b == '?') {
                if (!skipProcessingInstruction()) {
                    return FAILED;
                }
            } else if (b == '/') {
                return fail(RejectCode.MALFORMED_XML, "an end tag with no element open");
            } else if (rootSeen) {
                return fail(RejectCode.MALFORMED_XML, "a second root element; a message has one");
            } else {
                return scanStartTag();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Tags

    /**
     * Reads a start tag. Kept small enough for the JIT to inline it into {@link #next()}: the
     * rarer work (attributes, limits, failures) is in methods of its own.
     */
    private int scanStartTag() {
        int tagStart = pos;
        pos++;
        String elementLocal = predictedName();
        if (elementLocal == null) {
            elementLocal = scanQualifiedName("element");
            if (elementLocal == null) {
                return FAILED;
            }
            predictNextTime();
        }
        if (depth >= depthMax || elementCount >= elementCountMax) {
            return elementLimitHit(tagStart);
        }
        elementCount++;
        String elementPrefix = scannedPrefix;
        int elementLocalHash = symbols.lastHash();
        int d = depth;
        nameOffsetByDepth[d] = scannedOffset;
        nameLengthByDepth[d] = scannedLength;
        bindingMarkByDepth[d] = bindingCount;
        attributeCount = 0;
        valueLength = 0;
        boolean empty = false;
        // Most start tags end right after the name: look for '>' before anything else.
        if (pos < end && bytes[pos] == '>') {
            pos++;
        } else {
            int ended = scanAttributesToTagEnd(elementLocal);
            if (ended == FAILED) {
                return FAILED;
            }
            empty = ended == END_ELEMENT;
        }
        String uri = elementPrefix == "" && bindingCount == 0 ? "" : namespaceOf(elementPrefix);
        if (uri == null) {
            return fail(RejectCode.MALFORMED_XML, "element prefix '" + elementPrefix + "' is not bound to a namespace");
        }
        if (attributeCount > 0 && !resolveAttributeNamespaces()) {
            return FAILED;
        }
        // Stored only when changed: the same shape of message leaves them as they were.
        if (localNameByDepth[d] != elementLocal) {
            localNameByDepth[d] = elementLocal;
        }
        if (namespaceByDepth[d] != uri) {
            namespaceByDepth[d] = uri;
        }
        localNameHashByDepth[d] = elementLocalHash;
        localNameHash = elementLocalHash;
        eventDepth = d;
        depth = d + 1;
        rootSeen = true;
        emptyElementOpen = empty;
        return START_ELEMENT;
    }

    /**
     * The name of this element as predicted from the last message when the bytes at {@code pos}
     * are that name, unprefixed and ended there (as {@link #scanQualifiedName} would read it);
     * otherwise null, with nothing read.
     */
    private String predictedName() {
        int index = elementCount;
        if (index >= PREDICTED_ELEMENTS || predictedNameSlots[index] == 0) {
            return null;
        }
        if (predictedLayout != symbols.layout()) {
            // The table has grown and moved its names: every slot predicted is void.
            Arrays.fill(predictedNameSlots, 0);
            predictedLayout = symbols.layout();
            return null;
        }
        int start = pos;
        String name = symbols.startingAt(bytes, start, end, predictedNameSlots[index] - 1);
        if (name == null) {
            return null;
        }
        int nameEnd = start + name.length();
        if (nameEnd >= end) {
            return null;
        }
        byte after = bytes[nameEnd];
        if (after < 0 || after == ':' || (ASCII_CLASS[after] & NAME_PART) != 0) {
            return null; // the name goes on, or was a prefix
        }
        return plainName(start, name.length(), name);
    }

    /** Records the name {@link #scanQualifiedName} has just read as the prediction for this element. */
    private void predictNextTime() {
        int index = elementCount;
        if (index >= PREDICTED_ELEMENTS) {
            return;
        }
        if (predictedLayout != symbols.layout()) {
            Arrays.fill(predictedNameSlots, 0);
            predictedLayout = symbols.layout();
        }
        int slot = scannedPrefix == "" ? symbols.lastSlot() + 1 : 0;
        if (predictedNameSlots[index] != slot) {
            predictedNameSlots[index] = slot;
        }
    }

    /** Refuses the start tag at {@code tagStart}: one level or one element beyond the limits. */
    private int elementLimitHit(int tagStart) {
        pos = tagStart;
        if (depth >= depthMax) {
            return fail(
                    RejectCode.XML_LIMIT_EXCEEDED, "element nesting deeper than the limit of " + depthMax + " levels");
        }
        return fail(
                RejectCode.XML_LIMIT_EXCEEDED,
                "more elements than the limit of " + elementCountMax + " in one message");
    }

    /**
     * Reads the attributes and namespace declarations of a start tag up to its end. Returns {@link
     * #START_ELEMENT} after {@code >}, {@link #END_ELEMENT} after {@code />}, or {@link #FAILED}.
     */
    private int scanAttributesToTagEnd(String elementLocal) {
        while (true) {
            if (pos < end && bytes[pos] == '>') {
                pos++;
                return START_ELEMENT;
            }
            boolean spaced = skipWhitespace();
            if (pos >= end) {
                return fail(RejectCode.MALFORMED_XML, "the message ends inside the start tag <" + elementLocal + ">");
            }
            byte b = bytes[pos];
            if (b == '>') {
                pos++;
                return START_ELEMENT;
            }
            if (b == '/') {
                if (pos + 1 >= end || bytes[pos + 1] != '>') {
                    return fail(RejectCode.MALFORMED_XML, "'/' in a start tag must be followed by '>'");
                }
                pos += 2;
                return END_ELEMENT;
            }
            if (!spaced) {
                return fail(RejectCode.MALFORMED_XML, "expected whitespace, '>' or '/>' in a start tag");
            }
            if (!scanAttribute()) {
                return FAILED;
            }
        }
    }

    /** Gives each attribute of the start tag its namespace; refuses an unbound prefix and a duplicate. */
    private boolean resolveAttributeNamespaces() {
        for (int i = 0; i < attributeCount; i++) {
            String prefix = attributePrefixes[i];
            String attributeUri = prefix == "" ? "" : namespaceOf(prefix);
            if (attributeUri == null) {
                return refuse(
                        RejectCode.MALFORMED_XML,
                        "attribute prefix '" + prefix + "' is not bound to a namespace (attribute "
                                + attributeLocalNames[i] + ")");
            }
            if (attributeNamespaces[i] != attributeUri) {
                attributeNamespaces[i] = attributeUri;
            }
            for (int j = 0; j < i; j++) {
                if (attributeLocalNames[j] == attributeLocalNames[i] && attributeNamespaces[j] == attributeUri) {
                    return refuse(
                            RejectCode.MALFORMED_XML,
                            "attribute " + describe(attributeUri, attributeLocalNames[i])
                                    + " appears twice in one start tag");
                }
            }
        }
        return true;
    }

    /** Reads an end tag: the common case, the open element's name and '>', is one word compare. */
    private int scanEndTag() {
        int d = depth - 1;
        int at = pos + 2;
        int nameLength = nameLengthByDepth[d];
        byte[] b = bytes;
        if (end - at > nameLength
                && b[at + nameLength] == '>'
                && XmlSymbolTable.sameBytes(b, at, b, nameOffsetByDepth[d], nameLength)) {
            pos = at + nameLength + 1;
            return closeElement();
        }
        return scanUnusualEndTag(d);
    }

    /** {@link #scanEndTag} for the rest: whitespace before '>', a mismatch, a truncated message. */
    private int scanUnusualEndTag(int d) {
        int tagStart = pos;
        pos += 2;
        int nameOffset = nameOffsetByDepth[d];
        int nameLength = nameLengthByDepth[d];
        if (end - pos <= nameLength) {
            pos = end;
            return fail(RejectCode.MALFORMED_XML, "the message ends inside the end tag of <" + openName(d) + ">");
        }
        byte[] b = bytes;
        int at = pos;
        boolean same = XmlSymbolTable.sameBytes(b, at, b, nameOffset, nameLength);
        byte after = b[at + nameLength];
        if (same && after == '>') {
            pos = at + nameLength + 1;
            return closeElement();
        }
        if (same) {
            same = after >= 0 && (ASCII_CLASS[after] & NAME_PART) == 0 && after != ':';
        }
        if (!same) {
            while (at < end && bytes[at] != '>' && bytes[at] != '<' && !isWhitespace(bytes[at]) && at - pos < 200) {
                at++;
            }
            pos = tagStart;
            return fail(
                    RejectCode.MALFORMED_XML,
                    "end tag </" + new String(bytes, tagStart + 2, at - tagStart - 2, StandardCharsets.UTF_8)
                            + "> does not match start tag <" + openName(d) + ">");
        }
        pos += nameLength;
        skipWhitespace();
        if (pos >= end || bytes[pos] != '>') {
            return fail(RejectCode.MALFORMED_XML, "end tag </" + openName(d) + "> is not closed by '>'");
        }
        pos++;
        return closeElement();
    }

    private int closeElement() {
        int d = depth - 1;
        depth = d;
        bindingCount = bindingMarkByDepth[d];
        eventDepth = d;
        localNameHash = localNameHashByDepth[d];
        attributeCount = 0;
        return END_ELEMENT;
    }

    /** Reads {@code name="value"} of a start tag: an attribute or a namespace declaration. */
    private boolean scanAttribute() {
        String local = scanQualifiedName("attribute");
        if (local == null) {
            return false;
        }
        String prefix = scannedPrefix;
        boolean declaration = prefix == "xmlns" || (prefix == "" && local == "xmlns");
        if (!declaration && attributeCount >= attributeCountMax) {
            return refuse(
                    RejectCode.XML_LIMIT_EXCEEDED,
                    "more attributes on one element than the limit of " + attributeCountMax);
        }
        skipWhitespace();
        if (pos >= end || bytes[pos] != '=') {
            return refuse(RejectCode.MALFORMED_XML, "attribute " + local + " has no '=' and value");
        }
        pos++;
        skipWhitespace();
        if (pos >= end || (bytes[pos] != '"' && bytes[pos] != '\'')) {
            return refuse(RejectCode.MALFORMED_XML, "the value of attribute " + local + " must be quoted");
        }
        int valueStart = valueLength;
        if (!scanAttributeValue()) {
            return false;
        }
        int length = valueLength - valueStart;
        if (declaration) {
            return declare(prefix == "xmlns" ? local : "", valueStart, length);
        }
        int i = attributeCount++;
        if (attributePrefixes[i] != prefix) {
            attributePrefixes[i] = prefix;
        }
        if (attributeLocalNames[i] != local) {
            attributeLocalNames[i] = local;
        }
        attributeValueStarts[i] = valueStart;
        attributeValueLengths[i] = length;
        return true;
    }

    /** Binds {@code prefix} ({@code ""} for the default namespace) for the element being opened. */
    private boolean declare(String prefix, int valueStart, int length) {
        String uri = symbols.chars(valueChars, valueStart, length);
        // The value is a name now: take it off the value buffer so attributes stay back to back.
        valueLength = valueStart;
        if (prefix == "xml") {
            if (uri != XML_NAMESPACE) {
                return refuse(RejectCode.MALFORMED_XML, "the xml prefix cannot be bound to another namespace");
            }
            return true;
        }
        if (prefix == "xmlns") {
            return refuse(RejectCode.MALFORMED_XML, "the xmlns prefix cannot be declared");
        }
        if (uri == XML_NAMESPACE || uri == XMLNS_NAMESPACE) {
            return refuse(RejectCode.MALFORMED_XML, "namespace " + uri + " cannot be bound to a prefix of choice");
        }
        if (uri.isEmpty() && prefix != "") {
            return refuse(
                    RejectCode.MALFORMED_XML,
                    "prefix '" + prefix + "' cannot be bound to the empty namespace in XML 1.0");
        }
        int mark = bindingMarkByDepth[depth];
        for (int i = mark; i < bindingCount; i++) {
            if (bindingPrefixes[i] == prefix) {
                return refuse(
                        RejectCode.MALFORMED_XML, "namespace prefix '" + prefix + "' is declared twice on one element");
            }
        }
        if (bindingCount - mark >= attributeCountMax) {
            return refuse(
                    RejectCode.XML_LIMIT_EXCEEDED,
                    "more namespace declarations on one element than the limit of " + attributeCountMax);
        }
        if (bindingCount == bindingPrefixes.length) {
            bindingPrefixes = Arrays.copyOf(bindingPrefixes, bindingCount * 2);
            bindingUris = Arrays.copyOf(bindingUris, bindingCount * 2);
        }
        bindingPrefixes[bindingCount] = prefix;
        bindingUris[bindingCount] = uri;
        bindingCount++;
        return true;
    }

    /** The namespace {@code prefix} is bound to in scope, {@code ""} for none by default, null if unbound. */
    private String namespaceOf(String prefix) {
        for (int i = bindingCount - 1; i >= 0; i--) {
            if (bindingPrefixes[i] == prefix) {
                return bindingUris[i];
            }
        }
        if (prefix == "") {
            return "";
        }
        return prefix == "xml" ? XML_NAMESPACE : null;
    }

    /**
     * Reads a qualified name at {@code pos}: returns its local name, interned, with its prefix in
     * {@link #scannedPrefix}; null after a failure.
     */
    private String scanQualifiedName(String what) {
        byte[] b = bytes;
        int start = pos;
        int limit = end;
        // The common case first: an ASCII name without a prefix, ended by an ASCII character.
        if (start < limit && b[start] >= 0 && (ASCII_CLASS[b[start]] & NAME_START) != 0) {
            int nameEnd = start + 1;
            if (limit - start >= Long.BYTES) {
                // Eight bytes at a time: the first byte that is not an ASCII name character ends it.
                long word = (long) LONGS.get(b, start);
                long stops = notAsciiNameBytes(word);
                if (stops != 0) {
                    // A short name: its bytes are in the word already read, which is its symbol key.
                    int length = Long.numberOfTrailingZeros(stops) >>> 3;
                    byte after = b[start + length];
                    if (after >= 0 && after != ':') {
                        return plainName(
                                start,
                                length,
                                symbols.asciiShort(b, start, length, word & ((1L << (length << 3)) - 1)));
                    }
                    return scanAnyQualifiedName(what);
                }
                nameEnd = start + Long.BYTES;
                while (stops == 0 && limit - nameEnd >= Long.BYTES) {
                    stops = notAsciiNameBytes((long) LONGS.get(b, nameEnd));
                    nameEnd += Long.BYTES;
                }
                if (stops != 0) {
                    nameEnd += (Long.numberOfTrailingZeros(stops) >>> 3) - Long.BYTES;
                }
            }
            // The last bytes of the message one at a time (nothing to do once a word found the end).
            while (nameEnd < limit && (ASCII_CLASS[b[nameEnd] & 0xFF] & NAME_PART) != 0) {
                nameEnd++;
            }
            if (nameEnd < limit && b[nameEnd] >= 0 && b[nameEnd] != ':') {
                return plainName(start, nameEnd - start, symbols.ascii(b, start, nameEnd - start));
            }
        }
        return scanAnyQualifiedName(what);
    }

    /** Records the unprefixed name of {@code length} bytes at {@code start} just scanned; returns {@code local}. */
    private String plainName(int start, int length, String local) {
        scannedOffset = start;
        scannedLength = length;
        noPrefix();
        pos = start + length;
        return local;
    }

    /** No prefix on the name just scanned; the field is written only when it had one before. */
    private void noPrefix() {
        if (scannedPrefix != "") {
            scannedPrefix = "";
        }
    }

    /** {@link #scanQualifiedName} for any name: a prefix, characters beyond ASCII, a malformed name. */
    private String scanAnyQualifiedName(String what) {
        byte[] b = bytes;
        int start = pos;
        int limit = end;
        int at = start;
        int colon = -1;
        boolean ascii = true;
        boolean expectStart = true;
        while (at < limit) {
            if (!expectStart) {
                // The common case: ASCII name characters after the first.
                while (at < limit && (ASCII_CLASS[b[at] & 0xFF] & NAME_PART) != 0) {
                    at++;
                }
                if (at >= limit) {
                    break;
                }
            }
            int c = b[at];
            if (c >= 0) {
                int bits = ASCII_CLASS[c];
                if ((bits & (expectStart ? NAME_START : NAME_PART)) != 0) {
                    at++;
                    expectStart = false;
                    continue;
                }
                if (c == ':' && colon < 0 && !expectStart) {
                    colon = at;
                    at++;
                    expectStart = true;
                    continue;
                }
                break;
            }
            int codePoint = decodeMultiByte(at);
            if (codePoint < 0) {
                pos = at;
                fail(RejectCode.MALFORMED_XML, invalidUtf8Message(at));
                return null;
            }
            if (!(expectStart ? isNameStartChar(codePoint) : isNameChar(codePoint))) {
                break;
            }
            at += utf8Length(codePoint);
            ascii = false;
            expectStart = false;
        }
        if (expectStart) {
            pos = at;
            fail(
                    RejectCode.MALFORMED_XML,
                    at >= limit
                            ? "the message ends inside a tag"
                            : (at == start
                                    ? "expected an " + what + " name"
                                    : "an " + what + " name" + " cannot end with ':'"));
            return null;
        }
        scannedOffset = start;
        scannedLength = at - start;
        String local;
        if (colon < 0) {
            scannedPrefix = "";
            local = ascii ? symbols.ascii(b, start, at - start) : symbols.utf8(b, start, at - start);
        } else if (ascii) {
            scannedPrefix = symbols.ascii(b, start, colon - start);
            local = symbols.ascii(b, colon + 1, at - colon - 1);
        } else {
            scannedPrefix = symbols.utf8(b, start, colon - start);
            local = symbols.utf8(b, colon + 1, at - colon - 1);
        }
        pos = at;
        return local;
    }

    /** Decodes an attribute value at {@code pos} (at its quote) onto {@link #valueChars}. */
    private boolean scanAttributeValue() {
        byte quote = bytes[pos++];
        if (valueChars.length < valueLength + textLengthMax + 2) {
            valueChars = Arrays.copyOf(valueChars, Math.max(valueChars.length * 2, valueLength + textLengthMax + 2));
        }
        char[] out = valueChars;
        int n = valueLength;
        int max = n + textLengthMax;
        byte[] b = bytes;
        int at = pos;
        while (true) {
            int stop = Math.min(end, at + (max - n));
            while (at < stop) {
                int c = b[at] & 0xFF;
                if ((ASCII_CLASS[c] & VALUE_PLAIN) == 0) {
                    break;
                }
                out[n++] = (char) c;
                at++;
            }
            if (at >= end) {
                pos = at;
                return refuse(RejectCode.MALFORMED_XML, "the message ends inside an attribute value");
            }
            int c = b[at];
            if (c == quote && n <= max) {
                pos = at + 1;
                valueLength = n;
                return true;
            }
            if (n >= max) {
                pos = at;
                return refuse(
                        RejectCode.XML_LIMIT_EXCEEDED,
                        "an attribute value longer than the limit of " + textLengthMax + " characters");
            }
            if (c == '<') {
                pos = at;
                return refuse(RejectCode.MALFORMED_XML, "'<' is not allowed in an attribute value; write &lt;");
            }
            if (c == '&') {
                pos = at;
                int added = reference(out, n, false);
                if (added < 0) {
                    return false;
                }
                n += added;
                at = pos;
            } else if (c == '"' || c == '\'') {
                out[n++] = (char) c;
                at++;
            } else if (c == '\t' || c == '\n') {
                out[n++] = ' ';
                at++;
            } else if (c == '\r') {
                out[n++] = ' ';
                at++;
                if (at < end && b[at] == '\n') {
                    at++;
                }
            } else {
                int added = lineEndOrMultiByte(out, n, at);
                if (added < 0) {
                    return false;
                }
                n += added;
                at = pos;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Text, CDATA, references

    /**
     * Reads a run of text and CDATA sections up to the next tag, comment or processing instruction.
     * Returns {@link #CHARACTERS}, {@link #FAILED}, or 0 for an empty run.
     *
     * <p>Most runs (indentation, identifiers, amounts, dates) are plain ASCII up to the next tag and
     * need no decoding: they are only classified here and left in the input ({@link #textInBytes}).
     * Anything else, or a run longer than the limit, is read again by {@link #scanDecodedText}.
     */
    private int scanText() {
        byte[] b = bytes;
        int start = pos;
        int limit = end;
        int stop = Math.min(limit, start + textLengthMax);
        int at = start;
        while (at < stop) {
            if (stop - at >= Long.BYTES) {
                long unusual = notPlainText((long) LONGS.get(b, at));
                if (unusual == 0) {
                    at += Long.BYTES;
                    continue;
                }
                // Every flag is exact: the first is the first byte that is not plain text.
                at += Long.numberOfTrailingZeros(unusual) >>> 3;
                break;
            }
            if ((ASCII_CLASS[b[at] & 0xFF] & TEXT_PLAIN) == 0) {
                break;
            }
            at++;
        }
        if (at < limit && b[at] == '<' && (at + 1 >= limit || b[at + 1] != '!' || !startsWith(at, CDATA_OPEN))) {
            pos = at;
            int n = at - start;
            textLength = n;
            textInBytes = true;
            textByteStart = start;
            return n == 0 ? 0 : CHARACTERS;
        }
        return scanDecodedText();
    }

    /**
     * The high bit of each byte of {@code word} (eight bytes, little-endian) that is not {@link
     * #TEXT_PLAIN}: 0x80 or above, below 0x20 other than TAB and LF, {@code <}, {@code &} or {@code
     * ]}. Every flag is exact (each test works on the low seven bits of a byte, where adding at most
     * 0x7F never carries into the next byte), so a line end and its indentation pass as one run.
     */
    private static long notPlainText(long word) {
        long low = word & ~HIGH_BITS;
        long control = ~(low + 0x6060606060606060L)
                & ~equalBytes(low, 0x0A0A0A0A0A0A0A0AL)
                & ~equalBytes(low, 0x0909090909090909L);
        return (word
                        | control
                        | equalBytes(low, 0x3C3C3C3C3C3C3C3CL)
                        | equalBytes(low, 0x2626262626262626L)
                        | equalBytes(low, 0x5D5D5D5D5D5D5D5DL))
                & HIGH_BITS;
    }

    /**
     * The high bit of each byte of {@code word} (eight bytes, little-endian) that is not an ASCII
     * name character ({@code A-Z a-z 0-9 _ - .}): every flag is exact, so the lowest one tells where
     * a name ends. Each range test adds {@code 0x80 - bound} to the low seven bits of every byte,
     * which sets a byte's high bit when it is at or above the bound and never carries into the next.
     */
    private static long notAsciiNameBytes(long word) {
        long low = word & ~HIGH_BITS;
        long dashDot = (low + 0x5353535353535353L) & ~(low + 0x5151515151515151L);
        long digit = (low + 0x5050505050505050L) & ~(low + 0x4646464646464646L);
        long upper = (low + 0x3F3F3F3F3F3F3F3FL) & ~(low + 0x2525252525252525L);
        long lower = (low + 0x1F1F1F1F1F1F1F1FL) & ~(low + 0x0505050505050505L);
        long underscore = equalBytes(low, 0x5F5F5F5F5F5F5F5FL);
        long name = (dashDot | digit | upper | lower | underscore) & ~word;
        return ~name & HIGH_BITS;
    }

    /** The high bit of each byte of {@code low} (bytes below 0x80) equal to that byte of {@code bytes}, exactly. */
    private static long equalBytes(long low, long bytes) {
        return ~((low ^ bytes) + 0x7F7F7F7F7F7F7F7FL);
    }

    /**
     * {@link #scanText} for a run that needs decoding (references, CDATA, line ends, multi-byte
     * characters) or breaks a rule: decodes it into {@link #text}.
     */
    private int scanDecodedText() {
        textInBytes = false;
        char[] out = text;
        int n = 0;
        int max = textLengthMax;
        byte[] b = bytes;
        int at = pos;
        int limit = end;
        while (true) {
            int stop = Math.min(limit, at + (max - n));
            while (at < stop) {
                int c = b[at] & 0xFF;
                if ((ASCII_CLASS[c] & TEXT_PLAIN) == 0) {
                    break;
                }
                // Indentation: eight spaces at a time.
                if (c == ' ' && stop - at >= Long.BYTES && (long) LONGS.get(b, at) == EIGHT_SPACES) {
                    Arrays.fill(out, n, n + Long.BYTES, ' ');
                    n += Long.BYTES;
                    at += Long.BYTES;
                    continue;
                }
                out[n++] = (char) c;
                at++;
            }
            if (at >= limit) {
                pos = at;
                return fail(RejectCode.MALFORMED_XML, "the message ends inside element <" + openName(depth - 1) + ">");
            }
            int c = b[at];
            if (c == '<') {
                pos = at;
                if (n > max) {
                    return textTooLong();
                }
                if (!startsWith(CDATA_OPEN)) {
                    textLength = n;
                    return n == 0 ? 0 : CHARACTERS;
                }
                int added = cdata(out, n, max);
                if (added < 0) {
                    return FAILED;
                }
                n += added;
                at = pos;
                continue;
            }
            if (n >= max) {
                pos = at;
                return textTooLong();
            }
            if (c == '&') {
                pos = at;
                int added = reference(out, n, true);
                if (added < 0) {
                    return FAILED;
                }
                n += added;
                at = pos;
            } else if (c == ']') {
                if (at + 2 < limit && b[at + 1] == ']' && b[at + 2] == '>') {
                    pos = at;
                    return fail(RejectCode.MALFORMED_XML, "']]>' is not allowed in text; write ]]&gt;");
                }
                out[n++] = ']';
                at++;
            } else {
                int added = lineEndOrMultiByte(out, n, at);
                if (added < 0) {
                    return FAILED;
                }
                n += added;
                at = pos;
            }
        }
    }

    /**
     * Appends the content of the CDATA section at {@code pos} to {@code out} at {@code n}; leaves
     * {@code pos} after it. Returns the characters added, or -1 after a failure.
     */
    private int cdata(char[] out, int n, int max) {
        int start = n;
        byte[] b = bytes;
        int at = pos + CDATA_OPEN.length;
        while (true) {
            if (at >= end) {
                pos = at;
                return fail(RejectCode.MALFORMED_XML, "the message ends inside a CDATA section");
            }
            int c = b[at];
            if (c == ']' && at + 2 < end && b[at + 1] == ']' && b[at + 2] == '>') {
                pos = at + 3;
                return n - start;
            }
            if (n >= max) {
                pos = at;
                return textTooLong();
            }
            if (c >= 0x20 || c == '\t' || c == '\n') {
                out[n++] = (char) c;
                at++;
            } else {
                int added = lineEndOrMultiByte(out, n, at);
                if (added < 0) {
                    return FAILED;
                }
                n += added;
                at = pos;
            }
        }
    }

    /**
     * Decodes the character at {@code at} that is neither plain ASCII nor markup: a carriage return
     * (a CR LF pair becomes one LF) or a multi-byte UTF-8 sequence. Writes it to {@code out} at
     * {@code n} and leaves {@code pos} after it; returns the chars written, or -1 after a failure (a
     * control character, malformed UTF-8).
     */
    private int lineEndOrMultiByte(char[] out, int n, int at) {
        int c = bytes[at];
        if (c == '\r') {
            out[n] = '\n';
            pos = at + 1 < end && bytes[at + 1] == '\n' ? at + 2 : at + 1;
            return 1;
        }
        pos = at;
        if (c >= 0) {
            return fail(RejectCode.MALFORMED_XML, controlCharMessage(c));
        }
        int codePoint = decodeMultiByte(at);
        if (codePoint < 0) {
            return fail(RejectCode.MALFORMED_XML, invalidUtf8Message(at));
        }
        pos = at + utf8Length(codePoint);
        return putCodePoint(out, n, codePoint);
    }

    private int textTooLong() {
        return fail(RejectCode.XML_LIMIT_EXCEEDED, "a text longer than the limit of " + textLengthMax + " characters");
    }

    /**
     * Decodes the reference at {@code pos} (at its {@code &}) into {@code out} at {@code n}; leaves
     * {@code pos} after its {@code ;}. Returns the characters added (1 or 2), or -1 after a failure.
     */
    private int reference(char[] out, int n, boolean inText) {
        byte[] b = bytes;
        int start = pos;
        int at = start + 1;
        if (at < end && b[at] == '#') {
            at++;
            boolean hex = at < end && b[at] == 'x';
            if (hex) {
                at++;
            }
            int digitsStart = at;
            int codePoint = 0;
            while (at < end && b[at] != ';') {
                int digit = digitValue(b[at], hex);
                if (digit < 0) {
                    return fail(
                            RejectCode.MALFORMED_XML,
                            "a character reference has a character that is not a " + (hex ? "hex digit" : "digit"));
                }
                codePoint = codePoint * (hex ? 16 : 10) + digit;
                if (codePoint > Character.MAX_CODE_POINT) {
                    return fail(RejectCode.MALFORMED_XML, "a character reference beyond U+10FFFF");
                }
                at++;
            }
            if (at >= end) {
                return fail(RejectCode.MALFORMED_XML, "the message ends inside a character reference");
            }
            if (at == digitsStart) {
                return fail(RejectCode.MALFORMED_XML, "a character reference without digits");
            }
            if (!isXmlChar(codePoint)) {
                return fail(
                        RejectCode.MALFORMED_XML,
                        "character reference to U+"
                                + Integer.toHexString(codePoint).toUpperCase()
                                + ", a character XML 1.0 does not allow");
            }
            pos = at + 1;
            return putCodePoint(out, n, codePoint);
        }
        int nameStart = at;
        while (at < end && b[at] >= 0 && (ASCII_CLASS[b[at]] & (at == nameStart ? NAME_START : NAME_PART)) != 0) {
            at++;
        }
        int length = at - nameStart;
        if (length == 0 || at >= end || b[at] != ';') {
            return fail(RejectCode.MALFORMED_XML, "a bare '&'; write &amp; for an ampersand");
        }
        char c = predefinedEntity(nameStart, length);
        if (c == 0) {
            return fail(
                    RejectCode.FORBIDDEN_XML_CONSTRUCT,
                    "entity reference &" + ascii(nameStart, length) + "; in " + (inText ? "text" : "an attribute")
                            + ": DTDs and entity references are not allowed in ISO 20022 messages");
        }
        out[n] = c;
        pos = at + 1;
        return 1;
    }

    private char predefinedEntity(int start, int length) {
        byte[] b = bytes;
        if (length == 2 && b[start + 1] == 't') {
            return b[start] == 'l' ? '<' : b[start] == 'g' ? '>' : 0;
        }
        if (length == 3 && b[start] == 'a' && b[start + 1] == 'm' && b[start + 2] == 'p') {
            return '&';
        }
        if (length == 4) {
            if (b[start] == 'q' && b[start + 1] == 'u' && b[start + 2] == 'o' && b[start + 3] == 't') {
                return '"';
            }
            if (b[start] == 'a' && b[start + 1] == 'p' && b[start + 2] == 'o' && b[start + 3] == 's') {
                return '\'';
            }
        }
        return 0;
    }

    private static int digitValue(byte b, boolean hex) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (hex && b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (hex && b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------
    // Comments, processing instructions, DOCTYPE

    /** Skips the comment at {@code pos}, or refuses a DOCTYPE or another {@code <!} construct. */
    private boolean skipCommentOrRefuseDoctype() {
        if (startsWith(DOCTYPE_OPEN)) {
            return refuse(
                    RejectCode.FORBIDDEN_XML_CONSTRUCT,
                    "a DOCTYPE: DTDs and entity declarations are not allowed in ISO 20022 messages");
        }
        if (!startsWith("<!--")) {
            return refuse(RejectCode.MALFORMED_XML, "'<!' must start a comment or a CDATA section");
        }
        int at = pos + 4;
        byte[] b = bytes;
        int limit = end;
        while (true) {
            // Printable ASCII other than '-' needs no check: eight bytes at a time, then one by one.
            while (limit - at >= Long.BYTES) {
                long word = (long) LONGS.get(b, at);
                long low = word & ~HIGH_BITS;
                long unusual = (word | ~(low + 0x6060606060606060L) | equalBytes(low, 0x2D2D2D2D2D2D2D2DL)) & HIGH_BITS;
                if (unusual != 0) {
                    at += Long.numberOfTrailingZeros(unusual) >>> 3;
                    break;
                }
                at += Long.BYTES;
            }
            while (at < limit && b[at] >= 0x20 && b[at] != '-') {
                at++;
            }
            if (at >= end) {
                pos = at;
                return refuse(RejectCode.MALFORMED_XML, "the message ends inside a comment");
            }
            int c = bytes[at];
            if (c == '-' && at + 1 < end && bytes[at + 1] == '-') {
                if (at + 2 < end && bytes[at + 2] == '>') {
                    pos = at + 3;
                    return true;
                }
                pos = at;
                return refuse(RejectCode.MALFORMED_XML, "'--' is not allowed inside a comment");
            }
            at = skipChar(at);
            if (at < 0) {
                return false;
            }
        }
    }

    /** Skips the processing instruction at {@code pos}; refuses one named xml (a misplaced declaration). */
    private boolean skipProcessingInstruction() {
        int start = pos;
        pos += 2;
        String targetLocal = scanQualifiedName("processing instruction");
        if (targetLocal == null) {
            return false;
        }
        String target = scannedPrefix.isEmpty() ? targetLocal : scannedPrefix + ":" + targetLocal;
        if (target.equalsIgnoreCase("xml")) {
            boolean atDocumentStart =
                    start == messageStart || (start == messageStart + 3 && bytes[messageStart] == (byte) 0xEF);
            pos = start;
            return refuse(
                    RejectCode.MALFORMED_XML,
                    atDocumentStart
                            ? "an XML declaration is '<?xml' followed by whitespace and its version"
                            : "an XML declaration must be the very first thing in the message, before any whitespace");
        }
        int at = pos;
        if (at < end && !isWhitespace(bytes[at]) && bytes[at] != '?') {
            return refuse(RejectCode.MALFORMED_XML, "expected whitespace or '?>' after a processing instruction name");
        }
        while (true) {
            if (at >= end) {
                pos = at;
                return refuse(RejectCode.MALFORMED_XML, "the message ends inside a processing instruction");
            }
            if (bytes[at] == '?' && at + 1 < end && bytes[at + 1] == '>') {
                pos = at + 2;
                return true;
            }
            at = skipChar(at);
            if (at < 0) {
                return false;
            }
        }
    }

    /** Validates the character at {@code at} and returns the offset after it, or -1 after a failure. */
    private int skipChar(int at) {
        int c = bytes[at];
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            return at + 1;
        }
        pos = at;
        if (c >= 0) {
            return fail(RejectCode.MALFORMED_XML, controlCharMessage(c));
        }
        int codePoint = decodeMultiByte(at);
        if (codePoint < 0) {
            return fail(RejectCode.MALFORMED_XML, invalidUtf8Message(at));
        }
        return at + utf8Length(codePoint);
    }

    // ---------------------------------------------------------------------------------------------
    // UTF-8 and XML characters

    /**
     * The code point of the multi-byte UTF-8 sequence at {@code at}, or -1 when it is malformed
     * (truncated, overlong, a stray continuation byte, an encoded surrogate, beyond U+10FFFF) or not
     * an XML 1.0 character (U+FFFE, U+FFFF).
     */
    private int decodeMultiByte(int at) {
        byte[] b = bytes;
        int b0 = b[at] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            if (at + 1 >= end || !isContinuation(b[at + 1])) {
                return -1;
            }
            return ((b0 & 0x1F) << 6) | (b[at + 1] & 0x3F);
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (at + 2 >= end || !isContinuation(b[at + 1]) || !isContinuation(b[at + 2])) {
                return -1;
            }
            int cp = ((b0 & 0x0F) << 12) | ((b[at + 1] & 0x3F) << 6) | (b[at + 2] & 0x3F);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) {
                return -1;
            }
            return cp;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (at + 3 >= end
                    || !isContinuation(b[at + 1])
                    || !isContinuation(b[at + 2])
                    || !isContinuation(b[at + 3])) {
                return -1;
            }
            int cp = ((b0 & 0x07) << 18) | ((b[at + 1] & 0x3F) << 12) | ((b[at + 2] & 0x3F) << 6) | (b[at + 3] & 0x3F);
            if (cp < 0x10000 || cp > Character.MAX_CODE_POINT) {
                return -1;
            }
            return cp;
        }
        return -1;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Writes a code point as one char or a surrogate pair; returns the chars written. */
    private static int putCodePoint(char[] out, int n, int codePoint) {
        if (codePoint < 0x10000) {
            out[n] = (char) codePoint;
            return 1;
        }
        out[n] = Character.highSurrogate(codePoint);
        out[n + 1] = Character.lowSurrogate(codePoint);
        return 2;
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= Character.MAX_CODE_POINT);
    }

    /** XML 1.0 (fifth edition) NameStartChar beyond ASCII. */
    private static boolean isNameStartChar(int c) {
        return (c >= 0xC0 && c <= 0xD6)
                || (c >= 0xD8 && c <= 0xF6)
                || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D)
                || (c >= 0x37F && c <= 0x1FFF)
                || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F)
                || (c >= 0x2C00 && c <= 0x2FEF)
                || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF)
                || (c >= 0xFDF0 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0xEFFFF);
    }

    /** XML 1.0 (fifth edition) NameChar beyond ASCII. */
    private static boolean isNameChar(int c) {
        return isNameStartChar(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static boolean isWhitespace(byte b) {
        return b >= 0 && (ASCII_CLASS[b] & WHITESPACE) != 0;
    }

    /** Skips XML whitespace; true when there was some. */
    private boolean skipWhitespace() {
        byte[] b = bytes;
        int limit = end;
        int start = pos;
        int at = start;
        while (at < limit) {
            byte c = b[at];
            if (c > ' ' || (c != ' ' && c != '\n' && c != '\t' && c != '\r')) {
                break;
            }
            at++;
        }
        pos = at;
        return at > start;
    }

    private boolean startsWith(byte[] marker) {
        return startsWith(pos, marker);
    }

    private boolean startsWith(int at, byte[] marker) {
        if (end - at < marker.length) {
            return false;
        }
        for (int i = 0; i < marker.length; i++) {
            if (bytes[at + i] != marker[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(String marker) {
        if (end - pos < marker.length()) {
            return false;
        }
        for (int i = 0; i < marker.length(); i++) {
            if (bytes[pos + i] != marker.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int start, int length) {
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    /** The qualified name of the open element at {@code d}, as written (failure messages only). */
    private String openName(int d) {
        return new String(bytes, nameOffsetByDepth[d], nameLengthByDepth[d], StandardCharsets.UTF_8);
    }

    private static String describe(String uri, String local) {
        return uri.isEmpty() ? local : "{" + uri + "}" + local;
    }

    private static String controlCharMessage(int c) {
        return "control character U+" + String.format("%04X", c)
                + " is not allowed in XML 1.0 (only tab, line feed and carriage return)";
    }

    private String invalidUtf8Message(int at) {
        return "malformed UTF-8 (byte 0x" + String.format("%02X", bytes[at] & 0xFF)
                + " starts no valid sequence of an XML character); the message must be UTF-8 as declared";
    }

    /** Records the failure at {@code pos} and returns false. */
    private boolean refuse(RejectCode code, String what) {
        fail(code, what);
        return false;
    }

    /** Records the failure at {@code pos} and returns {@link #FAILED}. */
    private int fail(RejectCode code, String what) {
        failed = true;
        failureCode = code;
        failureMessage = what + " " + location(pos);
        return FAILED;
    }

    /** "(line L, column C)" of an offset: columns count characters, not bytes. */
    private String location(int at) {
        int line = 1;
        int column = 1;
        int stop = Math.min(at, end);
        for (int i = messageStart; i < stop; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return "(line " + line + ", column " + column + ")";
    }
}
