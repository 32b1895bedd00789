package io.kapok.bench.journal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the machine charges for the first write to a page, the cost under every append to a
 * memory-mapped file (the journal, the mailbox): in rounds, maps a new sparse file and writes one
 * byte per 4 KB page, then does the same on fresh direct memory, printing ns per page. Between
 * rounds the file is unmapped and deleted, so the next round's pages may be ones the kernel just
 * freed.
 *
 * <p>On a virtual machine a page the guest has never used can cost several times a recycled one
 * (the host backs it on first touch): a writer that keeps taking fresh pages, as a growing journal
 * does on a machine with much free memory, pays that on every page. Run it on the data directory's
 * file system:
 *
 * <pre>
 * java -cp bench/target/kapok-bench.jar io.kapok.bench.journal.PageTouchCost DIR [MB_PER_ROUND] [ROUNDS]
 * </pre>
 */
public final class PageTouchCost {
    private static final int PAGE_BYTES = 4096;

    private PageTouchCost() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PageTouchCost DIR [MB_PER_ROUND] [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long bytes = (args.length > 1 ? Long.parseLong(args[1]) : 256) << 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(dir);
        System.out.printf("first write per 4 KB page, %d MB a round, in %s%n", bytes >> 20, dir);
        for (int round = 1; round <= rounds; round++) {
            double mapped = mappedFileRound(dir, bytes);
            double direct = directMemoryRound(bytes);
            System.out.printf(
                    "round %d: mapped file %,.0f ns/page, direct memory (allocate + zero) %,.0f ns/page%n",
                    round, mapped, direct);
        }
    }

    private static double mappedFileRound(Path dir, long bytes) throws IOException {
        Path file = Files.createTempFile(dir, "page-touch-", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
            long start = System.nanoTime();
            for (int i = 0; i < bytes; i += PAGE_BYTES) {
                map.put(i, (byte) 1);
            }
            long elapsed = System.nanoTime() - start;
            unmap(map);
            return (double) elapsed / (bytes / PAGE_BYTES);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double directMemoryRound(long bytes) {
        long start = System.nanoTime();
        ByteBuffer memory = ByteBuffer.allocateDirect((int) Math.min(bytes, Integer.MAX_VALUE - 8));
        long elapsed = System.nanoTime() - start;
        int pages = memory.capacity() / PAGE_BYTES;
        unmap(memory);
        return (double) elapsed / pages;
    }

    /** Releases a direct or mapped buffer now rather than at some later GC. */
    private static void unmap(ByteBuffer buffer) {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafeClass.getMethod("invokeCleaner", ByteBuffer.class).invoke(theUnsafe.get(null), buffer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot release a direct buffer: " + e, e);
        }
    }
}
