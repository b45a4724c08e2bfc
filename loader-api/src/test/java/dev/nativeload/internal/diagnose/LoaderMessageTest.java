package dev.nativeload.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.internal.diagnose.LoaderMessage.Shape;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoaderMessageTest {
    @Test
    void glibcCannotOpenNamesTheObjectAndTheStrerrorTail() {
        LoaderMessage m = LoaderMessage.parse("libbar.so.7: cannot open shared object file: No such file or directory");
        assertEquals(Shape.CANNOT_OPEN, m.shape());
        assertEquals(Optional.of("libbar.so.7"), m.object());
        assertEquals(Optional.of("No such file or directory"), m.reason());
    }

    @Test
    void glibcVersionNotFoundNamesVersionDependencyAndWhoRequiresIt() {
        LoaderMessage m = LoaderMessage.parse("/t/libver.so: version `ZOO_2.0' not found (required by /t/libuser.so)");
        assertEquals(Shape.VERSION_NOT_FOUND, m.shape());
        assertEquals(Optional.of("/t/libver.so"), m.object());
        assertEquals(Optional.of("ZOO_2.0"), m.version());
        assertEquals(Optional.of("/t/libuser.so"), m.requiredBy());
    }

    @Test
    void glibcUndefinedSymbolNamesTheSymbolAndOptionalVersion() {
        assertEquals(Optional.of("missing_var"), LoaderMessage.parse("/t/libu.so: undefined symbol: missing_var").symbol());
        LoaderMessage v = LoaderMessage.parse("/t/libu.so: undefined symbol: foo, version ZOO_2.0");
        assertEquals(Optional.of("foo"), v.symbol());
        assertEquals(Optional.of("ZOO_2.0"), v.version());
    }

    @Test
    void glibcFixedPhrasesAreRecognised() {
        assertEquals(Shape.WRONG_ELF_CLASS, LoaderMessage.parse("/t/lib32.so: wrong ELF class: ELFCLASS32").shape());
        assertEquals(Shape.INVALID_ELF_HEADER, LoaderMessage.parse("/t/x.txt: invalid ELF header").shape());
        assertEquals(Shape.FILE_TOO_SHORT, LoaderMessage.parse("/t/empty.so: file too short").shape());
        assertEquals(Shape.CANNOT_READ, LoaderMessage.parse("/t/dir: cannot read file data: Is a directory").shape());
        LoaderMessage map = LoaderMessage.parse("/t/big.so: failed to map segment from shared object");
        assertEquals(Shape.MAP_SEGMENT_FAILED, map.shape());
        assertEquals(Optional.empty(), map.reason());
    }

    @Test
    void muslMessagesNameTheLibraryAndWhoNeedsIt() {
        LoaderMessage m = LoaderMessage.parse("Error loading shared library libbar.so.7: No such file or directory (needed by /t/libfoo.so)");
        assertEquals(Shape.CANNOT_OPEN, m.shape());
        assertEquals(Optional.of("libbar.so.7"), m.object());
        assertEquals(Optional.of("No such file or directory"), m.reason());
        assertEquals(Optional.of("/t/libfoo.so"), m.requiredBy());
        LoaderMessage r = LoaderMessage.parse("Error relocating /t/libu.so: missing_var: symbol not found");
        assertEquals(Shape.UNDEFINED_SYMBOL, r.shape());
        assertEquals(Optional.of("missing_var"), r.symbol());
    }

    @Test
    void dyldLibraryNotLoadedNamesDependencyAndReferrer() {
        LoaderMessage m = LoaderMessage.parse("dlopen(/t/libfoo.dylib, 0x0005): Library not loaded: @rpath/libbar.dylib\n"
                + "  Referenced from: <1234-ABCD> /t/libfoo.dylib\n  Reason: tried: '/t/libbar.dylib' (no such file)");
        assertEquals(Shape.DYLD_LIBRARY_NOT_LOADED, m.shape());
        assertEquals(Optional.of("@rpath/libbar.dylib"), m.object());
        assertEquals(Optional.of("/t/libfoo.dylib"), m.requiredBy());
    }

    @Test
    void dyldIncompatibleArchitectureIsRecognised() {
        LoaderMessage m = LoaderMessage.parse("dlopen(/t/libx.dylib, 0x0001): tried: '/t/libx.dylib' (mach-o file, but is an "
                + "incompatible architecture (have 'x86_64', need 'arm64'))");
        assertEquals(Shape.DYLD_INCOMPATIBLE_ARCH, m.shape());
        assertEquals(Optional.of("/t/libx.dylib"), m.object());
    }

    @Test
    void anUnknownMessageStillYieldsItsTrailingReason() {
        LoaderMessage m = LoaderMessage.parse("/t/x.so: cannot enable frobnication: Function not implemented");
        assertEquals(Optional.of("Function not implemented"), m.reason());
    }
}
