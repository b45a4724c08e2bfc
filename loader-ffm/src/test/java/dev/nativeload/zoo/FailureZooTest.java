package dev.nativeload.zoo;

import dev.nativeload.spi.LoadStrategy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.IncompatibleLibraryException;
import dev.nativeload.LibraryAccessException;
import dev.nativeload.LibraryMemoryException;
import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.MissingDependencyException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.report.Outcome;
import dev.nativeload.SymlinkLoopException;
import dev.nativeload.UnresolvedSymbolException;
import dev.nativeload.ffm.fixtures.BrokenLibraries;
import dev.nativeload.platform.Environment;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The failure zoo: real broken set-ups built by the tests, loaded through the real chain and the
 * real OS, each asserting the cause's kind, the exception family, and that the message names the
 * right file. Where glibc's words mislead, both ways are checked: with the header pre-check (the
 * candidate is skipped without dlopen) and without it (dlopen fails, the classifier explains).
 */
class FailureZooTest {
    @AfterAll
    static void unmount() {
        BrokenLibraries.unmountAll();
    }

    private static NativeLoadException failure(Path library, boolean precheck) {
        return failure(library, precheck, OpenMode.DEFAULT);
    }

    private static NativeLoadException failure(Path library, boolean precheck, OpenMode mode) {
        NativeLoader loader = NativeLoader.builder(String.valueOf(library.getFileName()))
                .strategies(List.of(LoadStrategy.file(library))).precheck(precheck).mode(mode).build();
        return assertThrows(NativeLoadException.class, loader::load);
    }

    private static void assertNames(NativeLoadException e, String what) {
        assertTrue(e.getMessage().contains(what), () -> "the message should name " + what + ":\n" + e.getMessage());
    }

