package io.kapok.codecs.camt;

import io.kapok.codecs.iso.PartyIdentity;
import io.kapok.codecs.xml.TextBuffer;

/**
 * An account at the platform as camt.053 and camt.054 name it ({@code Acct}, a CashAccount39):
 * its identifier, currency, owner and servicer. Reusable; owned by one thread at a time.
 */
public final class CashAccount {
    /** {@code Id/Othr/Id}: the account number at the platform, at most 34 characters. */
    public final TextBuffer id = new TextBuffer();
    /** {@code Ccy}, and the currency of every amount reported on the account (packed ISO 4217). */
    public int currency;
    /** {@code Ownr}: the account owner; written when present. */
    public final PartyIdentity owner = new PartyIdentity();
    /** {@code Svcr/FinInstnId/BICFI}: who keeps the account (the platform); written when not empty. */
    public final TextBuffer servicerBic = new TextBuffer(11);

    public void clear() {
        id.clear();
        currency = 0;
        owner.clear();
        servicerBic.clear();
    }
}
