package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nativeload doctor --json} on failures rebuilt from reports users filed against projects
 * that load natives: each set-up comes from {@code testdata/zoo2/messages/build.sh} and names the
 * public report it reproduces. Every verdict: exit status 1, the right kind, the file or dependency
 * named, and a hint that is true for that set-up.
 */
@EnabledOnOs(OS.LINUX)
class Zoo2DoctorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The doctor's verdict on one file: exit status 1 and a cause of the given kind. */
    private JsonNode cause(Path target, String kind) throws Exception {
        CliRun run = CliRun.run(dir, "doctor", "--json", target.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        JsonNode node = JSON.readTree(run.outLines().get(0));
        assertFalse(node.get("loaded").asBoolean());
        JsonNode cause = node.get("cause");
        assertEquals(kind, cause.get("kind").asText(), cause.toPrettyString());
        assertFalse(cause.get("hint").asText().isBlank());
        return cause;
    }

    private static String text(JsonNode cause, String field) {
        JsonNode v = cause.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    // https://github.com/risingwavelabs/risingwave/issues/24636 : a JNI library linked with jemalloc
    // (initial-exec TLS) fails System.load with "cannot allocate memory in static TLS block".
    @Test
    void initialExecTlsTooLargeForTheStaticBlockIsStaticTlsWithTheFixesThatWork() throws Exception {
        Path lib = Zoo2.target("static-tls");
        JsonNode c = cause(lib, "STATIC_TLS");
        assertTrue(text(c, "message").contains("libbigtls.so") && text(c, "message").contains("4096 KiB of TLS"), c.toString());
        assertTrue(text(c, "message").contains("not a memory shortage"), c.toString());
        String hint = text(c, "hint");
        assertTrue(hint.contains("LD_PRELOAD=" + lib) && hint.contains("glibc.rtld.optional_static_tls")
                && hint.contains("-ftls-model=global-dynamic"), hint);
    }

    // https://github.com/jcefmaven/jcefmaven/issues/96 : libjcef.so fails because its dependency
    // libcef.so cannot allocate memory in static TLS block; the dependency, not the wrapper, is named.
    @Test
    void staticTlsInADependencyNamesTheDependencyAndWhoNeedsIt() throws Exception {
        Path lib = Zoo2.target("static-tls-dependency");
        JsonNode c = cause(lib, "STATIC_TLS");
        assertEquals("libbigtls.so", text(c, "dependency"), c.toString());
        assertEquals(lib.toString(), text(c, "neededBy"), c.toString());
        assertTrue(text(c, "hint").contains("LD_PRELOAD=" + lib.resolveSibling("libbigtls.so")), c.toString());
    }

    // https://github.com/JetBrains/JetBrainsRuntime/issues/366 (and chromiumembedded/cef#3695):
    // libcef.so linked for 4 KiB pages refused on a 64 KiB-page arm64 kernel.
    @Test
    void segmentsLaidOutForSmallerPagesArePageSizeMismatchNamingBothSizes() throws Exception {
        JsonNode c = cause(Zoo2.target("small-pages"), "PAGE_SIZE_MISMATCH");
        assertTrue(text(c, "message").contains("pages of 1 KiB") && text(c, "message").contains("this kernel uses 4 KiB pages"), c.toString());
        assertTrue(text(c, "hint").contains("-z,max-page-size=65536"), c.toString());
    }

    // https://github.com/java-native-access/jna/issues/1335 ("ELF file's phentsize not the expected
    // size" after Maven copied the library as a filtered resource), and dmlc/xgboost#4303.
    @Test
    void aLibraryMangledByResourceFilteringIsCorruptWithTheFilteringFix() throws Exception {
        JsonNode c = cause(Zoo2.target("text-filtered"), "CORRUPT");
        assertTrue(text(c, "message").contains("EF BF BD") && text(c, "message").contains("text filter"), c.toString());
        assertTrue(text(c, "hint").contains("nonFilteredFileExtensions"), c.toString());
    }

    // https://github.com/openfrontio/OpenFrontIO/pull/4771 : a Windows checkout with core.autocrlf
    // gave every 0x0A byte of a binary file a 0x0D before it.
    @Test
    void aLibraryWithLineFeedsTurnedIntoCrLfIsCorruptNotACrash() throws Exception {
        JsonNode c = cause(Zoo2.target("crlf"), "CORRUPT");
        assertTrue(text(c, "message").contains("CR LF") && text(c, "message").contains("line-ending conversion"), c.toString());
        assertTrue(text(c, "hint").contains(".gitattributes"), c.toString());
    }

    // https://github.com/leev/ngx_http_geoip2_module/issues/94 : dlopen of the module's .o file,
    // "only ET_DYN and ET_EXEC can be loaded".
    @Test
    void aRelocatableObjectIsNotALibraryAndTheHintSaysToLinkIt() throws Exception {
        JsonNode c = cause(Zoo2.target("object-file"), "NOT_A_LIBRARY");
        assertTrue(text(c, "message").contains("plain.o") && text(c, "message").contains("relocatable object"), c.toString());
        assertTrue(text(c, "hint").contains("-shared"), c.toString());
    }

    // https://github.com/nixcloud/ip2unix/issues/9 : glibc 2.30+ refuses to dlopen a PIE
    // ("cannot dynamically load position-independent executable").
    @Test
    void aPieExecutableIsNotALibrary() throws Exception {
        JsonNode c = cause(Zoo2.target("pie"), "NOT_A_LIBRARY");
        assertTrue(text(c, "message").contains("position-independent executable"), c.toString());
    }

    // https://github.com/nixcloud/ip2unix/issues/9 (later comment): the non-PIE build gives
    // "cannot dynamically load executable".
    @Test
    void aNonPieExecutableIsNotALibrary() throws Exception {
        JsonNode c = cause(Zoo2.target("executable"), "NOT_A_LIBRARY");
        assertTrue(text(c, "message").contains("prog") && text(c, "message").contains("program"), c.toString());
    }

    // https://github.com/cisco/ChezScheme/issues/39 : loading libc.so gives "invalid ELF header"
    // because it is a GNU ld script naming libc.so.6.
    @Test
    void aLinkerScriptIsNamedWithTheRealLibraryItPointsTo() throws Exception {
        Path script = Zoo2.target("ld-script");
        JsonNode c = cause(script, "WRONG_FORMAT");
        assertTrue(text(c, "message").contains("GNU ld linker script")
                && text(c, "message").contains(script.resolveSibling("libplain.so.1") + " exists"), c.toString());
        assertTrue(text(c, "hint").contains("load " + script.resolveSibling("libplain.so.1")), c.toString());
    }

    // https://github.com/qpdf/qpdf/issues/895 : libqpdf.so.28 held only the text "libqpdf.so.28.6.3"
    // after the release zip was extracted on Windows; glibc said "file too short".
    @Test
    void aSymlinkFlattenedIntoATextFileNamesItsTargetAndThatItExists() throws Exception {
        Path link = Zoo2.target("flattened-symlink");
        JsonNode c = cause(link, "WRONG_FORMAT");
        assertTrue(text(c, "message").contains("\"libplain.so.1.0.0\"")
                && text(c, "message").contains(link.resolveSibling("libplain.so.1.0.0") + " exists"), c.toString());
        assertFalse(text(c, "hint").contains("cut short"), c.toString());
        assertTrue(text(c, "hint").contains("ln -sf libplain.so.1.0.0"), c.toString());
    }

    // https://github.com/RigsOfRods/rigs-of-rods/issues/3110 (and unslothai/unsloth#9268): a
    // dependency, ./lib/libXt.so.6, was a 14-byte flattened link: "file too short".
    @Test
    void aFlattenedDependencyIsNamedAsTheDependencyNotAsMissing() throws Exception {
        Path lib = Zoo2.target("dep-flattened");
        JsonNode c = cause(lib, "WRONG_FORMAT");
        assertEquals("libdep.so.1", text(c, "dependency"), c.toString());
        assertEquals(lib.toString(), text(c, "neededBy"), c.toString());
        assertTrue(text(c, "message").contains("\"libdep.so.1.2.3\""), c.toString());
    }

    // https://github.com/ibmruntimes/openj9-openjdk-jdk8/issues/128 : libcrypto.so.1.1 sat beside
    // libjncrypto.so, which had no RPATH $ORIGIN, and was "not found" (also zeromq/jzmq#43: loading
    // the dependency first fixed it).
    @Test
    void aDependencyBesideTheLibraryButOnNoSearchPathIsNamedWithWhyAndBothFixes() throws Exception {
        Path lib = Zoo2.target("dep-beside");
        JsonNode c = cause(lib, "MISSING_DEPENDENCY");
        assertEquals("libdep.so", text(c, "dependency"));
        assertTrue(text(c, "message").contains(lib.resolveSibling("libdep.so") + " is beside libtop.so")
                && text(c, "message").contains("no RUNPATH with $ORIGIN"), c.toString());
        assertTrue(text(c, "hint").contains("load " + lib.resolveSibling("libdep.so") + " first")
                && text(c, "hint").contains("$ORIGIN"), c.toString());
        assertFalse(text(c, "hint").contains("put it next to the library"), c.toString());
    }

    // https://github.com/HIT-SCIR/ltp/issues/170 : the JNI library was copied to another machine
    // without libsegmentor.so.0.2.0, which it needs; nothing loadable exists anywhere the loader looks.
    @Test
    void aDependencyFoundNowhereIsMissingAndTheHintNamesTheDirectoryItsRunpathSearches() throws Exception {
        Path lib = Zoo2.target("dep-missing");
        JsonNode c = cause(lib, "MISSING_DEPENDENCY");
        assertEquals("libdep.so", text(c, "dependency"));
        assertEquals(lib.toString(), text(c, "neededBy"));
        assertTrue(text(c, "hint").contains("put it in " + lib.getParent() + " (the RUNPATH of libtop.so searches it)"), c.toString());
    }

    // https://github.com/termux/termux-app/issues/1576 : a library built for another machine
    // (aarch64) where the loader looks is reported only as "cannot open shared object file".
    @Test
    void aDependencyCandidateForAnotherMachineIsNamedWithWhyItWasSkipped() throws Exception {
        Path lib = Zoo2.target("dep-other-machine");
        JsonNode c = cause(lib, "MISSING_DEPENDENCY");
        assertEquals("libdep.so", text(c, "dependency"));
        assertTrue(text(c, "message").contains(lib.resolveSibling("libdep.so").toString())
                && text(c, "message").toLowerCase(java.util.Locale.ROOT).contains("aarch64"), c.toString());
        assertTrue(text(c, "hint").contains("for this machine"), c.toString());
    }

    // https://github.com/maidsafe/sn_java/issues/32 : the JNI library named its dependency by the
    // build machine's absolute path, out of reach of any search path.
    @Test
    void anAbsoluteDependencyPathGetsNoRunpathAdvice() throws Exception {
        JsonNode c = cause(Zoo2.target("dep-absolute"), "MISSING_DEPENDENCY");
        assertEquals("/opt/nativeload-zoo2-absent/libdep.so", text(c, "dependency"), c.toString());
        assertFalse(text(c, "hint").contains("RUNPATH") || text(c, "hint").contains("LD_LIBRARY_PATH"), c.toString());
        assertTrue(text(c, "hint").contains("never searches"), c.toString());
    }

    // https://github.com/CachyOS/distribution/issues/522 (libraylib.so.600 shipped as a Git LFS
    // pointer) and Unity-Technologies/com.unity.uiwidgets#205 (libUIWidgets.so likewise).
    @Test
    void aGitLfsPointerIsNamedWithTheLfsFix() throws Exception {
        JsonNode c = cause(Zoo2.target("lfs-pointer"), "WRONG_FORMAT");
        assertTrue(text(c, "message").contains("Git LFS pointer"), c.toString());
        assertTrue(text(c, "hint").contains("git lfs pull"), c.toString());
    }

    // https://github.com/vgskye/e4mc-minecraft-architectury/issues/60 : "Failed to download native
    // library" when the natives host was unreachable; the body saved instead is a server's error page.
    @Test
    void anHtmlErrorPageSavedByAFailedDownloadIsNamedAsSuch() throws Exception {
        JsonNode c = cause(Zoo2.target("html-page"), "WRONG_FORMAT");
        assertTrue(text(c, "message").contains("HTML document (\"404 Not Found\")"), c.toString());
        assertTrue(text(c, "hint").contains("download the library again"), c.toString());
    }

    // https://github.com/hzy3774/AndroidUn7zip/issues/18 and the like: a JAR handed to the loader
    // where the library inside it was meant.
    @Test
    void aJarIsNamedAsAnArchiveToExtractFrom() throws Exception {
        Path jar = dir.resolve("libnative.so");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("linux-x86_64/libnative.so"));
            zip.closeEntry();
        }
        JsonNode c = cause(jar, "WRONG_FORMAT");
        assertTrue(text(c, "message").contains("a JAR"), c.toString());
        assertTrue(text(c, "hint").contains("unzip -l libnative.so"), c.toString());
    }

    // https://github.com/CypherpunkArmory/UserLAnd/issues/1333 : libraries whose ELF OS/ABI byte
    // differs; a FreeBSD-branded one gives "ELF file OS ABI invalid".
    @Test
    void anElfForAnotherOsIsWrongFormatNamingTheOs() throws Exception {
        JsonNode c = cause(Zoo2.target("freebsd-abi"), "WRONG_FORMAT");
        assertTrue(text(c, "message").toUpperCase(java.util.Locale.ROOT).contains("FREEBSD"), c.toString());
    }
}
