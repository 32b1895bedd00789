package io.kapok.gateway.flow;

import io.kapok.codecs.stream.MessageSchema;
import io.kapok.codecs.stream.MessageView;
import io.kapok.codecs.tsin.BusinessLetterFields;
import io.kapok.codecs.tsin.Tsin001Schema;
import io.kapok.codecs.tsin.Tsin002Schema;
import io.kapok.codecs.tsin.Tsin003Schema;
import io.kapok.codecs.tsin.Tsin004Schema;
import io.kapok.codecs.xml.TextBuffer;
import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;
import io.kapok.ledger.LedgerRejection;
import io.kapok.ledger.party.RegisterPartyCommand;
import io.kapok.ledger.receivable.AcknowledgeOnboardingCommand;
import io.kapok.ledger.receivable.AssignReceivableCommand;
import io.kapok.ledger.receivable.CancelFinancingCommand;
import io.kapok.ledger.receivable.CancelReceivableCommand;
import io.kapok.ledger.receivable.ConfirmReceivableCommand;
import io.kapok.ledger.receivable.DecideFinancingCommand;
import io.kapok.ledger.receivable.DecidedMessages;
import io.kapok.ledger.receivable.OnboardPartyCommand;
import io.kapok.ledger.receivable.RecordMessageCommand;
import io.kapok.ledger.receivable.RegisterReceivableCommand;
import io.kapok.ledger.receivable.RequestFinancingCommand;
import io.kapok.ledger.receivable.SplitReceivableCommand;

/**
 * At most once per (sender, MsgId) for the receivable-financing messages (tsin.001, tsin.002,
 * tsin.003, tsin.004, tsin.006, tsin.009, tsin.012, tsin.013), as for payments: once a message's commands ran,
 * the sequencer journals a {@link RecordMessageCommand} saying what each was decided, and the
 * ledger keeps it ({@link DecidedMessages}). Before routing the next message the sequencer looks its
 * key up: an identical retry (same {@link #fingerprint}) gets the original answer, composed by
 * {@link FlowAnswers} from the plan {@link #rebuild} makes of the record, with the original's id
 * ({@code KPK<first sequence>}) and time, and nothing is journaled; a different message under the
 * same key is refused with the payments' DUPL and nothing is journaled either. Without this a retry
 * would be routed again and meet the state its first copy left (an invoice already registered, a
 * bulk request with nothing left to cancel).
 *
 * <p>The key is the Document's own id, which the BAH {@code BizMsgIdr} equals: GrpId (tsin.001),
 * StsId (tsin.002), CxlReqId/Id (tsin.003), InvcHdr/Id (tsin.004), LttrIdr/Id (the letters). A
 * tsmt.053 is not kept: it changes nothing and is not journaled, so a retry is answered from the
 * ledger as it stands. Sequencer thread only (the static helpers hold no state).
 */
public final class FlowRetries {
    private FlowRetries() {}

    /** The message's id for (sender, MsgId), or null for a message whose retries are not kept here. */
    public static String messageId(MessageView view) {
        int field = switch (view.type()) {
            case TSIN_001_001_01 -> Tsin001Schema.GROUP_ID;
            case TSIN_002_001_01 -> Tsin002Schema.STATUS_ID;
            case TSIN_003_001_01 -> Tsin003Schema.CANCELLATION_ID;
            case TSIN_004_001_01 -> Tsin004Schema.INVOICE_ID;
            case TSIN_006_001_01, TSIN_009_001_01, TSIN_012_001_01, TSIN_013_001_01 -> BusinessLetterFields.LETTER_ID;
            default -> -1;
        };
        if (field < 0) {
            return null;
        }
        String id = view.text(field).toString().trim();
        return id.isEmpty() ? null : id;
    }

    /**
     * Everything the message says, in 64 bits: its type, every field of its Document and of each
     * item (text as decoded, and the currency of an amount), and the BAH {@code To}, which routes
     * some of them. Not the BAH creation date, nor anything else of the header, so a resend with a
     * new header (e.g. marked as a possible duplicate) is still the same message. Two different
     * messages share a fingerprint by accident about once in 2^64; a sender who crafts a collision
     * on its own id only gets its own original answer back. Reads the view; allocates nothing.
     */
    public static long fingerprint(MessageView view) {
        MessageSchema schema = view.schema();
        long h = mix(0xcbf29ce484222325L, view.type().ordinal());
        for (int f = 0; f < schema.fieldCount(); f++) {
            h = mix(mix(h, text(view.text(f))), view.currency(f));
        }
        int itemFields = schema.group() == null ? 0 : schema.group().fields().size();
        h = mix(h, view.itemCount());
        for (int i = 0; i < view.itemCount(); i++) {
            for (int f = 0; f < itemFields; f++) {
                h = mix(mix(h, text(view.itemText(i, f))), view.itemCurrency(i, f));
            }
        }
        int secondFields =
                schema.secondGroup() == null ? 0 : schema.secondGroup().fields().size();
        h = mix(h, view.secondItemCount());
        for (int i = 0; i < view.secondItemCount(); i++) {
            for (int f = 0; f < secondFields; f++) {
                h = mix(mix(h, text(view.secondItemText(i, f))), view.secondItemCurrency(i, f));
            }
        }
        h = mix(h, text(view.toBic()));
        return mix(h, text(view.toOrganisationId()));
    }

