package io.kapok.gateway.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A party's index of its messages' queue indexes: every sequence finds its own index across the
 * first chunk's doublings and the whole chunks after it, after a restart that numbers on past
 * messages retention removed, and while a reader on another thread looks them up as they are
 * appended.
 */
class PartyMailboxTest {
    /** A queue index no real message has at that sequence: each sequence's own. */
    private static long indexOf(long sequence) {
        return 0x5A00_0000_0000_0000L + sequence * 7;
    }

    @Test
    void everySequenceFindsItsIndexAcrossChunks() {
        PartyMailbox mailbox = new PartyMailbox("PRBKCNGZXXX");
        long messages = 3L * PartyMailbox.CHUNK_LENGTH + 17;
        for (long s = 1; s <= messages; s++) {
            mailbox.append(indexOf(s));
            assertEquals(s, mailbox.lastSequence());
            assertEquals(indexOf(s), mailbox.queueIndex(s), "just appended: " + s);
        }
        for (long s = 1; s <= messages; s++) {
            assertEquals(indexOf(s), mailbox.queueIndex(s), "sequence " + s);
        }
    }

    @Test
    void aRestartPastRemovedMessagesNumbersOnAndFindsTheRest() {
        PartyMailbox mailbox = new PartyMailbox("PRBKCNGZXXX");
        long removed = 5L * PartyMailbox.CHUNK_LENGTH - 3; // not on a chunk boundary
        mailbox.restoreRemoved(removed);
        assertEquals(removed, mailbox.lastSequence());
        assertEquals(removed + 1, mailbox.firstRetainedSequence());
        long last = removed + PartyMailbox.CHUNK_LENGTH + 10;
        for (long s = removed + 1; s <= last; s++) {
            mailbox.append(indexOf(s));
        }
        assertEquals(last, mailbox.lastSequence());
        for (long s = removed + 1; s <= last; s++) {
            assertEquals(indexOf(s), mailbox.queueIndex(s), "sequence " + s);
        }
    }

    @Test
    @Timeout(60)
    void aReaderOnAnotherThreadFindsEveryIndexUpToTheSequenceItRead() throws Exception {
        PartyMailbox mailbox = new PartyMailbox("PRBKCNGZXXX");
        long messages = 4L * PartyMailbox.CHUNK_LENGTH;
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(7);
            long checks = 0;
            while (wrong.get() == null) {
                long last = mailbox.lastSequence();
                if (last == 0) {
                    continue;
                }
                // The newest one, and one anywhere before it.
                for (long s : new long[] {last, 1 + random.nextLong(last)}) {
                    long index = mailbox.queueIndex(s);
                    if (index != indexOf(s)) {
                        wrong.set("sequence " + s + " (last " + last + ") read " + Long.toHexString(index));
                    }
                }
                checks++;
                if (last == messages && checks > 1000) {
                    return;
                }
            }
        });
        reader.start();
        for (long s = 1; s <= messages; s++) {
            mailbox.append(indexOf(s));
        }
        reader.join();
        assertNull(wrong.get());
        assertTrue(mailbox.lastSequence() == messages);
    }
}
