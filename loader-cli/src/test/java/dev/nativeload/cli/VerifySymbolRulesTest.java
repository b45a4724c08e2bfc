package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}'s symbol rules on libraries gcc and g++ build in a temporary directory. */
@EnabledOnOs(OS.LINUX)
class VerifySymbolRulesTest {
    /** A C++ library that needs libstdc++ versions newer than manylinux2014's (g++ 12: GLIBCXX_3.4.30 for the assertion hook). */
    private static final String CXX = """
            #include <string>
            #include <sstream>
            #include <vector>
            extern "C" int nl_cxx_len(int x) {
                std::vector<int> v(3, x);
                std::ostringstream o;
                o << std::to_string(v[static_cast<unsigned>(x) % 3]) << "!";
                return (int) o.str().size();
            }
            """;
    private static final Pattern NEEDED = Pattern.compile("Name: ((GLIBCXX|CXXABI)_([0-9.]+))\\s");

    @TempDir
    Path dir;

    /** {@return the GLIBCXX_/CXXABI_ versions readelf -V lists as needed, numeric ones only} */
    private List<String> readelfVersions(String file) throws Exception {
        Process p = new ProcessBuilder("readelf", "-V", "-W", file).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        TreeSet<String> names = new TreeSet<>();
        Matcher m = NEEDED.matcher(out.substring(out.indexOf("Version needs section")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /** Whether a version is newer than the manylinux2014 ceiling, compared by hand from the policy's numbers. */
    private static boolean newerThanManylinux2014(String version) {
        String[] parts = version.substring(version.indexOf('_') + 1).split("\\.");
        int[] ceiling = version.startsWith("GLIBCXX") ? new int[] {3, 4, 19} : new int[] {1, 3, 7};
        for (int i = 0; i < 3; i++) {
            int v = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            if (v != ceiling[i]) {
                return v > ceiling[i];
            }
        }
        return false;
    }

    @Test
    void cxxLibraryNeedingGlibcxxNewerThanManylinux2014BreaksSymbolVersionTooNewForEachVersionReadelfLists() throws Exception {
        CCompiler.require("g++");
        CCompiler.require("readelf");
        CCompiler.compile(dir, "g++", "cxx", CXX, "-shared", "-fPIC", "-D_GLIBCXX_ASSERTIONS", "-o", "libcxx.so");
        List<String> tooNew = readelfVersions("libcxx.so").stream().filter(VerifySymbolRulesTest::newerThanManylinux2014).toList();
        assertTrue(tooNew.contains("GLIBCXX_3.4.30"), "g++ 12 with assertions needs GLIBCXX_3.4.30: " + tooNew);

        CliRun run = CliRun.run(dir, "verify", "--target", "linux-x86_64", "--max-glibc", "2.17", "libcxx.so");
        assertEquals(1, run.status());
        List<String> reported = run.outLines().stream().filter(l -> l.startsWith("libcxx.so: symbol-version-too-new: needs "))
                .map(l -> l.split(" ")[3]).sorted().toList();
        assertEquals(tooNew, reported, run.out());
        assertTrue(run.out().contains("needs GLIBCXX_3.4.30 from libstdc++.so.6, newer than GLIBCXX_3.4.19, the newest "
                + "manylinux_2_17 (manylinux2014) allows"), run.out());
    }

    @Test
    void theSameLibraryPassesAgainstAGlibcWhosePolicyAllowsItsLibstdcxx() throws Exception {
        CCompiler.require("g++");
        CCompiler.compile(dir, "g++", "cxx", CXX, "-shared", "-fPIC", "-D_GLIBCXX_ASSERTIONS", "-o", "libcxx.so");
        CliRun run = CliRun.run(dir, "verify", "--target", "linux-x86_64", "--max-glibc", "2.40", "libcxx.so");
        assertEquals(List.of("libcxx.so: ok"), run.outLines(), run.out());
        assertEquals(0, run.status());
    }

    @Test
    void aFunctionNothingInTheTreeDefinesBreaksTheUnresolvedSymbolRule() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "undef", "void nl_nowhere(void);\nvoid f(void) { nl_nowhere(); }\n",
                "-shared", "-fPIC", "-o", "libundef.so");
        CliRun run = CliRun.run(dir, "verify", "--target", "linux-x86_64", "--json", "libundef.so");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("\"rule\":\"unresolved-symbol\",\"message\":\"references nl_nowhere, which no library"),
                run.out());
    }

    @Test
    void aFunctionAShippedDependencyDefinesAndAJniFunctionOfLibjvmAreNotUnresolved() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "dep", "int nl_dep(void) { return 1; }\n",
                "-shared", "-fPIC", "-Wl,-soname,libdep.so", "-o", "libdep.so");
        CCompiler.compile(dir, "gcc", "user", """
                int nl_dep(void);
                typedef struct JavaVM_ JavaVM;
                int JNI_GetCreatedJavaVMs(JavaVM **vms, int size, int *count);
                int g(void) { int n = 0; JNI_GetCreatedJavaVMs(0, 0, &n); return nl_dep() + n; }
                """, "-shared", "-fPIC", "-L.", "-ldep", "-Wl,-rpath,$ORIGIN", "-o", "libuser.so");
        CliRun run = CliRun.run(dir, "verify", "--target", "linux-x86_64", "libuser.so", "libdep.so");
        assertEquals(List.of("libuser.so: ok", "libdep.so: ok"), run.outLines(), run.out());
    }
}
