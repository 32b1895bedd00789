package io.kapok.ledger.payment;

/**
 * The 64-bit fingerprints that tell a retry of a payment message (same fingerprint) from a
 * conflicting reuse of its (sender, message id) (different fingerprint): each field goes in, in
 * order, through one SplitMix64 round; a text field as its {@link String#hashCode()} and length, so
 * ("ab", "c") and ("a", "bc") differ. Allocates nothing.
 */
final class Fingerprint {
    /** FNV-1a's offset basis: the value before any field is mixed in. */
    static final long START = 0xcbf29ce484222325L;

    private Fingerprint() {}

    /** A String's hash and length in one long; a distinct value for null. */
    static long text(String s) {
        return s == null ? -1L : (long) s.length() << 32 | (s.hashCode() & 0xFFFFFFFFL);
    }

    /** One SplitMix64 round of {@code v} into {@code h}. */
    static long mix(long h, long v) {
        long x = (h ^ v) * 0xbf58476d1ce4e5b9L;
        x ^= x >>> 31;
        x *= 0x94d049bb133111ebL;
        return x ^ (x >>> 29);
    }
}
