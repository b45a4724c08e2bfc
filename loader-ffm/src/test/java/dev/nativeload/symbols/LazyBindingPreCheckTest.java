package dev.nativeload.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.UnresolvedSymbolException;
import dev.nativeload.ffm.FfmNativeAccess;
import dev.nativeload.ffm.fixtures.Toolchain;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.OpenMode;
import dev.nativeload.testsupport.ChildJvm;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load pre-check binds a library's symbols offline before {@code dlopen}: with lazy binding a
 * function nothing defines is a typed failure instead of a JVM that glibc ends at the first call,
 * and a symbol the running process provides (a library opened with GLOBAL visibility, libjvm) is
 * no failure. Every library here is built by the test with gcc.
 */
class LazyBindingPreCheckTest {
    private static final OpenMode LAZY = new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL);

    @TempDir
    static Path dir;
    private static Path undefinedFn;
    private static Path provider;
    private static Path userOfProvider;
    private static Path jvmUser;
    private static Path weakUser;

    @BeforeAll
    static void build() throws IOException {
        Toolchain.require("gcc");
        undefinedFn = compile("libnl_undef_call.so", "void nl_missing_fn(void);\nvoid call_missing(void) { nl_missing_fn(); }\n");
        provider = compile("libnl_provider.so", "int nl_provided_fn(void) { return 41; }\n");
        // Links without -lnl_provider: no DT_NEEDED, so only the process's global scope can provide it.
        userOfProvider = compile("libnl_provider_user.so", "int nl_provided_fn(void);\nint nl_use_provided(void) { return nl_provided_fn() + 1; }\n");
        jvmUser = compile("libnl_jvm_user.so", """
                typedef struct JavaVM_ JavaVM;
                int JNI_GetCreatedJavaVMs(JavaVM **vms, int size, int *count);
                int nl_count_vms(void) { JavaVM *vm; int n = -1; JNI_GetCreatedJavaVMs(&vm, 1, &n); return n; }
                """);
        weakUser = compile("libnl_weak_user.so", """
                __attribute__((weak)) void nl_maybe_fn(void);
                int nl_call_maybe(void) { if (nl_maybe_fn) { nl_maybe_fn(); return 1; } return 0; }
                """);
    }

    private static Path compile(String name, String code) throws IOException {
        Path c = Files.writeString(dir.resolve(name + ".c"), code);
        Toolchain.check(dir, "gcc", "-shared", "-fPIC", "-o", name, c.getFileName().toString());
        return dir.resolve(name);
    }

    private static NativeLoader.Builder lazy(String name, Path library, NativeAccess access) {
        return NativeLoader.builder(name).strategies(List.of(LoadStrategy.file(library))).mode(LAZY).access(access);
    }

    private static int callInt(NativeLibrary lib, String function) throws Throwable {
        MethodHandle f = Linker.nativeLinker().downcallHandle(lib.lookup(function), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        return (int) f.invokeExact();
    }

    /** The output and exit code of the child JVM loading {@code undefinedFn} lazily and calling it. */
    private record Child(int exitCode, String output) {
    }

    private static Child runChild(String bind) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(CallLazilyMain.class, undefinedFn.toString(), "call_missing", bind))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM should end");
        return new Child(p.exitValue(), out);
    }

    @Test
    void withoutThePreCheckALazyLoadSucceedsAndTheFirstCallOfTheUndefinedFunctionEndsTheJvm() throws Exception {
        Child child = runChild("nobind");
        assertTrue(child.output().contains("loaded"), child.output());
        assertFalse(child.output().contains("called"), child.output());
        assertTrue(child.output().contains("symbol lookup error") && child.output().contains("undefined symbol: nl_missing_fn"),
                () -> "glibc's own words expected:\n" + child.output());
        assertEquals(127, child.exitCode(), child.output());
    }

    @Test
    void withThePreCheckTheSameChildJvmGetsAnUnresolvedSymbolFailureAndLives() throws Exception {
        Child child = runChild("bind");
        assertEquals(3, child.exitCode(), child.output());
        assertTrue(child.output().contains("refused UNDEFINED_SYMBOL"), child.output());
        assertFalse(child.output().contains("symbol lookup error"), child.output());
    }

    @Test
    void lazyLoadOfLibraryWithUndefinedFunctionFailsBeforeDlopenNamingTheFunctionAndTheObject() throws IOException {
        NativeAccess access = FfmNativeAccess.provider();
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> lazy("nl-undef-call", undefinedFn, access).build().load());
        UnresolvedSymbolException u = assertInstanceOf(UnresolvedSymbolException.class, e);
        assertEquals(FailureKind.UNDEFINED_SYMBOL, u.kind());
        Diagnosis.Culprit.Symbol culprit = assertInstanceOf(Diagnosis.Culprit.Symbol.class, u.unresolved().orElseThrow());
        assertEquals("nl_missing_fn", culprit.name());
        assertEquals(Optional.of(undefinedFn.toString()), culprit.referencedBy());
        assertEquals(Optional.empty(), u.diagnosis().osMessage(), "decided before the OS was asked");
        // dlopen with RTLD_LAZY would have mapped its code executable (it loads: see the child JVM); the
        // offline binding only reads it, so no mapping of the file may be executable.
        List<String> executable = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(line -> line.endsWith(undefinedFn.toString()) && line.split("\\s+")[1].contains("x")).toList();
        assertEquals(List.of(), executable, "dlopen must not be called");
        assertTrue(u.getMessage().contains("nl_missing_fn") && u.getMessage().contains("first call"), u.getMessage());
    }

    @Test
    void withNowBindingThePreCheckDoesNotBindByDefaultAndTheLoaderRefusesTheLibraryItself() {
        NativeLoadException e = assertThrows(NativeLoadException.class, () -> NativeLoader.builder("nl-undef-call-now")
                .strategies(List.of(LoadStrategy.file(undefinedFn))).access(FfmNativeAccess.provider()).build().load());
        assertEquals(FailureKind.UNDEFINED_SYMBOL, e.kind());
        assertTrue(e.diagnosis().osMessage().orElseThrow().contains("undefined symbol: nl_missing_fn"), "dlopen's own words");
    }

    @Test
    void aFunctionProvidedByALibraryLoadedEarlierWithGlobalVisibilityIsNoFalsePositive() throws Throwable {
        NativeAccess access = FfmNativeAccess.provider();
        // Before the provider is loaded the reference really is unresolved: the check is not vacuous.
        UnresolvedSymbolException before = assertThrows(UnresolvedSymbolException.class,
                () -> lazy("nl-provider-user", userOfProvider, access).build().load());
        assertEquals(Optional.of("nl_provided_fn"), before.diagnosis().symbol());

        NativeLoader.builder("nl-provider").strategies(List.of(LoadStrategy.file(provider)))
                .mode(new OpenMode(OpenMode.Binding.NOW, OpenMode.Visibility.GLOBAL)).access(access).build().load();
        NativeLibrary user = lazy("nl-provider-user", userOfProvider, access).build().load();
        assertEquals(42, callInt(user, "nl_use_provided"), "the call binds to the global provider");
    }

    @Test
    void aLibjvmFunctionReferencedWithoutDtNeededOnLibjvmIsNoFalsePositive() throws Throwable {
        NativeLibrary lib = lazy("nl-jvm-user", jvmUser, FfmNativeAccess.provider()).build().load();
        assertEquals(1, callInt(lib, "nl_count_vms"), "JNI_GetCreatedJavaVMs bound to this JVM's libjvm");
    }

    @Test
    void aWeakUndefinedFunctionNeverFailsThePreCheck() throws Throwable {
        NativeLibrary lib = lazy("nl-weak-user", weakUser, FfmNativeAccess.provider()).bindSymbolsBeforeLoad(true).build().load();
        assertEquals(0, callInt(lib, "nl_call_maybe"));
    }

    @Test
    void theProcessGlobalScopeAnswersForVersionedAndUnversionedReferences() {
        NativeAccess access = FfmNativeAccess.provider();
        assertEquals(Optional.of(true), access.globalSymbolDefined("JNI_GetCreatedJavaVMs", Optional.empty()));
        assertEquals(Optional.of(true), access.globalSymbolDefined("memcpy", Optional.of("GLIBC_2.14")));
        assertEquals(Optional.of(true), access.globalSymbolDefined("memcpy", Optional.of("GLIBC_2.2.5")));
        assertEquals(Optional.of(false), access.globalSymbolDefined("memcpy", Optional.of("GLIBC_99.0")));
        assertEquals(Optional.of(false), access.globalSymbolDefined("nl_defined_nowhere", Optional.empty()));
    }
}
