package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.report.Errno;
import dev.nativeload.internal.diagnose.ErrnoTable;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The host's own {@code strerror}, called through FFM, against loader-api's errno table and texts.
 *
 * <p>Aliases: Linux gives {@code ENOTSUP} and {@code EOPNOTSUPP} the one number 95, so glibc has a
 * single text for both ("Operation not supported"); {@link Errno} records that same text for each.
 */
class ErrnoTextTest {
    private static NativeAccess access;
    private static Host host;

    @BeforeAll
    static void glibcHost() {
        assumeTrue(dev.nativeload.ffm.Host.os() != dev.nativeload.binary.TargetOs.WINDOWS, "strerror texts are POSIX");
        access = FfmNativeAccess.provider();
        host = access.host();
        assumeTrue(host.libc() == LibcFlavor.GLIBC, "Errno.glibcText() is glibc's wording; this libc is " + host.libc());
    }

    @Test
    void everyNumberInTheHostsErrnoTableHasTheGlibcTextOfItsName() {
        ErrnoTable table = ErrnoTable.forHost(host.os(), host.arch()).orElseThrow();
        assertFalse(table.numbers().isEmpty());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Errno, Integer> e : table.numbers().entrySet()) {
            String text = access.errorText(e.getValue());
            if (!text.equals(e.getKey().glibcText())) {
                wrong.add(e.getKey() + "=" + e.getValue() + ": strerror says \"" + text + "\", table says \""
                        + e.getKey().glibcText() + "\"");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aliasesSharingANumberShareTheHostsText() {
        ErrnoTable table = ErrnoTable.forHost(host.os(), host.arch()).orElseThrow();
        int n = table.number(Errno.ENOTSUP).orElseThrow();
        assertEquals(n, table.number(Errno.EOPNOTSUPP).orElseThrow());
        assertEquals(access.errorText(n), Errno.ENOTSUP.glibcText());
        assertEquals(access.errorText(n), Errno.EOPNOTSUPP.glibcText());
    }

    @Test
    void aNumberNoErrorHasGetsGlibcsUnknownErrorText() {
        assertEquals("Unknown error 4242", access.errorText(4242));
        assertEquals("Unknown error -1", access.errorText(-1));
    }

    @Test
    void strerrorFromManyThreadsAtOnceGivesEachItsOwnText() throws InterruptedException {
        ErrnoTable table = ErrnoTable.forHost(host.os(), host.arch()).orElseThrow();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (Errno name : List.of(Errno.ENOENT, Errno.ELOOP, Errno.ENOMEM, Errno.EACCES, Errno.ENOEXEC, Errno.EISDIR)) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000; i++) {
                    String t = access.errorText(table.number(name).orElseThrow());
                    if (!t.equals(name.glibcText())) {
                        errors.add(name + ": " + t);
                    }
                    String u = access.errorText(10_000 + i);
                    if (!u.equals("Unknown error " + (10_000 + i))) {
                        errors.add(u);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), errors);
    }
}
