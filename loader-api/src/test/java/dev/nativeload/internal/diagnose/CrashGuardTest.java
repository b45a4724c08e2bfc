package dev.nativeload.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.FakeAccess;
import dev.nativeload.binary.elf.ElfLoadHeaders;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashGuard} and {@link CpuFlags} on libraries gcc links here with {@code -z x86-64-vN}: the
 * ISA level a library is marked with against the flags of CPUs that have it and of one that lacks it.
 */
class CrashGuardTest {
    /** The flags line of an Intel Haswell (Xeon E5-2600 v3) as Linux 6.1 lists them: x86-64-v3, no AVX-512. */
    private static final String HASWELL = "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge"
            + " mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc"
            + " arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc cpuid aperfmperf pni pclmulqdq dtes64 monitor"
            + " ds_cpl vmx smx est tm2 ssse3 sdbg fma cx16 xtpr pdcm pcid dca sse4_1 sse4_2 x2apic movbe popcnt"
            + " tsc_deadline_timer aes xsave avx f16c rdrand lahf_lm abm cpuid_fault epb invpcid_single pti intel_ppin"
            + " ssbd ibrs ibpb stibp tpr_shadow flexpriority ept vpid ept_ad fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms"
            + " invpcid cqm xsaveopt cqm_llc cqm_occup_llc dtherm ida arat pln pts md_clear flush_l1d\n";
    /** A CPU of the first x86-64 generation: baseline only. */
    private static final String OPTERON = "flags\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36"
            + " clflush mmx fxsr sse sse2 syscall nx mmxext fxsr_opt lm 3dnowext 3dnow rep_good nopl\n";

    @TempDir
    Path dir;

    private Path isaLibrary(int level) throws Exception {
        require("gcc");
        Assumptions.assumeTrue(System.getProperty("os.arch").equals("amd64"), "gcc here targets x86-64");
        Path lib = dir.resolve("libisa_v" + level + ".so");
        Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-Wl,-z,x86-64-v" + level, "-o", lib.toString(),
                Path.of(System.getProperty("nativeload.testdata", "../testdata"), "zoo2", "crash", "src", "isa.c").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return lib;
    }

    private static void require(String program) {
        String path = System.getenv("PATH");
        boolean found = path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
        if (!found && "true".equals(System.getenv("CI"))) {
            fail(program + " is not installed (CI=true: a test that cannot run here fails)");
        }
        Assumptions.assumeTrue(found, program + " is not installed");
    }

    private static CrashGuard guard(String cpuinfo) {
        Optional<CpuFlags> flags = CpuFlags.parse(cpuinfo);
        assertTrue(flags.isPresent());
        return new CrashGuard(FakeAccess.GLIBC_X86_64, () -> flags);
    }

    @Test
    void libraryMarkedX86_64V4IsWrongArchitectureOnACpuWithoutAvx512NamingTheMissingFlags() throws Exception {
        Path lib = isaLibrary(4);
        Diagnosis d = guard(HASWELL).check(lib).orElseThrow(() -> new AssertionError("a v4 library passed on Haswell"));
        assertEquals(FailureKind.WRONG_ARCHITECTURE, d.kind());
        assertTrue(d.cause().startsWith("libisa_v4.so is marked as needing x86-64-v4"), d.cause());
        assertTrue(d.cause().contains("lacks avx512f, avx512bw, avx512cd, avx512dq, avx512vl"), d.cause());
        assertTrue(d.hint().contains("-mavx512f"), d.hint());
    }

    @Test
    void levelsTheCpuHasPassAndOneItLacksIsRefused() throws Exception {
        assertTrue(guard(HASWELL).check(isaLibrary(3)).isEmpty(), "Haswell runs x86-64-v3");
        assertTrue(guard(HASWELL).check(isaLibrary(2)).isEmpty(), "Haswell runs x86-64-v2");
        Diagnosis d = guard(OPTERON).check(isaLibrary(2)).orElseThrow();
        assertEquals(FailureKind.WRONG_ARCHITECTURE, d.kind());
        assertTrue(d.cause().contains("lacks cx16, lahf_lm, popcnt, sse4_1, sse4_2, ssse3"), d.cause());
    }

    @Test
    void lzcntIsNotJudgedSinceSomeVirtualMachinesOmitItsFlag() {
        CpuFlags noAbm = CpuFlags.parse(HASWELL.replace(" abm", "")).orElseThrow();
        assertFalse(noAbm.flags().contains("abm"));
        assertEquals(List.of(), noAbm.missingFor(ElfLoadHeaders.X86_64_V3));
    }

    @Test
    void thisCpusFlagsComeFromProcCpuinfoAndDecideAsGlibcDoes() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/proc/cpuinfo")), "no /proc/cpuinfo");
        CpuFlags cpu = CpuFlags.thisCpu().orElseThrow();
        Path lib = isaLibrary(4);
        Optional<Diagnosis> d = new CrashGuard(FakeAccess.GLIBC_X86_64, ResolveHost.forHost(FakeAccess.GLIBC_X86_64)).check(lib);
        assertEquals(!cpu.missingFor(ElfLoadHeaders.X86_64_V4).isEmpty(), d.isPresent(), d.toString());
    }

    @Test
    void noCpuFlagsMeansNoIsaRefusal() throws Exception {
        Path lib = isaLibrary(4);
        assertTrue(new CrashGuard(FakeAccess.GLIBC_X86_64, Optional::empty).check(lib).isEmpty());
        assertTrue(CpuFlags.parse("processor\t: 0\nmodel name\t: unknown\n").isEmpty());
    }

    @Test
    void aFileWrittenBetweenTwoReadsCountsAsChanged() throws Exception {
        Path lib = isaLibrary(2);
        BasicFileAttributes before = Files.readAttributes(lib, BasicFileAttributes.class);
        Files.write(lib, new byte[] {0}, StandardOpenOption.APPEND);
        BasicFileAttributes after = Files.readAttributes(lib, BasicFileAttributes.class);
        assertTrue(CrashGuard.changed(before, after));
        assertFalse(CrashGuard.changed(after, Files.readAttributes(lib, BasicFileAttributes.class)));
    }
}
