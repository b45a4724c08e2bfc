package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} rules that need a deliberately bad ELF, built by gcc in a temporary directory. */
@EnabledOnOs(OS.LINUX)
class VerifyBuiltLibraryTest {
    @TempDir
    Path dir;

    @Test
    void dllInDtNeededBreaksTheDllNeededRuleNotTheDependencyRule() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "helper", "int helper(void) { return 1; }\n",
                "-shared", "-fPIC", "-Wl,-soname,helper.dll", "-o", "helper.dll");
        CCompiler.compile(dir, "gcc", "user", "int helper(void);\nint user(void) { return helper(); }\n",
                "-shared", "-fPIC", "-o", "libuser.so", "./helper.dll");
        CliRun run = CliRun.run(dir, "verify", "--target", "linux-x86_64", "libuser.so");
        assertEquals(1, run.status());
        assertEquals(List.of("libuser.so: dll-needed: DT_NEEDED names the Windows DLL helper.dll"), run.outLines());
    }

    // A drive letter cannot be tested: ld.so splits RPATH at ':', so C:\libs is the two entries C and \libs.
    @Test
    void windowsStyleAndRelativeRpathEntriesBreakTheRpathRuleAndOriginBracesPass() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "paths", "int paths(void) { return 2; }\n",
                "-shared", "-fPIC", "-Wl,--disable-new-dtags", "-Wl,-rpath,..\\lib:lib:${ORIGIN}/x", "-o", "libpaths.so");
        CliRun run = CliRun.run(dir, "verify", "--target", "linux-x86_64", "libpaths.so");
        assertEquals(1, run.status());
        assertEquals(List.of(
                "libpaths.so: rpath: RPATH entry '..\\lib' is a Windows-style path; use $ORIGIN",
                "libpaths.so: rpath: RPATH entry 'lib' is relative to the working directory, not the library; use $ORIGIN"),
                run.outLines());
    }
}
