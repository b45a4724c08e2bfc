package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.platform.Environment;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check-then-use race, run for real: a thread renames an impostor library (same function,
 * another answer) over the cache file again and again while the library is extracted, verified
 * and loaded. Whatever the interleaving, the code that runs is the verified library's.
 */
class RenameRaceTest {
    private static final String RESOURCE = EmbeddedFixtures.X86_64 + "libembedded_solo.so";
    private static final int TRIALS = 30;

    @TempDir
    Path tmp;

    @BeforeAll
    static void linuxX86_64() {
        EmbeddedFixtures.assumeLinuxX86_64(FfmNativeAccess.provider().host());
    }

    @Test
    void aFileRenamedOverTheVerifiedEntryNeverRunsTheVerifiedLibraryAlwaysDoes() throws Exception {
        byte[] solo = Files.readAllBytes(EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so"));
        byte[] impostor = Files.readAllBytes(EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_impostor.so"));
        Path cache = tmp.resolve("cache");
        Random random = new Random(14);
        AtomicLong flips = new AtomicLong();
        int loaded = 0;
        List<String> refused = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                // a new content each trial (bytes after the ELF data change nothing the loader reads), so a new entry and inode
                byte[] genuine = java.util.Arrays.copyOf(solo, solo.length + 16);
                byte[] tail = new byte[16];
                random.nextBytes(tail);
                System.arraycopy(tail, 0, genuine, solo.length, 16);
                Path genuineFile = Files.write(tmp.resolve("genuine-" + trial + ".so"), genuine);
                String sha = EmbeddedFixtures.sha256(genuineFile);
                URLClassLoader jar = EmbeddedFixtures.loaderOf(EmbeddedFixtures.writeJar(tmp, Map.of(RESOURCE, genuineFile)));
                AtomicBoolean stop = new AtomicBoolean();
                Future<?> flipper = pool.submit(() -> flip(cache, sha, impostor, genuine, stop, flips));
                Future<NativeLibrary> load = pool.submit(() -> NativeLoader.builder("embedded_solo")
                        .strategies(List.of(NativeLoader.builder("embedded_solo").classLoader(jar).cacheDirectory(cache)
                                .environment(Environment.system()).build().strategies().getLast()))
                        .access(FfmNativeAccess.provider()).build().load());
                try {
                    NativeLibrary lib = load.get(60, TimeUnit.SECONDS);
                    int answer = (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_solo"),
                            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(41);
                    assertEquals(42, answer, "trial " + trial + ": the impostor ran (1041) instead of the verified library");
                    assertTrue(lib.path().startsWith(cache), "the report names the cache file, not a descriptor: " + lib.path());
                    assertFalse(lib.path().toString().startsWith("/proc/"), lib.path()::toString);
                    loaded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // refusing a swapped entry is allowed; it must be a typed failure
                    assertTrue(e.getCause() instanceof NativeLoadException, () -> "untyped failure: " + e.getCause());
                    refused.add(e.getCause().getMessage());
                } catch (Throwable t) {
                    throw new AssertionError(t);
                } finally {
                    stop.set(true);
                    flipper.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "a thread hung");
        }
        assertTrue(flips.get() > TRIALS, "the attacker must really have renamed files over the entries: " + flips.get());
        assertTrue(loaded >= TRIALS / 3, "most loads should still succeed with the verified file; loaded " + loaded
                + ", refused: " + refused);
    }

    /** Renames the impostor, then a genuine copy, over every entry file of {@code sha}, until stopped. */
    private static Void flip(Path cache, String sha, byte[] impostor, byte[] genuine, AtomicBoolean stop, AtomicLong flips)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int n = 0;
        while (!stop.get() && System.nanoTime() < deadline) {
            if (!Files.isDirectory(cache)) {
                Thread.onSpinWait();
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache, sha + "*")) {
                for (Path entry : entries) {
                    Path target = entry.resolve("libembedded_solo.so");
                    if (!Files.exists(target)) {
                        continue;
                    }
                    for (byte[] bytes : new byte[][] {impostor, genuine}) {
                        Path t = entry.resolve(".flip-" + n++);
                        Files.write(t, bytes);
                        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("r-x------"));
                        Files.move(t, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        flips.incrementAndGet();
                    }
                }
            } catch (IOException raced) {
                // the entry was renamed or created meanwhile; try again
            }
        }
        return null;
    }
}
