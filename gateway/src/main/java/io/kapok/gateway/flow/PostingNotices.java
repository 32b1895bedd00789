package io.kapok.gateway.flow;

import io.kapok.codecs.camt.Camt054Encoder;
import io.kapok.codecs.camt.Camt054Notification;
import io.kapok.codecs.camt.CashAccount;
import io.kapok.codecs.camt.CashEntry;
import io.kapok.codecs.iso.IsoIdentifiers;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.MailboxRenderer;

/**
 * The camt.054 the platform writes to an account owner for each posting, kept in the mailbox as a
 * compact record and rendered to its XML when the owner fetches it ({@link MailboxRenderer}).
 *
 * <p>The sequencer writes the record ({@link #record}); a mailbox reader thread renders it ({@link
 * #render}). Everything the message says comes from the record and the mailbox entry around it:
 * the owner is the entry's recipient, the message id {@code KPKN{inbound sequence}-{n}} and the
 * booking date come from the inbound journal entry's sequence and receive time, so a record
 * renders to the same bytes on every read, before and after a restart.
 *
 * <pre>
 *  record, format {@value #FORMAT}, big-endian
 *  currency        int32   ISO 4217 letters packed one byte each (Currencies' code)
 *  amountMinor     int64   signed: credit &gt; 0, debit &lt; 0
 *  messageNumber   int32   n of the message id KPKN{sequence}-{n}
 *  uetr            text    the payment's UETR, or empty
 *  messageId       text    the payment's MsgId, or empty
 *  endToEndId      text    the payment's EndToEndId (the receivable id for a settlement), or empty
 *  text: uint8 length in chars, then each char as uint16
 *
 *  record, format {@value #FORMAT_CONVERTED}: a posting of a cross-currency payment, as format
 *  {@value #FORMAT} followed by
 *  instructedCurrency     int32   the pacs.008's InstdAmt (the currency converted from)
 *  instructedAmountMinor  int64
 *  settlementCurrency     int32   its IntrBkSttlmAmt (the currency converted into)
 *  settlementAmountMinor  int64
 *  unitCurrency           int32   the rate's base: one unit of it buys rate ÷ 10^8 of the other
 *  rateScaled             int64   the ledger's rate the payment settled at, × 10^8
 * </pre>
 *
 * A converted posting's camt.054 reports them in {@code NtryDtls/TxDtls/AmtDtls}: {@code InstdAmt},
 * and {@code TxAmt} with {@code CcyXchg} (SrcCcy the instructed currency, TrgtCcy the settlement
 * one, UnitCcy and XchgRate as the ledger quotes the pair), so each leg reconciles with the other.
 *
 * One instance per thread (it reuses its buffers): the sequencer has one, each reader another.
 */
public final class PostingNotices implements MailboxRenderer {
    /** The record format of a posting's camt.054 in the mailbox. */
    public static final int FORMAT = 1;
    /** The record format of a cross-currency posting's camt.054: {@link #FORMAT} and the conversion. */
    public static final int FORMAT_CONVERTED = 2;

    private static final long DAY_MS = 86_400_000L;
    private static final int TEXT_CHARS_MAX = 255;
    private static final int RECORD_BYTES_MAX = 4 + 8 + 4 + 3 * (1 + 2 * TEXT_CHARS_MAX) + 3 * (4 + 8);

    private final String platformBic;
    private final byte[] record = new byte[RECORD_BYTES_MAX];
    private final char[] chars = new char[TEXT_CHARS_MAX];
    private final char[] scratch = new char[64];
    private final char[] digits = new char[20];
    private final Utf8XmlWriter writer = new Utf8XmlWriter(4096);
    private final Camt054Encoder encoder = new Camt054Encoder();
    private final Camt054Notification notification = new Camt054Notification();
    private int at;

    public PostingNotices(String platformBic) {
        this.platformBic = platformBic;
    }

