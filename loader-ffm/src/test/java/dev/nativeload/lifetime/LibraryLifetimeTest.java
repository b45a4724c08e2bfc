package dev.nativeload.lifetime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.LibraryNotFoundException;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.report.FailureKind;
import dev.nativeload.spi.LoadStrategy;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library's symbols live as long as the library, and one holder's close does not unload it from
 * under another: with the real zlib, through the real OS boundary.
 */
class LibraryLifetimeTest {
    @TempDir
    Path dir;

    /** A private copy of zlib, so this test's loads share nothing with any other test's. */
    private NativeLoader zlibCopy(String name) throws IOException {
        Path z = NativeLoader.load("z").path();
        Path copy = Files.copy(z, dir.resolve(name));
        return NativeLoader.builder(name).strategies(List.of(LoadStrategy.file(copy))).build();
    }

    private static String version(MethodHandle zlibVersion) throws Throwable {
        return ((MemorySegment) zlibVersion.invokeExact()).reinterpret(64).getString(0);
    }

    @Test
    void aSymbolUsedAfterItsLibraryIsReleasedThrowsIllegalStateInsteadOfCrashing() throws Throwable {
        NativeLibrary z = zlibCopy("libz-released.so").load();
        MethodHandle zlibVersion = Linker.nativeLinker().downcallHandle(z.lookup("zlibVersion"),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        assertTrue(version(zlibVersion).startsWith("1."));
        z.close();
        assertFalse(z.isOpen());
        assertThrows(IllegalStateException.class, () -> version(zlibVersion), "a call through a released library's symbol");
        assertThrows(IllegalStateException.class, () -> z.find("zlibVersion"));
    }

    @Test
    void oneHolderClosingLeavesTheLibraryLoadedForTheOther() throws Throwable {
        NativeLoader loader = zlibCopy("libz-shared.so");
        NativeLibrary first = loader.load();
        NativeLibrary second = loader.load();
        assertSame(first, second, "one library, two holders");
        MethodHandle zlibVersion = Linker.nativeLinker().downcallHandle(second.lookup("zlibVersion"),
                FunctionDescriptor.of(ValueLayout.ADDRESS));
        try (NativeLibrary scoped = first) {
            assertTrue(scoped.isOpen());
        }
        assertTrue(second.isOpen(), "the other holder still has it");
        assertTrue(version(zlibVersion).startsWith("1."), "and its symbols still work");
        second.close();
        assertFalse(second.isOpen());
        assertThrows(IllegalStateException.class, () -> version(zlibVersion));
        NativeLibrary again = loader.load();
        assertTrue(again.isOpen(), "a load after the release opens the library anew");
        again.close();
    }

    @Test
    void tryLoadOfAnAbsentLibraryIsEmptyAndHandsOverTheReport() {
        AtomicReference<NativeLoadException> why = new AtomicReference<>();
        Optional<NativeLibrary> absent = NativeLoader.builder("nativeload-no-such-library").build().tryLoad(why::set);
        assertTrue(absent.isEmpty());
        assertTrue(why.get() instanceof LibraryNotFoundException, String.valueOf(why.get()));
        assertEquals(FailureKind.NOT_FOUND, why.get().kind());
        assertFalse(why.get().report().attempts().isEmpty(), "the report of every attempt is still reachable");
        assertTrue(NativeLoader.builder("z").build().tryLoad(e -> { }).isPresent());
    }

    @Test
    void aNameThatIsAPathIsRefusedBeforeAnythingIsTried() {
        for (String bad : List.of("dir/libz.so", "../../libz.so", "/usr/lib/libz.so", "z\0evil", "..", "a\\b.dll")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeLoader.load(bad), bad);
            assertFalse(e.getMessage().contains("\0"), "the message prints no NUL");
        }
    }
}
