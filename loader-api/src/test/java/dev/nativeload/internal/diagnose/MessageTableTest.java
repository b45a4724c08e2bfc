package dev.nativeload.internal.diagnose;

import dev.nativeload.resolve.ResolveHost;

import dev.nativeload.report.Diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.FailureKind;
import dev.nativeload.FakeAccess;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.OsError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loader-message table: its rows, the classifier reading them, and the docs page built from them. */
class MessageTableTest {
    private static final MessageTable TABLE = MessageTable.standard();

    private static FailureClassifier classifier() {
        FakeAccess access = new FakeAccess();
        return new FailureClassifier(new PreLoadCheck(access.host(), access::mountFlags),
                new StrerrorIndex(ErrnoTable.LINUX, access::errorText), ResolveHost.forHost(access.host()), "test");
    }

    @Test
    void idsAreUniqueAndEveryRowSaysWhereItComesFromAndWhetherATestProducesIt() {
        Set<String> ids = new HashSet<>();
        for (KnownMessage row : TABLE.rows()) {
            assertTrue(ids.add(row.id()), "duplicate id " + row.id());
            assertTrue(row.id().startsWith(row.loader().name().toLowerCase(java.util.Locale.ROOT) + "."), row.id());
            assertFalse(row.source().isBlank(), row.id());
            assertFalse(row.meaning().isBlank() || row.hint().isBlank(), row.id());
            assertTrue(row.here().startsWith("zoo2:") || row.here().startsWith("no: "), row.id() + ": " + row.here());
        }
    }

    @Test
    void everyPosixSampleMatchesItsOwnRowFirstSoNoRowShadowsAnother() {
        for (KnownMessage row : TABLE.rows()) {
            if (row.loader() == KnownMessage.Loader.WINDOWS) {
                continue;
            }
            MessageTable.Match m = TABLE.match(row.sample(), r -> r.loader() == row.loader())
                    .orElseThrow(() -> new AssertionError(row.id() + " matches nothing"));
            assertEquals(row.id(), m.row().id(), "the sample of " + row.id() + " matched " + m.row().id());
        }
    }

