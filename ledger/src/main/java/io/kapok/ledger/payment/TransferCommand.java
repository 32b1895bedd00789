package io.kapok.ledger.payment;

import io.kapok.ledger.CommandType;
import io.kapok.ledger.LedgerCommand;

/**
 * A credit transfer between two parties' settlement accounts (from a pacs.008): debit
 * {@link #debitPartyId} (the instructing agent), credit {@link #creditPartyId} (the instructed
 * agent), {@link #amountMinor} of {@link #currency}.
 *
 * <p>When {@link #instructedCurrency} is set and differs from {@link #currency} the transfer is
 * cross-currency (the pacs.008's {@code InstdAmt} is in another currency than its {@code
 * IntrBkSttlmAmt}): the instructed agent is still credited {@link #amountMinor} of {@link
 * #currency}, and the instructing agent is debited that amount converted into {@link
 * #instructedCurrency} at the ledger's rate (see {@code Ledger}, "Cross-currency transfers").
 */
public final class TransferCommand extends LedgerCommand implements PaymentMessage {
    /** Who sent it (its identity, as authenticated); with {@link #messageId}, the idempotency key. */
    public String senderId;

    public String messageId;
    /** Lowercase UUID v4; unique across all payments. */
    public String uetr;

    public String endToEndId;
    public String debitPartyId;
    public String creditPartyId;
    /** Packed ISO 4217 code. */
    public int currency;
    /** Amount in minor units, &gt; 0. */
    public long amountMinor;
    /**
     * Packed ISO 4217 code of the pacs.008's {@code InstdAmt}, the currency the instructing agent is
     * debited in; 0 when the message had none (then, as when it equals {@link #currency}, the
     * transfer is in one currency).
     */
    public int instructedCurrency;
    /** {@code InstdAmt} in minor units of {@link #instructedCurrency}; 0 when absent. Kept, not posted. */
    public long instructedAmountMinor;
    /**
     * {@code XchgRate} × 10^8 (units of {@link #currency} per unit of {@link #instructedCurrency}),
     * rounded half-even; 0 when the message stated none. When stated, the ledger's rate must agree
     * within {@code Ledger.FX_RATE_TOLERANCE_PPM}.
     */
    public long exchangeRateScaled;

    @Override
    public CommandType type() {
        return CommandType.TRANSFER;
    }

    // The keys ({@link #computeKeys}) and the fields they were computed from: the same String
    // instances (immutable) and the same numbers. Not part of the command's content.
    private boolean keyed;
    private String keyedSenderId;
    private String keyedMessageId;
    private String keyedUetr;
    private String keyedEndToEndId;
    private String keyedDebitPartyId;
    private String keyedCreditPartyId;
    private int keyedCurrency;
    private long keyedAmountMinor;
    private int keyedInstructedCurrency;
    private long keyedInstructedAmountMinor;
    private long keyedExchangeRateScaled;
    private int messageHash;
    private int uetrHash;
    private long fingerprint;
    /** The ids as a compact payment window keeps them ({@link DecidedPayments#encodeIds}); made on first use. */
    private byte[] encodedIds;

    /**
     * Computes the payment's keys from its fields as they are now: the hashes the ledger's payment
     * window files (sender, MsgId) and the UETR under ({@link DecidedPayments#messageHash}, {@link
     * DecidedPayments#uetrHash}), the {@link #fingerprint()}, and the ids as a compact window keeps
     * them ({@link #keyedEncodedIds()}), reading every text field's characters once (each String
     * keeps its hash code). Whoever fills the command calls it, so
     * that this work (about a fifth of a transfer's) is not done by the thread that applies it: the
     * gateway's event loop right after decoding, before the command enters the ring. Optional:
     * {@link #messageHash()}, {@link #uetrHash()} and {@link #fingerprint()} compute the keys
     * themselves whenever a field changed since (a field set to another String or number, however
     * equal its content), so a command is never judged by keys of another content.
     */
    public void computeKeys() {
        keyedSenderId = senderId;
        keyedMessageId = messageId;
        keyedUetr = uetr;
        keyedEndToEndId = endToEndId;
        keyedDebitPartyId = debitPartyId;
        keyedCreditPartyId = creditPartyId;
        keyedCurrency = currency;
        keyedAmountMinor = amountMinor;
        keyedInstructedCurrency = instructedCurrency;
        keyedInstructedAmountMinor = instructedAmountMinor;
        keyedExchangeRateScaled = exchangeRateScaled;
        messageHash = DecidedPayments.messageHash(senderId, messageId);
        uetrHash = uetr == null ? 0 : DecidedPayments.uetrHash(uetr);
        fingerprint = fingerprintOfFields();
        if (encodedIds == null) {
            encodedIds = new byte[DecidedPayments.ID_BYTES];
        }
        DecidedPayments.encodeIds(messageId, uetr, encodedIds, 0);
        keyed = true;
    }

