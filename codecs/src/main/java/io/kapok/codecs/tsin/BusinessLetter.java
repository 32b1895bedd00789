package io.kapok.codecs.tsin;

import io.kapok.codecs.iso.BoundedItems;
import io.kapok.codecs.iso.MessageHeader;
import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * The BusinessLetter1 header ({@code Hdr}) that tsin.006 to tsin.013 and tsmt.053/054 open with,
 * and the parties it declares. Each party carries an XML identifier (xs:ID) that the message's
 * lists point at by IDREF ({@code Assgne}, {@code Assgnr}, {@code Buyr}, {@code GrntIssr}...):
 * the originator (the BAH {@code Fr}) is {@link #ORIGINATOR}, the primary recipient (the BAH
 * {@code To}) is {@link #PRIMARY_RECIPIENT}, the authorising user (again the sender) is
 * {@link #AUTHORISING_USER}, and every other party gets the identifier the caller gives it.
 * Reusable; owned by one thread at a time.
 */
public final class BusinessLetter {
    /** XML identifier of {@code Hdr/Orgtr}: the sender. */
    public static final String ORIGINATOR = "ORGTR";
    /** XML identifier of {@code Hdr/PmryRcpt}: the recipient. */
    public static final String PRIMARY_RECIPIENT = "PMRYRCPT";
    /** XML identifier of {@code Hdr/AuthstnUsr}: the sender, as the party that authorises the letter. */
    public static final String AUTHORISING_USER = "AUTHSTNUSR";
    /** Parties besides sender and recipient one letter declares. */
    public static final int OTHER_PARTIES_MAX = 8;

    /** BAH {@code Fr}, {@code To}, {@code BizMsgIdr} (= {@code LttrIdr/Id}) and creation time (its day is {@code Dt}). */
    public final MessageHeader header = new MessageHeader();
    /** {@code RltdMsg/Id}: the message this one answers; written when present. */
    public final TextBuffer relatedMessageId = new TextBuffer();
    /** {@code OthrPty}: the debtor, the assignee bank, a guarantor... each with its XML identifier. */
    public final BoundedItems<Party> otherParties =
            new BoundedItems<>("business letter parties", OTHER_PARTIES_MAX, Party::new);
    /** {@code Hdr/VldtnStsInf/Sts}: RCCF or RCER for an answer, null for a request. */
    public String validationStatus;
    /** {@code Hdr/VldtnStsInf/StsRsn/Cd}: a FinancingStatusReason1Code, or null. */
    public String validationReason;

    /** A party of the letter and its XML identifier. */
    public static final class Party {
        /** xs:ID: a letter followed by letters, digits, '-', '_' or '.', unique in the message. */
        public final TextBuffer xmlId = new TextBuffer(16);

        public final PartyIdentity party = new PartyIdentity();
    }

    /**
     * Declares another party under {@code xmlId} and returns it for its identity to be set.
     *
     * @throws IllegalArgumentException when {@code xmlId} is not a plain XML name (an ASCII letter or
     *     '_', then letters, digits, '-', '_' or '.', at most 35) or is one of the three reserved ones
     * @throws IllegalStateException when {@link #OTHER_PARTIES_MAX} parties are declared already
     */
    public PartyIdentity addParty(CharSequence xmlId) {
        if (!isPlainXmlName(xmlId)
                || contentEquals(xmlId, ORIGINATOR)
                || contentEquals(xmlId, PRIMARY_RECIPIENT)
                || contentEquals(xmlId, AUTHORISING_USER)) {
            throw new IllegalArgumentException("'" + xmlId + "' cannot identify a party of the letter");
        }
        Party entry = otherParties.add();
        entry.xmlId.set(xmlId);
        entry.party.clear();
        return entry.party;
    }

    private static boolean isPlainXmlName(CharSequence name) {
        int n = name.length();
        if (n == 0 || n > 35) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            boolean other = (c >= '0' && c <= '9') || c == '-' || c == '.';
            if (!letter && (i == 0 || !other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contentEquals(CharSequence a, String b) {
        return b.contentEquals(a);
    }

    public void clear() {
        header.clear();
        relatedMessageId.clear();
        otherParties.clear();
        validationStatus = null;
        validationReason = null;
    }
}
