package io.kapok.gateway.journal;

/**
 * Called inside each Chronicle Queue document the journal writes, before any byte of the entry:
 * the boundary where the disk can fail. Production passes {@link #NONE}; a test passes one that
 * throws, to see the gateway answer "retry later" and recover exactly as it would on a full disk.
 * The sequencer's thread.
 */
@FunctionalInterface
public interface JournalWriteHook {
    JournalWriteHook NONE = sequence -> {};

    /** Throws to fail the append of the entry {@code sequence}; the document is rolled back. */
    void beforeWrite(long sequence);
}
