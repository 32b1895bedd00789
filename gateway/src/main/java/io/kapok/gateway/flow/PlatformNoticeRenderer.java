package io.kapok.gateway.flow;

import io.kapok.codecs.camt.Camt053Encoder;
import io.kapok.codecs.camt.Camt053Statement;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.MailboxLookup;
import io.kapok.gateway.mailbox.MailboxRenderer;

/**
 * Renders the notifications the platform keeps as compact records, on a mailbox reader thread: a
 * posting's camt.054 ({@link PostingNotices}) and an end-of-day camt.053 ({@link
 * EndOfDayStatements}), which lists the day's camt.054 records of its account that lie in its
 * range of the mailbox. The same record renders to the same
 * bytes on every read, before and after a restart.
 *
 * <p>Statement ids are {@code KPKE{close's journal sequence}-{currency}}, with {@code -{page}} when
 * the day has more than one page. One instance per reader thread (it reuses its buffers).
 */
public final class PlatformNoticeRenderer implements MailboxRenderer {
    private final String platformBic;
    private final PostingNotices postings;
    private final Camt053Statement statement = new Camt053Statement();
    private final Camt053Encoder encoder = new Camt053Encoder();
    private final Utf8XmlWriter writer = new Utf8XmlWriter(16_384);
    private final MailboxEntry posting = new MailboxEntry();
    private final char[] digits = new char[20];
    private final char[] scratch = new char[4];

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
        long openingMinor = EndOfDayStatements.getLong(in, 8);
        long from = EndOfDayStatements.getLong(in, 16);
        long through = EndOfDayStatements.getLong(in, 24);
        int page = EndOfDayStatements.getInt(in, 32);
        int pages = EndOfDayStatements.getInt(in, 36);

        Camt053Statement s = statement;
        s.clear();
        // The page's range holds its postings and, between them, the party's other messages of the day.
        for (long sequence = from; sequence <= through; sequence++) {
            lookup.read(sequence, posting);
            if (PostingNotices.isPosting(posting.format) && PostingNotices.currencyOf(posting) == currency) {
                postings.readEntry(posting, s.entries.add());
            }
        }
        s.openingBalanceMinor = openingMinor;
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
}
