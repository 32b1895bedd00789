package io.kapok.codecs.stream;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.xml.TextBuffer;

/**
 * The fields {@link Iso20022Decoder} read from one message, addressed by the index of their
 * {@link FieldSpec} in the {@link MessageSchema}, the items of the schema's {@link RepeatedGroup}s
 * (addressed by item number from 0 and the index of the field in the group), plus the Business
 * Application Header. A reusable flyweight: its buffers grow to the largest schema and the most
 * items seen and are overwritten by each decode. Owned by one thread at a time.
 */
public final class MessageView {
    /**
     * The schema of the last Document this view held, still kept when {@link #hasSchema} says the
     * view holds none now: a view circulates among the gateway's ring slots for the gateway's life,
     * and storing a reference into it (an old object) dirties its card for the next young collection
     * to scan; a view that forgot its schema at every message and took it again did so once per
     * message. Set only when it changes.
     */
    private MessageSchema lastSchema;
    /** True when the view holds a Document of {@link #lastSchema}. */
    private boolean hasSchema;

    TextBuffer[] text = new TextBuffer[0];
    long[] amountMinor = new long[0];
    int[] currency = new int[0];
    TextBuffer[] currencyText = new TextBuffer[0];
    int transactionCount;
    /** Items of the repeated group (its count is {@link #transactionCount}). */
    final ItemSlots items = new ItemSlots();
    /** Items of the schema's second repeated group, if it has one. */
    final ItemSlots secondItems = new ItemSlots();

    boolean hasAppHdr;
    final TextBuffer fromBic = new TextBuffer();
    final TextBuffer fromOrganisationId = new TextBuffer();
    final TextBuffer fromOrganisationScheme = new TextBuffer();
    final TextBuffer fromLei = new TextBuffer();
    final TextBuffer toBic = new TextBuffer();
    final TextBuffer toOrganisationId = new TextBuffer();
    final TextBuffer businessMessageId = new TextBuffer();
    final TextBuffer messageDefinitionId = new TextBuffer();
    final TextBuffer headerCreationDate = new TextBuffer();

    /** Clears everything, the header included, for a message of {@code schema} (or none). */
    void reset(MessageSchema schema) {
        resetFields(schema);
        hasAppHdr = false;
        fromBic.clear();
        fromOrganisationId.clear();
        fromOrganisationScheme.clear();
        fromLei.clear();
        toBic.clear();
        toOrganisationId.clear();
        businessMessageId.clear();
        messageDefinitionId.clear();
        headerCreationDate.clear();
    }

    /**
     * Makes this view's buffers for a message of {@code schema} now rather than when it first holds
     * one. For a view kept as long as the process (each of the gateway's ring slots has one): its
     * buffers are then made at start, not during the first minute of load, where the young
     * collections would copy them twice (to a survivor space, then to the old generation).
     */
    public void reserve(MessageSchema schema) {
        if (text.length < schema.fields.length) {
            growFields(schema.fields.length);
        }
    }

    private void growFields(int n) {
        TextBuffer[] grown = java.util.Arrays.copyOf(text, n);
        TextBuffer[] grownCcy = java.util.Arrays.copyOf(currencyText, n);
        for (int i = text.length; i < n; i++) {
            grown[i] = new TextBuffer();
            grownCcy[i] = new TextBuffer(4);
        }
        text = grown;
        currencyText = grownCcy;
        amountMinor = java.util.Arrays.copyOf(amountMinor, n);
        currency = java.util.Arrays.copyOf(currency, n);
    }

    /** Clears the Document's fields for {@code schema}, keeping what the header already gave. */
    void resetFields(MessageSchema schema) {
        if (schema != null && lastSchema != schema) {
            lastSchema = schema;
        }
        hasSchema = schema != null;
        int n = schema == null ? 0 : schema.fields.length;
        if (text.length < n) {
            growFields(n);
        }
        for (int i = 0; i < n; i++) {
            text[i].clear();
            currencyText[i].clear();
            amountMinor[i] = 0;
            currency[i] = 0;
        }
        transactionCount = 0;
        items.reset(schema == null ? 0 : schema.itemFields.length);
        secondItems.reset(schema == null ? 0 : schema.secondItemFields.length);
    }

