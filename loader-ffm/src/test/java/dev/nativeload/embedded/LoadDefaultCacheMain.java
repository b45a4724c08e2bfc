package dev.nativeload.embedded;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by the tests, under whatever uid they choose: loads {@code embedded_solo} from
 * the jar {@code args[0]} with only the embedded step and the default cache locations, calls it, and
 * prints {@code ok <path> <result> <user.name> <user.home>}.
 */
public final class LoadDefaultCacheMain {
    private LoadDefaultCacheMain() {
    }

    public static void main(String[] args) throws Throwable {
        try (URLClassLoader jar = EmbeddedFixtures.loaderOf(Path.of(args[0]))) {
            var embedded = NativeLoader.builder("embedded_solo").classLoader(jar).build().strategies().getLast();
            NativeLibrary lib = NativeLoader.builder("embedded_solo").strategies(List.of(embedded))
                    .access(FfmNativeAccess.provider()).build().load();
            int r = (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_solo"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(41);
            System.out.println("ok " + lib.path() + " " + r + " " + System.getProperty("user.name") + " "
                    + System.getProperty("user.home"));
        }
    }
}