    /**
     * Sequencer thread: the record of one posting, in {@link #recordBytes()}{@code [0..return)}.
     * Ids longer than 255 chars (never valid in a message the decoders took) are cut there.
     */
    public int record(
            int currency,
            long amountMinor,
            int messageNumber,
            CharSequence uetr,
            CharSequence messageId,
            CharSequence endToEndId) {
        at = 0;
        putInt(currency);
        putLong(amountMinor);
        putInt(messageNumber);
        putText(uetr);
        putText(messageId);
        putText(endToEndId);
        return at;
    }

    /**
     * Sequencer thread, right after {@link #record}: appends the conversion of a cross-currency
     * payment, making it a record of format {@link #FORMAT_CONVERTED}; returns its new length.
     */
    public int conversion(
            int instructedCurrency,
            long instructedAmountMinor,
            int settlementCurrency,
            long settlementAmountMinor,
            int unitCurrency,
            long rateScaled) {
        putInt(instructedCurrency);
        putLong(instructedAmountMinor);
        putInt(settlementCurrency);
        putLong(settlementAmountMinor);
        putInt(unitCurrency);
        putLong(rateScaled);
        return at;
    }

    /** True for the record formats of a posting's camt.054 ({@link #FORMAT}, {@link #FORMAT_CONVERTED}). */
    public static boolean isPosting(int format) {
        return format == FORMAT || format == FORMAT_CONVERTED;
    }

    /** The buffer {@link #record} writes into. */
    public byte[] recordBytes() {
        return record;
    }

    @Override
    public void render(MailboxEntry entry) {
        Camt054Notification n = notification;
        n.clear();
        CashEntry e = n.entries.add();
        int currency = readEntry(entry, e);
        String owner = entry.recipientPartyId;
        n.header.from.bic(platformBic);
        FlowParties.identity(n.header.to, owner);
        n.header.messageId.copyFrom(e.entryReference);
        n.header.creationTimeMs = entry.createdTimeMs;
        n.notificationId.copyFrom(n.header.messageId);
        account(owner, currency, n.account);
        encoder.encode(n, writer);
        replaceBytes(entry, writer);
    }

    /** Makes what {@code writer} holds the message of {@code entry}, growing its buffer as needed. */
    static void replaceBytes(MailboxEntry entry, Utf8XmlWriter writer) {
        int length = writer.length();
        if (entry.bytes.length < length) {
            entry.bytes = new byte[Math.max(length, entry.bytes.length * 2)];
        }
        System.arraycopy(writer.buffer(), 0, entry.bytes, 0, length);
        entry.length = length;
    }

