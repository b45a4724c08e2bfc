package dev.nativeload.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.NativeLoadException;
import dev.nativeload.ffm.FfmNativeAccess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entry locks under real contention: a child JVM stopped (SIGSTOP) while holding the write lock, an
 * interrupted waiter, a second copy of nativeload in its own class loader, two spellings of one
 * cache directory, and a FIFO at the use-marker. Every load returns the library's answer or a
 * typed failure, within a bound.
 */
class EntryLockTest {
    private static final String TIMEOUT = "nativeload.cache.lockTimeoutSeconds";

    @TempDir
    Path tmp;

    private Path jar;
    private final List<Process> children = new ArrayList<>();

    @BeforeAll
    static void linuxX86_64() {
        EmbeddedFixtures.assumeLinuxX86_64(FfmNativeAccess.provider().host());
    }

    @AfterEach
    void endChildren() throws Exception {
        System.clearProperty(TIMEOUT);
        for (Process p : children) {
            new ProcessBuilder("kill", "-CONT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "a child JVM did not end");
        }
    }

    private Path jar() {
        if (jar == null) {
            jar = EmbeddedFixtures.writeJar(tmp, Map.of(EmbeddedFixtures.X86_64 + "libembedded_solo.so",
                    EmbeddedFixtures.testdata("gcc-x86_64", "libembedded_solo.so")));
        }
        return jar;
    }

    /** A child JVM holding the write lock of the solo library's entry in {@code cache}; returns once it holds it. */
    private Process holder(Path cache) throws Exception {
        Process p = new ProcessBuilder(EmbeddedFixtures.childJvm(HoldEntryLockMain.class, cache.toString(), jar().toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Future<String> line = Executors.newVirtualThreadPerTaskExecutor().submit(out::readLine);
        String holding = line.get(60, TimeUnit.SECONDS);
        assertEquals("holding " + p.pid(), holding);
        return p;
    }

    /** {@code LoadInThisCopy.load} with its checked throwables as they are, anything else wrapped. */
    private int solo(Path cache) throws Exception {
        try {
            return LoadInThisCopy.load(cache.toString(), jar().toString());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    private static <T> T within(int seconds, Callable<T> task) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(task).get(seconds, TimeUnit.SECONDS);
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aChildJvmStoppedHoldingTheLockMakesOthersFailWithinTheDeadlineNamingItsPid() throws Exception {
        Path cache = tmp.resolve("cache");
        Process child = holder(cache);
        assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).start().waitFor());
        System.setProperty(TIMEOUT, "2");
        long t0 = System.nanoTime();
        String[] result = within(30, () -> {
            try {
                return LoadInThisCopy.loadAndReport(cache.toString(), jar().toString());
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        }).split("\n", 3);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertTrue(seconds < 20, "bounded by the deadline, took " + seconds + " s");
        assertEquals("42", result[0], "the next cache directory was used");
        assertTrue(!Path.of(result[1]).startsWith(cache), result[1]);
        assertTrue(result[2].contains("pid " + child.pid() + " (stopped"), result[2]);
        assertTrue(result[2].contains("kill -CONT"), "it says what to do: " + result[2]);

        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        System.clearProperty(TIMEOUT);
        assertEquals(42, within(60, () -> solo(cache)),
                "once the holder is gone the same cache works");
    }

    @Test
    void anInterruptedWaiterFailsOnlyThatCallWithATypedErrorAndTheNextCallWorks() throws Exception {
        Path cache = tmp.resolve("cache");
        Process child = holder(cache);
        System.setProperty(TIMEOUT, "60");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            Future<Object> waiter = pool.submit(() -> {
                started.countDown();
                try {
                    return LoadInThisCopy.load(cache.toString(), jar().toString());
                } catch (Throwable t) {
                    return List.of(t, Thread.interrupted());
                }
            });
            started.await();
            Thread.sleep(500);
            waiter.cancel(true); // Future.cancel(true), as a request timeout does
            Thread.sleep(10);
            long t0 = System.nanoTime();
            // the same pool thread runs the next task only once the interrupted load has returned
            Future<Integer> probe = pool.submit(() -> 7);
            assertEquals(7, probe.get(10, TimeUnit.SECONDS), "the interrupted load must return promptly");
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 10);

            try (OutputStream in = child.getOutputStream()) {
                in.write('\n');
            }
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the holder finishes once released");
            assertEquals(0, child.exitValue());
            assertEquals(42, pool.submit(() -> solo(cache)).get(60, TimeUnit.SECONDS),
                    "the same thread's next call works: nothing shared was closed by the interrupt");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedLoadReportsATypedInterruptionAndKeepsTheInterruptStatus() throws Exception {
        Path cache = tmp.resolve("cache");
        holder(cache);
        System.setProperty(TIMEOUT, "60");
        List<?> outcome = within(30, () -> {
            Thread.currentThread().interrupt();
            try {
                return List.of(LoadInThisCopy.load(cache.toString(), jar().toString()));
            } catch (Throwable t) {
                return List.of(t, Thread.interrupted());
            }
        });
        NativeLoadException e = assertInstanceOf(NativeLoadException.class, outcome.get(0));
        assertTrue(e.getMessage().contains("interrupted while waiting for the lock"), e.getMessage());
        assertEquals(true, outcome.get(1), "the interrupt status is kept for the caller");
    }

    @Test
    void aSecondCopyOfNativeloadInItsOwnClassLoaderSharesTheCacheSafely() throws Exception {
        Path cache = tmp.resolve("cache");
        List<URL> urls = new ArrayList<>();
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isBlank()) {
                for (String e : v.split(System.getProperty("path.separator"))) {
                    urls.add(Path.of(e).toUri().toURL());
                }
            }
        }
        // the boot loader as parent: the platform loader would hand packages of the test's named modules back to the app loader
        try (URLClassLoader copy = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            Class<?> other = copy.loadClass(LoadInThisCopy.class.getName());
            Method load = other.getMethod("loadAndReport", String.class, String.class);
            assertEquals(copy, other.getClassLoader(), "urls " + urls);
            assertNotSame(LoadInThisCopy.nativeloadLoader(), other.getMethod("nativeloadLoader").invoke(null),
                    "the second copy has its own nativeload classes");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean second = i % 2 == 1;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        return second ? (String) load.invoke(null, cache.toString(), jar().toString())
                                : LoadInThisCopy.loadAndReport(cache.toString(), jar().toString());
                    } catch (InvocationTargetException e) {
                        throw new AssertionError("the second copy failed", e.getCause());
                    } catch (Throwable t) {
                        throw new AssertionError(t);
                    }
                }));
            }
            go.countDown();
            try {
                for (Future<String> r : results) {
                    String[] got = r.get(60, TimeUnit.SECONDS).split("\n", 3);
                    assertEquals("42", got[0]);
                    assertTrue(Path.of(got[1]).startsWith(cache), "every load used the shared cache, none fell through: " + got[2]);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void twoSpellingsOfOneCacheDirectoryExcludeEachOtherWithoutOverlappingLocks() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), real);
        List<Path> spellings = List.of(real.resolve("cache"), alias.resolve("cache"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path cache = spellings.get(i % 2);
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return LoadInThisCopy.loadAndReport(cache.toString(), jar().toString());
                } catch (Throwable t) {
                    throw new AssertionError(cache + ": " + t, t);
                }
            }));
        }
        go.countDown();
        try {
            for (Future<String> r : results) {
                String[] got = r.get(60, TimeUnit.SECONDS).split("\n", 3);
                assertEquals("42", got[0]);
                assertTrue(Path.of(got[1]).toRealPath().startsWith(real.resolve("cache")), "none fell through: " + got[2]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFifoAtTheUseMarkerIsRefusedNeverOpenedAndAFreshEntryIsUsed() throws Exception {
        Path cache = Files.createDirectory(tmp.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        Path entry = Files.createDirectory(cache.resolve(EmbeddedFixtures.sha256(EmbeddedFixtures.testdata("gcc-x86_64",
                "libembedded_solo.so"))));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rwx------"));
        Path fifo = entry.resolve(".used");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        int answer = within(30, () -> solo(cache));
        assertEquals(42, answer);
        assertTrue(Files.exists(cache.resolve(entry.getFileName() + "-1").resolve("libembedded_solo.so")),
                "the entry with the FIFO was passed over");
    }
}