    /** True when the keys were computed from the fields as they are now (see {@link #computeKeys}). */
    public boolean keysCurrent() {
        return keyed
                && keyedSenderId == senderId
                && keyedMessageId == messageId
                && keyedUetr == uetr
                && keyedEndToEndId == endToEndId
                && keyedDebitPartyId == debitPartyId
                && keyedCreditPartyId == creditPartyId
                && keyedCurrency == currency
                && keyedAmountMinor == amountMinor
                && keyedInstructedCurrency == instructedCurrency
                && keyedInstructedAmountMinor == instructedAmountMinor
                && keyedExchangeRateScaled == exchangeRateScaled;
    }

    /**
     * Makes the keys current ({@link #computeKeys} when a field changed since, or they never were
     * computed); then {@link #keyedMessageHash()}, {@link #keyedUetrHash()} and {@link
     * #keyedFingerprint()} read them without checking again.
     */
    public void ensureKeys() {
        if (!keysCurrent()) {
            computeKeys();
        }
    }

    /** {@link #messageHash()} as last computed: current only after {@link #ensureKeys()}, before any field changes. */
    public int keyedMessageHash() {
        return messageHash;
    }

    /** {@link #uetrHash()} as last computed: current only after {@link #ensureKeys()}, before any field changes. */
    public int keyedUetrHash() {
        return uetrHash;
    }

    /** {@link #fingerprint()} as last computed: current only after {@link #ensureKeys()}, before any field changes. */
    public long keyedFingerprint() {
        return fingerprint;
    }

    /**
     * The message id and UETR as a compact payment window keeps them ({@link
     * DecidedPayments#encodeIds}), as last computed: current only after {@link #ensureKeys()},
     * before any field changes. The ledger's to read, not to change.
     */
    public byte[] keyedEncodedIds() {
        return encodedIds;
    }

    /** Drops the computed keys: the next use computes them again (for benchmarks that time that). */
    public void forgetKeys() {
        keyed = false;
    }

    /** {@inheritDoc} Computed with the other keys ({@link #computeKeys}), once per content. */
    @Override
    public int messageHash() {
        ensureKeys();
        return messageHash;
    }

    /** {@inheritDoc} Computed with the other keys ({@link #computeKeys}), once per content. */
    @Override
    public int uetrHash() {
        ensureKeys();
        return uetrHash;
    }

    /**
     * A 64-bit fingerprint of everything the payment says, used to tell a retry (same fingerprint)
     * from a conflicting reuse of the same (sender, message id) (different fingerprint). It mixes, in
     * order, each text field's {@link String#hashCode()} and length, the currency and the amount
     * through a SplitMix64 round per field, so ("ab", "c") and ("a", "bc") differ. The String hashes
     * are the ones the ledger's lookups compute anyway (and the String caches), so this costs a few
     * multiplications. Computed with the other keys ({@link #computeKeys}), once per content; the
     * command allocates only its 80-byte buffer of encoded ids, once, the first time.
     *
     * <p>Two different payloads share a fingerprint only if every differing text field collides in
     * its 32-bit hash: by accident about one chance in 2^32. A sender who crafts such a collision on
     * its own message id only gets the original answer back instead of DUPLICATE; nothing moves.
     *
     * <p>The instructed amount and the exchange rate are mixed in only when {@link
     * #instructedCurrency} is set, so a transfer in one currency keeps the fingerprint it always had
     * (snapshots taken before cross-currency transfers existed still recognise its retries).
     */
    @Override
    public long fingerprint() {
        ensureKeys();
        return fingerprint;
    }

    private long fingerprintOfFields() {
        long h = Fingerprint.START;
        h = Fingerprint.mix(h, Fingerprint.text(senderId));
        h = Fingerprint.mix(h, Fingerprint.text(messageId));
        h = Fingerprint.mix(h, Fingerprint.text(uetr));
        h = Fingerprint.mix(h, Fingerprint.text(endToEndId));
        h = Fingerprint.mix(h, Fingerprint.text(debitPartyId));
        h = Fingerprint.mix(h, Fingerprint.text(creditPartyId));
        h = Fingerprint.mix(h, currency);
        h = Fingerprint.mix(h, amountMinor);
        if (instructedCurrency != 0) {
            h = Fingerprint.mix(h, instructedCurrency);
            h = Fingerprint.mix(h, instructedAmountMinor);
            h = Fingerprint.mix(h, exchangeRateScaled);
        }
        return h;
    }

    /** True when the debit is in another currency than the credit (see the class doc). */
    public boolean crossCurrency() {
        return instructedCurrency != 0 && instructedCurrency != currency;
    }

    @Override
    public String senderId() {
        return senderId;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public String uetr() {
        return uetr;
    }
}
