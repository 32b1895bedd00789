package io.kapok.gateway.flow;

import io.kapok.codecs.camt.Camt053Encoder;
import io.kapok.codecs.camt.Camt053Statement;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.MailboxLookup;
import io.kapok.gateway.mailbox.MailboxRenderer;
import java.util.Arrays;

/**
 * Renders the notifications the platform keeps as compact records, on a mailbox reader thread: a
 * posting's camt.054 ({@link PostingNotices}) and an end-of-day camt.053 ({@link
 * EndOfDayStatements}), which lists the day's camt.054 records of its account, read back through
 * the mailbox from the newest message of the day to its start. The same record renders to the same
 * bytes on every read, before and after a restart.
 *
 * <p>Statement ids are {@code KPKE{close's journal sequence}-{currency}}, with {@code -{page}} when
 * the day has more than one page. One instance per reader thread (it reuses its buffers).
 */
public final class PlatformNoticeRenderer implements MailboxRenderer {
    private static final long DAY_MS = 86_400_000L;

    private final String platformBic;
    private final PostingNotices postings;
    private final Camt053Statement statement = new Camt053Statement();
    private final Camt053Encoder encoder = new Camt053Encoder();
    private final Utf8XmlWriter writer = new Utf8XmlWriter(16_384);
    private final MailboxEntry posting = new MailboxEntry();
    private final char[] digits = new char[20];
    private final char[] scratch = new char[4];
    /** The day's postings on the account, newest first: their mailbox sequences and signed amounts. */
    private long[] sequences = new long[64];

    private long[] amountsMinor = new long[64];

    public PlatformNoticeRenderer(String platformBic) {
        this.platformBic = platformBic;
        this.postings = new PostingNotices(platformBic);
    }

    @Override
    public void render(MailboxEntry entry) {
        if (entry.format == EndOfDayStatements.FORMAT) {
            throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                    + " is an end-of-day statement: it renders only with its mailbox at hand");
        }
        postings.render(entry);
    }

    @Override
    public void render(MailboxEntry entry, MailboxLookup lookup) {
        if (entry.format != EndOfDayStatements.FORMAT) {
            postings.render(entry);
            return;
        }
        if (entry.length != EndOfDayStatements.RECORD_BYTES) {
            throw new IllegalStateException("mailbox message " + entry.partySequence + " of " + entry.recipientPartyId
                    + ": a statement record of " + entry.length + " bytes, not " + EndOfDayStatements.RECORD_BYTES);
        }
        byte[] in = entry.bytes;
        int currency = EndOfDayStatements.getInt(in, 0);
        int businessDay = EndOfDayStatements.getInt(in, 4);
        long closingMinor = EndOfDayStatements.getLong(in, 8);
        long through = EndOfDayStatements.getLong(in, 16);
        int page = EndOfDayStatements.getInt(in, 24);
        int pages = EndOfDayStatements.getInt(in, 28);

        int count = collect(lookup, currency, businessDay * DAY_MS, through);
        // Oldest first: entry k of the day is sequences[count - 1 - k]; this page holds [first, end).
        int first = Math.min(count, (page - 1) * Camt053Statement.ENTRIES_MAX);
        int end = Math.min(count, page * Camt053Statement.ENTRIES_MAX);
        long afterPageMinor = 0;
        for (int k = end; k < count; k++) {
            afterPageMinor = Math.addExact(afterPageMinor, amountsMinor[count - 1 - k]);
        }
        Camt053Statement s = statement;
        s.clear();
        long pageMinor = 0;
        for (int k = first; k < end; k++) {
            lookup.read(sequences[count - 1 - k], posting);
            postings.readEntry(posting, s.entries.add());
            pageMinor = Math.addExact(pageMinor, amountsMinor[count - 1 - k]);
        }
        s.openingBalanceMinor = closingMinor - afterPageMinor - pageMinor;
        s.openingDateEpochDay = businessDay;
        s.closingDateEpochDay = businessDay;
        String owner = entry.recipientPartyId;
        s.header.from.bic(platformBic);
        FlowParties.identity(s.header.to, owner);
        TextBuffer id = s.header.messageId;
        id.set("KPKE");
        FlowParties.appendNumber(id, entry.inboundSequence, digits);
        scratch[0] = '-';
        scratch[1] = (char) ((currency >>> 16) & 0xFF); // the packed ISO 4217 letters
        scratch[2] = (char) ((currency >>> 8) & 0xFF);
        scratch[3] = (char) (currency & 0xFF);
        id.append(scratch, 0, 4);
        if (pages > 1) {
            id.append(scratch, 0, 1);
            FlowParties.appendNumber(id, page, digits);
        }
        s.header.creationTimeMs = entry.createdTimeMs;
        s.statementId.copyFrom(id);
        postings.account(owner, currency, s.account);
        encoder.encode(s, writer);
        PostingNotices.replaceBytes(entry, writer);
    }

    /**
     * The postings in {@code currency} created on the day from {@code dayStartMs}, read back from
     * message {@code through}: their sequences and amounts, newest first; returns how many.
     */
    private int collect(MailboxLookup lookup, int currency, long dayStartMs, long through) {
        int count = 0;
        for (long sequence = through; sequence >= Math.max(1, lookup.firstRetainedSequence()); sequence--) {
            lookup.read(sequence, posting);
            if (posting.createdTimeMs < dayStartMs) {
                break;
            }
            if (!PostingNotices.isPosting(posting.format) || PostingNotices.currencyOf(posting) != currency) {
                continue;
            }
            if (count == sequences.length) {
                sequences = Arrays.copyOf(sequences, count * 2);
                amountsMinor = Arrays.copyOf(amountsMinor, count * 2);
            }
            sequences[count] = sequence;
            amountsMinor[count++] = PostingNotices.signedAmountOf(posting);
        }
        return count;
    }
}
