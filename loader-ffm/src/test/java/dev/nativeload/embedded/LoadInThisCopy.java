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
 * Loads {@code embedded_solo} through whichever copy of nativeload this class was loaded with; the
 * two-copies test loads this class a second time in a class loader of its own.
 */
public final class LoadInThisCopy {
    private LoadInThisCopy() {
    }

    /**
     * {@return {@code embedded_solo(41)} of the library loaded from {@code jar} through the cache {@code cache}}
     *
     * @param cache the cache directory
     * @param jar   the jar holding the library
     */
    public static int load(String cache, String jar) throws Throwable {
        return Integer.parseInt(loadAndReport(cache, jar).split("\n", 2)[0]);
    }

    /**
     * {@return {@code embedded_solo(41)}, then on the next lines the library's path and its load report}
     *
     * @param cache the cache directory tried first; the fallbacks (per-user, temporary) are put
     *              beside it, so nothing is written outside the test's own directory
     * @param jar   the jar holding the library
     */
    public static String loadAndReport(String cache, String jar) throws Throwable {
        Path beside = Path.of(cache).toAbsolutePath().getParent();
        java.util.Properties props = new java.util.Properties();
        props.putAll(System.getProperties());
        props.setProperty("user.home", beside.resolve("home").toString());
        props.setProperty("java.io.tmpdir", beside.resolve("tmp").toString());
        dev.nativeload.platform.Environment env = dev.nativeload.platform.Environment.of(java.util.Map.of(), props);
        try (URLClassLoader loader = EmbeddedFixtures.loaderOf(Path.of(jar))) {
            var embedded = NativeLoader.builder("embedded_solo").classLoader(loader).cacheDirectory(Path.of(cache))
                    .environment(env).build().strategies().getLast();
            NativeLibrary lib = NativeLoader.builder("embedded_solo").strategies(List.of(embedded)).environment(env)
                    .access(FfmNativeAccess.provider()).build().load();
            int answer = (int) Linker.nativeLinker().downcallHandle(lib.lookup("embedded_solo"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(41);
            return answer + "\n" + lib.path() + "\n" + lib.report();
        }
    }

    /** {@return the class loader of nativeload's {@link NativeLoader} in this copy} */
    public static ClassLoader nativeloadLoader() {
        return NativeLoader.class.getClassLoader();
    }
}
