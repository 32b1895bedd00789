package io.kapok.gateway.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CashBalance8;
import io.kapok.codecs.camt.Camt053Statement;
import io.kapok.gateway.mailbox.MailboxComposer;
import io.kapok.gateway.mailbox.MailboxEntry;
import io.kapok.gateway.mailbox.MailboxLookup;
import io.kapok.ledger.Currencies;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.day.CloseDayCommand;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An end-of-day statement record renders, from the day's posting records in the same mailbox, to
 * camt.053s that Prowide reads: the day's postings on its account only, in pages of {@value
 * Camt053Statement#ENTRIES_MAX} that each reconcile and chain up to the balance at the day's end.
 */
class PlatformNoticeRendererTest {
    private static final String PLATFORM = "KAPKCNGZXXX";
    private static final String OWNER = "VHBKHKHHXXX";
    private static final int DAY = 20_415;
    private static final long DAY_START_MS = DAY * 86_400_000L;

    /** The owner's mailbox: message n is {@code messages.get(n - 1)}. */
    private final List<MailboxEntry> messages = new ArrayList<>();

    private final PostingNotices postings = new PostingNotices(PLATFORM);
    private final MailboxLookup lookup = new MailboxLookup() {
        @Override
        public long firstRetainedSequence() {
            return 1;
        }

        @Override
        public void read(long sequence, MailboxEntry into) {
            MailboxEntry e = messages.get((int) sequence - 1);
            into.recipientPartyId = e.recipientPartyId;
            into.partySequence = e.partySequence;
            into.inboundSequence = e.inboundSequence;
            into.messageType = e.messageType;
            into.createdTimeMs = e.createdTimeMs;
            into.format = e.format;
            into.bytes = Arrays.copyOf(e.bytes, e.length);
            into.length = e.length;
        }
    };

    private MailboxEntry add(long createdTimeMs, int format, byte[] bytes, int length, String type) {
        MailboxEntry e = new MailboxEntry();
        e.recipientPartyId = OWNER;
        e.partySequence = messages.size() + 1;
        e.inboundSequence = 100 + messages.size();
        e.messageType = type;
        e.createdTimeMs = createdTimeMs;
        e.format = format;
        e.bytes = Arrays.copyOf(bytes, length);
        e.length = length;
        messages.add(e);
        return e;
    }

    private void posting(long createdTimeMs, String currency, long signedMinor) {
        int length = postings.record(Currencies.pack(currency), signedMinor, 1, null, "M-" + messages.size(), "E");
        add(createdTimeMs, PostingNotices.FORMAT, postings.recordBytes(), length, FlowNotifications.CAMT054);
    }

    /**
     * The statements a close of {@link #DAY} writes for the owner's {@code currency} account, whose
     * balance at the day's end is {@code closingMinor}, appended to the mailbox as the close writes them.
     */
    private List<MailboxEntry> close(String currency, long closingMinor, Set<String> everyAccount) {
        // A ledger with the owner's one account, its balance at the day's end, closing the day.
        io.kapok.ledger.Ledger ledger = new io.kapok.ledger.Ledger();
        LedgerResult result = new LedgerResult();
        io.kapok.ledger.party.RegisterPartyCommand party = new io.kapok.ledger.party.RegisterPartyCommand();
        party.partyId = OWNER;
        party.name = OWNER;
        party.roles = io.kapok.ledger.party.PartyRole.BANK.bit();
        io.kapok.ledger.party.OpenAccountCommand account = new io.kapok.ledger.party.OpenAccountCommand();
        account.partyId = OWNER;
        account.currency = Currencies.pack(currency);
        account.openingBalanceMinor = closingMinor;
        CloseDayCommand c = new CloseDayCommand();
        c.businessDay = DAY;
        io.kapok.ledger.LedgerCommand[] commands = {party, account, c};
        for (int i = 0; i < commands.length; i++) {
            commands[i].sequence = i + 1;
            commands[i].timeMs = i < 2 ? DAY_START_MS + 1 : DAY_START_MS + 86_400_000L + 5;
            ledger.apply(commands[i], result);
            assertTrue(result.applied, result::toString);
        }
        EndOfDayStatements composer = new EndOfDayStatements(everyAccount);
        composer.readFrom((fromMs, toMs, sink) -> {
            for (MailboxEntry e : messages) {
                if (e.createdTimeMs >= fromMs && e.createdTimeMs < toMs) {
                    sink.accept(e);
                }
            }
        });
        List<MailboxEntry> written = new ArrayList<>();
        composer.compose(c, new byte[0], 0, result, new MailboxComposer.OutboundSink() {
            @Override
            public void message(String recipient, String type, byte[] bytes, int offset, int length) {
                throw new AssertionError("a close writes records only");
            }

            @Override
            public void record(String recipient, String type, int format, byte[] record, int offset, int length) {
                assertEquals(OWNER, recipient);
                assertEquals(EndOfDayStatements.FORMAT, format);
                written.add(add(c.timeMs, format, Arrays.copyOfRange(record, offset, offset + length), length, type));
            }
        });
        for (MailboxEntry e : written) {
            e.inboundSequence = c.sequence;
        }
        return written;
    }

