package io.kapok.ledger.receivable;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which bank finances which core enterprise's suppliers, in which currency, on which terms (rates
 * in parts per million). Immutable but for its members. Owned by the ledger thread.
 */
public final class Programme {
    final String id;
    final String bankId;
    final String coreId;
    final int currency;
    final int advanceRatePpm;
    final int discountRatePpm;
    final long feeMinor;
    final boolean recourse;
    final int maxTermDays;
    /** Key of the credit line this programme draws on. */
    final String creditLineKey;
    /** Onboarded suppliers, in onboarding order. */
    final Set<String> members = new LinkedHashSet<>();
    /** Of those, the ones that acknowledged their onboarding (tsin.012), in acknowledgement order. */
    final Set<String> acknowledged = new LinkedHashSet<>();

    Programme(
            String id,
            String bankId,
            String coreId,
            int currency,
            int advanceRatePpm,
            int discountRatePpm,
            long feeMinor,
            boolean recourse,
            int maxTermDays) {
        this.id = id;
        this.bankId = bankId;
        this.coreId = coreId;
        this.currency = currency;
        this.advanceRatePpm = advanceRatePpm;
        this.discountRatePpm = discountRatePpm;
        this.feeMinor = feeMinor;
        this.recourse = recourse;
        this.maxTermDays = maxTermDays;
        this.creditLineKey = CreditLine.key(bankId, coreId, currency);
    }

    public String id() {
        return id;
    }

    public String bankId() {
        return bankId;
    }

    public String coreId() {
        return coreId;
    }

    public int currency() {
        return currency;
    }

    public int advanceRatePpm() {
        return advanceRatePpm;
    }

    public int discountRatePpm() {
        return discountRatePpm;
    }

    public long feeMinor() {
        return feeMinor;
    }

    public boolean recourse() {
        return recourse;
    }

    /** Longest payment term allowed, days (the default already applied). */
    public int maxTermDays() {
        return maxTermDays;
    }

    /** Members that acknowledged their onboarding, in acknowledgement order; read-only view. */
    public Set<String> acknowledged() {
        return Collections.unmodifiableSet(acknowledged);
    }

    /** Onboarded suppliers in onboarding order; read-only view. */
    public Set<String> members() {
        return Collections.unmodifiableSet(members);
    }
}
