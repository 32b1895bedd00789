package io.kapok.gateway.flow;

import io.kapok.codecs.MessageType;
import io.kapok.codecs.camt.Camt053Statement;
import io.kapok.gateway.mailbox.MailboxComposer;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.MailboxRecordObserver;
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
 *  currency               int32   the account's, ISO 4217 letters packed one byte each
 *  businessDay            int32   the day reported, days since 1970-01-01 (UTC)
 *  openingBalanceMinor    int64   the account's balance before this page's first entry
 *  fromPartySequence      int64   the owner's mailbox message of this page's first posting
 *  throughPartySequence   int64   ... and of its last (from &gt; through: no entries)
 *  page, pages            int32   1-based page of this statement, and how many the day has
 * </pre>
 *
 * The sequencer counts each posting as it is written ({@link #recordWritten}): per account, how
 * many, and per page of {@value Camt053Statement#ENTRIES_MAX} the mailbox range and the sum, so a
 * close costs O(accounts and pages), not a pass over the day's messages. The count is rebuilt at
 * start-up from the open day's postings in the mailbox ({@link #tallyFrom}); a close composed during
 * recovery reads its day's postings from the mailbox in one pass instead. A page renders from its
 * own range of the mailbox only. Deterministic, as recovery
 * requires: the records derive from the close's journal entry, the ledger's balances in its result,
 * and the day's postings in the mailbox, which never change once the day is closed (no later entry
 * is booked on a closed day). Sequencer thread only.
 */
public final class EndOfDayStatements implements MailboxComposer, MailboxRecordObserver {
    /** The record format of an end-of-day statement in the mailbox. */
    public static final int FORMAT = 3;

    public static final String CAMT053 = MessageType.CAMT_053_001_08.messageDefinition();

    static final int RECORD_BYTES = 4 + 4 + 8 + 8 + 8 + 4 + 4;
    private static final long DAY_MS = 86_400_000L;

    private final Set<String> everyAccountParties;
    private final byte[] record = new byte[RECORD_BYTES];
    private DayMessages mailboxes;
    /**
     * The postings of {@link #tallyDay} by owner: counted as they are written while {@link
     * #tallying}, or read from the mailbox by a close that cannot trust the count (during recovery).
     */
    private final java.util.HashMap<String, Postings> postingsByOwner = new java.util.HashMap<>();
    /**
     * Set by {@link #tallyFrom} once recovery is over: from then on every posting written is counted
     * ({@link #recordWritten}), so a close reads nothing back. Before it, and should a posting of an
     * earlier day than the one counted ever be written, a close reads the day's postings from the
     * mailbox.
     */
    private boolean tallying;
    /** The business day {@link #postingsByOwner} counts while {@link #tallying}. */
    private long tallyDay = Long.MIN_VALUE;

    /**
     * One owner's postings of the day per currency, as the pages of its statement: {@code
     * currencies[c]} has {@code counts[c]} postings; page {@code p} (0-based, {@value
     * Camt053Statement#ENTRIES_MAX} postings each) runs from mailbox sequence {@code from[c][p]}
     * through {@code through[c][p]} and its signed amounts add up to {@code sumMinor[c][p]}. A day
     * costs a few words per account and per page, not per posting.
     */
    private static final class Postings {
        int[] currencies = new int[4];
        int[] counts = new int[4];
        long[][] from = new long[4][];
        long[][] through = new long[4][];
        long[][] sumMinor = new long[4][];
        int currencyCount;

        int slotOf(int currency) {
            for (int c = 0; c < currencyCount; c++) {
                if (currencies[c] == currency) {
                    return c;
                }
            }
            return -1;
        }

        void add(int currency, long sequence, long amountMinor) {
            int c = slotOf(currency);
            if (c < 0) {
                if (currencyCount == currencies.length) {
                    currencies = Arrays.copyOf(currencies, currencyCount * 2);
                    counts = Arrays.copyOf(counts, currencyCount * 2);
                    from = Arrays.copyOf(from, currencyCount * 2);
                    through = Arrays.copyOf(through, currencyCount * 2);
                    sumMinor = Arrays.copyOf(sumMinor, currencyCount * 2);
                }
                c = currencyCount++;
                currencies[c] = currency;
                from[c] = new long[4];
                through[c] = new long[4];
                sumMinor[c] = new long[4];
            }
            int n = counts[c];
            int page = n / Camt053Statement.ENTRIES_MAX;
            if (n % Camt053Statement.ENTRIES_MAX == 0) {
                if (page == from[c].length) {
                    from[c] = Arrays.copyOf(from[c], page * 2);
                    through[c] = Arrays.copyOf(through[c], page * 2);
                    sumMinor[c] = Arrays.copyOf(sumMinor[c], page * 2);
                }
                from[c][page] = sequence;
                sumMinor[c][page] = 0;
            }
            through[c][page] = sequence;
            sumMinor[c][page] = Math.addExact(sumMinor[c][page], amountMinor);
            counts[c] = n + 1;
        }

        int pages(int c) {
            return c < 0 ? 0 : (counts[c] + Camt053Statement.ENTRIES_MAX - 1) / Camt053Statement.ENTRIES_MAX;
        }
    }

    /** @param everyAccountParties parties that get a statement of each of their accounts every day */
    public EndOfDayStatements(Set<String> everyAccountParties) {
        this.everyAccountParties = Set.copyOf(everyAccountParties);
    }

    /**
     * Where the day's postings are read, before the first close: the mailboxes this composer writes
     * to ({@link Mailboxes#readCreatedBetween(long, long, java.util.function.Consumer)}).
     */
    public void readFrom(DayMessages mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** Every party's compact mailbox records created in {@code [fromTimeMs, toTimeMs)}, in the order written. */
    @FunctionalInterface
    public interface DayMessages {
        void read(long fromTimeMs, long toTimeMs, java.util.function.Consumer<MailboxEntry> sink);
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
        if (tallying && tallyDay <= businessDay) {
            if (tallyDay < businessDay) {
                postingsByOwner.clear(); // every posting is counted: none was written that day
            }
        } else {
            tallying = false; // recovery, or a day counted that is not this one: read the day back
            postingsByOwner.clear();
            long dayStartMs = businessDay * DAY_MS;
            mailboxes.read(dayStartMs, dayStartMs + DAY_MS, this::keep);
        }
        tallyDay = businessDay;
        for (int i = 0; i < result.eventCount(); i++) {
            if (result.eventType(i) != LedgerEventType.DAY_CLOSED) {
                continue;
            }
            String owner = result.eventSubject(i);
            Postings p = postingsByOwner.get(owner);
            int c = p == null ? -1 : p.slotOf(result.eventCurrency(i));
            if (c < 0 && !everyAccountParties.contains(owner)) {
                continue;
            }
            statements(owner, result.eventCurrency(i), businessDay, result.eventAmountMinor(i), p, c, sink);
        }
        postingsByOwner.clear();
    }

    /** A message of the day read back: kept when it is a posting's camt.054. */
    private void keep(MailboxEntry entry) {
        if (PostingNotices.isPosting(entry.format)) {
            count(entry.recipientPartyId, entry.partySequence, entry.bytes, 0);
        }
    }

    private void count(String owner, long partySequence, byte[] record, int offset) {
        postingsByOwner
                .computeIfAbsent(owner, o -> new Postings())
                .add(
                        PostingNotices.currencyOf(record, offset),
                        partySequence,
                        PostingNotices.signedAmountOf(record, offset));
    }

    /**
     * Start-up, once recovery has written every message the journal holds: the postings of {@code
     * openDay} (the ledger's open business day; 0 for none) written so far are read from the
     * mailbox, once, and from now on each posting is counted as it is written, so that a close costs
     * O(accounts) on the sequencer, not a pass over the day's messages.
     */
    public void tallyFrom(long openDay) {
        postingsByOwner.clear();
        tallyDay = openDay;
        if (openDay > 0) {
            long dayStartMs = openDay * DAY_MS;
            mailboxes.read(dayStartMs, dayStartMs + DAY_MS, this::keep);
        }
        tallying = true;
    }

    @Override
    public void recordWritten(
            String recipientPartyId,
            long partySequence,
            long createdTimeMs,
            int format,
            byte[] bytes,
            int offset,
            int length) {
        if (!tallying || !PostingNotices.isPosting(format)) {
            return;
        }
        long day = Math.floorDiv(createdTimeMs, DAY_MS);
        if (day != tallyDay) {
            postingsByOwner.clear();
            if (day < tallyDay) {
                tallying = false; // never booked on a closed day; should it happen, the close reads back
                return;
            }
            tallyDay = day; // the first posting of a later day: the day before is closed
        }
        count(recipientPartyId, partySequence, bytes, offset);
    }

    /**
     * The pages of one account's statement: page p lists the day's postings {@code [(p-1) × max, p
     * × max)}, oldest first, and opens with the balance before its first one.
     */
    private void statements(
            String owner, int currency, int businessDay, long closingMinor, Postings p, int c, OutboundSink sink) {
        int counted = p == null ? 0 : p.pages(c);
        long dayMinor = 0;
        for (int k = 0; k < counted; k++) {
            dayMinor = Math.addExact(dayMinor, p.sumMinor[c][k]);
        }
        long openingMinor = Math.subtractExact(closingMinor, dayMinor);
        int pages = Math.max(1, counted);
        for (int page = 1; page <= pages; page++) {
            long from = counted == 0 ? 1 : p.from[c][page - 1];
            long through = counted == 0 ? 0 : p.through[c][page - 1];
            int length = record(currency, businessDay, openingMinor, from, through, page, pages);
            sink.record(owner, CAMT053, FORMAT, record, 0, length);
            if (counted > 0) {
                openingMinor = Math.addExact(openingMinor, p.sumMinor[c][page - 1]);
            }
        }
    }

    /** The record of one statement page, in {@link #record}. */
    private int record(int currency, int businessDay, long openingMinor, long from, long through, int page, int pages) {
        int at = putInt(record, 0, currency);
        at = putInt(record, at, businessDay);
        at = putLong(record, at, openingMinor);
        at = putLong(record, at, from);
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
