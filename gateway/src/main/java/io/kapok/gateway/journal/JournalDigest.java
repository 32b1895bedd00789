package io.kapok.gateway.journal;

import java.util.Locale;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The digest that fingerprints a journaled message and chains the journal's entries: SM3 (GB/T
 * 32905, the default, as Chinese banks require) or SHA-256. Both give {@value #LENGTH_BYTES} bytes.
 * Each entry records its algorithm's {@link #code()}, so a journal stays verifiable after the
 * configuration changes.
 *
 * <p>{@link #newDigest()} gives one engine per thread, reused for every message: SM3 is Bouncy
 * Castle's lightweight engine (no JCA provider lookup); SHA-256 is the JDK's ({@link
 * JdkSha256Digest}), which uses the CPU's SHA extensions and costs about a tenth of SM3 per byte.
 */
public enum JournalDigest {
    SM3(1, "sm3"),
    SHA256(2, "sha256");

    /** Length of every digest and entry hash, bytes. */
    public static final int LENGTH_BYTES = 32;

    private final int code;
    private final String configName;

    JournalDigest(int code, String configName) {
        this.code = code;
        this.configName = configName;
    }

    /** The code stored in each entry. */
    public int code() {
        return code;
    }

    /** The name in {@code journal.digest}: {@code sm3} or {@code sha256}. */
    public String configName() {
        return configName;
    }

    /** A new engine; not thread-safe, so keep one per thread. */
    public Digest newDigest() {
        return this == SM3 ? new SM3Digest() : new JdkSha256Digest();
    }

    /** The algorithm of an entry's code, or null for a code Kapok does not know. */
    public static JournalDigest ofCode(int code) {
        for (JournalDigest d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        return null;
    }

    /** The algorithm named in configuration ({@code sm3}, {@code sha256}), or null. */
    public static JournalDigest ofConfigName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (JournalDigest d : values()) {
            if (d.configName.equals(n)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Digests {@code length} bytes of {@code data} into {@code out[0..32)} with {@code digest} (an
     * engine of this algorithm, reset afterwards).
     */
    public static void digest(Digest digest, byte[] data, int offset, int length, byte[] out) {
        digest.update(data, offset, length);
        digest.doFinal(out, 0);
    }
}
