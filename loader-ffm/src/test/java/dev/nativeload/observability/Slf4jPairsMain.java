package dev.nativeload.observability;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link Slf4jKeyValuePairsTest}: loads a library from a directory every user
 * may write (a load and a WARN), fails to load another, and prints what {@link CapturingSlf4jProvider} kept.
 */
public final class Slf4jPairsMain {
    private Slf4jPairsMain() {
    }

    /** @param args the directory holding libnlzcopy.so */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (NativeLibrary copy = NativeLoader.builder("nlzcopy").directories(dir).build().load()) {
            System.out.println("LOADED\t" + copy.path());
        }
        try {
            NativeLoader.builder("nativeload-kv-no-such-library").directories(dir).build().load();
        } catch (NativeLoadException expected) {
            System.out.println("FAILED\t" + expected.kind());
        }
        CapturingSlf4jProvider.EVENTS.forEach(System.out::println);
    }
}
