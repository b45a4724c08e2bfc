package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.report.FailureKind;
import dev.nativeload.IncompatibleLibraryException;
import dev.nativeload.NativeLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The kinds issue 13 added reach an application as {@link IncompatibleLibraryException}: the library
 * was found, and no process here can load it as it is. Real loads through NativeLoader and loader-ffm.
 */
@EnabledOnOs(OS.LINUX)
class Zoo2ExceptionTest {

    private static IncompatibleLibraryException refused(String setup) throws Exception {
        Path lib = Zoo2.target(setup);
        return assertThrows(IncompatibleLibraryException.class, () -> NativeLoader.load(lib));
    }

    @Test
    void staticTlsIsAnIncompatibleLibrary() throws Exception {
        IncompatibleLibraryException e = refused("static-tls");
        assertEquals(FailureKind.STATIC_TLS, e.kind());
        assertTrue(e.getMessage().contains("libbigtls.so"), e.getMessage());
    }

    @Test
    void pageSizeMismatchIsAnIncompatibleLibrary() throws Exception {
        assertEquals(FailureKind.PAGE_SIZE_MISMATCH, refused("small-pages").kind());
    }

    @Test
    void anExecutableIsAnIncompatibleLibraryOfKindNotALibrary() throws Exception {
        assertEquals(FailureKind.NOT_A_LIBRARY, refused("pie").kind());
    }

    @Test
    void aCorruptLibraryIsRefusedBeforeTheLoaderCanCrashOnIt() throws Exception {
        IncompatibleLibraryException e = refused("crlf");
        assertEquals(FailureKind.CORRUPT, e.kind());
        assertTrue(e.diagnosis().osMessage().isEmpty(), "skipped by the pre-check, never handed to dlopen: " + e.diagnosis());
    }
}
