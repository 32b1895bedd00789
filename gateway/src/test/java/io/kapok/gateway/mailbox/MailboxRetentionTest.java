package io.kapok.gateway.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kapok.gateway.config.ConfigLoader;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.config.GatewayConfig.Durability;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerResult;
import io.kapok.ledger.payment.TransferCommand;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mailbox retention on a real mailbox queue rolling every second: a cycle goes only once every
 * message in it is delivered (or past the hard maximum age, counted), the numbering and the
 * mailbox's coverage of the journal survive a restart, and polls still get every retained message.
 * Each cycle file the appender writes into has its chunk advised random as it enters it.
 */
@Timeout(60)
class MailboxRetentionTest {
    private static final String A = "PRBKCNGZXXX";
    private static final String B = "VHBKHKHHXXX";

    @TempDir
    Path dataDir;

    private final TransferCommand command = new TransferCommand();
    private final LedgerResult result = new LedgerResult();
    private long inbound;

    /** One message per command, to the command's credited party. */
    private static final class ToCreditParty implements MailboxComposer {
        @Override
        public void recipients(LedgerCommand command, RecipientSink sink) {
            sink.recipient(((TransferCommand) command).creditPartyId);
        }

        @Override
        public void compose(LedgerCommand command, byte[] raw, int rawLength, LedgerResult result, OutboundSink sink) {
            sink.message(((TransferCommand) command).creditPartyId, "test.001.001.01", raw, 0, rawLength);
        }
    }

    private static GatewayConfig.Mailbox limits(int keepCycles, int maxAgeDays) {
        return ConfigLoader.loadDefaults()
                .withMailboxRetention(new GatewayConfig.MailboxRetention("delete", keepCycles, 0, maxAgeDays, 3600))
                .mailbox();
    }

    private Mailboxes open(int maxAgeDays) {
        return Mailboxes.open(
                dataDir,
                TestRollCycles.TEST_SECONDLY.name(),
                Durability.MAPPED,
                limits(1, maxAgeDays),
                MailboxWriteHook.NONE,
                () -> MailboxRenderer.NONE,
                new ToCreditParty());
    }

    private void write(Mailboxes mailboxes, String party) {
        command.sequence = ++inbound;
        command.timeMs = 1_795_000_000_000L + inbound;
        command.creditPartyId = party;
        byte[] raw = ("<Msg n=\"" + inbound + "\"/>").getBytes(StandardCharsets.US_ASCII);
        mailboxes.append(command, -1, 0, raw, raw.length, result); // no journal here: messages are copied
        mailboxes.endBatch();
    }

    /** Three cycle files: A and B in the first, A in the second, B in the third. */
    private void writeThreeCycles(Mailboxes mailboxes) throws InterruptedException {
        // The first two writes must share a one-second cycle: start just after a second begins, so
        // that a slow machine does not split them across a cycle boundary.
        Thread.sleep(1_000 - System.currentTimeMillis() % 1_000 + 20);
        write(mailboxes, A);
        write(mailboxes, B);
        Thread.sleep(1_100);
        write(mailboxes, A);
        Thread.sleep(1_100);
        write(mailboxes, B);
    }

    private List<Path> cycleFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("mailbox"))) {
            return files.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    /** A poll's answer, read by a real mailbox reader thread. */
    private static String poll(Mailboxes mailboxes, String party, long after) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        MailboxPoll poll = new MailboxPoll(
                mailboxes.party(party),
                after,
                16,
                0,
                ImmediateEventExecutor.INSTANCE,
                (p, status, json) -> answer.complete(status + " " + new String(json, StandardCharsets.US_ASCII)));
        assertEquals(null, mailboxes.poll(poll));
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theAppenderAdvisesEachCycleFileItWritesIntoRandom() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "madvise as on Linux");
        assumeTrue(!Boolean.getBoolean("kapok.mappedReadAround"), "run without -Dkapok.mappedReadAround=true");
        try (Mailboxes mailboxes = open(0)) {
            writeThreeCycles(mailboxes);
            // Three cycle files, one chunk each: each entered once (AppendReadAround).
            assertEquals(3, mailboxes.chunksAdvisedRandom());
        }
    }

    @Test
    void deletesACycleOnlyOnceEveryMessageInItIsDelivered() throws Exception {
        try (Mailboxes mailboxes = open(0)) {
            writeThreeCycles(mailboxes);
            assertEquals(3, cycleFiles().size());
            mailboxes.party(A).markDelivered(2); // A has everything, B nothing
            assertEquals(0, mailboxes.retentionAgent().run(), "B's first message is undelivered");
            assertEquals(3, cycleFiles().size());

            mailboxes.party(B).markDelivered(1); // now the first cycle is delivered, B's second message not
            assertEquals(2, mailboxes.retentionAgent().run(), "the first two cycles; the newest is kept");
            assertEquals(1, cycleFiles().size());
            assertEquals(3, mailboxes.party(A).firstRetainedSequence());
            assertEquals(2, mailboxes.party(B).firstRetainedSequence());
            String answer = poll(mailboxes, B, 0);
            assertTrue(answer.startsWith("200 "), answer);
            assertTrue(answer.contains("\"sequence\": 2,") && !answer.contains("\"sequence\": 1,"), answer);
        }
        try (Mailboxes mailboxes = open(0)) {
            assertEquals(2, mailboxes.party(A).lastSequence(), "numbering survives the deleted cycles");
            assertEquals(2, mailboxes.party(A).deliveredSequence());
            assertEquals(2, mailboxes.party(B).lastSequence());
            assertEquals(1, mailboxes.party(B).deliveredSequence());
            assertEquals(4, mailboxes.lastInboundSequence(), "the mailbox still covers the journal up to 4");
            write(mailboxes, A);
            assertEquals(3, mailboxes.party(A).lastSequence());
            String answer = poll(mailboxes, A, 0);
            assertTrue(
                    answer.contains("{\"sequence\": 3, \"type\": \"test.001.001.01\", \"inboundSequence\": 5,"),
                    answer);
            assertTrue(answer.contains("\"nextAfter\": 3"), answer);
        }
    }

    @Test
    void pastTheMaximumAgeUndeliveredMessagesGoAndAreCounted() throws Exception {
        try (Mailboxes mailboxes = open(1)) {
            writeThreeCycles(mailboxes);
            mailboxes.party(A).markDelivered(2);
            long now = System.currentTimeMillis();
            assertEquals(0, mailboxes.retentionAgent().run(now), "B has not taken its messages");
            assertEquals(2, mailboxes.retentionAgent().run(now + TimeUnit.DAYS.toMillis(2)), "past maxAgeDays 1");
            MailboxRetention.State state = mailboxes.retention();
            assertEquals(1, state.undeliveredDropped(), "B's first message, never taken");
            assertEquals(1, mailboxes.party(B).deliveredSequence());
            assertEquals(2, mailboxes.party(B).firstRetainedSequence());
            assertEquals(1, mailboxes.party(B).undelivered(), "its message in the newest cycle stays");
        }
    }
}
