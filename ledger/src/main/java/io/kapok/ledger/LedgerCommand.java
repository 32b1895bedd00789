package io.kapok.ledger;

/**
 * A command the ledger applies. Commands are mutable and reusable: the sequencer fills one, the
 * ledger applies it, the next message overwrites it. Every command carries the journal sequence it
 * was assigned and the receive time from the journal, the only clock the ledger knows.
 */
public abstract class LedgerCommand {
    /** Journal sequence, 1-based, strictly increasing by one. */
    public long sequence;
    /** Receive time, epoch milliseconds UTC, as journaled. */
    public long timeMs;

    /** Which kind of command this is; stable, written to the journal. */
    public abstract CommandType type();
}
