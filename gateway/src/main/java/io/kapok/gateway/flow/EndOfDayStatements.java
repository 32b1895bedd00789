package io.kapok.gateway.flow;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.camt.Camt053Statement;
import io.kapok.gateway.mailbox.MailboxComposer;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.Mailboxes;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerEventType;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.day.CloseDayCommand;
import java.util.Arrays;
import java.util.Set;

/**
 * The end-of-day camt.053: when the ledger closes a business day ({@link CloseDayCommand}, which
 * the sequencer journals before the first entry of a later UTC day), the owner of every account with
 * a posting that day gets that day's statement of the account, as do the parties configured to get
 * one of every account they hold ({@code notifications.statementsOfEveryAccount}), postings or not.
 *
 * <p>Each statement is kept in the owner's mailbox as a compact record and rendered when fetched
 * ({@link PlatformNoticeRenderer}): opening booked balance = the closing one less the day's entries,
 * one entry per posting's camt.054 of that day on that account (its id as {@code NtryRef}), closing
 * booked balance = the account's balance in the ledger at the day's end (the close's {@link
 * LedgerEventType#DAY_CLOSED} event). A day with more than {@value Camt053Statement#ENTRIES_MAX}
 * entries on one account is reported in pages, one camt.053 each, every page reconciling on its own.
 *
 * <pre>
 *  record, format {@value #FORMAT}, big-endian
 *  currency              int32   the account's, ISO 4217 letters packed one byte each
 *  businessDay           int32   the day reported, days since 1970-01-01 (UTC)
 *  closingBalanceMinor   int64   the account's balance at the day's end
 *  throughPartySequence  int64   the owner's newest mailbox message created that day or before
 *                                (0: none): the day's postings are read back from it
 *  page, pages           int32   1-based page of this statement, and how many the day has
 * </pre>
 *
 * Deterministic, as recovery requires: the records derive from the close's journal entry, the
 * ledger's balances in its result, and the day's postings in the mailbox, which never change once
 * the day is closed (no later entry is booked on a closed day). Sequencer thread only; the close
 * reads each party's messages of the day once, newest first.
 */
public final class EndOfDayStatements implements MailboxComposer {
    /** The record format of an end-of-day statement in the mailbox. */
    public static final int FORMAT = 3;

    public static final String CAMT053 = MessageType.CAMT_053_001_08.messageDefinition();

    static final int RECORD_BYTES = 4 + 4 + 8 + 8 + 4 + 4;
    private static final long DAY_MS = 86_400_000L;

    private final Set<String> everyAccountParties;
    private final byte[] record = new byte[RECORD_BYTES];
    private Mailboxes mailboxes;
    /** Postings per currency of the party being closed: {@code currencies[i]} has {@code counts[i]}. */
    private int[] currencies = new int[8];

    private int[] counts = new int[8];
    private int currencyCount;
    private long dayStartMs;

    /** @param everyAccountParties parties that get a statement of each of their accounts every day */
    public EndOfDayStatements(Set<String> everyAccountParties) {
        this.everyAccountParties = Set.copyOf(everyAccountParties);
    }

    /** The mailboxes this composer writes to, which it reads the day's postings from; before the first close. */
    public void readFrom(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public void recipients(LedgerCommand command, RecipientSink sink) {
        // Only a day close writes statements, and the sequencer journals it without a room check:
        // a statement is never refused, one per account and day.
    }

    @Override
    public void compose(LedgerCommand command, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
        if (command.type() != CommandType.CLOSE_DAY || !result.applied || result.retry) {
            return;
        }
        int businessDay = ((CloseDayCommand) command).businessDay;
        dayStartMs = businessDay * DAY_MS;
        String party = null;
        long through = 0;
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) != LedgerEventType.DAY_CLOSED) {
                continue;
            }
            String owner = result.eventSubject(i);
            if (!owner.equals(party)) {
                party = owner;
                currencyCount = 0;
                through = mailboxes.readCreatedBetween(owner, dayStartMs, dayStartMs + DAY_MS, this::count);
            }
            int currency = result.eventCurrency(i);
            int postings = postingsIn(currency);
            if (postings == 0 && !everyAccountParties.contains(owner)) {
                continue;
            }
            int pages = Math.max(1, (postings + Camt053Statement.ENTRIES_MAX - 1) / Camt053Statement.ENTRIES_MAX);
            for (int page = 1; page <= pages; page++) {
                int length = record(currency, businessDay, result.eventAmountMinor(i), through, page, pages);
                sink.record(owner, CAMT053, FORMAT, record, 0, length);
            }
        }
    }

    /** A message of the party's day: counted when it is a posting's camt.054. */
    private void count(MailboxEntry entry) {
        if (!PostingNotices.isPosting(entry.format)) {
            return;
        }
        int currency = PostingNotices.currencyOf(entry);
        for (int i = 0; i < currencyCount; i++) {
            if (currencies[i] == currency) {
                counts[i]++;
                return;
            }
        }
        if (currencyCount == currencies.length) {
            currencies = Arrays.copyOf(currencies, currencyCount * 2);
            counts = Arrays.copyOf(counts, currencyCount * 2);
        }
        currencies[currencyCount] = currency;
        counts[currencyCount++] = 1;
    }

    private int postingsIn(int currency) {
        for (int i = 0; i < currencyCount; i++) {
            if (currencies[i] == currency) {
                return counts[i];
            }
        }
        return 0;
    }

    /** The record of one statement page, in {@link #record}. */
    private int record(int currency, int businessDay, long closingMinor, long through, int page, int pages) {
        int at = putInt(record, 0, currency);
        at = putInt(record, at, businessDay);
        at = putLong(record, at, closingMinor);
        at = putLong(record, at, through);
        at = putInt(record, at, page);
        return putInt(record, at, pages);
    }

    private static int putInt(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
        return at + 4;
    }

    private static int putLong(byte[] out, int at, long v) {
        putInt(out, at, (int) (v >>> 32));
        return putInt(out, at + 4, (int) v);
    }

    static int getInt(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }

    static long getLong(byte[] in, int at) {
        return ((long) getInt(in, at) << 32) | (getInt(in, at + 4) & 0xFFFF_FFFFL);
    }
}