    @Test
    void aHealthyLibraryLoadsAndItsFunctionCanBeCalled() throws Throwable {
        NativeLibrary lib = NativeLoader.load(BrokenLibraries.good());
        var answer = Linker.nativeLinker().downcallHandle(lib.lookup("nl_answer"), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        assertEquals(42, (int) answer.invokeExact());
        assertTrue(Files.isSameFile(BrokenLibraries.good(), lib.path()), lib.path().toString());
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aMissingFileIsNotFound(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.missingFile(), precheck);
        assertInstanceOf(LibraryNotFoundException.class, e);
        assertEquals(FailureKind.NOT_FOUND, e.kind());
        assertNames(e, BrokenLibraries.missingFile().toString());
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void anAarch64LibraryIsWrongArchitectureThoughGlibcSaysNoSuchFile(boolean precheck) {
        Path lib = BrokenLibraries.foreignMachine();
        NativeLoadException e = failure(lib, precheck);
        assertInstanceOf(IncompatibleLibraryException.class, e);
        assertEquals(FailureKind.WRONG_ARCHITECTURE, e.kind());
        assertNames(e, "aarch64");
        assertNames(e, lib.getFileName().toString());
        if (!precheck) {
            assertTrue(e.diagnosis().osMessage().orElseThrow().contains("No such file or directory"), e.getMessage());
            assertTrue(e.diagnosis().cause().contains("the loader said the file is missing, but it exists"), e.getMessage());
        } else {
            assertInstanceOf(Outcome.Skipped.class, e.report().attempts().getFirst().outcome(), "skipped without dlopen");
        }
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void a32BitLibraryIsWrongArchitecture(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.wrongClass(), precheck);
        assertEquals(FailureKind.WRONG_ARCHITECTURE, e.kind());
        assertNames(e, "32");
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aMuslLinkedLibraryIsWrongLibcThoughGlibcBlamesLibcSo(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.muslLinked(), precheck);
        assertInstanceOf(IncompatibleLibraryException.class, e);
        assertEquals(FailureKind.WRONG_LIBC, e.kind());
        assertNames(e, "musl");
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aTextFileIsWrongFormat(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.textFile(), precheck);
        assertEquals(FailureKind.WRONG_FORMAT, e.kind());
        assertNames(e, BrokenLibraries.textFile().getFileName().toString());
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void anEmptyFileIsTruncated(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.emptyFile(), precheck);
        assertEquals(FailureKind.TRUNCATED, e.kind());
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aDirectoryIsNotAFile(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.directory(), precheck);
        assertEquals(FailureKind.NOT_A_FILE, e.kind());
        assertInstanceOf(LibraryNotFoundException.class, e);
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aSymlinkLoopIsSymlinkLoop(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.symlinkLoop(), precheck);
        assertInstanceOf(SymlinkLoopException.class, e);
        assertEquals(FailureKind.SYMLINK_LOOP, e.kind());
    }

    @Test
    void aMissingDependencyNamesTheDependencyAndWhoNeedsIt() {
        BrokenLibraries.MissingDependency broken = BrokenLibraries.missingDependency();
        NativeLoadException e = failure(broken.library(), true);
        assertInstanceOf(MissingDependencyException.class, e);
        assertEquals(Optional.of(broken.dependency()), e.diagnosis().dependency());
        assertEquals(Optional.of(broken.neededBy().toString()), e.diagnosis().neededBy());
        assertNames(e, broken.dependency());
        assertEquals(Optional.of(new Diagnosis.Culprit.Dependency(broken.dependency(), broken.neededBy().toString())),
                ((MissingDependencyException) e).dependency(), "the culprit, typed, from the exception's own type");
    }

    @Test
    void aMissingGrandchildDependencyNamesTheIntermediateLibraryAsNeedingIt() {
        BrokenLibraries.MissingDependency broken = BrokenLibraries.missingTransitiveDependency();
        NativeLoadException e = failure(broken.library(), true);
        assertEquals(FailureKind.MISSING_DEPENDENCY, e.kind());
        assertEquals(Optional.of(broken.dependency()), e.diagnosis().dependency());
        assertEquals(Optional.of(broken.neededBy().toString()), e.diagnosis().neededBy());
    }

    @Test
    void anUndefinedDataSymbolFailsEvenWithLazyBinding() {
        BrokenLibraries.UndefinedSymbol broken = BrokenLibraries.undefinedDataSymbol();
        NativeLoadException e = failure(broken.library(), true, new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL));
        assertInstanceOf(UnresolvedSymbolException.class, e);
        assertEquals(FailureKind.UNDEFINED_SYMBOL, e.kind());
        assertEquals(Optional.of(broken.symbol()), e.diagnosis().symbol());
        assertEquals(broken.symbol(), ((UnresolvedSymbolException) e).unresolved()
                .map(c -> ((Diagnosis.Culprit.Symbol) c).name()).orElseThrow());
    }

    @Test
    void anUndefinedFunctionFailsWithNowBindingAndLoadsWithLazyWhenSymbolsAreNotBoundBeforeTheLoad() {
        BrokenLibraries.UndefinedSymbol broken = BrokenLibraries.undefinedFunction();
        NativeLoadException e = failure(broken.library(), true);
        assertEquals(FailureKind.UNDEFINED_SYMBOL, e.kind());
        assertEquals(Optional.of(broken.symbol()), e.diagnosis().symbol());
        NativeLibrary lazy = NativeLoader.builder("undeffn-lazy").strategies(List.of(LoadStrategy.file(broken.library())))
                .mode(new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL)).bindSymbolsBeforeLoad(false).build().load();
        assertTrue(lazy.find("call_missing").isPresent());
    }

    @Test
    void aMissingSymbolVersionNamesTheVersionTheProviderAndTheUser() {
        BrokenLibraries.VersionNotFound broken = BrokenLibraries.versionNotFound();
        NativeLoadException e = failure(broken.library(), true);
        assertInstanceOf(UnresolvedSymbolException.class, e);
        assertEquals(FailureKind.VERSION_NOT_FOUND, e.kind());
        assertEquals(Optional.of(broken.version()), e.diagnosis().version());
        assertEquals(Optional.of(broken.provider().toString()), e.diagnosis().dependency());
        assertEquals(Optional.of(broken.library().toString()), e.diagnosis().neededBy());
        assertEquals(Optional.of(new Diagnosis.Culprit.Version(broken.version(), broken.provider().toString(),
                broken.library().toString())), ((UnresolvedSymbolException) e).unresolved());
    }

