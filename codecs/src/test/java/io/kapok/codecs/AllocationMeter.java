package io.kapok.codecs;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates while a piece of code runs, from the JVM's per-thread
 * allocation counter (HotSpot's {@code com.sun.management.ThreadMXBean}): proof that a warm hot
 * path allocates nothing per message, without JMH.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {}

    /** Bytes allocated by this thread while {@code work} ran {@code times} times. */
    public static long bytesAllocated(int times, Runnable work) {
        long threadId = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(threadId);
        for (int i = 0; i < times; i++) {
            work.run();
        }
        return THREADS.getThreadAllocatedBytes(threadId) - before;
    }
}
