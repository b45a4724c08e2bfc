package dev.nativeload.internal.diagnose;

import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.Errno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.FailureKind;
import dev.nativeload.FakeAccess;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.spi.OsError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureClassifierTest {
    @TempDir
    Path dir;

    private static FailureClassifier classifier(FakeAccess access) {
        PreLoadCheck check = new PreLoadCheck(access.host(), access::mountFlags);
        return new FailureClassifier(check, new StrerrorIndex(ErrnoTable.LINUX, access::errorText),
                ResolveHost.forHost(access.host()), "test");
    }

    private static OsError dlopen(String message) {
        return new OsError("dlopen", OptionalInt.empty(), message);
    }

    /** A real library of this host, copied under another name: its headers pass every pre-check. */
    private Path file(String name) throws IOException {
        Path zlib = Path.of("/lib/x86_64-linux-gnu/libz.so.1");
        if (!Files.exists(zlib)) {
            zlib = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1");
        }
        return Files.copy(zlib, dir.resolve(name));
    }

    @Test
    void aDependencyNamedInTheMessageIsAMissingDependencyNotAMissingLibrary() throws IOException {
        Path lib = file("libfoo.so");
        Diagnosis d = classifier(new FakeAccess()).classify(new Candidate.File(lib, "test"),
                dlopen("libbar.so.7: cannot open shared object file: No such file or directory"));
        assertEquals(FailureKind.MISSING_DEPENDENCY, d.kind());
        assertEquals(Optional.of("libbar.so.7"), d.dependency());
        assertTrue(d.cause().contains("libbar.so.7"), d.cause());
        assertEquals(Optional.of(Errno.ENOENT), d.errno());
    }

    @Test
    void versionNotFoundNamesVersionDependencyAndWhoNeedsIt() throws IOException {
        Path lib = file("libuser.so");
        Diagnosis d = classifier(new FakeAccess()).classify(new Candidate.File(lib, "test"),
                dlopen(dir + "/libver.so: version `ZOO_2.0' not found (required by " + lib + ")"));
        assertEquals(FailureKind.VERSION_NOT_FOUND, d.kind());
        assertEquals(Optional.of("ZOO_2.0"), d.version());
        assertEquals(Optional.of(dir + "/libver.so"), d.dependency());
        assertEquals(Optional.of(lib.toString()), d.neededBy());
    }

    @Test
    void glibcVersionNotFoundMentionsTheHostGlibcVersion() {
        Diagnosis d = classifier(new FakeAccess()).classify(new Candidate.Name("libnew.so", "test"),
                dlopen("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found (required by /opt/libnew.so)"));
        assertEquals(FailureKind.VERSION_NOT_FOUND, d.kind());
        assertTrue(d.cause().contains("GLIBC_2.38") && d.cause().contains("glibc 2.36"), d.cause());
    }

    @Test
    void undefinedSymbolNamesTheSymbol() throws IOException {
        Path lib = file("libu.so");
        Diagnosis d = classifier(new FakeAccess()).classify(new Candidate.File(lib, "test"),
                dlopen(lib + ": undefined symbol: missing_var"));
        assertEquals(FailureKind.UNDEFINED_SYMBOL, d.kind());
        assertEquals(Optional.of("missing_var"), d.symbol());
    }

    @Test
    void failedMapOnANoexecMountIsNoexecMountNotOutOfMemory() throws IOException {
        Path lib = file("libn.so");
        FakeAccess access = new FakeAccess().mount(dir, new MountFlags(true, false, false));
        Diagnosis d = classifier(access).classify(new Candidate.File(lib, "test"),
                dlopen(lib + ": failed to map segment from shared object"));
        assertEquals(FailureKind.NOEXEC_MOUNT, d.kind());
        assertTrue(d.cause().contains("noexec"), d.cause());
    }

    @Test
    void failedMapOnAnExecMountIsOutOfMemory() throws IOException {
        Path lib = file("libm2.so");
        FakeAccess access = new FakeAccess().mount(dir, new MountFlags(false, false, false));
        Diagnosis d = classifier(access).classify(new Candidate.Name(lib.toString(), "test"),
                dlopen(lib + ": failed to map segment from shared object"));
        assertEquals(FailureKind.OUT_OF_MEMORY, d.kind());
    }

    @Test
    void aTranslatedStrerrorIsMatchedThroughTheHostsOwnTable() {
        Map<Integer, String> french = Map.of(2, "Aucun fichier ou dossier de ce type", 40, "Trop de niveaux de liens symboliques");
        FakeAccess access = new FakeAccess(FakeAccess.GLIBC_X86_64, n -> french.getOrDefault(n, "Erreur inconnue " + n));
        Diagnosis d = classifier(access).classify(new Candidate.Name("libx.so", "test"),
                dlopen("libx.so: impossible d'ouvrir le fichier d'objet partagé: Trop de niveaux de liens symboliques"));
        assertEquals(FailureKind.SYMLINK_LOOP, d.kind());
        assertEquals(Optional.of(Errno.ELOOP), d.errno());
        assertEquals(OptionalInt.of(40), d.osCode());
    }

    @Test
    void theMuslLibcLinkerScriptMessageAboutADependencyIsWrongLibc() throws IOException {
        Path lib = file("libmusl.so");
        Diagnosis d = classifier(new FakeAccess()).classify(new Candidate.File(lib, "test"),
                dlopen("/lib/x86_64-linux-gnu/libc.so: invalid ELF header"));
        assertEquals(FailureKind.WRONG_LIBC, d.kind());
        assertTrue(d.cause().contains("musl"), d.cause());
    }

    @Test
    void theRawErrnoIsUsedWhenTheMessageHasNoKnownText() {
        FakeAccess access = new FakeAccess();
        Diagnosis d = classifier(access).classify(new Candidate.Name("libq.so", "test"),
                new OsError("dlopen", OptionalInt.of(12), "libq.so: something odd happened"));
        assertEquals(FailureKind.OUT_OF_MEMORY, d.kind());
        assertEquals(Optional.of(Errno.ENOMEM), d.errno());
    }

    @Test
    void anUnexplainedFailureIsUnknownAndKeepsTheOsWords() {
        Diagnosis d = classifier(new FakeAccess()).classify(new Candidate.Name("libq.so", "test"),
                dlopen("something nobody has seen"));
        assertEquals(FailureKind.UNKNOWN, d.kind());
        assertEquals(Optional.of("something nobody has seen"), d.osMessage());
    }
}
