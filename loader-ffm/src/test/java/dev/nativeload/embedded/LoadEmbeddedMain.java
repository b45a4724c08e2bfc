package dev.nativeload.embedded;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Run in child JVMs by the tests: waits until {@code args[2]} exists (so all start together),
 * loads {@code embedded_solo} from the jar {@code args[1]} through the chain with the cache
 * {@code args[0]}, calls it, and prints {@code ok <path> <result> <origin>}.
 */
public final class LoadEmbeddedMain {
    private LoadEmbeddedMain() {
    }

    public static void main(String[] args) throws Throwable {
        Path cache = Path.of(args[0]);
        Path go = Path.of(args[2]);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!java.nio.file.Files.exists(go) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        try (URLClassLoader jar = EmbeddedFixtures.loaderOf(Path.of(args[1]))) {
            NativeLibrary lib = NativeLoader.builder("embedded_solo").access(FfmNativeAccess.provider()).classLoader(jar)
                    .cacheDirectory(cache).build().load();
            int r = (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_solo"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(41);
            System.out.println("ok " + lib.path() + " " + r + " " + lib.report().attempts().getLast().origin().toString());
        }
    }
}
