package io.kapok.ledger;

/**
 * The ledger's own settings, as the first entry of a journal: how long, and how many, payment
 * decisions the duplicate window keeps ({@link Ledger#paymentRetentionMs()}, {@link
 * Ledger#paymentCapacity()}), and how many receivable-financing messages and their outcomes are
 * kept for as long ({@link Ledger#messageCapacity()}, {@link Ledger#messageOutcomeCapacity()}). Journaled rather than read from the configuration at each start, so a
 * replay decides every payment under the settings it was first decided under: a retry inside the
 * window, or a payment refused because the window was full, replays to the same answer and the same
 * state hash whatever the configuration says today. Applied only as entry 1 ({@link
 * LedgerRejection#SETTINGS_REFUSED} after it, or out of range); a journal without it keeps the
 * defaults ({@value Ledger#PAYMENT_RETENTION_DAYS_DEFAULT} days, {@value
 * Ledger#PAYMENT_CAPACITY_DEFAULT} decisions, {@value Ledger#MESSAGE_CAPACITY_DEFAULT} messages, {@value
 * Ledger#MESSAGE_ITEM_CAPACITY_DEFAULT} outcomes).
 */
public final class ConfigureLedgerCommand extends LedgerCommand {
    /** Days of journaled receive time a payment decision is kept, 1..{@value Ledger#PAYMENT_RETENTION_DAYS_MAX}. */
    public int paymentRetentionDays;
    /** Most payment decisions kept at once, 1..{@value io.kapok.ledger.payment.DecidedPayments#CAPACITY_MAX}. */
    public int paymentCapacity;
    /**
     * Most receivable-financing messages (tsin) kept at once for their retries, kept as long as
     * payments, 1..{@value io.kapok.ledger.receivable.DecidedMessages#CAPACITY_MAX}.
     */
    public int messageCapacity;
    /**
     * Most command outcomes of those messages kept at once, a power of two, 1..{@value
     * io.kapok.ledger.receivable.DecidedMessages#CAPACITY_MAX}.
     */
    public int messageOutcomeCapacity;

    @Override
    public CommandType type() {
        return CommandType.CONFIGURE_LEDGER;
    }
}
