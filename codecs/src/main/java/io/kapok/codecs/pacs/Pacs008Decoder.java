package io.kapok.codecs.pacs;

import static io.kapok.codecs.pacs.Pacs008View.*;

import com.ctc.wstx.exc.WstxLazyException;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.MessageType;
import io.kapok.codecs.RejectCode;
import io.kapok.codecs.iso.DecimalAmounts;
import io.kapok.codecs.iso.Iso4217;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.xml.HardenedXmlInputFactory;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.XmlLimits;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2ByteArraySource;
import org.codehaus.stax2.typed.TypedValueDecoder;
import org.codehaus.stax2.typed.TypedXMLStreamReader;

/**
 * Streaming decoder and validator for a CBPR+ pacs.008.001.08 with or without its Business
 * Application Header (head.001.001.02).
 *
 * <p>Accepted shapes: a {@code Document} alone; or an envelope element of any name and namespace
 * (partners use {@code RequestPayload}, {@code Envelope}, {@code BizMsg}...) holding one
 * {@code AppHdr} and one {@code Document}, in either order, possibly nested in further wrappers.
 * Elements are matched by namespace URI and local name, so any prefix, a default namespace, and
 * declarations on the root or on the children are all the same to it. UTF-8 with or without a BOM,
 * and any encoding the XML declaration names correctly, are read.
 *
 * <p>The parser is Woodstox with DTDs and entities off and the {@link XmlLimits} enforced. No DOM,
 * no JAXB, no String per element: text is copied into the view's reusable buffers.
 *
 * <p>Not thread-safe: one decoder per event-loop thread.
 */
public final class Pacs008Decoder {
    public static final String PACS_008_NAMESPACE = MessageType.PACS_008_001_08.namespace();
    public static final String HEAD_001_NAMESPACE = MessageType.HEAD_001_001_02.namespace();
    public static final String MESSAGE_DEFINITION = MessageType.PACS_008_001_08.messageDefinition();

    private static final String TX = "/Document/FIToFICstmrCdtTrf/CdtTrfTxInf";
    private static final String GRP = "/Document/FIToFICstmrCdtTrf/GrpHdr";
    private static final String HDR = "/AppHdr";
    /** How deep wrappers may nest the AppHdr and Document (SWIFT's DataPDU/Body needs two). */
    private static final int ENVELOPE_DEPTH_MAX = 4;

    private static final int SECTION_NONE = 0;
    private static final int SECTION_HEADER = 1;
    private static final int SECTION_DOCUMENT = 2;

    private final XMLInputFactory2 factory;
    private final String[] path = new String[256];
    private final TextBuffer scratch = new TextBuffer();
    private final TextCapture currencyCapture = new TextCapture();

    private int section;
    private int sectionDepth; // element depth of the AppHdr or Document element itself
    private int currentField;
    private int documentCount;
    private int headerCount;

    public Pacs008Decoder(XmlLimits limits) {
        this.factory = HardenedXmlInputFactory.create(limits);
    }