    @Test
    void anImpossibleSegmentSizeIsOutOfMemoryAndSaysHowMuchWasAsked() {
        NativeLoadException e = failure(BrokenLibraries.hugeMemsz(), true);
        assertInstanceOf(LibraryMemoryException.class, e);
        assertEquals(FailureKind.OUT_OF_MEMORY, e.kind());
        assertTrue(e.diagnosis().osMessage().orElseThrow().contains("failed to map segment"), e.getMessage());
        assertNames(e, "TiB");
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aLibraryOnANoexecMountIsNoexecMountThoughGlibcGivesNoReason(boolean precheck) {
        Path lib = BrokenLibraries.onNoexecMount();
        NativeLoadException e = failure(lib, precheck);
        assertInstanceOf(LibraryAccessException.class, e);
        assertEquals(FailureKind.NOEXEC_MOUNT, e.kind());
        assertNames(e, "noexec");
        assertNames(e, lib.getParent().toString());
    }

    @Test
    void aWrongArchitectureLibraryEarlierOnThePathIsSkippedAndTheGoodOneLaterLoads() throws IOException {
        Path first = Files.createDirectories(BrokenLibraries.dir().resolve("path-first"));
        Path second = Files.createDirectories(BrokenLibraries.dir().resolve("path-second"));
        Files.copy(BrokenLibraries.foreignMachine(), first.resolve("libzoopath.so"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(BrokenLibraries.good(), second.resolve("libzoopath.so"), StandardCopyOption.REPLACE_EXISTING);
        Properties props = new Properties();
        props.setProperty("java.library.path", "");
        NativeLibrary lib = NativeLoader.builder("zoopath").directories(first, second)
                .environment(Environment.of(Map.of(), props)).build().load();
        assertEquals(second.resolve("libzoopath.so"), lib.path());
        assertTrue(lib.report().attempts().stream().anyMatch(a -> a.target().equals(first.resolve("libzoopath.so").toString())
                && a.diagnosis().map(d -> d.kind() == FailureKind.WRONG_ARCHITECTURE).orElse(false)), lib.report().render());
    }

    private static Path testdata(String first, String... more) {
        return Path.of(System.getProperty("nativeload.testdata", "../testdata"), first).resolve(Path.of("", more));
    }

    private static Path copyAs(Path source, String name) throws IOException {
        Path dir = Files.createDirectories(BrokenLibraries.dir().resolve("foreign-formats"));
        return Files.copy(source, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aWindowsDllIsWrongFormatOnLinux(boolean precheck) throws IOException {
        Path dll = copyAs(testdata("pe", "mingw-x86_64", "dep.dll"), "libwindll.so");
        NativeLoadException e = failure(dll, precheck);
        assertInstanceOf(IncompatibleLibraryException.class, e);
        assertEquals(FailureKind.WRONG_FORMAT, e.kind());
        assertNames(e, "libwindll.so");
        if (precheck) {
            assertNames(e, "PE");
        }
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aMachODylibIsWrongFormatOnLinux(boolean precheck) throws IOException {
        Path dylib = copyAs(testdata("macho", "x86_64-macos10.15", "libdep.dylib"), "libmacho.so");
        NativeLoadException e = failure(dylib, precheck);
        assertEquals(FailureKind.WRONG_FORMAT, e.kind());
        assertNames(e, "libmacho.so");
    }

    @Test
    void aRunpathDoesNotReachAGrandchildAndTheChainNamesTheIntermediate() {
        BrokenLibraries.MissingDependency broken = BrokenLibraries.runpathNotInherited();
        NativeLoadException e = failure(broken.library(), true);
        assertInstanceOf(MissingDependencyException.class, e);
        assertEquals(Optional.of(broken.dependency()), e.diagnosis().dependency());
        assertEquals(Optional.of(broken.neededBy().toString()), e.diagnosis().neededBy());
        assertNames(e, "libmid.so → libbar.so.7");
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aLibraryNeedingANewerGlibcIsVersionNotFoundNamingBothVersions(boolean precheck) {
        Path lib = BrokenLibraries.needsNewerGlibc();
        NativeLoadException e = failure(lib, precheck);
        assertInstanceOf(UnresolvedSymbolException.class, e);
        assertEquals(FailureKind.VERSION_NOT_FOUND, e.kind());
        assertEquals(Optional.of("GLIBC_9.9.9"), e.diagnosis().version());
        assertNames(e, "GLIBC_9.9.9");
        assertNames(e, "glibc 2.");
    }

    @ParameterizedTest(name = "precheck={0}")
    @ValueSource(booleans = {true, false})
    void aLibraryCutShortIsTruncated(boolean precheck) {
        NativeLoadException e = failure(BrokenLibraries.truncated(40), precheck);
        assertEquals(FailureKind.TRUNCATED, e.kind());
        assertNames(e, "libcut40.so");
    }
}
