package io.kapok.ledger.receivable;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A party onboarded into a programme answers the platform's notification of it (tsin.011 → its
 * tsin.012): it acknowledges its registration, and the onboarding becomes acknowledged; or it
 * rejects it, with a reason, and leaves the programme (it may be onboarded again by a new tsin.009).
 */
public final class AcknowledgeOnboardingCommand extends LedgerCommand {
    /** Who sent it, as authenticated: the onboarded party (the one the tsin.011 went to). */
    public String senderId;

    public String programmeId;
    /** True to acknowledge, false to reject the registration. */
    public boolean accept;
    /** A rejection's ISO reason code, four ASCII characters packed big-endian; 0 when none is given. */
    public int reasonCode;

    @Override
    public CommandType type() {
        return CommandType.ACKNOWLEDGE_ONBOARDING;
    }
}