    /**
     * What {@code plan}'s commands were decided, as the record to journal after them: one outcome
     * per command, with the id it named and, for a decision or confirmation, what it said.
     */
    public static void record(FlowPlan plan, String messageId, long fingerprint, RecordMessageCommand into) {
        into.clear();
        into.senderId = plan.senderId;
        into.messageType = plan.type.messageDefinition();
        into.messageId = messageId;
        into.fingerprint = fingerprint;
        into.firstSequence = plan.firstSequence;
        for (int i = 0; i < plan.commands.size(); i++) {
            LedgerCommand c = plan.commands.get(i);
            boolean ran = plan.sequences.get(i) != 0;
            boolean accept = false;
            int reason = 0;
            if (c instanceof DecideFinancingCommand d) {
                accept = d.accept;
                reason = d.reasonCode;
            } else if (c instanceof ConfirmReceivableCommand k) {
                accept = k.accept;
            } else if (c instanceof AcknowledgeOnboardingCommand a) {
                accept = a.accept;
                reason = a.reasonCode;
            }
            into.add(c.type(), ran, plan.rejections.get(i), subjectOf(c), accept, reason);
        }
    }

    /**
     * Fills {@code plan} (cleared first) with the message decided at {@code slot}: its commands as
     * far as the answers read them, each one's outcome, the first sequence and the receive time, so
     * that {@link FlowAnswers} composes the original answer again.
     */
    public static void rebuild(DecidedMessages decided, int slot, String senderId, FlowPlan plan) {
        long sequence = decided.firstSequenceAt(slot);
        plan.senderId = senderId;
        plan.firstSequence = sequence;
        plan.timeMs = decided.timeMsAt(slot);
        for (int i = 0; i < decided.commandCountAt(slot); i++) {
            long outcome = decided.outcomeAt(slot, i);
            LedgerCommand c = command(
                    RecordMessageCommand.commandType(outcome),
                    senderId,
                    decided.subjectAt(slot, i),
                    RecordMessageCommand.accept(outcome),
                    RecordMessageCommand.reasonCode(outcome));
            c.timeMs = plan.timeMs;
            plan.add(c);
            boolean ran = RecordMessageCommand.ran(outcome);
            LedgerRejection rejection = RecordMessageCommand.rejection(outcome);
            plan.ran(i, RecordMessageCommand.applied(outcome), rejection, ran ? sequence : 0);
            c.sequence = ran ? sequence++ : 0;
        }
    }

    /** The id a command names: the receivable, financing, programme or party it acts on. */
    private static String subjectOf(LedgerCommand c) {
        return switch (c.type()) {
            case REGISTER_RECEIVABLE -> ((RegisterReceivableCommand) c).receivableId;
            case CONFIRM_RECEIVABLE -> ((ConfirmReceivableCommand) c).receivableId;
            case SPLIT_RECEIVABLE -> ((SplitReceivableCommand) c).receivableId;
            case ASSIGN_RECEIVABLE -> ((AssignReceivableCommand) c).receivableId;
            case CANCEL_RECEIVABLE -> ((CancelReceivableCommand) c).receivableId;
            case REQUEST_FINANCING -> ((RequestFinancingCommand) c).receivableId;
            case DECIDE_FINANCING -> ((DecideFinancingCommand) c).financingId;
            case CANCEL_FINANCING -> ((CancelFinancingCommand) c).financingId;
            case ONBOARD_PARTY -> ((OnboardPartyCommand) c).programmeId;
            case ACKNOWLEDGE_ONBOARDING -> ((AcknowledgeOnboardingCommand) c).programmeId;
            case REGISTER_PARTY -> ((RegisterPartyCommand) c).partyId;
            default -> throw new IllegalArgumentException("a " + c.type() + " is no command of a tsin message");
        };
    }

    /**
     * A command of {@code type} as far as {@link FlowAnswers} reads it: the financing commands with
     * the id they named (and a decision with what it said), any other as its type alone, since its
     * answer names each item from the message.
     */
    private static LedgerCommand command(
            CommandType type, String senderId, String subject, boolean accept, int reasonCode) {
        switch (type) {
            case REQUEST_FINANCING -> {
                RequestFinancingCommand c = new RequestFinancingCommand();
                c.senderId = senderId;
                c.receivableId = subject;
                return c;
            }
            case DECIDE_FINANCING -> {
                DecideFinancingCommand c = new DecideFinancingCommand();
                c.senderId = senderId;
                c.financingId = subject;
                c.accept = accept;
                c.reasonCode = reasonCode;
                return c;
            }
            case CANCEL_FINANCING -> {
                CancelFinancingCommand c = new CancelFinancingCommand();
                c.senderId = senderId;
                c.financingId = subject;
                return c;
            }
            default -> {
                return new Decided(type);
            }
        }
    }

    /** A command of a decided message that is answered again, never applied: its type is all it says. */
    private static final class Decided extends LedgerCommand {
        private final CommandType type;

        Decided(CommandType type) {
            this.type = type;
        }

        @Override
        public CommandType type() {
            return type;
        }
    }

    /** A text's content and presence in one long (FNV-1a over its chars, 64 bits); no String made. */
    private static long text(TextBuffer t) {
        if (!t.isPresent()) {
            return -1L;
        }
        char[] chars = t.array();
        long h = 0xcbf29ce484222325L ^ t.length();
        for (int i = 0; i < t.length(); i++) {
            h = (h ^ chars[i]) * 0x100000001b3L;
        }
        return h;
    }

    /** One SplitMix64 round of {@code v} into {@code h}. */
    private static long mix(long h, long v) {
        long x = (h ^ v) * 0xbf58476d1ce4e5b9L;
        x ^= x >>> 31;
        x *= 0x94d049bb133111ebL;
        return x ^ (x >>> 29);
    }
}
