package io.kapok.gateway.journal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;

/**
 * SHA-256 through the JDK's own engine, behind Bouncy Castle's {@link Digest} interface so the
 * journal treats both algorithms alike. The JDK's engine is a HotSpot intrinsic that uses the CPU's
 * SHA extensions where there are any: over a 3 KB message it ran ~10 × faster here than Bouncy
 * Castle's pure-Java {@code SHA256Digest} (BENCHMARKS.md, "Digest and signature costs"). The bytes
 * are SHA-256's either way, so journals written with either engine verify with the other. SM3 has
 * no such engine in the JDK and stays with Bouncy Castle.
 */
final class JdkSha256Digest implements Digest {
    private final MessageDigest engine;

    JdkSha256Digest() {
        try {
            engine = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public int getDigestSize() {
        return JournalDigest.LENGTH_BYTES;
    }

    @Override
    public void update(byte in) {
        engine.update(in);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        engine.update(in, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            return engine.digest(out, offset, JournalDigest.LENGTH_BYTES);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a 32-byte digest at " + offset, e);
        }
    }

    @Override
    public void reset() {
        engine.reset();
    }
}
