package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nativeload.spi.OpenMode;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.ffm.fixtures.BrokenLibraries;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenResult;
import dev.nativeload.spi.OsError;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The raw facts glibc's dlopen gives for real broken set-ups: the call, the {@code dlerror()} text
 * verbatim, and {@code errno} (which glibc's dlopen restores, so it is absent). The expected texts
 * are glibc's own, as recorded in the project's fixture notes for glibc 2.36.
 */
class RawLoaderFailureTest {
    private static NativeAccess access;

    @BeforeAll
    static void glibcOnly() {
        assumeTrue(Host.os() == TargetOs.LINUX, "dlopen failure texts are glibc's");
        access = FfmNativeAccess.provider();
        assumeTrue(access.host().libc() == LibcFlavor.GLIBC, "the expected texts are glibc's");
    }

    @AfterAll
    static void unmount() {
        BrokenLibraries.unmountAll();
    }

    private static OsError failure(Path target) {
        OpenResult r = access.open(target.toString(), OpenMode.DEFAULT);
        OsError e = assertInstanceOf(OpenResult.Failed.class, r, () -> target + " opened").error();
        assertEquals("dlopen", e.call());
        return e;
    }

    private static void assertFails(Path target, String expectedMessage) {
        OsError e = failure(target);
        assertEquals(expectedMessage, e.message());
        assertEquals(OptionalInt.empty(), e.code(), "glibc's dlopen leaves errno 0");
    }

    @Test
    void missingFileSaysNoSuchFile() {
        Path p = BrokenLibraries.missingFile();
        assertFails(p, p + ": cannot open shared object file: No such file or directory");
    }

    @Test
    void aarch64LibraryOnThisX86HostAlsoSaysNoSuchFile() {
        assumeTrue(access.host().arch().name().equals("x86_64"), "the aarch64 fixture is foreign only on x86_64");
        Path p = BrokenLibraries.foreignMachine();
        assertFails(p, p + ": cannot open shared object file: No such file or directory");
    }

    @Test
    void i386LibraryInA64BitProcessSaysWrongElfClass() {
        Path p = BrokenLibraries.wrongClass();
        assertFails(p, p + ": wrong ELF class: ELFCLASS32");
    }

    @Test
    void textFileSaysInvalidElfHeader() {
        Path p = BrokenLibraries.textFile();
        assertFails(p, p + ": invalid ELF header");
    }

    @Test
    void emptyFileSaysFileTooShort() {
        Path p = BrokenLibraries.emptyFile();
        assertFails(p, p + ": file too short");
    }

    @Test
    void directorySaysIsADirectory() {
        Path p = BrokenLibraries.directory();
        assertFails(p, p + ": cannot read file data: Is a directory");
    }

    @Test
    void symlinkLoopSaysTooManyLevelsOfSymbolicLinks() {
        Path p = BrokenLibraries.symlinkLoop();
        assertFails(p, p + ": cannot open shared object file: Too many levels of symbolic links");
    }

    @Test
    void muslLinkedLibraryFailsOnGlibcsLibcSoLinkerScriptWithInvalidElfHeader() {
        Path p = BrokenLibraries.muslLinked();
        OsError e = failure(p);
        // The musl library needs "libc.so"; glibc finds its own libc.so, a linker script, in its search path.
        assertEquals("libc.so", Path.of(e.message().substring(0, e.message().indexOf(':'))).getFileName().toString(),
                e.message());
        assertEquals(": invalid ELF header", e.message().substring(e.message().indexOf(':')));
    }

    @Test
    void missingDependencyMessageNamesTheDependencyNotTheLibrary() {
        BrokenLibraries.MissingDependency m = BrokenLibraries.missingDependency();
        assertFails(m.library(), m.dependency() + ": cannot open shared object file: No such file or directory");
    }

    @Test
    void missingDependencyOfADependencyGivesTheSameMessage() {
        BrokenLibraries.MissingDependency m = BrokenLibraries.missingTransitiveDependency();
        assertFails(m.library(), m.dependency() + ": cannot open shared object file: No such file or directory");
    }

    @Test
    void undefinedDataSymbolFailsEvenWithLazyBinding() {
        BrokenLibraries.UndefinedSymbol u = BrokenLibraries.undefinedDataSymbol();
        assertFails(u.library(), u.library() + ": undefined symbol: " + u.symbol());
        OpenResult lazy = access.open(u.library().toString(), new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL));
        assertEquals(u.library() + ": undefined symbol: " + u.symbol(),
                assertInstanceOf(OpenResult.Failed.class, lazy).error().message());
    }

    @Test
    void missingSymbolVersionNamesTheVersionTheProviderAndTheUser() {
        BrokenLibraries.VersionNotFound v = BrokenLibraries.versionNotFound();
        assertFails(v.library(), v.provider() + ": version `" + v.version() + "' not found (required by " + v.library() + ")");
    }

    @Test
    void hugeMemorySizeFailsToMapSegmentWithNoReason() {
        Path p = BrokenLibraries.hugeMemsz();
        assertFails(p, p + ": failed to map segment from shared object");
    }

    @Test
    void libraryOnNoexecMountFailsToMapSegmentWithNoReason() {
        Path p = BrokenLibraries.onNoexecMount();
        assertFails(p, p + ": failed to map segment from shared object");
    }

    @Test
    void theSameBrokenLibraryGivesTheSameTextOnEveryAttempt() {
        Path p = BrokenLibraries.textFile();
        assertEquals(failure(p), failure(p));
    }
}
