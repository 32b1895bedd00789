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
 *  currency               int32   the account's, ISO 4217 letters packed one byte each
 *  businessDay            int32   the day reported, days since 1970-01-01 (UTC)
 *  openingBalanceMinor    int64   the account's balance before this page's first entry
 *  fromPartySequence      int64   the owner's mailbox message of this page's first posting
 *  throughPartySequence   int64   ... and of its last (from &gt; through: no entries)
 *  page, pages            int32   1-based page of this statement, and how many the day has
 * </pre>
 *
 * The close reads the day's messages of every party in one pass over the mailbox queue, on the
 * sequencer thread (O(the day's messages), keeping each posting's mailbox sequence and amount until
 * the records are written); a page renders from its own range of the mailbox only. Deterministic, as recovery
 * requires: the records derive from the close's journal entry, the ledger's balances in its result,
 * and the day's postings in the mailbox, which never change once the day is closed (no later entry
 * is booked on a closed day). Sequencer thread only.
 */
public final class EndOfDayStatements implements MailboxComposer {
    /** The record format of an end-of-day statement in the mailbox. */
    public static final int FORMAT = 3;

    public static final String CAMT053 = MessageType.CAMT_053_001_08.messageDefinition();

    static final int RECORD_BYTES = 4 + 4 + 8 + 8 + 8 + 4 + 4;
    private static final long DAY_MS = 86_400_000L;

    private final Set<String> everyAccountParties;
    private final byte[] record = new byte[RECORD_BYTES];
    private DayMessages mailboxes;
    /** The day's postings by owner, while a close runs; emptied after. */
    private final java.util.HashMap<String, Postings> postingsByOwner = new java.util.HashMap<>();

    /**
     * One owner's postings of the day per currency: {@code currencies[c]} has {@code counts[c]}
     * postings, oldest first, at mailbox sequences {@code sequences[c]} with signed amounts {@code
     * amountsMinor[c]}.
     */
    private static final class Postings {
        int[] currencies = new int[4];
        int[] counts = new int[4];
        long[][] sequences = new long[4][];
        long[][] amountsMinor = new long[4][];
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
                    sequences = Arrays.copyOf(sequences, currencyCount * 2);
                    amountsMinor = Arrays.copyOf(amountsMinor, currencyCount * 2);
                }
                c = currencyCount++;
                currencies[c] = currency;
                sequences[c] = new long[16];
                amountsMinor[c] = new long[16];
            }
            int n = counts[c];
            if (n == sequences[c].length) {
                sequences[c] = Arrays.copyOf(sequences[c], n * 2);
                amountsMinor[c] = Arrays.copyOf(amountsMinor[c], n * 2);
            }
            sequences[c][n] = sequence;
            amountsMinor[c][n] = amountMinor;
            counts[c] = n + 1;
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
        long dayStartMs = businessDay * DAY_MS;
        postingsByOwner.clear();
        mailboxes.read(dayStartMs, dayStartMs + DAY_MS, this::keep);
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

    /** A message of the day: kept when it is a posting's camt.054. */
    private void keep(MailboxEntry entry) {
        if (PostingNotices.isPosting(entry.format)) {
            postingsByOwner
                    .computeIfAbsent(entry.recipientPartyId, owner -> new Postings())
                    .add(PostingNotices.currencyOf(entry), entry.partySequence, PostingNotices.signedAmountOf(entry));
        }
    }

    /**
     * The pages of one account's statement: page p lists the day's postings {@code [(p-1) × max, p
     * × max)}, oldest first, and opens with the balance before its first one.
     */
    private void statements(
            String owner, int currency, int businessDay, long closingMinor, Postings p, int c, OutboundSink sink) {
        int n = c < 0 ? 0 : p.counts[c];
        long dayMinor = 0;
        for (int k = 0; k < n; k++) {
            dayMinor = Math.addExact(dayMinor, p.amountsMinor[c][k]);
        }
        long openingMinor = Math.subtractExact(closingMinor, dayMinor);
        int pages = Math.max(1, (n + Camt053Statement.ENTRIES_MAX - 1) / Camt053Statement.ENTRIES_MAX);
        for (int page = 1; page <= pages; page++) {
            int first = (page - 1) * Camt053Statement.ENTRIES_MAX;
            int end = Math.min(n, page * Camt053Statement.ENTRIES_MAX);
            long from = n == 0 ? 1 : p.sequences[c][first];
            long through = n == 0 ? 0 : p.sequences[c][end - 1];
            int length = record(currency, businessDay, openingMinor, from, through, page, pages);
            sink.record(owner, CAMT053, FORMAT, record, 0, length);
            for (int k = first; k < end; k++) {
                openingMinor = Math.addExact(openingMinor, p.amountsMinor[c][k]);
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
