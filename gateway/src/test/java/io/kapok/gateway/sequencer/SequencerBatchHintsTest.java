package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.kapok.codecs.DecodeVerdict;
import io.kapok.codecs.pacs.Pacs008Decoder;
import io.kapok.codecs.pacs.Pacs008View;
import io.kapok.codecs.xml.XmlLimits;
import io.kapok.gateway.Gateway;
import io.kapok.gateway.TestConfigs;
import io.kapok.gateway.config.GatewayConfig;
import io.kapok.gateway.http.PendingResponse;
import io.kapok.gateway.journal.JournalDigest;
import io.kapok.ledger.payment.TransferCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequencer thread hints each batch of payments the ring hands it to the ledger before handling
 * them ({@link SequencerHandler#prefetchFrom}); a hint must change nothing. The same payments,
 * published before the sequencer starts so that they reach it as one batch, are decided by one
 * sequencer with hints and one without: the same answers, the same state hash.
 */
class SequencerBatchHintsTest {
    private static final int PAYMENTS = 200;
    private static final long RECEIVE_TIME_MS = System.currentTimeMillis();

    @TempDir
    Path withHints;

    @TempDir
    Path withoutHints;

    @Test
    void aBatchHintedToTheLedgerIsDecidedExactlyAsWithoutHints() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("..", "config", "samples", "pacs008.xml"));
        Run hinted = run(withHints, sample, true);
        Run plain = run(withoutHints, sample, false);

        assertEquals(plain.answers, hinted.answers);
        assertEquals(plain.stateHash, hinted.stateHash);
        assertTrue(
                hinted.hinted >= PAYMENTS - PAYMENTS / SequencerHandler.PREFETCH_PAYMENTS, "hinted: " + hinted.hinted);
        assertEquals(0, plain.hinted);
        // The mix: settled payments, retries answered as decided, reuses of an id refused.
        assertTrue(plain.answers.stream().anyMatch(a -> a.startsWith("applied")), plain.answers.toString());
        assertTrue(plain.answers.stream().anyMatch(a -> a.contains("DUPLICATE")), plain.answers.toString());
    }

    private record Run(List<String> answers, String stateHash, long hinted) {}

    private static Run run(Path dir, byte[] sample, boolean hints) throws Exception {
        GatewayConfig config = TestConfigs.defaults(dir);
        Pacs008View template = new Pacs008View();
        DecodeVerdict verdict = new DecodeVerdict();
        assertTrue(new Pacs008Decoder(XmlLimits.DEFAULTS).decode(sample, 0, sample.length, template, verdict));
        byte[] digest = new byte[JournalDigest.LENGTH_BYTES];
        JournalDigest.digest(config.journalDigest().newDigest(), sample, 0, sample.length, digest);

        SequencerHandler sequencer = new SequencerHandler(config, dir);
        Disruptor<InboundEvent> disruptor = new Disruptor<>(
                InboundEvent::new,
                1024,
                r -> new Thread(r, "kapok-sequencer-test"),
                ProducerType.SINGLE,
                Gateway.waitStrategy(config.sequencer().waitStrategy()));
        disruptor.handleEventsWith(sequencer);
        if (hints) {
            sequencer.prefetchFrom(disruptor.getRingBuffer());
        }
        String[] answers = new String[PAYMENTS];
        RingBuffer<InboundEvent> ring = disruptor.getRingBuffer();
        PartyIds parties = new PartyIds();
        for (int i = 0; i < PAYMENTS; i++) {
            long slot = ring.next();
            InboundEvent event = ring.get(slot);
            event.kind(InboundEvent.Kind.PAYMENT);
            event.payment().copyFrom(template);
            // Every seventh payment repeats the one before (a retry); every eleventh reuses its ids
            // for another amount (refused as a duplicate); the others are new.
            int id = i % 7 == 6 ? i - 1 : i;
            event.payment().messageId().set("HINT-" + id);
            event.payment().uetr().set(new UUID(0x1234_5678_9ABC_4DEFL, 0x8000_0000_0000_0000L | id).toString());
            TransferCommand c = PaymentCommands.newCommand(
                    parties.bic(template.hasAppHdr() ? template.fromBic() : template.instructingAgentBic()),
                    event.payment(),
                    parties);
            if (i % 11 == 10) {
                c.messageId = "HINT-" + (i - 1);
                c.uetr = new UUID(0x1234_5678_9ABC_4DEFL, 0x8000_0000_0000_0000L | (i - 1)).toString();
                c.amountMinor = c.amountMinor + 1;
                c.computeKeys();
            }
            event.transfer(c);
            event.senderId(c.senderId);
            event.swapRaw(sample.clone(), sample.length);
            System.arraycopy(digest, 0, event.messageDigest, 0, digest.length);
            event.receiveTimeMs = RECEIVE_TIME_MS + i;
            int n = i;
            event.response(new PendingResponse(r -> answers[n] = r.unavailableReason() != null
                    ? "unavailable " + r.unavailableReason()
                    : (r.applied() ? "applied " : "refused " + r.rejection() + " ") + r.decisionSequence()));
            ring.publish(slot);
        }
        disruptor.start();
        try {
            sequencer.awaitStarted(TimeUnit.MINUTES.toMillis(1));
        } finally {
            disruptor.shutdown(1, TimeUnit.MINUTES);
        }
        for (String a : answers) {
            assertTrue(a != null && !a.startsWith("unavailable"), String.valueOf(a));
        }
        // shutdown() stopped the sequencer thread (its onShutdown closed the journal): the ledger is still.
        String hash = sequencer.stateHashHex();
        long hinted = sequencer.hintedPayments();
        return new Run(List.of(answers), hash, hinted);
    }
}
