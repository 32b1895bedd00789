package io.kapok.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

/** Both journal digests give the published test vectors, and SHA-256's engine agrees with Bouncy Castle's. */
class JournalDigestTest {
    private static byte[] digest(Digest d, byte[] data) {
        byte[] out = new byte[JournalDigest.LENGTH_BYTES];
        JournalDigest.digest(d, data, 0, data.length, out);
        return out;
    }

    @Test
    void sha256AndSm3GiveTheirStandardsTestVectorsForAbc() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);

        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(digest(JournalDigest.SHA256.newDigest(), abc)));
        // GB/T 32905-2016, example 1
        assertEquals(
                "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                HexFormat.of().formatHex(digest(JournalDigest.SM3.newDigest(), abc)));
    }

    @Test
    void theJdkSha256EngineGivesBouncyCastlesBytesForEveryLengthAndAfterReuse() {
        Digest jdk = JournalDigest.SHA256.newDigest();
        Digest bc = new SHA256Digest();
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int length = 0; length < 4_200; length += 1 + random.nextInt(97)) {
            byte[] data = new byte[length + 7];
            random.nextBytes(data);
            byte[] mine = new byte[40];
            byte[] theirs = new byte[32];
            jdk.update(data, 3, length);
            assertEquals(32, jdk.doFinal(mine, 8)); // at an offset, and the engine is reset for the next
            bc.update(data, 3, length);
            bc.doFinal(theirs, 0);
            assertArrayEquals(theirs, java.util.Arrays.copyOfRange(mine, 8, 40), "length " + length);
        }
        jdk.update((byte) 'a');
        jdk.reset();
        assertArrayEquals(digest(new SHA256Digest(), new byte[0]), digest(jdk, new byte[0]), "reset forgets input");
        assertEquals(new SM3Digest().getDigestSize(), jdk.getDigestSize());
    }
}
