package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerRejection;
import java.util.Arrays;

/**
 * Records what the ledger decided on each command of one receivable-financing message (a tsin.001,
 * a letter's items…), journaled right after those commands, so that the same (sender, message id)
 * takes effect at most once: a retry of the message gets the original answer rebuilt from this
 * record, a different message under the same id is refused (see {@link DecidedMessages}).
 *
 * <p>Per command of the message, in journal order, one packed {@code long} and one subject id:
 *
 * <pre>
 *  bits 0-15   command type code ({@link CommandType#code()})
 *  bits 16-30  outcome: 0 not run, 1 applied, else the refusal's {@link LedgerRejection#number()}
 *  bit  31     accept (a DECIDE_FINANCING's FNCD, a CONFIRM_RECEIVABLE's confirmation)
 *  bits 32-63  reason code, four ASCII characters packed big-endian (a refused decision's), or 0
 *  subject     the receivable, financing, programme or party the command named
 * </pre>
 *
 * Reusable: {@link #clear()} keeps the arrays, which grow to the most commands seen.
 */
public final class RecordMessageCommand extends LedgerCommand {
    private static final int OUTCOME_NOT_RUN = 0;
    private static final int OUTCOME_APPLIED = 1;

    /** Who sent the message, as authenticated; with {@link #messageId}, the key. */
    public String senderId;
    /** The ISO 20022 message definition, e.g. {@code tsin.001.001.01}. */
    public String messageType;
    /** The sender's id of the message (its Document's id, which the BAH BizMsgIdr equals). */
    public String messageId;
    /** Everything the message says, in 64 bits: a retry has the same, a conflicting reuse another. */
    public long fingerprint;
    /** Journal sequence of the message's first command; its answer's id and time are that entry's. */
    public long firstSequence;

    private int count;
    private long[] packed = new long[8];
    private String[] subjects = new String[8];

    @Override
    public CommandType type() {
        return CommandType.RECORD_MESSAGE;
    }

    /** Forgets the commands (and the subjects' references); keeps the arrays. */
    public void clear() {
        Arrays.fill(subjects, 0, count, null);
        count = 0;
        senderId = null;
        messageType = null;
        messageId = null;
        fingerprint = 0;
        firstSequence = 0;
    }

    /**
     * Adds a command's outcome.
     *
     * @param ran false for a command that was not run (it needed the one before, which was refused)
     * @param rejection null when applied
     * @param reasonCode four ASCII characters packed big-endian, or 0
     */
    public void add(
            CommandType commandType,
            boolean ran,
            LedgerRejection rejection,
            String subjectId,
            boolean accept,
            int reasonCode) {
        int outcome = !ran ? OUTCOME_NOT_RUN : rejection == null ? OUTCOME_APPLIED : rejection.number();
        addPacked(pack(commandType.code(), outcome, accept, reasonCode), subjectId);
    }

    /** Adds a command's outcome as {@link #packedAt} gives it (decoding, snapshots). */
    public void addPacked(long packedOutcome, String subjectId) {
        if (count == packed.length) {
            packed = Arrays.copyOf(packed, count * 2);
            subjects = Arrays.copyOf(subjects, count * 2);
        }
        packed[count] = packedOutcome;
        subjects[count] = subjectId;
        count++;
    }

    /** Commands recorded. */
    public int count() {
        return count;
    }

    /** Command {@code i}'s outcome, packed as the class doc draws it. */
    public long packedAt(int i) {
        return packed[i];
    }

    public String subjectAt(int i) {
        return subjects[i];
    }

    static long pack(int commandCode, int outcome, boolean accept, int reasonCode) {
        return (long) reasonCode << 32
                | (accept ? 1L << 31 : 0)
                | (long) (outcome & 0x7FFF) << 16
                | commandCode & 0xFFFF;
    }

    /** The command type of a packed outcome. */
    public static CommandType commandType(long packed) {
        return CommandType.ofCode((int) packed & 0xFFFF);
    }

    /** False when the packed command was not run. */
    public static boolean ran(long packed) {
        return outcome(packed) != OUTCOME_NOT_RUN;
    }

    /** True when the packed command was applied. */
    public static boolean applied(long packed) {
        return outcome(packed) == OUTCOME_APPLIED;
    }

    /** The refusal of a packed command that ran and was refused, else null. */
    public static LedgerRejection rejection(long packed) {
        int outcome = outcome(packed);
        return outcome == OUTCOME_NOT_RUN || outcome == OUTCOME_APPLIED ? null : LedgerRejection.ofNumber(outcome);
    }

    public static boolean accept(long packed) {
        return (packed & 1L << 31) != 0;
    }

    public static int reasonCode(long packed) {
        return (int) (packed >>> 32);
    }

    private static int outcome(long packed) {
        return (int) (packed >>> 16) & 0x7FFF;
    }
}
