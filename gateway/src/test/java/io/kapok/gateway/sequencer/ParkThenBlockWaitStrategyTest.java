package io.kapok.gateway.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The sequencer's default wait strategy on a real Disruptor ring, through all three of its phases. */
class ParkThenBlockWaitStrategyTest {
    private static final class Slot {
        int producer;
        long value;
    }

    /** Per producer, the values in the order the consumer saw them must be 0, 1, 2... */
    private static final class OrderCheck implements EventHandler<Slot> {
        final long[] next;
        final CountDownLatch done;
        final AtomicReference<String> failure = new AtomicReference<>();
        volatile Thread thread;

        OrderCheck(int producers, long total) {
            next = new long[producers];
            done = new CountDownLatch((int) total);
        }

        @Override
        public void onStart() {
            thread = Thread.currentThread();
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            if (slot.value != next[slot.producer]) {
                failure.compareAndSet(
                        null,
                        "producer " + slot.producer + ": got " + slot.value + ", expected " + next[slot.producer]);
            }
            next[slot.producer] = slot.value + 1;
            done.countDown();
        }
    }

    private static Disruptor<Slot> ring(ParkThenBlockWaitStrategy strategy, OrderCheck check) {
        Disruptor<Slot> disruptor =
                new Disruptor<>(Slot::new, 1024, r -> new Thread(r, "test-sequencer"), ProducerType.MULTI, strategy);
        disruptor.handleEventsWith(check);
        disruptor.start();
        return disruptor;
    }

    private static void publish(RingBuffer<Slot> ring, int producer, long value) {
        long seq = ring.next();
        Slot s = ring.get(seq);
        s.producer = producer;
        s.value = value;
        ring.publish(seq);
    }

    @Test
    void bursts_and_silences_from_two_producers_are_all_taken_in_order() throws Exception {
        int producers = 2;
        int perProducer = 20_000;
        OrderCheck check = new OrderCheck(producers, (long) producers * perProducer);
        // A 200 µs quiet spell before blocking, and pauses up to 2 ms between bursts: the sequencer
        // spins, parks and blocks many times over.
        Disruptor<Slot> disruptor = ring(new ParkThenBlockWaitStrategy(TimeUnit.MICROSECONDS.toNanos(200)), check);
        try {
            Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++) {
                int producer = p;
                threads[p] = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(42 + producer);
                    long value = 0;
                    while (value < perProducer) {
                        int burst = 1 + random.nextInt(64);
                        for (int i = 0; i < burst && value < perProducer; i++) {
                            publish(disruptor.getRingBuffer(), producer, value++);
                        }
                        if (random.nextInt(8) == 0) {
                            LockSupport.parkNanos(random.nextLong(TimeUnit.MILLISECONDS.toNanos(2)));
                        }
                    }
                });
                threads[p].start();
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            assertTrue(check.done.await(60, TimeUnit.SECONDS), "events left untaken: " + check.done.getCount());
            assertEquals(null, check.failure.get());
        } finally {
            disruptor.halt();
        }
    }

    @Test
    void a_sequencer_blocked_after_a_silence_is_woken_by_the_next_message() throws Exception {
        OrderCheck check = new OrderCheck(1, 3);
        Disruptor<Slot> disruptor = ring(new ParkThenBlockWaitStrategy(TimeUnit.MICROSECONDS.toNanos(100)), check);
        try {
            for (long value = 0; value < 3; value++) {
                awaitBlocked(check);
                publish(disruptor.getRingBuffer(), 0, value);
            }
            assertTrue(check.done.await(10, TimeUnit.SECONDS), "a published message did not wake the sequencer");
            assertEquals(null, check.failure.get());
        } finally {
            disruptor.halt();
        }
    }

    @Test
    void halting_the_ring_ends_a_blocked_sequencer() throws Exception {
        OrderCheck check = new OrderCheck(1, 0);
        Disruptor<Slot> disruptor = ring(new ParkThenBlockWaitStrategy(TimeUnit.MICROSECONDS.toNanos(100)), check);
        awaitBlocked(check);
        disruptor.halt();
        check.thread.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(Thread.State.TERMINATED, check.thread.getState());
    }

    /** Waits until the consumer thread waits on the strategy's lock: the blocking phase. */
    private static void awaitBlocked(OrderCheck check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (check.thread == null || check.thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the sequencer never reached the blocking phase");
            Thread.sleep(1);
        }
    }
}