    private AccountStatement9 rendered(MailboxEntry e) {
        new PlatformNoticeRenderer(PLATFORM).render(e, lookup);
        String xml = new String(e.bytes, 0, e.length, StandardCharsets.UTF_8);
        return MxCamt05300108.parse(xml).getBkToCstmrStmt().getStmt().get(0);
    }

    private static BigDecimal balance(CashBalance8 b) {
        BigDecimal amount = b.getAmt().getValue();
        return b.getCdtDbtInd().value().equals("DBIT") ? amount.negate() : amount;
    }

    @Test
    void aStatementListsTheDaysPostingsOnItsAccountOnlyAndOpensWithTheBalanceBefore() {
        posting(DAY_START_MS - 1, "CNY", 999_00L); // the day before
        posting(DAY_START_MS, "CNY", 1_000_00L);
        posting(DAY_START_MS + 5_000, "USD", -7_00L); // another account
        posting(DAY_START_MS + 9_000, "CNY", -250_00L);
        List<MailboxEntry> written = close("CNY", 10_750_00L, Set.of());
        assertEquals(1, written.size());

        AccountStatement9 stmt = rendered(written.get(0));

        assertEquals(2, stmt.getNtry().size());
        assertEquals("KPKN101-1", stmt.getNtry().get(0).getNtryRef());
        assertEquals("KPKN103-1", stmt.getNtry().get(1).getNtryRef());
        assertEquals(
                0, new BigDecimal("10000.00").compareTo(balance(stmt.getBal().get(0))));
        assertEquals(
                0, new BigDecimal("10750.00").compareTo(balance(stmt.getBal().get(1))));
        assertEquals("KPKE3-CNY", stmt.getId());
        assertEquals(0, close("MOP", 5_00L, Set.of()).size(), "no posting on the account: no statement");
        AccountStatement9 quiet = rendered(close("MOP", 5_00L, Set.of(OWNER)).get(0));
        assertEquals(0, quiet.getNtry().size(), "every account: a statement without entries");
        assertEquals(0, new BigDecimal("5.00").compareTo(balance(quiet.getBal().get(0))));
    }

    @Test
    void aDayOfMorePostingsThanOneStatementHoldsIsReportedInPagesThatChain() {
        int postingsOfTheDay = Camt053Statement.ENTRIES_MAX + 3;
        for (int i = 0; i < postingsOfTheDay; i++) {
            posting(DAY_START_MS + i, "HKD", i % 2 == 0 ? 100_00L : -30_00L);
        }
        List<MailboxEntry> written = close("HKD", 1_000_000_00L, Set.of());
        assertEquals(2, written.size());
        MailboxEntry first = written.get(0);
        MailboxEntry second = written.get(1);

        AccountStatement9 page1 = rendered(first);
        AccountStatement9 page2 = rendered(second);

        assertEquals(Camt053Statement.ENTRIES_MAX, page1.getNtry().size());
        assertEquals(3, page2.getNtry().size());
        assertEquals(
                0,
                balance(page1.getBal().get(1)).compareTo(balance(page2.getBal().get(0))),
                "pages chain");
        assertEquals(
                0, new BigDecimal("1000000.00").compareTo(balance(page2.getBal().get(1))));
        assertEquals("KPKE3-HKD-1", page1.getId());
        assertEquals("KPKE3-HKD-2", page2.getId());
    }

    @Test
    void theSameRecordRendersToTheSameBytesEveryTime() {
        posting(DAY_START_MS + 1, "CNY", 1_00L);
        MailboxEntry a = close("CNY", 1_00L, Set.of()).get(0);
        byte[] record = Arrays.copyOf(a.bytes, a.length);
        rendered(a);
        MailboxEntry b = add(a.createdTimeMs, EndOfDayStatements.FORMAT, record, record.length, a.messageType);
        b.inboundSequence = a.inboundSequence;
        rendered(b);
        assertArrayEquals(Arrays.copyOf(a.bytes, a.length), Arrays.copyOf(b.bytes, b.length));
        assertThrows(
                IllegalStateException.class,
                () -> new PlatformNoticeRenderer(PLATFORM).render(a),
                "a statement record renders only with its mailbox");
    }
}
