package io.kapok.bench.crypto;

import io.kapok.bench.BenchDefaults;
import io.kapok.bench.BenchSamples;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an event loop pays per message for hashing and signatures, on the 3 KB message the journal
 * benchmark uses ({@link BenchSamples#pacs008Padded}): the journal's message digest (SM3, the
 * default, and SHA-256, the option: Bouncy Castle's and the JDK's, which uses the CPU's SHA
 * extensions where it has them), and signing and verifying the message with SM2 (SM3withSM2, as
 * Chinese banks require), Ed25519 and ECDSA P-256 (SHA-256, deterministic k per RFC 6979), all
 * through Bouncy Castle's lightweight API. Scores are operations per second on one thread; every
 * verify checks a signature made in set-up and fails the run if it does not verify.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(BenchDefaults.FORKS)
@Warmup(
        iterations = BenchDefaults.WARMUP_ITERATIONS,
        time = BenchDefaults.ITERATION_TIME_MS,
        timeUnit = TimeUnit.MILLISECONDS)
@Measurement(
        iterations = BenchDefaults.MEASUREMENT_ITERATIONS,
        time = BenchDefaults.ITERATION_TIME_MS,
        timeUnit = TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class DigestSignatureBenchmark {
    /** The journal benchmark's reference size. */
    static final int MESSAGE_BYTES = 3072;

    byte[] message;
    final byte[] digestOut = new byte[32];
    final SM3Digest sm3 = new SM3Digest();
    final SHA256Digest sha256Bc = new SHA256Digest();
    MessageDigest sha256Jdk;

    Signer sm2Signer;
    Signer sm2Verifier;
    byte[] sm2Signature;
    Signer ed25519Signer;
    Signer ed25519Verifier;
    byte[] ed25519Signature;
    Signer ecdsaSigner;
    Signer ecdsaVerifier;
    byte[] ecdsaSignature;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException, CryptoException {
        message = BenchSamples.pacs008Padded(MESSAGE_BYTES);
        sha256Jdk = MessageDigest.getInstance("SHA-256");
        SecureRandom random = new SecureRandom();

        AsymmetricCipherKeyPair sm2Keys = ecKeys(GMNamedCurves.getByName("sm2p256v1"), random);
        sm2Signer = new SM2Signer();
        sm2Signer.init(true, new ParametersWithRandom(sm2Keys.getPrivate(), random));
        sm2Verifier = new SM2Signer();
        sm2Verifier.init(false, sm2Keys.getPublic());
        sm2Signature = sign(sm2Signer);

        Ed25519KeyPairGenerator edGenerator = new Ed25519KeyPairGenerator();
        edGenerator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair edKeys = edGenerator.generateKeyPair();
        ed25519Signer = new Ed25519Signer();
        ed25519Signer.init(true, edKeys.getPrivate());
        ed25519Verifier = new Ed25519Signer();
        ed25519Verifier.init(false, edKeys.getPublic());
        ed25519Signature = sign(ed25519Signer);

        AsymmetricCipherKeyPair ecKeys = ecKeys(SECNamedCurves.getByName("secp256r1"), random);
        ecdsaSigner =
                new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())), new SHA256Digest());
        ecdsaSigner.init(true, ecKeys.getPrivate());
        ecdsaVerifier = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
        ecdsaVerifier.init(false, ecKeys.getPublic());
        ecdsaSignature = sign(ecdsaSigner);

        if (!sm2Verify() || !ed25519Verify() || !ecdsaP256Verify()) {
            throw new IllegalStateException("a signature made in set-up does not verify");
        }
    }

    private static AsymmetricCipherKeyPair ecKeys(X9ECParameters curve, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(
                new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH()), random));
        return generator.generateKeyPair();
    }

    private byte[] sign(Signer signer) throws CryptoException {
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private boolean verify(Signer verifier, byte[] signature) {
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Benchmark
    public byte[] sm3Digest() {
        sm3.update(message, 0, message.length);
        sm3.doFinal(digestOut, 0);
        return digestOut;
    }

    @Benchmark
    public byte[] sha256DigestBouncyCastle() {
        sha256Bc.update(message, 0, message.length);
        sha256Bc.doFinal(digestOut, 0);
        return digestOut;
    }

    @Benchmark
    public byte[] sha256DigestJdk() throws DigestException {
        sha256Jdk.update(message, 0, message.length);
        sha256Jdk.digest(digestOut, 0, digestOut.length);
        return digestOut;
    }

    @Benchmark
    public byte[] sm2Sign() throws CryptoException {
        return sign(sm2Signer);
    }

    @Benchmark
    public boolean sm2Verify() {
        return verify(sm2Verifier, sm2Signature);
    }

    @Benchmark
    public byte[] ed25519Sign() throws CryptoException {
        return sign(ed25519Signer);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return verify(ed25519Verifier, ed25519Signature);
    }

    @Benchmark
    public byte[] ecdsaP256Sign() throws CryptoException {
        return sign(ecdsaSigner);
    }

    @Benchmark
    public boolean ecdsaP256Verify() {
        return verify(ecdsaVerifier, ecdsaSignature);
    }
}
