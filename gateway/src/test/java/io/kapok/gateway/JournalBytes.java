package io.kapok.gateway;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Damage done to a gateway's journal files, to see it detected; what its queue files hold. */
final class JournalBytes {
    private JournalBytes() {}

    /** Flips one bit of the last byte of the first occurrence of {@code marker} in the journal's .cq4 files. */
    static void flipByteOf(Path dataDir, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> s = Files.list(dataDir.resolve("journal"))) {
            files = s.filter(p -> p.toString().endsWith(".cq4")).sorted().toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            int at = indexOf(bytes, needle);
            if (at >= 0) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    int target = at + needle.length - 1;
                    raf.seek(target);
                    raf.write(bytes[target] ^ 0x01);
                }
                return;
            }
        }
        throw new AssertionError("'" + marker + "' is in no journal file of " + files);
    }

    /** Every Chronicle Queue cycle file under {@code dir}, concatenated in name order. */
    static byte[] cycleFileBytes(Path dir) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path file :
                    s.filter(p -> p.toString().endsWith(".cq4")).sorted().toList()) {
                all.write(Files.readAllBytes(file));
            }
        }
        return all.toByteArray();
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