    @Test
    void theClassifierGivesEachRowItsKindWhenTheMessageIsAboutTheLoadedFile() {
        FailureClassifier classifier = classifier();
        List<String> wrong = new ArrayList<>();
        for (KnownMessage row : TABLE.rows()) {
            if (!row.loader().isPosix()) {
                continue;
            }
            MessageTable.Match m = TABLE.match(row.sample()).orElseThrow();
            String object = m.capture("obj").orElse("libx.so");
            Diagnosis d = classifier.classify(new Candidate.Name(object, "test"), new OsError("dlopen", OptionalInt.empty(), row.sample()));
            if (row.kind().isPresent() && row.kind().get() != d.kind()) {
                wrong.add(row.id() + ": table " + row.kind().get() + ", classifier " + d.kind() + " (" + d.cause() + ")");
            }
            if (row.kind().isEmpty() && d.kind() == FailureKind.UNKNOWN && !d.cause().contains(row.meaning())) {
                wrong.add(row.id() + ": its error text decides, yet the classifier says UNKNOWN without the row's meaning: " + d.cause());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theClassifiersMatchNeverReadsAJavaRowSoALogTextCannotDecideALoad() {
        for (KnownMessage row : TABLE.rows()) {
            if (row.loader() == KnownMessage.Loader.JAVA) {
                TABLE.match(row.sample()).ifPresent(m -> assertTrue(m.row().loader().isPosix(), row.id() + " matched " + m.row().id()));
            }
        }
        assertTrue(TABLE.rows().stream().anyMatch(r -> r.loader() == KnownMessage.Loader.JAVA), "the table has Java rows");
    }

    @Test
    void windowsCodesMapToTheirRowsKind() {
        for (KnownMessage row : TABLE.rows()) {
            if (row.loader() == KnownMessage.Loader.WINDOWS) {
                int code = Integer.parseInt(row.template());
                assertEquals(row, TABLE.windows(code).orElseThrow());
                assertEquals(row.kind().orElseThrow(), WindowsErrors.kindOf(code), row.id());
            }
        }
    }

    @Test
    void aWindowsCodeOnlyTheTableKnowsIsDiagnosedWithItsRowsKindAndFix() {
        FakeAccess access = new FakeAccess();
        dev.nativeload.platform.Host windows = dev.nativeload.platform.Host.of(dev.nativeload.binary.TargetOs.WINDOWS,
                access.host().arch(), dev.nativeload.binary.LibcFlavor.UNKNOWN, java.util.Optional.empty(), 4096, false);
        FailureClassifier classifier = new FailureClassifier(new PreLoadCheck(windows, access::mountFlags),
                new StrerrorIndex(ErrnoTable.LINUX, access::errorText), ResolveHost.forHost(windows), "tensorflow_cc");
        Diagnosis d = classifier.classify(new Candidate.Name("tensorflow_cc.dll", "test"),
                new OsError("LoadLibraryExW", OptionalInt.of(1455), "The paging file is too small for this operation to complete."));
        assertEquals(FailureKind.OUT_OF_MEMORY, d.kind(), d.cause());
        assertTrue(d.cause().contains("paging file") && d.hint().contains("paging file"), d.cause() + " / " + d.hint());
    }

    @Test
    void aMessageNotInTheTableIsUnknownAndQuotedVerbatimNotCalledSilent() {
        String said = "/opt/x/libodd.so: the frobnicator is out of phase";
        Diagnosis d = classifier().classify(new Candidate.Name("/opt/x/libodd.so", "test"), new OsError("dlopen", OptionalInt.empty(), said));
        assertEquals(FailureKind.UNKNOWN, d.kind());
        assertTrue(d.cause().contains("\"" + said + "\""), d.cause());
        assertFalse(d.cause().contains("did not say why"), d.cause());
    }

    @Test
    void staticTlsInADependencyIsStaticTlsNamingTheDependencyNotAMissingOne() throws Exception {
        Path zlib = Files.exists(Path.of("/lib/x86_64-linux-gnu/libz.so.1")) ? Path.of("/lib/x86_64-linux-gnu/libz.so.1")
                : Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1");
        Path lib = Files.copy(zlib, Files.createTempDirectory("tls").resolve("libwrapper.so"));
        Diagnosis d = classifier().classify(new Candidate.File(lib, "test"),
                new OsError("dlopen", OptionalInt.empty(), "/opt/cef/libcef.so: cannot allocate memory in static TLS block"));
        assertEquals(FailureKind.STATIC_TLS, d.kind(), d.cause());
        assertEquals(java.util.Optional.of("libcef.so"), d.dependency());
        assertTrue(d.hint().contains("glibc.rtld.optional_static_tls") && d.hint().contains("-ftls-model=global-dynamic"), d.hint());
        assertNotEquals(FailureKind.MISSING_DEPENDENCY, d.kind());
    }

    @Test
    void aRowWithTheWrongNumberOfColumnsIsRefusedNamingItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageTable.parse(List.of("# comment", "glibc.x\tglibc\tCORRUPT")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theDocsPageListsEveryRowAsTheTableHasIt() throws Exception {
        Path page = Path.of("..", "docs", "loader-messages.md");
        String expected = LoaderMessagesPage.render(TABLE);
        String actual = Files.readString(page);
        if (!actual.equals(expected) && Boolean.getBoolean("nativeload.writeDocs")) {
            Files.writeString(page, expected);
            actual = expected;
        }
        assertEquals(expected, actual, "docs/loader-messages.md differs from loader-messages.tsv; rerun this test with "
                + "-Dnativeload.writeDocs=true to rewrite the page from the table");
    }
}