    /**
     * The posting a record reports, as the camt.054 rendered from it carries it: fills {@code e}
     * ({@code NtryRef} = the camt.054's id {@code KPKN{inbound sequence}-{n}}) and returns the
     * account's currency. The same on every thread and every read.
     *
     * @throws IllegalStateException when {@code entry} is not a posting record, or a damaged one
     */
    public int readEntry(MailboxEntry entry, CashEntry e) {
        if (!isPosting(entry.format)) {
            throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                    + " has record format " + entry.format + ", not " + FORMAT + " or " + FORMAT_CONVERTED);
        }
        byte[] in = entry.bytes;
        at = 0;
        int currency = getInt(in);
        long delta = getLong(in);
        int messageNumber = getInt(in);
        e.clear();
        e.entryReference.set("KPKN");
        appendNumber(e.entryReference, entry.inboundSequence);
        e.entryReference.append(DASH, 0, 1);
        appendNumber(e.entryReference, messageNumber);
        e.amountMinor = Math.abs(delta);
        e.credit = delta > 0;
        e.bookingDateEpochDay = Math.floorDiv(entry.createdTimeMs, DAY_MS);
        e.valueDateEpochDay = e.bookingDateEpochDay;
        e.accountServicerReference.set("JRNL-");
        appendNumber(e.accountServicerReference, entry.inboundSequence);
        e.family = e.credit ? "RCDT" : "ICDT";
        e.subFamily = "XBCT";
        int uetrLength = getText(in);
        if (uetrLength > 0) {
            e.uetr.set(chars, 0, uetrLength);
            if (!IsoIdentifiers.isUuidV4(e.uetr)) {
                e.uetr.clear();
            }
        }
        int messageIdLength = getText(in);
        if (messageIdLength > 0) {
            e.messageId.set(chars, 0, messageIdLength);
        }
        int endToEndIdLength = getText(in);
        if (endToEndIdLength > 0) {
            e.endToEndId.set(chars, 0, endToEndIdLength);
        }
        if (entry.format == FORMAT_CONVERTED) {
            e.instructedCurrency = getInt(in);
            e.instructedAmountMinor = getLong(in);
            e.transactionCurrency = getInt(in);
            e.transactionAmountMinor = getLong(in);
            e.unitCurrency = getInt(in);
            e.exchangeRateScaled = getLong(in);
            e.sourceCurrency = e.instructedCurrency;
            e.targetCurrency = e.transactionCurrency;
        }
        if (at != entry.length) {
            throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                    + ": a posting record of " + entry.length + " bytes, read " + at);
        }
        return currency;
    }

    /** The signed amount of a posting record (either format): credit &gt; 0, debit &lt; 0. */
    public static long signedAmountOf(MailboxEntry entry) {
        return signedAmountOf(entry.bytes, 0);
    }

    /** The signed amount of the posting record at {@code in[at..]} (either format). */
    public static long signedAmountOf(byte[] in, int at) {
        long high = (long) bigEndianInt(in, at + 4);
        long low = bigEndianInt(in, at + 8);
        return (high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int bigEndianInt(byte[] in, int at) {
        return (in[at] & 0xFF) << 24 | (in[at + 1] & 0xFF) << 16 | (in[at + 2] & 0xFF) << 8 | (in[at + 3] & 0xFF);
    }

    /** The currency of a posting record (either format), as {@link #readEntry} returns it. */
    public static int currencyOf(MailboxEntry entry) {
        return currencyOf(entry.bytes, 0);
    }

    /** The currency of the posting record at {@code in[at..]} (either format). */
    public static int currencyOf(byte[] in, int at) {
        return bigEndianInt(in, at);
    }

    /** {@code owner}'s account in {@code currency} at the platform: {@code KAPK-{CCY}-{owner}}, kept by the platform. */
    public void account(String owner, int currency, CashAccount account) {
        account.id.set("KAPK-");
        scratch[0] = (char) ((currency >>> 16) & 0xFF); // the packed ISO 4217 letters, no String
        scratch[1] = (char) ((currency >>> 8) & 0xFF);
        scratch[2] = (char) (currency & 0xFF);
        scratch[3] = '-';
        int ownerLength = Math.min(owner.length(), scratch.length - 4);
        owner.getChars(0, ownerLength, scratch, 4);
        account.id.append(scratch, 0, 4 + ownerLength);
        account.currency = currency;
        FlowParties.identity(account.owner, owner);
        account.servicerBic.set(platformBic);
    }

    private static final char[] DASH = {'-'};

    private void appendNumber(TextBuffer out, long value) {
        FlowParties.appendNumber(out, value, digits);
    }

    private void putInt(int v) {
        record[at++] = (byte) (v >>> 24);
        record[at++] = (byte) (v >>> 16);
        record[at++] = (byte) (v >>> 8);
        record[at++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void putText(CharSequence text) {
        int length = text == null ? 0 : Math.min(text.length(), TEXT_CHARS_MAX);
        record[at++] = (byte) length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            record[at++] = (byte) (c >>> 8);
            record[at++] = (byte) c;
        }
    }

    private int getInt(byte[] in) {
        int v = ((in[at] & 0xFF) << 24)
                | ((in[at + 1] & 0xFF) << 16)
                | ((in[at + 2] & 0xFF) << 8)
                | (in[at + 3] & 0xFF);
        at += 4;
        return v;
    }

    private long getLong(byte[] in) {
        long high = getInt(in);
        return (high << 32) | (getInt(in) & 0xFFFF_FFFFL);
    }

    /** Reads a text into {@link #chars}; returns its length. */
    private int getText(byte[] in) {
        int length = in[at++] & 0xFF;
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF));
            at += 2;
        }
        return length;
    }
}
