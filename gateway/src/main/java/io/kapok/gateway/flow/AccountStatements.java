package io.kapok.gateway.flow;

import io.kapok.codecs.camt.Camt053Encoder;
import io.kapok.codecs.camt.Camt053Statement;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.codecs.xml.Utf8XmlWriter;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.Mailboxes;

/**
 * A party's camt.053 statement of one account, on request ({@code GET /v1/statement}): the day's
 * postings (UTC) as the camt.054s reported them, each entry that camt.054's posting with its id as
 * {@code NtryRef}, closing with the account's balance in the ledger now and opening with that balance
 * less the day's entries, so opening + entries = closing and every entry reconciles with a camt.054.
 *
 * <p>The ledger keeps balances, not postings: the postings come from the owner's mailbox, where
 * every posting's camt.054 is kept as a compact record ({@link PostingNotices}), read on the
 * sequencer thread right after the ledger, so the mailbox holds exactly the postings of the journal
 * entries the balance includes. The read is bounded: at most {@value #MESSAGES_MAX} of the party's
 * newest messages and {@value Camt053Statement#ENTRIES_MAX} entries; a day with more is refused
 * rather than reported in part. Mailbox retention removes only delivered cycles that ended {@code
 * keepDays} ago or more; were it set to remove some of today's (keepDays 0 with a roll cycle shorter
 * than a day), the statement would open at the first posting still kept, and still reconcile. Statement ids are {@code KPKS{journal sequence}-{currency}}.
 * Sequencer thread only (it reuses its buffers).
 */
public final class AccountStatements {
    /** Most mailbox messages of the party read for one statement, postings or not. */
    public static final int MESSAGES_MAX = 4 * Camt053Statement.ENTRIES_MAX;

    private static final long DAY_MS = 86_400_000L;

    private final String platformBic;
    private final PostingNotices notices;
    private final Camt053Statement statement = new Camt053Statement();
    private final Camt053Encoder encoder = new Camt053Encoder();
    private final Utf8XmlWriter writer = new Utf8XmlWriter(16_384);
    private final char[] digits = new char[20];
    private int currency;
    private boolean tooMany;

    public AccountStatements(String platformBic) {
        this.platformBic = platformBic;
        this.notices = new PostingNotices(platformBic);
    }

    /**
     * The statement of {@code owner}'s account in {@code currency} for the UTC day of {@code nowMs},
     * valid until the next call; null when the day holds more postings than one statement reports
     * (or than {@value #MESSAGES_MAX} messages of the party).
     *
     * @param balanceMinor the account's balance in the ledger after journal entry {@code sequence}
     * @param sequence the ledger's last sequence: postings of later entries are not counted
     */
    public Utf8XmlWriter statement(
            Mailboxes mailboxes, String owner, int currency, long balanceMinor, long sequence, long nowMs) {
        Camt053Statement s = statement;
        s.clear();
        this.currency = currency;
        this.tooMany = false;
        long dayStartMs = Math.floorDiv(nowMs, DAY_MS) * DAY_MS;
        int read = mailboxes.readToday(owner, dayStartMs, sequence, MESSAGES_MAX, this::add);
        if (read < 0 || tooMany) {
            return null;
        }
        long entriesMinor = 0;
        for (int i = 0; i < s.entries.count(); i++) {
            entriesMinor = Math.addExact(entriesMinor, s.entries.get(i).signedAmountMinor());
        }
        s.openingBalanceMinor = Math.subtractExact(balanceMinor, entriesMinor);
        s.openingDateEpochDay = Math.floorDiv(nowMs, DAY_MS);
        s.closingDateEpochDay = s.openingDateEpochDay;
        s.header.from.bic(platformBic);
        FlowParties.identity(s.header.to, owner);
        TextBuffer id = s.header.messageId;
        id.set("KPKS");
        FlowParties.appendNumber(id, sequence, digits);
        id.append("-".toCharArray(), 0, 1);
        id.append(io.kapok.codecs.iso.Iso4217.unpack(currency).toCharArray(), 0, 3);
        s.header.creationTimeMs = nowMs;
        s.statementId.copyFrom(id);
        notices.account(owner, currency, s.account);
        encoder.encode(s, writer);
        return writer;
    }

    /** A message of the day: kept when it is a posting's camt.054 on the account. */
    private void add(MailboxEntry entry) {
        if (!PostingNotices.isPosting(entry.format) || tooMany) {
            return;
        }
        if (statement.entries.count() == Camt053Statement.ENTRIES_MAX) {
            tooMany = true;
            return;
        }
        if (PostingNotices.currencyOf(entry) == currency) {
            notices.readEntry(entry, statement.entries.add());
        }
    }
}