    /** Copies everything {@code other} holds (no allocation once this view's buffers have grown). */
    public void copyFrom(MessageView other) {
        MessageSchema schema = other.schema();
        reset(schema);
        int n = schema == null ? 0 : schema.fields.length;
        for (int i = 0; i < n; i++) {
            text[i].copyFrom(other.text[i]);
            currencyText[i].copyFrom(other.currencyText[i]);
            amountMinor[i] = other.amountMinor[i];
            currency[i] = other.currency[i];
        }
        transactionCount = other.transactionCount;
        items.copyFrom(other.items, other.itemCount());
        secondItems.copyFrom(other.secondItems, other.secondItemCount());
        hasAppHdr = other.hasAppHdr;
        fromBic.copyFrom(other.fromBic);
        fromOrganisationId.copyFrom(other.fromOrganisationId);
        fromOrganisationScheme.copyFrom(other.fromOrganisationScheme);
        fromLei.copyFrom(other.fromLei);
        toBic.copyFrom(other.toBic);
        toOrganisationId.copyFrom(other.toOrganisationId);
        businessMessageId.copyFrom(other.businessMessageId);
        messageDefinitionId.copyFrom(other.messageDefinitionId);
        headerCreationDate.copyFrom(other.headerCreationDate);
    }

    /** The message type decoded, or null before a Document was recognised. */
    public MessageType type() {
        return hasSchema ? lastSchema.type : null;
    }

    public MessageSchema schema() {
        return hasSchema ? lastSchema : null;
    }

    /** The text of field {@code index} ({@code isPresent()} tells whether it was in the message). */
    public TextBuffer text(int index) {
        return text[index];
    }

    /** An {@link ValueKind#AMOUNT} field in minor units of {@link #currency(int)}. */
    public long amountMinor(int index) {
        return amountMinor[index];
    }

    /** The packed ISO 4217 code of an {@link ValueKind#AMOUNT} field. */
    public int currency(int index) {
        return currency[index];
    }

    /** Occurrences of the schema's transaction element. */
    public int transactionCount() {
        return transactionCount;
    }

    /** Items of the schema's repeated group kept in this view (0 when it has none). */
    public int itemCount() {
        return items.width == 0 ? 0 : transactionCount;
    }

    /** The text of field {@code field} of the group's item {@code item} (0-based). */
    public TextBuffer itemText(int item, int field) {
        return items.text[items.slot(item, field, itemCount())];
    }

    /** An {@link ValueKind#AMOUNT} field of item {@code item} in minor units of {@link #itemCurrency}. */
    public long itemAmountMinor(int item, int field) {
        return items.amountMinor[items.slot(item, field, itemCount())];
    }

    /** The packed ISO 4217 code of an {@link ValueKind#AMOUNT} field of item {@code item}. */
    public int itemCurrency(int item, int field) {
        return items.currency[items.slot(item, field, itemCount())];
    }

    /** Items of the schema's second repeated group in this view (0 when it has none), e.g. a statement's balances. */
    public int secondItemCount() {
        return secondItems.width == 0 ? 0 : secondItems.count;
    }

    /** The text of field {@code field} of the second group's item {@code item} (0-based). */
    public TextBuffer secondItemText(int item, int field) {
        return secondItems.text[secondItems.slot(item, field, secondItemCount())];
    }

    /** An {@link ValueKind#AMOUNT} field of the second group's item {@code item}, in minor units. */
    public long secondItemAmountMinor(int item, int field) {
        return secondItems.amountMinor[secondItems.slot(item, field, secondItemCount())];
    }

    /** The packed ISO 4217 code of an {@link ValueKind#AMOUNT} field of the second group's item {@code item}. */
    public int secondItemCurrency(int item, int field) {
        return secondItems.currency[secondItems.slot(item, field, secondItemCount())];
    }

    public boolean hasAppHdr() {
        return hasAppHdr;
    }

    /** BAH {@code Fr/FIId/FinInstnId/BICFI}, when the sender is a financial institution. */
    public TextBuffer fromBic() {
        return fromBic;
    }

    /**
     * The corporate sender's organisation id: BAH {@code Fr/OrgId/Id/OrgId/Othr/Id} (a unified
     * social credit code, {@code SchmeNm/Prtry} USCC), or else its {@code Fr/OrgId/Id/OrgId/LEI}.
     */
    public TextBuffer fromOrganisationId() {
        return fromOrganisationId;
    }

    /** BAH {@code Fr/OrgId/Id/OrgId/Othr/SchmeNm/Prtry} (or {@code Cd}): the scheme of {@link #fromOrganisationId()}. */
    public TextBuffer fromOrganisationScheme() {
        return fromOrganisationScheme;
    }

    /** BAH {@code Fr/OrgId/Id/OrgId/LEI}, when the sender names itself by its LEI. */
    public TextBuffer fromLei() {
        return fromLei;
    }

    public TextBuffer toBic() {
        return toBic;
    }

    public TextBuffer toOrganisationId() {
        return toOrganisationId;
    }

    public TextBuffer businessMessageId() {
        return businessMessageId;
    }

    public TextBuffer messageDefinitionId() {
        return messageDefinitionId;
    }

    public TextBuffer headerCreationDate() {
        return headerCreationDate;
    }
}