    /**
     * Decodes and validates {@code length} bytes at {@code offset}.
     *
     * @return true when the message is a valid pacs.008; otherwise {@code verdict} holds the reject.
     *     Never throws for bad input.
     */
    public boolean decode(byte[] bytes, int offset, int length, Pacs008View out, DecodeVerdict verdict) {
        out.clear();
        verdict.accept();
        section = SECTION_NONE;
        currentField = -1;
        documentCount = 0;
        headerCount = 0;
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new Stax2ByteArraySource(bytes, offset, length));
            parse(reader, out, verdict);
        } catch (XMLStreamException | WstxLazyException e) {
            // Woodstox reports malformations and its limits as exceptions; they become verdicts
            // here. Woodstox has no exception type of its own for a limit, so its message tells.
            // Any other exception is a bug and propagates.
            String message = String.valueOf(e.getMessage());
            RejectCode code = message.contains("limit") || message.contains("Maximum")
                    ? RejectCode.XML_LIMIT_EXCEEDED
                    : RejectCode.MALFORMED_XML;
            verdict.reject(code, null).append(firstLine(message));
            return false;
        } finally {
            closeQuietly(reader);
        }
        if (verdict.isAccepted()) {
            validate(out, verdict);
        }
        return verdict.isAccepted();
    }

    private void parse(XMLStreamReader r, Pacs008View out, DecodeVerdict verdict) throws XMLStreamException {
        int depth = -1;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (!startElement(r, depth, out, verdict)) {
                        return;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (section != SECTION_NONE && depth == sectionDepth) {
                        section = SECTION_NONE;
                    }
                    currentField = -1;
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (currentField >= 0) {
                        out.fields[currentField].append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                case XMLStreamConstants.DTD,
                        XMLStreamConstants.ENTITY_REFERENCE,
                        XMLStreamConstants.ENTITY_DECLARATION -> {
                    verdict.reject(RejectCode.FORBIDDEN_XML_CONSTRUCT, null)
                            .append("DTDs and entity references are not allowed in ISO 20022 messages");
                    return;
                }
                default -> {
                    // comments, processing instructions, document start/end: nothing to read
                }
            }
        }
        if (documentCount == 0) {
            verdict.reject(RejectCode.BAD_ENVELOPE, "/Document")
                    .append("no Document element in namespace ")
                    .append(PACS_008_NAMESPACE);
        }
    }

    /** @return false when the message is rejected and parsing should stop. */
    private boolean startElement(XMLStreamReader r, int depth, Pacs008View out, DecodeVerdict verdict)
            throws XMLStreamException {
        String local = r.getLocalName();
        String ns = r.getNamespaceURI();
        currentField = -1;
        if (section == SECTION_NONE) {
            return startOutsideSection(r, depth, local, ns, out, verdict);
        }
        int level = depth - sectionDepth - 1; // 0 = child of AppHdr or Document
        if (level >= path.length) {
            verdict.reject(RejectCode.XML_LIMIT_EXCEEDED, null).append("element nesting too deep");
            return false;
        }
        path[level] = local;
        String expectedNs = section == SECTION_HEADER ? HEAD_001_NAMESPACE : PACS_008_NAMESPACE;
        if (!expectedNs.equals(ns)) {
            verdict.reject(RejectCode.INVALID_FORMAT, currentPath(level))
                    .append("element ")
                    .append(local)
                    .append(" is in namespace '")
                    .append(ns == null ? "" : ns)
                    .append("', expected ")
                    .append(expectedNs);
            return false;
        }
        if (section == SECTION_DOCUMENT) {
            if (level == 0 && local != "FIToFICstmrCdtTrf") {
                verdict.reject(RejectCode.INVALID_FORMAT, "/Document/" + local)
                        .append("Document of ")
                        .append(MESSAGE_DEFINITION)
                        .append(" must contain FIToFICstmrCdtTrf");
                return false;
            }
            if (level == 1 && local == "CdtTrfTxInf") {
                out.transactionCount++;
            }
            currentField = out.transactionCount <= 1 ? documentField(level) : -1;
            if (currentField == AMOUNT || currentField == TOTAL_AMOUNT) {
                readCurrency(r, out, currentField == AMOUNT ? AMOUNT_CCY : TOTAL_AMOUNT_CCY);
            }
        } else {
            currentField = headerField(level);
        }
        if (currentField >= 0) {
            TextBuffer field = out.fields[currentField];
            if (field.isPresent()) {
                if (!isRepeatable(currentField)) {
                    verdict.reject(RejectCode.INVALID_FORMAT, currentPath(level))
                            .append("element ")
                            .append(local)
                            .append(" appears more than once; the schema allows one");
                    return false;
                }
                currentField = -1; // keep the first occurrence of a repeatable element
            } else {
                field.markPresent();
            }
        }
        return true;
    }

    private boolean startOutsideSection(
            XMLStreamReader r, int depth, String local, String ns, Pacs008View out, DecodeVerdict verdict) {
        if (local == "Document") {
            if (!PACS_008_NAMESPACE.equals(ns)) {
                verdict.reject(RejectCode.UNSUPPORTED_MESSAGE, "/Document")
                        .append("Document: ")
                        .append(MessageType.describeUnexpected(ns, MessageType.PACS_008_001_08));
                return false;
            }
            if (++documentCount > 1) {
                verdict.reject(RejectCode.BAD_ENVELOPE, "/Document").append("more than one Document in the message");
                return false;
            }
            section = SECTION_DOCUMENT;
            sectionDepth = depth;
            return true;
        }
        if (local == "AppHdr") {
            if (!HEAD_001_NAMESPACE.equals(ns)) {
                verdict.reject(RejectCode.UNSUPPORTED_MESSAGE, HDR)
                        .append("AppHdr: ")
                        .append(MessageType.describeUnexpected(ns, MessageType.HEAD_001_001_02));
                return false;
            }
            if (++headerCount > 1) {
                verdict.reject(RejectCode.BAD_ENVELOPE, HDR).append("more than one AppHdr in the message");
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
        return true; // an envelope element of any name: look inside
    }

    private void readCurrency(XMLStreamReader r, Pacs008View out, int field) throws XMLStreamException {
        TextBuffer ccy = out.fields[field];
        ccy.clear();
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            if ("Ccy".equals(r.getAttributeLocalName(i)) && isEmpty(r.getAttributeNamespace(i))) {
                // Typed access hands over the parser's own characters: no String per message.
                currencyCapture.target = ccy;
                ((TypedXMLStreamReader) r).getAttributeAs(i, currencyCapture);
                return;
            }
        }
    }

    /** Copies an attribute value into a text buffer straight from the parser's buffer. */
    private static final class TextCapture extends TypedValueDecoder {
        TextBuffer target;

        @Override
        public void decode(String value) {
            target.set(value);
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            target.set(buffer, start, end - start);
        }

        @Override
        public void handleEmptyValue() {
            target.markPresent(); // present but empty: validation names it
        }
    }

    private int documentField(int level) {
        String[] p = path;
        if (level == 2 && p[1] == "GrpHdr") {
            String e = p[2];
            if (e == "MsgId") return MSG_ID;
            if (e == "CreDtTm") return CREATION_DATE_TIME;
            if (e == "NbOfTxs") return NUMBER_OF_TXS;
            if (e == "CtrlSum") return CONTROL_SUM;
            if (e == "TtlIntrBkSttlmAmt") return TOTAL_AMOUNT;
            return -1;
        }
        if (level == 3 && p[1] == "GrpHdr" && p[2] == "SttlmInf" && p[3] == "SttlmMtd") {
            return SETTLEMENT_METHOD;
        }
        if (level < 2 || p[1] != "CdtTrfTxInf") {
            return -1;
        }
        String e2 = p[2];
        if (level == 2) {
            if (e2 == "IntrBkSttlmAmt") return AMOUNT;
            if (e2 == "IntrBkSttlmDt") return SETTLEMENT_DATE;
            if (e2 == "ChrgBr") return CHARGE_BEARER;
            if (e2 == "Dbtr") return DEBTOR;
            if (e2 == "Cdtr") return CREDITOR;
            if (e2 == "DbtrAgt") return DEBTOR_AGENT;
            if (e2 == "CdtrAgt") return CREDITOR_AGENT;
            return -1;
        }
        String e3 = p[3];
        if (level == 3) {
            if (e2 == "PmtId") {
                if (e3 == "InstrId") return INSTRUCTION_ID;
                if (e3 == "EndToEndId") return END_TO_END_ID;
                if (e3 == "TxId") return TX_ID;
                if (e3 == "UETR") return UETR;
                return -1;
            }
            if (e3 == "Nm") {
                if (e2 == "Dbtr") return DEBTOR_NAME;
                if (e2 == "Cdtr") return CREDITOR_NAME;
            }
            if (e2 == "RmtInf" && e3 == "Ustrd") return REMITTANCE_UNSTRUCTURED;
            return -1;
        }
        if (level == 4 && e3 == "FinInstnId" && p[4] == "BICFI") {
            if (e2 == "InstgAgt") return INSTRUCTING_AGENT_BIC;
            if (e2 == "InstdAgt") return INSTRUCTED_AGENT_BIC;
            if (e2 == "DbtrAgt") return DEBTOR_AGENT_BIC;
            if (e2 == "CdtrAgt") return CREDITOR_AGENT_BIC;
            return -1;
        }
        if (level == 5 && e2 == "RmtInf" && e3 == "Strd" && p[4] == "CdtrRefInf" && p[5] == "Ref") {
            return REMITTANCE_REFERENCE;
        }
        return -1;
    }

    private int headerField(int level) {
        String[] p = path;
        if (level == 0) {
            String e = p[0];
            if (e == "BizMsgIdr") return HDR_BIZ_MSG_ID;
            if (e == "MsgDefIdr") return HDR_MSG_DEF_ID;
            if (e == "CreDt") return HDR_CREATION_DATE;
            if (e == "PssblDplct") return HDR_POSSIBLE_DUPLICATE;
            return -1;
        }
        if (level == 3 && p[1] == "FIId" && p[2] == "FinInstnId" && p[3] == "BICFI") {
            if (p[0] == "Fr") return HDR_FROM_BIC;
            if (p[0] == "To") return HDR_TO_BIC;
        }
        return -1;
    }

    private static boolean isRepeatable(int field) {
        return field == REMITTANCE_UNSTRUCTURED || field == REMITTANCE_REFERENCE;
    }

    // ---------------------------------------------------------------------------------------------
    // Validation: schema rules for the fields Kapok uses, then CBPR+ usage rules.

    private void validate(Pacs008View v, DecodeVerdict verdict) {
        TextBuffer[] f = v.fields;
        if (!require(f[MSG_ID], GRP + "/MsgId", verdict)
                || !require(f[CREATION_DATE_TIME], GRP + "/CreDtTm", verdict)
                || !require(f[NUMBER_OF_TXS], GRP + "/NbOfTxs", verdict)
                || !require(f[SETTLEMENT_METHOD], GRP + "/SttlmInf/SttlmMtd", verdict)) {
            return;
        }
        if (v.transactionCount == 0) {
            verdict.reject(RejectCode.MISSING_ELEMENT, TX).append("CdtTrfTxInf is missing");
            return;
        }
        if (!require(f[END_TO_END_ID], TX + "/PmtId/EndToEndId", verdict)
                || !require(f[UETR], TX + "/PmtId/UETR", verdict)
                || !require(f[AMOUNT], TX + "/IntrBkSttlmAmt", verdict)
                || !require(f[SETTLEMENT_DATE], TX + "/IntrBkSttlmDt", verdict)
                || !require(f[CHARGE_BEARER], TX + "/ChrgBr", verdict)
                || !require(f[INSTRUCTING_AGENT_BIC], TX + "/InstgAgt/FinInstnId/BICFI", verdict)
                || !require(f[INSTRUCTED_AGENT_BIC], TX + "/InstdAgt/FinInstnId/BICFI", verdict)
                || !require(f[DEBTOR], TX + "/Dbtr", verdict)
                || !require(f[DEBTOR_AGENT], TX + "/DbtrAgt", verdict)
                || !require(f[CREDITOR_AGENT], TX + "/CdtrAgt", verdict)
                || !require(f[CREDITOR], TX + "/Cdtr", verdict)) {
            return;
        }
        if (!restrictedId(f[MSG_ID], GRP + "/MsgId", verdict)
                || !restrictedId(f[END_TO_END_ID], TX + "/PmtId/EndToEndId", verdict)
                || (f[INSTRUCTION_ID].isPresent() && !restrictedId(f[INSTRUCTION_ID], TX + "/PmtId/InstrId", verdict))
                || (f[TX_ID].isPresent() && !restrictedId(f[TX_ID], TX + "/PmtId/TxId", verdict))) {
            return;
        }
        if (!IsoIdentifiers.isIsoDateTimeWithOffset(trimmed(f[CREATION_DATE_TIME]))) {
            verdict.reject(RejectCode.INVALID_FORMAT, GRP + "/CreDtTm")
                    .append("CreDtTm '")
                    .append(f[CREATION_DATE_TIME])
                    .append(
                            "' must be an ISODateTime with a numeric UTC offset such as +08:00 or +00:00 (CBPR+ does not take Z)");
            return;
        }
        if (!IsoIdentifiers.isIsoDate(trimmed(f[SETTLEMENT_DATE]))) {
            verdict.reject(RejectCode.INVALID_FORMAT, TX + "/IntrBkSttlmDt")
                    .append("IntrBkSttlmDt '")
                    .append(f[SETTLEMENT_DATE])
                    .append("' must be an ISODate (YYYY-MM-DD)");
            return;
        }
        if (!IsoIdentifiers.isUuidV4(f[UETR])) {
            verdict.reject(RejectCode.INVALID_UETR, TX + "/PmtId/UETR")
                    .append("UETR '")
                    .append(f[UETR])
                    .append("' must be a lowercase UUID version 4 (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx)");
            return;
        }
        if (!bic(f[INSTRUCTING_AGENT_BIC], TX + "/InstgAgt/FinInstnId/BICFI", verdict)
                || !bic(f[INSTRUCTED_AGENT_BIC], TX + "/InstdAgt/FinInstnId/BICFI", verdict)
                || (f[DEBTOR_AGENT_BIC].isPresent()
                        && !bic(f[DEBTOR_AGENT_BIC], TX + "/DbtrAgt/FinInstnId/BICFI", verdict))
                || (f[CREDITOR_AGENT_BIC].isPresent()
                        && !bic(f[CREDITOR_AGENT_BIC], TX + "/CdtrAgt/FinInstnId/BICFI", verdict))) {
            return;
        }
        TextBuffer chargeBearer = f[CHARGE_BEARER];
        if (!(chargeBearer.contentEquals("CRED")
                || chargeBearer.contentEquals("DEBT")
                || chargeBearer.contentEquals("SHAR"))) {
            verdict.reject(RejectCode.INVALID_CHARGE_BEARER, TX + "/ChrgBr")
                    .append("ChrgBr '")
                    .append(f[CHARGE_BEARER])
                    .append("' must be CRED, DEBT or SHAR (CBPR+)");
            return;
        }
        if (!amount(v, f[AMOUNT], f[AMOUNT_CCY], TX + "/IntrBkSttlmAmt", verdict)) {
            return;
        }
        if (!transactionCount(v, verdict) || !controlSums(v, verdict)) {
            return;
        }
        if (f[REMITTANCE_UNSTRUCTURED].isPresent() && f[REMITTANCE_REFERENCE].isPresent()) {
            verdict.reject(RejectCode.INVALID_FORMAT, TX + "/RmtInf")
                    .append("RmtInf may carry Ustrd or Strd, not both (CBPR+)");
            return;
        }
        if (v.hasAppHdr) {
            validateHeader(v, verdict);
        }
    }

    private void validateHeader(Pacs008View v, DecodeVerdict verdict) {
        TextBuffer[] f = v.fields;
        if (!require(f[HDR_FROM_BIC], HDR + "/Fr/FIId/FinInstnId/BICFI", verdict)
                || !require(f[HDR_TO_BIC], HDR + "/To/FIId/FinInstnId/BICFI", verdict)
                || !require(f[HDR_BIZ_MSG_ID], HDR + "/BizMsgIdr", verdict)
                || !require(f[HDR_MSG_DEF_ID], HDR + "/MsgDefIdr", verdict)
                || !require(f[HDR_CREATION_DATE], HDR + "/CreDt", verdict)) {
            return;
        }
        if (!bic(f[HDR_FROM_BIC], HDR + "/Fr/FIId/FinInstnId/BICFI", verdict)
                || !bic(f[HDR_TO_BIC], HDR + "/To/FIId/FinInstnId/BICFI", verdict)) {
            return;
        }
        if (!f[HDR_MSG_DEF_ID].contentEquals(MESSAGE_DEFINITION)) {
            verdict.reject(RejectCode.HEADER_MISMATCH, HDR + "/MsgDefIdr")
                    .append("MsgDefIdr '")
                    .append(f[HDR_MSG_DEF_ID])
                    .append("' must be ")
                    .append(MESSAGE_DEFINITION)
                    .append(", the message in the Document");
            return;
        }
        if (!sameText(f[HDR_BIZ_MSG_ID], f[MSG_ID])) {
            verdict.reject(RejectCode.HEADER_MISMATCH, HDR + "/BizMsgIdr")
                    .append("BizMsgIdr '")
                    .append(f[HDR_BIZ_MSG_ID])
                    .append("' must equal GrpHdr/MsgId '")
                    .append(f[MSG_ID])
                    .append("' (CBPR+)");
            return;
        }
        if (!sameBic(f[HDR_FROM_BIC], f[INSTRUCTING_AGENT_BIC])) {
            verdict.reject(RejectCode.HEADER_MISMATCH, HDR + "/Fr/FIId/FinInstnId/BICFI")
                    .append("AppHdr Fr '")
                    .append(f[HDR_FROM_BIC])
                    .append("' must be the instructing agent '")
                    .append(f[INSTRUCTING_AGENT_BIC])
                    .append("' (CBPR+)");
            return;
        }
        if (!sameBic(f[HDR_TO_BIC], f[INSTRUCTED_AGENT_BIC])) {
            verdict.reject(RejectCode.HEADER_MISMATCH, HDR + "/To/FIId/FinInstnId/BICFI")
                    .append("AppHdr To '")
                    .append(f[HDR_TO_BIC])
                    .append("' must be the instructed agent '")
                    .append(f[INSTRUCTED_AGENT_BIC])
                    .append("' (CBPR+)");
            return;
        }
        if (!IsoIdentifiers.isIsoDateTimeWithOffset(trimmed(f[HDR_CREATION_DATE]))) {
            verdict.reject(RejectCode.INVALID_FORMAT, HDR + "/CreDt")
                    .append("CreDt '")
                    .append(f[HDR_CREATION_DATE])
                    .append(
                            "' must be an ISODateTime with a numeric UTC offset such as +08:00 or +00:00 (CBPR+ does not take Z)");
        }
    }

    private boolean amount(Pacs008View v, TextBuffer text, TextBuffer ccyText, String path, DecodeVerdict verdict) {
        if (!ccyText.isPresent() || ccyText.length() == 0) {
            verdict.reject(RejectCode.MISSING_ELEMENT, path + "/@Ccy").append("IntrBkSttlmAmt has no Ccy attribute");
            return false;
        }
        int ccy = Iso4217.pack(ccyText);
        int minorUnits = Iso4217.minorUnits(ccy);
        if (minorUnits == Iso4217.UNKNOWN) {
            verdict.reject(RejectCode.INVALID_CURRENCY, path + "/@Ccy")
                    .append("currency '")
                    .append(ccyText)
                    .append("' is not an active ISO 4217 code")
                    .append(ccyText.contentEquals("CNH") ? " (offshore renminbi travels as CNY)" : "");
            return false;
        }
        long minor = DecimalAmounts.parseMinor(text, minorUnits, DecimalAmounts.CBPR_TOTAL_DIGITS_MAX);
        if (minor < 0) {
            StringBuilder d = verdict.reject(RejectCode.INVALID_AMOUNT, path)
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
                d.append("has more than ")
                        .append(DecimalAmounts.CBPR_TOTAL_DIGITS_MAX)
                        .append(" digits (CBPR+)");
            } else if (minor == DecimalAmounts.NEGATIVE) {
                d.append("is negative");
            } else {
                d.append("is not a decimal number");
            }
            return false;
        }
        if (minor == 0) {
            verdict.reject(RejectCode.ZERO_AMOUNT, path).append("IntrBkSttlmAmt must be greater than zero");
            return false;
        }
        v.currency = ccy;
        v.amountMinor = minor;
        return true;
    }

    private boolean transactionCount(Pacs008View v, DecodeVerdict verdict) {
        TextBuffer nb = trimmed(v.fields[NUMBER_OF_TXS]);
        long declared = DecimalAmounts.parseMinor(nb, 0);
        if (declared < 0 || nb.length() > 15 || indexOf(nb, '.') >= 0 || indexOf(nb, '+') >= 0) {
            verdict.reject(RejectCode.INVALID_FORMAT, GRP + "/NbOfTxs")
                    .append("NbOfTxs '")
                    .append(nb)
                    .append("' is not a number");
            return false;
        }
        if (declared != v.transactionCount) {
            verdict.reject(RejectCode.TRANSACTION_COUNT, GRP + "/NbOfTxs")
                    .append("NbOfTxs is ")
                    .append(nb)
                    .append(" but the message has ")
                    .append(v.transactionCount)
                    .append(" CdtTrfTxInf");
            return false;
        }
        if (declared != 1) {
            verdict.reject(RejectCode.TRANSACTION_COUNT, GRP + "/NbOfTxs")
                    .append("CBPR+ allows exactly one CdtTrfTxInf per pacs.008, the message has ")
                    .append(declared);
            return false;
        }
        return true;
    }

    private boolean controlSums(Pacs008View v, DecodeVerdict verdict) {
        int minorUnits = Iso4217.minorUnits(v.currency);
        TextBuffer ctrlSum = v.fields[CONTROL_SUM];
        if (ctrlSum.isPresent() && DecimalAmounts.parseMinor(ctrlSum, minorUnits) != v.amountMinor) {
            verdict.reject(RejectCode.CONTROL_SUM, GRP + "/CtrlSum")
                    .append("CtrlSum '")
                    .append(ctrlSum)
                    .append("' does not equal the sum of IntrBkSttlmAmt '")
                    .append(v.fields[AMOUNT])
                    .append('\'');
            return false;
        }
        TextBuffer total = v.fields[TOTAL_AMOUNT];
        if (total.isPresent()) {
            TextBuffer totalCcy = v.fields[TOTAL_AMOUNT_CCY];
            if (Iso4217.pack(totalCcy) != v.currency || DecimalAmounts.parseMinor(total, minorUnits) != v.amountMinor) {
                verdict.reject(RejectCode.CONTROL_SUM, GRP + "/TtlIntrBkSttlmAmt")
                        .append("TtlIntrBkSttlmAmt '")
                        .append(total)
                        .append(' ')
                        .append(totalCcy)
                        .append("' does not equal IntrBkSttlmAmt '")
                        .append(v.fields[AMOUNT])
                        .append(' ')
                        .append(v.fields[AMOUNT_CCY])
                        .append('\'');
                return false;
            }
        }
        return true;
    }

    private static boolean require(TextBuffer field, String path, DecodeVerdict verdict) {
        if (field.isPresent()) {
            return true;
        }
        String element = path.substring(path.lastIndexOf('/') + 1);
        verdict.reject(RejectCode.MISSING_ELEMENT, path)
                .append("mandatory element ")
                .append(element)
                .append(" is missing");
        return false;
    }

    private static boolean restrictedId(TextBuffer field, String path, DecodeVerdict verdict) {
        if (IsoIdentifiers.isRestrictedId(field, 35)) {
            return true;
        }
        verdict.reject(RejectCode.INVALID_FORMAT, path)
                .append('\'')
                .append(field)
                .append("' must be 1 to 35 characters of the CBPR+ set")
                .append(" [A-Za-z0-9/-?:().,'+ space], not starting or ending with '/' nor containing '//'");
        return false;
    }

    private boolean bic(TextBuffer field, String path, DecodeVerdict verdict) {
        if (IsoIdentifiers.isBic(field)) {
            return true;
        }
        verdict.reject(RejectCode.INVALID_BIC, path)
                .append("BIC '")
                .append(field)
                .append("' must be 8 or 11 characters: 4 bank, 2 country letters, 2 location, optional 3 branch");
        return false;
    }

    /** The field without surrounding XML whitespace (identifiers are whitespace-collapsed). */
    private TextBuffer trimmed(TextBuffer field) {
        int start = 0;
        int end = field.length();
        char[] a = field.array();
        while (start < end && a[start] <= ' ') {
            start++;
        }
        while (end > start && a[end - 1] <= ' ') {
            end--;
        }
        if (start == 0 && end == field.length()) {
            return field;
        }
        scratch.set(a, start, end - start);
        return scratch;
    }

    private boolean sameText(TextBuffer a, TextBuffer b) {
        return a.contentEquals(b);
    }

    /** BICs compare equal when one is the 8-character form of the other's "XXX" branch. */
    static boolean sameBic(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            return contentEquals(a, b);
        }
        CharSequence shortOne = la < lb ? a : b;
        CharSequence longOne = la < lb ? b : a;
        if (shortOne.length() != 8 || longOne.length() != 11) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (shortOne.charAt(i) != longOne.charAt(i)) {
                return false;
            }
        }
        return longOne.charAt(8) == 'X' && longOne.charAt(9) == 'X' && longOne.charAt(10) == 'X';
    }

    private static boolean contentEquals(CharSequence a, CharSequence b) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private String currentPath(int level) {
        StringBuilder sb = new StringBuilder(section == SECTION_HEADER ? "/AppHdr" : "/Document");
        for (int i = 0; i <= level; i++) {
            sb.append('/').append(path[i]);
        }
        return sb.toString();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** The parser's message on one line, with its row and column, without the source noise. */
    private static String firstLine(String message) {
        String line =
                message.replace(" {unknown-source}", "").replace('\n', ' ').replace('\r', ' ');
        return line.length() > 300 ? line.substring(0, 300) : line;
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Closing a reader over a byte array releases buffers only; nothing can be lost.
            }
        }
    }
}
