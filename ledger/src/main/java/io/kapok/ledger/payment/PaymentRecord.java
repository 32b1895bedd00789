package io.kapok.ledger.payment;

import io.kapok.ledger.LedgerRejection;

/**
 * What the ledger remembers of each payment message it decided, so that a retry gets the original
 * answer and a reuse of the id for a different payment is refused. Immutable.
 *
 * @param sequence    journal sequence of the message
 * @param timeMs      its receive time, epoch milliseconds
 * @param rejection   null when applied
 * @param fingerprint {@link TransferCommand#fingerprint()} of the message
 * @param uetr        its UETR
 */
public record PaymentRecord(long sequence, long timeMs, LedgerRejection rejection, long fingerprint, String uetr) {}
