package io.kapok.ledger.receivable;

/**
 * A bank's exposure to one core enterprise in one currency, as the ops API shows it: the credit
 * line, what is reserved by accepted but undisbursed financings (pending), and what is used by
 * disbursed ones (posted). Amounts in minor units; always {@code reserved + used ≤ limit}.
 *
 * @param coreId         the core enterprise
 * @param currency       ISO 4217 code, e.g. {@code "CNY"}
 * @param limitMinor     the credit line
 * @param reservedMinor  pending: accepted financings not yet disbursed
 * @param usedMinor      posted: disbursed financings not yet repaid
 * @param availableMinor what more may be reserved: limit − reserved − used
 */
public record ExposureView(
        String coreId, String currency, long limitMinor, long reservedMinor, long usedMinor, long availableMinor) {}
